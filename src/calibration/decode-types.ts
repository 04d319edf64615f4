// Decode cost per ggml weight type, measured by the bench. derive.ts fits one cost per weight
// (c_w) for every type, but at the bench's one thread llama.cpp's decode is neither purely
// memory- nor purely compute-bound, and how far it is from each depends on the kernel: on this
// project's 2-core zen4 test machine (`node scripts/calibration/dump-runs.mjs`, net of waits), one
// thread streamed a model's weights at ~20 GB/s for Q4_K (llama-3.2-1b/3b, qwen3-1.7b, llama-3.1-8b
// at Q4_K_M and Q4_K_S), ~25 GB/s for Q6_K and F16, 25–27 for Q8_0, and only ~12.5 for Q5_0. One
// c_w fitted over the plan's F16, Q8_0, Q5_0 and Q4_K_M runs missed its Q5_0 run by ~+28 %.
//
// So the decode fit is made again with one cost per weight type the dense runs measured:
// seconds = bytes / B + Σ_t weights_t × c_t / threads + layers × t_layer, least squares on
// relative error, each unknown pulled gently (RIDGE) towards its spec-table value as in derive.ts
// (bytes and a type's weights are nearly proportional, so the pull, not the runs, splits B from
// c_t). A type no run measured keeps the single fit's c_w; a calibration without these costs
// behaves exactly as before. What it does not fix: llama-3.1-8b decodes ~5 % slower per byte than
// llama-3.2-3b at the same Q4_K/Q6_K mix (4.6 vs 1.9 GB streamed), an effect of size that no
// bench-sized run shows, so its calibrated decode stays ~+15 % (bench/calibration.mjs).
import type { ModelShape, TensorInfo } from "../models/shape.js";
import { tensorElements } from "../sizing/ggml-types.js";
import { ridgeFit } from "./derive.js";
import { perTypeOfQuant } from "./prefill-types.js";
import type { CpuConstants } from "../speed/model.js";
import type { CpuFigures } from "./schema.js";

const LAYER_RE = /^blk\.\d+\./;

/**
 * Matmul weights one decode step multiplies, by ggml type: the tensors tokenTraffic counts as
 * weights (2-D layer tensors, the output matrix or the tied embedding; routed experts at
 * used / count of their size). Their sum is cpuWork's `weights`.
 */
export function decodeTypeWeights(shape: ModelShape, tensors: readonly TensorInfo[]): Map<string, number> {
  const hasOutput = tensors.some((t) => t.name === "output.weight");
  const expertShare = shape.experts ? shape.experts.used / shape.experts.count : 1;
  const by = new Map<string, number>();
  for (const t of tensors) {
    if (t.ne.length < 2) continue;
    if (!LAYER_RE.test(t.name) && !t.name.startsWith("output") && !(t.name === "token_embd.weight" && !hasOutput)) continue;
    const n = tensorElements(t.ne) * (t.name.includes("_exps") ? expertShare : 1);
    by.set(t.type, (by.get(t.type) ?? 0) + n);
  }
  return by;
}

export interface DecodeTypeRun {
  /** decodeTypeWeights of the run's model. */
  readonly weights: ReadonlyMap<string, number>;
  /** Bytes a decode step reads (weights + KV: derive.ts cpuWork.bytes) and the model's layers. */
  readonly bytes: number;
  readonly layers: number;
  readonly decodeSec: number;
}

/** What the per-type decode fit stores: its own B and t_layer (they replace the single fit's), and c_t per type. */
export interface DecodeTypeFit {
  readonly bandwidthGBs: number;
  readonly secPerLayer: number;
  /** Seconds per weight per thread, per ggml type the runs measured. */
  readonly secPerWeightPerThread: Record<string, number>;
}

/** The per-type decode fit over the dense runs, pulled towards the spec-table terms as derive.ts's single fit is; undefined without runs. */
export function deriveDecodeTypes(runs: readonly DecodeTypeRun[], spec: Pick<CpuConstants, "bytesPerSecPerThread" | "secPerLayer" | "secPerWeightPerThread">, threads: number): DecodeTypeFit | undefined {
  const types = [...new Set(runs.flatMap((r) => [...r.weights.keys()]))].sort();
  if (runs.length === 0 || types.length === 0) return undefined;
  // scaled unknowns v = u / u0 (1 = the spec value): [1/B_thread, t_layer, c_t…]
  const u0 = [1 / spec.bytesPerSecPerThread, spec.secPerLayer, ...types.map(() => spec.secPerWeightPerThread)];
  const rows = runs.map((r) => [r.bytes / threads, r.layers, ...types.map((t) => (r.weights.get(t) ?? 0) / threads)].map((f, j) => (f * (u0[j] ?? 0)) / r.decodeSec));
  // as derive.ts: a term the runs push below zero keeps a twentieth of its spec value
  const u = ridgeFit(rows, u0.length).map((x, i) => Math.max(0.05, x) * (u0[i] ?? 0));
  return {
    bandwidthGBs: (threads / (u[0] ?? 1)) / 1e9,
    secPerLayer: u[1] ?? 0,
    secPerWeightPerThread: Object.fromEntries(types.map((t, i) => [t, u[2 + i] ?? spec.secPerWeightPerThread])),
  };
}

/** The figures with the per-type decode fit folded in: its B and t_layer replace the single fit's, its costs kept by type. */
export function withDecodeTypes(f: CpuFigures, fit: DecodeTypeFit | undefined): CpuFigures {
  if (!fit) return f;
  return { ...f, bandwidthGBs: fit.bandwidthGBs, secPerLayer: fit.secPerLayer, decodeTypeSecPerWeight: fit.secPerWeightPerThread };
}

/**
 * The factor a calibrated estimate multiplies a model's decode weights by: Σ_t share_t × c_t / c_w,
 * with c_w (the single fit's cost) for a type the bench did not measure. 1 when the calibration
 * has no per-type costs (files from older benches).
 */
export function decodeTypeScale(f: CpuFigures, shares: ReadonlyMap<string, number>): number {
  const byType = f.decodeTypeSecPerWeight;
  const cw = f.secPerWeightPerThread;
  if (!byType || shares.size === 0 || !(cw > 0)) return 1;
  let total = 0;
  let scale = 0;
  for (const [t, s] of shares) {
    total += s;
    scale += (s * (byType[t] ?? cw)) / cw;
  }
  return total > 0 && scale > 0 && Number.isFinite(scale) ? scale / total : 1;
}

/** decodeTypeWeights of the tensor list llama-quantize gives `shape` at `quant` (or of `tensors`, a file's own). */
export const decodeWeightsFor = perTypeOfQuant(decodeTypeWeights);
