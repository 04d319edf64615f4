// The rest of the prompt feature in a real headless Neovim: the model picker with fit verdicts
// and its warning, $input and user templates, follow-up, retry, yank, insert, the question
// before replacing changed text, and one real end-to-end answer from the embedded runtime.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ScriptedStream, fixtureJson, ollamaChatDone, ollamaChatToken, startFakeOllama, streamQueue, type FakeOllama } from "../support/fake-servers.js";
import { startNvim, waitFor, type Nvim } from "../support/nvim.js";
import { writeTinyGguf } from "../support/tiny-gguf.js";

const MODEL = "llama3.2";
// /api/show's documented example: an 8B Llama in Q4_0, about 4.7 GB.
const TAGS = { models: [{ name: MODEL, model: MODEL, modified_at: "2024-09-25T00:00:00Z", size: 4661224676, digest: "a80c4f17acd5", details: { format: "gguf", family: "llama", parameter_size: "8.0B", quantization_level: "Q4_0" } }] };

let ollama: FakeOllama;
beforeAll(async () => {
  ollama = await startFakeOllama({ tags: TAGS, ps: { models: [] }, show: { [MODEL]: fixtureJson("ollama/show-llama3.2.json") } });
});
afterAll(async () => ollama?.close());

function setup(extra: string, hardware = "gpu = \"RTX 3070\", vram_gb = 8, ram_gb = 32"): string {
  return `require("llmfit").setup({
    hardware = { ${hardware} },
    -- a generous probe deadline: these tests are about what is shown; deadlines are tested in test/runtimes
    runtimes = { timeout_ms = 10000, ollama = { url = "${ollama.url}" }, llamacpp = { enabled = false }, lmstudio = { enabled = false } },
    ${extra}
  })
  _G.__picked = {}
  vim.ui.select = function(items, opts, cb)
    for _, it in ipairs(items) do table.insert(_G.__picked, opts.format_item and opts.format_item(it) or it) end
    cb(items[1])
  end
  vim.ui.input = function(opts, cb) cb(_G.__input) end
  _G.__confirms = {}
  vim.fn.confirm = function(msg) table.insert(_G.__confirms, msg) return _G.__confirm_answer or 1 end`;
}

async function source(nvim: Nvim, lines: string[]): Promise<void> {
  await nvim.lua(`vim.cmd("enew!") vim.g.__src = vim.api.nvim_get_current_buf() vim.bo.filetype = "lua" vim.api.nvim_buf_set_lines(0, 0, -1, false, ...)`, [lines]);
}

async function buffer(nvim: Nvim): Promise<string[]> {
  return nvim.lua<string[]>("return vim.api.nvim_buf_get_lines(vim.g.__src, 0, -1, false)");
}

async function floatText(nvim: Nvim): Promise<string> {
  return (await nvim.floats()).map((f) => f.lines.join("\n")).join("\n");
}

async function state(nvim: Nvim, want: string): Promise<void> {
  await waitFor(
    async () => nvim.lua<boolean>(`local a = require('llmfit.answer') for id = 50, 1, -1 do local s = a.state(id) if s then return s.state == "${want}" end end return false`),
    15_000,
    `the prompt to be ${want}`,
  );
}

function answer(...tokens: string[]): ScriptedStream {
  const s = new ScriptedStream("application/x-ndjson");
  for (const t of tokens) s.write(ollamaChatToken(t, MODEL));
  return s.write(ollamaChatDone(MODEL)).end();
}

describe("the model picker", () => {
  let nvim: Nvim;
  afterEach(async () => nvim?.close());

  it("lists installed models with their fit and speed here, and remembers the choice", async () => {
    nvim = await startNvim({ setup: setup("") });
    await source(nvim, ["x = 1"]);
    const first = answer("ok");
    ollama.setChat(streamQueue(first, answer("again")));
    await nvim.cmd("LlmFit prompt explain");
    await first.attached;
    const picked = await nvim.lua<string[]>("return _G.__picked");
    expect(picked).toHaveLength(1);
    // The report's phrase for the model (src/report/models.ts adviceSummary): verdict, quant, tok/s with its range and source.
    expect(picked[0]).toMatch(/^llama3\.2 {2}\(Ollama · 4k ctx · fits GPU · Q\w+ · [\d.]+ tok\/s \([\d.]+–[\d.]+\) estimate\)$/);
    await state(nvim, "done");
    await nvim.api.input("q");
    // The second prompt uses the remembered model without asking.
    await nvim.cmd("LlmFit prompt explain");
    await state(nvim, "done");
    expect(await nvim.lua<string[]>("return _G.__picked")).toHaveLength(1);
  });

  it("warns before a model that does not fit, and sends nothing when the user declines", async () => {
    nvim = await startNvim({ setup: setup("", "ram_gb = 2") });
    await nvim.lua("_G.__confirm_answer = 2");
    await source(nvim, ["x = 1"]);
    const before = ollama.requests.filter((r) => r.path === "/api/chat").length;
    await nvim.cmd("LlmFit prompt explain");
    const confirms = await waitFor(async () => {
      const c = await nvim.lua<string[]>("return _G.__confirms");
      return c.length > 0 ? c : undefined;
    }, 10_000, "the warning");
    expect(confirms[0]).toMatch(/^llmfit: llama3\.2 does not fit in this machine's memory/);
    expect(ollama.requests.filter((r) => r.path === "/api/chat").length).toBe(before);
    expect((await nvim.floats()).length).toBe(0);
  });
});

describe("templates and answer actions", () => {
  let nvim: Nvim;
  beforeAll(async () => {
    nvim = await startNvim({
      setup: setup(`prompt = { model = "${MODEL}", templates = { shout = { prompt = "SHOUT: $text", replace = true, description = "loud" } } },`),
    });
  });
  afterAll(async () => nvim?.close());
  afterEach(async () => {
    await nvim.lua("for _, w in ipairs(vim.api.nvim_list_wins()) do if vim.api.nvim_win_get_config(w).relative ~= '' then vim.api.nvim_win_close(w, true) end end");
  });

  it("asks for $input and uses a template from setup()", async () => {
    await source(nvim, ["local a = 1"]);
    await nvim.lua("_G.__input = 'is this idiomatic?'");
    const ask = answer("yes");
    ollama.setChat(streamQueue(ask));
    await nvim.cmd("LlmFit prompt ask");
    expect(((await ask.attached).json as { messages: { content: string }[] }).messages.at(-1)!.content).toMatch(/^is this idiomatic\?\n\n```lua\nlocal a = 1\n```$/);
    await state(nvim, "done");
    await nvim.api.input("q");

    const shout = answer("LOUD");
    ollama.setChat(streamQueue(shout));
    await nvim.cmd("LlmFit prompt shout");
    expect(((await shout.attached).json as { messages: { content: string }[] }).messages.at(-1)!.content).toBe("SHOUT: local a = 1");
    await state(nvim, "done");
  });

  it("asks a follow-up in the same conversation, retries, yanks and inserts below as one undo step", async () => {
    await source(nvim, ["print(1)", "print(2)"]);
    const first = answer("It prints.");
    const follow = answer(" Twice.");
    const retry = answer("Numbers.");
    ollama.setChat(streamQueue(first, follow, retry));
    await nvim.lua(`vim.cmd([[execute "normal! 1GVj\\<Esc>"]])`);
    await nvim.cmd("'<,'>LlmFit prompt explain");
    await state(nvim, "done");

    await nvim.lua("_G.__input = 'how often?'");
    await nvim.api.input("f");
    const req = (await follow.attached).json as { messages: { role: string; content: string }[] };
    expect(req.messages.map((m) => m.role)).toEqual(["user", "assistant", "user"]);
    expect(req.messages[1]!.content).toBe("It prints.");
    expect(req.messages[2]!.content).toBe("how often?");
    await state(nvim, "done");
    expect(await floatText(nvim)).toMatch(/It prints\.\n\n---\n\n\*\*You:\*\* how often\?\n\n Twice\./);

    await nvim.api.input("R");
    const again = (await retry.attached).json as { messages: { role: string }[] };
    expect(again.messages.map((m) => m.role)).toEqual(["user", "assistant", "user"]); // the last answer was dropped
    await state(nvim, "done");
    expect(await floatText(nvim)).toContain("Numbers.");

    await nvim.api.input("y");
    expect(await nvim.lua<string>("return vim.fn.getreg('\"')")).toBe("Numbers.");

    await nvim.api.input("i");
    await waitFor(async () => ((await nvim.floats()).length === 0 ? true : undefined), 5000, "the float to close");
    expect(await buffer(nvim)).toEqual(["print(1)", "print(2)", "Numbers."]);
    await nvim.cmd("undo");
    expect(await buffer(nvim)).toEqual(["print(1)", "print(2)"]);
  });

  it("asks before replacing text that changed since the prompt was sent", async () => {
    await source(nvim, ["old text"]);
    const s = new ScriptedStream("application/x-ndjson");
    ollama.setChat(streamQueue(s));
    await nvim.lua(`vim.cmd([[execute "normal! 1GV\\<Esc>"]])`);
    await nvim.cmd("'<,'>LlmFit prompt explain");
    await s.attached;
    await nvim.lua("vim.api.nvim_buf_set_text(vim.g.__src, 0, 0, 0, 3, { 'new' })");
    s.write(ollamaChatToken("answer", MODEL)).write(ollamaChatDone(MODEL)).end();
    await state(nvim, "done");
    await nvim.lua("_G.__confirms = {} _G.__confirm_answer = 2");
    await nvim.api.input("a");
    expect((await nvim.lua<string[]>("return _G.__confirms"))[0]).toMatch(/selected text changed/);
    expect(await buffer(nvim)).toEqual(["new text"]); // declined: the user's edit stays
    await nvim.lua("_G.__confirm_answer = 1");
    await nvim.api.input("a");
    await waitFor(async () => ((await buffer(nvim))[0] === "answer" ? true : undefined), 5000, "the replacement");
  });
});

describe("the embedded runtime", () => {
  let nvim: Nvim;
  afterAll(async () => nvim?.close());

  it("streams a real answer from a tiny GGUF through node-llama-cpp", async () => {
    const path = writeTinyGguf(join(mkdtempSync(join(tmpdir(), "llmfit-tiny-")), "tiny.gguf"));
    nvim = await startNvim({
      setup: setup(`prompt = { model = "${path}", embedded_model = "${path}", embedded_threads = 1, max_tokens = 24 },`),
    });
    await source(nvim, ["hello world"]);
    await nvim.cmd("LlmFit prompt summarize");
    await state(nvim, "done");
    const s = await nvim.lua<{ tokens: number; answer: string }>("local a = require('llmfit.answer') for id = 50, 1, -1 do local s = a.state(id) if s then return s end end");
    expect(s.tokens).toBeGreaterThan(4);
    expect(s.answer.length).toBeGreaterThan(0);
    expect(await floatText(nvim)).toContain(s.answer.trim().split(/\s+/)[0]!);
  });
});
