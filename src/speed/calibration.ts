// Fits the speed model's constants to the two tables (this machine's CPU measurements and the
// published GPU results) and predicts each row with the full estimate path, for the tests and
// `npm run bench:speed`. Pure: the caller reads the files and passes their text through
// measurements.ts.

import { simulateHardware } from "../hardware/simulate.js";
import type { Backend, Hardware } from "../hardware/types.js";
import { findModel, shapeOf } from "../models/catalog.js";
import type { ModelShape } from "../models/shape.js";
import { parseQuantName } from "../sizing/quant-mix.js";
import { createSizer, type Sizer } from "../sizing/search.js";
import { DEFAULT_RUN_SETTINGS } from "../sizing/types.js";
import { typedTensors } from "../sizing/weights.js";
import { estimateSpeed } from "./estimate.js";
import { fitNonNegative, type Observation } from "./fit.js";
import type { CpuMeasurement, PublishedRow } from "./measurements.js";
import {
  backendGroup, cpuDecodeFeatures, cpuPrefillFeatures, cpuPrefillSeconds, gpuDecodeFeatures,
  type CpuConstants, type CpuPrefillWork, type GpuBackendGroup, type SimdLevel, type SpeedConstants,
} from "./model.js";
import { attentionFlops, kvReadPerLayer, ssmElemsPerLayer, tokenTraffic, weightFamily, type TokenTraffic, type WeightFamily } from "./traffic.js";

export interface RowModel {
  readonly shape: ModelShape;
  readonly traffic: TokenTraffic;
}

/** The catalog shape and per-token traffic of a row's model at its quantization; undefined when unknown. */
export function rowModel(modelId: string, quant: string): RowModel | undefined {
  const entry = findModel(modelId);
  const q = parseQuantName(quant);
  if (!entry || entry.kind === "diffusion" || !q) return undefined;
  const shape = shapeOf(entry);
  return { shape, traffic: tokenTraffic(shape, typedTensors(shape, q)) };
}

/** Context a row's decode steps run at: the middle of the timed steps. */
export function cpuDecodeCtx(r: CpuMeasurement): number {
  return r.decode_ctx_start + r.decode_tokens / 2;
}

/**
 * Context of a published decode row: llama-bench's tgN starts after `depth` cached tokens and
 * runs N steps (the middle: depth + N/2); a bare "tg" with a depth is pp512 at micro-batch 1
 * (512 single steps after `depth`: depth + 256), without one a chat run of a short answer (≈ 64).
 */
export function publishedDecodeCtx(test: string, depth?: number): number {
  const n = Number(test.replace(/^tg/, ""));
  if (n > 0) return (depth ?? 0) + n / 2;
  return depth !== undefined ? depth + 256 : 64;
}

export function promptLen(test: string): number {
  return Number(test.replace(/^pp/, "")) || 512;
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

function decodeBytes(m: RowModel, ctx: number): number {
  return sum(m.traffic.layerBytes) + m.traffic.outputBytes + sum(kvReadPerLayer(m.shape, ctx));
}

function prefillFlops(m: RowModel, prompt: number, depth = 0): number {
  return 2 * m.traffic.activeParams + attentionFlops(m.shape, depth + prompt / 2);
}

function cpuPrefillWork(m: RowModel, prompt: number): CpuPrefillWork {
  const expertFlops = 2 * sum(m.traffic.layerExpertParams);
  return { denseFlops: prefillFlops(m, prompt) - expertFlops, expertFlops, ssmElems: sum(ssmElemsPerLayer(m.shape)), mamba2: (m.shape.ssm?.nHead ?? 0) > 0 };
}

/** GPU constants are fitted to rows measured with llama.cpp builds from this year on; older rows are shown, not fitted. */
export const CURRENT_FROM_YEAR = 2025;

export interface FitReport {
  readonly constants: SpeedConstants;
  /** Rows left out, and why. */
  readonly skipped: readonly string[];
  readonly rms: Readonly<Record<string, number>>;
}

const FAMILIES: readonly WeightFamily[] = ["f16", "q8", "quant"];
const GROUPS: readonly GpuBackendGroup[] = ["cuda", "metal", "other"];

/** Fits every constant. CPU rows use the least-disturbed decode steps (decode_p10_tps, see data/speed/README.md). */
export function fitSpeedConstants(cpuRows: readonly CpuMeasurement[], published: readonly PublishedRow[]): FitReport {
  const skipped: string[] = [];
  const rms: Record<string, number> = {};
  const model = (id: string, q: string): RowModel | undefined => {
    const m = rowModel(id, q);
    if (!m) skipped.push(`${id} ${q}: not in the catalog (or not an LLM quantization)`);
    return m;
  };

  // CPU decode: [bytes/threads, weights/threads, layers] → [1/B_thread, c_w, t_layer]
  // CPU prefill: [dense FLOPs/threads per family ×3, expert FLOPs/threads, Mamba-1 / Mamba-2 SSM elems/threads]
  //   → [1/F_f16, 1/F_q8, 1/F_quant, 1/F_expert, c_ssm1, c_ssm2]
  const cpuDecode: Observation[] = [];
  const cpuPrefill: Observation[] = [];
  for (const r of cpuRows) {
    const m = model(r.model_id, r.weights);
    if (!m) continue;
    cpuDecode.push({ features: cpuDecodeFeatures(decodeBytes(m, cpuDecodeCtx(r)), m.traffic.activeParams, m.shape.layers.length, r.threads), time: 1 / r.decode_p10_tps });
    cpuPrefill.push({ features: cpuPrefillFeatures(cpuPrefillWork(m, r.prefill_tokens), weightFamily(r.weights), r.threads), time: 1 / r.prefill_tps });
  }
  const cd = fitNonNegative(cpuDecode, 3);
  rms["cpu decode"] = cd.rmsRelError;
  const cp = fitNonNegative(cpuPrefill, 6);
  rms["cpu prefill"] = cp.rmsRelError;
  const prefillRate: Partial<Record<WeightFamily, number>> = {};
  FAMILIES.forEach((f, i) => {
    const x = cp.x[i] ?? 0;
    if (x > 0) prefillRate[f] = 1 / x;
  });
  const fallbackRate = prefillRate.quant ?? prefillRate.q8 ?? prefillRate.f16 ?? 1e9;
  const expertX = cp.x[3] ?? 0;

  // RAM efficiency: published CPU decode rows, read as bandwidth-bound (bytes × tok/s / RAM GB/s).
  const ramEff: number[] = [];
  const gpuDecode: Observation[] = [];
  const gpuPrefill = new Map<GpuBackendGroup, Observation[]>();
  const simdRows: { readonly r: PublishedRow; readonly m: RowModel; readonly simd: SimdLevel; readonly threads: number }[] = [];
  for (const r of published) {
    const m = model(r.model_id, r.quant);
    if (!m) continue;
    if (r.backend === "cpu") {
      if (r.test.startsWith("tg") && r.ram_gbs !== undefined) ramEff.push((decodeBytes(m, publishedDecodeCtx(r.test, r.depth)) * r.tps) / (r.ram_gbs * 1e9));
      if (r.test.startsWith("pp") && r.simd !== undefined && r.threads !== undefined) simdRows.push({ r, m, simd: r.simd, threads: r.threads });
      continue;
    }
    if (r.year < CURRENT_FROM_YEAR) continue;
    const gpu = simulateHardware(r.device).gpus[0];
    const bw = gpu?.bandwidthGBs?.value;
    const peak = Math.max(gpu?.fp16Tflops?.value ?? 0, gpu?.fp32Tflops?.value ?? 0);
    const group = backendGroup(r.backend);
    if (r.test.startsWith("tg")) {
      if (!bw) continue;
      const [b, layers] = gpuDecodeFeatures(decodeBytes(m, publishedDecodeCtx(r.test, r.depth)), bw, m.shape.layers.length);
      const features = [...GROUPS.map((g) => (g === group ? b : 0)), layers];
      gpuDecode.push({ features, time: 1 / r.tps });
    } else {
      if (peak <= 0) continue;
      const list = gpuPrefill.get(group) ?? [];
      list.push({ features: [prefillFlops(m, promptLen(r.test), r.depth) / (peak * 1e12)], time: 1 / r.tps });
      gpuPrefill.set(group, list);
    }
  }
  const gd = fitNonNegative(gpuDecode, GROUPS.length + 1);
  rms["gpu decode"] = gd.rmsRelError;
  const decodeEff: Partial<Record<GpuBackendGroup, number>> = {};
  GROUPS.forEach((g, i) => {
    const x = gd.x[i] ?? 0;
    if (x > 0) decodeEff[g] = 1 / x;
  });
  const prefillEff: Partial<Record<GpuBackendGroup, number>> = {};
  for (const g of GROUPS) {
    const obs = gpuPrefill.get(g);
    if (!obs?.length) continue;
    const fit = fitNonNegative(obs, 1);
    rms[`gpu prefill ${g}`] = fit.rmsRelError;
    prefillEff[g] = 1 / (fit.x[0] ?? Number.POSITIVE_INFINITY);
  }
  const cudaDec = decodeEff.cuda ?? 0.6;
  const cudaPp = prefillEff.cuda ?? 1;
  const cpuBase: CpuConstants = {
    bytesPerSecPerThread: 1 / (cd.x[0] || Number.POSITIVE_INFINITY),
    secPerWeightPerThread: cd.x[1] ?? 0,
    secPerLayer: cd.x[2] ?? 0,
    prefillFlopsPerThread: { f16: prefillRate.f16 ?? fallbackRate, q8: prefillRate.q8 ?? fallbackRate, quant: fallbackRate },
    // no MoE row (or a free expert term): experts run at the quantized dense rate
    prefillExpertFlopsPerThread: expertX > 0 ? 1 / expertX : fallbackRate,
    prefillSimdFactor: { avx512: 1, avx2: 1, neon: 1 },
    prefillSecPerSsmElemPerThread: { mamba1: cp.x[4] ?? 0, mamba2: cp.x[5] ?? 0 },
    ramEfficiency: ramEff.length ? ramEff.reduce((a, b) => a + b, 0) / ramEff.length : 1,
  };
  // SIMD factor: geometric mean of measured / predicted prompt speed of published CPU rows of that level
  const simdFactor = (level: SimdLevel): number => {
    const logs = simdRows
      .filter((x) => x.simd === level)
      .map((x) => Math.log(x.r.tps * cpuPrefillSeconds(cpuBase, cpuPrefillWork(x.m, promptLen(x.r.test)), weightFamily(x.r.quant), x.threads)));
    return logs.length ? Math.exp(logs.reduce((a, b) => a + b, 0) / logs.length) : 1;
  };
  const cpu: CpuConstants = { ...cpuBase, prefillSimdFactor: { avx512: 1, avx2: simdFactor("avx2"), neon: simdFactor("neon") } };
  return {
    constants: {
      cpu,
      gpu: {
        decodeEfficiency: { cuda: cudaDec, metal: decodeEff.metal ?? cudaDec, other: decodeEff.other ?? cudaDec },
        secPerLayer: gd.x[GROUPS.length] ?? 0,
        prefillEfficiency: { cuda: cudaPp, metal: prefillEff.metal ?? cudaPp, other: prefillEff.other ?? cudaPp },
      },
    },
    skipped,
    rms,
  };
}

export interface RowPrediction {
  readonly label: string;
  readonly test: "decode" | "prefill";
  readonly measured: number;
  readonly estimated: number;
  /** (estimated − measured) / measured, in percent. */
  readonly errorPct: number;
}

function prediction(label: string, test: RowPrediction["test"], measured: number, estimated: number): RowPrediction {
  return { label, test, measured, estimated, errorPct: ((estimated - measured) / measured) * 100 };
}

/** A machine with only a CPU: `threads` and the RAM bandwidth, for CPU rows. */
export function cpuMachine(threads: number, ramGBs: number | undefined, flags: readonly string[] = []): Hardware {
  const src = <T>(value: T) => ({ value, source: "override" as const });
  return {
    os: "linux",
    cpu: { brand: src("CPU"), arch: "x64", cores: src(threads), threads: src(threads), flags },
    memory: { totalBytes: src(1024 ** 4), availableBytes: src(1024 ** 4), ...(ramGBs !== undefined && { bandwidthGBs: src(ramGBs) }) },
    gpus: [],
    backend: "cpu",
    notes: [],
    detectedAt: "1970-01-01T00:00:00.000Z",
  };
}

/** Each CPU row through the whole path (sizing placement → estimateSpeed); decode against decode_p10_tps. */
export function predictCpuRows(rows: readonly CpuMeasurement[], k: SpeedConstants, sizer: Sizer = createSizer()): RowPrediction[] {
  const out: RowPrediction[] = [];
  for (const r of rows) {
    const entry = findModel(r.model_id);
    const q = parseQuantName(r.weights);
    if (!entry || entry.kind === "diffusion" || !q) continue;
    const shape = shapeOf(entry);
    const hw = cpuMachine(r.threads, undefined, r.cpu_flags.split(/\s+/));
    const est = sizer.estimate(shape, q, { ...DEFAULT_RUN_SETTINGS, ctx: 2048 }, hw, { device: "cpu" });
    const dec = estimateSpeed(shape, est, hw, { contexts: [cpuDecodeCtx(r)], threads: r.threads, constants: k });
    const pre = estimateSpeed(shape, est, hw, { contexts: [r.prefill_tokens], threads: r.threads, constants: k });
    const label = `${r.model_id} ${r.weights} CPU ${r.threads}t (load ${r.loadavg_1m})`;
    out.push(prediction(label, "decode", r.decode_p10_tps, dec.decodeTps));
    out.push(prediction(label, "prefill", r.prefill_tps, pre.prefillTps));
  }
  return out;
}

/** The simulated machine with its GPUs on the row's backend (an NVIDIA card measured with Vulkan). */
function onBackend(hw: Hardware, backend: Backend): Hardware {
  return { ...hw, backend, gpus: hw.gpus.map((g) => ({ ...g, backend })) };
}

/** Each published row through the whole path on the simulated device. */
export function predictPublishedRows(rows: readonly PublishedRow[], k: SpeedConstants, sizer: Sizer = createSizer()): RowPrediction[] {
  const out: RowPrediction[] = [];
  for (const r of rows) {
    const entry = findModel(r.model_id);
    const q = parseQuantName(r.quant);
    if (!entry || entry.kind === "diffusion" || !q) continue;
    const shape = shapeOf(entry);
    const flags = r.simd === "avx512" ? ["avx2", "avx512f"] : r.simd === "neon" ? ["neon"] : ["avx2"];
    const hw = r.backend === "cpu" ? cpuMachine(r.threads ?? 1, r.ram_gbs, flags) : onBackend(simulateHardware(r.device, { ramGb: 64 }), r.backend);
    const est = sizer.estimate(shape, q, { ...DEFAULT_RUN_SETTINGS, ctx: 2048 }, hw, r.backend === "cpu" ? { device: "cpu" } : {});
    const decode = r.test.startsWith("tg");
    const ctx = decode ? publishedDecodeCtx(r.test, r.depth) : promptLen(r.test);
    const s = estimateSpeed(shape, est, hw, {
      contexts: [ctx], constants: k, ...(r.threads !== undefined && { threads: r.threads }), ...(!decode && r.depth && { prefillDepth: r.depth }),
    });
    const old = r.backend !== "cpu" && r.year < CURRENT_FROM_YEAR ? ` (${r.year}, not fitted)` : "";
    out.push(prediction(`${r.device} ${r.model_id} ${r.quant} ${r.test}${r.depth ? `@d${r.depth}` : ""}${old}`, decode ? "decode" : "prefill", r.tps, decode ? s.decodeTps : s.prefillTps));
  }
  return out;
}
