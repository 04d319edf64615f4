// Prompt matmul rate per ggml weight type, measured by the bench. llama.cpp's CPU backend runs
// each weight type with its own kernel, and some are repacked at load (Q4_0, Q4_K, IQ4_NL into
// interleaved 8×8 blocks) while others are not: on this project's zen4 test machine, one thread,
// Q4_K ran prompts at ~150–220 GFLOP/s, Q8_0 ~105–123, Q5_0 ~92–100, Q6_K ~81–84. A named mix is
// not one type: Qwen2.5-0.5B at Q4_K_M is 51 % Q5_0 and 28 % Q8_0 by FLOPs (its 896-wide rows
// are no whole number of 256-blocks, so llama-quantize falls back), and its prompt ran ~1.5× slower
// than the family's single rate said. So a calibrated estimate splits a model's dense prompt FLOPs
// by tensor type and prices each type at its own rate; a type the bench did not run keeps the
// family rate (derive.ts), so a calibration without these rates behaves exactly as before.
//
// The per-type rates are fitted on the bench's dense runs: seconds per token = Σ_t FLOPs_t / R_t,
// unknowns x_t = R_family(t) / R_t (1 = the family rate), least squares on relative error with the
// same gentle pull towards 1 as the decode fit (RIDGE): two Q4_K_M runs with nearly the same
// Q4_K/Q6_K split cannot tell those two apart, and the pull keeps them at the family rate there.
import type { ModelShape, TensorInfo } from "../models/shape.js";
import { tensorElements } from "../sizing/ggml-types.js";
import { parseQuantName } from "../sizing/quant-mix.js";
import { typedTensors } from "../sizing/weights.js";
import { weightFamily } from "../speed/traffic.js";
import { ridgeFit } from "./derive.js";
import type { CpuFigures } from "./schema.js";

const LAYER_RE = /^blk\.\d+\./;

/** Share of a token's matmul weights (so of its dense prompt FLOPs) in each ggml type; routed experts left out (mul_mat_id has its own rate). */
export function matmulTypeShares(shape: ModelShape, tensors: readonly TensorInfo[]): Map<string, number> {
  const hasOutput = tensors.some((t) => t.name === "output.weight");
  const by = new Map<string, number>();
  let total = 0;
  for (const t of tensors) {
    if (t.ne.length < 2 || t.name.includes("_exps")) continue;
    // the token embedding is only gathered, unless it doubles as the output matrix
    if (!LAYER_RE.test(t.name) && !t.name.startsWith("output") && !(t.name === "token_embd.weight" && !hasOutput)) continue;
    const n = tensorElements(t.ne);
    by.set(t.type, (by.get(t.type) ?? 0) + n);
    total += n;
  }
  if (shape.layers.length === 0 || total === 0) return by;
  for (const [k, v] of by) by.set(k, v / total);
  return by;
}

export interface TypeRun {
  readonly shares: ReadonlyMap<string, number>;
  /** Dense prompt FLOPs per token (derive.ts cpuWork.denseFlops). */
  readonly denseFlops: number;
  readonly prefillSecPerToken: number;
}

/** FLOP/s with all threads per ggml type the dense runs measured, given the family rates derived from the same runs. */
export function deriveTypeFlops(runs: readonly TypeRun[], familyFlops: CpuFigures["prefillFlops"]): Record<string, number> {
  const types = [...new Set(runs.flatMap((r) => [...r.shares.keys()]))].sort();
  if (types.length === 0) return {};
  const fam = (t: string): number => familyFlops[weightFamily(t)];
  // row: Σ_t share_t × F / R_fam(t) / sec × x_t = 1
  const rows = runs.map((r) => types.map((t) => ((r.shares.get(t) ?? 0) * r.denseFlops) / fam(t) / r.prefillSecPerToken));
  // a type is never priced beyond 4× its family's rate either way: what the runs cannot see stays near 1
  const x = ridgeFit(rows, types.length).map((v) => Math.min(4, Math.max(0.25, v)));
  return Object.fromEntries(types.map((t, i) => [t, fam(t) / (x[i] ?? 1)]));
}

/**
 * How much longer (> 1) or shorter a model's dense prompt matmuls take at the measured per-type
 * rates than at its family's single rate: the factor a calibrated estimate multiplies its dense
 * prompt FLOPs by. 1 when the calibration has no per-type rates (files from older benches).
 */
export function prefillTypeScale(f: CpuFigures, shares: ReadonlyMap<string, number>, quant: string): number {
  const byType = f.prefillTypeFlops;
  if (!byType || shares.size === 0) return 1;
  const famRate = f.prefillFlops[weightFamily(quant)];
  let scale = 0;
  for (const [t, s] of shares) scale += (s * famRate) / (byType[t] ?? f.prefillFlops[weightFamily(t)]);
  return scale > 0 && Number.isFinite(scale) ? scale : 1;
}

// a report prices the whole catalog on each paint: the type split is worked out once per shape and quantization
const memo = new WeakMap<ModelShape, Map<string, Map<string, number>>>();

/** matmulTypeShares of the tensor list llama-quantize gives `shape` at `quant` (or of `tensors`, a file's own). */
export function typeSharesFor(shape: ModelShape, quant: string, tensors?: readonly TensorInfo[]): Map<string, number> {
  if (tensors) return matmulTypeShares(shape, tensors);
  let byQuant = memo.get(shape);
  if (!byQuant) memo.set(shape, (byQuant = new Map()));
  let s = byQuant.get(quant);
  if (!s) {
    const q = parseQuantName(quant);
    byQuant.set(quant, (s = q ? matmulTypeShares(shape, typedTensors(shape, q)) : new Map()));
  }
  return s;
}
