// A full session (setup, the report and its screens, a prompt streamed and accepted) must leave
// no deprecation warning that points at lua/llmfit: on 0.11+ those are printed at every use and
// the APIs they name go away. Every vim.deprecate() call is recorded with its traceback, soft
// deprecations included (0.10 records them silently; 0.11+ adds `:checkhealth vim.deprecated`,
// which is read too when present); on every version :messages must be clean. API functions that
// are deprecated without calling vim.deprecate (nvim_buf_set_option…) are caught statically in
// test/unit/conventions.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScriptedStream, ollamaChatDone, ollamaChatToken, startFakeOllama, streamQueue, type FakeOllama } from "../support/fake-servers.js";
import { startNvim, waitFor, type Nvim } from "../support/nvim.js";

const MODEL = "llama3:latest";

let ollama: FakeOllama;
let nvim: Nvim;

beforeAll(async () => {
  ollama = await startFakeOllama();
  nvim = await startNvim({
    setup: `_G.__deprecated = {}
    if vim.deprecate then
      local original = vim.deprecate
      vim.deprecate = function(name, ...)
        table.insert(_G.__deprecated, name .. "\\n" .. debug.traceback("", 2))
        return original(name, ...)
      end
    end
    require("llmfit").setup({
      -- a generous probe deadline: these tests are about what is shown; deadlines are tested in test/runtimes
      runtimes = { timeout_ms = 10000, ollama = { url = "${ollama.url}" }, llamacpp = { enabled = false }, lmstudio = { enabled = false } },
      prompt = { model = "${MODEL}" },
    })`,
  });
});
afterAll(async () => {
  await nvim?.close();
  await ollama?.close();
});

describe("no deprecated API from lua/llmfit", () => {
  it("after the report, its screens and an accepted prompt, nothing deprecated is recorded or printed", async () => {
    await nvim.cmd("LlmFit");
    await waitFor(async () => ((await nvim.floats()).some((f) => f.lines.some((l) => /Quant/.test(l))) ? true : undefined), 20_000, "the table");
    for (const key of ["?", "<BS>", "t", "<BS>", "s", "q"]) {
      await nvim.api.input(key);
      await new Promise((r) => setTimeout(r, 150));
    }
    await nvim.lua(`vim.cmd("enew!") vim.api.nvim_buf_set_lines(0, 0, -1, false, { "x = 1" })`);
    const stream = new ScriptedStream("application/x-ndjson");
    ollama.setChat(streamQueue(stream));
    await nvim.cmd("LlmFit prompt explain");
    await stream.attached;
    stream.write(ollamaChatToken("y = 2", MODEL)).write(ollamaChatDone(MODEL)).end();
    await waitFor(async () => ((await nvim.floats()).some((f) => f.lines.join("\n").includes("y = 2")) ? true : undefined), 5000, "the answer");
    await waitFor(
      async () => nvim.lua<boolean>(`local a = require('llmfit.answer') for id = 50, 1, -1 do local s = a.state(id) if s then return s.state == "done" end end return false`),
      5000,
      "the answer to be done",
    );
    await nvim.api.input("a");
    await waitFor(async () => ((await nvim.floats()).length === 0 ? true : undefined), 5000, "the float to close");

    const messages = await nvim.api.commandOutput("messages");
    expect(messages).not.toMatch(/deprecated|llmfit.*stack traceback/i);

    const recorded = await nvim.lua<string[]>("return _G.__deprecated");
    expect(recorded.filter((r) => r.includes("lua/llmfit"))).toEqual([]);

    const hasDeprecatedCheck = await nvim.lua<boolean>("return vim.fn.has('nvim-0.11') == 1");
    if (hasDeprecatedCheck) {
      await nvim.cmd("checkhealth vim.deprecated");
      const report = (await nvim.lua<string[]>("return vim.api.nvim_buf_get_lines(0, 0, -1, false)")).join("\n");
      expect(report).toMatch(/vim\.deprecated/);
      expect(report).not.toMatch(/lua\/llmfit/);
      await nvim.cmd("bwipeout!");
    }
  });
});
