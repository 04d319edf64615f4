// Model files of real shapes for the source tests: GGUF headers of Llama 3.2 1B at several quants
// (one split in two shards) written by src/models/gguf-write.ts, and a transformers repo of
// Llama 3.2 3B (its real config.json, safetensors headers in two shards + index) written by
// src/models/safetensors-write.ts. Data regions are virtual (zeros), sizes are the real ones.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ggufHeader, type GgufWriteValue } from "../../src/models/gguf-write.js";
import { safetensorsHeader, type SafetensorsTensor } from "../../src/models/safetensors-write.js";
import type { ModelShape, TensorInfo } from "../../src/models/shape.js";
import { applyQuantMix, type QuantName } from "../../src/sizing/quant-mix.js";
import { referenceShape } from "../../src/sizing/reference-shapes.js";
import { tensorsForShape } from "../../src/sizing/tensors.js";
import type { VirtualFile } from "./fake-hub.js";

const CONFIGS = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "configs");

/** llama.cpp's LLAMA_FTYPE numbers (llama.h) for general.file_type. */
const FTYPE: Partial<Record<QuantName, number>> = { Q8_0: 7, Q4_K_M: 15, Q5_K_M: 17, Q6_K: 18, IQ4_XS: 30 };

export const LLAMA_1B = referenceShape("llama-3.2-1b") as ModelShape;

function llamaKvs(quant: QuantName, tokens: number, extra: readonly (readonly [string, GgufWriteValue])[] = []): (readonly [string, GgufWriteValue])[] {
  return [
    ["general.architecture", { str: "llama" }],
    ["general.name", { str: "Llama 3.2 1B Instruct" }],
    ["general.file_type", { u32: FTYPE[quant] ?? 1 }],
    ["llama.block_count", { u32: 16 }],
    ["llama.context_length", { u32: 131072 }],
    ["llama.embedding_length", { u32: 2048 }],
    ["llama.feed_forward_length", { u32: 8192 }],
    ["llama.attention.head_count", { u32: 32 }],
    ["llama.attention.head_count_kv", { u32: 8 }],
    ["llama.rope.freq_base", { f32: 500000 }],
    ["tokenizer.ggml.model", { str: "gpt2" }],
    // Real files carry the whole vocabulary here: this is most of a header's bytes.
    ["tokenizer.ggml.tokens", { strs: Array.from({ length: tokens }, (_, i) => `tok${i}`) }],
    ...extra,
  ];
}

/** One quant of Llama 3.2 1B as a GGUF file (header + virtual data). */
export function llamaGguf(quant: QuantName, tokens = 256): VirtualFile {
  const { header, fileBytes } = ggufHeader(llamaKvs(quant, tokens), applyQuantMix(LLAMA_1B, tensorsForShape(LLAMA_1B), quant));
  return { head: header, size: fileBytes };
}

/** The same quant split into `parts` shards the way gguf-split writes them (split.* keys). */
export function llamaGgufSplit(quant: QuantName, parts: number, tokens = 256): VirtualFile[] {
  const tensors: TensorInfo[] = applyQuantMix(LLAMA_1B, tensorsForShape(LLAMA_1B), quant);
  const per = Math.ceil(tensors.length / parts);
  return Array.from({ length: parts }, (_, i) => {
    const slice = tensors.slice(i * per, (i + 1) * per);
    const split: (readonly [string, GgufWriteValue])[] = [
      ["split.no", { u32: i }],
      ["split.count", { u32: parts }],
      ["split.tensors.count", { u32: tensors.length }],
    ];
    const kvs = i === 0 ? llamaKvs(quant, tokens, split) : [["general.architecture", { str: "llama" }] as const, ...split];
    const { header, fileBytes } = ggufHeader(kvs, slice);
    return { head: header, size: fileBytes };
  });
}

/** A Hub GGUF repo of Llama 3.2 1B: Q4_K_M and Q6_K as one file each, Q8_0 in two shards, a projector and a card. */
export function llamaGgufRepo(): { files: Record<string, VirtualFile>; q4: VirtualFile; q6: VirtualFile; q8: VirtualFile[] } {
  const q4 = llamaGguf("Q4_K_M");
  const q6 = llamaGguf("Q6_K");
  const q8 = llamaGgufSplit("Q8_0", 2);
  const files: Record<string, VirtualFile> = {
    "Llama-3.2-1B-Instruct-Q4_K_M.gguf": q4,
    "Llama-3.2-1B-Instruct-Q6_K.gguf": q6,
    "Q8_0/Llama-3.2-1B-Instruct-Q8_0-00001-of-00002.gguf": q8[0] as VirtualFile,
    "Q8_0/Llama-3.2-1B-Instruct-Q8_0-00002-of-00002.gguf": q8[1] as VirtualFile,
    "mmproj-Llama-F16.gguf": llamaGguf("F16"),
    "README.md": { head: Buffer.from("card"), size: 4 },
  };
  return { files, q4, q6, q8 };
}

/**
 * Environments for reading remote models from a loopback Hub: a fresh cache folder per call, so
 * tests do not see each other's reads, and no Ollama store or home of the user's.
 */
export function sourcesEnvs(dir: string, hubUrl: () => string): (extra?: Record<string, string>) => Record<string, string> {
  let n = 0;
  return (extra = {}) => ({
    HF_ENDPOINT: hubUrl(),
    XDG_CACHE_HOME: join(dir, `cache-${n++}`),
    HOME: join(dir, "home"),
    OLLAMA_MODELS: join(dir, "no-ollama-store"),
    ...extra,
  });
}

export const LLAMA_3B_CONFIG = JSON.parse(readFileSync(join(CONFIGS, "meta-llama__Llama-3.2-3B.json"), "utf8")) as {
  hidden_size: number; num_hidden_layers: number; num_attention_heads: number; num_key_value_heads: number;
  head_dim: number; intermediate_size: number; vocab_size: number; tie_word_embeddings: boolean;
};

/** The tensors transformers saves for a Llama config (names and shapes as in its safetensors). */
export function llamaSafetensorsTensors(c = LLAMA_3B_CONFIG, dtype = "BF16"): SafetensorsTensor[] {
  const H = c.hidden_size, hd = c.head_dim, q = c.num_attention_heads * hd, kv = c.num_key_value_heads * hd, I = c.intermediate_size;
  const out: SafetensorsTensor[] = [{ name: "model.embed_tokens.weight", dtype, shape: [c.vocab_size, H] }];
  for (let i = 0; i < c.num_hidden_layers; i++) {
    const p = `model.layers.${i}`;
    out.push(
      { name: `${p}.input_layernorm.weight`, dtype, shape: [H] },
      { name: `${p}.self_attn.q_proj.weight`, dtype, shape: [q, H] },
      { name: `${p}.self_attn.k_proj.weight`, dtype, shape: [kv, H] },
      { name: `${p}.self_attn.v_proj.weight`, dtype, shape: [kv, H] },
      { name: `${p}.self_attn.o_proj.weight`, dtype, shape: [H, q] },
      { name: `${p}.post_attention_layernorm.weight`, dtype, shape: [H] },
      { name: `${p}.mlp.gate_proj.weight`, dtype, shape: [I, H] },
      { name: `${p}.mlp.up_proj.weight`, dtype, shape: [I, H] },
      { name: `${p}.mlp.down_proj.weight`, dtype, shape: [H, I] },
    );
  }
  out.push({ name: "model.norm.weight", dtype, shape: [H] });
  if (!c.tie_word_embeddings) out.push({ name: "lm_head.weight", dtype, shape: [c.vocab_size, H] });
  return out;
}

/** A transformers repo's files: config.json, the index, and two safetensors shards. */
export function llamaTransformersRepo(config: unknown = LLAMA_3B_CONFIG): Record<string, VirtualFile> {
  const tensors = llamaSafetensorsTensors();
  const half = Math.ceil(tensors.length / 2);
  const shards = [tensors.slice(0, half), tensors.slice(half)];
  const names = ["model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors"];
  const files: Record<string, VirtualFile> = {};
  const weightMap: Record<string, string> = {};
  let total = 0;
  shards.forEach((list, i) => {
    const { header, fileBytes } = safetensorsHeader(list);
    files[names[i] as string] = { head: header, size: fileBytes };
    total += fileBytes - header.length;
    for (const t of list) weightMap[t.name] = names[i] as string;
  });
  const text = (v: unknown): VirtualFile => {
    const b = Buffer.from(JSON.stringify(v, undefined, 2));
    return { head: b, size: b.length };
  };
  files["config.json"] = text(config);
  files["model.safetensors.index.json"] = text({ metadata: { total_size: total }, weight_map: weightMap });
  files["README.md"] = text("a model card");
  return files;
}

export const elementsOf = (tensors: readonly SafetensorsTensor[]): number => tensors.reduce((s, t) => s + t.shape.reduce((a, b) => a * b, 1), 0);
