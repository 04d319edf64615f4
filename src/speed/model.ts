// The speed model's terms, shared by the estimate and by the fit that calibrates it, so the
// constants are fitted to exactly the formula that uses them: every time is a dot product of a
// feature vector (what the token costs on the part) with a vector of unknowns (the constants),
// floored by what the hardware can physically do.
//
// Decode (one token) reads every active weight and the KV cache once.
//   CPU part:  bytes / min(threads × B_thread, RAM GB/s × e_ram) + weights × c_w / threads + layers × t_layer
//   GPU part:  bytes / (spec GB/s × e[device class])            memory traffic
//            + weights × ops[quant family] / vector FLOP/s      dequantisation compute
//            + expert bytes / spec GB/s × g_moe + MoE layers × t_moe   expert gather (mul_mat_id)
//            + bytes / spec GB/s × k[backend]                      the backend's mat-vec kernels' shortfall
//            + layers × (t_layer[backend, build generation] + t_layer[device class]) + t_token
//                                                                  launch and sync overhead
//            and never less than bytes / spec GB/s (the physical peak).
// Prefill (one prompt token) multiplies a micro-batch (512 tokens by default) through every
// matrix; the output matrix runs once per prompt (only the last token's logits are asked for):
//   CPU: dense FLOPs / (threads × F_thread[weight family]) + expert FLOPs / (threads × F_expert)
//        + SSM state elements × c_ssm / threads
//   GPU: dense FLOPs / (engine TFLOPS × e[backend, generation, f16|quantized]) + dense FLOPs ×
//        k[device class] / engine TFLOPS + expert FLOPs × (k_moe, or k_per_expert where the
//        experts run one GEMM each) + attention FLOPs × k_attn
//        + weight bytes read per micro-batch / spec GB/s × k_read        (MoE experts see few tokens)
//        + F32 activation bytes between the matmuls / spec GB/s × k_act  (norms, RoPE, adds, casts)
//        + all FLOPs × joules per FLOP / board watts                    (sustained power limit)
//        + dense FLOPs × k_M1 / engine TFLOPS on Apple M1 GPUs           (GPU family 7)
//        + matmul FLOPs × k_rocblas / engine TFLOPS where rocBLAS runs untuned gfx1151 kernels
//        where the engine is the INT8 one for CUDA/HIP quantized weights (MMQ) and the FP16
//        matrix one otherwise, and never less than FLOPs / engine TFLOPS (the physical peak).
// Parts on different devices run one after the other (llama.cpp's layer split), so times add.

import type { Backend } from "../hardware/types.js";
import type { GpuSpec } from "../hardware/gpu-spec-schema.js";
import type { WeightFamily } from "./traffic.js";

export type SimdLevel = "avx512" | "avx2" | "neon";

/** The SIMD level llama.cpp's CPU kernels use on a CPU with these flags. */
const simdOf = new WeakMap<readonly string[], SimdLevel>();

export function simdLevel(flags: readonly string[]): SimdLevel {
  // asked once per speed estimate (thousands on a cold report) of the same machine's ~100 flags
  let level = simdOf.get(flags);
  if (level === undefined) {
    const f = new Set(flags.map((x) => x.toLowerCase()));
    level = f.has("avx512f") ? "avx512" : f.has("neon") || f.has("asimd") || f.has("dotprod") ? "neon" : "avx2";
    simdOf.set(flags, level);
  }
  return level;
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

/**
 * Device classes whose decode reaches a different share of the spec bandwidth (issue 18's rows:
 * Apple Ultra chips reach 34–43 % with Q4_0, base and Pro chips 65–80 %: the two dies of an Ultra
 * share one command stream; data-centre HBM parts and consumer GDDR parts differ too). RDNA 4
 * (RX 9000) is its own class: its decode reaches 85–90 % of the spec bandwidth on both ROCm and
 * Vulkan (RX 9060 XT, github.com/ggml-org/llama.cpp/pull/28102; RX 9070 XT, PR 13326), where
 * RDNA 3 cards reach 55–75 %.
 */
export const DEVICE_CLASSES = ["nvidia", "nvidia-dc", "apple", "apple-max", "apple-ultra", "amd", "amd-rdna4", "amd-dc", "igpu", "intel"] as const;
export type DeviceClass = (typeof DEVICE_CLASSES)[number];

/**
 * Launch groups: kernel-launch and synchronisation cost per layer differs by backend and by
 * llama.cpp generation (CUDA graphs from 2024-05, Metal's concurrent command encoding and fused
 * kernels through 2025): builds before 2025 are their own group where rows of them exist. Vulkan
 * on NVIDIA is its own group: only NVIDIA's driver exposes VK_NV_cooperative_matrix2, which
 * llama.cpp's Vulkan matmuls use for tensor cores (ggml_vulkan prints "matrix cores: NV_coopmat2";
 * RADV on RDNA prints "none" or KHR_coopmat). SYCL with its weight reorder off
 * (GGML_SYCL_DISABLE_OPT=1, or the June 2025 builds PR 14504 fixed) is its own group: decode runs
 * the DMMV kernels instead of the reordered MMVQ ones (Arc B580, one build: 7B Q4_0 at 42 tok/s
 * with the reorder off, 73 with it on, github.com/ggml-org/llama.cpp/pull/14504). Vulkan on NVIDIA
 * Turing is its own group for prompts: NVIDIA's driver gives Turing VK_KHR_cooperative_matrix but
 * not NV_cooperative_matrix2, so its matmuls run the KHR coopmat1 shaders AMD and Intel parts run
 * (ggml-vulkan.cpp picks coopmat2, else coopmat1, and then sends Turing's coopmat1 flash attention
 * to the scalar path, github.com/ggml-org/llama.cpp/pull/19290: a Turing part never has coopmat2).
 * coopmat1 reaches about three quarters of coopmat2 on one RTX 3090 (pp512 3157 vs 4279 tok/s,
 * github.com/ggml-org/llama.cpp/pull/13506). Its decode runs the same mat-vec shaders as vulkan-nv.
 */
export const LAUNCH_GROUPS = ["cuda", "cuda-2024", "metal", "metal-2024", "vulkan", "vulkan-nv", "rocm", "sycl", "sycl-dmmv", "vulkan-nv-turing"] as const;
export type LaunchGroup = (typeof LAUNCH_GROUPS)[number];

/** Dequantisation families: the kernels of one family unpack weights with the same work per weight. */
export const DEQUANT_FAMILIES = ["q8", "legacy", "kquant", "iq", "mxfp4"] as const;
export type DequantFamily = (typeof DEQUANT_FAMILIES)[number];

/** Prompt matmul kernels by weight type: F16 (cuBLAS/MPS-class GEMMs), BF16 (native only on some devices), quantized (MMQ-class kernels). */
export const PREFILL_SLOTS = ["f16", "bf16", "quant"] as const;
export type PrefillSlot = (typeof PREFILL_SLOTS)[number];

export function prefillSlot(quant: string): PrefillSlot {
  const q = quant.toUpperCase();
  return q === "BF16" ? "bf16" : q === "F16" || q === "F32" ? "f16" : "quant";
}

/**
 * The launch group whose prompt kernels a group runs. SYCL's weight reorder changes only the
 * mat-vec (decode) kernels: prompts run the same oneDNN/XMX GEMMs with it on or off (Arc B580, one
 * build: a 1.5B Q4_0 prompt at 8,546 tok/s with the reorder off, 8,559 with it on,
 * github.com/ggml-org/llama.cpp/pull/14504).
 */
export function prefillGroup(group: LaunchGroup): LaunchGroup {
  return group === "sycl-dmmv" ? "sycl" : group === "vulkan-nv-turing" ? "vulkan" : group;
}

/** The launch group whose decode (mat-vec) kernels a group runs: Turing's Vulkan decode is vulkan-nv's. */
export function decodeGroup(group: LaunchGroup): LaunchGroup {
  return group === "vulkan-nv-turing" ? "vulkan-nv" : group;
}

/** Spec-table ids of NVIDIA Turing parts with tensor cores (RTX 20, TITAN RTX, Tesla T4). */
const TURING_ID = /^(rtx-20|titan-rtx|tesla-t4)/;

/**
 * How a part's routed-expert prompt matmuls run. "grouped": one kernel over all experts (MMQ with
 * expert ids for quantized weights, MMF on NVIDIA tensor cores for F16/BF16, Metal's and Vulkan's
 * mul_mat_id, vLLM's fused_moe). "per-expert": llama.cpp's HIP build has no grouped F16/BF16
 * kernel, so ggml_cuda_mul_mat_id falls back to a host sync and one hipBLAS GEMM per expert of a
 * few dozen rows each (ggml/src/ggml-cuda/ggml-cuda.cu): Strix Halo runs Qwen3-30B-A3B BF16
 * prompts at 150–158 tok/s, a tenth of its quantized rate (data/speed/gpu-published.csv).
 */
export type ExpertKernel = "grouped" | "per-expert";

export function expertKernel(group: LaunchGroup, slot: PrefillSlot): ExpertKernel {
  return group === "rocm" && slot !== "quant" ? "per-expert" : "grouped";
}

/** llama.cpp's default micro-batch (n_ubatch): llama-bench, llama-server and llama-cli alike. */
export const DEFAULT_UBATCH = 512;

/** The builds users run now: estimates use the current groups; older rows only inform the fit. */
export const CURRENT_BUILD_YEAR = 2025;

export function deviceClass(vendor: string, name: string, kind: GpuSpec["kind"] | undefined): DeviceClass {
  if (vendor === "apple") return /ultra/i.test(name) ? "apple-ultra" : /max/i.test(name) ? "apple-max" : "apple";
  // an NVIDIA SoC (GB10) runs the CUDA kernels of the discrete parts
  if (vendor === "nvidia") return kind === "datacenter" ? "nvidia-dc" : "nvidia";
  if (kind === "igpu" || kind === "soc") return "igpu";
  if (vendor === "amd") return kind === "datacenter" ? "amd-dc" : /\bRX 9\d{3}/i.test(name) ? "amd-rdna4" : "amd";
  return "intel";
}

/** Build or runtime settings a published row states, that change which kernels run (data/speed/README.md). */
export const BUILD_FLAGS = ["sycl-reorder-off", "rocblas-gfx1151"] as const;
export type BuildFlag = (typeof BUILD_FLAGS)[number];

export function launchGroup(backend: Backend, year: number = CURRENT_BUILD_YEAR, vendor = "", flags: readonly BuildFlag[] = [], specId = ""): LaunchGroup {
  const old = year < CURRENT_BUILD_YEAR;
  if (backend === "sycl" && flags.includes("sycl-reorder-off")) return "sycl-dmmv";
  if (backend === "vulkan" && vendor === "nvidia") return TURING_ID.test(specId) ? "vulkan-nv-turing" : "vulkan-nv";
  if (backend === "cuda") return old ? "cuda-2024" : "cuda";
  if (backend === "metal") return old ? "metal-2024" : "metal";
  if (backend === "rocm" || backend === "sycl" || backend === "vulkan") return backend;
  return "vulkan";
}

export function dequantFamily(quant: string): DequantFamily | undefined {
  const q = quant.toUpperCase();
  if (q === "F16" || q === "BF16" || q === "F32") return undefined;
  if (q === "Q8_0") return "q8";
  if (/^Q[45]_[01]$/.test(q)) return "legacy";
  if (/^Q\d_K/.test(q)) return "kquant";
  return q.startsWith("MXFP4") ? "mxfp4" : "iq";
}

/** What one token costs on one GPU part, with the part's spec figures. */
export interface GpuPartWork {
  readonly cls: DeviceClass;
  readonly group: LaunchGroup;
  readonly family: DequantFamily | undefined;
  readonly slot: PrefillSlot;
  /** Spec bandwidth (GB/s), vector rate max(FP16, FP32) and dense matrix rate (TFLOPS). */
  readonly bandwidthGBs: number;
  readonly vectorTflops: number;
  readonly matrixTflops: number;
  /** Dense INT8 TOPS of the MMQ path (the spec table's int8Tops, per device). */
  readonly int8Tops: number;
  /** Board power (the spec table's TDP per device), W; 0 when unknown (no power term). */
  readonly watts: number;
  /** Decode: weight + KV bytes read, weights multiplied, routed-expert bytes, layers, MoE layers. */
  readonly bytes: number;
  readonly weights: number;
  readonly expertBytes: number;
  readonly layers: number;
  readonly moeLayers: number;
  /** The part holds the output matrix: the per-token fixed cost (sampling, sync) is counted once, there. */
  readonly last: boolean;
  /** Prefill per prompt token: dense matmul FLOPs, routed-expert FLOPs, attention FLOPs. */
  readonly denseFlops: number;
  readonly expertFlops: number;
  readonly attnFlops: number;
  /**
   * Prefill: weight bytes each micro-batch reads again, per prompt token (the layers' dense
   * weights and every expert the micro-batch routes to, over its token count).
   */
  readonly promptBytes: number;
  /** Prefill: F32 activation bytes per prompt token between the matmuls (traffic.ts, activationBytesPerLayer). */
  readonly activationBytes: number;
  readonly expertKernel: ExpertKernel;
  /** An Apple M1 GPU (Apple GPU family 7): see GpuConstants.appleEarlyFactor. */
  readonly appleFamily7?: boolean;
  /** A HIP build whose prompt GEMMs run rocBLAS's untuned gfx1151 kernels: see GpuConstants.rocblasGfx1151Factor. */
  readonly rocblasGfx1151?: boolean;
}

export interface GpuConstants {
  /** Fraction of the spec bandwidth decode streams at, by device class. */
  readonly bandwidthEfficiency: Readonly<Record<DeviceClass, number>>;
  /** Vector FLOPs spent unpacking one weight in decode, by quantization family. */
  readonly dequantFlopsPerWeight: Readonly<Record<DequantFamily, number>>;
  /** Extra traffic of gathering routed experts (mul_mat_id), as a fraction of their bytes at spec bandwidth, by launch group. */
  readonly expertGatherFactor: Readonly<Record<LaunchGroup, number>>;
  /** Seconds per MoE layer per token (router, top-k, expert dispatch). */
  readonly secPerMoeLayer: number;
  /** Seconds per layer per token of kernel launches and synchronisation, by launch group. */
  readonly secPerLayer: Readonly<Record<LaunchGroup, number>>;
  /**
   * Extra seconds per layer per token by device class, on top of the launch group's. An Apple
   * Ultra is two dies joined by UltraFusion, and every layer's kernels wait for both (TinyLlama at
   * 243 tok/s on an M1 Ultra, 4 ms a token for 22 layers where the bandwidth allows 700:
   * github.com/geerlingguy/ai-benchmarks/issues/48). AMD classes count
   * it under ROCm only: HIP's launch and synchronisation cost differs by architecture where
   * Vulkan's does not (RX 7900 XTX, one machine and build: a 7B Q4_0 at 137 tok/s under ROCm, 172
   * under Vulkan, github.com/ggml-org/llama.cpp/issues/20934; Strix Halo gfx1151 and MI100 under
   * HIP likewise slower than their bandwidth allows).
   */
  readonly secPerLayerClass: Readonly<Record<DeviceClass, number>>;
  /**
   * Extra traffic time by launch group, as a fraction of the bytes at spec bandwidth: how far a
   * backend's mat-vec kernels fall short of the device class's streaming rate (SYCL's DMMV path
   * with the reorder off: PR 14504's rows; CUDA builds of 2024 against current ones).
   */
  readonly trafficFactor: Readonly<Record<LaunchGroup, number>>;
  /** Seconds per token that do not scale with layers (graph build, sampling, host sync), by launch group. */
  readonly secPerToken: Readonly<Record<LaunchGroup, number>>;
  /** Fraction of the matrix rate dense prompt matmuls reach, by launch group and weight type. */
  readonly matrixEfficiency: Readonly<Record<LaunchGroup, Readonly<Record<PrefillSlot, number>>>>;
  /** Seconds per routed-expert FLOP at 1 TFLOP/s of matrix rate, relative: k_moe. */
  readonly expertMatmulFactor: number;
  /** The same where the experts run one GEMM each (ExpertKernel "per-expert"). */
  readonly expertKernelFactor: number;
  /** Time of the weight bytes a micro-batch reads, relative to those bytes at spec bandwidth: k_read. */
  readonly promptReadFactor: number;
  /** Time of a prompt token's activation bytes, relative to those bytes at spec bandwidth: k_act. */
  readonly activationFactor: number;
  /**
   * Energy per matrix FLOP the board spends, J: a prompt's sustained rate is also bound by board
   * power / joulesPerFlop (H100 SXM at 700 W, DGX Spark's GB10 at 140 W for chip and CPU). The two
   * limits add as times (1 / rate = 1 / (peak × e) + J / W), a smooth minimum of the two ceilings.
   */
  readonly joulesPerFlop: number;
  /** Attention FLOPs cost relative to dense matmul FLOPs at the matrix rate: k_attn. */
  readonly attentionFactor: number;
  /** Extra prompt time under ROCm by device class, per dense FLOP at the engine's rate (gpuPrefillFeatures). */
  readonly matrixClassFactor: Readonly<Record<DeviceClass, number>>;
  /**
   * Extra prompt time on Apple M1 GPUs (Apple GPU family 7, the A14 core; M2 is family 8, M3 to M5
   * family 9 and later: github.com/philipturner/metal-benchmarks), per dense FLOP at the matrix
   * rate. Held out without it, M1 Max and M1 Ultra prompts ran 6–50 % slower than the share of
   * the ALU rate M2 to M5 reach predicted (three sources), M3/M4/M5 rows 1–21 % faster; M3 brought a new shader
   * core (Dynamic Caching: registers and threadgroup memory allocated as used, so more simdgroups
   * stay resident; Apple tech talk developer.apple.com/videos/play/tech-talks/111375, summary at
   * appleinsider.com/articles/23/11/10/what-apples-three-gpu-enhancements-in-a17-pro-and-m3-actually-do).
   * Counted for M1 alone: with M2 in it too, the M2 Ultra rows fell 11–16 % slow (data/speed/README.md, round 5).
   */
  readonly appleEarlyFactor: number;
  /**
   * Extra prompt time, per matmul FLOP (dense and routed experts) at the engine's rate, of a HIP
   * build on Strix Halo (gfx1151) whose GEMMs run rocBLAS's gfx1151 kernels, as ROCm 6.x's did
   * before hipBLASLt covered gfx1151 (row flag `rocblas-gfx1151`). On RDNA 3 the HIP build sends
   * quantized prompt matmuls of a micro-batch through dequantisation and hipBLAS/rocBLAS rather
   * than MMQ (github.com/ggml-org/llama.cpp/pull/18537 is the later MMQ/rocBLAS switch for RDNA),
   * and rocBLAS's gfx1151 code path ran a 7B Q4_0 prompt about 60 % slower than the same chip
   * made to run the gfx1100 kernels (HSA_OVERRIDE_GFX_VERSION=11.0.0), until rebuilt on hipBLASLt
   * (ROCBLAS_USE_HIPBLASLT=1): github.com/ROCm/legacy-rocm-build/issues/4748, the regression
   * behind github.com/ggml-org/llama.cpp/issues/13565 (HIP at 349 tok/s where Vulkan gave 881).
   * One Strix Halo machine, the same 70B Q4_K_M: 34 tok/s on ROCm 6.4.2, 99 on a ROCm 7 RC.
   */
  readonly rocblasGfx1151Factor: number;
}

/**
 * Ratio measured / estimated at the 10th and 90th percentile of the rows each backend's
 * leave-one-source-out validation held out: a tok/s estimate e is reported as e × [low, high].
 */
export type SpeedRanges = Readonly<Partial<Record<Backend | "cpu", { readonly decode: readonly [number, number]; readonly prefill: readonly [number, number] }>>>;

export interface SpeedConstants {
  readonly cpu: CpuConstants;
  readonly gpu: GpuConstants;
  readonly ranges: SpeedRanges;
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

const slot = <T extends string>(list: readonly T[], key: T | undefined, v: number): number[] => list.map((x) => (x === key ? v : 0));

/** AMD's classes run two driver stacks (HIP, Vulkan): their per-class launch cost is HIP's. */
const HIP_CLASSES: ReadonlySet<DeviceClass> = new Set(["amd", "amd-rdna4", "amd-dc", "igpu"]);

/** Whether the per-class launch cost (secPerLayerClass) counts for this part. */
function classLaunchApplies(w: GpuPartWork): boolean {
  return HIP_CLASSES.has(w.cls) ? w.group === "rocm" : true;
}

/** Decode features of a GPU part, in the order of gpuDecodeUnknowns. */
export function gpuDecodeFeatures(w0: GpuPartWork): number[] {
  const w = { ...w0, group: decodeGroup(w0.group) };
  const bw = w.bandwidthGBs * 1e9;
  return [
    ...slot(DEVICE_CLASSES, w.cls, w.bytes / bw),
    ...slot(DEQUANT_FAMILIES, w.family, w.weights / (w.vectorTflops * 1e12)),
    ...slot(LAUNCH_GROUPS, w.group, w.expertBytes / bw),
    w.moeLayers,
    ...slot(LAUNCH_GROUPS, w.group, w.layers),
    ...slot(LAUNCH_GROUPS, w.group, w.last ? 1 : 0),
    ...slot(DEVICE_CLASSES, w.cls, classLaunchApplies(w) ? w.layers : 0),
    ...slot(LAUNCH_GROUPS, w.group, w.bytes / bw),
  ];
}

/** Where each block of gpuDecodeFeatures starts (the fit's priors and the named terms use them). */
export const DECODE_LAYOUT = (() => {
  const nc = DEVICE_CLASSES.length;
  const nd = DEQUANT_FAMILIES.length;
  const nl = LAUNCH_GROUPS.length;
  const gather = nc + nd;
  const moeLayer = gather + nl;
  const layer = moeLayer + 1;
  const token = layer + nl;
  const layerClass = token + nl;
  const traffic = layerClass + nc;
  return { classes: 0, dequant: nc, gather, moeLayer, layer, token, layerClass, traffic, length: traffic + nl };
})();

export function gpuDecodeUnknowns(g: GpuConstants): number[] {
  return [
    ...DEVICE_CLASSES.map((c) => 1 / g.bandwidthEfficiency[c]),
    ...DEQUANT_FAMILIES.map((f) => g.dequantFlopsPerWeight[f]),
    ...LAUNCH_GROUPS.map((l) => g.expertGatherFactor[l]),
    g.secPerMoeLayer,
    ...LAUNCH_GROUPS.map((l) => g.secPerLayer[l]),
    ...LAUNCH_GROUPS.map((l) => g.secPerToken[l]),
    ...DEVICE_CLASSES.map((c) => g.secPerLayerClass[c]),
    ...LAUNCH_GROUPS.map((l) => g.trafficFactor[l]),
  ];
}

/**
 * Launch groups whose quantized prompt matmuls run llama.cpp's MMQ kernels: int8 dot products of
 * the quantized weights with q8_1-quantized activations (ggml-cuda/mmq.cuh, also built for HIP),
 * so they are bound by the INT8 rate (tensor cores, WMMA/MFMA or DP4A), not the FP16 one. Metal,
 * Vulkan and SYCL dequantize to FP16 tiles and run the FP16 matrix path.
 */
const MMQ_GROUPS: ReadonlySet<LaunchGroup> = new Set(["cuda", "cuda-2024", "rocm"]);

/** TFLOPS (or TOPS) of the engine a part's dense prompt matmuls run on. */
export function prefillRate(w: Pick<GpuPartWork, "group" | "slot" | "matrixTflops" | "int8Tops" | "vectorTflops">): number {
  // only where DP4A / V_DOT4 is the fastest engine (no matrix engine: Pascal, GCN 5, RDNA 2): on
  // tensor-core parts the MMQ tiles reach the same share of the FP16 matrix rate as the FP16
  // GEMMs do (RTX 3090, RTX 4090, DGX Spark rows: 15–20 % of the INT8 rate), so that rate stays
  const dp4a = w.int8Tops > w.matrixTflops * 1.05 && w.matrixTflops <= w.vectorTflops * 1.05;
  return w.slot === "quant" && MMQ_GROUPS.has(w.group) && dp4a ? w.int8Tops : w.matrixTflops;
}

/**
 * Prefill features of a GPU part: seconds per prompt token at 100 % of the engine's rate, by
 * launch group and weight slot; routed experts and attention; and, under ROCm, by device class:
 * rocBLAS/hipBLASLt and the MMQ tiles are tuned per AMD architecture (Strix Halo gfx1151 runs a
 * 7B Q4_0 prompt at 349 tok/s under HIP and 881 under Vulkan on one machine,
 * github.com/ggml-org/llama.cpp/issues/13565; MI100 reaches 847 tok/s on a 13B Q5_K_M over a
 * 185 TFLOPS MFMA rate, PR 14949).
 */
export function gpuPrefillFeatures(w: GpuPartWork): number[] {
  const mx = prefillRate(w) * 1e12;
  const mxF16 = w.matrixTflops * 1e12;
  const group = prefillGroup(w.group);
  const perExpert = w.expertKernel === "per-expert";
  return [
    ...LAUNCH_GROUPS.flatMap((l) => PREFILL_SLOTS.map((s) => (l === group && s === w.slot ? w.denseFlops / mx : 0))),
    perExpert ? 0 : w.expertFlops / mx,
    w.attnFlops / mxF16,
    ...slot(DEVICE_CLASSES, w.cls, group === "rocm" ? w.denseFlops / mx : 0),
    perExpert ? w.expertFlops / mx : 0,
    w.promptBytes / (w.bandwidthGBs * 1e9),
    w.activationBytes / (w.bandwidthGBs * 1e9),
    w.watts > 0 ? (w.denseFlops + w.expertFlops + w.attnFlops) / w.watts : 0,
    w.appleFamily7 && (group === "metal" || group === "metal-2024") ? w.denseFlops / mx : 0,
    w.rocblasGfx1151 && group === "rocm" ? (w.denseFlops + w.expertFlops) / mx : 0,
  ];
}

/** Where each block of gpuPrefillFeatures starts. */
export const PREFILL_LAYOUT = (() => {
  const matrix = LAUNCH_GROUPS.length * PREFILL_SLOTS.length;
  const expert = matrix;
  const attention = expert + 1;
  const cls = attention + 1;
  const perExpert = cls + DEVICE_CLASSES.length;
  const read = perExpert + 1;
  const activation = read + 1;
  const power = activation + 1;
  const appleEarly = power + 1;
  const rocblas = appleEarly + 1;
  return { matrix: 0, expert, attention, cls, perExpert, read, activation, power, appleEarly, rocblas, length: rocblas + 1 };
})();

export function gpuPrefillUnknowns(g: GpuConstants): number[] {
  return [
    ...LAUNCH_GROUPS.flatMap((l) => PREFILL_SLOTS.map((s) => 1 / g.matrixEfficiency[l][s])),
    g.expertMatmulFactor,
    g.attentionFactor,
    ...DEVICE_CLASSES.map((c) => g.matrixClassFactor[c]),
    g.expertKernelFactor,
    g.promptReadFactor,
    g.activationFactor,
    g.joulesPerFlop,
    g.appleEarlyFactor,
    g.rocblasGfx1151Factor,
  ];
}

const dot = (a: readonly number[], b: readonly number[]): number => a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);

/** The time of the features [a, b) of a layout: one named term of a decode or prompt estimate. */
function termOf(f: readonly number[], u: readonly number[], a: number, b: number): number {
  let s = 0;
  for (let i = a; i < b; i++) s += (f[i] ?? 0) * (u[i] ?? 0);
  return s;
}

// The unknowns of a set of constants, made once per constants object: every GPU part of every
// speed estimate (a whole catalog per report) asks for them, and rebuilding the vectors made most
// of an estimate's garbage. Constants are never changed in place (a refit makes new objects).
const decodeUnknownsOf = new WeakMap<GpuConstants, number[]>();
const prefillUnknownsOf = new WeakMap<GpuConstants, number[]>();
function decodeUnknowns(g: GpuConstants): number[] {
  let u = decodeUnknownsOf.get(g);
  if (!u) decodeUnknownsOf.set(g, (u = gpuDecodeUnknowns(g)));
  return u;
}
function prefillUnknowns(g: GpuConstants): number[] {
  let u = prefillUnknownsOf.get(g);
  if (!u) prefillUnknownsOf.set(g, (u = gpuPrefillUnknowns(g)));
  return u;
}

export type GpuDecodeTerms = { bandwidth: number; dequant: number; moe: number; launch: number };
export type GpuPrefillTerms = { matrix: number; experts: number; attention: number; reads: number; activations: number; power: number };

function decodeTermsOf(f: readonly number[], u: readonly number[]): GpuDecodeTerms {
  const L = DECODE_LAYOUT;
  return {
    bandwidth: termOf(f, u, L.classes, L.dequant) + termOf(f, u, L.traffic, L.length),
    dequant: termOf(f, u, L.dequant, L.gather),
    moe: termOf(f, u, L.gather, L.layer),
    launch: termOf(f, u, L.layer, L.traffic),
  };
}

function prefillTermsOf(f: readonly number[], u: readonly number[]): GpuPrefillTerms {
  const L = PREFILL_LAYOUT;
  return {
    matrix: termOf(f, u, L.matrix, L.expert) + termOf(f, u, L.cls, L.perExpert) + termOf(f, u, L.appleEarly, L.length),
    experts: termOf(f, u, L.expert, L.attention) + termOf(f, u, L.perExpert, L.read),
    attention: termOf(f, u, L.attention, L.cls),
    reads: termOf(f, u, L.read, L.activation),
    activations: termOf(f, u, L.activation, L.power),
    power: termOf(f, u, L.power, L.appleEarly),
  };
}

const decodeFloor = (w: GpuPartWork): number => w.bytes / (w.bandwidthGBs * 1e9);
const prefillFloor = (w: GpuPartWork): number => (w.denseFlops + w.expertFlops) / (prefillRate(w) * 1e12) + w.attnFlops / (w.matrixTflops * 1e12);

/** The terms of a GPU part's decode time, named, in seconds (the estimate names the largest). */
export function gpuDecodeTerms(g: GpuConstants, w: GpuPartWork): GpuDecodeTerms {
  return decodeTermsOf(gpuDecodeFeatures(w), decodeUnknowns(g));
}

/** The terms of a GPU part's prompt time, named, in seconds per prompt token (the estimate names the largest). */
export function gpuPrefillTerms(g: GpuConstants, w: GpuPartWork): GpuPrefillTerms {
  return prefillTermsOf(gpuPrefillFeatures(w), prefillUnknowns(g));
}

/** Seconds per decoded token on a GPU part: the model's terms, never faster than the spec bandwidth allows. */
export function gpuDecodeSeconds(g: GpuConstants, w: GpuPartWork): number {
  return Math.max(dot(gpuDecodeFeatures(w), decodeUnknowns(g)), decodeFloor(w));
}

/** Seconds per prompt token on a GPU part, never faster than the matrix engine's peak. */
export function gpuPrefillSeconds(g: GpuConstants, w: GpuPartWork): number {
  return Math.max(dot(gpuPrefillFeatures(w), prefillUnknowns(g)), prefillFloor(w));
}

/**
 * A GPU part's decode and prompt seconds with their named terms, from one build of each feature
 * vector: what gpuDecodeSeconds, gpuPrefillSeconds and the two term functions give, in one pass.
 */
export function gpuPartTimes(g: GpuConstants, w: GpuPartWork): { decode: number; prefill: number; decodeTerms: GpuDecodeTerms; prefillTerms: GpuPrefillTerms } {
  const df = gpuDecodeFeatures(w);
  const du = decodeUnknowns(g);
  const pf = gpuPrefillFeatures(w);
  const pu = prefillUnknowns(g);
  return {
    decode: Math.max(dot(df, du), decodeFloor(w)),
    prefill: Math.max(dot(pf, pu), prefillFloor(w)),
    decodeTerms: decodeTermsOf(df, du),
    prefillTerms: prefillTermsOf(pf, pu),
  };
}
