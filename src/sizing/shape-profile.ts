// What the memory formulas need from a shape, computed once per shape so that sizing one setting
// costs a handful of multiplications instead of a walk over every layer: distinct KV layer kinds
// with their counts, suffix sums for "the last n layers" (partial offload puts the last layers on
// the GPU), per-sequence recurrent state, and the maxima the compute-buffer peaks depend on.

import type { ModelShape } from "../models/shape.js";
import { convStateElements, ssmStateElements } from "./recurrent-state.js";
import { hasFusedQkv, isEncoderOnly, layerHasRecurrentState, layerHeadDimK, layerHeadDimV, layerIsMoe } from "./tensors.js";

export interface KvClass {
  readonly kElems: number; // n_embd_k_gqa
  readonly vElems: number;
  readonly swa: boolean;
  readonly count: number;
}

export interface ShapeProfile {
  readonly nLayer: number;
  readonly kvClasses: readonly KvClass[];
  /** suffix[n]: K (or V) elements per cell summed over the last n layers, full-attention and SWA apart. */
  readonly kSuffixBase: readonly number[];
  readonly vSuffixBase: readonly number[];
  readonly kSuffixSwa: readonly number[];
  readonly vSuffixSwa: readonly number[];
  /** suffix[n]: KV-cached layers among the last n, full-attention and SWA apart (for the transposed V cache). */
  readonly kvLayersSuffixBase: readonly number[];
  readonly kvLayersSuffixSwa: readonly number[];
  /**
   * Widest V row of any KV layer (llama.cpp hparams.n_embd_v_gqa_max): without flash attention the
   * V cache is stored transposed and every layer's V gets this width (llama-kv-cache.cpp). Only
   * models whose layers differ in V width (Gemma 4: 256- and 512-wide heads) notice.
   */
  readonly maxVElems: number;
  /** Recurrent-state bytes per sequence: total, and suffix over the last n layers. */
  readonly rPerSeq: number;
  readonly sPerSeq: number;
  readonly recurrentLayers: number;
  readonly rsSuffixPerSeq: readonly number[];
  readonly hasAttention: boolean;
  /** Largest head count / KV width / FFN width among attention layers (full and SWA). */
  readonly maxHeadBase: number;
  readonly maxHeadSwa: number;
  readonly maxKvDimBase: number;
  readonly maxKvDimSwa: number;
  /** Widest query projection (n_head × head dim) among attention layers, full and SWA. */
  readonly maxQDimBase: number;
  readonly maxQDimSwa: number;
  readonly maxFfnAttn: number;
  readonly maxFfnRecurrent: number;
  readonly hasShortConv: boolean;
  readonly hasSsm: boolean;
  /** One fused attn_qkv projection: K and V are views, not tensors of their own. */
  readonly fusedQkv: boolean;
}

/** The FFN width alive at once: n_ff for dense layers, used experts' (+ shared) width for MoE. */
export function ffnWidth(shape: ModelShape, il: number): number {
  const l = shape.layers[il];
  if (!l) return 0;
  if (!layerIsMoe(shape, il) || !shape.experts) return l.nFf;
  const x = shape.experts;
  // Gemma 4's MoE layers run their dense FFN (n_ff) beside the routed experts
  const dense = shape.arch === "gemma4" ? l.nFf : 0;
  return x.used * x.nFfExp + x.shared * x.nFfShexp + dense;
}

export function profileShape(shape: ModelShape): ShapeProfile {
  const n = shape.layers.length;
  // a handful at most: found by a scan, not by a string key made for every layer (the catalog's
  // ~27k layers are profiled on every start that has no judged rows on disk)
  const classes: { kElems: number; vElems: number; swa: boolean; count: number }[] = [];
  const kB = new Array<number>(n + 1).fill(0);
  const vB = new Array<number>(n + 1).fill(0);
  const kS = new Array<number>(n + 1).fill(0);
  const vS = new Array<number>(n + 1).fill(0);
  const lB = new Array<number>(n + 1).fill(0);
  const lS = new Array<number>(n + 1).fill(0);
  let maxVElems = 0;
  const rs = new Array<number>(n + 1).fill(0);
  let rPerSeq = 0, sPerSeq = 0, recurrentLayers = 0;
  let maxHeadBase = 0, maxHeadSwa = 0, maxKvDimBase = 0, maxKvDimSwa = 0, maxFfnAttn = 0, maxFfnRecurrent = 0;
  let maxQDimBase = 0, maxQDimSwa = 0;
  let hasAttention = false, hasShortConv = false, hasSsm = false;
  // encoders (BERT family) get no KV cache from llama.cpp
  const encoder = isEncoderOnly(shape.arch);
  const mla = shape.mla;
  // walk from the last layer so suffix[j] covers the last j layers
  for (let j = 1; j <= n; j++) {
    const il = n - j;
    const l = shape.layers[il];
    kB[j] = kB[j - 1] ?? 0;
    vB[j] = vB[j - 1] ?? 0;
    kS[j] = kS[j - 1] ?? 0;
    vS[j] = vS[j - 1] ?? 0;
    lB[j] = lB[j - 1] ?? 0;
    lS[j] = lS[j - 1] ?? 0;
    rs[j] = rs[j - 1] ?? 0;
    if (!l) continue;
    if (l.mixer === "attention" && !encoder) {
      hasAttention = true;
      const swa = l.swa && shape.swaWindow > 0;
      // MLA (llama-kv-cache.cpp, is_mla): one K row per cell holding the compressed latent plus the
      // shared RoPE key (kv_lora_rank + qk_rope_head_dim), and no V tensor at all
      // DeepSeek-V3.2 (DSA): the lightning indexer's key, one head per cell, in a second cache of
      // the K type beside the latent (llama-kv-cache-dsa.cpp); counted with K so that offloading moves it too
      const indexerK = shape.indexer?.headDim ?? 0;
      const kElems = (mla ? mla.kvLoraRank + mla.qkRopeHeadDim : l.nHeadKv * layerHeadDimK(shape, l)) + indexerK;
      const vElems = mla ? 0 : l.nHeadKv * layerHeadDimV(shape, l);
      maxVElems = Math.max(maxVElems, vElems);
      let c: (typeof classes)[number] | undefined;
      // by index: a for…of here made an iterator per layer (~27k on a cold report)
      for (let k = 0; k < classes.length; k++) {
        const x = classes[k]!;
        if (x.kElems === kElems && x.vElems === vElems && x.swa === swa) {
          c = x;
          break;
        }
      }
      if (c) c.count++;
      else classes.push({ kElems, vElems, swa, count: 1 });
      if (swa) {
        kS[j] = (kS[j] ?? 0) + kElems;
        vS[j] = (vS[j] ?? 0) + vElems;
        lS[j] = (lS[j] ?? 0) + 1;
        maxHeadSwa = Math.max(maxHeadSwa, l.nHead);
        maxKvDimSwa = Math.max(maxKvDimSwa, kElems);
        maxQDimSwa = Math.max(maxQDimSwa, l.nHead * layerHeadDimK(shape, l));
      } else {
        kB[j] = (kB[j] ?? 0) + kElems;
        vB[j] = (vB[j] ?? 0) + vElems;
        lB[j] = (lB[j] ?? 0) + 1;
        maxHeadBase = Math.max(maxHeadBase, l.nHead);
        maxKvDimBase = Math.max(maxKvDimBase, kElems);
        maxQDimBase = Math.max(maxQDimBase, l.nHead * layerHeadDimK(shape, l));
      }
      maxFfnAttn = Math.max(maxFfnAttn, ffnWidth(shape, il));
    }
    if (layerHasRecurrentState(shape, il)) {
      const mixer = l.mixer === "shortconv" ? "shortconv" : "recurrent";
      if (mixer === "shortconv") hasShortConv = true;
      else hasSsm = true;
      const r = convStateElements(shape, mixer) * 4;
      const s = ssmStateElements(shape, mixer) * 4;
      rPerSeq += r;
      sPerSeq += s;
      recurrentLayers++;
      rs[j] = (rs[j] ?? 0) + r + s;
      maxFfnRecurrent = Math.max(maxFfnRecurrent, ffnWidth(shape, il));
    }
  }
  return {
    nLayer: n, kvClasses: classes, kSuffixBase: kB, vSuffixBase: vB, kSuffixSwa: kS, vSuffixSwa: vS,
    kvLayersSuffixBase: lB, kvLayersSuffixSwa: lS, maxVElems,
    rPerSeq, sPerSeq, recurrentLayers, rsSuffixPerSeq: rs, hasAttention, maxHeadBase, maxHeadSwa,
    maxKvDimBase, maxKvDimSwa, maxQDimBase, maxQDimSwa, maxFfnAttn, maxFfnRecurrent, hasShortConv, hasSsm, fusedQkv: hasFusedQkv(shape.arch),
  };
}
