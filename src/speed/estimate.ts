// Decode and prefill tokens/s for a model placed on a machine: the sizing core's placement says
// which layers sit on which device; each device reads its layers' weights and KV cache at its own
// effective speed, and the parts add up (llama.cpp runs the layer split one device after another).

import { perDeviceSpec } from "../hardware/gpu-build.js";
import { matchGpu } from "../hardware/match.js";
import type { Gpu, Hardware } from "../hardware/types.js";
import type { ModelShape, TensorInfo } from "../models/shape.js";
import { parseQuantName } from "../sizing/quant-mix.js";
import type { Estimate, KvType } from "../sizing/types.js";
import { typedTensors } from "../sizing/weights.js";
import { SPEED_CONSTANTS } from "./constants.js";
import {
  backendGroup,
  cpuDecodeSeconds,
  cpuPrefillSeconds,
  gpuDecodeSeconds,
  gpuPrefillSeconds,
  simdLevel,
  type SpeedConstants,
} from "./model.js";
import { attentionFlops, kvReadPerLayer, ssmElemsPerLayer, tokenTraffic, weightFamily, type TokenTraffic } from "./traffic.js";

export const SHORT_CTX = 512;
export const LONG_CTX = 32_768;

export interface SpeedAt {
  readonly ctx: number;
  /** Tokens/s generating one token after `ctx` cached tokens. */
  readonly decodeTps: number;
  /** Tokens/s processing a prompt of `ctx` tokens. */
  readonly prefillTps: number;
}

export interface SpeedEstimate {
  /** At the short context (512). */
  readonly decodeTps: number;
  readonly prefillTps: number;
  /** Short context, then the long one (32k or the trained context when shorter). */
  readonly at: readonly SpeedAt[];
  /** Where the decode time goes at the short context, in words. */
  readonly bound: string;
  readonly assumptions: readonly string[];
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
}

/** One device's share of the layers: which layers, and whether it also holds the output matrix. */
interface Part {
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
export function gpuFigures(g: Gpu): { bw: number; peak: number } {
  const spec = g.bandwidthGBs === undefined || (g.fp16Tflops === undefined && g.fp32Tflops === undefined) ? matchGpu(g.name) : undefined;
  const s = spec ? perDeviceSpec(spec.spec) : undefined;
  const bw = g.bandwidthGBs?.value ?? s?.bandwidthGBs?.value ?? 0;
  const fp16 = g.fp16Tflops?.value ?? s?.fp16Tflops?.value ?? 0;
  const fp32 = g.fp32Tflops?.value ?? s?.fp32Tflops?.value ?? 0;
  return { bw, peak: Math.max(fp16, fp32) };
}

const sumAt = (xs: readonly number[], idx: readonly number[]): number => idx.reduce((a, i) => a + (xs[i] ?? 0), 0);

function defaultContexts(shape: ModelShape): number[] {
  const long = Math.min(LONG_CTX, shape.nCtxTrain > 0 ? shape.nCtxTrain : LONG_CTX);
  return long > SHORT_CTX ? [SHORT_CTX, long] : [SHORT_CTX];
}

export function defaultThreads(hw: Hardware): number {
  return Math.max(1, hw.cpu.cores.value || hw.cpu.threads.value || 1);
}

/**
 * Decode and prefill speed of `shape` as `est` places it on `hw`. Pure: the fitted constants
 * (src/speed/constants.ts) are the only calibration.
 */
export function estimateSpeed(shape: ModelShape, est: Estimate, hw: Hardware, opts: SpeedOptions = {}): SpeedEstimate {
  const k = opts.constants ?? SPEED_CONSTANTS;
  const tensors = opts.tensors ?? typedTensors(shape, parseQuantName(est.quant));
  const traffic: TokenTraffic = tokenTraffic(shape, tensors);
  const family = weightFamily(est.quant);
  const threads = opts.threads ?? defaultThreads(hw);
  const ramGBs = hw.memory.bandwidthGBs?.value;
  const nLayer = shape.layers.length;
  const parts = partsOf(est, hw, nLayer);
  const contexts = opts.contexts ?? defaultContexts(shape);
  const kvK = opts.kvTypeK ?? est.settings.kvTypeK;
  const kvV = opts.kvTypeV ?? est.settings.kvTypeV;
  const totalParams = traffic.activeParams || 1;
  const ssm = ssmElemsPerLayer(shape);

  const partTimes = (ctx: number): { decode: number[]; prefill: number[] } => {
    const kv = kvReadPerLayer(shape, ctx, kvK, kvV);
    const attnPrompt = attentionFlops(shape, (opts.prefillDepth ?? 0) + ctx / 2);
    const decode: number[] = [];
    const prefill: number[] = [];
    for (const part of parts) {
      const bytes = sumAt(traffic.layerBytes, part.layers) + sumAt(kv, part.layers) + (part.output ? traffic.outputBytes : 0);
      const weights = sumAt(traffic.layerParams, part.layers) + (part.output ? traffic.outputParams : 0);
      const share = nLayer > 0 ? part.layers.length / nLayer : 1;
      const flops = 2 * weights + attnPrompt * share;
      if (!part.gpu) {
        if (part.layers.length === 0 && !part.output) continue;
        decode.push(cpuDecodeSeconds(k.cpu, bytes, weights, part.layers.length, threads, ramGBs));
        const expertFlops = 2 * sumAt(traffic.layerExpertParams, part.layers);
        const work = { denseFlops: flops - expertFlops, expertFlops, ssmElems: sumAt(ssm, part.layers), mamba2: (shape.ssm?.nHead ?? 0) > 0 };
        prefill.push(cpuPrefillSeconds(k.cpu, work, family, threads, simdLevel(hw.cpu.flags)));
      } else {
        const g = part.gpu;
        const group = backendGroup(g.backend);
        const { bw, peak } = gpuFigures(g);
        decode.push(bw > 0 ? gpuDecodeSeconds(k.gpu, group, bytes, bw, part.layers.length) : Number.POSITIVE_INFINITY);
        prefill.push(peak > 0 ? gpuPrefillSeconds(k.gpu, group, flops, peak) : Number.POSITIVE_INFINITY);
      }
    }
    return { decode, prefill };
  };

  const at: SpeedAt[] = contexts.map((ctx) => {
    const t = partTimes(ctx);
    const d = t.decode.reduce((a, b) => a + b, 0);
    const p = t.prefill.reduce((a, b) => a + b, 0);
    return { ctx, decodeTps: d > 0 ? 1 / d : 0, prefillTps: p > 0 ? 1 / p : 0 };
  });
  const first = at[0] ?? { ctx: SHORT_CTX, decodeTps: 0, prefillTps: 0 };
  return {
    decodeTps: first.decodeTps,
    prefillTps: first.prefillTps,
    at,
    bound: boundWords(parts, traffic, totalParams),
    assumptions: assumptionWords(parts, threads, family, ramGBs, hw),
  };
}

function boundWords(parts: readonly Part[], t: TokenTraffic, totalParams: number): string {
  const gb = (b: number): string => (b / 1e9).toFixed(2);
  const bytes = t.layerBytes.reduce((a, b) => a + b, 0) + t.outputBytes;
  const where = parts
    .filter((p) => p.layers.length > 0 || p.output)
    .map((p) => `${p.gpu ? p.gpu.name : "CPU"} ${p.layers.length} layers`)
    .join(" + ");
  return `decode reads ${gb(bytes)} GB of weights per token (${(totalParams / 1e9).toFixed(2)} B active weights): ${where}`;
}

function assumptionWords(parts: readonly Part[], threads: number, family: string, ramGBs: number | undefined, hw: Hardware): string[] {
  const out = [
    "decode: memory-bound, time = bytes read per token (active weights + KV cache at the context) / effective bandwidth of each device, plus a per-layer overhead; device parts add up",
    "prefill: compute-bound, 2 FLOPs per active weight + attention over the prompt, at a fitted fraction of peak",
  ];
  if (parts.some((p) => !p.gpu && (p.layers.length > 0 || p.output))) {
    out.push(
      `CPU: ${threads} threads, ${simdLevel(hw.cpu.flags)}; per-thread bandwidth and compute fitted to llama.cpp measurements on an AVX-512 (Zen 4) CPU` +
        ` (data/speed/cpu-measurements.csv); prompt speed scaled for the SIMD level by a factor fitted to published CPU rows;` +
        ` ${family} weight kernels; capped by ${ramGBs !== undefined ? `${ramGBs} GB/s RAM` : "unknown RAM bandwidth (no cap)"} × fitted efficiency`,
    );
  }
  for (const p of parts) {
    if (!p.gpu) continue;
    const g = p.gpu;
    const { bw, peak } = gpuFigures(g);
    if (bw === 0) out.push(`${g.name}: memory bandwidth unknown (not in the GPU spec table): its speed cannot be estimated`);
    out.push(
      `${g.name}: ${bw || "?"} GB/s, ${peak || "?"} TFLOPS (spec), ` +
        `${backendGroup(g.backend) === "other" ? `${g.backend}: no published calibration, CUDA's efficiency used` : `efficiency fitted to published llama.cpp ${g.backend} results (data/speed/gpu-published.csv)`}`,
    );
  }
  if (hw.simulated) out.push("simulated machine: spec figures, nothing measured");
  return out;
}

/** The `speed` object of `llmfit fit --json`. */
export function speedJson(s: SpeedEstimate): { decode_tps: number; prefill_tps: number; at: { ctx: number; decode_tps: number; prefill_tps: number }[] } {
  const r = (x: number): number => Math.round(x * 10) / 10;
  return {
    decode_tps: r(s.decodeTps),
    prefill_tps: r(s.prefillTps),
    at: s.at.map((a) => ({ ctx: a.ctx, decode_tps: r(a.decodeTps), prefill_tps: r(a.prefillTps) })),
  };
}

/** Two report lines: tok/s at the short and the long context. */
export function speedLines(s: SpeedEstimate): string[] {
  const f = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
  return s.at.map((a) => `  speed at ${a.ctx >= 1024 ? `${Math.round(a.ctx / 1024)}k` : a.ctx} ctx: ${f(a.decodeTps)} tok/s decode, ${f(a.prefillTps)} tok/s prefill (estimate)`);
}
