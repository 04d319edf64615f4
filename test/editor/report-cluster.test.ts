// setup({ cluster = … }) in a real Neovim: the report's compare screen (m) adds the best llama.cpp
// RPC plan on those hosts for the model under the cursor, one column per host with its memory and
// its share of a decoded token, and the plan's tok/s.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findModel } from "../../src/models/catalog.js";
import { startNvim, waitFor, type Nvim } from "../support/nvim.js";

const SETUP = `require("llmfit").setup({
  hardware = { gpu = "RTX 3090", ram_gb = 64 },
  cluster = { hosts = { "RTX 3090", "RTX 3090@10.0.0.2", "Apple M2 Max 64GB@10.0.0.3" }, link = "10gbe" },
  runtimes = { ollama = { enabled = false }, llamacpp = { enabled = false }, lmstudio = { enabled = false } },
})`;

interface View {
  screen: string;
  id: string;
  lines: string[];
}

async function view(nvim: Nvim): Promise<View | undefined> {
  return nvim.lua<View | undefined>(`
    local r = require('llmfit.report').current()
    if not r or not r:valid() then return nil end
    local lnum = vim.api.nvim_win_get_cursor(r.win)[1]
    return { screen = r.report.screen or "?", id = (r.report.ids or {})[lnum] or "", lines = vim.api.nvim_buf_get_lines(r.buf, 0, -1, false) }`);
}

async function until(nvim: Nvim, ok: (v: View) => boolean, what: string): Promise<View> {
  return waitFor(async () => {
    const v = await view(nvim);
    return v && ok(v) ? v : undefined;
  }, 30_000, what);
}

describe("the compare screen with a cluster configured", () => {
  let nvim: Nvim;
  beforeAll(async () => {
    nvim = await startNvim({ columns: 160, lines: 60, setup: SETUP });
    await nvim.cmd("LlmFit");
  });
  afterAll(async () => nvim?.close());

  it("shows the best RPC plan for the model under the cursor, per host", async () => {
    // a row a few lines down, so the plan is for the cursor's model and not only the list's first
    const first = await until(nvim, (v) => v.screen === "models" && v.id !== "", "a model row");
    await nvim.api.input("3j");
    const row = await until(nvim, (v) => v.id !== "" && v.id !== first.id, "another model row");
    const name = findModel(row.id)?.name;
    expect(name).toBeDefined();
    await nvim.api.input("m");
    const v = await until(nvim, (x) => x.screen === "compare" && x.lines.some((l) => l.startsWith("Cluster")), "the cluster part of the compare screen");
    expect(v.lines.join("\n")).toContain("this machine");
    const part = v.lines.slice(v.lines.findIndex((l) => l.startsWith("Cluster"))).join("\n");
    expect(part).toContain(`${name} `);
    expect(part).toMatch(/on \d of 3 hosts over 10gbe: /);
    expect(part).toMatch(/host1 \(main\)/);
    expect(part).toMatch(/GPU \/ device memory\s+\d+\.\d of \d+\.\d GiB/);
    expect(part).toMatch(/Main host RAM\s+\d+\.\d of \d+\.\d GiB/);
    expect(part).toMatch(/Decode ms\/token\s+\d/);
    expect(part).toMatch(/tok\/s decode/);
  });
});
