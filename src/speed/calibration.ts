// Fits the speed model's constants to the two tables (this machine's CPU measurements and the
// published GPU results) and predicts each row with the full estimate path, for the tests and
// `npm run bench:speed`. Pure: the caller reads the files and passes their text through
// measurements.ts.

import { requireGpu } from "../hardware/match.js";
import { simulateHardware } from "../hardware/simulate.js";
import type { Backend, Hardware } from "../hardware/types.js";
import { findModel, shapeOf } from "../models/catalog.js";
import type { ModelShape } from "../models/shape.js";
import { parseQuantName } from "../sizing/quant-mix.js";
import { createSizer, type Sizer } from "../sizing/search.js";
import { DEFAULT_RUN_SETTINGS } from "../sizing/types.js";
import { typedTensors } from "../sizing/weights.js";
import { estimateSpeed, gpuPartWork } from "./estimate.js";
import { fitNonNegative, rmsRelError, type Observation } from "./fit.js";
import type { CpuMeasurement, PublishedRow } from "./measurements.js";
import {
  CURRENT_BUILD_YEAR, DECODE_LAYOUT, DEQUANT_FAMILIES, DEVICE_CLASSES, LAUNCH_GROUPS, PREFILL_LAYOUT, PREFILL_SLOTS, cpuDecodeFeatures, cpuPrefillFeatures, cpuPrefillSeconds,
  decodeGroup, gpuDecodeFeatures, gpuPrefillFeatures, prefillGroup,
  type CpuConstants, type CpuPrefillWork, type DeviceClass, type GpuConstants, type GpuPartWork, type LaunchGroup, type PrefillSlot, type SimdLevel, type SpeedConstants,
} from "./model.js";
import { kvReadPerLayer, prefillFlopsPerToken, ssmElemsPerLayer, tokenTraffic, weightFamily, type TokenTraffic, type WeightFamily } from "./traffic.js";

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
  return prefillFlopsPerToken(m.shape, m.traffic, prompt, depth);
}

function cpuPrefillWork(m: RowModel, prompt: number): CpuPrefillWork {
  const expertFlops = 2 * sum(m.traffic.layerExpertParams);
  return { denseFlops: prefillFlops(m, prompt) - expertFlops, expertFlops, ssmElems: sum(ssmElemsPerLayer(m.shape)), mamba2: (m.shape.ssm?.nHead ?? 0) > 0 };
}

/** Rows of builds before this year fit their own launch and prompt groups (src/speed/model.ts, LAUNCH_GROUPS). */
export const CURRENT_FROM_YEAR = CURRENT_BUILD_YEAR;

export interface FitReport {
  readonly constants: SpeedConstants;
  /** Rows left out, and why. */
  readonly skipped: readonly string[];
  readonly rms: Readonly<Record<string, number>>;
}

const FAMILIES: readonly WeightFamily[] = ["f16", "q8", "quant"];

/** The simulated machine a published GPU row ran on: the device on the row's backend, with its largest memory. */
export function publishedMachine(r: PublishedRow): Hardware {
  if (r.backend === "cpu") {
    const flags = r.simd === "avx512" ? ["avx2", "avx512f"] : r.simd === "neon" ? ["neon"] : ["avx2"];
    return cpuMachine(r.threads ?? 1, r.ram_gbs, flags);
  }
  const spec = requireGpu(r.device).spec;
  // a shared-memory chip with its largest memory option (the rows' models fit there); else a 64 GB host
  const ramGb = spec.unified ? Math.max(...spec.memoryGB) : 64;
  return onBackend(simulateHardware(spec.name, { ramGb }), r.backend);
}

/** A published GPU row's per-token work on each GPU part, through the sizing placement; undefined when it does not fit on the GPU. */
const workCache = new WeakMap<PublishedRow, GpuPartWork[] | undefined>();

export function publishedWork(r: PublishedRow, sizer: Sizer = createSizer()): GpuPartWork[] | undefined {
  if (workCache.has(r)) return workCache.get(r);
  const w = computeWork(r, sizer);
  workCache.set(r, w);
  return w;
}

function computeWork(r: PublishedRow, sizer: Sizer): GpuPartWork[] | undefined {
  const entry = findModel(r.model_id);
  const q = parseQuantName(r.quant);
  if (!entry || entry.kind === "diffusion" || !q || r.backend === "cpu") return undefined;
  const shape = shapeOf(entry);
  const hw = publishedMachine(r);
  const est = sizer.estimate(shape, q, { ...DEFAULT_RUN_SETTINGS, ctx: 2048 }, hw);
  if (est.placement.verdict !== "gpu") return undefined;
  const decode = r.test.startsWith("tg");
  const ctx = decode ? publishedDecodeCtx(r.test, r.depth) : promptLen(r.test);
  const work = gpuPartWork(shape, est, hw, ctx, { buildYear: r.year, ...(r.flags ? { flags: [r.flags] } : {}), ...(r.ubatch ? { ubatch: r.ubatch } : {}), ...(decode && r.ubatch === 1 ? { logitsPerStep: false } : {}), ...(!decode && r.depth ? { prefillDepth: r.depth } : {}) });
  return work.length > 0 && work.every((w) => w.bandwidthGBs > 0 && w.matrixTflops > 0) ? work : undefined;
}

const addVec = (a: readonly number[], b: readonly number[]): number[] => a.map((x, i) => x + (b[i] ?? 0));

/** Fallbacks for groups without rows: the older generation takes the current one's figure and vice versa; SYCL and ROCm take Vulkan's. */
const GROUP_FALLBACK: Readonly<Record<LaunchGroup, readonly LaunchGroup[]>> = {
  cuda: ["cuda-2024", "vulkan"],
  "cuda-2024": ["cuda"],
  metal: ["metal-2024"],
  "metal-2024": ["metal"],
  vulkan: ["rocm", "vulkan-nv"],
  "vulkan-nv": ["cuda", "vulkan"],
  rocm: ["vulkan"],
  sycl: ["vulkan", "rocm"],
  "sycl-dmmv": ["sycl", "vulkan"],
  "vulkan-nv-turing": ["vulkan", "vulkan-nv"],
};

const medianOf = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? Number.NaN : s.length % 2 ? (s[m] ?? Number.NaN) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

/** GPU terms from published rows of full GPU placements. */
function fitGpu(published: readonly PublishedRow[], rms: Record<string, number>, skipped: string[], sizer: Sizer): GpuConstants {
  const decodeObs: Observation[] = [];
  const prefillObs: Observation[] = [];
  // each source weighs about as much as any other, whatever its row count: a 50-row table must not
  // decide the constants alone (weight 1/√rows per row, so a source counts √rows)
  const perSource = new Map<string, number>();
  for (const r of published) perSource.set(r.source_url, (perSource.get(r.source_url) ?? 0) + 1);
  const weightOf = (r: PublishedRow): number => 1 / Math.sqrt(perSource.get(r.source_url) ?? 1);
  const seenCls = new Set<DeviceClass>();
  const seenDecodeGroup = new Set<LaunchGroup>();
  const seenPrefill = new Set<string>();
  for (const r of published) {
    if (r.backend === "cpu") continue;
    const work = publishedWork(r, sizer);
    if (!work) {
      skipped.push(`${r.device} ${r.model_id} ${r.quant} ${r.test}: not a full GPU placement here (or unknown device / model)`);
      continue;
    }
    if (r.test.startsWith("tg")) {
      const f = work.map(gpuDecodeFeatures).reduce(addVec);
      // the class slots hold bytes / spec bandwidth: that much is the physical floor (offset), and
      // the fit finds 1 / efficiency − 1 ≥ 0 there
      const floor = f.slice(0, DEVICE_CLASSES.length).reduce((a, b) => a + b, 0);
      decodeObs.push({ features: f, time: 1 / r.tps, weight: weightOf(r), offset: floor });
      for (const w of work) {
        seenCls.add(w.cls);
        seenDecodeGroup.add(decodeGroup(w.group));
      }
    } else {
      prefillObs.push({ features: work.map(gpuPrefillFeatures).reduce(addVec), time: 1 / r.tps, weight: weightOf(r) });
      for (const w of work) seenPrefill.add(`${prefillGroup(w.group)}/${w.slot}`);
    }
  }
  const nc = DEVICE_CLASSES.length;
  const nd = DEQUANT_FAMILIES.length;
  const nl = LAUNCH_GROUPS.length;
  // Weak priors keep groups with few rows physical: decode reaches about 75 % of the spec bandwidth
  // and a layer costs about 20 µs of launches and syncs (llama.cpp issues ~10–20 kernels per layer
  // at a few µs each). A prior weighs as much as a 20–30 % miss on one row, so data overrides it.
  // layout (DECODE_LAYOUT): classes, dequant families, gather per group, MoE layers, per-layer per
  // group, per-token per group, per-layer per class, traffic per group. The last two have no
  // prior (their physical value without rows is 0, which non-negativity already holds them to).
  const iGather = DECODE_LAYOUT.gather;
  const iMoeLayer = DECODE_LAYOUT.moeLayer;
  const iLayer = DECODE_LAYOUT.layer;
  const iToken = DECODE_LAYOUT.token;
  const nDecode = DECODE_LAYOUT.length;
  const prior = (j: number, value: number, weight: number): Observation => ({ features: Array.from({ length: nDecode }, (_, i) => (i === j ? 1 : 0)), time: value, weight });
  const priors = [
    ...DEVICE_CLASSES.map((_, i) => prior(i, 1 / 0.75 - 1, 0.3)),
    ...LAUNCH_GROUPS.map((_, i) => prior(iLayer + i, 2e-5, 0.1)),
    // a token about 0.2 ms of graph, sampling and host synchronisation
    ...LAUNCH_GROUPS.map((_, i) => prior(iToken + i, 2e-4, 0.1)),
    // dequantization about 1 vector FLOP per weight: decode kernels are built to hide it behind
    // the memory traffic, so only rows that clearly need more move it (held out, a free per-type
    // term fitted one source's kernels and missed the others: data/speed/README.md)
    ...DEQUANT_FAMILIES.map((_, i) => prior(nc + i, 1, 1)),
    // expert gather about 10 % extra traffic on the routed experts
    ...LAUNCH_GROUPS.map((_, i) => prior(iGather + i, 0.1, 0.3)),
  ];
  const d = fitNonNegative([...decodeObs, ...priors], nDecode);
  rms["gpu decode"] = rmsRelError(decodeObs, d.x);
  const ns = PREFILL_SLOTS.length;
  const P = PREFILL_LAYOUT;
  const p = fitNonNegative(prefillObs, P.length);
  rms["gpu prefill"] = rmsRelError(prefillObs, p.x);
  const x = (v: readonly number[], i: number): number => v[i] ?? 0;

  // bandwidth efficiency: 1 / a, at most 1 (the physical peak); classes without rows take the median
  const eff: Partial<Record<DeviceClass, number>> = {};
  DEVICE_CLASSES.forEach((c, i) => {
    if (seenCls.has(c)) eff[c] = 1 / (1 + x(d.x, i));
  });
  const effMedian = medianOf(Object.values(eff)) || 0.7;
  const perLayer: Partial<Record<LaunchGroup, number>> = {};
  LAUNCH_GROUPS.forEach((l, i) => {
    if (seenDecodeGroup.has(l)) perLayer[l] = x(d.x, iLayer + i);
  });
  const matrix: Partial<Record<LaunchGroup, Partial<Record<PrefillSlot, number>>>> = {};
  LAUNCH_GROUPS.forEach((l, i) => {
    const m: Partial<Record<PrefillSlot, number>> = {};
    PREFILL_SLOTS.forEach((slot, j) => {
      const a = x(p.x, ns * i + j);
      if (seenPrefill.has(`${l}/${slot}`)) m[slot] = Math.min(1, a > 0 ? 1 / a : 1);
    });
    matrix[l] = m;
  });
  const resolve = <T>(l: LaunchGroup, get: (g: LaunchGroup) => T | undefined, last: T): T => {
    const own = get(l);
    if (own !== undefined) return own;
    for (const f of GROUP_FALLBACK[l]) {
      const v = get(f);
      if (v !== undefined) return v;
    }
    return last;
  };
  // a slot without rows takes its group's nearest slot: BF16 → F16 → quantized; F16 → quantized →
  // BF16, because BF16 GEMMs are native only on some devices and say nothing of F16 ones (ROCm's
  // only BF16 rows, Strix Halo MoE models at 7 % of the WMMA rate, had made every F16 prompt on
  // ROCm 4× slower than its quantized one)
  const SLOT_FALLBACK: Readonly<Record<PrefillSlot, readonly PrefillSlot[]>> = { f16: ["f16", "quant", "bf16"], bf16: ["bf16", "f16", "quant"], quant: ["quant", "f16", "bf16"] };
  const matrixOf = (l: LaunchGroup, slot: PrefillSlot): number | undefined => SLOT_FALLBACK[slot].map((s) => matrix[l]?.[s]).find((v) => v !== undefined);
  const matrixMedian = medianOf(LAUNCH_GROUPS.flatMap((l) => PREFILL_SLOTS.map((s) => matrix[l]?.[s]).filter((v): v is number => v !== undefined))) || 0.5;
  return {
    bandwidthEfficiency: Object.fromEntries(DEVICE_CLASSES.map((c) => [c, eff[c] ?? effMedian])) as Record<DeviceClass, number>,
    dequantFlopsPerWeight: Object.fromEntries(DEQUANT_FAMILIES.map((f, i) => [f, x(d.x, nc + i)])) as GpuConstants["dequantFlopsPerWeight"],
    expertGatherFactor: Object.fromEntries(LAUNCH_GROUPS.map((l, i) => [l, x(d.x, iGather + i)])) as Record<LaunchGroup, number>,
    secPerMoeLayer: x(d.x, iMoeLayer),
    secPerLayer: Object.fromEntries(LAUNCH_GROUPS.map((l) => [l, resolve(l, (g) => perLayer[g], 0)])) as Record<LaunchGroup, number>,
    secPerToken: Object.fromEntries(LAUNCH_GROUPS.map((l, i) => [l, seenDecodeGroup.has(l) ? x(d.x, iToken + i) : resolve(l, (g) => (seenDecodeGroup.has(g) ? x(d.x, iToken + LAUNCH_GROUPS.indexOf(g)) : undefined), 2e-4)])) as Record<LaunchGroup, number>,
    secPerLayerClass: Object.fromEntries(DEVICE_CLASSES.map((c, i) => [c, seenCls.has(c) ? x(d.x, DECODE_LAYOUT.layerClass + i) : 0])) as Record<DeviceClass, number>,
    trafficFactor: Object.fromEntries(
      LAUNCH_GROUPS.map((l, i) => [l, seenDecodeGroup.has(l) ? x(d.x, DECODE_LAYOUT.traffic + i) : resolve(l, (g) => (seenDecodeGroup.has(g) ? x(d.x, DECODE_LAYOUT.traffic + LAUNCH_GROUPS.indexOf(g)) : undefined), 0)]),
    ) as Record<LaunchGroup, number>,
    matrixEfficiency: Object.fromEntries(
      LAUNCH_GROUPS.map((l) => [l, Object.fromEntries(PREFILL_SLOTS.map((s) => [s, resolve(l, (g) => matrixOf(g, s), matrixMedian)]))]),
    ) as GpuConstants["matrixEfficiency"],
    expertMatmulFactor: x(p.x, P.expert),
    attentionFactor: x(p.x, P.attention),
    matrixClassFactor: Object.fromEntries(DEVICE_CLASSES.map((c, i) => [c, x(p.x, P.cls + i)])) as Record<DeviceClass, number>,
    expertKernelFactor: x(p.x, P.perExpert),
    promptReadFactor: x(p.x, P.read),
    activationFactor: x(p.x, P.activation),
    joulesPerFlop: x(p.x, P.power),
    appleEarlyFactor: x(p.x, P.appleEarly),
    rocblasGfx1151Factor: x(p.x, P.rocblas),
  };
}

/** Fits every constant. CPU rows use the least-disturbed decode steps (decode_p10_tps, see data/speed/README.md). */
export function fitSpeedConstants(cpuRows: readonly CpuMeasurement[], published: readonly PublishedRow[], sizer: Sizer = createSizer()): FitReport {
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
  const ramEff: { readonly eff: number; readonly threads: number; readonly ramGBs: number }[] = [];
  const simdRows: { readonly r: PublishedRow; readonly m: RowModel; readonly simd: SimdLevel; readonly threads: number }[] = [];
  for (const r of published) {
    if (r.backend !== "cpu") continue;
    const m = model(r.model_id, r.quant);
    if (!m) continue;
    if (r.test.startsWith("tg") && r.ram_gbs !== undefined) ramEff.push({ eff: (decodeBytes(m, publishedDecodeCtx(r.test, r.depth)) * r.tps) / (r.ram_gbs * 1e9), threads: r.threads ?? 1, ramGBs: r.ram_gbs });
    if (r.test.startsWith("pp") && r.simd !== undefined && r.threads !== undefined) simdRows.push({ r, m, simd: r.simd, threads: r.threads });
  }
  // only rows whose threads could stream more than the RAM delivers say what the RAM reaches
  const threadBw = 1 / (cd.x[0] || Number.POSITIVE_INFINITY);
  const ramBound = ramEff.filter((e) => e.threads * threadBw > e.ramGBs * 1e9).map((e) => e.eff);
  const cpuBase: CpuConstants = {
    bytesPerSecPerThread: 1 / (cd.x[0] || Number.POSITIVE_INFINITY),
    secPerWeightPerThread: cd.x[1] ?? 0,
    secPerLayer: cd.x[2] ?? 0,
    prefillFlopsPerThread: { f16: prefillRate.f16 ?? fallbackRate, q8: prefillRate.q8 ?? fallbackRate, quant: fallbackRate },
    // no MoE row (or a free expert term): experts run at the quantized dense rate
    prefillExpertFlopsPerThread: expertX > 0 ? 1 / expertX : fallbackRate,
    prefillSimdFactor: { avx512: 1, avx2: 1, neon: 1 },
    prefillSecPerSsmElemPerThread: { mamba1: cp.x[4] ?? 0, mamba2: cp.x[5] ?? 0 },
    ramEfficiency: ramBound.length ? ramBound.reduce((a, b) => a + b, 0) / ramBound.length : 1,
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
      gpu: fitGpu(published, rms, skipped, sizer),
      ranges: {},
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
  return rows.flatMap((r) => predictCpu(r, k, sizer));
}

/** One CPU row's decode and prefill estimates (none for a model the catalog lacks). */
export function predictCpu(r: CpuMeasurement, k: SpeedConstants, sizer: Sizer = createSizer()): RowPrediction[] {
  const entry = findModel(r.model_id);
  const q = parseQuantName(r.weights);
  if (!entry || entry.kind === "diffusion" || !q) return [];
  const shape = shapeOf(entry);
  const hw = cpuMachine(r.threads, undefined, r.cpu_flags.split(/\s+/));
  const est = sizer.estimate(shape, q, { ...DEFAULT_RUN_SETTINGS, ctx: 2048 }, hw, { device: "cpu" });
  const dec = estimateSpeed(shape, est, hw, { contexts: [cpuDecodeCtx(r)], threads: r.threads, constants: k });
  const pre = estimateSpeed(shape, est, hw, { contexts: [r.prefill_tokens], threads: r.threads, constants: k });
  const label = `${r.model_id} ${r.weights} CPU ${r.threads}t (load ${r.loadavg_1m})`;
  return [prediction(label, "decode", r.decode_p10_tps, dec.decodeTps), prediction(label, "prefill", r.prefill_tps, pre.prefillTps)];
}

/** The simulated machine with its GPUs on the row's backend (an NVIDIA card measured with Vulkan). */
function onBackend(hw: Hardware, backend: Backend): Hardware {
  return { ...hw, backend, gpus: hw.gpus.map((g) => ({ ...g, backend })) };
}

/** Each published row through the whole path on the simulated device. */
export function predictPublishedRows(rows: readonly PublishedRow[], k: SpeedConstants, sizer: Sizer = createSizer()): RowPrediction[] {
  const out: RowPrediction[] = [];
  for (const r of rows) {
    const p = predictPublished(r, k, sizer);
    if (p) out.push(p);
  }
  return out;
}

/** One published row's estimate on its simulated device, with the row's build year; undefined for an unknown model. */
export function predictPublished(r: PublishedRow, k: SpeedConstants, sizer: Sizer = createSizer()): RowPrediction | undefined {
  const entry = findModel(r.model_id);
  const q = parseQuantName(r.quant);
  if (!entry || entry.kind === "diffusion" || !q) return undefined;
  const shape = shapeOf(entry);
  const hw = publishedMachine(r);
  const est = sizer.estimate(shape, q, { ...DEFAULT_RUN_SETTINGS, ctx: 2048 }, hw, r.backend === "cpu" ? { device: "cpu" } : {});
  const decode = r.test.startsWith("tg");
  const ctx = decode ? publishedDecodeCtx(r.test, r.depth) : promptLen(r.test);
  const s = estimateSpeed(shape, est, hw, {
    contexts: [ctx], constants: k, buildYear: r.year, ...(r.flags && { flags: [r.flags] }), ...(r.ubatch && { ubatch: r.ubatch }), ...(decode && r.ubatch === 1 && { logitsPerStep: false }), ...(r.threads !== undefined && { threads: r.threads }), ...(!decode && r.depth && { prefillDepth: r.depth }),
  });
  const old = r.backend !== "cpu" && r.year < CURRENT_FROM_YEAR ? ` (${r.year} build)` : "";
  return prediction(`${r.device} ${r.model_id} ${r.quant} ${r.test}${r.depth ? `@d${r.depth}` : ""}${old}`, decode ? "decode" : "prefill", r.tps, decode ? s.decodeTps : s.prefillTps);
}
