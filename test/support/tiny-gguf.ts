// Writes a tiny, random-weight llama GGUF that real llama.cpp (through node-llama-cpp) loads
// and generates from in milliseconds: 2 layers, n_embd 64, 4 heads, and a SentencePiece-style
// vocabulary of 3 specials + 256 byte tokens (SPM needs <0xXX> tokens for byte fallback) + a few
// words. The header comes from the project's GGUF writer (src/models/gguf-write.ts); the F32
// data follows it, each tensor padded to the alignment.
//
// The weights are seeded noise, with one nudge so a test can count on tokens streaming: token
// embeddings lean positive and the output rows of word tokens lean positive while those of
// control/byte tokens lean negative, so generation keeps emitting words and never EOS.
import { writeFileSync } from "node:fs";
import { ggufHeader, type GgufWriteValue } from "../../src/models/gguf-write.js";
import { rng } from "./rng.js";

const ALIGN = 32;


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

  const kvs: ReadonlyArray<readonly [string, GgufWriteValue]> = [
    ["general.architecture", { str: "llama" }],
    ["general.name", { str: "llmfit-tiny" }],
    ["general.alignment", { u32: ALIGN }],
    ["general.file_type", { u32: 0 }],
    ["llama.context_length", { u32: opts.contextLength ?? 2048 }],
    ["llama.embedding_length", { u32: nEmbd }],
    ["llama.block_count", { u32: nLayer }],
    ["llama.feed_forward_length", { u32: nFf }],
    ["llama.attention.head_count", { u32: nHead }],
    ["llama.attention.head_count_kv", { u32: nHead }],
    ["llama.attention.layer_norm_rms_epsilon", { f32: 1e-5 }],
    ["llama.rope.dimension_count", { u32: headDim }],
    ["llama.vocab_size", { u32: nVocab }],
    ["tokenizer.ggml.model", { str: "llama" }],
    ["tokenizer.ggml.tokens", { strs: vocab.tokens }],
    ["tokenizer.ggml.scores", { f32s: vocab.scores }],
    ["tokenizer.ggml.token_type", { i32s: vocab.types }],
    ["tokenizer.ggml.unknown_token_id", { u32: 0 }],
    ["tokenizer.ggml.bos_token_id", { u32: 1 }],
    ["tokenizer.ggml.eos_token_id", { u32: 2 }],
    ["tokenizer.ggml.add_bos_token", { bool: true }],
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

  const { header } = ggufHeader(kvs, tensors.map((t) => ({ name: t.name, ne: t.ne, type: "F32" })));
  const parts: Buffer[] = [header];
  for (const t of tensors) {
    parts.push(Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength));
    parts.push(Buffer.alloc((ALIGN - (t.data.byteLength % ALIGN)) % ALIGN));
  }
  return Buffer.concat(parts);
}

export function writeTinyGguf(path: string, opts: TinyGgufOptions = {}): string {
  writeFileSync(path, tinyGguf(opts));
  return path;
}
