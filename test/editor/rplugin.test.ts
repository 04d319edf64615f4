// The second door: Neovim's own remote-plugin host (:UpdateRemotePlugins) loading
// rplugin/node/llmfit, which dispatches into the same handler table as dist/host.js.
import { mkdtempSync, readFileSync } from "node:fs";
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
