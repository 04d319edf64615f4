// :'<,'>LlmFit prompt against a fake Ollama on 127.0.0.1, in a real headless Neovim: what is
// sent for each kind of selection, the streamed float, accept as one undo step, cancel, errors
// mid-stream, edits elsewhere while streaming, and the context guard.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  ScriptedStream,
  ollamaChatDone,
  ollamaChatToken,
  ollamaLine,
  startFakeOllama,
  streamQueue,
  type FakeOllama,
} from "../support/fake-servers.js";
import { startNvim, waitFor, type Nvim } from "../support/nvim.js";

const MODEL = "llama3:latest";

let ollama: FakeOllama;
let nvim: Nvim;

function setupLua(url: string, extra = ""): string {
  return `require("llmfit").setup({
    -- a generous probe deadline: these tests are about what is shown; deadlines are tested in test/runtimes
    runtimes = { timeout_ms = 10000, ollama = { url = "${url}" }, llamacpp = { enabled = false }, lmstudio = { enabled = false } },
    prompt = { model = "${MODEL}" ${extra} },
  })`;
}

async function buffer(): Promise<string[]> {
  return nvim.lua<string[]>("return vim.api.nvim_buf_get_lines(vim.g.__src, 0, -1, false)");
}

async function source(lines: string[]): Promise<void> {
  await nvim.lua(
    `vim.cmd("enew!") vim.g.__src = vim.api.nvim_get_current_buf()
     vim.bo.filetype = "lua"
     vim.api.nvim_buf_set_lines(0, 0, -1, false, ...)`,
    [lines],
  );
}

/** Start a prompt whose answer the test streams by hand. */
async function prompt(command: string, keys: string): Promise<{ stream: ScriptedStream; body: { messages: Array<{ role: string; content: string }> } }> {
  const stream = new ScriptedStream("application/x-ndjson");
  ollama.setChat(streamQueue(stream));
  await nvim.lua(`vim.cmd([[execute "normal! ${keys}\\<Esc>"]])`);
  await nvim.cmd(command);
  const req = await stream.attached;
  return { stream, body: req.json as { messages: Array<{ role: string; content: string }> } };
}

async function floatText(): Promise<string> {
  const floats = await nvim.floats();
  return floats.map((f) => f.lines.join("\n")).join("\n");
}

/** Wait until the newest prompt reaches `state` (done, failed, cancelled). */
async function reaches(state: string): Promise<void> {
  await waitFor(
    async () => nvim.lua<boolean>(`local a = require('llmfit.answer') for id = 50, 1, -1 do local s = a.state(id) if s then return s.state == "${state}" end end return false`),
    5000,
    `the prompt to be ${state}`,
  );
}

beforeAll(async () => {
  ollama = await startFakeOllama();
});
afterAll(async () => ollama?.close());

describe("prompting from a selection", () => {
  beforeAll(async () => {
    nvim = await startNvim({ setup: setupLua(ollama.url) });
  });
  afterAll(async () => nvim?.close());
  afterEach(async () => {
    await nvim.lua("for _, w in ipairs(vim.api.nvim_list_wins()) do if vim.api.nvim_win_get_config(w).relative ~= '' then vim.api.nvim_win_close(w, true) end end");
    await nvim.clearNotes();
  });

  it("sends a charwise multibyte selection, streams the answer, and accept is one undo step", async () => {
    const original = ["local s = 'héllo wörld'", "return s"];
    await source(original);
    const { stream, body } = await prompt("'<,'>LlmFit prompt explain", "1G12|v4l");
    const user = body.messages.find((m) => m.role === "user")!;
    expect(user.content).toContain("```lua\nhéllo\n```");

    stream.write(ollamaChatToken("bonjour", MODEL));
    await waitFor(async () => ((await floatText()).includes("bonjour") ? true : undefined), 5000, "the first chunk");
    stream.write(ollamaChatToken(" 🌍", MODEL)).write(ollamaChatDone(MODEL)).end();
    await waitFor(async () => ((await floatText()).includes("bonjour 🌍") ? true : undefined), 5000, "the whole answer");
    await reaches("done");

    await nvim.api.input("a");
    await waitFor(async () => ((await nvim.floats()).length === 0 ? true : undefined), 5000, "the float to close");
    expect(await buffer()).toEqual(["local s = 'bonjour 🌍 wörld'", "return s"]);
    await nvim.cmd("undo");
    expect(await buffer()).toEqual(original);
    expect(await nvim.notes()).toEqual([]);
  });

  it("streams the answer above the footer, which stays the float's last line on every version", async () => {
    await source(["x = 1"]);
    const { stream } = await prompt("LlmFit prompt explain", "1G");
    stream.write(ollamaChatToken("first", MODEL)).write(ollamaChatToken(" line\nsecond", MODEL));
    await waitFor(async () => ((await floatText()).includes("first line\nsecond") ? true : undefined), 5000, "the chunks");
    const hasFooter = await nvim.lua<boolean>("return vim.fn.has('nvim-0.10') == 1");
    const [float] = await nvim.floats();
    const lines = float!.lines;
    if (hasFooter) {
      // Native footer (0.10+): the buffer holds only the answer.
      const footer = await nvim.lua<unknown>(`return vim.api.nvim_win_get_config(${float!.win}).footer`);
      expect(JSON.stringify(footer)).toContain("cancel");
      expect(lines.at(-1)).toBe("second");
    } else {
      // Emulated footer (before 0.10): a blank line and the keys, below everything streamed.
      expect(lines.at(-1)).toMatch(/cancel/);
      expect(lines.at(-2)).toBe("");
      expect(lines.at(-3)).toBe("second");
      expect(lines.join("\n")).not.toMatch(/cancel\S*second|cancel.*first/);
    }
    stream.write(ollamaChatDone(MODEL)).end();
    await reaches("done");
  });

  it("sends whole lines for a linewise selection and a range given with a count", async () => {
    await source(["a = 1", "b = 2", "c = 3", "d = 4"]);
    const v = await prompt("'<,'>LlmFit prompt explain", "2GVj");
    expect(v.body.messages.at(-1)!.content).toContain("```lua\nb = 2\nc = 3\n```");
    v.stream.write(ollamaChatDone(MODEL)).end();
    await reaches("done");
    await nvim.api.input("q");

    const counted = await prompt("3,4LlmFit prompt explain", "1G");
    expect(counted.body.messages.at(-1)!.content).toContain("```lua\nc = 3\nd = 4\n```");
    counted.stream.write(ollamaChatDone(MODEL)).end();
    await reaches("done");
  });

  it("sends the whole buffer when there is no range", async () => {
    await source(["x = 1", "y = 2"]);
    const { stream, body } = await prompt("LlmFit prompt explain", "1G");
    expect(body.messages.at(-1)!.content).toContain("```lua\nx = 1\ny = 2\n```");
    stream.write(ollamaChatDone(MODEL)).end();
    await reaches("done");
  });

  it("captures a blockwise selection over multibyte text and accepts it row by row", async () => {
    await source(["ab日本cd", "ef中文gh", "ijklmn"]);
    // Screen columns 3-6 of each row: 日本, 中文, klmn.
    const { stream, body } = await prompt("'<,'>LlmFit prompt explain", "1G3|\\<C-v>2j3l");
    expect(body.messages.at(-1)!.content).toContain("```lua\n日本\n中文\nklmn\n```");
    stream.write(ollamaChatToken("X\nY\nZ", MODEL)).write(ollamaChatDone(MODEL)).end();
    await reaches("done");
    await nvim.api.input("a");
    await waitFor(async () => ((await nvim.floats()).length === 0 ? true : undefined), 5000, "the float to close");
    expect(await buffer()).toEqual(["abXcd", "efYgh", "ijZ"]);
    await nvim.cmd("undo");
    expect(await buffer()).toEqual(["ab日本cd", "ef中文gh", "ijklmn"]);
  });

  it("cancel mid-stream stops the request and writes nothing", async () => {
    const original = ["keep = true"];
    await source(original);
    const { stream } = await prompt("'<,'>LlmFit prompt explain", "1GV");
    stream.write(ollamaChatToken("partial", MODEL));
    await waitFor(async () => ((await floatText()).includes("partial") ? true : undefined), 5000, "the first chunk");
    await nvim.api.input("\x03"); // <C-c>
    await stream.closed;
    expect(stream.clientAborted).toBe(true);
    await reaches("cancelled");
    expect(await floatText()).toContain("partial");
    expect(await buffer()).toEqual(original);
    expect(await nvim.notes()).toEqual([]); // a cancel is not an error
  });

  it("replaces the right text after edits above the selection while streaming", async () => {
    await source(["one", "two", "three"]);
    const { stream } = await prompt("'<,'>LlmFit prompt explain", "2GV");
    stream.write(ollamaChatToken("TWO", MODEL));
    await nvim.lua("vim.api.nvim_buf_set_lines(vim.g.__src, 0, 0, false, { 'zero', 'half' })");
    stream.write(ollamaChatDone(MODEL)).end();
    await reaches("done");
    await nvim.api.input("a");
    await waitFor(async () => ((await nvim.floats()).length === 0 ? true : undefined), 5000, "the float to close");
    expect(await buffer()).toEqual(["zero", "half", "one", "TWO", "three"]);
  });

  it("shows one line for an error inside the stream, keeps the partial text, writes nothing", async () => {
    await source(["value"]);
    const { stream } = await prompt("'<,'>LlmFit prompt explain", "1GV");
    stream.write(ollamaChatToken("half an ans", MODEL)).write(ollamaLine({ error: "model runner has unexpectedly stopped" })).end();
    await reaches("failed");
    const notes = await nvim.notes();
    expect(notes).toHaveLength(1);
    expect(notes[0]!.msg).toMatch(/^llmfit: .*model runner has unexpectedly stopped/);
    expect(notes[0]!.msg).not.toContain("\n");
    expect(await floatText()).toContain("half an ans");
    await nvim.api.input("a"); // nothing to accept
    expect(await buffer()).toEqual(["value"]);
  });
});

describe("the context guard", () => {
  beforeAll(async () => {
    nvim = await startNvim({ setup: setupLua(ollama.url, ", max_tokens = 4000") });
  });
  afterAll(async () => nvim?.close());

  it("refuses a prompt that cannot fit the model's context, in one line, sending nothing", async () => {
    await source(Array.from({ length: 40 }, (_, i) => `local line_${i} = "some text to make this long enough"`));
    const before = ollama.requests.filter((r) => r.path === "/api/chat").length;
    await nvim.cmd("LlmFit prompt explain");
    // asynchronous: the refusal comes back as a notification, and the float it would fill closes
    const notes = await waitFor(async () => ((await nvim.notes()).length > 0 ? nvim.notes() : undefined), 10_000, "the refusal");
    expect(notes).toHaveLength(1);
    expect(notes[0]!.msg).toMatch(/^llmfit: the prompt is ≈\d+ tokens and the answer may take 4000, more than the model's context of 4096 — select less text/);
    await waitFor(async () => (await nvim.floats()).length === 0, 5000, "the float to close");
    expect(ollama.requests.filter((r) => r.path === "/api/chat").length).toBe(before);
  });
});
