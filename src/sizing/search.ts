// Searches over the sizing core: the largest context that fits, and the best quantization that
// fits at a context. Per-shape work (tensor list, quant mix, weight bytes) is cached in a Sizer
// the caller owns, so a whole catalog with both searches stays in the milliseconds.

import type { Hardware } from "../hardware/types.js";
import type { ModelShape } from "../models/shape.js";
import { estimateMemory, weightSplit, type MemoryDetail } from "./memory.js";
import { deviceOverheadBytes } from "./overhead.js";
import { decidePlacement, placeModel, type PlacementOptions } from "./placement.js";
import { parseQuantName, type QuantName, type QuantPlan } from "./quant-mix.js";
import type { Estimate, MemoryBreakdown, Placement, RunSettings, Verdict } from "./types.js";
import { tabled } from "./shape-tables.js";
import { profileShape, type ShapeProfile } from "./shape-profile.js";
import { planForShape, weightsFromPlan, type WeightSplit } from "./weights.js";

/** Best first: what "best quantization that fits" walks down. */
export const QUANT_LADDER: readonly QuantName[] = [
  "F16", "Q8_0", "Q6_K", "Q5_K_M", "Q4_K_M", "IQ4_XS", "Q3_K_M", "IQ3_M", "Q2_K", "IQ2_M",
];

/** Verdicts acceptable to a search; by default anything that runs. */
export type Accept = (v: Verdict) => boolean;
export const RUNS: Accept = (v) => v !== "no";
export const ON_GPU: Accept = (v) => v === "gpu";

export interface Sizer {
  weights(shape: ModelShape, quant: QuantName | undefined): WeightSplit;
  estimate(shape: ModelShape, quant: QuantName | undefined, settings: RunSettings, hw: Hardware, opts?: PlacementOptions): Estimate & { readonly detail: MemoryDetail };
  /**
   * estimate(...).placement.verdict, from the same memory and the same placement decision, without
   * the devices list, the reason in words or the breakdown: what the searches below ask thousands
   * of times on a cold report (test/sizing/verdict-path.test.ts holds it to the estimate's).
   */
  verdict(shape: ModelShape, quant: QuantName | undefined, settings: RunSettings, hw: Hardware, opts?: PlacementOptions): Verdict;
}

/** Overhead of the GPUs a placement uses (the CPU backend has none). */
function placedOverhead(placement: Placement, hw: Hardware): number {
  let sum = 0;
  for (const d of placement.devices) {
    if (d.device === "cpu" || d.layers === 0) continue;
    const g = hw.gpus.find((x) => x.index === d.device);
    if (g) sum += deviceOverheadBytes(g.backend);
  }
  return sum;
}

export function createSizer(): Sizer {
  // Weak: shapes built for a runtime's model (each discovery, each prompt) come and go; their
  // tensor lists must go with them, or a long-lived host grows with every prompt.
  const cache = new WeakMap<ModelShape, Map<string, WeightSplit>>();
  const profiles = new WeakMap<ModelShape, ShapeProfile>();
  const plans = new WeakMap<ModelShape, QuantPlan>();
  const plan = (shape: ModelShape): QuantPlan => {
    let p = plans.get(shape);
    if (!p) plans.set(shape, (p = planForShape(shape)));
    return p;
  };
  const profile = (shape: ModelShape): ShapeProfile => {
    let p = profiles.get(shape);
    if (!p) profiles.set(shape, (p = profileShape(shape)));
    return p;
  };
  const weights = (shape: ModelShape, quant: QuantName | undefined): WeightSplit => {
    let per = cache.get(shape);
    if (!per) cache.set(shape, (per = new Map()));
    const key = quant ?? "";
    let w = per.get(key);
    if (!w) {
      // a file's own tensors when it is the file's quantization; otherwise the quantizer's choice
      w = tabled(shape, quant)?.weights ?? (quant === undefined || (shape.tensors && shape.fileType !== undefined && parseQuantName(shape.fileType) === quant)
        ? weightSplit(shape, quant)
        : weightsFromPlan(plan(shape), quant));
      per.set(key, w);
    }
    return w;
  };
  const detailOf = (shape: ModelShape, quant: QuantName | undefined, settings: RunSettings): MemoryDetail =>
    estimateMemory(shape, quant, settings, "cpu", weights(shape, quant), profile(shape));
  return {
    weights,
    verdict(shape, quant, settings, hw, opts = {}) {
      return decidePlacement(shape, detailOf(shape, quant, settings), hw, settings, opts).verdict;
    },
    estimate(shape, quant, settings, hw, opts = {}) {
      const detail = detailOf(shape, quant, settings);
      const placement = placeModel(shape, detail, hw, settings, opts);
      const overhead = placedOverhead(placement, hw);
      const m = detail.memory;
      const memory: MemoryBreakdown = { ...m, overhead, total: m.total - m.overhead + overhead };
      return { quant: quant ?? shape.fileType ?? "?", settings, memory, placement, detail };
    },
  };
}

/**
 * The largest context (a multiple of 256, at most the trained context) whose placement `accept`s;
 * undefined when not even 256 tokens fit.
 */
export function largestContext(
  sizer: Sizer, shape: ModelShape, quant: QuantName | undefined, settings: RunSettings, hw: Hardware,
  accept: Accept = RUNS, opts: PlacementOptions = {},
): number | undefined {
  return largestFitting((ctx) => accept(sizer.verdict(shape, quant, { ...settings, ctx }, hw, opts)), shape.nCtxTrain);
}

/**
 * The largest multiple of 256 up to `limit` for which `fits` holds, by bisection (fitting only
 * gets harder as the context grows); undefined when not even 256 does. Shared by single-machine
 * and multi-host sizing.
 */
export function largestFitting(fits: (ctx: number) => boolean, limit: number): number | undefined {
  const step = 256;
  let lo = 1;
  let hi = Math.max(1, Math.floor(Math.max(limit, step) / step));
  if (!fits(lo * step)) return undefined;
  if (fits(hi * step)) return hi * step;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (fits(mid * step)) lo = mid;
    else hi = mid;
  }
  return lo * step;
}

/** The first quantization on the ladder (best first) that `accept`s at `settings.ctx`. */
export function bestQuant(
  sizer: Sizer, shape: ModelShape, settings: RunSettings, hw: Hardware,
  accept: Accept = RUNS, ladder: readonly QuantName[] = QUANT_LADDER, opts: PlacementOptions = {},
): QuantName | undefined {
  // Quality rises with size, and fitting is monotone in size: binary search over the ladder.
  let lo = 0;
  let hi = ladder.length - 1;
  const ok = (i: number): boolean => {
    const q = ladder[i];
    return q !== undefined && accept(sizer.verdict(shape, q, settings, hw, opts));
  };
  if (!ok(hi)) return undefined;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ok(mid)) hi = mid;
    else lo = mid + 1;
  }
  return ladder[lo];
}
