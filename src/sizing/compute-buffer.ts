// The compute buffer llama.cpp reserves: the peak of ggml's graph allocator over a worst-case
// micro-batch graph (llama-context.cpp graph_reserve). Tensors are freed after their last use, so
// the peak sits at one of a few places, and we take the largest:
//   - the output: logits [n_vocab, n_ubatch] f32 beside the final hidden states;
//   - an attention block without flash attention: KQ [n_kv, n_ubatch, n_head] f32 and the mask;
//   - an FFN block with flash attention: gate/up/activation [n_ff, n_ubatch] beside the residual
//     stream, with the f16 mask copy still alive;
//   - a recurrent block: the in-projection and the scan's outputs.
// The multipliers (how many [n_embd, n_ubatch] / [n_ff, n_ubatch] tensors are alive at each peak)
// were read off llama.cpp's CPU-backend buffers in data/groundtruth/llama-cpp-buffers.csv (Llama 3.x, Mistral,
// Qwen2.5 at 2k–32k, flash attention on/off, f16/q8_0 KV: exact to 0.01 MiB) and hold on
// data/groundtruth (Gemma 2/3, Qwen3, Qwen3-MoE, Phi-3, Mamba 1/2, LFM2, Granite 4 H) within a few
// MiB; DeepSeek-V2 (MLA + MoE) has its own terms below. Known gap: at ctx 2048 llama.cpp's
// allocator lands 2–14 MiB higher than at 8192 on some models (fragmentation, not a tensor we can
// name).

import type { ModelShape } from "../models/shape.js";
import type { KvCacheSize } from "./kv-cache.js";
import type { ShapeProfile } from "./shape-profile.js";
import { layerHeadDimK, ssmConvChannels } from "./tensors.js";
import type { RunSettings } from "./types.js";

const F32 = 4;
/** Small graph inputs (positions, output ids …) always present: ~0.01 MiB. */
const SMALL_INPUTS = 10 * 1024;

export interface ComputeInputs {
  readonly shape: ModelShape;
  readonly profile: ShapeProfile;
  readonly settings: RunSettings;
  readonly flashAttn: boolean;
  readonly kv: KvCacheSize;
}

export function microBatch(s: RunSettings): number {
  return Math.max(1, Math.min(s.nUbatch, s.nBatch));
}

function isQuantizedKv(s: RunSettings): boolean {
  return s.kvTypeK !== "f16" && s.kvTypeK !== "f32" && s.kvTypeK !== "bf16";
}

function outputPeak(c: ComputeInputs, ub: number): number {
  const { shape } = c;
  // two [n_embd, n_ubatch] tensors are alive beside the logits; a third with a quantized KV cache
  // or Mamba layers (their graphs order the final nodes differently), as measured
  // Qwen3-VL: the micro-batch's input embedding, n_embd × (1 + n_deepstack_layers) wide, is still
  // alive below the logits (Qwen3-VL 2B, data/groundtruth: 320.75 MiB at 8k = 296.75 logits + 6 × 4 MiB)
  const residual = (isQuantizedKv(c.settings) || c.profile.hasSsm ? 3 : 2) + (shape.deepstackLayers !== undefined ? 1 + shape.deepstackLayers : 0);
  const gemma4 = gemma4BelowLogits(c, ub, residual);
  if (gemma4 !== undefined) return ub * F32 * shape.nVocab + gemma4;
  return ub * F32 * (shape.nVocab + Math.max(residual, deepseekMoeBelowLogits(c), glmDsaBelowLogits(shape)) * shape.nEmbd + llama4SharedBelowLogits(shape)) +
    qwen3NextMaskBelowLogits(c, ub) + dsaScoresBelowLogits(c, ub);
}

/**
 * DeepSeek-V3.2 (deepseek32): one f32 [n_kv, n_ubatch] tensor of the last layer's sparse attention
 * (the indexer's scores or the mask built from its top-k) still sits below the logits. Measured on a
 * 5-layer V3.2 shape (data/groundtruth: 420.08 / 432.08 / 444.08 / 476.08 MiB at 1k / 2k / 8k / 32k =
 * logits 252.5 + 12 [n_embd] tensors 168 + this, within 8.5 MiB; the allocator lands 7.6 MiB either side).
 */
function dsaScoresBelowLogits(c: ComputeInputs, ub: number): number {
  return c.shape.indexer !== undefined && c.shape.arch === "deepseek32" ? c.kv.cells * ub * F32 : 0;
}

/**
 * GLM-5 (glm-dsa): four [n_embd, n_ubatch] f32 tensors below the logits, with an f16 or a q8_0 cache,
 * and no [n_kv, n_ubatch] tensor: measured on a 5-layer GLM-5 shape (data/groundtruth: 350.5 MiB at
 * 2k and 8k = logits 302.5 + 4 × 12). src/models/glm-dsa.cpp builds DeepSeek-V3.2's graph, but at
 * GLM-5's widths llama.cpp's allocator does not keep V3.2's n_expert_used + 4 tensors and scores there.
 */
function glmDsaBelowLogits(shape: ModelShape): number {
  return shape.arch === "glm-dsa" ? 4 : 0;
}

/**
 * Gemma 4: what sits below the logits is the larger of two placements llama.cpp's allocator makes
 * (measured on E2B, E4B, 26B A4B and 31B, data/groundtruth): the KQ masks of both caches
 * ([n_kv, n_ubatch], f16 with flash attention, f32 without) beside the two (three) [n_embd] tensors
 * every model keeps, or the last (full-attention) layer's query, n_head × global head dim, beside
 * four [n_embd] tensors. E2B 551.02 MiB at 32k = 512 logits + 33 masks + 6; 31B 595.52 at 8k =
 * 512 + 32 (query) + 42 (+ the 9.5 MiB masks). Known gaps (KNOWN_GAPS in the ground-truth test):
 * E2B at 2,048 cells per sequence (llama.cpp 67.5 MiB below the logits), and 31B at 32k and with
 * a q8_0 cache, where llama.cpp fits only three [n_embd] tensors below (543.5 MiB; ours 586, over).
 * Returns bytes beyond the logits that replace the usual residual tensors.
 */
function gemma4BelowLogits(c: ComputeInputs, ub: number, residual: number): number | undefined {
  const { shape } = c;
  if (shape.arch !== "gemma4" || !c.profile.hasAttention) return undefined;
  const masks = (c.kv.cells + c.kv.cellsSwa) * ub * (c.flashAttn ? 2 : F32);
  const last = shape.layers[shape.layers.length - 1];
  const query = last ? last.nHead * layerHeadDimK(shape, last) : 0;
  return Math.max(masks + ub * F32 * residual * shape.nEmbd, ub * F32 * (query + 4 * shape.nEmbd));
}

/**
 * Qwen3-Next (hybrid DeltaNet + attention): with flash attention and an f16 cache the f16 KQ mask
 * [n_kv, n_ubatch] is still allocated below the logits. Measured on Qwen3-Next-80B-A3B
 * (data/groundtruth: 340.76 MiB at 32k = 308.75 + the 32 MiB mask; 308.75 at 8k, 314.76 at 2k,
 * where the allocator reuses the space).
 */
function qwen3NextMaskBelowLogits(c: ComputeInputs, ub: number): number {
  // the dense Qwen3.5 (qwen35) keeps it there too: 0.8B 521.02 MiB at 32k = 485 logits + 32 mask + 2 [1024]
  // tensors (491 at 2k / 8k); the MoE one (qwen35moe, a 35B-A3B shape) does not (497 at 8k and 32k)
  if ((c.shape.arch !== "qwen3next" && c.shape.arch !== "qwen35") || !c.flashAttn || isQuantizedKv(c.settings)) return 0;
  return c.kv.cells * ub * 2;
}

/**
 * Llama 4 (llama4 with a MoE last layer): the logits sit above two [n_ff_shexp, n_ubatch] f32
 * tensors of the last layer's shared expert (its gate and up outputs). Measured on Llama 4 Scout
 * (data/groundtruth: 448.65 / 450.65 / 434.72 MiB at 2k / 8k / 32k against logits + 2 [n_embd] =
 * 414.63 MiB; + 2 × 8,192 floats per token = 446.63). Returns floats per micro-batch token.
 */
function llama4SharedBelowLogits(shape: ModelShape): number {
  const x = shape.experts;
  const last = shape.layers[shape.layers.length - 1];
  if (shape.arch !== "llama4" || !x || x.shared === 0 || last?.moe === false) return 0;
  return 2 * x.nFfShexp;
}

/**
 * DeepSeek-V2 MoE (deepseek2 with routed + shared experts): the allocator places the logits above
 * the space of the last layer's routed-expert outputs, so the output peak is the logits plus
 * (n_expert_used + 4) [n_embd, n_ubatch] f32 tensors. Measured on DeepSeek-V2-Lite (data/groundtruth,
 * 240.26 MiB = 200 MiB logits + 10 × 4 MiB) and on sparse variants of it (n_expert_used 2 / 6 / 12 →
 * +6 / +10 / +16 tensors; n_embd 1024; vocab 51200; 16 or 8 heads; all-dense layers → none).
 * With the f16 flash-attention mask (or the f32 one without) smaller than one [n_embd, n_ubatch]
 * f32 tensor, the placement depends on the model: DeepSeek-V2-Lite (27 layers) then fits the
 * logits low (212 MiB = logits + 3 tensors below 4096 cells), a 26-layer variant does not (240–243
 * MiB), so we follow the real model there. Returns the count of [n_embd, n_ubatch] tensors, or 0.
 */
function deepseekMoeBelowLogits(c: ComputeInputs): number {
  const { shape, kv } = c;
  const ex = shape.experts;
  if ((shape.arch !== "deepseek2" && shape.arch !== "deepseek32") || !ex || ex.count <= 1 || ex.leadingDense >= shape.layers.length) return 0;
  // DeepSeek-V3.2 keeps them below its logits from 1,024 cells on (measured 1k–32k)
  if (shape.arch === "deepseek32") return ex.used + 4;
  const maskBytesPerToken = kv.cells * (c.flashAttn ? 2 : F32);
  if (maskBytesPerToken < F32 * shape.nEmbd) return 0;
  return ex.used + 4;
}

/**
 * Per micro-batch token, the f32 tensors of DeepSeek's multi-head latent attention whose space sits
 * below KQ without flash attention: the query projection (n_head × (nope + rope)), its roped part
 * (n_head × rope), the absorbed query (n_head × kv_lora_rank) and the concatenated Q
 * (n_head × (kv_lora_rank + rope)), beside four [n_embd] residual-stream tensors. Measured on
 * DeepSeek-V2-Lite at 8192 cells (330.27 MiB = KQ 256 + mask 16 + 58.27) and within 4 % on variants
 * (8 heads, kv_lora_rank 256, n_embd 1024).
 */
function mlaWorkingSet(shape: ModelShape, heads: number): number {
  const m = shape.mla;
  if (!m) return 0;
  return heads * (3 * m.qkRopeHeadDim + m.qkNopeHeadDim + 2 * m.kvLoraRank) + 4 * shape.nEmbd;
}

/**
 * DeepSeek-V3.2's sparse attention with flash attention (src/models/deepseek32.cpp): the MLA query
 * working set (mlaWorkingSet without its residual-stream tensors) and the indexer's query
 * (indexer heads × head dim) per micro-batch token, beside per cell two f32 [n_kv, n_ubatch] tensors
 * (the indexer's scores and the mask its top-k builds) and one layer's indexer keys in f32. Fitted to
 * a 5-layer V3.2 shape at 32k–160k cells (data/groundtruth and the same file at 48k–160k: within
 * 20 MiB, 4 %, except 48k, where llama.cpp's allocator lands 57 MiB higher); below 32k the output
 * peak is the larger.
 */
function dsaFlashPeak(c: ComputeInputs, ub: number): number {
  const { shape, kv, profile: p } = c;
  const m = shape.mla;
  const x = shape.indexer;
  if (!m || !x) return 0;
  const heads = p.maxHeadBase;
  if (shape.arch === "glm-dsa") {
    // GLM-5 (a 5-layer shape, data/groundtruth, 32k–198k cells: 364.08 / 492.08 / 748.08 / 1,028.08 MiB =
    // 236.08 + 4 KiB per cell, to 0.1 MiB): mlaFlashPeak's query working set and [n_embd] tensors, the
    // indexer's query in f16, and the two f32 [n_kv, n_ubatch] tensors per cell, without V3.2's f32
    // indexer keys per cell
    const perToken = F32 * (heads * (4 * m.qkRopeHeadDim + m.qkNopeHeadDim + 2 * m.kvLoraRank) + 4 * shape.nEmbd) + 2 * x.heads * x.headDim;
    return ub * perToken + kv.cells * 2 * ub * F32;
  }
  const perToken = heads * (3 * m.qkRopeHeadDim + m.qkNopeHeadDim + 2 * m.kvLoraRank) + x.heads * x.headDim;
  return ub * F32 * perToken + kv.cells * (2 * ub * F32 + x.headDim * F32);
}

/**
 * DeepSeek's multi-head latent attention with flash attention (deepseek2 without the indexer): the
 * query's working set per micro-batch token — n_head × (4 × rope + nope + 2 × kv_lora_rank), the
 * tensors of mlaWorkingSet plus one more roped slice — beside four [n_embd] residual-stream tensors,
 * and the f16 mask, which llama.cpp keeps with a quantized cache too. With 128 heads it outgrows the
 * generic flash-attention term (the FFN projections): measured on a 5-layer Mistral Large 3 shape
 * (data/groundtruth, 410.01 / 416.01 / 440.01 MiB at 2k / 8k / 32k, 472 / 536 / 664 at 64k / 128k /
 * 256k: 408 MiB + 1 KiB per cell, q8_0 cache the same), where the generic term was 30 % low.
 */
function mlaFlashPeak(c: ComputeInputs, ub: number): number {
  const { shape, kv, profile: p } = c;
  const m = shape.mla;
  if (!m) return 0;
  const perHead = 4 * m.qkRopeHeadDim + m.qkNopeHeadDim + 2 * m.kvLoraRank;
  return ub * F32 * (p.maxHeadBase * perHead + 4 * shape.nEmbd) + kv.cells * ub * 2;
}

function attentionPeak(c: ComputeInputs, ub: number): number {
  const { shape, kv, profile: p } = c;
  if (!p.hasAttention) return 0;
  if (c.flashAttn && shape.indexer !== undefined && shape.mla) return dsaFlashPeak(c, ub);
  if (c.flashAttn) {
    const masks = isQuantizedKv(c.settings) ? 0 : (kv.cells + kv.cellsSwa) * ub * 2;
    // a fused QKV projection leaves one [n_embd, n_ubatch] tensor fewer alive (Phi-3: 3, Llama: 4)
    const generic = ub * F32 * (3 * p.maxFfnAttn + (p.fusedQkv ? 3 : 4) * shape.nEmbd) + masks;
    return shape.mla ? Math.max(generic, mlaFlashPeak(c, ub)) : generic;
  }
  // KQ [n_kv, n_ubatch, n_head] and the f32 mask, beside the residual stream and K/V projections;
  // Gemma 4's query (n_head × head dim, up to 3× n_embd on 31B's global layers) is alive twice
  // (its projection and its normed, roped copy: 31B 658.51 MiB at 8k without flash attention)
  const gemma4 = shape.arch === "gemma4";
  // Qwen3-VL: the DeepStack layers' inputs (the micro-batch embedding, n_embd × (1 + n) wide, and a
  // copy of each slice) are alive beside KQ: Qwen3-VL 30B-A3B 586.02 MiB at 8k without flash
  // attention, Qwen3-30B-A3B (the same decoder) 558.01
  const deepstack = shape.deepstackLayers !== undefined ? 1 + 2 * shape.deepstackLayers : 0;
  const withoutFa = (heads: number, nKv: number, kvDim: number, qDim: number): number =>
    heads === 0 ? 0 : heads * nKv * ub * F32 + nKv * ub * F32 +
      ub * F32 * (shape.mla ? mlaWorkingSet(shape, heads) : (5 + deepstack) * shape.nEmbd + (p.fusedQkv ? 0 : 2 * kvDim) + (gemma4 ? 2 * qDim : 0));
  return Math.max(
    withoutFa(p.maxHeadBase, kv.cells, p.maxKvDimBase, p.maxQDimBase),
    withoutFa(p.maxHeadSwa, kv.cellsSwa, p.maxKvDimSwa, p.maxQDimSwa),
  );
}

/** In-projection, conv input and scan output of one Mamba layer; a short conv's three projections. */
function recurrentPeak(c: ComputeInputs, ub: number): number {
  const { shape, profile: p } = c;
  let peak = 0;
  if (p.hasShortConv) peak = ub * F32 * 8 * shape.nEmbd;
  const s = shape.ssm;
  if (p.hasSsm && s) {
    const conv = ssmConvChannels(shape);
    const inProj = 2 * s.dInner + 2 * s.nGroup * s.dState + s.nHead;
    const state = s.dState * s.dInner * F32 * Math.max(1, c.settings.nSeq);
    peak = Math.max(peak, ub * F32 * (inProj + conv + 2 * s.dInner + 2 * shape.nEmbd + p.maxFfnRecurrent) + state);
  }
  return peak;
}

export interface ComputePeaks {
  /** Peak while computing the logits (only on the device that holds the output layer). */
  readonly output: number;
  /** Peak inside a layer (every device that runs layers). */
  readonly layer: number;
}

export function computePeaks(c: ComputeInputs): ComputePeaks {
  const ub = microBatch(c.settings);
  return {
    output: outputPeak(c, ub) + SMALL_INPUTS,
    layer: Math.max(attentionPeak(c, ub), recurrentPeak(c, ub)) + SMALL_INPUTS,
  };
}

/** Bytes of the compute buffer on the device that runs the layers (CPU, or the GPU holding them). */
export function computeBufferBytes(c: ComputeInputs): number {
  const p = computePeaks(c);
  return Math.max(p.output, p.layer);
}

/**
 * Host-side compute buffer when the layers run on a GPU (CUDA_Host and the like): graph inputs
 * such as the embeddings of the micro-batch. An estimate; llama.cpp prints it but we have no
 * GPU ground truth yet.
 */
export function hostComputeBytes(c: ComputeInputs): number {
  const ub = microBatch(c.settings);
  return ub * F32 * 2 * c.shape.nEmbd + SMALL_INPUTS;
}

/** The logits (and embeddings) buffer: one n_vocab row of f32 per sequence (llama_context::output_reserve). */
export function outputBufferBytes(shape: ModelShape, s: RunSettings): number {
  return shape.nVocab * F32 * Math.max(1, s.nSeq);
}
