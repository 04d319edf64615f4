// The KV cache llama.cpp allocates (src/llama-kv-cache.cpp, llama-kv-cache-iswa.cpp): per attention
// layer one K tensor [n_embd_k_gqa, cells, n_stream] and one V tensor [n_embd_v_gqa, cells, n_stream]
// in the cache types; sliding-window layers get their own, smaller cache.

import type { ModelShape } from "../models/shape.js";
import { requireGgmlType, rowBytes, type GgmlType } from "./ggml-types.js";
import { profileShape, type ShapeProfile } from "./shape-profile.js";
import type { KvType, RunSettings } from "./types.js";

/** llama.cpp pads the SWA cache (and, in the builds people run, the context) to 256 cells. */
export const KV_PAD = 256;

export function padTo(n: number, pad: number): number {
  return Math.ceil(n / pad) * pad;
}

export interface KvCacheSize {
  /** Cells per stream of the full-attention cache, and how many streams (sequences) it holds. */
  readonly cells: number;
  readonly streams: number;
  readonly k: number;
  readonly v: number;
  readonly layers: number;
  readonly cellsSwa: number;
  readonly kSwa: number;
  readonly vSwa: number;
  readonly layersSwa: number;
}

export function kvGgmlType(t: KvType): string {
  return t.toUpperCase();
}

const kvTypes = new Map<KvType, GgmlType>();

/** The ggml type of a KV cache type, looked up once (the sizer asks on every estimate). */
export function kvCacheType(t: KvType): GgmlType {
  let g = kvTypes.get(t);
  if (!g) kvTypes.set(t, (g = requireGgmlType(kvGgmlType(t))));
  return g;
}

/** Cells per sequence: the whole context when unified, else an equal share per sequence. */
export function contextPerSequence(s: RunSettings): number {
  const nCtx = padTo(Math.max(1, s.ctx), KV_PAD);
  return s.kvUnified ? nCtx : Math.max(1, Math.trunc(nCtx / Math.max(1, s.nSeq)));
}

/** SWA layers keep window × (sequences sharing the cache) + one micro-batch, padded to 256. */
export function swaCells(shape: ModelShape, s: RunSettings, baseCells: number): number {
  const ub = Math.min(s.nUbatch, s.nBatch);
  const wanted = shape.swaWindow * (s.kvUnified ? Math.max(1, s.nSeq) : 1) + ub;
  return padTo(Math.min(baseCells, wanted), KV_PAD);
}

/** Bytes of `elems` cache elements of a (possibly block-quantized) type. */
export function kvBytes(elems: number, type: GgmlType): number {
  return (elems / type.blockSize) * type.typeSize;
}

/**
 * Without flash attention llama.cpp stores V transposed, each layer's V as wide as the widest
 * (llama-kv-cache.cpp: n_embd_v_gqa_max when v_trans); with it, each layer's own width.
 */
export function vTransposed(s: RunSettings): boolean {
  return s.flashAttn === "off";
}

function vElemsOf(profile: ShapeProfile, s: RunSettings, own: number): number {
  return vTransposed(s) && own > 0 ? profile.maxVElems : own;
}

export function kvCacheSize(shape: ModelShape, s: RunSettings, profile: ShapeProfile = profileShape(shape)): KvCacheSize {
  const cells = contextPerSequence(s);
  const streams = s.kvUnified ? 1 : Math.max(1, s.nSeq);
  const cellsSwa = shape.swaWindow > 0 ? swaCells(shape, s, cells) : 0;
  const tk = kvCacheType(s.kvTypeK);
  const tv = kvCacheType(s.kvTypeV);
  let k = 0, v = 0, kSwa = 0, vSwa = 0, layers = 0, layersSwa = 0;
  for (const c of profile.kvClasses) {
    const n = (c.swa ? cellsSwa : cells) * streams * c.count;
    const ck = rowBytes(c.kElems, tk) * n;
    const cv = rowBytes(vElemsOf(profile, s, c.vElems), tv) * n;
    if (c.swa) {
      kSwa += ck;
      vSwa += cv;
      layersSwa += c.count;
    } else {
      k += ck;
      v += cv;
      layers += c.count;
    }
  }
  return { cells, streams, k, v, layers, cellsSwa, kSwa, vSwa, layersSwa };
}

/** K + V bytes of the last `n` layers' caches (what offloading those layers moves to a GPU). */
export function kvBytesOfLastLayers(profile: ShapeProfile, kv: KvCacheSize, s: RunSettings, n: number): number {
  const tk = kvCacheType(s.kvTypeK);
  const tv = kvCacheType(s.kvTypeV);
  const base = kv.cells * kv.streams;
  const swa = kv.cellsSwa * kv.streams;
  const transposed = vTransposed(s) && profile.maxVElems > 0;
  const vBase = transposed && (profile.vSuffixBase[n] ?? 0) > 0 ? (profile.kvLayersSuffixBase[n] ?? 0) * profile.maxVElems : (profile.vSuffixBase[n] ?? 0);
  const vSwa = transposed && (profile.vSuffixSwa[n] ?? 0) > 0 ? (profile.kvLayersSuffixSwa[n] ?? 0) * profile.maxVElems : (profile.vSuffixSwa[n] ?? 0);
  return (
    kvBytes((profile.kSuffixBase[n] ?? 0) * base, tk) + kvBytes(vBase * base, tv) +
    kvBytes((profile.kSuffixSwa[n] ?? 0) * swa, tk) + kvBytes(vSwa * swa, tv)
  );
}
