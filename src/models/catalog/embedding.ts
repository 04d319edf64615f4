// Embedding models for retrieval next to an editor: nomic-embed-text, BGE, mxbai, MiniLM,
// Qwen3-Embedding. Encoders (BERT family) have no causal KV cache worth sizing; context is the
// maximum input length.
import { hfConfig } from "./util.js";
import type { Entries } from "./util.js";

const EMB_QUANTS = ["Q8_0", "F16"];
const BERT = { vocab: 30522, ctx: 512, tied: true } as const;
const QWEN3_EMB_NOTE = "An embedding model has no output head; counts from the model card.";

export const ENTRIES = [
  {
    id: "nomic-embed-text-v1.5", family: "nomic-embed", name: "nomic-embed-text v1.5", license: "apache-2.0", kind: "dense", arch: "nomic-bert",
    hf: "nomic-ai/nomic-embed-text-v1.5", source: hfConfig("nomic-ai/nomic-embed-text-v1.5"),
    hp: { layers: 12, hidden: 768, heads: 12, ffn: 3072, vocab: 30528, ctx: 2048, tied: true, rope: { theta: 1000 } },
    params: { total: 137_000_000 }, quants: EMB_QUANTS, ollama: ["nomic-embed-text:v1.5", "nomic-embed-text"],
    gguf: ["nomic-ai/nomic-embed-text-v1.5-GGUF"], lmstudio: ["text-embedding-nomic-embed-text-v1.5"],
    capabilities: ["embedding"], released: "2024-02-10", checked: "2026-11-24", quality: 5,
  },
  {
    id: "bge-small-en-v1.5", family: "bge", name: "BGE small en v1.5", license: "mit", kind: "dense", arch: "bert",
    hf: "BAAI/bge-small-en-v1.5", source: hfConfig("BAAI/bge-small-en-v1.5"),
    hp: { layers: 12, hidden: 384, heads: 12, ffn: 1536, ...BERT },
    params: { total: 33_360_000 }, quants: EMB_QUANTS, gguf: ["CompendiumLabs/bge-small-en-v1.5-gguf"],
    capabilities: ["embedding"], released: "2023-09-12", checked: "2026-11-24", quality: 3,
  },
  {
    id: "bge-base-en-v1.5", family: "bge", name: "BGE base en v1.5", license: "mit", kind: "dense", arch: "bert",
    hf: "BAAI/bge-base-en-v1.5", source: hfConfig("BAAI/bge-base-en-v1.5"),
    hp: { layers: 12, hidden: 768, heads: 12, ffn: 3072, ...BERT },
    params: { total: 109_480_000 }, quants: EMB_QUANTS, gguf: ["CompendiumLabs/bge-base-en-v1.5-gguf"],
    capabilities: ["embedding"], released: "2023-09-12", checked: "2026-11-24", quality: 4,
  },
  {
    id: "bge-large-en-v1.5", family: "bge", name: "BGE large en v1.5", license: "mit", kind: "dense", arch: "bert",
    hf: "BAAI/bge-large-en-v1.5", source: hfConfig("BAAI/bge-large-en-v1.5"),
    hp: { layers: 24, hidden: 1024, heads: 16, ffn: 4096, ...BERT },
    params: { total: 335_140_000 }, quants: EMB_QUANTS,
    gguf: ["CompendiumLabs/bge-large-en-v1.5-gguf"], capabilities: ["embedding"], released: "2023-09-12", checked: "2026-11-24", quality: 5,
  },
  {
    id: "bge-m3", family: "bge", name: "BGE-M3", license: "mit", kind: "dense", arch: "bert",
    hf: "BAAI/bge-m3", source: hfConfig("BAAI/bge-m3"),
    hp: { layers: 24, hidden: 1024, heads: 16, ffn: 4096, vocab: 250002, ctx: 8192, tied: true },
    params: { total: 567_750_000 }, paramsNote: "XLM-RoBERTa large encoder; llama.cpp loads it as bert.", quants: EMB_QUANTS,
    ollama: ["bge-m3:567m", "bge-m3"], gguf: ["lm-kit/bge-m3-gguf"], capabilities: ["embedding"], released: "2024-01-30", checked: "2026-11-24", quality: 6,
  },
  {
    id: "mxbai-embed-large-v1", family: "mxbai-embed", name: "mxbai-embed-large v1", license: "apache-2.0", kind: "dense", arch: "bert",
    hf: "mixedbread-ai/mxbai-embed-large-v1", source: hfConfig("mixedbread-ai/mxbai-embed-large-v1"),
    hp: { layers: 24, hidden: 1024, heads: 16, ffn: 4096, ...BERT },
    params: { total: 335_140_000 }, quants: EMB_QUANTS, ollama: ["mxbai-embed-large:335m", "mxbai-embed-large"],
    gguf: ["mixedbread-ai/mxbai-embed-large-v1"], capabilities: ["embedding"], released: "2024-03-08", checked: "2026-11-24", quality: 5,
  },
  {
    id: "all-minilm-l6-v2", family: "minilm", name: "all-MiniLM-L6-v2", license: "apache-2.0", kind: "dense", arch: "bert",
    hf: "sentence-transformers/all-MiniLM-L6-v2", source: hfConfig("sentence-transformers/all-MiniLM-L6-v2"),
    hp: { layers: 6, hidden: 384, heads: 12, ffn: 1536, ...BERT },
    params: { total: 22_700_000 }, quants: EMB_QUANTS, ollama: ["all-minilm:22m", "all-minilm"],
    capabilities: ["embedding"], released: "2021-08-30", checked: "2026-11-24", quality: 2,
  },
  {
    id: "qwen3-embedding-0.6b", family: "qwen3-embedding", name: "Qwen3-Embedding 0.6B", license: "apache-2.0", kind: "dense", arch: "qwen3",
    hf: "Qwen/Qwen3-Embedding-0.6B", source: hfConfig("Qwen/Qwen3-Embedding-0.6B"),
    hp: { layers: 28, hidden: 1024, heads: 16, kvHeads: 8, headDim: 128, ffn: 3072, vocab: 151669, ctx: 32768, tied: true, rope: { theta: 1000000 } },
    params: { total: 600_000_000 }, paramsNote: QWEN3_EMB_NOTE, quants: ["Q8_0", "F16"], ollama: ["qwen3-embedding:0.6b"],
    gguf: ["Qwen/Qwen3-Embedding-0.6B-GGUF"], capabilities: ["embedding"], released: "2025-06-05", checked: "2026-11-24", quality: 6,
  },
  {
    id: "qwen3-embedding-4b", family: "qwen3-embedding", name: "Qwen3-Embedding 4B", license: "apache-2.0", kind: "dense", arch: "qwen3",
    hf: "Qwen/Qwen3-Embedding-4B", source: hfConfig("Qwen/Qwen3-Embedding-4B"),
    hp: { layers: 36, hidden: 2560, heads: 32, kvHeads: 8, headDim: 128, ffn: 9728, vocab: 151665, ctx: 40960, tied: true, rope: { theta: 1000000 } },
    params: { total: 4_000_000_000 }, paramsNote: QWEN3_EMB_NOTE, quants: ["Q4_K_M", "Q5_K_M", "Q8_0", "F16"], ollama: ["qwen3-embedding:4b"],
    gguf: ["Qwen/Qwen3-Embedding-4B-GGUF"], capabilities: ["embedding"], released: "2025-06-05", checked: "2026-11-24", quality: 7,
  },
  {
    id: "qwen3-embedding-8b", family: "qwen3-embedding", name: "Qwen3-Embedding 8B", license: "apache-2.0", kind: "dense", arch: "qwen3",
    hf: "Qwen/Qwen3-Embedding-8B", source: hfConfig("Qwen/Qwen3-Embedding-8B"),
    hp: { layers: 36, hidden: 4096, heads: 32, kvHeads: 8, headDim: 128, ffn: 12288, vocab: 151665, ctx: 40960, tied: true, rope: { theta: 1000000 } },
    params: { total: 7_570_000_000 }, paramsNote: QWEN3_EMB_NOTE, quants: ["Q4_K_M", "Q5_K_M", "Q8_0", "F16"], ollama: ["qwen3-embedding:8b", "qwen3-embedding"],
    gguf: ["Qwen/Qwen3-Embedding-8B-GGUF"], capabilities: ["embedding"], released: "2025-06-05", checked: "2026-11-24", quality: 8,
  },
] satisfies Entries;
