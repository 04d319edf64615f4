// The second door: Neovim's own remote-plugin host (:UpdateRemotePlugins) loading
// rplugin/node/llmfit, which dispatches into the same handler table as dist/host.cjs.
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, startNvim, waitFor, type Nvim } from "../support/nvim.js";

const manifest = join(mkdtempSync(join(tmpdir(), "llmfit-rplugin-")), "rplugin.vim");
const env = { NVIM_RPLUGIN_MANIFEST: manifest };
const hostProg = [`let g:node_host_prog = '${ROOT}/node_modules/neovim/bin/cli.js'`];

describe("the :UpdateRemotePlugins door", () => {
  let nvim: Nvim | undefined;
  afterAll(async () => nvim?.close());

  it("registers LlmFitRequest and answers through the same handlers", async () => {
    const first = await startNvim({ env, cmd: hostProg, clean: false });
    await first.cmd("UpdateRemotePlugins");
    expect(readFileSync(manifest, "utf8")).toContain("LlmFitRequest");
    await first.close();

    nvim = await startNvim({ env, cmd: hostProg, clean: false, setup: `require("llmfit").setup({ transport = "rplugin", runtimes = { ollama = { enabled = false }, llamacpp = { enabled = false }, lmstudio = { enabled = false } } })` });
    const info = await nvim.lua<{ version: string; pid: number }>("return require('llmfit.host').request('ping')");
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(await nvim.lua<boolean>("return require('llmfit.host').running()")).toBe(false); // no jobstart host

    await nvim.cmd("LlmFit");
    const [float] = await waitFor(async () => {
      const f = await nvim!.floats();
      return f.length > 0 ? f : undefined;
    }, 15_000, "the report float");
    expect(float!.lines.join("\n")).toContain("Machine");
    expect(await nvim.notes()).toEqual([]);
  });

  it("runs calls that wait on I/O asynchronously there too: Neovim stays responsive and <C-c> aborts the request", async () => {
    // a server that takes every request and never answers
    const seen: { closed: boolean }[] = [];
    const silent = createServer((req) => {
      const rec = { closed: false };
      seen.push(rec);
      req.socket.on("close", () => (rec.closed = true));
    });
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    const port = (silent.address() as AddressInfo).port;
    try {
      await nvim!.cmd(`LlmFit fit http://127.0.0.1:${port}/model.gguf`);
      await waitFor(async () => (seen.length > 0 ? true : undefined), 15_000, "the plugin host's request");
      const t0 = performance.now();
      await nvim!.lua("return 1");
      expect(performance.now() - t0).toBeLessThan(1000); // generous: it only catches a blocked editor
      expect(await nvim!.lua<number>("return require('llmfit.host').pending_count()")).toBe(1);
      await nvim!.api.input("<C-c>");
      await waitFor(async () => ((await nvim!.lua<number>("return require('llmfit.host').pending_count()")) === 0 ? true : undefined), 5000, "the call to be cancelled");
      await waitFor(async () => (seen.every((r) => r.closed) ? true : undefined), 5000, "the request to be aborted");
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });

  it("says in one line how to register it when :UpdateRemotePlugins was never run", async () => {
    const bare = await startNvim({ setup: `require("llmfit").setup({ transport = "rplugin" })` });
    try {
      await bare.cmd("LlmFit version");
      const notes = await bare.notes();
      expect(notes).toHaveLength(1);
      expect(notes[0]!.msg).toMatch(/LlmFitRequest is not registered — run :UpdateRemotePlugins and restart Neovim/);
    } finally {
      await bare.close();
    }
  });
});
