// Host calls that wait on I/O never freeze Neovim, <C-c> cancels them and never breaks the
// session, the host dying mid-stream fails the answer at once, accept after the source is gone
// says so, and bad arguments are one line. A real headless Neovim, servers on 127.0.0.1.
import { createServer, type IncomingMessage, type Server } from "node:http";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import type { Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ScriptedStream, ollamaChatDone, ollamaChatToken, startFakeOllama, streamQueue, type FakeOllama } from "../support/fake-servers.js";
import { startNvim, waitFor, type Nvim } from "../support/nvim.js";

const MODEL = "llama3:latest";
let ollama: FakeOllama;
// a server that takes every request and never answers; remembers which ones the client dropped
let silent: Server;
let silentUrl = "";
const silentRequests: { req: IncomingMessage; closed: boolean }[] = [];
const sockets = new Set<Socket>();

beforeAll(async () => {
  ollama = await startFakeOllama();
  silent = createServer((req) => {
    const rec = { req, closed: false };
    silentRequests.push(rec);
    req.socket.on("close", () => (rec.closed = true));
  });
  silent.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
  const addr = silent.address();
  silentUrl = typeof addr === "object" && addr ? `http://127.0.0.1:${addr.port}` : "";
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((r) => silent.close(() => r()));
  await ollama?.close();
});

const setup = (): string => `require("llmfit").setup({
  runtimes = { ollama = { url = "${ollama.url}" }, llamacpp = { enabled = false }, lmstudio = { enabled = false }, timeout_ms = 10000 },
  prompt = { model = "${MODEL}" },
})`;

async function busyLine(nvim: Nvim): Promise<string | undefined> {
  const floats = await nvim.floats();
  return floats.map((f) => f.lines.join("")).find((l) => / … \d+ s /.test(l));
}

/** How long Neovim takes to answer one request of ours (another RPC client than the host). */
async function answerMs(nvim: Nvim): Promise<number> {
  const t0 = performance.now();
  await nvim.lua("return 1");
  return performance.now() - t0;
}

describe("asynchronous host calls", () => {
  let nvim: Nvim;
  beforeAll(async () => {
    nvim = await startNvim({ setup: setup() });
    await nvim.lua("return require('llmfit.host').request('ping')"); // the host is up
  });
  afterAll(async () => nvim?.close());
  afterEach(async () => {
    await nvim.lua("for _, w in ipairs(vim.api.nvim_list_wins()) do if vim.api.nvim_win_get_config(w).relative ~= '' then vim.api.nvim_win_close(w, true) end end");
    await nvim.clearNotes();
  });

  it(":LlmFit fit URL against a server that never answers leaves Neovim responsive, shows progress, and <C-c> cancels it", async () => {
    const before = silentRequests.length;
    await nvim.cmd(`LlmFit fit ${silentUrl}/model.gguf`);
    await waitFor(async () => silentRequests.length > before, 10_000, "the host's request");
    // a generous bound: it only catches a blocked editor (30 s before), not a benchmark
    const waits = [await answerMs(nvim), await answerMs(nvim), await answerMs(nvim)];
    expect(Math.max(...waits)).toBeLessThan(1000);
    expect(await busyLine(nvim)).toMatch(new RegExp(`llmfit fit ${silentUrl}/model\\.gguf … \\d+ s +<C-c>/q cancel`));
    expect(await nvim.lua<number>("return require('llmfit.host').pending_count()")).toBe(1);

    await nvim.api.input("<C-c>");
    await waitFor(async () => (await busyLine(nvim)) === undefined, 5000, "the busy float to close");
    expect(await nvim.lua<number>("return require('llmfit.host').pending_count()")).toBe(0);
    // the host stopped its read: the server saw the connection close
    await waitFor(async () => silentRequests.slice(before).every((r) => r.closed), 5000, "the request to be aborted");
    const notes = await nvim.notes();
    expect(notes.filter((n) => n.level >= 4)).toEqual([]); // cancelling is never an ERROR
  });

  it("<C-c> stops a Hub read and an Ollama registry read in the host, not only their answer", async () => {
    // a second editor whose host sees the silent server as its Hub (HF_ENDPOINT) and its registry
    const other = await startNvim({
      env: { HF_ENDPOINT: silentUrl, HF_TOKEN: "" },
      setup: `require("llmfit").setup({
        runtimes = { ollama = { url = "${ollama.url}", registry = "${silentUrl}" }, llamacpp = { enabled = false }, lmstudio = { enabled = false }, timeout_ms = 10000 },
      })`,
    });
    try {
      for (const name of ["hf:someorg/some-model-GGUF:Q4_K_M", "somemodel:7b"]) {
        const before = silentRequests.length;
        await other.cmd(`LlmFit fit ${name}`);
        await waitFor(async () => silentRequests.length > before, 10_000, `the host's request for ${name}`);
        await waitFor(async () => busyLine(other), 10_000, "the busy float");
        await other.api.input("<C-c>");
        await waitFor(async () => (await busyLine(other)) === undefined, 5000, "the busy float to close");
        // the server saw every connection of this read close: the host stopped reading
        await waitFor(async () => silentRequests.slice(before).every((r) => r.closed), 5000, `the read of ${name} to be aborted`);
      }
      expect((await other.notes()).filter((n) => n.level >= 4)).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it(":LlmFit on a cold host whose GPU tool is slow leaves Neovim responsive, and the report opens when it answers", async () => {
    // nvidia-smi that takes 1.4 s per call (under detection's 1.5 s deadline), first on PATH
    const bin = mkdtempSync(join(tmpdir(), "llmfit-slow-smi-"));
    writeFileSync(join(bin, "nvidia-smi"), "#!/bin/sh\nsleep 1.4\nexit 1\n");
    chmodSync(join(bin, "nvidia-smi"), 0o755);
    const cold = await startNvim({ env: { PATH: `${bin}:${process.env.PATH ?? ""}` }, setup: setup() });
    try {
      // start the host first (its start-up waits for Node, by design): what is measured is the
      // report's wait on detection, which the host begins at once with the slow tool
      await cold.lua("return require('llmfit.host').request('ping')");
      await cold.lua("vim.defer_fn(function() vim.cmd('LlmFit') end, 0)");
      await new Promise((r) => setTimeout(r, 200)); // :LlmFit has asked; detection is still running
      const waits = [await answerMs(cold), await answerMs(cold), await answerMs(cold)];
      // a generous bound: it only catches an editor blocked for the whole detection (1.1–2.3 s on the old synchronous call)
      expect(Math.max(...waits)).toBeLessThan(1000);
      await waitFor(async () => (await cold.floats()).some((f) => f.lines.some((l) => /Machine/.test(l))), 20_000, "the report float");
      expect((await cold.notes()).filter((n) => n.level >= 4)).toEqual([]);
    } finally {
      await cold.close();
    }
  });

  it(":checkhealth asks for the runtimes without blocking the loop, and lists a CPU override", async () => {
    const h = await startNvim({
      setup: `require("llmfit").setup({
        hardware = { cpu = "Core i5-1035G1" },
        runtimes = { ollama = { url = "${ollama.url}" }, llamacpp = { enabled = false }, lmstudio = { enabled = false }, timeout_ms = 10000 },
      })`,
    });
    try {
      await h.cmd("checkhealth llmfit");
      const health = (await h.lua<string[]>("return vim.api.nvim_buf_get_lines(0, 0, -1, false)")).join("\n");
      expect(health).toMatch(/Ollama \S+ at http:\/\/127\.0\.0\.1:\d+: \d+ installed/);
      expect(health).toMatch(/hardware overrides active .*cpu = "Core i5-1035G1"/);
      expect(health).not.toMatch(/not checked/);
    } finally {
      await h.close();
    }
  });

  it("q cancels too, and the next command runs normally", async () => {
    await nvim.cmd(`LlmFit fit ${silentUrl}/other.gguf`);
    await waitFor(async () => busyLine(nvim), 10_000, "the busy float");
    await nvim.api.input("q");
    await waitFor(async () => (await busyLine(nvim)) === undefined, 5000, "the busy float to close");
    await nvim.cmd("LlmFit list --family qwen");
    await waitFor(async () => (await nvim.floats()).some((f) => f.lines.some((l) => /^qwen3-8b\s+dense/.test(l))), 15_000, "the list float");
  });

  it("says in one line what is wrong with arguments, with one llmfit: prefix", async () => {
    await nvim.cmd(`LlmFit fit "unterminated`);
    await nvim.cmd("LlmFit version extra");
    await nvim.cmd("LlmFit list --no-such-flag");
    const notes = await waitFor(async () => ((await nvim.notes()).length >= 3 ? nvim.notes() : undefined), 10_000, "three lines");
    expect(notes[0]!.msg).toBe(`llmfit: unterminated " in the arguments — close it or remove it`);
    expect(notes[1]!.msg).toBe(`llmfit: version takes no arguments — remove "extra"`);
    expect(notes[2]!.msg).toMatch(/^llmfit: (?!llmfit:)/);
    expect(notes.every((n) => !n.msg.includes("\n"))).toBe(true);
  });
});

describe("<C-c> during a require", () => {
  let nvim: Nvim;
  afterAll(async () => nvim?.close());

  it("a module whose loading was interrupted loads again on the next command", async () => {
    nvim = await startNvim({ setup: setup() });
    // what an interrupted require leaves: LuaJIT's sentinel in package.loaded, and every later
    // require of the name fails with "loop or previous error loading module"
    const broken = await nvim.lua<string>(`
      for _, name in ipairs({ "llmfit.commands", "llmfit.float", "llmfit.report" }) do
        package.loaded[name] = nil
        package.preload[name] = function() error("Keyboard interrupt") end
        pcall(require, name)
        package.preload[name] = nil
      end
      local ok, err = pcall(require, "llmfit.float")
      return tostring(err)`);
    expect(broken).toMatch(/loop or previous error loading module/);
    await nvim.cmd("LlmFit list --family qwen");
    await waitFor(async () => (await nvim.floats()).some((f) => f.lines.some((l) => /^qwen3-8b\s+dense/.test(l))), 15_000, "the list float");
    expect((await nvim.notes()).filter((n) => n.level >= 4)).toEqual([]);
  });
});

describe("the answer float when things go away", () => {
  let nvim: Nvim;
  beforeAll(async () => {
    nvim = await startNvim({ setup: setup() });
  });
  afterAll(async () => nvim?.close());

  async function source(lines: string[]): Promise<void> {
    await nvim.lua(`vim.cmd("enew!") vim.g.__src = vim.api.nvim_get_current_buf() vim.api.nvim_buf_set_lines(0, 0, -1, false, ...)`, [lines]);
  }
  const newest = (field: string): Promise<string | undefined> =>
    nvim.lua(`local a = require('llmfit.answer') for id = 50, 1, -1 do local s = a.state(id) if s then return s.${field} end end`);

  async function answered(text: string): Promise<void> {
    const s = new ScriptedStream("application/x-ndjson");
    ollama.setChat(streamQueue(s.write(ollamaChatToken(text, MODEL)).write(ollamaChatDone(MODEL)).end()));
    await nvim.lua(`vim.cmd([[execute "normal! ggVG\\<Esc>"]])`);
    await nvim.cmd("'<,'>LlmFit prompt explain");
    await waitFor(async () => (await newest("state")) === "done", 30_000, "the answer");
  }

  it("accept after :bwipeout! of the source says the text is gone, without a Lua error", async () => {
    await source(["local a = 1"]);
    await answered("local b = 2");
    await nvim.clearNotes();
    // from a normal window, as a user would (with a float current, Neovim 0.7 keeps the buffer)
    await nvim.lua(`local float = vim.api.nvim_get_current_win()
      vim.cmd("wincmd p") vim.cmd("new") vim.cmd("bwipeout! " .. vim.g.__src)
      vim.api.nvim_set_current_win(float)`);
    expect(await nvim.lua<boolean>("return vim.api.nvim_buf_is_valid(vim.g.__src)")).toBe(false);
    await nvim.api.input("a");
    const notes = await waitFor(async () => ((await nvim.notes()).length > 0 ? nvim.notes() : undefined), 5000, "a line");
    expect(notes.map((n) => n.msg)).toEqual(["llmfit: not replaced: the selected text is gone — i inserts the answer where it was, y yanks it"]);
    await nvim.api.input("y");
    expect(await nvim.lua<string>("return vim.fn.getreg('\"')")).toBe("local b = 2");
    await nvim.api.input("q");
  });

  it("accept after :%d refuses instead of gluing the answer onto another line; insert puts it where the text was", async () => {
    await source(["keep 1", "selected", "keep 2"]);
    const s = new ScriptedStream("application/x-ndjson");
    ollama.setChat(streamQueue(s.write(ollamaChatToken("answer", MODEL)).write(ollamaChatDone(MODEL)).end()));
    await nvim.lua(`vim.cmd([[execute "normal! 2GV\\<Esc>"]])`);
    await nvim.cmd("'<,'>LlmFit prompt explain");
    await waitFor(async () => (await newest("state")) === "done", 15_000, "the answer");
    await nvim.clearNotes();
    await nvim.lua("vim.api.nvim_buf_set_lines(vim.g.__src, 1, 2, false, {})"); // the selected line is deleted
    await nvim.api.input("a");
    const notes = await waitFor(async () => ((await nvim.notes()).length > 0 ? nvim.notes() : undefined), 5000, "a line");
    expect(notes[0]!.msg).toMatch(/^llmfit: not replaced: the selected text is gone/);
    expect(await nvim.lua<string[]>("return vim.api.nvim_buf_get_lines(vim.g.__src, 0, -1, false)")).toEqual(["keep 1", "keep 2"]);
    await nvim.api.input("i");
    expect(await nvim.lua<string[]>("return vim.api.nvim_buf_get_lines(vim.g.__src, 0, -1, false)")).toEqual(["keep 1", "answer", "keep 2"]);
  });

  it("turns a streaming answer to failed at once when the host dies", async () => {
    await source(["x = 1"]);
    const stream = new ScriptedStream("application/x-ndjson");
    ollama.setChat(streamQueue(stream));
    await nvim.lua(`vim.cmd([[execute "normal! ggV\\<Esc>"]])`);
    await nvim.cmd("'<,'>LlmFit prompt explain");
    await stream.attached;
    stream.write(ollamaChatToken("half", MODEL));
    await waitFor(async () => (await newest("state")) === "streaming", 10_000, "streaming");
    await nvim.clearNotes();
    const pid = await nvim.lua<number>("return vim.fn.jobpid(require('llmfit.host').channel())");
    process.kill(pid, "SIGKILL");
    await waitFor(async () => (await newest("state")) === "failed", 5000, "failed");
    const notes = await nvim.notes();
    expect(notes).toHaveLength(1);
    expect(notes[0]!.msg).toMatch(/^llmfit: the answer stopped: the host stopped \(exit \d+\) — see :LlmFit log$/);
    stream.end();
    await nvim.api.input("q");
  });
});

describe("options of the right type but a wrong value", () => {
  let nvim: Nvim;
  afterAll(async () => nvim?.close());

  it("are reported once each and replaced by their defaults on the Lua side too", async () => {
    nvim = await startNvim({
      setup: `require("llmfit").setup({ border = "fancy", log_level = "verbose", keys = { accept = { 1 } },
        runtimes = { ollama = { url = "${ollama.url}" }, llamacpp = { enabled = false }, lmstudio = { enabled = false } } })`,
    });
    await nvim.cmd("LlmFit list --family qwen");
    await waitFor(async () => (await nvim.floats()).some((f) => f.lines.some((l) => /^qwen3-8b\s+dense/.test(l))), 15_000, "the list float");
    const notes = (await nvim.notes()).map((n) => n.msg);
    expect(notes.filter((m) => /^llmfit: option (border|log_level|keys\.accept)/.test(m))).toHaveLength(3);
    expect(await nvim.lua("return { require('llmfit.config').options.border, require('llmfit.config').options.keys.accept, require('llmfit.config').options.log_level }")).toEqual(["rounded", ["a"], "info"]);
    // the host logs at info, not debug, for an invalid log_level
    const log = await nvim.lua<string>("return table.concat(vim.fn.readfile(require('llmfit.util').log_path()), '\\n')");
    expect(log).not.toMatch(/ DEBUG /);
  });
});
