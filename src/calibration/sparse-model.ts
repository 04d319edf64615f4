// A GGUF llama.cpp loads and runs at the real model's speed without the real weights: the header
// of a catalog model (its tensor list with the types the quantization mix gives, the
// hyperparameters llama.cpp needs to build the graph) and a data region that is a filesystem hole
// (ftruncate), so the file takes no disk. All-zero weights cost the same matmul work and memory
// traffic as real ones: ggml has no data-dependent shortcuts in its kernels.
//
// One exception, and why a few bytes are written: a mixture-of-experts router fed zeros gives
// every expert the same logit, so every token picks the same experts — decode would re-read a
// few experts (cache-friendly) and prompt matmuls would run a few big expert batches instead of
// many small ones, both faster than real. For MoE models the router weights get random values
// and the rows of the token ids the bench feeds get random embeddings (token_embd is stored as F16
// for that; with a separate output matrix it is only gathered, one row a token, so its type does
// not change the per-token traffic), so tokens spread over the experts as in real use.
import { closeSync, openSync, truncateSync, writeSync } from "node:fs";
import { findModel, shapeOf, type CatalogEntry } from "../models/catalog.js";
import { CatalogEntrySchema } from "../models/catalog-schema.js";
import { fileTypeId } from "../models/gguf-file-type.js";
import { ggufHeader, shapeHyperparams, type GgufWriteValue } from "../models/gguf-write.js";
import type { ModelShape, TensorInfo } from "../models/shape.js";
import { alignUp, GGUF_DEFAULT_ALIGNMENT, requireGgmlType, tensorBytes } from "../sizing/ggml-types.js";
import { parseQuantName } from "../sizing/quant-mix.js";
import { typedTensors } from "../sizing/weights.js";

/** The token ids the bench feeds: few distinct ones, so only their embedding rows need writing. */
export const BENCH_TOKEN_IDS = 1024;
export const BENCH_TOKEN_BASE = 300;
export const benchToken = (i: number): number => BENCH_TOKEN_BASE + ((i * 7919) % BENCH_TOKEN_IDS);

/** Architectures whose graph the header below describes completely (llama.cpp's required keys). */
const SUPPORTED_ARCHES = new Set(["llama", "qwen2", "qwen3", "qwen3moe", "mistral"]);

export interface SparseModel {
  readonly id: string;
  readonly quant: string;
  readonly shape: ModelShape;
  /** The tensor list as the estimate sees it (before the F16 embedding swap for MoE). */
  readonly tensors: readonly TensorInfo[];
}

/**
 * Shapes the bench runs that are no catalog model. The catalog's smallest MoE the writer handles
 * (qwen3moe) is a 30B, too slow for a 30-second bench, so the routed-expert matmul rate (llama.cpp's
 * mul_mat_id) was scaled from the spec table. This probe measures it: Qwen3's MoE layer at a
 * small size (12 layers, 64 experts, 8 used, 512-wide experts, a 32k vocabulary so the output
 * matrix does not dominate), ~70 % of its per-token work in experts. Its expert geometry differs
 * from every catalog model's, so the proof benchmark's 30B-A3B stays a shape the bench never ran.
 */
export const MOE_PROBE_ID = "bench-moe-probe";

let probe: CatalogEntry | undefined;
function moeProbe(): CatalogEntry {
  return (probe ??= CatalogEntrySchema.parse({
    id: MOE_PROBE_ID, family: "qwen3", name: "llmfit bench MoE probe", license: "apache-2.0", kind: "moe", arch: "qwen3moe",
    // a probe, not a released model: Qwen3 MoE's layer (this config), at the small size below
    source: "https://huggingface.co/Qwen/Qwen3-30B-A3B/blob/main/config.json",
    hp: {
      layers: 12, hidden: 1024, heads: 16, kvHeads: 4, headDim: 64, ffn: 3072, vocab: 32768, ctx: 4096, tied: false, rope: { theta: 1000000 },
      moe: { experts: 64, used: 8, expertFfn: 512 },
    },
    params: { total: 1_290_000_000, active: 220_000_000, rounded: true },
    quants: ["Q4_K_M"], capabilities: ["chat"], released: "2026-12-04", checked: "2026-12-04", quality: 1,
  }));
}

/** A catalog model (or the bench's probe) at a quantization, as the bench and the proof benchmark run it. */
export function sparseModel(id: string, quant: string): SparseModel {
  const entry = id === MOE_PROBE_ID ? moeProbe() : findModel(id);
  if (!entry || entry.kind === "diffusion") throw new Error(`sparse model: ${id} is not a language model in the catalog`);
  if (!SUPPORTED_ARCHES.has(entry.arch)) throw new Error(`sparse model: architecture ${entry.arch} is not one the bench writes`);
  const shape = shapeOf(entry);
  const q = parseQuantName(quant);
  if (!q) throw new Error(`sparse model: unknown quantization ${quant}`);
  return { id, quant: q, shape, tensors: typedTensors(shape, q) };
}

function kvs(shape: ModelShape, quant: string): [string, GgufWriteValue][] {
  const a = shape.arch;
  const out: [string, GgufWriteValue][] = [
    ["general.architecture", { str: a }],
    ["general.name", { str: "llmfit bench" }],
    ["general.file_type", { u32: fileTypeId(quant) ?? 1 }],
    ...shapeHyperparams(shape),
    // values do not change the speed; llama.cpp requires the keys
    [`${a}.attention.layer_norm_rms_epsilon`, { f32: 1e-6 }],
    [`${a}.rope.freq_base`, { f32: 1e6 }],
    [`${a}.vocab_size`, { u32: shape.nVocab }],
  ];
  if (shape.experts) {
    out.push(
      [`${a}.expert_count`, { u32: shape.experts.count }],
      [`${a}.expert_used_count`, { u32: shape.experts.used }],
      [`${a}.expert_feed_forward_length`, { u32: shape.experts.nFfExp }],
    );
  }
  return [...out, ...standInTokenizer(shape.nVocab)];
}

/** A SentencePiece-style vocabulary of the model's size: tokens are fed as ids, never text. */
function standInTokenizer(n: number): [string, GgufWriteValue][] {
  const tokens = Array.from({ length: n }, (_, i) => `t${i}`);
  const types = new Array<number>(n).fill(1);
  tokens[0] = "<unk>";
  types[0] = 2;
  tokens[1] = "<s>";
  types[1] = 3;
  tokens[2] = "</s>";
  types[2] = 3;
  for (let b = 0; b < 256 && 3 + b < n; b++) {
    tokens[3 + b] = `<0x${b.toString(16).toUpperCase().padStart(2, "0")}>`;
    types[3 + b] = 6;
  }
  return [
    ["tokenizer.ggml.model", { str: "llama" }],
    ["tokenizer.ggml.tokens", { strs: tokens }],
    ["tokenizer.ggml.scores", { f32s: new Array<number>(n).fill(0) }],
    ["tokenizer.ggml.token_type", { i32s: types }],
    ["tokenizer.ggml.bos_token_id", { u32: 1 }],
    ["tokenizer.ggml.eos_token_id", { u32: 2 }],
    ["tokenizer.ggml.unknown_token_id", { u32: 0 }],
    ["tokenizer.ggml.add_bos_token", { bool: false }],
  ];
}

/** A deterministic pseudo-random stream (xorshift32): the same file every run. */
function randomFloats(n: number, seed: number, scale: number): Float32Array {
  const out = new Float32Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = ((x / 0xffffffff) * 2 - 1) * scale;
  }
  return out;
}

function f16Bytes(xs: Float32Array): Buffer {
  const b = Buffer.alloc(xs.length * 2);
  const f = new Float32Array(1);
  const u = new Uint32Array(f.buffer);
  for (let i = 0; i < xs.length; i++) {
    f[0] = xs[i] ?? 0;
    const bits = u[0] ?? 0;
    const sign = (bits >>> 16) & 0x8000;
    const exp = ((bits >>> 23) & 0xff) - 127 + 15;
    const mant = (bits >>> 13) & 0x3ff;
    // small normal values only (|x| ≤ 1, away from 0): subnormals flush to zero
    b.writeUInt16LE(exp <= 0 ? sign : sign | (Math.min(exp, 30) << 10) | mant, i * 2);
  }
  return b;
}

/**
 * Writes the sparse file; returns its size (bytes the file claims, not bytes on disk). The MoE
 * model's router and embedding rows are the only data written.
 */
export function writeSparseModel(m: SparseModel, path: string): number {
  const moe = m.shape.experts !== undefined && m.tensors.some((t) => t.name === "output.weight");
  const tensors = moe ? m.tensors.map((t) => (t.name === "token_embd.weight" ? { ...t, type: "F16" } : t)) : m.tensors;
  const { header, fileBytes } = ggufHeader(kvs(m.shape, m.quant), tensors);
  const fd = openSync(path, "w");
  try {
    writeSync(fd, header);
    if (moe) {
      let offset = header.length;
      tensors.forEach((t, i) => {
        const g = requireGgmlType(t.type);
        const size = tensorBytes(t.ne, g);
        if (t.name === "token_embd.weight") {
          const row = (t.ne[0] ?? 0) * 2;
          for (let id = BENCH_TOKEN_BASE; id < BENCH_TOKEN_BASE + BENCH_TOKEN_IDS; id++) writeSync(fd, f16Bytes(randomFloats(t.ne[0] ?? 0, id * 2654435761, 1)), 0, row, offset + id * row);
        } else if (/ffn_gate_inp\.weight$/.test(t.name) && (t.type === "F32" || t.type === "F16")) {
          const n = t.ne.reduce((a, b) => a * b, 1);
          const xs = randomFloats(n, i + 1, 1);
          writeSync(fd, t.type === "F32" ? Buffer.from(xs.buffer) : f16Bytes(xs), 0, n * (t.type === "F32" ? 4 : 2), offset);
        }
        offset += alignUp(size, GGUF_DEFAULT_ALIGNMENT);
      });
    }
  } finally {
    closeSync(fd);
  }
  truncateSync(path, fileBytes);
  return fileBytes;
}
