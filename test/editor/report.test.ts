// The :LlmFit report in a real headless Neovim, on a machine described by overrides (an RTX 3070
// and 32 GB of RAM) so the rows do not depend on the test box: keys, the detail view, highlights,
// widths, and that every verdict shown is what `llmfit fit --json` says.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureJson, startFakeOllama, type FakeOllama } from "../support/fake-servers.js";
import { ROOT, startNvim, waitFor, type Nvim } from "../support/nvim.js";

const SETUP = `require("llmfit").setup({
  hardware = { gpu = "RTX 3070", vram_gb = 8, ram_gb = 32 },
  runtimes = { ollama = { enabled = false }, llamacpp = { enabled = false }, lmstudio = { enabled = false } },
})
vim.ui.input = function(_, cb) cb(_G.__input) end`;

interface Row {
  line: number;
  text: string;
}

async function reportLines(nvim: Nvim): Promise<string[]> {
  return nvim.lua<string[]>("local r = require('llmfit.report').current() return r and vim.api.nvim_buf_get_lines(r.buf, 0, -1, false) or {}");
}

/** Table rows: lines after the header up to the first blank line. */
function rows(lines: string[]): Row[] {
  const header = lines.findIndex((l) => /^\s+Model\s+/.test(l));
  const out: Row[] = [];
  for (let i = header + 1; i < lines.length && lines[i]!.trim() !== ""; i++) out.push({ line: i, text: lines[i]! });
  return out;
}

async function press(nvim: Nvim, keys: string, until: (lines: string[]) => boolean, what: string): Promise<string[]> {
  await nvim.api.input(keys);
  return waitFor(async () => {
    const lines = await reportLines(nvim);
    return until(lines) ? lines : undefined;
  }, 10_000, what);
}

/** :LlmFit, then wait for the table: the float paints at once and fills in when the catalog is sized. */
async function openReport(nvim: Nvim): Promise<string[]> {
  await nvim.cmd("LlmFit");
  return waitFor(async () => {
    const lines = await reportLines(nvim);
    return lines.some((l) => /^\s+Model\s+/.test(l)) && !lines.some((l) => l.includes("looking for")) ? lines : undefined;
  }, 20_000, "the models table");
}

async function cursorTo(nvim: Nvim, line: number): Promise<void> {
  await nvim.lua(`vim.api.nvim_win_set_cursor(require('llmfit.report').current().win, { ${line + 1}, 0 })`);
}

describe("the report at 200 columns", () => {
  let nvim: Nvim;
  beforeAll(async () => {
    nvim = await startNvim({ columns: 200, lines: 60, setup: SETUP });
    await openReport(nvim);
  });
  afterAll(async () => nvim?.close());

  it("lists models that fit, with verdicts highlighted and memory bars", async () => {
    const lines = await reportLines(nvim);
    expect(lines.join("\n")).toContain("GeForce RTX 3070");
    const table = rows(lines);
    expect(table.length).toBeGreaterThan(20);
    expect(table[0]!.text).toMatch(/fits GPU/);
    expect(table.some((r) => /[█░]{10}/.test(r.text))).toBe(true);
    const groups = await nvim.lua<string[]>(`
      local r = require('llmfit.report').current()
      local out = {}
      for _, m in ipairs(vim.api.nvim_buf_get_extmarks(r.buf, require('llmfit.float').ns, 0, -1, { details = true })) do
        if m[4].hl_group then out[m[4].hl_group] = true end
      end
      return vim.tbl_keys(out)`);
    expect(groups).toEqual(expect.arrayContaining(["LlmFitGood", "LlmFitHeader", "LlmFitBar", "LlmFitSection"]));
  });

  it("shows the same verdict as `llmfit fit --json` for the same model, quant and context", async () => {
    // Lines and the ids painted with them, read in one call so a repaint cannot come between.
    const { lines, ids } = await nvim.lua<{ lines: string[]; ids: string[] }>(
      "local r = require('llmfit.report').current() return { lines = vim.api.nvim_buf_get_lines(r.buf, 0, -1, false), ids = r.report.ids }",
    );
    const table = rows(lines);
    const sample = [...table.slice(0, 3), ...table.filter((r) => /partial|CPU only/.test(r.text)).slice(0, 3)];
    expect(sample.length).toBeGreaterThan(3);
    for (const row of sample) {
      const entry = { id: ids[row.line]! };
      const quant = /\b(F16|Q8_0|Q6_K|Q5_K_M|Q4_K_M|IQ4_XS|Q3_K_M|IQ3_M|Q2_K|IQ2_M)\b/.exec(row.text)![1]!;
      const shown = /(fits GPU|partial|CPU only)\s*$/.exec(row.text)![1]!;
      const out = execFileSync(process.execPath, [join(ROOT, "dist/cli.js"), "fit", entry.id, "--quant", quant, "--ctx", "8192", "--gpu", "RTX 3070", "--vram", "8", "--ram", "32", "--json"], { encoding: "utf8" });
      const fit = JSON.parse(out) as { verdict: string; ctx: number };
      const word = { gpu: "fits GPU", partial: "partial", cpu: "CPU only", no: "no" }[fit.verdict];
      expect(`${entry.id} ${word}`).toBe(`${entry.id} ${shown}`);
    }
  });

  it("sorts with s and filters with /", async () => {
    const byName = await press(nvim, "s", (l) => l.some((x) => x.includes("sort name")), "sort by name");
    const names = rows(byName).map((r) => r.text.trim().split(/\s{2,}/)[0]!);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));

    await nvim.lua("_G.__input = 'qwen3'");
    const filtered = await press(nvim, "/", (l) => l.some((x) => x.includes('"qwen3"')), "the filter");
    const table = rows(filtered);
    expect(table.length).toBeGreaterThan(3);
    for (const r of table) expect(r.text.toLowerCase()).toMatch(/qwen3/);
  });

  it("opens a model's breakdown with <CR> and goes back with <BS>", async () => {
    const lines = await reportLines(nvim);
    await cursorTo(nvim, rows(lines)[0]!.line);
    const detail = await press(nvim, "<CR>", (l) => l.some((x) => x.startsWith("Memory")), "the detail view");
    const text = detail.join("\n");
    expect(text).toMatch(/weights\s+\d/);
    expect(text).toMatch(/KV cache\s+\d/);
    expect(text).toMatch(/ollama pull \S+/);
    expect(text).toMatch(/released \d{4}-\d{2}(-\d{2})? · checked \d{4}-\d{2}-\d{2}/);
    expect(text).toMatch(/GeForce RTX 3070\s+\d+ layers/);
    await press(nvim, "<BS>", (l) => l.some((x) => x.startsWith("Models that run here")), "the list again");
  });

  it("toggles context length and KV type, and shows machines side by side with m", async () => {
    await press(nvim, "c", (l) => l.some((x) => x.includes("ctx 32k")), "the next context length");
    await press(nvim, "v", (l) => l.some((x) => x.includes("KV q8_0")), "the q8_0 KV cache");
    const compare = await press(nvim, "m", (l) => l.some((x) => x.startsWith("Compare")), "the compare screen");
    const text = compare.join("\n");
    expect(text).toMatch(/this machine\s+Apple M1 8GB\s+RTX 3070\s+RTX 4090\s+T4/);
    expect(text).toMatch(/Models on GPU \(32k\)\s+\d+ of \d+/);
    await press(nvim, "m", (l) => l.some((x) => x.startsWith("Models that run here")), "the list again");
  });

  it("shows expected tokens/s per row and the fine-tuning screen with t", async () => {
    const lines = await reportLines(nvim);
    const first = rows(lines)[0]!.text;
    // tok/s with its 10–90 % range before the verdict (there is room for it at 200 columns)
    expect(first).toMatch(/\s\d+(\.\d)? \(\d+(\.\d)?–\d+(\.\d)?\)\s+fits GPU\s*$/);
    const training = await press(nvim, "t", (l) => l.some((x) => x.startsWith("Fine-tuning here")), "the training screen");
    const text = training.join("\n");
    expect(text).toMatch(/Model\s+Full\s+LoRA\s+QLoRA\s+QLoRA \/ MB/);
    expect(text).toMatch(/(fits|paged|ckpt|no) \d+\.\dG/);
    expect(text).toMatch(/Korthikanti/);
    await press(nvim, "t", (l) => l.some((x) => x.startsWith("Models that run here")), "the list again");
  });

  it("lists every key with ?", async () => {
    const help = await press(nvim, "?", (l) => l.some((x) => x.startsWith("Keys")), "the key list");
    for (const key of ["<CR>", "<BS>", "s ", "/ ", "u ", "k ", "c ", "v ", "t ", "m ", "p ", "P ", "r "]) {
      expect(help.some((l) => l.trimStart().startsWith(key))).toBe(true);
    }
    await press(nvim, "?", (l) => l.some((x) => x.startsWith("Models that run here")), "the list again");
  });

  it("closes with q and leaves no keymaps behind", async () => {
    await nvim.api.input("q");
    await waitFor(async () => ((await nvim.floats()).length === 0 ? true : undefined), 5000, "the float to close");
    const maps = await nvim.lua<string[]>("return vim.tbl_map(function(m) return m.lhs end, vim.api.nvim_buf_get_keymap(0, 'n'))");
    expect(maps).toEqual([]);
    expect(await nvim.notes()).toEqual([]);
  });
});

describe("the report at 80 columns", () => {
  let nvim: Nvim;
  beforeAll(async () => {
    nvim = await startNvim({ columns: 80, lines: 40, setup: SETUP });
  });
  afterAll(async () => nvim?.close());

  it("fits every line in the float without wrapping the table", async () => {
    await openReport(nvim);
    const [float] = await nvim.floats();
    const width = await nvim.lua<number>(`return vim.api.nvim_win_get_width(${float!.win})`);
    expect(width).toBeLessThanOrEqual(78);
    const table = rows(float!.lines);
    expect(table.length).toBeGreaterThan(5);
    const widths = await nvim.lua<number[]>("return vim.tbl_map(vim.fn.strdisplaywidth, ...)", [table.map((r) => r.text)]);
    for (const w of widths) expect(w).toBeLessThanOrEqual(width);
  });
});

describe("the runtimes section", () => {
  let nvim: Nvim;
  let ollama: FakeOllama;
  afterAll(async () => {
    await nvim?.close();
    await ollama?.close();
  });

  it("fills in Ollama's installed and loaded models, our estimate beside its own figures", async () => {
    // One installed model with /api/show metadata (the docs' 8B Llama, Q4_0), loaded right now.
    const tag = { name: "mistral:latest", model: "mistral:latest", modified_at: "2024-06-04T00:00:00Z", size: 4109865159, digest: "2ae6f6dd7a3d", details: { format: "gguf", family: "llama", parameter_size: "7.2B", quantization_level: "Q4_0" } };
    ollama = await startFakeOllama({ tags: { models: [tag] }, show: { "mistral:latest": fixtureJson("ollama/show-llama3.2.json") } });
    nvim = await startNvim({
      columns: 160,
      lines: 50,
      setup: `require("llmfit").setup({
        hardware = { gpu = "RTX 3070", vram_gb = 8, ram_gb = 32 },
        -- a generous probe deadline: these tests are about what is shown; deadlines are tested in test/runtimes
        runtimes = { timeout_ms = 10000, ollama = { url = "${ollama.url}" }, llamacpp = { enabled = false }, lmstudio = { enabled = false } },
      })`,
    });
    await nvim.cmd("LlmFit");
    const lines = await waitFor(async () => {
      const l = await reportLines(nvim);
      return l.some((x) => x.includes("mistral:latest")) ? l : undefined;
    }, 15_000, "the runtimes section");
    const text = lines.join("\n");
    expect(text).toMatch(/Ollama\s+0\.12\.6 http:\/\/127\.0\.0\.1:\d+\s+1 installed, 1 loaded/);
    expect(text).toMatch(/mistral:latest\s+fits GPU\s+ours \d+\.\d GiB at 4k · loaded: 4\.8 GiB \(4\.8 GiB VRAM\)/);
    expect(text).not.toContain("looking for");
  });
});
