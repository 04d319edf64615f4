// Every screen of the report lays itself out for the width it has: at the float's text width in
// a 60, 80, 120 and 200 column editor (and at those raw widths, as `llmfit --width N` prints),
// no line is wider than that, and nothing is silently dropped: prose wraps with every character
// kept, every model of the table keeps its name, quant, speed and verdict, every machine of the
// compare screen and every training method (QLoRA included) is there.
import { beforeAll, describe, expect, it } from "vitest";
import { tableColumns, tpsLabel, tpsRangeLabel, VERDICT_WORD } from "../../src/report/models.js";
import { renderReport, type Rendered } from "../../src/report/report.js";
import { floatTextWidth, showcase, type Showcase } from "../../src/report/showcase.js";
import { trainingRows } from "../../src/report/training.js";
import { displayWidth } from "../../src/report/width.js";

const EDITOR_COLUMNS = [60, 80, 120, 200] as const;
const WIDTHS = [...EDITOR_COLUMNS.map((c) => floatTextWidth(c)), ...EDITOR_COLUMNS];

/** Printed characters in order, spaces left out: what wrapping must keep. */
const ink = (lines: readonly string[]): string => lines.join("").replace(/\s+/g, "");

let s: Showcase;
beforeAll(() => {
  s = showcase();
});

function render(screen: "models" | "detail" | "compare" | "training", width: number): Rendered {
  return renderReport(s.report(screen), { width });
}

describe.each(WIDTHS)("the report at %i columns", (width) => {
  it("never paints a line wider than the float", () => {
    for (const screen of ["models", "detail", "compare", "training"] as const) {
      const over = render(screen, width).lines.filter((l) => displayWidth(l) > width);
      expect({ screen, over }).toEqual({ screen, over: [] });
    }
  });

  it("keeps every character of the machine and runtimes sections and of a model's detail", () => {
    const head = (r: Rendered) => r.lines.slice(0, r.lines.findIndex((l) => l.startsWith("Models that run here")));
    expect(ink(head(render("models", width)))).toBe(ink(head(render("models", 1000))));
    expect(ink(render("detail", width).lines)).toBe(ink(render("detail", 1000).lines));
    // The long ones: the CPU's source, the exact-file command, the GGUF address.
    expect(ink(render("detail", width).lines)).toContain(ink(["huggingface.co/"]));
  });

  it("shows every model with its name, quant, tok/s and verdict, and says where left-out columns went", () => {
    const r = render("models", width);
    const rec = s.report("models").models!.rec;
    const rows = rec.rows;
    const nameW = tableColumns(rec, width).cols[0]!.width;
    const lines = new Map<string, string[]>();
    for (const [line, id] of r.ids) lines.set(id, [...(lines.get(id) ?? []), r.lines[line]!]);
    for (const row of rows) {
      const own = lines.get(row.entry.id) ?? [];
      const text = own.join(" ");
      // The name column, then its continuation lines (a long name wraps inside its column).
      const name = [own[0]!.slice(0, 2 + nameW), ...own.slice(1)];
      expect(ink(name), row.entry.id).toBe(ink([row.entry.name]));
      expect(own[0], row.entry.id).toContain(row.quant);
      expect(own[0], row.entry.id).toContain(VERDICT_WORD[row.verdict]);
      expect(text.includes(tpsRangeLabel(row)) || text.includes(tpsLabel(row.tps)), row.entry.id).toBe(true);
    }
    const header = r.lines.find((l) => /^\s+Model\s/.test(l))!;
    const note = ink(r.lines.filter((l) => !r.ids.has(r.lines.indexOf(l))));
    for (const title of ["Params", "Ctx", "Where", "Memory"]) {
      if (!header.includes(title)) expect(note, title).toContain(ink([`${title}`]));
    }
    if (!header.includes("10–90")) expect(note).toContain(ink(["tok/s range"]));
    if (width >= 120) expect(header).toContain("tok/s (10–90 %)");
  });

  it("shows every machine of the compare screen with every cell", () => {
    const screen = s.report("compare").screen;
    if (screen?.kind !== "compare") throw new Error("not the compare screen");
    const text = ink(render("compare", width).lines);
    for (const row of screen.rows) for (const cell of row) expect(text).toContain(ink([cell]));
    const painted = render("compare", width).lines.join("\n");
    for (const label of screen.rows[0]!.slice(1)) expect(painted).toContain(label);
  });

  it("shows full, LoRA and QLoRA for every model of the training screen", () => {
    const r = render("training", width);
    const text = ink(r.lines);
    expect(r.lines.join("\n")).toContain("QLoRA");
    const rows = trainingRows(s.report("training").models!.rec.rows, s.hardware);
    for (const t of rows) {
      expect(text).toContain(ink([t.row.entry.name]));
      for (const m of ["full", "lora", "qlora"] as const) {
        const needed = `${(t.plans[m].neededBytes / 1024 ** 3).toFixed(1)}G`;
        expect(text, `${t.row.entry.id} ${m}`).toContain(needed);
      }
    }
  });
});

describe("the table's tok/s", () => {
  it("shows the advice's 10–90 % range where the width allows, the plain figure where not", () => {
    const row = s.report("models").models!.rec.rows.find((r) => r.tpsRange)!;
    const label = `${tpsLabel(row.tps)} (${tpsLabel(row.tpsRange!.low)}–${tpsLabel(row.tpsRange!.high)})`;
    const wide = render("models", 168);
    const line = [...wide.ids].find(([, id]) => id === row.entry.id)![0];
    expect(wide.lines[line]).toContain(label);
    const narrow = render("models", 66);
    const nline = [...narrow.ids].find(([, id]) => id === row.entry.id)![0];
    expect(narrow.lines[nline]).not.toContain(label);
    expect(narrow.lines[nline]).toContain(tpsLabel(row.tps));
  });
});
