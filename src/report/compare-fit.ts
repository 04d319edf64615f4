// Model fit across machines, for `llmfit compare` and the report's compare screen: how many
// catalog models run entirely on each machine's GPU, and the best one by the report's score.
import type { Hardware } from "../hardware/types.js";
import { CATALOG } from "../models/catalog.js";
import type { Sizer } from "../sizing/search.js";
import { ctxLabel } from "./models.js";
import { DEFAULT_VIEW, recommend, type ModelsView, type SpeedOf } from "./recommend.js";

export interface MachineFit {
  readonly onGpu: number;
  readonly runs: number;
  readonly considered: number;
  readonly best?: { readonly name: string; readonly quant: string; readonly ctx: number; readonly tps?: number };
}

export function machineFit(hw: Hardware, sizer: Sizer, view: ModelsView = DEFAULT_VIEW, speedOf?: SpeedOf): MachineFit {
  const rec = recommend(CATALOG, hw, view, sizer, speedOf);
  const best = rec.rows[0];
  return {
    onGpu: rec.rows.filter((r) => r.verdict === "gpu").length,
    runs: rec.rows.length,
    considered: rec.considered,
    ...(best ? { best: { name: best.entry.name, quant: best.quant, ctx: best.ctxMax, ...(best.tps !== undefined ? { tps: best.tps } : {}) } } : {}),
  };
}

/** Rows to append to the hardware comparison: one cell per machine. */
export function fitRows(fits: readonly MachineFit[], view: ModelsView = DEFAULT_VIEW): string[][] {
  return [
    [`Models on GPU (${ctxLabel(view.ctx)})`, ...fits.map((f) => `${f.onGpu} of ${f.considered}`)],
    ["Models that run", ...fits.map((f) => `${f.runs} of ${f.considered}`)],
    ["Best model", ...fits.map((f) => (f.best ? `${f.best.name} ${f.best.quant}` : "—"))],
    ["  its tok/s", ...fits.map((f) => (f.best?.tps !== undefined ? f.best.tps.toFixed(1) : "—"))],
  ];
}
