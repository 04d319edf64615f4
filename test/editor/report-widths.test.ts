// The real float at a narrow and a wide editor: on every screen (list, detail, compare,
// training, key help) and in a pull's float showing a long error, no line is wider than the
// window's text area, and what matters is all there (every machine, QLoRA, every key).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startNvim, waitFor, type Nvim } from "../support/nvim.js";

const SETUP = `require("llmfit").setup({
  hardware = { gpu = "RTX 3070", ram_gb = 32, cpu = "Ryzen 7 5800X" },
  runtimes = { ollama = { enabled = false }, llamacpp = { enabled = false }, lmstudio = { enabled = false } },
})`;

interface Shown {
  screen: string;
  help: boolean;
  width: number;
  lines: string[];
  widths: number[];
}

async function shown(nvim: Nvim): Promise<Shown | undefined> {
  return nvim.lua<Shown | undefined>(`
    local r = require('llmfit.report').current()
    if not r or not r:valid() then return nil end
    local lines = vim.api.nvim_buf_get_lines(r.buf, 0, -1, false)
    return { screen = r.report.screen or "?", help = r.help and true or false, width = vim.api.nvim_win_get_width(r.win),
             lines = lines, widths = vim.tbl_map(vim.fn.strdisplaywidth, lines) }`);
}

const until = (nvim: Nvim, ok: (v: Shown) => boolean, what: string): Promise<Shown> =>
  waitFor(async () => {
    const v = await shown(nvim);
    return v && ok(v) ? v : undefined;
  }, 30_000, what);

function fits(v: Shown): void {
  const over = v.lines.filter((_, i) => v.widths[i]! > v.width);
  expect({ screen: v.help ? "help" : v.screen, over }).toEqual({ screen: v.help ? "help" : v.screen, over: [] });
}

const ink = (lines: readonly string[]): string => lines.join("").replace(/\s+/g, "");

describe.each([
  [60, 24],
  [160, 45],
])("the report float at %i×%i", (columns, lines) => {
  let nvim: Nvim;
  beforeAll(async () => {
    nvim = await startNvim({ columns, lines, setup: SETUP });
    await nvim.cmd("LlmFit");
  });
  afterAll(async () => nvim?.close());

  it("fits every screen to the window and leaves nothing out", async () => {
    const list = await until(nvim, (v) => v.lines.some((l) => /^\s+Model\s+/.test(l)), "the table");
    fits(list);
    await nvim.api.input("<CR>");
    fits(await until(nvim, (v) => v.screen === "detail", "the detail view"));
    await nvim.api.input("<BS>");
    await until(nvim, (v) => v.screen === "models", "the list again");

    await nvim.api.input("m");
    const compare = await until(nvim, (v) => v.screen === "compare", "the compare screen");
    fits(compare);
    for (const label of ["this machine", "Apple M1 8GB", "RTX 3070", "RTX 4090", "T4"]) expect(compare.lines.join("\n")).toContain(label);
    await nvim.api.input("m");
    await until(nvim, (v) => v.screen === "models", "the list again");

    await nvim.api.input("t");
    const training = await until(nvim, (v) => v.screen === "training", "the training screen");
    fits(training);
    expect(training.lines.join("\n")).toContain("QLoRA");
    await nvim.api.input("t");
    await until(nvim, (v) => v.screen === "models", "the list again");

    await nvim.api.input("?");
    const help = await until(nvim, (v) => v.help, "the key help");
    fits(help);
    const keys = await nvim.lua<string[]>("return vim.tbl_map(function(k) return k[2] end, require('llmfit.report').keys)");
    for (const what of keys) expect(ink(help.lines)).toContain(ink([what]));
    await nvim.api.input("?");
  });

  it("wraps a pull's long error inside its float", async () => {
    const msg = "could not reach Ollama at http://127.0.0.1:11434 (connection refused) — start it with `ollama serve`, or set runtimes.ollama.url to where it listens";
    const f = await nvim.lua<{ width: number; widths: number[]; lines: string[] }>(`
      local payload = require("llmfit.pull").render({ name = "qwen3:8b", status = ..., completed = 0, total = 0 })
      local fl = require("llmfit.float").open(payload, { close_on_leave = false })
      local lines = vim.api.nvim_buf_get_lines(fl.buf, 0, -1, false)
      local out = { width = vim.api.nvim_win_get_width(fl.win), lines = lines, widths = vim.tbl_map(vim.fn.strdisplaywidth, lines) }
      fl:close()
      return out`, [msg]);
    for (const w of f.widths) expect(w).toBeLessThanOrEqual(f.width);
    expect(ink(f.lines)).toContain(ink([msg]));
  });
});
