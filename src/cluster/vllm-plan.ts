// A vLLM plan: tensor-parallel (inside a host) × pipeline-parallel (across hosts, over Ray) sizes,
// and per GPU what vLLM's start-up profile reports (vllm/worker/worker.py determine_num_available_blocks,
// v1 gpu_worker.py): total GPU memory × --gpu-memory-utilization = weights + non-torch memory +
// activation peak + KV cache; the KV cache is cut into blocks of 16 tokens, and the engine takes the
// smallest count over all ranks. Weights are the model's parameters at the checkpoint dtype, split
// by tensor parallelism (vocab-parallel embedding and LM head; K/V heads replicated when TP exceeds
// them) and by pipeline stage (layers; the embedding on the first stage, the LM head on the last).
import type { Gpu } from "../hardware/types.js";
import type { Checkpoint, Int4Checkpoint } from "../models/catalog-schema.js";
import type { ModelShape } from "../models/shape.js";
import { countParams, tensorsForShape } from "../sizing/tensors.js";
import type { ClusterHost } from "./hosts.js";

const GIB = 1024 ** 3;
export const VLLM_BLOCK_SIZE = 16; // --block-size default on CUDA
export const DEFAULT_GPU_MEMORY_UTILIZATION = 0.9;

/** The quantized weights' format: BF16, FP8 (a checkpoint's or `--quantization fp8`), or an INT4 checkpoint's (its layout apart). */
export type VllmDtype = "bf16" | "fp8" | "int4";

/**
 * The parameters a checkpoint holds, for VllmShapeOptions.paramsTotal: counted from the shape where
 * the catalog's published total is only a rounded label (Kimi K2's "1T": its config gives 1.026T),
 * else undefined (the published total stands).
 */
export function servedParams(entry: { readonly params: { readonly rounded?: true } }, shape: ModelShape): number | undefined {
  return entry.params.rounded ? countParams(tensorsForShape(shape)) : undefined;
}

/**
 * Bytes per quantized weight. INT4 (compressed-tensors W4A16, AWQ, GPTQ as vLLM's Marlin kernels
 * keep them after process_weights_after_loading): eight 4-bit weights per int32, one scale per group
 * in the model dtype (BF16: 2 bytes), and a 4-bit zero point per group when asymmetric; the act-order
 * index tensors (g_idx, sort indices) are replaced by empty ones when the checkpoint has no act order,
 * so "Model loading took" does not count them. Kimi K2 Thinking's groups of 32: 0.5625 bytes per weight.
 */
export function quantBytesPerWeight(dtype: VllmDtype, int4?: Int4Checkpoint): number {
  if (dtype === "bf16") return 2;
  if (dtype === "fp8") return 1;
  const g = int4?.groupSize ?? 128;
  return 0.5 + 2 / g + (int4?.zeroPoints ? 0.5 / g : 0);
}

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

/** vllm serve's default --max-num-seqs in V1: 1024 on GPUs with 70 GiB or more, 256 below (vllm/engine/arg_utils.py, the V1 defaults by usage context). */
export function defaultMaxNumSeqs(gpuBytes: number): number {
  return gpuBytes >= 70 * GIB ? 1024 : 256;
}

/**
 * The sampler's peak in vLLM V1's profile run, on the ranks of the last pipeline stage only.
 * profile_run (vllm/v1/worker/gpu_model_runner.py) ends with `if get_pp_group().is_last_rank:
 * self._dummy_sampler_run(hidden_states)`: max_num_seqs dummy requests with top_k = vocab − 1 and
 * top_p = 0.9, the sort path of vllm/v1/sample/ops/topk_topp_sampler.py (without FlashInfer). At its
 * re-sort, alive are the bf16 logits (½ of a float32 [seqs × vocab] array), their float32 copy (1),
 * the sorted logits (1) and their int64 indices (2), the top-k and top-p masks (¼ each), probs_sort
 * (1), probs_sum (1) and the scattered result (1): eight float32 arrays. The forward pass's
 * activations are freed by then, so the stage's peak is the larger of the two. Earlier stages never
 * sample: this is why a last stage has less KV memory than the first with the same weights (the
 * DeepSeek-V2-Lite TP 2 × PP 2 log of vllm-project/vllm pull 20665: 0.80 GiB). Used to read that
 * log (src/cluster/vllm-check.ts), not in the plan: later V1 versions route batches of 8 or more
 * through a Triton top-k/top-p kernel instead of the sort, whose peak this does not size.
 */
export function v1SamplerPeakBytes(maxNumSeqs: number, vocab: number): number {
  return 8 * maxNumSeqs * vocab * 4;
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
  /** The first layer of the stage (vLLM's get_pp_indices start). */
  readonly firstLayer: number;
  /** The stage holds the input embedding (the first stage). */
  readonly embedding: boolean;
  /** The stage holds the final norm and the LM head (the last stage; a tied embedding is a second copy there when PP > 1). */
  readonly lmHead: boolean;
}

export interface VllmShapeParts {
  readonly embedParams: number;
  readonly headParams: number;
  readonly layerParams: number;
  /** Attention projection parameters (q, k, v, o) of all layers: the part of layerParams an FP8 checkpoint may keep BF16. */
  readonly attnParams: number;
  /** Per layer, the attention parameters every TP rank holds whole (MLA's latent down-projections); 0 without MLA. */
  readonly attnReplicated: number;
  /** Per MoE layer, the router (vLLM's ReplicatedLinear gate, never quantized): whole on every rank. */
  readonly routerParams: number;
  /** Which layers are MoE layers (those holding a router). */
  readonly moeLayers: readonly boolean[];
  /**
   * Per layer, its FFN parameters (all experts of a MoE layer, the router apart) and its share of
   * the rest outside attention (norms): what a pipeline stage holding the layer holds. A MoE model's
   * leading dense layers (DeepSeek's first_k_dense_replace) hold far less than its MoE layers, so
   * an even spread would load the first stage with parameters of the later ones.
   */
  readonly ffnLayerParams: readonly number[];
  /**
   * Per layer, its own attention projections (q, k, v, o with the layer's own heads; MLA's whole
   * layer), 0 for a layer of another mixer: a hybrid's stages (Qwen3-Next's DeltaNet layers, Jamba's
   * Mamba layers) hold different shares of attention, as they do of FFN.
   */
  readonly attnLayerParams: readonly number[];
  /** Per layer, the parameters of a mixer other than attention (linear attention, Mamba, short convolution); 0 in an attention layer. */
  readonly mixerLayerParams: readonly number[];
  /** Per layer, the part of ffnLayerParams that is routed experts (0 in a dense layer): what an INT4 `routed-experts` checkpoint quantizes. */
  readonly routedLayerParams: readonly number[];
  /**
   * Per attention layer, DeepSeek Sparse Attention's lightning indexer (V3.2), held whole on every
   * rank: vLLM builds wq_b and wk as ReplicatedLinear in the checkpoint's quantization (`quantized`),
   * weights_proj as ReplicatedLinear with quant_config=None and the key norm (`bf16`). Zero without one.
   */
  readonly indexerParams: { readonly quantized: number; readonly bf16: number };
  readonly kvHeads: number;
  readonly qHeads: number;
  readonly nFf: number;
  readonly nLayer: number;
  /** Elements of the rotary embedding's cos/sin table (positions × rotary dim), one per rank, shared by its layers. */
  readonly ropeElems: number;
}

export interface VllmShapeOptions {
  /**
   * K/V heads of the checkpoint when they differ from the model's: a checkpoint may ship them
   * duplicated for a wider tensor parallelism (Meta-Llama-3.1-405B-Instruct-FP8 as first published:
   * 16, for 16-way model parallel; the model has 8).
   */
  readonly kvHeads?: number;
  /** Positions of the rotary table (the config's max_position_embeddings; YaRN: original × factor); default the trained context. */
  readonly ropePositions?: number;
  /**
   * The parameters the checkpoint holds, where the shape's published total is a rounded label (Kimi
   * K2's "1 trillion": its config gives 1.026T); default shape.params.total.
   */
  readonly paramsTotal?: number;
}

/**
 * vLLM's multi-head latent attention layer (DeepseekV2MLAAttention, vllm/model_executor/models/deepseek_v2.py):
 * q_a_proj (hidden → q_lora_rank, with its norm) and kv_a_proj_with_mqa (hidden → kv_lora_rank +
 * rope dim, with the latent's norm) are ReplicatedLinear, whole on every rank; q_proj / q_b_proj
 * (→ heads × (nope + rope)), kv_b_proj (kv_lora_rank → heads × (nope + v)) and o_proj (heads × v →
 * hidden) are split by heads.
 */
function mlaLayerParams(shape: ModelShape, nHead: number): { replicated: number; sharded: number } {
  const m = shape.mla!;
  const h = shape.nEmbd;
  const qIn = m.qLoraRank > 0 ? m.qLoraRank : h;
  const replicated = h * (m.kvLoraRank + m.qkRopeHeadDim) + m.kvLoraRank + (m.qLoraRank > 0 ? h * m.qLoraRank + m.qLoraRank : 0);
  const sharded = qIn * nHead * (m.qkNopeHeadDim + m.qkRopeHeadDim) + m.kvLoraRank * nHead * (m.qkNopeHeadDim + m.vHeadDim) + nHead * m.vHeadDim * h;
  return { replicated, sharded };
}

/** What the vLLM model needs of a shape: where its parameters sit, its attention heads, FFN. */
export function vllmShapeParts(shape: ModelShape, o: VllmShapeOptions = {}): VllmShapeParts {
  const embedParams = shape.nVocab * shape.nEmbd;
  const headParams = shape.tiedEmbeddings ? 0 : embedParams;
  const attn = shape.layers.filter((l) => l.mixer === "attention");
  const modelKv = Math.max(0, ...attn.map((l) => l.nHeadKv));
  const kvHeads = o.kvHeads ?? modelKv;
  // duplicated K/V heads are parameters the model's count does not hold
  const extraKv = attn.length * 2 * shape.nEmbd * shape.headDimK * Math.max(0, kvHeads - modelKv);
  const layerParams = Math.max(0, (o.paramsTotal ?? shape.params.total) - embedParams - headParams) + extraKv;
  const qHeads = Math.max(0, ...attn.map((l) => l.nHead));
  const nFf = shape.experts ? shape.experts.nFfExp * shape.experts.used + shape.experts.nFfShexp * shape.experts.shared : Math.max(0, ...shape.layers.map((l) => l.nFf));
  const mla = shape.mla ? mlaLayerParams(shape, qHeads) : undefined;
  const attnParams = Math.min(
    layerParams,
    mla ? attn.length * (mla.replicated + mla.sharded) : attn.reduce((a, l) => a + shape.nEmbd * (l.nHead + l.nHeadKv) * (shape.headDimK + shape.headDimV), 0) + extraKv,
  );
  const moeLayers = shape.layers.map((l) => l.moe === true);
  const routerParams = shape.experts ? shape.nEmbd * shape.experts.count : 0;
  const ix = shape.indexer;
  const indexerParams = ix
    ? { quantized: ((shape.mla?.qLoraRank ?? 0) > 0 ? shape.mla!.qLoraRank : shape.nEmbd) * ix.heads * ix.headDim + shape.nEmbd * ix.headDim, bf16: shape.nEmbd * ix.heads + 2 * ix.headDim }
    : { quantized: 0, bf16: 0 };
  const indexerTotal = attn.length * (indexerParams.quantized + indexerParams.bf16);
  const own = (l: ModelShape["layers"][number]): number => (l.mixer !== "attention" ? 0 : mla ? mla.replicated + mla.sharded : shape.nEmbd * (l.nHead + (o.kvHeads ?? l.nHeadKv)) * (shape.headDimK + shape.headDimV));
  const ownSum = shape.layers.reduce((a, l) => a + own(l), 0);
  const attnLayerParams = shape.layers.map((l) => (ownSum > 0 ? (attnParams * own(l)) / ownSum : 0));
  const rest = layerParams - attnParams - moeLayers.filter(Boolean).length * routerParams - indexerTotal;
  // a hybrid: what its FFNs do not hold is its other mixers', spread over the layers that have one
  const others = shape.layers.filter((l) => l.mixer !== "attention" && l.mixer !== "none").length;
  const ffnOwn = shape.layers.reduce((a, l) => a + 3 * shape.nEmbd * heldFfnWidth(shape, l), 0);
  const mixerTotal = others > 0 ? Math.max(0, rest - ffnOwn) : 0;
  const mixerLayerParams = shape.layers.map((l) => (l.mixer !== "attention" && l.mixer !== "none" ? mixerTotal / others : 0));
  const ffnLayerParams = spreadFfn(shape, rest - mixerTotal);
  const e = shape.experts;
  const routedLayerParams = shape.layers.map((l, il) => {
    const held = heldFfnWidth(shape, l);
    return l.moe && e && held > 0 ? ((ffnLayerParams[il] ?? 0) * e.count * e.nFfExp) / held : 0;
  });
  const rotaryDim = shape.mla ? shape.mla.qkRopeHeadDim : shape.headDimK;
  const ropeElems = attn.length > 0 ? (o.ropePositions ?? shape.nCtxTrain) * rotaryDim : 0;
  return {
    embedParams, headParams, layerParams, attnParams, attnReplicated: mla?.replicated ?? 0, routerParams, moeLayers,
    kvHeads, qHeads, nFf, nLayer: shape.layers.length, ropeElems, ffnLayerParams, routedLayerParams, attnLayerParams, mixerLayerParams, indexerParams,
  };
}

/**
 * `total` (the parameters outside attention, embedding, LM head and routers) over the layers, in
 * proportion to each layer's own FFN: gate, up and down of every expert and shared expert in a MoE
 * layer, of its nFf in a dense one. Evenly when the shape gives no FFN sizes.
 */
/** The FFN width a layer holds (every routed expert and the shared ones in a MoE layer, n_ff in a dense one). */
function heldFfnWidth(shape: ModelShape, l: ModelShape["layers"][number]): number {
  const e = shape.experts;
  return l.moe && e ? e.count * e.nFfExp + e.shared * e.nFfShexp : l.nFf;
}

function spreadFfn(shape: ModelShape, total: number): number[] {
  const own = shape.layers.map((l) => 3 * shape.nEmbd * heldFfnWidth(shape, l));
  const sum = own.reduce((a, b) => a + b, 0);
  const n = shape.layers.length;
  return own.map((x) => (sum > 0 ? (total * x) / sum : total / Math.max(1, n)));
}

/**
 * KV-cache elements one token takes in one layer on one TP rank. Standard attention: K and V of the
 * rank's heads (each rank keeps max(1, kv / tp): vLLM replicates K/V heads when TP exceeds them).
 * MLA: vLLM caches the latent (kv_lora_rank) and the shared rope key (qk_rope_head_dim), 576
 * elements for DeepSeek V2/V3 and Kimi K2, as one K/V "head" (the MLA backends' head size 576,
 * get_kv_cache_shape(num_blocks, block_size, head_size)), and every rank keeps all of it: the
 * latent is not split by heads.
 */
export function kvElemsPerTokenLayer(shape: ModelShape, p: VllmShapeParts, tp: number): number {
  if (shape.mla) return shape.mla.kvLoraRank + shape.mla.qkRopeHeadDim;
  const kvPerRank = p.kvHeads > 0 ? Math.max(1, p.kvHeads / tp) : 0;
  return 2 * kvPerRank * shape.headDimK;
}

/**
 * Bytes per token and layer of DeepSeek V3.2's indexer key cache, beside the MLA latent on every
 * rank: vLLM keeps each key as head_dim FP8 bytes and one float32 scale per 128 of them (128 + 4 =
 * 132 bytes; DeepseekV32IndexerCache), whatever the latent's cache type.
 */
export function indexerCacheBytes(shape: ModelShape): number {
  const ix = shape.indexer;
  return ix ? ix.headDim + Math.ceil(ix.headDim / 128) * 4 : 0;
}

/**
 * How a vLLM MLA backend keeps the matrices its decode path multiplies the latent with:
 * - `absorbed`: vLLM V0's MLA backend of early 2025 (vllm/attention/backends/mla/utils.py, v0.7.x,
 *   VLLM_MLA_PERFORM_MATRIX_ABSORPTION on) computes W_Q_UK (q_in × heads × kv_lora_rank) and W_UV_O
 *   (heads × kv_lora_rank × hidden) in process_weights_after_loading and keeps them beside the
 *   checkpoint's own matrices (the prefill path still uses those), FP8 when the weights are;
 * - `views`: W_UK / W_UV are views of kv_b_proj (V1's MLA backends), copied to BF16 only when the
 *   weights are FP8 ("we just store fp16/bf16 copies", vllm/v1/attention/backends/mla/common.py).
 * Both V0 forms also keep W_QR, the rope rows of the query projection, as a contiguous copy (V0 only).
 */
export type MlaDecode = "absorbed" | "views";

/** Elements (and their bytes per element) the MLA backend adds per layer on one rank. */
function mlaBackendBytes(shape: ModelShape, p: VllmShapeParts, tp: number, dtype: VllmDtype, decode: MlaDecode, attnQuantized: boolean): number {
  const m = shape.mla;
  if (!m) return 0;
  const heads = p.qHeads / tp;
  const qIn = m.qLoraRank > 0 ? m.qLoraRank : shape.nEmbd;
  if (decode === "absorbed") {
    const wqr = qIn * heads * m.qkRopeHeadDim * 2;
    return (qIn * heads * m.kvLoraRank + heads * m.kvLoraRank * shape.nEmbd) * (attnQuantized ? quantBytesPerWeight(dtype) : 2) + wqr;
  }
  // a quantized kv_b_proj is dequantized into BF16 copies of W_UK and W_UV
  return dtype !== "bf16" && attnQuantized ? m.kvLoraRank * heads * (m.qkNopeHeadDim + m.vHeadDim) * 2 : 0;
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
  /** INT4 only: the checkpoint's layout (group size, zero points, which layers are INT4). */
  readonly int4?: Int4Checkpoint;
  /**
   * A peak of the profile run outside the forward pass (the sampler's), which the activation figure
   * takes when it is larger: the forward pass's tensors are freed before it runs.
   */
  readonly samplerBytes?: number;
  /** MLA models: how the backend keeps its decode matrices (default `views`, vLLM V1). */
  readonly mlaDecode?: MlaDecode;
}

/**
 * Layers of each pipeline stage, as vLLM's get_pp_indices (vllm/distributed/utils.py) splits them
 * without VLLM_PP_LAYER_PARTITION: ⌊n / pp⌋ each, and the remainder one each on the stages before
 * the last, from the second-to-last backwards (the last stage holds the final norm and the LM head;
 * with a remainder of at most pp − 2 the first stage, which holds the embedding, gets none either):
 * 81 layers on 4 stages are [20, 20, 21, 20].
 */
export function stageLayers(nLayer: number, pp: number): number[] {
  const out = Array.from({ length: pp }, () => Math.floor(nLayer / pp));
  const rest = nLayer % pp;
  for (let i = 2; i < rest + 2; i++) out[pp - i] = (out[pp - i] ?? 0) + 1;
  return out;
}

/**
 * Weight bytes of one rank. The embedding and the LM head stay BF16 under FP8: vLLM's FP8 methods
 * (Fp8Config, FBGEMMFp8Config get_quant_method in vllm/model_executor/layers/quantization/) quantize
 * LinearBase layers only, and VocabParallelEmbedding / ParallelLMHead are not LinearBase. A checkpoint
 * may keep more in BF16 (Fp8Kept): vLLM loads the modules its quantization_config does not convert
 * unquantized (is_layer_skipped → UnquantizedLinearMethod). Whole on every rank: MLA's latent
 * down-projections, the MoE router (built with quant_config=None: BF16), and the rotary cos/sin table
 * (a buffer in the model dtype, one per rank: get_rope caches one instance for all layers).
 */
function rankWeightBytes(shape: ModelShape, p: VllmShapeParts, g: VllmGpuInputs, firstLayer: number, layers: number): number {
  const wb = quantBytesPerWeight(g.dtype, g.int4);
  const kept = g.dtype === "fp8" ? (g.fp8Kept ?? FP8_ALL_LINEAR) : undefined;
  // an INT4 checkpoint of the routed experts only (Kimi K2 Thinking) keeps attention, shared experts and dense FFNs BF16
  const expertsOnly = g.dtype === "int4" && (g.int4?.scope ?? "linear") === "routed-experts";
  // K/V projections: each rank keeps max(1, kv/tp) heads; TP beyond the K/V heads replicates them
  const kvPerRank = p.kvHeads > 0 && !shape.mla ? Math.max(1, p.kvHeads / g.tp) : 0;
  const kvProj = 2 * shape.nEmbd * shape.headDimK;
  const replicated = Math.max(0, kvPerRank - p.kvHeads / g.tp) * kvProj;
  // the layer's own attention, split by TP but for MLA's replicated down-projections and K/V heads TP replicates
  const attnOf = (il: number): number => ((p.attnLayerParams[il] ?? 0) > 0 ? ((p.attnLayerParams[il] ?? 0) - p.attnReplicated) / g.tp + p.attnReplicated + replicated : 0);
  const attnBf16 = kept?.attention === true || expertsOnly;
  const attnBytes = attnBf16 ? 2 : wb;
  const keptFfn = new Set((kept?.ffnLayers ?? []).map((i) => (i < 0 ? p.nLayer + i : i)));
  const backend = mlaBackendBytes(shape, p, g.tp, g.dtype, g.mlaDecode ?? "views", !attnBf16);
  const indexer = p.indexerParams.quantized * attnBytes + p.indexerParams.bf16 * 2;
  let bytes = 0;
  for (let il = firstLayer; il < firstLayer + layers; il++) {
    const ffn = (p.ffnLayerParams[il] ?? 0) / g.tp;
    const routed = (p.routedLayerParams[il] ?? 0) / g.tp;
    const ffnBytes = keptFfn.has(il) ? ffn * 2 : expertsOnly ? routed * wb + (ffn - routed) * 2 : ffn * wb;
    const isAttn = shape.layers[il]?.mixer === "attention";
    bytes += (isAttn ? indexer + backend : 0) + attnOf(il) * attnBytes + ((p.mixerLayerParams[il] ?? 0) / g.tp) * wb + ffnBytes + (p.moeLayers[il] ? p.routerParams * 2 : 0);
  }
  const embed = g.stage === 0 ? p.embedParams / g.tp : 0;
  const head = g.stage === g.pp - 1 ? (p.headParams > 0 ? p.headParams : g.pp > 1 ? p.embedParams : 0) / g.tp : 0;
  return bytes + (embed + head + p.ropeElems) * 2;
}

export function vllmGpuMemory(shape: ModelShape, p: VllmShapeParts, g: VllmGpuInputs): VllmGpuMemory {
  const split = stageLayers(p.nLayer, g.pp);
  const layers = split[g.stage] ?? 0;
  const firstLayer = split.slice(0, g.stage).reduce((a, b) => a + b, 0);
  const weights = rankWeightBytes(shape, p, g, firstLayer, layers);
  const nonTorch = nonTorchBytes(g.tp);
  // the profile run's peak: one chunked-prefill batch through the widest layer (QKV, gate/up, activation, 2 bf16 buffers of the hidden state)
  const widest = (3 * p.nFf + (p.qHeads + 2 * p.kvHeads) * shape.headDimK) / g.tp + 2 * shape.nEmbd;
  const activation = Math.max(g.batchedTokens * widest * 2, g.samplerBytes ?? 0);
  const budget = g.gpuBytes * g.utilization;
  const kvBytes = Math.max(0, budget - weights - nonTorch - activation);
  // the stage's own attention layers cache K/V per token (their own K/V heads); other mixers keep a state per sequence, not per token
  // (K/V heads set for the plan, VllmShapeOptions.kvHeads, apply to every layer alike)
  const headsSet = p.kvHeads !== Math.max(0, ...shape.layers.filter((x) => x.mixer === "attention").map((x) => x.nHeadKv));
  let kvBytesPerToken = 0;
  for (let il = firstLayer; il < firstLayer + layers; il++) {
    const l = shape.layers[il];
    if (l?.mixer !== "attention") continue;
    const elems = shape.mla || headsSet ? kvElemsPerTokenLayer(shape, p, g.tp) : 2 * Math.max(1, l.nHeadKv / g.tp) * shape.headDimK;
    kvBytesPerToken += elems * g.kvBytesPerElem + indexerCacheBytes(shape);
  }
  const blocks = kvBytesPerToken > 0 ? Math.floor(kvBytes / (kvBytesPerToken * VLLM_BLOCK_SIZE)) : 0;
  return {
    totalBytes: g.gpuBytes, budgetBytes: budget, weights, nonTorch, activation, kvBytes, kvBytesPerToken, blocks, layers, firstLayer,
    embedding: g.stage === 0, lmHead: g.stage === g.pp - 1,
  };
}

export interface VllmPlan {
  readonly hosts: readonly ClusterHost[];
  readonly tp: number;
  readonly pp: number;
  readonly dtype: VllmDtype;
  /** FP8 from a BF16 checkpoint (`--quantization fp8`), not the checkpoint's own FP8. */
  readonly quantizedOnLoad: boolean;
  readonly utilization: number;
  /** The worst rank of each stage (the one with least memory). */
  readonly stages: readonly (VllmGpuMemory & { readonly gpu: Gpu; readonly host: string })[];
  /** KV cache blocks the engine uses: the smallest count over the ranks. */
  readonly blocks: number;
  /** The stage whose ranks have the fewest blocks: it bounds the KV tokens, --max-model-len and the concurrency. */
  readonly boundingStage: number;
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
  /** The checkpoint's own format (catalog `checkpoint`): an FP8 or INT4 checkpoint is planned as published only. */
  readonly checkpoint?: Checkpoint;
  /** The checkpoint's parameter count where the catalog's is a rounded label (VllmShapeOptions.paramsTotal). */
  readonly paramsTotal?: number;
}

/** One TP × PP plan on `hosts` (one pipeline stage per host, TP over each host's first `tp` GPUs). */
export function vllmPlanOn(shape: ModelShape, hosts: readonly ClusterHost[], tp: number, o: VllmOptions): VllmPlan | undefined {
  const pp = hosts.length;
  const p = vllmShapeParts(shape, o.paramsTotal !== undefined ? { paramsTotal: o.paramsTotal } : {});
  if (p.qHeads === 0 || p.qHeads % tp !== 0 || p.nLayer < pp) return undefined;
  const util = o.utilization ?? DEFAULT_GPU_MEMORY_UTILIZATION;
  const int4 = typeof o.checkpoint === "object" ? o.checkpoint.int4 : undefined;
  const dtype = o.dtype ?? (int4 ? "int4" : "bf16");
  const stages: (VllmGpuMemory & { gpu: Gpu; host: string })[] = [];
  for (const [i, h] of hosts.entries()) {
    const gpus = vllmGpus(h).slice(0, tp);
    if (gpus.length < tp) return undefined;
    const worst = gpus.reduce((a, g) => (g.vramTotalBytes.value < a.vramTotalBytes.value ? g : a));
    const total = worst.vramTotalBytes.value;
    const m = vllmGpuMemory(shape, p, { tp, pp, stage: i, gpuBytes: total, utilization: util, dtype, kvBytesPerElem: o.kvBytesPerElem ?? 2, batchedTokens: defaultBatchedTokens(total), ...(int4 && { int4 }) });
    stages.push({ ...m, gpu: worst, host: h.name });
  }
  // vLLM sizes every worker's cache with one block count, the smallest (V1 get_kv_cache_configs; V0 the minimum over workers)
  const blocks = Math.min(...stages.map((s) => s.blocks));
  const boundingStage = stages.findIndex((s) => s.blocks === blocks);
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
  return { hosts, tp, pp, dtype, quantizedOnLoad: dtype === "fp8" && o.checkpoint !== "fp8", utilization: util, stages, blocks, boundingStage, kvTokens, maxModelLen, concurrency, ctx: o.ctx, fits, reason };
}

/** The smallest GPU count that fits (TP first inside a host, then one more host per pipeline stage); bf16, else FP8 (an FP8 or INT4 checkpoint: as published only). */
export function adviseVllm(shape: ModelShape, hosts: readonly ClusterHost[], o: VllmOptions): { best?: VllmPlan; tried: VllmPlan[] } {
  const gpuHosts = hosts.filter((h) => vllmGpus(h).length > 0);
  const tried: VllmPlan[] = [];
  const dtypes: readonly VllmDtype[] = o.dtype ? [o.dtype] : o.checkpoint === "fp8" ? ["fp8"] : typeof o.checkpoint === "object" ? ["int4"] : ["bf16", "fp8"];
  for (const dtype of dtypes) {
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
    ` --gpu-memory-utilization ${plan.utilization} --max-model-len ${Math.min(plan.maxModelLen, Math.max(plan.ctx, 1))}${plan.quantizedOnLoad ? " --quantization fp8" : ""}`;
  if (plan.pp === 1) return [{ host: head.name, lines: [serve] }];
  return [
    { host: head.name, lines: [`ray start --head --port=6379`] },
    ...plan.hosts.slice(1).map((h) => ({ host: h.name, lines: [`ray start --address=${headAddr}:6379`] })),
    { host: head.name, lines: [serve] },
  ];
}
