// Serialises a GGUF v3 header (metadata + tensor infos, padded to the alignment) for a tensor list.
// With the file then extended to its full size as a sparse, all-zero region, llama.cpp loads it and
// prints its real buffers: that is how the ground truth is measured, and how the bench feeds
// other estimators a real file.

import { alignUp, GGUF_DEFAULT_ALIGNMENT, requireGgmlType, tensorBytes } from "../sizing/ggml-types.js";
import type { ModelShape, TensorInfo } from "./shape.js";

export type GgufWriteValue =
  | { readonly u32: number }
  | { readonly i32: number }
  | { readonly u64: number }
  | { readonly f32: number }
  | { readonly bool: boolean }
  | { readonly str: string }
  | { readonly strs: readonly string[] }
  | { readonly i32s: readonly number[] }
  | { readonly f32s: readonly number[] };

// One growing buffer: a stand-in tokenizer is ~150k strings, and a Buffer per value (two per
// string) made writing the bench's six headers take 3–6 s of its 30 (npm run bench: calibration)
class Writer {
  private buf = Buffer.alloc(1 << 16);
  length = 0;
  /** Reserves n bytes and returns where they start (the buffer may be replaced: read `buf` after). */
  private room(n: number): number {
    if (this.length + n > this.buf.length) {
      const next = Buffer.alloc(Math.max(this.buf.length * 2, this.length + n));
      this.buf.copy(next, 0, 0, this.length);
      this.buf = next;
    }
    const at = this.length;
    this.length += n;
    return at;
  }
  u32(v: number): void { const at = this.room(4); this.buf.writeUInt32LE(v >>> 0, at); }
  i32(v: number): void { const at = this.room(4); this.buf.writeInt32LE(v, at); }
  u64(v: number): void {
    const at = this.room(8);
    // a count past 2^53 (the hostile-file tests write them) only as a BigInt
    if (!Number.isSafeInteger(v) || v < 0) return void this.buf.writeBigUInt64LE(BigInt(v), at);
    // two 32-bit halves: exact for every safe integer, and no BigInt per string length
    this.buf.writeUInt32LE(v % 2 ** 32, at);
    this.buf.writeUInt32LE(Math.floor(v / 2 ** 32), at + 4);
  }
  f32(v: number): void { const at = this.room(4); this.buf.writeFloatLE(v, at); }
  u8(v: number): void { const at = this.room(1); this.buf.writeUInt8(v, at); }
  str(s: string): void {
    const n = Buffer.byteLength(s, "utf8");
    this.u64(n);
    const at = this.room(n);
    this.buf.write(s, at, n, "utf8");
  }
  zeros(n: number): void { const at = this.room(n); this.buf.fill(0, at, this.length); }
  bytes(): Buffer { return Buffer.from(this.buf.subarray(0, this.length)); }
}

// GGUF value type ids (gguf.h enum gguf_type)
const T = { u32: 4, i32: 5, f32: 6, bool: 7, str: 8, arr: 9, u64: 10 } as const;

function writeValue(w: Writer, v: GgufWriteValue): void {
  if ("u32" in v) { w.u32(T.u32); w.u32(v.u32); }
  else if ("i32" in v) { w.u32(T.i32); w.i32(v.i32); }
  else if ("u64" in v) { w.u32(T.u64); w.u64(v.u64); }
  else if ("f32" in v) { w.u32(T.f32); w.f32(v.f32); }
  else if ("bool" in v) { w.u32(T.bool); w.u8(v.bool ? 1 : 0); }
  else if ("str" in v) { w.u32(T.str); w.str(v.str); }
  else if ("strs" in v) { w.u32(T.arr); w.u32(T.str); w.u64(v.strs.length); for (const s of v.strs) w.str(s); }
  else if ("i32s" in v) { w.u32(T.arr); w.u32(T.i32); w.u64(v.i32s.length); for (const x of v.i32s) w.i32(x); }
  else { w.u32(T.arr); w.u32(T.f32); w.u64(v.f32s.length); for (const x of v.f32s) w.f32(x); }
}

export interface GgufHeader {
  readonly header: Buffer;
  /** Size of the whole file: header + every tensor's data, each aligned. */
  readonly fileBytes: number;
}

export function ggufHeader(kvs: readonly (readonly [string, GgufWriteValue])[], tensors: readonly TensorInfo[]): GgufHeader {
  const w = new Writer();
  w.u32(0x46554747); // "GGUF"
  w.u32(3);
  w.u64(tensors.length);
  w.u64(kvs.length);
  for (const [key, value] of kvs) {
    w.str(key);
    writeValue(w, value);
  }
  let offset = 0;
  for (const t of tensors) {
    const g = requireGgmlType(t.type);
    w.str(t.name);
    w.u32(t.ne.length);
    for (const d of t.ne) w.u64(d);
    w.u32(g.id);
    w.u64(offset);
    offset += alignUp(tensorBytes(t.ne, g), GGUF_DEFAULT_ALIGNMENT);
  }
  w.zeros((GGUF_DEFAULT_ALIGNMENT - (w.length % GGUF_DEFAULT_ALIGNMENT)) % GGUF_DEFAULT_ALIGNMENT);
  const header = w.bytes();
  return { header, fileBytes: header.length + offset };
}

/**
 * The hyperparameter keys llama.cpp reads for a transformer's attention and FFN sizes, from a
 * shape (its first layer's widths), in the order llama.cpp's converter writes them. Writers of
 * stand-in files (the bench's sparse models, the byte-count benchmark) add their own keys around it.
 */
export function shapeHyperparams(shape: ModelShape): [string, GgufWriteValue][] {
  const a = shape.arch;
  const L = shape.layers[0];
  if (!L) throw new Error(`${a}: a shape without layers has no hyperparameters to write`);
  return [
    [`${a}.block_count`, { u32: shape.layers.length }],
    [`${a}.context_length`, { u32: shape.nCtxTrain }],
    [`${a}.embedding_length`, { u32: shape.nEmbd }],
    [`${a}.feed_forward_length`, { u32: L.nFf }],
    [`${a}.attention.head_count`, { u32: L.nHead }],
    [`${a}.attention.head_count_kv`, { u32: L.nHeadKv }],
    [`${a}.attention.key_length`, { u32: shape.headDimK }],
    [`${a}.attention.value_length`, { u32: shape.headDimV }],
  ];
}
