// How the report's screens feel at 80×24: each opens at its first line with no horizontal
// scroll, <BS> comes back to the row the user left, the report opens on its first model row,
// and `/` shows the current filter, clears it with an empty line (0.7's own vim.ui.input
// included) and refuses unknown syntax with one line, keeping the report.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closedPort } from "../support/fake-servers.js";
import { startNvim, waitFor, type Nvim } from "../support/nvim.js";

const SETUP = `require("llmfit").setup({
  hardware = { gpu = "RTX 3070", vram_gb = 8, ram_gb = 32 },
  runtimes = { ollama = { enabled = false }, llamacpp = { enabled = false }, lmstudio = { enabled = false } },
})`;

interface View {
  screen: string;
  help: boolean;
  lnum: number;
  topline: number;
  leftcol: number;
  line: string;
  id: string;
  filter: string;
  lines: string[];
}

async function view(nvim: Nvim): Promise<View | undefined> {
  return nvim.lua<View | undefined>(`
    local r = require('llmfit.report').current()
    if not r or not r:valid() then return nil end
    local v = vim.api.nvim_win_call(r.win, vim.fn.winsaveview)
    local lnum = vim.api.nvim_win_get_cursor(r.win)[1]
    local lines = vim.api.nvim_buf_get_lines(r.buf, 0, -1, false)
    return { screen = r.report.screen or "?", help = r.help and true or false, lnum = lnum, topline = v.topline,
             leftcol = v.leftcol, line = lines[lnum] or "", id = (r.report.ids or {})[lnum] or "",
             filter = r.report.filter or "", lines = lines }`);
}

async function until(nvim: Nvim, ok: (v: View) => boolean, what: string): Promise<View> {
  return waitFor(async () => {
    const v = await view(nvim);
    return v && ok(v) ? v : undefined;
  }, 15_000, what);
}

describe("the report's screens at 80×24", () => {
  let nvim: Nvim;
  beforeAll(async () => {
    nvim = await startNvim({ columns: 80, lines: 24, setup: SETUP });
    await nvim.cmd("LlmFit");
  });
  afterAll(async () => nvim?.close());

  it("opens with the cursor on the first model row, so <CR> opens a model", async () => {
    const v = await until(nvim, (v) => v.lines.some((l) => /^\s+Model\s+/.test(l)) && v.id !== "", "the table with the cursor on a model");
    const header = v.lines.findIndex((l) => /^\s+Model\s+/.test(l));
    expect(v.lnum).toBe(header + 2);
  });

  it("opens detail, help, compare and training at their first line with no horizontal scroll, and <BS> returns to the row left", async () => {
    const start = await until(nvim, (v) => v.id !== "", "a model row");
    // Move down a few rows and scroll right, as a user reading the table would.
    await nvim.api.input("4j");
    await nvim.api.input("zl");
    await nvim.api.input("zl");
    const moved = await until(nvim, (v) => v.lnum === start.lnum + 4 && v.leftcol > 0, "the cursor four rows down, scrolled right");

    await nvim.api.input("<CR>");
    const detail = await until(nvim, (v) => v.screen === "detail", "the detail view");
    expect({ lnum: detail.lnum, topline: detail.topline, leftcol: detail.leftcol }).toEqual({ lnum: 1, topline: 1, leftcol: 0 });

    await nvim.api.input("<BS>");
    const back = await until(nvim, (v) => v.screen === "models", "the list again");
    expect(back.lnum).toBe(moved.lnum);
    expect(back.id).toBe(moved.id);

    for (const [key, screen] of [["m", "compare"], ["t", "training"]] as const) {
      await nvim.api.input("G");
      await nvim.api.input(key);
      const v = await until(nvim, (v) => v.screen === screen, `the ${screen} screen`);
      expect({ screen, lnum: v.lnum, topline: v.topline, leftcol: v.leftcol }).toEqual({ screen, lnum: 1, topline: 1, leftcol: 0 });
      await nvim.api.input("<BS>");
      await until(nvim, (v) => v.screen === "models", "the list again");
    }

    await nvim.api.input("G");
    await nvim.api.input("?");
    const help = await until(nvim, (v) => v.help, "the key help");
    expect({ lnum: help.lnum, topline: help.topline, leftcol: help.leftcol }).toEqual({ lnum: 1, topline: 1, leftcol: 0 });
    expect(help.lines[0]).toMatch(/^Keys/);
    await nvim.api.input("?");
    await until(nvim, (v) => !v.help && v.screen === "models", "the list after help");
  });

  it("the filter prompt shows the current filter and an empty line clears it, with Neovim's own vim.ui.input", async () => {
    await nvim.api.input("/");
    await nvim.api.input("qwen<CR>");
    const filtered = await until(nvim, (v) => v.filter === "qwen", "the filter applied");
    expect(filtered.lines.join("\n")).toMatch(/Qwen/);
    expect(filtered.lines.filter((l) => /Llama/.test(l))).toEqual([]);

    await nvim.api.input("/");
    // The prompt says what the filter is now and starts with it as the default text.
    const prompt = await waitFor(async () => {
      const line = await nvim.lua<string>("return vim.fn.getcmdline()");
      return line === "qwen" ? line : undefined;
    }, 5000, "the prompt with the current filter as its text");
    expect(prompt).toBe("qwen");
    await nvim.api.input("<C-u><CR>");
    const cleared = await until(nvim, (v) => v.filter === "", "the filter cleared");
    expect(cleared.lines.some((l) => /Llama/.test(l))).toBe(true);

    // <Esc> keeps the filter as it is.
    await nvim.api.input("/");
    await nvim.api.input("gemma<CR>");
    await until(nvim, (v) => v.filter === "gemma", "a second filter");
    await nvim.api.input("/");
    await nvim.api.input("<Esc>");
    await new Promise((r) => setTimeout(r, 300));
    expect((await view(nvim))?.filter).toBe("gemma");
    await nvim.api.input("/");
    await nvim.api.input("<C-u><CR>");
    await until(nvim, (v) => v.filter === "", "the filter cleared again");
  });

  it("refuses unknown filter syntax in one line naming it, and keeps the report and its filter", async () => {
    await nvim.clearNotes();
    await nvim.api.input("/");
    await nvim.api.input("foo:bar<CR>");
    const notes = await waitFor(async () => {
      const n = await nvim.notes();
      return n.length > 0 ? n : undefined;
    }, 5000, "a notification");
    expect(notes).toHaveLength(1);
    expect(notes[0]!.msg).toMatch(/filter not changed: unknown filter field "foo": the fields are family: kind: license: cap: use:/);
    expect(notes[0]!.msg).not.toContain("\n");
    const v = await view(nvim);
    expect(v?.screen).toBe("models");
    expect(v?.filter).toBe("");
  });
});

describe("a bad hardware option never blocks the report", () => {
  it("opens with the detected hardware and one line naming hardware.gpu and the nearest names", async () => {
    const nvim = await startNvim({
      columns: 80,
      lines: 24,
      setup: `require("llmfit").setup({
        hardware = { gpu = "RTX 9999" },
        runtimes = { ollama = { enabled = false }, llamacpp = { enabled = false }, lmstudio = { enabled = false } },
      })`,
    });
    try {
      await nvim.cmd("LlmFit");
      const v = await until(nvim, (v) => v.lines.some((l) => /^\s+Model\s+/.test(l)), "the report");
      expect(v.lines.join("\n")).not.toContain("RTX 9999");
      const notes = await nvim.notes();
      expect(notes.map((n) => n.msg)).toEqual([expect.stringMatching(/^llmfit: hardware\.gpu: unknown GPU "RTX 9999" \(nearest known: .+\) — using the detected hardware$/)]);
      expect(notes[0]!.level).toBe(3); // WARN

      await nvim.cmd("checkhealth llmfit");
      const health = (await nvim.lua<string[]>("return vim.api.nvim_buf_get_lines(0, 0, -1, false)")).join("\n");
      expect(health).toMatch(/option: hardware\.gpu: unknown GPU "RTX 9999"/);
      expect(health).toMatch(/hardware overrides active .*gpu = "RTX 9999"/);
    } finally {
      await nvim.close();
    }
  });
});

describe("a message longer than the command line", () => {
  it("shows as a float in the corner, wrapped at words to the editor's width, taking no focus and no Press ENTER", async () => {
    const nvim = await startNvim({ columns: 80, lines: 24, captureNotify: false });
    try {
      // A UI makes the command line real (a headless Neovim has none).
      await nvim.api.uiAttach(80, 24, { ext_linegrid: true });
      const win = await nvim.lua<number>("return vim.api.nvim_get_current_win()");
      const msg =
        "could not reach Ollama at http://127.0.0.1:11434 (connection refused) — start it with `ollama serve`, or set runtimes.ollama.url to where it listens";
      await nvim.lua(`require("llmfit.util").notify(..., vim.log.levels.ERROR)`, [msg]);
      const shown = await nvim.lua<{ lines: string[]; width: number; focusable: boolean }[]>(`
        local out = {}
        for _, w in ipairs(vim.api.nvim_list_wins()) do
          local c = vim.api.nvim_win_get_config(w)
          if c.relative ~= "" then
            table.insert(out, { lines = vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(w), 0, -1, false), width = c.width, focusable = c.focusable })
          end
        end
        return out`);
      expect(shown).toHaveLength(1);
      const { lines, width, focusable } = shown[0]!;
      expect(focusable).toBe(false);
      expect(lines.join(" ")).toBe(`llmfit: ${msg}`);
      for (const l of lines) expect(l.length).toBeLessThanOrEqual(width);
      expect(await nvim.lua<number>("return vim.api.nvim_get_current_win()")).toBe(win);
      const mode = await nvim.api.mode;
      expect(mode.blocking).toBe(false);
    } finally {
      await nvim.close();
    }
  });
});

describe("errors keep the report", () => {
  it("a pull that fails (Ollama down) shows in its own float above the report; q returns to the report", async () => {
    const port = await closedPort();
    const nvim = await startNvim({
      columns: 120,
      lines: 40,
      setup: `require("llmfit").setup({
        hardware = { gpu = "RTX 3070", vram_gb = 8, ram_gb = 32 },
        runtimes = { ollama = { url = "http://127.0.0.1:${port}" }, llamacpp = { enabled = false }, lmstudio = { enabled = false } },
      })`,
    });
    try {
      await nvim.cmd("LlmFit");
      await until(nvim, (v) => v.id !== "", "the table");
      const report = await nvim.lua<number>("return require('llmfit.report').current().win");
      await nvim.api.input("p");
      const failed = await waitFor(async () => {
        const floats = await nvim.floats();
        const pull = floats.find((f) => f.win !== report);
        return pull && floats.some((f) => f.win === report) && !pull.lines.join("\n").includes("starting") ? { floats, pull } : undefined;
      }, 10_000, "the pull float beside the report, showing the failure");
      expect(failed.pull.lines[0]).toMatch(/Ollama/);
      // One ERROR line; an INFO line before it may say which tag is pulled (its quant differs from the sized one).
      expect((await nvim.notes()).map((n) => n.level).filter((l) => l >= 3)).toEqual([4]);
      await nvim.api.input("q");
      await waitFor(async () => ((await nvim.floats()).length === 1 ? true : undefined), 5000, "the pull float to close");
      expect(await nvim.lua<number>("return vim.api.nvim_get_current_win()")).toBe(report);
      expect((await view(nvim))?.screen).toBe("models");

      // P on a model no runtime has: offers the pull first (declined here: nothing starts).
      await nvim.lua(`_G.__confirms = {} vim.fn.confirm = function(msg) table.insert(_G.__confirms, msg) return 2 end`);
      await nvim.api.input("P");
      const asked = await waitFor(async () => {
        const c = await nvim.lua<string[]>("return _G.__confirms");
        return c.length > 0 ? c : undefined;
      }, 10_000, "the offer to pull");
      expect(asked[0]).toMatch(/ is not installed\. Pull \S+ with Ollama now\?$/);
      expect((await nvim.floats()).length).toBe(1);
    } finally {
      await nvim.close();
    }
  });
});
