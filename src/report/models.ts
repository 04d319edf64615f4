// The recommendations table: columns chosen by the width available, aligned by display width
// (multibyte names stay aligned), a memory bar per row, verdicts coloured by group.
import type { Verdict } from "../sizing/types.js";
import type { Canvas, HlGroup, Segment } from "./canvas.js";
import type { ModelsView, NearMiss, Recommendations, ModelRow } from "../advice/advise.js";
import { fit } from "./width.js";

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

function columns(width: number): Column[] {
  const wide = width >= 100;
  const wider = width >= 130;
  const fixed: Column[] = [
    ...(wide ? [{ title: "Params", width: 9, align: "right" as const, cell: (r: ModelRow) => [paramsLabel(r.entry.params.total, r.entry.params.active), "LlmFitMuted"] as const }] : []),
    { title: "Quant", width: 6, align: "left", cell: (r) => r.quant },
    { title: "Ctx", width: 5, align: "right", cell: (r) => ctxLabel(r.ctxMax) },
    ...(wide ? [{ title: "Where", width: 10, align: "left" as const, cell: (r: ModelRow) => whereLabel(r) }] : []),
    {
      title: "Memory",
      width: 11,
      align: "right",
      cell: (r) => {
        const u = usage(r);
        return `${(u.used / GIB).toFixed(1)}/${(u.available / GIB).toFixed(0)}G`;
      },
    },
    ...(wider ? [{ title: "", width: 10, align: "left" as const, cell: (r: ModelRow) => {
      const u = usage(r);
      return [bar(u.used / Math.max(u.available, 1), 10), "LlmFitBar"] as const;
    } }] : []),
    { title: "tok/s", width: 6, align: "right", cell: (r) => [tpsLabel(r.tps), r.usable ? undefined : "LlmFitPartial"] as const },
    { title: "Verdict", width: 8, align: "left", cell: (r) => [VERDICT_WORD[r.verdict], VERDICT_GROUP[r.verdict]] as const },
  ];
  const used = fixed.reduce((s, c) => s + c.width + 1, 0) + 2;
  const nameWidth = Math.max(14, Math.min(40, width - used));
  return [{ title: "Model", width: nameWidth, align: "left", cell: (r) => r.entry.name }, ...fixed];
}

function paintCell(col: Column, seg: Segment): Segment {
  const [text, group] = typeof seg === "string" ? [seg, undefined] : seg;
  return [fit(text, col.width, col.align), group];
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
  const cols = columns(width);
  c.line("  ", ...cols.flatMap((col, i) => [[fit(col.title, col.width, col.align), "LlmFitHeader"] as const, i < cols.length - 1 ? " " : ""]));
  for (const r of rec.rows) {
    at.set(c.length, r.entry.id);
    c.line("  ", ...cols.flatMap((col, i) => [paintCell(col, col.cell(r)), i < cols.length - 1 ? " " : ""]));
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
  at.set(c.length, m.entry.id);
  c.line("  ", fit(m.entry.name, nameWidth), " ", [m.fix, "LlmFitPartial"]);
}
