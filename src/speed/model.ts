// The speed model's terms, shared by the estimate and by the fit that calibrates it, so the
// constants are fitted to exactly the formula that uses them.
//
// Decode (one token) is memory-bound: every active weight and the KV cache are read once.
//   CPU part:  bytes / min(threads × B_thread, RAM GB/s × e_ram) + weights × c_w / threads + layers × t_layer
//   GPU part:  bytes / (spec GB/s × e_backend) + layers × t_layer_gpu
// Prefill (one prompt token) is compute-bound:
//   CPU: dense FLOPs / (threads × F_thread[weight family]) + expert FLOPs / (threads × F_expert)
//        + SSM state elements × c_ssm / threads;   GPU: FLOPs / (peak TFLOPS × e_pp[backend])
// Parts on different devices run one after the other (llama.cpp's layer split), so times add.

import type { Backend } from "../hardware/types.js";
import type { WeightFamily } from "./traffic.js";

export type GpuBackendGroup = "cuda" | "metal" | "other";
export type SimdLevel = "avx512" | "avx2" | "neon";

/** The SIMD level llama.cpp's CPU kernels use on a CPU with these flags. */
export function simdLevel(flags: readonly string[]): SimdLevel {
  const f = new Set(flags.map((x) => x.toLowerCase()));
  if (f.has("avx512f")) return "avx512";
  if (f.has("neon") || f.has("asimd") || f.has("dotprod")) return "neon";
  return "avx2";
}

export interface CpuConstants {
  /** Bytes per second one thread streams through a decode step. */
  readonly bytesPerSecPerThread: number;
  /** Seconds one thread spends per weight multiplied (dequantize + dot product) in decode. */
  readonly secPerWeightPerThread: number;
  /** Seconds per layer per decode step that do not shrink with threads (graph, synchronisation). */
  readonly secPerLayer: number;
  /** Prompt-processing FLOP/s per thread, by weight family. */
  readonly prefillFlopsPerThread: Readonly<Record<WeightFamily, number>>;
  /** Prompt-processing FLOP/s per thread of routed-expert matmuls (mul_mat_id). */
  readonly prefillExpertFlopsPerThread: number;
  /**
   * Prompt-processing rate of a SIMD level relative to the AVX-512 core the per-thread rates were
   * measured on (fitted from published CPU rows with a known SIMD level; 1 where there are none).
   */
  readonly prefillSimdFactor: Readonly<Record<SimdLevel, number>>;
  /** Seconds per thread per SSM state element per prompt token (the selective scan): Mamba-1, Mamba-2. */
  readonly prefillSecPerSsmElemPerThread: { readonly mamba1: number; readonly mamba2: number };
  /** Fraction of the RAM's nominal bandwidth decode reaches when the threads could stream more. */
  readonly ramEfficiency: number;
}

export interface GpuConstants {
  /** Fraction of the spec bandwidth decode reaches. */
  readonly decodeEfficiency: Readonly<Record<GpuBackendGroup, number>>;
  /** Seconds per layer per decode step on a GPU (kernel launches, synchronisation). */
  readonly secPerLayer: number;
  /** Fraction of max(FP16, FP32) spec TFLOPS prompt processing reaches. */
  readonly prefillEfficiency: Readonly<Record<GpuBackendGroup, number>>;
}

export interface SpeedConstants {
  readonly cpu: CpuConstants;
  readonly gpu: GpuConstants;
}

export function backendGroup(b: Backend): GpuBackendGroup {
  return b === "cuda" ? "cuda" : b === "metal" ? "metal" : "other";
}

/** Decode-time features of a CPU part, matched by the unknowns [1/B_thread, c_w, t_layer]. */
export function cpuDecodeFeatures(bytes: number, weights: number, layers: number, threads: number): [number, number, number] {
  return [bytes / threads, weights / threads, layers];
}

export function cpuDecodeSeconds(c: CpuConstants, bytes: number, weights: number, layers: number, threads: number, ramGBs?: number): number {
  const threadBw = threads * c.bytesPerSecPerThread;
  const ramBw = ramGBs !== undefined && ramGBs > 0 ? ramGBs * 1e9 * c.ramEfficiency : Number.POSITIVE_INFINITY;
  const bw = Math.min(threadBw, ramBw);
  return bytes / bw + (weights * c.secPerWeightPerThread) / threads + layers * c.secPerLayer;
}

/** FLOPs of one prompt token on a CPU part: dense matmuls (+ attention), routed-expert matmuls, SSM state elements. */
export interface CpuPrefillWork {
  readonly denseFlops: number;
  readonly expertFlops: number;
  readonly ssmElems: number;
  /** Mamba-2 (SSD, heads) or Mamba-1 (selective scan): ggml runs them with different kernels. */
  readonly mamba2: boolean;
}

/** Prefill features: [dense FLOPs/threads in the f16, q8 and quant slots, expert FLOPs/threads, Mamba-1 and Mamba-2 SSM elems/threads]. */
export function cpuPrefillFeatures(w: CpuPrefillWork, family: WeightFamily, threads: number): number[] {
  const fams: readonly WeightFamily[] = ["f16", "q8", "quant"];
  const ssm = w.ssmElems / threads;
  return [...fams.map((f) => (f === family ? w.denseFlops / threads : 0)), w.expertFlops / threads, w.mamba2 ? 0 : ssm, w.mamba2 ? ssm : 0];
}

export function cpuPrefillSeconds(c: CpuConstants, w: CpuPrefillWork, family: WeightFamily, threads: number, simd: SimdLevel = "avx512"): number {
  const t =
    w.denseFlops / (threads * c.prefillFlopsPerThread[family]) +
    (w.expertFlops > 0 ? w.expertFlops / (threads * c.prefillExpertFlopsPerThread) : 0) +
    (w.ssmElems * (w.mamba2 ? c.prefillSecPerSsmElemPerThread.mamba2 : c.prefillSecPerSsmElemPerThread.mamba1)) / threads;
  return t / c.prefillSimdFactor[simd];
}

/** Decode features of a GPU part: [bytes / spec bandwidth, layers]. */
export function gpuDecodeFeatures(bytes: number, bandwidthGBs: number, layers: number): [number, number] {
  return [bytes / (bandwidthGBs * 1e9), layers];
}

export function gpuDecodeSeconds(g: GpuConstants, group: GpuBackendGroup, bytes: number, bandwidthGBs: number, layers: number): number {
  return bytes / (bandwidthGBs * 1e9 * g.decodeEfficiency[group]) + layers * g.secPerLayer;
}

export function gpuPrefillSeconds(g: GpuConstants, group: GpuBackendGroup, flops: number, peakTflops: number): number {
  return flops / (peakTflops * 1e12 * g.prefillEfficiency[group]);
}
