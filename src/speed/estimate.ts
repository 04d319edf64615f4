// Decode and prefill tokens/s for a model placed on a machine: the sizing core's placement says
// which layers sit on which device; each device reads its layers' weights and KV cache at its own
// effective speed, and the parts add up (llama.cpp runs the layer split one device after another).

import { perDeviceSpec } from "../hardware/gpu-build.js";
import { gpuSpecById, matchGpu } from "../hardware/match.js";
import type { Backend, Gpu, Hardware } from "../hardware/types.js";
import type { ModelShape, TensorInfo } from "../models/shape.js";
import type { Estimate, KvType } from "../sizing/types.js";
import type { GpuSpec } from "../hardware/gpu-spec-schema.js";
import { calibratedCpuConstants, calibrationOf, measuredLabel } from "../calibration/apply.js";
import { prefillTypeScale, typeSharesFor } from "../calibration/prefill-types.js";
import { SPEED_CONSTANTS } from "./constants.js";
import {
  CURRENT_BUILD_YEAR,
  DEFAULT_UBATCH,
  cpuDecodeSeconds,
  cpuPrefillSeconds,
  deviceClass,
  dequantFamily,
  expertKernel,
  gpuPartTimes,
  type GpuPrefillTerms,
  launchGroup,
  prefillGroup,
  prefillSlot,
  simdLevel,
  type BuildFlag,
  type LaunchGroup,
  type PrefillSlot,
  type GpuPartWork,
  type SpeedConstants,
  type SpeedRanges,
} from "./model.js";
import { activationBytesPerLayer, attentionFlops, expertsHit, kvReadPerLayer, promptMatmulFlops, ssmElemsPerLayer, tokenTraffic, trafficFor, weightFamily, type TokenTraffic } from "./traffic.js";

export const SHORT_CTX = 512;
export const LONG_CTX = 32_768;

/** Where a tok/s figure will likely land: the 10th–90th percentile of the held-out error of its backend. */
export interface SpeedRange {
  readonly low: number;
  readonly high: number;
}

/** The term that takes most of a token's time. */
export type SpeedBound =
  | "memory bandwidth"
  | "dequant compute"
  | "launch overhead"
  | "expert gather"
  | "matrix throughput"
  | "expert matmuls"
  | "attention"
  | "weight reads per micro-batch"
  | "activation traffic"
  | "board power"
  | "CPU memory bandwidth"
  | "CPU compute";

export interface SpeedAt {
  readonly ctx: number;
  /** Tokens/s generating one token after `ctx` cached tokens. */
  readonly decodeTps: number;
  /** Tokens/s processing a prompt of `ctx` tokens. */
  readonly prefillTps: number;
  readonly decodeRange: SpeedRange;
  readonly prefillRange: SpeedRange;
}

export interface SpeedEstimate {
  /** At the short context (512). */
  readonly decodeTps: number;
  readonly prefillTps: number;
  /** Short context, then the long one (32k or the trained context when shorter). */
  readonly at: readonly SpeedAt[];
  readonly decodeRange: SpeedRange;
  readonly prefillRange: SpeedRange;
  /** The terms that bound decode and prefill at the short context. */
  readonly decodeBound: SpeedBound;
  readonly prefillBound: SpeedBound;
  /** Where the decode time goes at the short context, in words (names the bounding term). */
  readonly bound: string;
  readonly assumptions: readonly string[];
  /**
   * Set when the CPU terms come from this machine's `llmfit bench` figures: the source in words
   * ("measured here (DATE)") and the spec-table estimate beside it.
   */
  readonly measured?: { readonly source: string; readonly specDecodeTps: number; readonly specPrefillTps: number };
}

export interface SpeedOptions {
  /** Contexts to report; default 512 and min(32k, trained context). */
  readonly contexts?: readonly number[];
  /** CPU threads llama.cpp uses; default the physical cores (llama.cpp's default). */
  readonly threads?: number;
  readonly kvTypeK?: KvType;
  readonly kvTypeV?: KvType;
  /** Prefill: tokens already cached before the prompt (the prompt attends to them too). */
  readonly prefillDepth?: number;
  /** The typed tensor list, when the caller has it (saves rebuilding it). */
  readonly tensors?: readonly TensorInfo[];
  readonly constants?: SpeedConstants;
  /** Year of the llama.cpp build (calibration of older published rows); default: a current build. */
  readonly buildYear?: number;
  /** Settings of the build that change its kernels (calibration of published rows that state them). */
  readonly flags?: readonly BuildFlag[];
  /** Prompt micro-batch (n_ubatch); default llama.cpp's 512. */
  readonly ubatch?: number;
  /**
   * false: the decode steps compute no logits, so the output matrix is not read. A prompt run at
   * micro-batch 1 (llama-bench -ub 1) is a string of single-token steps, but a prompt asks for the
   * last token's logits only (promptMatmulFlops), so every step but the last skips the output
   * matmul: for gemma 2B that is 0.5 B of its 2.5 B weights. Default true (generation).
   */
  readonly logitsPerStep?: boolean;
  /** The routed experts run one fused kernel whatever the weight type (vLLM's fused_moe), not llama.cpp's per-backend choice. */
  readonly fusedExperts?: boolean;
  /** false: ignore this machine's bench figures (what a real run is compared against uses true, minus what was learned). */
  readonly calibrated?: boolean | "bench-only";
  /** false: leave out `measured` (the spec-table figure beside a calibrated one): a caller that reads only the tok/s. */
  readonly withSpec?: boolean;
}

/** One device's share of the layers: which layers, and whether it also holds the output matrix. */
/** A device's share of the model: its layers, and whether it computes the logits. */
export interface Part {
  readonly gpu?: Gpu;
  readonly layers: readonly number[];
  readonly output: boolean;
}

/** The last `layersOnGpu` layers go to the GPUs in index order (contiguous runs), the rest stay on the CPU. */
function partsOf(est: Estimate, hw: Hardware, nLayer: number): Part[] {
  const p = est.placement;
  const onGpu = p.verdict === "gpu" || p.verdict === "partial" ? p.layersOnGpu : 0;
  const first = nLayer - onGpu;
  const range = (a: number, b: number): number[] => Array.from({ length: Math.max(0, b - a) }, (_, i) => a + i);
  const parts: Part[] = [{ layers: range(0, first), output: p.verdict !== "gpu" }];
  let start = first;
  const gpuDevices = p.devices.filter((d) => d.device !== "cpu" && d.layers > 0);
  gpuDevices.forEach((d, i) => {
    const gpu = hw.gpus.find((g) => g.index === d.device);
    const end = Math.min(nLayer, start + d.layers);
    if (gpu) parts.push({ gpu, layers: range(start, end), output: p.verdict === "gpu" && i === gpuDevices.length - 1 });
    start = end;
  });
  return parts;
}

/**
 * Bandwidth and peak TFLOPS of a GPU: its own figures, else the spec row its name matches (a GPU
 * described only by name and VRAM, e.g. `llmfit fit --gpu NAME --vram GB`); 0 when unknown.
 */
export function gpuFigures(g: Gpu): { bw: number; peak: number; matrix: number; int8: number; watts: number; spec: GpuSpec | undefined } {
  const spec = (g.specId !== undefined ? gpuSpecById(g.specId) : undefined) ?? matchGpu(g.name)?.spec;
  const s = spec ? perDeviceSpec(spec) : undefined;
  const bw = g.bandwidthGBs?.value ?? s?.bandwidthGBs?.value ?? 0;
  const fp16 = g.fp16Tflops?.value ?? s?.fp16Tflops?.value ?? 0;
  const fp32 = g.fp32Tflops?.value ?? s?.fp32Tflops?.value ?? 0;
  const peak = Math.max(fp16, fp32);
  // the matrix rate scales with a detected vector rate (a clocked-down laptop part)
  const specPeak = spec ? Math.max(spec.fp16Tflops ?? 0, spec.fp32Tflops) / spec.devices : 0;
  const scale = peak > 0 && specPeak > 0 ? peak / specPeak : 1;
  const matrix = spec && specPeak > 0 ? (spec.matrixTflops / spec.devices) * scale : peak;
  const int8 = spec && specPeak > 0 ? (spec.int8Tops / spec.devices) * scale : matrix;
  // board power per device (a dual-GPU board's TDP is shared), scaled with the clocks like the rates
  const watts = spec ? (spec.tdpWatts / spec.devices) * scale : 0;
  return { bw, peak, matrix, int8, watts, spec };
}

const sumAt = (xs: readonly number[], idx: readonly number[]): number => idx.reduce((a, i) => a + (xs[i] ?? 0), 0);

function defaultContexts(shape: ModelShape): number[] {
  const long = Math.min(LONG_CTX, shape.nCtxTrain > 0 ? shape.nCtxTrain : LONG_CTX);
  return long > SHORT_CTX ? [SHORT_CTX, long] : [SHORT_CTX];
}

export function defaultThreads(hw: Hardware): number {
  return Math.max(1, hw.cpu.cores.value || hw.cpu.threads.value || 1);
}

/** One device's decode and prefill time per token, and what bounds it. */
interface PartTime {
  readonly backend: Backend | "cpu";
  readonly decode: number;
  readonly prefill: number;
  readonly decodeBound: SpeedBound;
  readonly prefillBound: SpeedBound;
}

/** The per-token work of each GPU part, as the model's terms see it (exported for the calibration). */
export function gpuPartWork(shape: ModelShape, est: Estimate, hw: Hardware, ctx: number, opts: SpeedOptions = {}): GpuPartWork[] {
  const traffic = opts.tensors ? tokenTraffic(shape, opts.tensors) : trafficFor(shape, est.quant);
  return partsOf(est, hw, shape.layers.length)
    .filter((p) => p.gpu !== undefined)
    .map((p) => workOf(shape, est, traffic, p, ctx, opts))
    .filter((w): w is GpuPartWork => w !== undefined);
}

function workOf(shape: ModelShape, est: Estimate, traffic: TokenTraffic, part: Part, ctx: number, opts: SpeedOptions): GpuPartWork | undefined {
  return gpuWork(shape, traffic, est.quant, opts.kvTypeK ?? est.settings.kvTypeK, opts.kvTypeV ?? est.settings.kvTypeV, part, ctx, opts);
}

/**
 * Bytes a micro-batch moves to give the prompt GEMMs F16 weights, where the backend makes an F16
 * copy of a quantized matrix first. SYCL does: its prompt path dequantizes each quantized weight
 * into a device buffer (ggml_get_to_fp16_sycl, ggml-sycl/convert.cpp) and hands that to the
 * oneDNN / oneMKL GEMM on the XMX engines, so every weight is written and read once more as 2-byte
 * F16 per micro-batch (the dequantizer pair PR github.com/ggml-org/llama.cpp/pull/21638 adds for
 * reordered Q8_0 is that path). CUDA's and HIP's MMQ, Metal's and Vulkan's matmul shaders unpack
 * the tiles in on-chip memory instead: no copy.
 */
function dequantCopyBytes(group: LaunchGroup, slot: PrefillSlot, weights: number): number {
  return prefillGroup(group) === "sycl" && slot === "quant" ? 2 * 2 * weights : 0;
}

/**
 * What one token costs a GPU part, from the model's per-layer traffic: shared by the
 * single-machine estimate and the multi-host plans (src/cluster), which place parts themselves.
 */
export function gpuWork(shape: ModelShape, traffic: TokenTraffic, quant: string, kvTypeK: KvType, kvTypeV: KvType, part: Part, ctx: number, opts: SpeedOptions = {}): GpuPartWork | undefined {
  const g = part.gpu;
  if (!g) return undefined;
  const kv = kvReadPerLayer(shape, ctx, kvTypeK, kvTypeV);
  const nLayer = shape.layers.length;
  const f = gpuFigures(g);
  const expertShare = shape.experts ? shape.experts.used / shape.experts.count : 0;
  const logits = part.output && opts.logitsPerStep !== false;
  const weights = sumAt(traffic.layerParams, part.layers) + (logits ? traffic.outputParams : 0);
  const expertParams = sumAt(traffic.layerExpertParams, part.layers);
  const layerBytes = sumAt(traffic.layerBytes, part.layers);
  const layerParams = sumAt(traffic.layerParams, part.layers);
  // routed-expert bytes: their share of the layer bytes, by elements (expert tensors share one type)
  const expertBytes = expertShare > 0 && layerParams > 0 ? (layerBytes * expertParams) / layerParams : 0;
  const share = nLayer > 0 ? part.layers.length / nLayer : 1;
  const group = launchGroup(g.backend, opts.buildYear ?? CURRENT_BUILD_YEAR, g.vendor, opts.flags, f.spec?.id);
  const slot = prefillSlot(quant);
  // a prompt's micro-batch reads every weight once: the dense ones, and each expert it routes to
  const ubatch = Math.max(1, Math.min(opts.ubatch ?? DEFAULT_UBATCH, ctx));
  const hit = shape.experts && expertShare > 0 ? expertsHit(shape.experts.count, shape.experts.used, ubatch) / shape.experts.used : 0;
  const ubatchBytes = layerBytes - expertBytes + expertBytes * hit;
  return {
    cls: deviceClass(g.vendor, f.spec?.name ?? g.name, f.spec?.kind),
    group,
    family: dequantFamily(quant),
    slot,
    bandwidthGBs: f.bw,
    vectorTflops: f.peak,
    matrixTflops: f.matrix,
    int8Tops: f.int8,
    watts: f.watts,
    bytes: layerBytes + sumAt(kv, part.layers) + (logits ? traffic.outputBytes : 0),
    weights,
    expertBytes,
    layers: part.layers.length,
    moeLayers: expertParams > 0 ? part.layers.filter((l) => (traffic.layerExpertParams[l] ?? 0) > 0).length : 0,
    last: part.output,
    denseFlops: promptMatmulFlops(layerParams - expertParams, part.output ? traffic.outputParams : 0, ctx),
    expertFlops: 2 * expertParams,
    attnFlops: attentionFlops(shape, (opts.prefillDepth ?? 0) + ctx / 2) * share,
    promptBytes: ubatchBytes / ubatch + (part.output ? traffic.outputBytes / Math.max(1, ctx) : 0),
    activationBytes: sumAt(activationBytesPerLayer(shape), part.layers) + dequantCopyBytes(group, slot, layerParams) / ubatch,
    expertKernel: opts.fusedExperts ? "grouped" : expertKernel(group, slot),
    appleFamily7: /^apple-m1(-|$)/.test(f.spec?.id ?? ""),
    rocblasGfx1151: (opts.flags ?? []).includes("rocblas-gfx1151"),
  };
}

/** The largest term of a GPU part's prompt time. */
function prefillBoundOf(t: GpuPrefillTerms): SpeedBound {
  const named: readonly [number, SpeedBound][] = [
    [t.matrix, "matrix throughput"],
    [t.experts, "expert matmuls"],
    [t.attention, "attention"],
    [t.reads, "weight reads per micro-batch"],
    [t.activations, "activation traffic"],
    [t.power, "board power"],
  ];
  return named.reduce((a, b) => (b[0] > a[0] ? b : a))[1];
}

/**
 * Decode and prefill speed of `shape` as `est` places it on `hw`. Pure: the fitted constants
 * (src/speed/constants.ts) are the only calibration.
 */
export function estimateSpeed(shape: ModelShape, est: Estimate, hw: Hardware, opts: SpeedOptions = {}): SpeedEstimate {
  // this machine's bench figures replace the reference CPU's (never when constants are given: the fit)
  const cal = opts.constants === undefined && opts.calibrated !== false ? calibrationOf(hw) : undefined;
  const cpuK = cal ? calibratedCpuConstants(hw, { learned: opts.calibrated !== "bench-only" }) : undefined;
  const k = opts.constants ?? (cpuK ? { ...SPEED_CONSTANTS, cpu: cpuK } : SPEED_CONSTANTS);
  const traffic: TokenTraffic = opts.tensors ? tokenTraffic(shape, opts.tensors) : trafficFor(shape, est.quant);
  const family = weightFamily(est.quant);
  // a calibrated machine prices each weight type's prompt matmuls at its own measured rate (src/calibration/prefill-types.ts)
  const typeScale = cal && cpuK ? prefillTypeScale(cal.cpu, typeSharesFor(shape, est.quant, opts.tensors), est.quant) : 1;
  const threads = opts.threads ?? defaultThreads(hw);
  const ramGBs = hw.memory.bandwidthGBs?.value;
  const nLayer = shape.layers.length;
  const parts = partsOf(est, hw, nLayer);
  const contexts = opts.contexts ?? defaultContexts(shape);
  const kvK = opts.kvTypeK ?? est.settings.kvTypeK;
  const kvV = opts.kvTypeV ?? est.settings.kvTypeV;
  const totalParams = traffic.activeParams || 1;
  const ssm = ssmElemsPerLayer(shape);

  const partTimes = (ctx: number): PartTime[] => {
    const kv = kvReadPerLayer(shape, ctx, kvK, kvV);
    const attnPrompt = attentionFlops(shape, (opts.prefillDepth ?? 0) + ctx / 2);
    const out: PartTime[] = [];
    for (const part of parts) {
      if (!part.gpu) {
        if (part.layers.length === 0 && !part.output) continue;
        const logits = part.output && opts.logitsPerStep !== false;
        const bytes = sumAt(traffic.layerBytes, part.layers) + sumAt(kv, part.layers) + (logits ? traffic.outputBytes : 0);
        const weights = sumAt(traffic.layerParams, part.layers) + (logits ? traffic.outputParams : 0);
        const share = nLayer > 0 ? part.layers.length / nLayer : 1;
        const flops = promptMatmulFlops(sumAt(traffic.layerParams, part.layers), part.output ? traffic.outputParams : 0, ctx) + attnPrompt * share;
        const decode = cpuDecodeSeconds(k.cpu, bytes, weights, part.layers.length, threads, ramGBs);
        const streamed = bytes / Math.min(threads * k.cpu.bytesPerSecPerThread, ramGBs !== undefined && ramGBs > 0 ? ramGBs * 1e9 * k.cpu.ramEfficiency : Number.POSITIVE_INFINITY);
        const expertFlops = 2 * sumAt(traffic.layerExpertParams, part.layers);
        const work = { denseFlops: (flops - expertFlops) * typeScale, expertFlops, ssmElems: sumAt(ssm, part.layers), mamba2: (shape.ssm?.nHead ?? 0) > 0 };
        out.push({
          backend: "cpu",
          decode,
          prefill: cpuPrefillSeconds(k.cpu, work, family, threads, simdLevel(hw.cpu.flags)),
          decodeBound: streamed >= decode / 2 ? "CPU memory bandwidth" : "CPU compute",
          prefillBound: "CPU compute",
        });
        continue;
      }
      const w = workOf(shape, est, traffic, part, ctx, opts);
      if (!w || w.bandwidthGBs <= 0 || w.matrixTflops <= 0) {
        out.push({ backend: part.gpu.backend, decode: Number.POSITIVE_INFINITY, prefill: Number.POSITIVE_INFINITY, decodeBound: "memory bandwidth", prefillBound: "matrix throughput" });
        continue;
      }
      const times = gpuPartTimes(k.gpu, w);
      const t = times.decodeTerms;
      const top = Math.max(t.bandwidth, t.dequant, t.moe, t.launch);
      const decodeBound: SpeedBound = top === t.bandwidth ? "memory bandwidth" : top === t.dequant ? "dequant compute" : top === t.moe ? "expert gather" : "launch overhead";
      out.push({ backend: part.gpu.backend, decode: times.decode, prefill: times.prefill, decodeBound, prefillBound: prefillBoundOf(times.prefillTerms) });
    }
    return out;
  };

  const dominant = (ts: readonly PartTime[], key: "decode" | "prefill"): PartTime | undefined => ts.reduce<PartTime | undefined>((a, b) => (!a || b[key] > a[key] ? b : a), undefined);
  const rangeOf = (tps: number, backend: Backend | "cpu" | undefined, test: "decode" | "prefill"): SpeedRange => {
    const r = k.ranges[backend ?? "cpu"]?.[test] ?? DEFAULT_RANGE;
    return { low: tps * r[0], high: tps * r[1] };
  };
  let bounds: { decode: SpeedBound; prefill: SpeedBound } = { decode: "memory bandwidth", prefill: "matrix throughput" };
  const at: SpeedAt[] = contexts.map((ctx, i) => {
    const ts = partTimes(ctx);
    const d = ts.reduce((a, b) => a + b.decode, 0);
    const p = ts.reduce((a, b) => a + b.prefill, 0);
    const dd = dominant(ts, "decode");
    const dp = dominant(ts, "prefill");
    if (i === 0) bounds = { decode: dd?.decodeBound ?? "memory bandwidth", prefill: dp?.prefillBound ?? "matrix throughput" };
    const decodeTps = d > 0 && Number.isFinite(d) ? 1 / d : 0;
    const prefillTps = p > 0 && Number.isFinite(p) ? 1 / p : 0;
    return { ctx, decodeTps, prefillTps, decodeRange: rangeOf(decodeTps, dd?.backend, "decode"), prefillRange: rangeOf(prefillTps, dp?.backend, "prefill") };
  });
  const first = at[0] ?? { ctx: SHORT_CTX, decodeTps: 0, prefillTps: 0, decodeRange: { low: 0, high: 0 }, prefillRange: { low: 0, high: 0 } };
  const onCpu = parts.some((p) => !p.gpu && (p.layers.length > 0 || p.output));
  let measured: SpeedEstimate["measured"];
  if (cal && onCpu && opts.withSpec !== false) {
    const spec = estimateSpeed(shape, est, hw, { ...opts, contexts: [first.ctx], calibrated: false });
    measured = { source: measuredLabel(cal), specDecodeTps: spec.decodeTps, specPrefillTps: spec.prefillTps };
  }
  return {
    decodeTps: first.decodeTps,
    prefillTps: first.prefillTps,
    decodeRange: first.decodeRange,
    prefillRange: first.prefillRange,
    decodeBound: bounds.decode,
    prefillBound: bounds.prefill,
    at,
    bound: boundWords(parts, traffic, totalParams, bounds.decode),
    assumptions: assumptionWords(parts, threads, family, ramGBs, hw, k.ranges, measured?.source),
    ...(measured ? { measured } : {}),
  };
}

/**
 * The range of a tok/s figure on a backend: its estimate × the held-out ratio percentiles of that
 * backend (src/speed/constants.ts `ranges`); for callers that keep only the number.
 */
export function speedRangeOf(tps: number, backend: Backend, test: "decode" | "prefill" = "decode", k: SpeedConstants = SPEED_CONSTANTS): SpeedRange {
  const r = k.ranges[backend]?.[test] ?? DEFAULT_RANGE;
  return { low: tps * r[0], high: tps * r[1] };
}

/** A backend with no held-out rows: a wide range (±50 %). */
const DEFAULT_RANGE: readonly [number, number] = [0.5, 1.5];

function boundWords(parts: readonly Part[], t: TokenTraffic, totalParams: number, bound: SpeedBound): string {
  const gb = (b: number): string => (b / 1e9).toFixed(2);
  const bytes = t.layerBytes.reduce((a, b) => a + b, 0) + t.outputBytes;
  const where = parts
    .filter((p) => p.layers.length > 0 || p.output)
    .map((p) => `${p.gpu ? p.gpu.name : "CPU"} ${p.layers.length} layers`)
    .join(" + ");
  return `decode bound by ${bound}; reads ${gb(bytes)} GB of weights per token (${(totalParams / 1e9).toFixed(2)} B active weights): ${where}`;
}

function assumptionWords(parts: readonly Part[], threads: number, family: string, ramGBs: number | undefined, hw: Hardware, ranges: SpeedRanges, measured?: string): string[] {
  const out = [
    "decode: bytes read per token (active weights + KV cache at the context) / effective bandwidth of the device class, + dequantisation compute per weight, + expert gather for MoE, + kernel-launch overhead per layer and per token; never above the spec bandwidth; device parts add up",
    "prefill: matmul FLOPs (the output matrix once per prompt) at a fitted share of the matrix-engine rate, + expert and attention FLOPs, + weights re-read per micro-batch, + board power (J/FLOP × FLOP/s ≤ TDP); never above the matrix peak",
    "range: 10th–90th percentile of the held-out error of the backend (leave-one-source-out over data/speed/)",
  ];
  const cal = hw.calibration;
  if (measured && cal && parts.some((p) => !p.gpu && (p.layers.length > 0 || p.output))) {
    out.push(
      `CPU: ${threads} threads, ${family} weight kernels; bandwidth, per-weight compute, per-layer overhead and prompt FLOP/s ${measured}` +
        ` by \`llmfit bench\` (${cal.cpu.bandwidthGBs.toFixed(1)} GB/s with ${cal.threads} thread${cal.threads === 1 ? "" : "s"}; scaled per thread)`,
    );
  } else if (parts.some((p) => !p.gpu && (p.layers.length > 0 || p.output))) {
    out.push(
      `CPU: ${threads} threads, ${simdLevel(hw.cpu.flags)}; per-thread bandwidth and compute fitted to llama.cpp measurements on an AVX-512 (Zen 4) CPU` +
        ` (data/speed/cpu-measurements.csv); prompt speed scaled for the SIMD level by a factor fitted to published CPU rows;` +
        ` ${family} weight kernels; capped by ${ramGBs !== undefined ? `${ramGBs} GB/s RAM` : "unknown RAM bandwidth (no cap)"} × fitted efficiency`,
    );
  }
  for (const p of parts) {
    if (!p.gpu) continue;
    const g = p.gpu;
    const { bw, peak, matrix } = gpuFigures(g);
    if (bw === 0) out.push(`${g.name}: memory bandwidth unknown (not in the GPU spec table): its speed cannot be estimated`);
    const fitted = ranges[g.backend] !== undefined;
    out.push(
      `${g.name}: ${bw || "?"} GB/s, ${peak || "?"} TFLOPS vector, ${matrix ? Math.round(matrix * 10) / 10 : "?"} TFLOPS matrix (spec), ` +
        (fitted ? `terms fitted to published llama.cpp ${g.backend} results (data/speed/gpu-published.csv)` : `${g.backend}: no published ${g.backend} rows; terms of the nearest backend, wide range`),
    );
  }
  if (hw.simulated) out.push("simulated machine: spec figures, nothing measured");
  return out;
}

/** The `speed` object of `llmfit fit --json`. */
export interface SpeedJson {
  decode_tps: number;
  prefill_tps: number;
  at: { ctx: number; decode_tps: number; prefill_tps: number; decode_range: [number, number]; prefill_range: [number, number] }[];
  decode_range: [number, number];
  prefill_range: [number, number];
  decode_bound: SpeedBound;
  prefill_bound: SpeedBound;
  /** "measured here (DATE)" when this machine's bench figures were used, else "estimate". */
  source: string;
  /** The spec-table estimate, beside a measured one. */
  spec?: { decode_tps: number; prefill_tps: number };
}

export function speedJson(s: SpeedEstimate): SpeedJson {
  const r = (x: number): number => Math.round(x * 10) / 10;
  const rr = (x: SpeedRange): [number, number] => [r(x.low), r(x.high)];
  return {
    decode_tps: r(s.decodeTps),
    prefill_tps: r(s.prefillTps),
    at: s.at.map((a) => ({ ctx: a.ctx, decode_tps: r(a.decodeTps), prefill_tps: r(a.prefillTps), decode_range: rr(a.decodeRange), prefill_range: rr(a.prefillRange) })),
    decode_range: rr(s.decodeRange),
    prefill_range: rr(s.prefillRange),
    decode_bound: s.decodeBound,
    prefill_bound: s.prefillBound,
    source: s.measured?.source ?? "estimate",
    ...(s.measured ? { spec: { decode_tps: r(s.measured.specDecodeTps), prefill_tps: r(s.measured.specPrefillTps) } } : {}),
  };
}

/** "38 tok/s (30–44)": a tok/s figure with its range. */
export function tpsWithRange(tps: number, range: SpeedRange): string {
  const f = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
  return `${f(tps)} tok/s (${f(range.low)}–${f(range.high)})`;
}

/** Report lines: tok/s (with its range) at the short and the long context, and the bounding terms. */
export function speedLines(s: SpeedEstimate): string[] {
  const f = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
  return [
    ...s.at.map((a) => `  speed at ${a.ctx >= 1024 ? `${Math.round(a.ctx / 1024)}k` : a.ctx} ctx: ${tpsWithRange(a.decodeTps, a.decodeRange)} decode, ${tpsWithRange(a.prefillTps, a.prefillRange)} prefill (${s.measured?.source ?? "estimate"})`),
    ...(s.measured ? [`  spec-table estimate: ${f(s.measured.specDecodeTps)} tok/s decode, ${f(s.measured.specPrefillTps)} tok/s prefill (before llmfit bench)`] : []),
    `  decode bound by ${s.decodeBound}, prefill by ${s.prefillBound}`,
  ];
}
