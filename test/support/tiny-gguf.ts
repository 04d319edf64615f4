// Writes a tiny, random-weight llama GGUF that real llama.cpp (through node-llama-cpp) loads
// and generates from in milliseconds: 2 layers, n_embd 64, 4 heads, and a SentencePiece-style
// vocabulary of 3 specials + 256 byte tokens (SPM needs <0xXX> tokens for byte fallback) + a few
// words. Self-contained on purpose (GGUF v3 layout: ggml/docs/gguf.md).
//
// The weights are seeded noise, with one nudge so a test can count on tokens streaming: token
// embeddings lean positive and the output rows of word tokens lean positive while those of
// control/byte tokens lean negative, so generation keeps emitting words and never EOS.
import { writeFileSync } from "node:fs";

const GGUF_MAGIC = 0x46554747; // "GGUF" little-endian
const ALIGN = 32;

enum T {
  U32 = 4,
  I32 = 5,
  F32 = 6,
  BOOL = 7,
  STRING = 8,
  ARRAY = 9,
}

type Kv =
  | { key: string; type: T.U32 | T.I32 | T.F32; value: number }
  | { key: string; type: T.BOOL; value: boolean }
  | { key: string; type: T.STRING; value: string }
  | { key: string; type: T.ARRAY; elem: T.STRING; value: readonly string[] }
  | { key: string; type: T.ARRAY; elem: T.F32 | T.I32; value: readonly number[] };

class Writer {
  private chunks: Buffer[] = [];
  length = 0;
  private push(b: Buffer): void {
    this.chunks.push(b);
    this.length += b.length;
  }
  u32(n: number): void {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    this.push(b);
  }
  i32(n: number): void {
    const b = Buffer.alloc(4);
    b.writeInt32LE(n);
    this.push(b);
  }
  u64(n: number): void {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(n));
    this.push(b);
  }
  f32(n: number): void {
    const b = Buffer.alloc(4);
    b.writeFloatLE(n);
    this.push(b);
  }
  str(s: string): void {
    const b = Buffer.from(s, "utf8");
    this.u64(b.length);
    this.push(b);
  }
  bytes(b: Buffer): void {
    this.push(b);
  }
  pad(): void {
    const rem = this.length % ALIGN;
    if (rem !== 0) this.push(Buffer.alloc(ALIGN - rem));
  }
  buffer(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/** Small deterministic PRNG (mulberry32) so fixtures are identical run to run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TinyGgufOptions {
  readonly nEmbd?: number;
  readonly nLayer?: number;
  readonly nHead?: number;
  readonly nFf?: number;
  readonly contextLength?: number;
  readonly seed?: number;
}

const WORDS = ["▁the", "▁a", "▁cat", "▁sat", "▁on", "▁mat", "▁and", "▁sky", "▁is", "▁blue", "▁hello", "▁world", "▁tiny", "▁model", "▁token", "▁stream"];

export interface TinyVocab {
  readonly tokens: string[];
  readonly scores: number[];
  readonly types: number[];
  /** Ids of the word tokens (the ones generation favours). */
  readonly wordIds: number[];
}

export function tinyVocab(): TinyVocab {
  const tokens = ["<unk>", "<s>", "</s>"];
  const types = [2, 3, 3]; // UNKNOWN, CONTROL, CONTROL
  for (let b = 0; b < 256; b++) {
    tokens.push(`<0x${b.toString(16).toUpperCase().padStart(2, "0")}>`);
    types.push(6); // BYTE
  }
  const wordIds: number[] = [];
  for (const w of [...WORDS, "▁", ..."abcdefghijklmnopqrstuvwxyz"]) {
    wordIds.push(tokens.length);
    tokens.push(w);
    types.push(1); // NORMAL
  }
  const scores = tokens.map((t, i) => (types[i] === 1 ? -i / 10 : 0));
  return { tokens, scores, types, wordIds };
}

/** The GGUF bytes. */
export function tinyGguf(opts: TinyGgufOptions = {}): Buffer {
  const nEmbd = opts.nEmbd ?? 64;
  const nLayer = opts.nLayer ?? 2;
  const nHead = opts.nHead ?? 4;
  const nFf = opts.nFf ?? 128;
  const headDim = nEmbd / nHead;
  const vocab = tinyVocab();
  const nVocab = vocab.tokens.length;
  const rand = rng(opts.seed ?? 42);
  const noise = (scale: number) => (rand() * 2 - 1) * scale;

  const kvs: Kv[] = [
    { key: "general.architecture", type: T.STRING, value: "llama" },
    { key: "general.name", type: T.STRING, value: "llmfit-tiny" },
    { key: "general.alignment", type: T.U32, value: ALIGN },
    { key: "general.file_type", type: T.U32, value: 0 },
    { key: "llama.context_length", type: T.U32, value: opts.contextLength ?? 2048 },
    { key: "llama.embedding_length", type: T.U32, value: nEmbd },
    { key: "llama.block_count", type: T.U32, value: nLayer },
    { key: "llama.feed_forward_length", type: T.U32, value: nFf },
    { key: "llama.attention.head_count", type: T.U32, value: nHead },
    { key: "llama.attention.head_count_kv", type: T.U32, value: nHead },
    { key: "llama.attention.layer_norm_rms_epsilon", type: T.F32, value: 1e-5 },
    { key: "llama.rope.dimension_count", type: T.U32, value: headDim },
    { key: "llama.vocab_size", type: T.U32, value: nVocab },
    { key: "tokenizer.ggml.model", type: T.STRING, value: "llama" },
    { key: "tokenizer.ggml.tokens", type: T.ARRAY, elem: T.STRING, value: vocab.tokens },
    { key: "tokenizer.ggml.scores", type: T.ARRAY, elem: T.F32, value: vocab.scores },
    { key: "tokenizer.ggml.token_type", type: T.ARRAY, elem: T.I32, value: vocab.types },
    { key: "tokenizer.ggml.unknown_token_id", type: T.U32, value: 0 },
    { key: "tokenizer.ggml.bos_token_id", type: T.U32, value: 1 },
    { key: "tokenizer.ggml.eos_token_id", type: T.U32, value: 2 },
    { key: "tokenizer.ggml.add_bos_token", type: T.BOOL, value: true },
  ];

  const words = new Set(vocab.wordIds);
  const tensors: { name: string; ne: number[]; data: Float32Array }[] = [];
  const add = (name: string, ne: number[], fill: (row: number, col: number) => number): void => {
    const [n0 = 1, n1 = 1] = ne;
    const data = new Float32Array(n0 * n1);
    for (let r = 0; r < n1; r++) for (let c = 0; c < n0; c++) data[r * n0 + c] = fill(r, c);
    tensors.push({ name, ne, data });
  };
  add("token_embd.weight", [nEmbd, nVocab], () => 1 + noise(0.5));
  add("output_norm.weight", [nEmbd], () => 1);
  add("output.weight", [nEmbd, nVocab], (row) => (words.has(row) ? 0.05 : -0.05) + noise(0.02));
  const small = 0.3 / Math.sqrt(nEmbd);
  for (let i = 0; i < nLayer; i++) {
    add(`blk.${i}.attn_norm.weight`, [nEmbd], () => 1);
    add(`blk.${i}.attn_q.weight`, [nEmbd, nEmbd], () => noise(small));
    add(`blk.${i}.attn_k.weight`, [nEmbd, nEmbd], () => noise(small));
    add(`blk.${i}.attn_v.weight`, [nEmbd, nEmbd], () => noise(small));
    add(`blk.${i}.attn_output.weight`, [nEmbd, nEmbd], () => noise(small));
    add(`blk.${i}.ffn_norm.weight`, [nEmbd], () => 1);
    add(`blk.${i}.ffn_gate.weight`, [nEmbd, nFf], () => noise(small));
    add(`blk.${i}.ffn_up.weight`, [nEmbd, nFf], () => noise(small));
    add(`blk.${i}.ffn_down.weight`, [nFf, nEmbd], () => noise(small));
  }

  const w = new Writer();
  w.u32(GGUF_MAGIC);
  w.u32(3);
  w.u64(tensors.length);
  w.u64(kvs.length);
  for (const kv of kvs) {
    w.str(kv.key);
    w.u32(kv.type);
    switch (kv.type) {
      case T.U32:
        w.u32(kv.value);
        break;
      case T.I32:
        w.i32(kv.value);
        break;
      case T.F32:
        w.f32(kv.value);
        break;
      case T.BOOL:
        w.bytes(Buffer.from([kv.value ? 1 : 0]));
        break;
      case T.STRING:
        w.str(kv.value);
        break;
      case T.ARRAY:
        w.u32(kv.elem);
        w.u64(kv.value.length);
        if (kv.elem === T.STRING) for (const s of kv.value as readonly string[]) w.str(s);
        else if (kv.elem === T.F32) for (const n of kv.value as readonly number[]) w.f32(n);
        else for (const n of kv.value as readonly number[]) w.i32(n);
        break;
    }
  }
  let offset = 0;
  for (const t of tensors) {
    w.str(t.name);
    w.u32(t.ne.length);
    for (const d of t.ne) w.u64(d);
    w.u32(0); // GGML_TYPE_F32
    w.u64(offset);
    offset += Math.ceil((t.data.byteLength) / ALIGN) * ALIGN;
  }
  w.pad();
  for (const t of tensors) {
    w.bytes(Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength));
    w.pad();
  }
  return w.buffer();
}

export function writeTinyGguf(path: string, opts: TinyGgufOptions = {}): string {
  writeFileSync(path, tinyGguf(opts));
  return path;
}
