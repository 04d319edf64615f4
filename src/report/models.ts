// The recommendations table: columns chosen by the width available, aligned by display width
// (multibyte names stay aligned), a memory bar per row, verdicts coloured by group.
import type { Verdict } from "../sizing/types.js";
import { tpsWithRange, type SpeedRange } from "../speed/estimate.js";
import { Canvas, type HlGroup, type Painted, type Segment } from "./canvas.js";
import type { ModelsView, NearMiss, Recommendations, ModelRow } from "../advice/advise.js";
import { displayWidth, fit, pad } from "./width.js";

export const VERDICT_WORD: Record<Verdict, string> = { gpu: "fits GPU", partial: "partial", cpu: "CPU only", no: "no" };
export const VERDICT_GROUP: Record<Verdict, HlGroup> = { gpu: "LlmFitGood", partial: "LlmFitPartial", cpu: "LlmFitCpu", no: "LlmFitBad" };

const GIB = 1024 ** 3;

export function paramsLabel(total: number, active?: number): string {
  const one = (n: number) => (n >= 0.95e9 ? `${n >= 10e9 ? Math.round(n / 1e9) : (n / 1e9).toFixed(1)}B` : `${Math.round(n / 1e6)}M`);
  return active !== undefined && active < total * 0.9 ? `${one(total)}/${one(active)}` : one(total);
}

/** tok/s as every view prints it: one decimal under 100; "—" where there is none (embedding models). */
export function tpsLabel(tps: number | undefined): string {
  return tps === undefined ? "—" : tps >= 100 ? String(Math.round(tps)) : tps.toFixed(1);
}

/**
 * A model's advice in one phrase, as the report's detail reads it: verdict, quantization, tok/s
 * with its 10–90 % range, and where the speed came from. The prompt picker labels installed
 * models with it, so both say the same.
 */
export function adviceSummary(a: { readonly verdict: Verdict; readonly quant: string; readonly tps?: number | undefined; readonly tpsRange?: SpeedRange | undefined }): string {
  const speed = a.tps === undefined ? [] : [`${a.tpsRange ? tpsWithRange(a.tps, a.tpsRange) : `${tpsLabel(a.tps)} tok/s`} estimate`];
  return [VERDICT_WORD[a.verdict], a.quant, ...speed].join(" · ");
}

export function ctxLabel(n: number): string {
  if (n < 1024) return String(n);
  const k = n / 1024;
  return `${k >= 10 || Number.isInteger(k) ? Math.round(k) : k.toFixed(1)}k`;
}

function whereLabel(r: ModelRow): string {
  const p = r.estimate.placement;
  if (p.verdict === "gpu") return "GPU";
  if (p.verdict === "partial") return `${p.layersOnGpu}/${p.layersTotal} GPU`;
  return "CPU";
}

/**
 * Bytes used against bytes available where the verdict is decided: the GPUs for a model that
 * fits on them, GPUs and RAM for a partial offload, RAM for the CPU.
 */
export function usage(r: ModelRow): { used: number; available: number } {
  const devices = r.estimate.placement.devices.filter((d) =>
    r.verdict === "gpu" ? d.device !== "cpu" && d.layers > 0 : r.verdict === "cpu" ? d.device === "cpu" : d.layers > 0 || d.device === "cpu",
  );
  return {
    used: devices.reduce((s, d) => s + d.bytes, 0),
    available: devices.reduce((s, d) => s + d.availableBytes, 0),
  };
}

export function bar(fraction: number, cells: number): string {
  const full = Math.max(0, Math.min(cells, Math.round(fraction * cells)));
  return "█".repeat(full) + "░".repeat(cells - full);
}

interface Column {
  readonly title: string;
  readonly width: number;
  readonly align: "left" | "right";
  readonly cell: (r: ModelRow) => Segment;
}

/** tok/s with where it will likely land (the advice's 10–90 % range): "164 (117–187)". */
export function tpsRangeLabel(r: ModelRow): string {
  if (r.tps === undefined || !r.tpsRange) return tpsLabel(r.tps);
  return `${tpsLabel(r.tps)} (${tpsLabel(r.tpsRange.low)}–${tpsLabel(r.tpsRange.high)})`;
}

const tpsCell = (label: (r: ModelRow) => string) => (r: ModelRow): Segment => [label(r), r.usable ? undefined : "LlmFitPartial"] as const;

// Every column but the name, in display order, with the rank it is kept by when the width is
// short (1 first). What a narrow table leaves out stays on the detail screen (<CR>), and the
// line above the table says which columns those are.
const COLUMNS: ReadonlyArray<Column & { readonly rank: number; readonly key: string }> = [
  { key: "params", rank: 8, title: "Params", width: 9, align: "right", cell: (r) => [paramsLabel(r.entry.params.total, r.entry.params.active), "LlmFitMuted"] },
  { key: "quant", rank: 3, title: "Quant", width: 6, align: "left", cell: (r) => r.quant },
  { key: "ctx", rank: 5, title: "Ctx", width: 5, align: "right", cell: (r) => ctxLabel(r.ctxMax) },
  { key: "where", rank: 7, title: "Where", width: 11, align: "left", cell: (r) => whereLabel(r) },
  {
    key: "memory",
    rank: 4,
    title: "Memory",
    width: 10,
    align: "right",
    cell: (r) => {
      const u = usage(r);
      return `${(u.used / GIB).toFixed(1)}/${(u.available / GIB).toFixed(0)}G`;
    },
  },
  { key: "bar", rank: 9, title: "", width: 10, align: "left", cell: (r) => {
    const u = usage(r);
    return [bar(u.used / Math.max(u.available, 1), 10), "LlmFitBar"] as const;
  } },
  { key: "tps", rank: 2, title: "tok/s", width: 6, align: "right", cell: tpsCell((r) => tpsLabel(r.tps)) },
  // Takes the plain tok/s column's place when there is room (rank 6).
  { key: "range", rank: 6, title: "tok/s (10–90 %)", width: 16, align: "right", cell: tpsCell(tpsRangeLabel) },
  { key: "verdict", rank: 1, title: "Verdict", width: 8, align: "left", cell: (r) => [VERDICT_WORD[r.verdict], VERDICT_GROUP[r.verdict]] },
];

/** The narrowest the name column gets before a column is left out; longer names wrap inside it. */
const NAME_MIN = 24;
const NAME_MAX = 40;

/** Columns for `width`: the name, then as many others as fit by rank; and the keys left out. */
function columns(width: number, longestName = NAME_MAX): { cols: Column[]; left: string[] } {
  const chosen = new Set<string>();
  let used = 2 + NAME_MIN;
  for (const col of [...COLUMNS].sort((a, b) => a.rank - b.rank)) {
    const swap = col.key === "range" ? COLUMNS.find((c) => c.key === "tps")!.width : 0;
    if (used + col.width + 1 - swap > width) continue;
    chosen.add(col.key);
    used += col.width + 1 - swap;
  }
  if (chosen.has("range")) chosen.delete("tps");
  const fixed = COLUMNS.filter((c) => chosen.has(c.key));
  const taken = fixed.reduce((s, c) => s + c.width + 1, 0) + 2;
  const nameWidth = Math.max(NAME_MIN, Math.min(NAME_MAX, longestName, width - taken));
  const left = COLUMNS.filter((c) => !chosen.has(c.key) && !(c.key === "tps" && chosen.has("range")) && c.key !== "bar").map((c) => (c.key === "range" ? "tok/s range" : c.title));
  return { cols: [{ title: "Model", width: nameWidth, align: "left", cell: (r) => r.entry.name }, ...fixed], left };
}

/** The table's columns for these recommendations at `width`. */
export function tableColumns(rec: Recommendations, width: number): { cols: Column[]; left: string[] } {
  const longest = Math.max(0, ...rec.rows.map((r) => displayWidth(r.entry.name)), ...rec.nearMisses.map((m) => displayWidth(m.entry.name)));
  return columns(width, longest);
}

function paintCell(col: Column, seg: Segment): Segment {
  const [text, group] = typeof seg === "string" ? [seg, undefined] : seg;
  return [pad(text, col.width, col.align), group];
}

/** A name in rows of at most `width` columns, broken at spaces (a table cell never cuts a name). */
function nameRows(name: string, width: number): string[] {
  const c = new Canvas(width);
  c.hang(2, name);
  return c.done().lines.map((l) => l.trimEnd());
}

/**
 * Each row's table lines as last painted, with what they were painted for. A row is immutable
 * (src/advice/advise.ts judges it once per view), and its lines depend only on it, the columns
 * (titles and widths: `layout`) and the canvas (width and words): a sort or a filter repaints
 * rows it showed before without formatting ~280 lines again (npm run bench: host-memory keys).
 */
const painted = new WeakMap<ModelRow, { readonly layout: string; readonly width: number; readonly words: unknown; readonly lines: Painted }>();

function rowLines(c: Canvas, r: ModelRow, cols: readonly Column[], layout: string): Painted {
  const hit = painted.get(r);
  const { width, words } = c.style;
  if (hit && hit.layout === layout && hit.width === width && hit.words === words) return hit.lines;
  const nameW = cols[0]!.width;
  const names = nameRows(r.entry.name, nameW);
  const own = c.scratch();
  own.line("  ", ...cols.flatMap((col, i) => [i === 0 ? fit(names[0]!, nameW) : paintCell(col, col.cell(r)), i < cols.length - 1 ? " " : ""]));
  for (const more of names.slice(1)) own.line("  " + more);
  const lines = own.done();
  painted.set(r, { layout, width, words, lines });
  return lines;
}

/** Paints the table; returns the canvas line of each row's model id (for <CR>). */
export function paintModels(c: Canvas, rec: Recommendations, view: ModelsView, width: number): Map<number, string> {
  const at = new Map<number, string>();
  const filters = [
    `sort ${view.sort}`,
    `use ${view.use}`,
    `kind ${view.kind}`,
    `ctx ${ctxLabel(view.ctx)}`,
    `KV ${view.kv}`,
    ...(view.text ? [`"${view.text}"`] : []),
    `usable ≥ ${rec.policy.minTps} tok/s`,
    `${(rec.policy.reserveBytes / GIB).toFixed(1)} GiB RAM reserved`,
  ];
  c.line(["Models that run here", "LlmFitSection"], [`  ${rec.rows.length} of ${rec.considered} · ${filters.join(" · ")}`, "LlmFitMuted"]);
  const { cols, left } = tableColumns(rec, width);
  if (left.length > 0 && rec.rows.length > 0) c.line(["  " + `${left.join(", ")}: on each model's detail (<CR>)`, "LlmFitMuted"]);
  c.line("  ", ...cols.flatMap((col, i) => [[fit(col.title, col.width, col.align), "LlmFitHeader"] as const, i < cols.length - 1 ? " " : ""]));
  const layout = cols.map((col) => `${col.title}:${col.width}:${col.align}`).join("|");
  for (const r of rec.rows) {
    const lines = rowLines(c, r, cols, layout);
    for (let i = 0; i < lines.lines.length; i++) at.set(c.length + i, r.entry.id);
    c.append(lines);
  }
  if (rec.rows.length === 0) c.line(["  nothing matches — change the filter (/), use (u) or kind (k)", "LlmFitMuted"]);
  for (const w of rec.warnings) c.line(["  ! " + w, "LlmFitPartial"]);
  if (rec.nearMisses.length > 0) {
    c.blank();
    c.line(["Almost", "LlmFitSection"], ["  what would make these run", "LlmFitMuted"]);
    for (const m of rec.nearMisses) paintMiss(c, m, cols[0]!.width, at);
  }
  if (rec.leftOut.length > 0) {
    c.blank();
    c.line(["Left out", "LlmFitSection"], ["  in the catalog, not in the table", "LlmFitMuted"]);
    for (const l of rec.leftOut) {
      const shown = l.ids.slice(0, 4).join(", ");
      c.line(["  " + `${l.ids.length} ${l.reason}: ${shown}${l.ids.length > 4 ? ", …" : ""}`, "LlmFitMuted"]);
    }
  }
  return at;
}

function paintMiss(c: Canvas, m: NearMiss, nameWidth: number, at: Map<number, string>): void {
  const from = c.length;
  c.hang(3 + nameWidth, "  ", pad(m.entry.name, nameWidth), " ", [m.fix, "LlmFitPartial"]);
  for (let line = from; line < c.length; line++) at.set(line, m.entry.id);
}
