// From bench timings to the machine's figures: a pure function. The figures are the CPU terms of
// the speed model (src/speed/model.ts), fitted to this machine's runs instead of to the reference
// CPU, so every estimate keeps the model's shape (bytes, weights, layers, FLOPs of the model in
// question) and only the machine's rates change.
//
// Decode: seconds = bytes / B + weights × c_w / threads + layers × t_layer, the three unknowns
// fitted by least squares on relative error, pulled gently towards the spec-table values
// (ridge weight RIDGE on each unknown's ratio to its spec value): a few runs cannot always tell
// a slower memory from a slower core, and the pull keeps such a split where the reference CPU
// had it instead of letting noise decide. Prefill: FLOPs / (threads × F[family]) per run; the
// rate of a family is the geometric mean of its runs; families the bench did not run get their
// spec rate scaled by the mean measured/spec ratio. Routed-expert matmuls: the MoE runs' prompt
// time beyond their dense part, else (no MoE run) the spec rate scaled the same way.
import type { ModelShape, TensorInfo } from "../models/shape.js";
import { cpuDecodeSeconds, cpuPrefillSeconds, type CpuConstants, type SimdLevel } from "../speed/model.js";
import { attentionFlops, kvReadPerLayer, promptMatmulFlops, tokenTraffic, weightFamily, type WeightFamily } from "../speed/traffic.js";
import type { CpuFigures } from "./schema.js";

export const RIDGE = 0.01;

/** What one token costs a whole-CPU placement: the same sums src/speed/estimate.ts makes. */
export interface CpuWork {
  readonly bytes: number;
  readonly weights: number;
  readonly layers: number;
  readonly denseFlops: number;
  readonly expertFlops: number;
  readonly family: WeightFamily;
}

/** Decode after `ctx` cached tokens; prefill of a `prompt`-token batch from position 0. */
export function cpuWork(shape: ModelShape, tensors: readonly TensorInfo[], quant: string, ctx: number, prompt: number): CpuWork {
  const t = tokenTraffic(shape, tensors);
  const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
  const weights = sum(t.layerParams) + t.outputParams;
  const expertFlops = 2 * sum(t.layerExpertParams);
  return {
    bytes: sum(t.layerBytes) + sum(kvReadPerLayer(shape, ctx)) + t.outputBytes,
    weights,
    layers: shape.layers.length,
    // the output matrix runs once per prompt (the last token's logits only: promptMatmulFlops)
    denseFlops: promptMatmulFlops(sum(t.layerParams), t.outputParams, prompt) + attentionFlops(shape, prompt / 2) - expertFlops,
    expertFlops,
    family: weightFamily(quant),
  };
}

export interface DeriveInput {
  readonly work: CpuWork;
  readonly decodeSec: number;
  /** Seconds per prompt token. */
  readonly prefillSecPerToken: number;
}

/** Solves the small symmetric system M x = b (Gaussian elimination with partial pivoting). */
export function solve(m: number[][], b: number[]): number[] {
  const n = b.length;
  const a = m.map((row, i) => [...row, b[i] ?? 0]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]?.[c] ?? 0) > Math.abs(a[p]?.[c] ?? 0)) p = r;
    [a[c], a[p]] = [a[p] ?? [], a[c] ?? []];
    const piv = a[c]?.[c] ?? 0;
    if (Math.abs(piv) < 1e-300) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = (a[r]?.[c] ?? 0) / piv;
      for (let k = c; k <= n; k++) (a[r] as number[])[k] = (a[r]?.[k] ?? 0) - f * (a[c]?.[k] ?? 0);
    }
  }
  return a.map((row, i) => (row[n] ?? 0) / (row[i] || 1));
}

/**
 * Least squares on relative error with each scaled unknown pulled towards 1 (RIDGE): rows of
 * (feature × spec value) / measured time, each asking Σ row_j × x_j = 1. Both calibration fits
 * (the decode terms here, the per-type prompt rates in prefill-types.ts) solve this one system.
 */
export function ridgeFit(rows: readonly (readonly number[])[], n: number): number[] {
  const ata = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => rows.reduce((s, r) => s + (r[i] ?? 0) * (r[j] ?? 0), 0) + (i === j ? RIDGE : 0)));
  const atb = Array.from({ length: n }, (_, i) => rows.reduce((s, r) => s + (r[i] ?? 0), 0) + RIDGE);
  return solve(ata, atb);
}

const geomean = (xs: readonly number[]): number => Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);

export function deriveCpuFigures(runs: readonly DeriveInput[], threads: number, spec: CpuConstants, simd: SimdLevel): CpuFigures {
  if (runs.length === 0) throw new Error("derive: no bench runs");
  // decode: scaled unknowns v = u / u_spec, rows (features × u_spec) / measured · v = 1
  const u0 = [1 / spec.bytesPerSecPerThread, spec.secPerWeightPerThread, spec.secPerLayer];
  // dense runs only: a small MoE's decode is mostly router and expert gathers, which the three
  // terms do not describe, and it pulled the dense split (npm run bench: calibration)
  const decodeRuns = runs.some((r) => r.work.expertFlops === 0) ? runs.filter((r) => r.work.expertFlops === 0) : runs;
  const rows = decodeRuns.map((r) => [r.work.bytes / threads, r.work.weights / threads, r.work.layers].map((f, j) => (f * (u0[j] ?? 0)) / r.decodeSec));
  // a term the runs push below zero is a term they cannot see: keep a twentieth of its spec value
  const v = ridgeFit(rows, u0.length).map((x) => Math.max(0.05, x));
  const bytesPerSecPerThread = 1 / ((v[0] ?? 1) * (u0[0] ?? 0));
  // prefill
  const rate = (r: DeriveInput): number => r.work.denseFlops / r.prefillSecPerToken; // FLOP/s with all threads
  const specRate = (f: WeightFamily): number => threads * spec.prefillFlopsPerThread[f] * spec.prefillSimdFactor[simd];
  const families: WeightFamily[] = ["f16", "q8", "quant"];
  const measured = families.filter((f) => runs.some((r) => r.work.family === f && r.work.expertFlops === 0));
  const perFamily = new Map(measured.map((f) => [f, geomean(runs.filter((r) => r.work.family === f && r.work.expertFlops === 0).map(rate))]));
  const ratio = measured.length > 0 ? geomean(measured.map((f) => (perFamily.get(f) ?? 0) / specRate(f))) : 1;
  const flops = (f: WeightFamily): number => perFamily.get(f) ?? specRate(f) * ratio;
  // routed experts (mul_mat_id): what an MoE run's prompt took beyond its dense part at the rate
  // just measured; without an MoE run (or when the dense part explains it all), the spec rate scaled
  const specExpert = threads * spec.prefillExpertFlopsPerThread * spec.prefillSimdFactor[simd];
  const expertRates = runs
    .filter((r) => r.work.expertFlops > 0)
    .flatMap((r) => {
      const rest = r.prefillSecPerToken - r.work.denseFlops / flops(r.work.family);
      // a remainder under a tenth of the prompt's time is noise, not a rate
      return rest > 0.1 * r.prefillSecPerToken ? [r.work.expertFlops / rest] : [];
    });
  const expertFlops = expertRates.length > 0 ? geomean(expertRates) : specExpert * ratio;
  return {
    bandwidthGBs: (threads * bytesPerSecPerThread) / 1e9,
    secPerWeightPerThread: (v[1] ?? 1) * (u0[1] ?? 0),
    secPerLayer: (v[2] ?? 1) * (u0[2] ?? 0),
    prefillFlops: { f16: flops("f16"), q8: flops("q8"), quant: flops("quant") },
    measuredFamilies: measured,
    prefillExpertFlops: expertFlops,
    expertsMeasured: expertRates.length > 0,
  };
}

/** The CPU constants an estimate uses on this machine: the measured figures in the model's terms. */
export function constantsFromFigures(spec: CpuConstants, f: CpuFigures, threads: number, ramGBs: number | undefined): CpuConstants {
  const bw = f.bandwidthGBs * 1e9;
  const one = { avx512: 1, avx2: 1, neon: 1 } as const;
  return {
    ...spec,
    bytesPerSecPerThread: bw / threads,
    secPerWeightPerThread: f.secPerWeightPerThread,
    secPerLayer: f.secPerLayer,
    prefillFlopsPerThread: { f16: f.prefillFlops.f16 / threads, q8: f.prefillFlops.q8 / threads, quant: f.prefillFlops.quant / threads },
    prefillExpertFlopsPerThread: f.prefillExpertFlops / threads,
    // measured on this CPU: no SIMD scaling left to apply
    prefillSimdFactor: one,
    // the RAM delivered at least what the bench measured: the cap never binds below it
    ramEfficiency: ramGBs !== undefined && ramGBs > 0 ? Math.max(spec.ramEfficiency, bw / (ramGBs * 1e9)) : spec.ramEfficiency,
  };
}

/** Tok/s the given constants predict for a whole-CPU run (decode, prefill). */
export function predictCpu(k: CpuConstants, w: CpuWork, threads: number, simd: SimdLevel, ramGBs?: number): { decodeTps: number; prefillTps: number } {
  const d = cpuDecodeSeconds(k, w.bytes, w.weights, w.layers, threads, ramGBs);
  const p = cpuPrefillSeconds(k, { denseFlops: w.denseFlops, expertFlops: w.expertFlops, ssmElems: 0, mamba2: false }, w.family, threads, simd);
  return { decodeTps: 1 / d, prefillTps: 1 / p };
}
