// A vLLM plan: tensor-parallel (inside a host) × pipeline-parallel (across hosts, over Ray) sizes,
// and per GPU what vLLM's start-up profile reports (vllm/worker/worker.py determine_num_available_blocks,
// v1 gpu_worker.py): total GPU memory × --gpu-memory-utilization = weights + non-torch memory +
// activation peak + KV cache; the KV cache is cut into blocks of 16 tokens, and the engine takes the
// smallest count over all ranks. Weights are the model's parameters at the checkpoint dtype, split
// by tensor parallelism (vocab-parallel embedding and LM head; K/V heads replicated when TP exceeds
// them) and by pipeline stage (layers; the embedding on the first stage, the LM head on the last).
import type { Gpu } from "../hardware/types.js";
import type { ModelShape } from "../models/shape.js";
import type { ClusterHost } from "./hosts.js";

const GIB = 1024 ** 3;
export const VLLM_BLOCK_SIZE = 16; // --block-size default on CUDA
export const DEFAULT_GPU_MEMORY_UTILIZATION = 0.9;

export type VllmDtype = "bf16" | "fp8";
const WEIGHT_BYTES: Readonly<Record<VllmDtype, number>> = { bf16: 2, fp8: 1 };

/**
 * The parts of an FP8 checkpoint that stay BF16 besides the embedding and the LM head: its
 * quantization_config's not-converted modules (`modules_to_not_convert` of fbgemm_fp8,
 * `ignored_layers` of fp8), as attention projections and whole FFNs by layer index.
 */
export interface Fp8Kept {
  /** Every layer's attention projections (q, k, v, o) stay BF16. */
  readonly attention: boolean;
  /** Layers whose FFN stays BF16 (negative indices count from the end: -1 is the last layer). */
  readonly ffnLayers: readonly number[];
}

/** `--quantization fp8` on a BF16 checkpoint: every linear layer of the blocks in FP8. */
export const FP8_ALL_LINEAR: Fp8Kept = { attention: false, ffnLayers: [] };

/**
 * Memory outside PyTorch's allocator that vLLM's profile counts (CUDA context growth, NCCL buffers,
 * custom all-reduce). Estimates from the published start-up logs in the closing note of this
 * feature: 0.01–0.20 GiB with one GPU, 0.25–2.1 GiB with TP 2–8.
 */
export function nonTorchBytes(tp: number): number {
  return tp > 1 ? 0.5 * GIB : 0.15 * GIB;
}

/**
 * CUDA graphs vLLM captures after the KV cache is allocated (decode batch sizes up to 512). Logs
 * print "Graph capturing finished in N secs, took 0.3–1.5 GiB"; vLLM versions before the
 * CUDA-graph profiling of 2025 leave it to the 10 % that --gpu-memory-utilization 0.9 keeps back.
 * An estimate.
 */
export const CUDA_GRAPH_BYTES = 0.5 * GIB;

/**
 * vllm serve's default chunked-prefill budget (max_num_batched_tokens): 8192 on GPUs with 70 GiB
 * or more, 2048 below (vllm/engine/arg_utils.py; the start-up line "Chunked prefill is enabled
 * with max_num_batched_tokens=…").
 */
export function defaultBatchedTokens(gpuBytes: number): number {
  return gpuBytes >= 70 * GIB ? 8192 : 2048;
}

export interface VllmGpuMemory {
  readonly totalBytes: number;
  readonly budgetBytes: number; // total × utilization
  readonly weights: number;
  readonly nonTorch: number;
  readonly activation: number;
  readonly kvBytes: number;
  readonly kvBytesPerToken: number;
  readonly blocks: number;
  readonly layers: number;
}

export interface VllmShapeParts {
  readonly embedParams: number;
  readonly headParams: number;
  readonly layerParams: number;
  /** Attention projection parameters (q, k, v, o) of all layers: the part of layerParams an FP8 checkpoint may keep BF16. */
  readonly attnParams: number;
  readonly kvHeads: number;
  readonly qHeads: number;
  readonly nFf: number;
  readonly nLayer: number;
}

/** What the vLLM model needs of a shape: where its parameters sit, its attention heads, FFN. */
export function vllmShapeParts(shape: ModelShape): VllmShapeParts {
  const embedParams = shape.nVocab * shape.nEmbd;
  const headParams = shape.tiedEmbeddings ? 0 : embedParams;
  const layerParams = Math.max(0, shape.params.total - embedParams - headParams);
  const attn = shape.layers.filter((l) => l.mixer === "attention");
  const kvHeads = Math.max(0, ...attn.map((l) => l.nHeadKv));
  const qHeads = Math.max(0, ...attn.map((l) => l.nHead));
  const nFf = shape.experts ? shape.experts.nFfExp * shape.experts.used + shape.experts.nFfShexp * shape.experts.shared : Math.max(0, ...shape.layers.map((l) => l.nFf));
  const attnParams = Math.min(layerParams, attn.reduce((a, l) => a + shape.nEmbd * (l.nHead + l.nHeadKv) * (shape.headDimK + shape.headDimV), 0));
  return { embedParams, headParams, layerParams, attnParams, kvHeads, qHeads, nFf, nLayer: shape.layers.length };
}

export interface VllmGpuInputs {
  readonly tp: number;
  readonly pp: number;
  /** Stage index (0 = first: embedding; pp − 1 = last: LM head). */
  readonly stage: number;
  readonly gpuBytes: number;
  readonly utilization: number;
  readonly dtype: VllmDtype;
  readonly kvBytesPerElem: number;
  readonly batchedTokens: number;
  /** FP8 only: what the checkpoint keeps BF16 (default FP8_ALL_LINEAR, vLLM's own `--quantization fp8`). */
  readonly fp8Kept?: Fp8Kept;
  /**
   * A peak of the profile run outside the forward pass (the sampler's), which the activation figure
   * takes when it is larger: the forward pass's tensors are freed before it runs.
   */
  readonly samplerBytes?: number;
}

/** Layers of each pipeline stage: vLLM's default even partition, the remainder on the last stages. */
export function stageLayers(nLayer: number, pp: number): number[] {
  const base = Math.floor(nLayer / pp);
  const rest = nLayer % pp;
  return Array.from({ length: pp }, (_, i) => base + (i >= pp - rest ? 1 : 0));
}

/**
 * Weight bytes of one rank. The embedding and the LM head stay BF16 under FP8: vLLM's FP8 methods
 * (Fp8Config, FBGEMMFp8Config get_quant_method in vllm/model_executor/layers/quantization/) quantize
 * LinearBase layers only, and VocabParallelEmbedding / ParallelLMHead are not LinearBase. A checkpoint
 * may keep more in BF16 (Fp8Kept): vLLM loads the modules its quantization_config does not convert
 * unquantized (is_layer_skipped → UnquantizedLinearMethod).
 */
function rankWeightBytes(shape: ModelShape, p: VllmShapeParts, g: VllmGpuInputs, firstLayer: number, layers: number): number {
  const wb = WEIGHT_BYTES[g.dtype];
  const kept = g.dtype === "fp8" ? (g.fp8Kept ?? FP8_ALL_LINEAR) : undefined;
  // K/V projections: each rank keeps max(1, kv/tp) heads; TP beyond the K/V heads replicates them
  const kvPerRank = p.kvHeads > 0 ? Math.max(1, p.kvHeads / g.tp) : 0;
  const kvProj = 2 * shape.nEmbd * shape.headDimK;
  const replicated = Math.max(0, kvPerRank - p.kvHeads / g.tp) * kvProj;
  const attn = p.attnParams / p.nLayer / g.tp + replicated;
  const ffn = (p.layerParams - p.attnParams) / p.nLayer / g.tp;
  const attnBytes = kept?.attention ? 2 : wb;
  const keptFfn = new Set((kept?.ffnLayers ?? []).map((i) => (i < 0 ? p.nLayer + i : i)));
  let bytes = 0;
  for (let il = firstLayer; il < firstLayer + layers; il++) bytes += attn * attnBytes + ffn * (keptFfn.has(il) ? 2 : wb);
  const embed = g.stage === 0 ? p.embedParams / g.tp : 0;
  const head = g.stage === g.pp - 1 ? (p.headParams > 0 ? p.headParams : g.pp > 1 ? p.embedParams : 0) / g.tp : 0;
  return bytes + (embed + head) * 2;
}

export function vllmGpuMemory(shape: ModelShape, p: VllmShapeParts, g: VllmGpuInputs): VllmGpuMemory {
  const split = stageLayers(p.nLayer, g.pp);
  const layers = split[g.stage] ?? 0;
  const firstLayer = split.slice(0, g.stage).reduce((a, b) => a + b, 0);
  const kvPerRank = p.kvHeads > 0 ? Math.max(1, p.kvHeads / g.tp) : 0;
  const weights = rankWeightBytes(shape, p, g, firstLayer, layers);
  const nonTorch = nonTorchBytes(g.tp);
  // the profile run's peak: one chunked-prefill batch through the widest layer (QKV, gate/up, activation, 2 bf16 buffers of the hidden state)
  const widest = (3 * p.nFf + (p.qHeads + 2 * p.kvHeads) * shape.headDimK) / g.tp + 2 * shape.nEmbd;
  const activation = Math.max(g.batchedTokens * widest * 2, g.samplerBytes ?? 0);
  const budget = g.gpuBytes * g.utilization;
  const kvBytes = Math.max(0, budget - weights - nonTorch - activation);
  const kvBytesPerToken = 2 * layers * kvPerRank * shape.headDimK * g.kvBytesPerElem;
  const blocks = kvBytesPerToken > 0 ? Math.floor(kvBytes / (kvBytesPerToken * VLLM_BLOCK_SIZE)) : 0;
  return { totalBytes: g.gpuBytes, budgetBytes: budget, weights, nonTorch, activation, kvBytes, kvBytesPerToken, blocks, layers };
}

export interface VllmPlan {
  readonly hosts: readonly ClusterHost[];
  readonly tp: number;
  readonly pp: number;
  readonly dtype: VllmDtype;
  readonly utilization: number;
  /** The worst rank of each stage (the one with least memory). */
  readonly stages: readonly (VllmGpuMemory & { readonly gpu: Gpu; readonly host: string })[];
  /** KV cache blocks the engine uses: the smallest count over the ranks. */
  readonly blocks: number;
  readonly kvTokens: number;
  /** min(trained context, KV tokens): what --max-model-len can be. */
  readonly maxModelLen: number;
  /** Sequences of `ctx` tokens that fit at once. */
  readonly concurrency: number;
  readonly ctx: number;
  readonly fits: boolean;
  readonly reason: string;
}

/** GPUs vLLM can use on a host: CUDA and ROCm devices (vLLM has no Metal, Vulkan or SYCL backend here). */
export function vllmGpus(h: ClusterHost): Gpu[] {
  return h.hw.gpus.filter((g) => (g.backend === "cuda" || g.backend === "rocm") && !g.unified);
}

export interface VllmOptions {
  readonly ctx: number;
  readonly utilization?: number;
  readonly dtype?: VllmDtype;
  readonly kvBytesPerElem?: number;
}

/** One TP × PP plan on `hosts` (one pipeline stage per host, TP over each host's first `tp` GPUs). */
export function vllmPlanOn(shape: ModelShape, hosts: readonly ClusterHost[], tp: number, o: VllmOptions): VllmPlan | undefined {
  const pp = hosts.length;
  const p = vllmShapeParts(shape);
  if (p.qHeads === 0 || p.qHeads % tp !== 0 || p.nLayer < pp) return undefined;
  const util = o.utilization ?? DEFAULT_GPU_MEMORY_UTILIZATION;
  const dtype = o.dtype ?? "bf16";
  const stages: (VllmGpuMemory & { gpu: Gpu; host: string })[] = [];
  for (const [i, h] of hosts.entries()) {
    const gpus = vllmGpus(h).slice(0, tp);
    if (gpus.length < tp) return undefined;
    const worst = gpus.reduce((a, g) => (g.vramTotalBytes.value < a.vramTotalBytes.value ? g : a));
    const total = worst.vramTotalBytes.value;
    const m = vllmGpuMemory(shape, p, { tp, pp, stage: i, gpuBytes: total, utilization: util, dtype, kvBytesPerElem: o.kvBytesPerElem ?? 2, batchedTokens: defaultBatchedTokens(total) });
    stages.push({ ...m, gpu: worst, host: h.name });
  }
  const blocks = Math.min(...stages.map((s) => s.blocks));
  const kvTokens = blocks * VLLM_BLOCK_SIZE;
  const maxModelLen = Math.min(shape.nCtxTrain, kvTokens);
  const concurrency = o.ctx > 0 ? kvTokens / o.ctx : 0;
  const noKv = stages.find((s) => s.kvBytes <= 0);
  const fits = noKv === undefined && kvTokens >= Math.min(o.ctx, shape.nCtxTrain);
  const reason = noKv
    ? `weights ${(noKv.weights / GIB).toFixed(1)} GiB leave no KV cache on ${noKv.gpu.name} (${noKv.host}) at --gpu-memory-utilization ${util}`
    : fits
      ? `${kvTokens} KV tokens: ${concurrency.toFixed(1)} sequences of ${o.ctx} at once, --max-model-len up to ${maxModelLen}`
      : `only ${kvTokens} KV tokens, fewer than one ${o.ctx}-token sequence`;
  return { hosts, tp, pp, dtype, utilization: util, stages, blocks, kvTokens, maxModelLen, concurrency, ctx: o.ctx, fits, reason };
}

/** The smallest GPU count that fits (TP first inside a host, then one more host per pipeline stage); bf16, else FP8. */
export function adviseVllm(shape: ModelShape, hosts: readonly ClusterHost[], o: VllmOptions): { best?: VllmPlan; tried: VllmPlan[] } {
  const gpuHosts = hosts.filter((h) => vllmGpus(h).length > 0);
  const tried: VllmPlan[] = [];
  for (const dtype of o.dtype ? [o.dtype] : (["bf16", "fp8"] as const)) {
    const candidates: VllmPlan[] = [];
    for (let pp = 1; pp <= gpuHosts.length; pp++) {
      const set = gpuHosts.slice(0, pp);
      const maxTp = Math.min(...set.map((h) => vllmGpus(h).length));
      for (let tp = 1; tp <= maxTp; tp *= 2) {
        const plan = vllmPlanOn(shape, set, tp, { ...o, dtype });
        if (plan) candidates.push(plan);
      }
    }
    tried.push(...candidates);
    const best = candidates.filter((c) => c.fits).sort((a, b) => a.tp * a.pp - b.tp * b.pp || a.pp - b.pp || b.kvTokens - a.kvTokens)[0];
    if (best) return { best, tried };
  }
  return { tried };
}

/** The commands: a Ray cluster when the plan spans hosts, then vllm serve on the head. */
export function vllmCommands(plan: VllmPlan, hfRepo: string): { host: string; lines: string[] }[] {
  const head = plan.hosts[0];
  if (!head) return [];
  const headAddr = head.address ?? `<${head.name}-address>`;
  const serve =
    `vllm serve ${hfRepo} --tensor-parallel-size ${plan.tp}${plan.pp > 1 ? ` --pipeline-parallel-size ${plan.pp} --distributed-executor-backend ray` : ""}` +
    ` --gpu-memory-utilization ${plan.utilization} --max-model-len ${Math.min(plan.maxModelLen, Math.max(plan.ctx, 1))}${plan.dtype === "fp8" ? " --quantization fp8" : ""}`;
  if (plan.pp === 1) return [{ host: head.name, lines: [serve] }];
  return [
    { host: head.name, lines: [`ray start --head --port=6379`] },
    ...plan.hosts.slice(1).map((h) => ({ host: h.name, lines: [`ray start --address=${headAddr}:6379`] })),
    { host: head.name, lines: [serve] },
  ];
}
