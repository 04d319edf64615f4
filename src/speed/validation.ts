// Honest error of the speed model: leave-one-source-out cross-validation. Every published source
// (one URL: one PR table, one benchmark issue) and every model of this machine's CPU table is held
// out in turn; the constants are fitted to everything else and the held-out rows are predicted
// through the whole path (sizing placement → estimateSpeed). The errors of those predictions are
// what `npm run bench:speed` reports and what the tok/s ranges are made of. Pure.

import { requireGpu } from "../hardware/match.js";
import type { Backend } from "../hardware/types.js";
import { createSizer, type Sizer } from "../sizing/search.js";
import { fitSpeedConstants, predictCpu, predictPublished, rowModel, type RowPrediction } from "./calibration.js";
import type { CpuMeasurement, PublishedRow } from "./measurements.js";
import type { SpeedConstants, SpeedRanges } from "./model.js";

export interface HeldOut extends RowPrediction {
  /** The group held out: a source URL, or "this machine: <model>". */
  readonly source: string;
  readonly backend: Backend;
  readonly year: number;
  /** The one-line formula other tools use: spec bandwidth × 0.55 / weight bytes (decode rows with a known bandwidth). */
  readonly baseline?: number;
}

/** Spec (or RAM) bandwidth × 0.55 ÷ the weight bytes one token reads. */
export function baselineTps(r: PublishedRow, bandwidthGBs: number | undefined): number | undefined {
  const m = rowModel(r.model_id, r.quant);
  if (!m || bandwidthGBs === undefined || !r.test.startsWith("tg")) return undefined;
  const bytes = m.traffic.layerBytes.reduce((a, b) => a + b, 0) + m.traffic.outputBytes;
  return (bandwidthGBs * 1e9 * 0.55) / bytes;
}

export interface Validation {
  readonly rows: readonly HeldOut[];
  /** Per backend and test: measured / estimated at the 10th and 90th percentile of the held-out rows. */
  readonly ranges: SpeedRanges;
}

const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return (s[lo] ?? 0) + ((s[hi] ?? 0) - (s[lo] ?? 0)) * (i - lo);
};

export { quantile };

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Ranges from held-out rows: the 10th–90th percentile ratio, always containing 1. */
export function rangesOf(rows: readonly HeldOut[]): SpeedRanges {
  const out: Record<string, { decode: [number, number]; prefill: [number, number] }> = {};
  const backends = [...new Set(rows.map((r) => r.backend))].sort();
  for (const b of backends) {
    const entry: Partial<Record<"decode" | "prefill", [number, number]>> = {};
    for (const test of ["decode", "prefill"] as const) {
      const ratios = rows.filter((r) => r.backend === b && r.test === test && r.estimated > 0).map((r) => r.measured / r.estimated);
      if (ratios.length < 3) continue;
      entry[test] = [round2(Math.min(1, quantile(ratios, 0.1))), round2(Math.max(1, quantile(ratios, 0.9)))];
    }
    const wide: [number, number] = [0.5, 1.5];
    if (entry.decode || entry.prefill) out[b] = { decode: entry.decode ?? entry.prefill ?? wide, prefill: entry.prefill ?? entry.decode ?? wide };
  }
  return out;
}

/** Leave-one-source-out over both tables. */
export function crossValidate(cpuRows: readonly CpuMeasurement[], published: readonly PublishedRow[], sizer: Sizer = createSizer()): Validation {
  const groups = new Map<string, { cpu: CpuMeasurement[]; pub: PublishedRow[] }>();
  const group = (key: string) => {
    const g = groups.get(key) ?? { cpu: [], pub: [] };
    groups.set(key, g);
    return g;
  };
  for (const r of cpuRows) group(`this machine: ${r.model_id}`).cpu.push(r);
  for (const r of published) group(r.source_url).pub.push(r);
  const rows: HeldOut[] = [];
  for (const [source, g] of groups) {
    const k: SpeedConstants = fitSpeedConstants(
      cpuRows.filter((r) => !g.cpu.includes(r)),
      published.filter((r) => !g.pub.includes(r)),
      sizer,
    ).constants;
    for (const r of g.cpu) for (const p of predictCpu(r, k, sizer)) rows.push({ ...p, source, backend: "cpu", year: 2026 });
    for (const r of g.pub) {
      const p = predictPublished(r, k, sizer);
      if (!p) continue;
      const bw = r.backend === "cpu" ? r.ram_gbs : bandwidthOf(r);
      const baseline = baselineTps(r, bw);
      rows.push({ ...p, source, backend: r.backend, year: r.year, ...(baseline !== undefined ? { baseline } : {}) });
    }
  }
  return { rows, ranges: rangesOf(rows) };
}


function bandwidthOf(r: PublishedRow): number | undefined {
  const spec = requireGpu(r.device).spec;
  return spec.bandwidthGBs / spec.devices;
}

export interface ErrorSummary {
  readonly n: number;
  readonly median: number;
  readonly p90: number;
}

/** Median and 90th percentile of |error| in percent. */
export function summarize(errorsPct: readonly number[]): ErrorSummary {
  const a = errorsPct.map((e) => Math.abs(e));
  return { n: a.length, median: quantile(a, 0.5), p90: quantile(a, 0.9) };
}
