// Minimal GGUF v3 writer for sparse, all-zero "shape only" model files.
//
// Format facts (GGUF spec, ggml/docs/gguf.md, and ggml/include/gguf.h in llama.cpp):
// magic "GGUF", u32 version (3), u64 tensor_count, u64 kv_count, then the KV pairs
// (string key, u32 value type, value), then the tensor infos (string name, u32 n_dims,
// u64 ne[n_dims], u32 ggml type, u64 offset relative to the data section), padding to
// general.alignment (default 32), then the data section (each tensor at an aligned offset).
// Strings are u64 length + UTF-8 bytes. All little-endian.
import fs from "node:fs";

export const GGUF_TYPE = {
  UINT8: 0, INT8: 1, UINT16: 2, INT16: 3, UINT32: 4, INT32: 5, FLOAT32: 6, BOOL: 7,
  STRING: 8, ARRAY: 9, UINT64: 10, INT64: 11, FLOAT64: 12,
};

// ggml type ids (ggml/include/ggml.h) and block layout [elements per block, bytes per block]
// (ggml/src/ggml.c type_traits).
export const GGML_TYPES = {
  f32: { id: 0, blck: 1, bytes: 4 },
  f16: { id: 1, blck: 1, bytes: 2 },
  q4_0: { id: 2, blck: 32, bytes: 18 },
  q4_1: { id: 3, blck: 32, bytes: 20 },
  q5_0: { id: 6, blck: 32, bytes: 22 },
  q5_1: { id: 7, blck: 32, bytes: 24 },
  q8_0: { id: 8, blck: 32, bytes: 34 },
  q2_K: { id: 10, blck: 256, bytes: 84 },
  q3_K: { id: 11, blck: 256, bytes: 110 },
  q4_K: { id: 12, blck: 256, bytes: 144 },
  q5_K: { id: 13, blck: 256, bytes: 176 },
  q6_K: { id: 14, blck: 256, bytes: 210 },
  iq4_nl: { id: 20, blck: 32, bytes: 18 },
  iq4_xs: { id: 23, blck: 256, bytes: 136 },
  bf16: { id: 30, blck: 1, bytes: 2 },
};

export function tensorBytes(shape, type) {
  const t = GGML_TYPES[type];
  if (!t) throw new Error(`unknown ggml type ${type}`);
  if (shape[0] % t.blck !== 0) throw new Error(`ne0=${shape[0]} not a multiple of block ${t.blck} for ${type}`);
  const nel = shape.reduce((a, b) => a * b, 1);
  return (nel / t.blck) * t.bytes;
}

class Buf {
  constructor() { this.chunks = []; this.len = 0; }
  push(b) { this.chunks.push(b); this.len += b.length; }
  u32(v) { const b = Buffer.alloc(4); b.writeUInt32LE(v); this.push(b); }
  i32(v) { const b = Buffer.alloc(4); b.writeInt32LE(v); this.push(b); }
  u64(v) { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(v)); this.push(b); }
  f32(v) { const b = Buffer.alloc(4); b.writeFloatLE(v); this.push(b); }
  str(s) { const e = Buffer.from(s, "utf8"); this.u64(e.length); this.push(e); }
  toBuffer() { return Buffer.concat(this.chunks, this.len); }
}

function writeValue(buf, type, value) {
  switch (type) {
    case GGUF_TYPE.UINT32: buf.u32(value); break;
    case GGUF_TYPE.INT32: buf.i32(value); break;
    case GGUF_TYPE.FLOAT32: buf.f32(value); break;
    case GGUF_TYPE.BOOL: buf.push(Buffer.from([value ? 1 : 0])); break;
    case GGUF_TYPE.STRING: buf.str(value); break;
    case GGUF_TYPE.UINT64: buf.u64(value); break;
    default: throw new Error(`unsupported gguf value type ${type}`);
  }
}

// kv: array of [key, type, value] or [key, "array", elemType, values[]]
function writeKv(buf, kv) {
  const [key, type] = kv;
  buf.str(key);
  if (type === "array") {
    const [, , elemType, values] = kv;
    buf.u32(GGUF_TYPE.ARRAY);
    buf.u32(elemType);
    buf.u64(values.length);
    if (elemType === GGUF_TYPE.FLOAT32) {
      const b = Buffer.alloc(4 * values.length);
      for (let i = 0; i < values.length; i++) b.writeFloatLE(values[i], 4 * i);
      buf.push(b);
    } else if (elemType === GGUF_TYPE.INT32 || elemType === GGUF_TYPE.UINT32) {
      const b = Buffer.alloc(4 * values.length);
      for (let i = 0; i < values.length; i++) {
        if (elemType === GGUF_TYPE.INT32) b.writeInt32LE(values[i], 4 * i); else b.writeUInt32LE(values[i], 4 * i);
      }
      buf.push(b);
    } else if (elemType === GGUF_TYPE.BOOL) {
      buf.push(Buffer.from(values.map((v) => (v ? 1 : 0))));
    } else {
      for (const v of values) writeValue(buf, elemType, v);
    }
  } else {
    buf.u32(type);
    writeValue(buf, type, kv[2]);
  }
}

/** Stand-in SentencePiece-style vocabulary with exactly `n` tokens: <unk>, <s>, </s>,
 * 256 byte tokens, then "t<i>", and "<|endoftext|>" last. Only the vocabulary size matters for buffer sizes. */
export function standInTokenizer(n) {
  const tokens = new Array(n);
  const types = new Int32Array(n).fill(1); // 1 = normal
  tokens[0] = "<unk>"; types[0] = 2; // unknown
  tokens[1] = "<s>"; types[1] = 3; // control
  tokens[2] = "</s>"; types[2] = 3;
  for (let b = 0; b < 256 && 3 + b < n; b++) { tokens[3 + b] = `<0x${b.toString(16).toUpperCase().padStart(2, "0")}>`; types[3 + b] = 6; }
  for (let i = 259; i < n; i++) tokens[i] = `t${i}`;
  // llama.cpp's vocab loader looks up "<|endoftext|>" by text for models named phi-3
  // (llama-vocab.cpp, token attributes by model name): keep one as the last token.
  tokens[n - 1] = "<|endoftext|>"; types[n - 1] = 3;
  return [
    ["tokenizer.ggml.model", GGUF_TYPE.STRING, "llama"],
    ["tokenizer.ggml.tokens", "array", GGUF_TYPE.STRING, tokens],
    ["tokenizer.ggml.scores", "array", GGUF_TYPE.FLOAT32, new Float32Array(n)],
    ["tokenizer.ggml.token_type", "array", GGUF_TYPE.INT32, Array.from(types)],
    ["tokenizer.ggml.bos_token_id", GGUF_TYPE.UINT32, 1],
    ["tokenizer.ggml.eos_token_id", GGUF_TYPE.UINT32, 2],
    ["tokenizer.ggml.unknown_token_id", GGUF_TYPE.UINT32, 0],
    ["tokenizer.ggml.add_bos_token", GGUF_TYPE.BOOL, false],
  ];
}

/**
 * Write a sparse GGUF file. `tensors`: [{name, shape: [ne0, ne1, ...], type: "f16"|...}].
 * The data region is never written: the file is extended with ftruncate, so it is a hole
 * (all zeros, no disk blocks). Returns {fileBytes, tensorDataBytes, dataOffset}.
 */
export function writeSparseGguf(path, { kv, tensors, alignment = 32 }) {
  const buf = new Buf();
  const allKv = [...kv];
  if (!allKv.some((k) => k[0] === "general.alignment")) allKv.push(["general.alignment", GGUF_TYPE.UINT32, alignment]);
  buf.push(Buffer.from("GGUF", "ascii"));
  buf.u32(3);
  buf.u64(tensors.length);
  buf.u64(allKv.length);
  for (const k of allKv) writeKv(buf, k);
  let offset = 0;
  let unpadded = 0;
  for (const t of tensors) {
    buf.str(t.name);
    buf.u32(t.shape.length);
    for (const d of t.shape) buf.u64(d);
    buf.u32(GGML_TYPES[t.type].id);
    buf.u64(offset);
    const nb = tensorBytes(t.shape, t.type);
    unpadded += nb;
    offset += Math.ceil(nb / alignment) * alignment;
  }
  const header = buf.toBuffer();
  const dataOffset = Math.ceil(header.length / alignment) * alignment;
  const fileBytes = dataOffset + offset;
  const fd = fs.openSync(path, "w");
  try {
    fs.writeSync(fd, header, 0, header.length, 0);
    fs.ftruncateSync(fd, fileBytes);
  } finally {
    fs.closeSync(fd);
  }
  return { fileBytes, tensorDataBytes: offset, tensorDataBytesUnpadded: unpadded, dataOffset };
}
