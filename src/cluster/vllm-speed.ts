// Decode and prefill tokens/s of a vLLM plan (tensor parallel inside a host × pipeline stages
// across hosts). Each rank reads its share of the weights and of the KV cache with the
// single-machine speed model's own GPU terms (src/speed/model.ts: bytes over the device class's
// effective bandwidth, never above spec; prompt FLOPs at the matrix rate); what vLLM adds:
//   - two all-reduces per layer over the host's GPU link, of the step's hidden state (interconnect.ts);
//   - a fixed cost per engine step (scheduler, sampling, Python) and per layer (the small kernels:
//     norms, rotary, cache writes, attention over the batch), fitted to published vLLM runs
//     (data/vllm/throughput.csv, src/cluster/vllm-speed-check.ts);
//   - between pipeline stages, the hidden state over the network (link.ts), and the sampled
//     tokens back to the head.
// One sequence goes through the stages one after another: its decode gets no faster from PP, and
// each stage idles (PP − 1) / PP of the time (the pipeline bubble); only PP or more sequences at
// once keep every stage busy, which `filledTps` states.
import type { Gpu } from "../hardware/types.js";
import type { ModelShape } from "../models/shape.js";
import { gpuWork } from "../speed/estimate.js";
import { SPEED_CONSTANTS } from "../speed/constants.js";
import { gpuDecodeSeconds, gpuPrefillSeconds, type SpeedConstants } from "../speed/model.js";
import { trafficFor, type TokenTraffic } from "../speed/traffic.js";
import { allReduceSeconds, interconnectOf, type Interconnect } from "./interconnect.js";
import type { Link } from "./link.js";
import { defaultBatchedTokens, quantBytesPerWeight, stageLayers, vllmGpus, type VllmDtype, type VllmPlan } from "./vllm-plan.js";

/** Weight formats the speed model knows: the plan's dtypes (INT4: 4-bit AWQ/GPTQ checkpoints in the published rows). */
export type VllmWeights = VllmDtype;

const BF16 = 2;

/** The published INT4 rows' layout: AWQ/GPTQ, groups of 128 with a 4-bit zero point each (4.16 bits per weight). */
const AWQ_128 = { groupSize: 128, scope: "linear", zeroPoints: true } as const;

/**
 * Bytes per weight relative to BF16 in the decoder layers, as the plan sizes them
 * (quantBytesPerWeight). The LM head stays BF16 in all three (vLLM's ParallelLMHead is not
 * quantized), and only one embedding row is read per token.
 */
const layerBytes = (w: VllmWeights): number => quantBytesPerWeight(w, AWQ_128) / BF16;

/**
 * vLLM's fixed costs, least-squares fitted to the decode rows of data/vllm/throughput.csv marked
 * `fit` (Lambda's vLLM 0.6 runs on A100/H100 SXM, TP 1–8; `npm run build && node
 * scripts/cluster/vllm-speed-check.mjs` prints the fit, test/cluster/vllm-speed.test.ts checks these
 * are it): seconds per engine step, and per decoder layer per step.
 */
export const VLLM_STEP_SEC = 0.000288;
export const VLLM_LAYER_SEC = 0.0000372;

/** One pipeline stage: the GPU its ranks run on (the slowest of the host's), its layers, the link between its GPUs. */
export interface VllmStageSetup {
  readonly gpu: Gpu;
  readonly layers: readonly number[];
  readonly output: boolean;
  readonly interconnect: Interconnect;
}

export interface VllmSpeedSetup {
  readonly shape: ModelShape;
  readonly tp: number;
  readonly weights: VllmWeights;
  readonly stages: readonly VllmStageSetup[];
  /** Between stages (hosts); unused with one stage. */
  readonly link?: Link;
  /** The prompt chunk one engine step takes (max_num_batched_tokens). */
  readonly batchedTokens: number;
  readonly constants?: SpeedConstants;
  readonly stepSec?: number;
  readonly layerSec?: number;
}

/** Where one decode step's time goes, in seconds. */
export interface VllmStepParts {
  /** Weights and KV cache read by each stage's ranks (the device model), summed over stages. */
  readonly compute: number;
  /** Per-layer fixed cost, summed over stages. */
  readonly layers: number;
  readonly allReduce: number;
  readonly network: number;
  /** Per-step fixed cost. */
  readonly step: number;
}

export interface VllmSpeedAt {
  readonly ctx: number;
  /** One sequence: tokens/s it receives. */
  readonly decodeTps: number;
  /** A prompt of `ctx` tokens. */
  readonly prefillTps: number;
  readonly decode: VllmStepParts;
  readonly prefill: VllmStepParts;
  /** With PP > 1: tokens/s over PP sequences at once, every stage busy (equals decodeTps at PP 1). */
  readonly filledTps: number;
}


/** The per-rank share of a BF16 checkpoint's traffic: weights split by TP, scaled to the format. */
function rankTraffic(t: TokenTraffic, tp: number, w: VllmWeights): TokenTraffic {
  const f = layerBytes(w) / tp;
  return {
    layerBytes: t.layerBytes.map((b) => b * f),
    outputBytes: t.outputBytes / tp,
    layerParams: t.layerParams.map((p) => p / tp),
    layerExpertParams: t.layerExpertParams.map((p) => p / tp),
    outputParams: t.outputParams / tp,
    activeParams: t.activeParams / tp,
  };
}

/**
 * The share of the KV cache each rank reads: its K/V heads, split by TP, at least one (vLLM
 * replicates them past the head count); MLA: all of it, every rank caches and reads the whole latent.
 */
function kvShare(shape: ModelShape, tp: number): number {
  if (shape.mla) return 1;
  const kv = Math.max(0, ...shape.layers.filter((l) => l.mixer === "attention").map((l) => l.nHeadKv));
  return kv > 0 ? Math.max(1 / tp, 1 / kv) : 1 / tp;
}

/** Seconds of one link hop carrying `bytes` one way (half a round trip + bytes over the bandwidth). */
function hopSeconds(link: Link | undefined, bytes: number): number {
  return link ? link.rttSec / 2 + bytes / link.bytesPerSec : 0;
}

interface StageTimes {
  readonly compute: number;
  readonly layers: number;
  readonly allReduce: number;
}

/**
 * The shape whose per-head K/V read is what vLLM's decode reads of the cache. MLA: vLLM's MLA
 * decode attends over the cached latent itself (576 elements a cell: kv_lora_rank, read as K and V,
 * and the rope key), one "head" of that width; the other models read as they are. The single-machine
 * traffic model's kvReadPerLayer (src/speed/traffic.ts) reads per-head K and V for every shape,
 * MLA included, and its fitted constants rest on that (one MLA row of data/speed); this keeps the
 * latent read to the vLLM plan.
 */
function decodeKvShape(shape: ModelShape): ModelShape {
  const m = shape.mla;
  if (!m) return shape;
  const latent = m.kvLoraRank + m.qkRopeHeadDim;
  const { mla: _, headDimKSwa: _k, headDimVSwa: _v, ...rest } = shape;
  return { ...rest, headDimK: latent, headDimV: 0, layers: shape.layers.map((l) => (l.mixer === "attention" && l.nHeadKv > 0 ? { ...l, nHeadKv: 1 } : l)) };
}

function stageDecode(s: VllmSpeedSetup, traffic: TokenTraffic, st: VllmStageSetup, ctx: number, batch: number): StageTimes {
  const k = s.constants ?? SPEED_CONSTANTS;
  // B sequences of ctx cached tokens each, the rank's share of the K/V heads: KV bytes as one sequence of that many cells
  const cells = Math.max(1, ctx * batch * kvShare(s.shape, s.tp));
  const w = gpuWork(decodeKvShape(s.shape), traffic, "BF16", "f16", "f16", { gpu: st.gpu, layers: st.layers, output: st.output }, cells);
  const compute = w && w.bandwidthGBs > 0 ? gpuDecodeSeconds(k.gpu, w) : Number.POSITIVE_INFINITY;
  const n = st.layers.length;
  return {
    compute,
    layers: n * (s.layerSec ?? VLLM_LAYER_SEC),
    allReduce: 2 * n * allReduceSeconds(st.interconnect, s.tp, batch * s.shape.nEmbd * BF16),
  };
}

function stagePrefill(s: VllmSpeedSetup, traffic: TokenTraffic, st: VllmStageSetup, tokens: number, depth: number): StageTimes {
  const k = s.constants ?? SPEED_CONSTANTS;
  // vLLM's fused_moe runs every routed expert in one kernel, and a chunk is one pass: its weights
  // (each expert the chunk routes to) are read once per chunk, the micro-batch of llama.cpp's model
  const w = gpuWork(s.shape, traffic, "BF16", "f16", "f16", { gpu: st.gpu, layers: st.layers, output: st.output }, tokens, { prefillDepth: depth, ubatch: tokens, fusedExperts: true });
  // attention heads are split by TP like the weights
  const perToken = w && w.matrixTflops > 0 ? gpuPrefillSeconds(k.gpu, { ...w, attnFlops: w.attnFlops / s.tp }) : Number.POSITIVE_INFINITY;
  const n = st.layers.length;
  return {
    compute: perToken * tokens,
    layers: n * (s.layerSec ?? VLLM_LAYER_SEC),
    allReduce: 2 * n * allReduceSeconds(st.interconnect, s.tp, tokens * s.shape.nEmbd * BF16),
  };
}

const sum = (xs: readonly StageTimes[], key: keyof StageTimes): number => xs.reduce((a, x) => a + x[key], 0);

/** One decode step of `batch` sequences after `ctx` cached tokens each: its parts, and the busiest stage with its hop (the filled pipeline's beat). */
export function vllmDecodeStep(s: VllmSpeedSetup, ctx: number, batch = 1): { parts: VllmStepParts; total: number; beat: number } {
  const traffic = rankTraffic(trafficFor(s.shape, "BF16"), s.tp, s.weights);
  const st = s.stages.map((x) => stageDecode(s, traffic, x, ctx, batch));
  const hidden = batch * s.shape.nEmbd * BF16;
  const pp = s.stages.length;
  // the hidden state to each next stage, the sampled token ids back to the head
  const network = pp > 1 ? (pp - 1) * hopSeconds(s.link, hidden) + hopSeconds(s.link, batch * 8) : 0;
  const step = s.stepSec ?? VLLM_STEP_SEC;
  const parts = { compute: sum(st, "compute"), layers: sum(st, "layers"), allReduce: sum(st, "allReduce"), network, step };
  const total = parts.compute + parts.layers + parts.allReduce + parts.network + parts.step;
  const beat = Math.max(...st.map((t) => t.compute + t.layers + t.allReduce)) + (pp > 1 ? hopSeconds(s.link, hidden) : 0) + step;
  return { parts, total, beat };
}

/** A prompt of `tokens` tokens, one sequence: chunks of batchedTokens, each through every stage in turn. */
export function vllmPrefill(s: VllmSpeedSetup, tokens: number): { parts: VllmStepParts; total: number } {
  const traffic = rankTraffic(trafficFor(s.shape, "BF16"), s.tp, s.weights);
  const chunk = Math.max(1, s.batchedTokens);
  const acc = { compute: 0, layers: 0, allReduce: 0, network: 0, step: 0 };
  for (let done = 0; done < tokens; done += chunk) {
    const c = Math.min(chunk, tokens - done);
    const st = s.stages.map((x) => stagePrefill(s, traffic, x, c, done));
    acc.compute += sum(st, "compute");
    acc.layers += sum(st, "layers");
    acc.allReduce += sum(st, "allReduce");
    acc.network += s.stages.length > 1 ? (s.stages.length - 1) * hopSeconds(s.link, c * s.shape.nEmbd * BF16) + hopSeconds(s.link, 8) : 0;
    acc.step += s.stepSec ?? VLLM_STEP_SEC;
  }
  return { parts: acc, total: acc.compute + acc.layers + acc.allReduce + acc.network + acc.step };
}

export function vllmSpeed(s: VllmSpeedSetup, contexts: readonly number[]): VllmSpeedAt[] {
  return contexts.map((ctx) => {
    const d = vllmDecodeStep(s, ctx);
    const p = vllmPrefill(s, ctx);
    const pp = s.stages.length;
    const tps = (sec: number, n: number): number => (Number.isFinite(sec) && sec > 0 ? n / sec : 0);
    const filled = pp > 1 ? d.beat : d.total;
    return { ctx, decodeTps: tps(d.total, 1), prefillTps: tps(p.total, ctx), decode: d.parts, prefill: p.parts, filledTps: tps(filled, 1) };
  });
}

/** The speed setup of a memory plan: each stage's worst GPU, its layers in order, the host's GPU link. */
export function vllmPlanSetup(shape: ModelShape, plan: VllmPlan, link: Link): VllmSpeedSetup {
  const counts = stageLayers(shape.layers.length, plan.pp);
  let first = 0;
  const stages = plan.stages.map((s, i) => {
    const n = counts[i] ?? 0;
    const layers = Array.from({ length: n }, (_, j) => first + j);
    first += n;
    const host = plan.hosts[i];
    const gpus = host ? vllmGpus(host).slice(0, plan.tp) : [s.gpu];
    return { gpu: s.gpu, layers, output: i === plan.stages.length - 1, interconnect: interconnectOf(gpus) };
  });
  return { shape, tp: plan.tp, weights: plan.dtype, stages, link, batchedTokens: defaultBatchedTokens(plan.stages[0]?.totalBytes ?? 0) };
}

/** A plan with more GPUs than the best one, and what it would run at. */
export interface VllmFaster {
  readonly plan: VllmPlan;
  readonly at: VllmSpeedAt;
}

/**
 * What more of the given GPUs would change: the best plan uses the fewest that fit, but a larger
 * TP reads each rank's share of the weights faster. Among the plans tried that also fit (same
 * dtype), the one with the highest one-sequence decode at the context of `base` (the best plan's
 * speed there), when it is at least 10 % faster.
 */
export function fasterVllmPlan(shape: ModelShape, best: VllmPlan, base: VllmSpeedAt, tried: readonly VllmPlan[], link: Link): VllmFaster | undefined {
  let out: VllmFaster | undefined;
  for (const p of tried) {
    if (!p.fits || p.dtype !== best.dtype || p.tp * p.pp <= best.tp * best.pp) continue;
    const at = vllmSpeed(vllmPlanSetup(shape, p, link), [base.ctx])[0];
    if (at && at.decodeTps > (out?.at.decodeTps ?? base.decodeTps * 1.1)) out = { plan: p, at };
  }
  return out;
}
