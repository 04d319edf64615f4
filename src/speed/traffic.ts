// What one token costs: the weight bytes a decode step reads (per layer, so a placement can say
// which device reads them), the KV cache it reads at a context, and the FLOPs of a prompt token.
// Counted from the typed tensor list the sizing core builds, so quantization mixes are exact.

import type { ModelShape, TensorInfo } from "../models/shape.js";
import { requireGgmlType, tensorBytes, tensorElements } from "../sizing/ggml-types.js";
import { kvBytes, kvCacheType } from "../sizing/kv-cache.js";
import type { KvType } from "../sizing/types.js";
import { parseQuantName } from "../sizing/quant-mix.js";
import { tabled } from "../sizing/shape-tables.js";
import { typedTensors } from "../sizing/weights.js";
import { layerHeadDimK, layerHeadDimV } from "../sizing/tensors.js";

export interface TokenTraffic {
  /** Weight bytes one decode step reads in each layer (MoE: only the used experts' share). */
  readonly layerBytes: readonly number[];
  /** Output norm + output matrix (the tied token embedding when there is no output matrix). */
  readonly outputBytes: number;
  /** Weight elements one decode step multiplies per layer (what the CPU's compute term scales with). */
  readonly layerParams: readonly number[];
  /** The routed experts' share of layerParams (MoE: the CPU runs them with a slower kernel, mul_mat_id). */
  readonly layerExpertParams: readonly number[];
  readonly outputParams: number;
  /** Matmul weights used per token over the whole model: 2 × this is the FLOPs of one token. */
  readonly activeParams: number;
}

const LAYER_RE = /^blk\.(\d+)\./;

/**
 * Bytes and elements a decode step touches. The token embedding is only gathered (one row) and
 * counted as nothing, unless it doubles as the output matrix (tied embeddings). Expert tensors
 * (`*_exps`) count `used / count` of their size: llama.cpp's mul_mat_id reads the selected experts.
 */
export function tokenTraffic(shape: ModelShape, tensors: readonly TensorInfo[]): TokenTraffic {
  const n = shape.layers.length;
  const layerBytes = new Array<number>(n).fill(0);
  const layerParams = new Array<number>(n).fill(0);
  const layerExpertParams = new Array<number>(n).fill(0);
  let outputBytes = 0;
  let outputParams = 0;
  const hasOutput = tensors.some((t) => t.name === "output.weight");
  const expertShare = shape.experts ? shape.experts.used / shape.experts.count : 1;
  for (const t of tensors) {
    const share = t.name.includes("_exps") ? expertShare : 1;
    const bytes = tensorBytes(t.ne, requireGgmlType(t.type)) * share;
    // 1-D tensors (norms, biases) are read but are not matmul weights
    const params = t.ne.length >= 2 ? tensorElements(t.ne) * share : 0;
    const m = LAYER_RE.exec(t.name);
    const il = m?.[1] !== undefined ? Number(m[1]) : -1;
    if (il >= 0 && il < n) {
      layerBytes[il] = (layerBytes[il] ?? 0) + bytes;
      layerParams[il] = (layerParams[il] ?? 0) + params;
      if (share !== 1) layerExpertParams[il] = (layerExpertParams[il] ?? 0) + params;
    } else if (t.name.startsWith("output") || (t.name === "token_embd.weight" && !hasOutput)) {
      outputBytes += bytes;
      outputParams += params;
    }
  }
  const activeParams = layerParams.reduce((a, b) => a + b, 0) + outputParams;
  return { layerBytes, outputBytes, layerParams, layerExpertParams, outputParams, activeParams };
}

/**
 * tokenTraffic of the typed tensor list llama-quantize would give `shape` at `quant` (the file's
 * own when it is the file's quantization): from the build's table when it holds the shape.
 */
export function trafficFor(shape: ModelShape, quant: string): TokenTraffic {
  const q = parseQuantName(quant);
  return tabled(shape, q)?.traffic ?? tokenTraffic(shape, typedTensors(shape, q));
}

/**
 * State elements each recurrent layer updates per token (Mamba-1 and -2: d_inner × d_state): the
 * selective scan, a sequential per-token loop that prompt processing cannot batch into a matmul.
 */
export function ssmElemsPerLayer(shape: ModelShape): number[] {
  const ssm = shape.ssm;
  return shape.layers.map((l) => (l.mixer === "recurrent" && ssm ? ssm.dInner * ssm.dState : 0));
}

/** Cells an attention layer reads at context `ctx`: sliding-window layers read at most their window. */
function cellsRead(shape: ModelShape, swa: boolean, ctx: number): number {
  return swa && shape.swaWindow > 0 ? Math.min(ctx, shape.swaWindow) : ctx;
}

/** KV bytes each layer reads for one new token at context `ctx` (K and V of every cached cell). */
export function kvReadPerLayer(shape: ModelShape, ctx: number, kvTypeK: KvType = "f16", kvTypeV: KvType = "f16"): number[] {
  const tk = kvCacheType(kvTypeK);
  const tv = kvCacheType(kvTypeV);
  return shape.layers.map((l) => {
    if (l.mixer !== "attention" || l.nHeadKv === 0) return 0;
    const cells = cellsRead(shape, l.swa, ctx);
    return kvBytes(cells * l.nHeadKv * layerHeadDimK(shape, l), tk) + kvBytes(cells * l.nHeadKv * layerHeadDimV(shape, l), tv);
  });
}

/**
 * Attention FLOPs of one token at context `ctx` (Q·Kᵀ and scores·V: 2 FLOPs per multiply-add,
 * head dim × cells per head, for each query head), summed over layers.
 */
export function attentionFlops(shape: ModelShape, ctx: number): number {
  let sum = 0;
  for (let i = 0; i < shape.layers.length; i++) {
    const l = shape.layers[i]!;
    if (l.mixer !== "attention" || l.nHead === 0) continue;
    const cells = cellsRead(shape, l.swa, ctx);
    sum += 2 * l.nHead * cells * (layerHeadDimK(shape, l) + layerHeadDimV(shape, l));
  }
  return sum;
}

/**
 * F32 activation bytes one prompt token moves through memory in each layer between its matmuls:
 * llama.cpp runs the norms, RoPE, residual adds, the gated-FFN product and the cast of each
 * matmul's input (q8_1 for MMQ, F16 for the GEMMs) as separate kernels over F32 tensors
 * (src/llama-graph.cpp builds the graph of one op per ggml node), so every intermediate is
 * written once and read once. Per layer: six model-width vectors (two norms, the attention and
 * FFN outputs, two residual adds), the Q/K/V projections and the attention output, and three FFN
 * widths (gate, up, their product) for each expert a token runs. These bytes grow with the width
 * where the matmul FLOPs grow with its square: small models and parts with many FLOPs per byte of
 * bandwidth spend a larger share of a prompt here.
 */
export function activationBytesPerLayer(shape: ModelShape): number[] {
  const e = shape.experts;
  return shape.layers.map((l, i) => {
    const moe = e !== undefined && (l.moe ?? i >= e.leadingDense);
    const ffn = moe && e ? 3 * (e.nFfExp * e.used + e.nFfShexp * e.shared) : 3 * l.nFf;
    const attn = l.mixer === "attention" && l.nHead > 0 ? (2 * l.nHead + 2 * l.nHeadKv) * layerHeadDimK(shape, l) : 0;
    return 2 * 4 * (6 * shape.nEmbd + attn + ffn);
  });
}

/**
 * Matmul FLOPs of one prompt token in a prompt of `promptLen` tokens, for `layerParams` layer
 * weights and `outputParams` of the output matrix: 2 per layer weight for every token, but the
 * output matrix once per prompt. A prompt asks for the last token's logits only (llama-bench and
 * llama-server decode it with `logits` null, which llama.cpp reads as "output the last token
 * only", src/llama-batch.cpp; the graph drops the other rows before the output matmul), so the
 * logits matmul runs on one row: a 152k-vocabulary head is 15 % of a 1.5B model's weights.
 */
export function promptMatmulFlops(layerParams: number, outputParams: number, promptLen: number): number {
  return 2 * layerParams + (2 * outputParams) / Math.max(1, promptLen);
}

/**
 * FLOPs of one prompt token when the prompt is `promptLen` long: the matmuls (promptMatmulFlops)
 * plus the attention over the cells before it (on average half the prompt, after `start` cached cells).
 */
export function prefillFlopsPerToken(shape: ModelShape, traffic: TokenTraffic, promptLen: number, start = 0): number {
  return promptMatmulFlops(traffic.activeParams - traffic.outputParams, traffic.outputParams, promptLen) + attentionFlops(shape, start + promptLen / 2);
}

/**
 * Distinct experts a micro-batch of `tokens` tokens routes to, of `count` with `used` per token:
 * count × (1 − (1 − used/count)^tokens) when routing is uniform. A 512-token micro-batch of a
 * 128-expert top-8 model hits all 128, so each expert's weights are read once per micro-batch for
 * about 32 tokens; a decode step (1 token) reads `used`.
 */
export function expertsHit(count: number, used: number, tokens: number): number {
  if (count <= 0 || used <= 0) return 0;
  return count * (1 - (1 - Math.min(1, used / count)) ** Math.max(1, tokens));
}

/** The quantization family whose kernels run a file: the per-type CPU rates are fitted per family. */
export type WeightFamily = "f16" | "q8" | "quant";

export function weightFamily(quant: string): WeightFamily {
  const q = quant.toUpperCase();
  if (q === "F16" || q === "BF16" || q === "F32") return "f16";
  if (q === "Q8_0") return "q8";
  return "quant";
}
