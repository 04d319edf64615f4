// The report detail's exact file in a real headless Neovim: painting the detail asks the Hub for
// nothing; one key (x) reads the model's GGUF repo listing from a loopback Hub (HF_ENDPOINT) and
// the detail repaints with the exact size of the quant's file. A Hub that refuses says so in one
// notification and leaves the detail as it was.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOG } from "../../src/models/catalog.js";
import { startFakeHub, type FakeHub, type VirtualFile } from "../support/fake-hub.js";
import { startNvim, waitFor, type Nvim } from "../support/nvim.js";

const SETUP = `require("llmfit").setup({
  hardware = { gpu = "RTX 3070", vram_gb = 8, ram_gb = 32 },
  runtimes = { ollama = { enabled = false }, llamacpp = { enabled = false }, lmstudio = { enabled = false } },
})`;

const QUANTS = ["Q2_K", "Q3_K_M", "IQ4_XS", "Q4_K_M", "Q5_K_M", "Q6_K", "Q8_0", "F16", "BF16"];
/** A distinct size per repo and quant, so the figure painted can only come from this listing. */
const sizeOf = (i: number, q: number): number => 1_000_000_000 + i * 10_000_000 + q * 123_457;

/** Each catalog model's GGUF repo, with one file per quant (listed only: no byte of them is read). */
function repos(): Record<string, { sha: string; files: Record<string, VirtualFile> }> {
  const out: Record<string, { sha: string; files: Record<string, VirtualFile> }> = {};
  CATALOG.filter((e) => e.gguf[0] !== undefined).forEach((e, i) => {
    const repo = e.gguf[0] as string;
    if (out[repo]) return;
    const files: Record<string, VirtualFile> = {};
    QUANTS.forEach((q, k) => (files[`${repo.split("/")[1]}-${q}.gguf`] = { head: Buffer.from(`GGUF${repo}${q}`), size: sizeOf(i, k) }));
    out[repo] = { sha: i.toString(16).padStart(40, "0"), files };
  });
  return out;
}

interface Detail {
  screen: string;
  lines: string[];
}

const detail = (nvim: Nvim): Promise<Detail | undefined> =>
  nvim.lua<Detail | undefined>(`
    local r = require('llmfit.report').current()
    if not r or not r:valid() then return nil end
    return { screen = r.report.screen or "?", lines = vim.api.nvim_buf_get_lines(r.buf, 0, -1, false) }`);

const until = (nvim: Nvim, ok: (d: Detail) => boolean, what: string): Promise<Detail> =>
  waitFor(async () => {
    const d = await detail(nvim);
    return d && ok(d) ? d : undefined;
  }, 15_000, what);

describe("the detail's exact file, one key away", () => {
  let hub: FakeHub;
  let nvim: Nvim;
  const served = repos();
  beforeAll(async () => {
    hub = await startFakeHub(served);
    nvim = await startNvim({ setup: SETUP, env: { HF_ENDPOINT: hub.url } });
    await nvim.cmd("LlmFit");
  });
  afterAll(async () => {
    await nvim?.close();
    await hub?.close();
  });

  it("x reads the listing and repaints with the quant's file; a refusal is one notification", async () => {
    await until(nvim, (d) => d.lines.some((l) => /^\s+Model\s+/.test(l)) && !d.lines.some((l) => l.includes("looking for")), "the models table");
    // the first model row with a GGUF repo: its detail names the key
    const rows = await nvim.lua<Array<[number, string]>>(`
      local r = require('llmfit.report').current()
      local out = {}
      for i, id in ipairs(r.report.ids or {}) do if id ~= "" then table.insert(out, { i, id }) end end
      return out`);
    const [line, id] = rows.find(([, rid]) => CATALOG.find((e) => e.id === rid)?.gguf[0] !== undefined)!;
    await nvim.lua(`vim.api.nvim_win_set_cursor(require('llmfit.report').current().win, { ${line}, 0 })`);
    await nvim.api.input("<CR>");
    const before = await until(nvim, (d) => d.screen === "detail" && d.lines.some((l) => l.includes("the exact file")), "the detail with its hint");
    const hint = before.lines.find((l) => l.includes("the exact file"))!;
    expect(hint).toMatch(/the exact file: x reads the Hub listing$/);
    const quant = /^\s+(\S+) is about/.exec(hint)![1]!;
    expect(hub.log).toHaveLength(0); // painting the detail fetched nothing

    hub.faults.rateLimit = "20";
    await nvim.api.input("x");
    const note = await waitFor(async () => (await nvim.notes()).find((n) => /HTTP 429/.test(n.msg)), 15_000, "the 429 notification");
    expect(note.msg).toMatch(/rate-limiting requests \(HTTP 429\) — try again in 20 s/);
    expect((await detail(nvim))!.lines.some((l) => l.includes("the exact file"))).toBe(true);
    delete hub.faults.rateLimit;

    await nvim.api.input("x");
    const after = await until(nvim, (d) => d.lines.some((l) => l.includes(`${quant} file: `)), "the detail with the exact file");
    const repo = CATALOG.find((e) => e.id === id)!.gguf[0]!;
    expect(QUANTS).toContain(quant);
    const bytes = served[repo]!.files[`${repo.split("/")[1]}-${quant}.gguf`]!.size;
    expect(after.lines.find((l) => l.includes(`${quant} file: `))).toContain(`${(bytes / 1e9).toFixed(2)} GB  ${repo.split("/")[1]}-${quant}.gguf (from the Hub listing read earlier)`);
    expect(after.lines.some((l) => l.includes("the exact file"))).toBe(false);
    // the listing only: the model's info and its file tree, no file's bytes
    expect(hub.log.filter((l) => !l.url.startsWith("/api/models/"))).toEqual([]);
    expect(hub.log.filter((l) => l.server === "hub" && l.url.startsWith(`/api/models/${repo}/`)).length).toBeGreaterThanOrEqual(2);
  });
});
