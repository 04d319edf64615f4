// Meta's Llama line: LLaMA 1, Llama 2, Llama 3 / 3.1 / 3.2 / 3.3, and popular fine-tunes that keep
// the same shape. Hyperparameters from each repo's config.json; counts from the model cards.
import { BIG_QUANTS, GGUF_QUANTS, LEGACY_QUANTS, hfConfig } from "./util.js";
import type { Entries, HyperparamsInput } from "./util.js";

const L3_ROPE = { theta: 500000, scaling: { type: "llama3", factor: 8, originalCtx: 8192 } } as const;
const L32_ROPE = { theta: 500000, scaling: { type: "llama3", factor: 32, originalCtx: 8192 } } as const;

const L32_1B = { layers: 16, hidden: 2048, heads: 32, kvHeads: 8, ffn: 8192, vocab: 128256, ctx: 131072, tied: true, rope: L32_ROPE } satisfies HyperparamsInput;
const L32_3B = { layers: 28, hidden: 3072, heads: 24, kvHeads: 8, ffn: 8192, vocab: 128256, ctx: 131072, tied: true, rope: L32_ROPE } satisfies HyperparamsInput;
const L31_8B = { layers: 32, hidden: 4096, heads: 32, kvHeads: 8, ffn: 14336, vocab: 128256, ctx: 131072, tied: false, rope: L3_ROPE } satisfies HyperparamsInput;
const L31_70B = { layers: 80, hidden: 8192, heads: 64, kvHeads: 8, ffn: 28672, vocab: 128256, ctx: 131072, tied: false, rope: L3_ROPE } satisfies HyperparamsInput;
const L31_405B = { layers: 126, hidden: 16384, heads: 128, kvHeads: 8, ffn: 53248, vocab: 128256, ctx: 131072, tied: false, rope: L3_ROPE } satisfies HyperparamsInput;
const L3_8B = { ...L31_8B, ctx: 8192, rope: { theta: 500000 } } satisfies HyperparamsInput;
const L3_70B = { ...L31_70B, ctx: 8192, rope: { theta: 500000 } } satisfies HyperparamsInput;
const L2_7B = { layers: 32, hidden: 4096, heads: 32, ffn: 11008, vocab: 32000, ctx: 4096, tied: false, rope: { theta: 10000 } } satisfies HyperparamsInput;
const L2_13B = { layers: 40, hidden: 5120, heads: 40, ffn: 13824, vocab: 32000, ctx: 4096, tied: false, rope: { theta: 10000 } } satisfies HyperparamsInput;
const L2_70B = { layers: 80, hidden: 8192, heads: 64, kvHeads: 8, ffn: 28672, vocab: 32000, ctx: 4096, tied: false, rope: { theta: 10000 } } satisfies HyperparamsInput;

// Llama 4 (meta-llama/Llama-4-*-Instruct config.json, text_config): 48 layers; 3 of every 4 use
// chunked attention over 8,192-token chunks with RoPE, the 4th is global without RoPE (iRoPE;
// attention_chunk_size 8192, no_rope_layer_interval 4). llama.cpp sizes the chunked layers' cache
// like a sliding window of 8,192 (llama4.cpp: LLAMA_SWA_TYPE_CHUNKED, swa pattern 4). MoE on every
// interleave_moe_layer_step-th layer: routed experts of intermediate_size and one shared expert as
// wide; the other layers a dense FFN of intermediate_size_mlp.
const L4_BASE = {
  layers: 48, hidden: 5120, heads: 40, kvHeads: 8, headDim: 128, ffn: 16384, vocab: 202048, tied: false,
  swa: { window: 8192, pattern: { globalEvery: 4 } },
} as const;
const L4_SCOUT = {
  ...L4_BASE, ctx: 10485760,
  rope: { theta: 500000, scaling: { type: "llama3", factor: 16, originalCtx: 8192 } },
  moe: { experts: 16, used: 1, shared: 1, expertFfn: 8192, sharedFfn: 8192 },
} satisfies HyperparamsInput;
const L4_MAVERICK = {
  ...L4_BASE, ctx: 1048576, rope: { theta: 500000 },
  moe: { experts: 128, used: 1, shared: 1, expertFfn: 8192, sharedFfn: 8192, every: 2, offset: 1 },
} satisfies HyperparamsInput;

export const ENTRIES = [
  // Llama 3.2
  {
    id: "llama-3.2-1b-instruct", family: "llama-3.2", name: "Llama 3.2 1B Instruct", license: "llama3.2", kind: "dense", arch: "llama",
    hf: "meta-llama/Llama-3.2-1B-Instruct", source: hfConfig("meta-llama/Llama-3.2-1B-Instruct"), hp: L32_1B,
    params: { total: 1_235_814_400 }, quants: GGUF_QUANTS, ollama: ["llama3.2:1b"],
    gguf: ["bartowski/Llama-3.2-1B-Instruct-GGUF", "unsloth/Llama-3.2-1B-Instruct-GGUF"], lmstudio: ["llama-3.2-1b-instruct"],
    capabilities: ["chat", "tools"], released: "2024-09-25", checked: "2026-11-24", quality: 3,
  },
  {
    id: "llama-3.2-1b", family: "llama-3.2", name: "Llama 3.2 1B (base)", license: "llama3.2", kind: "dense", arch: "llama",
    hf: "meta-llama/Llama-3.2-1B", source: hfConfig("meta-llama/Llama-3.2-1B"), hp: L32_1B,
    params: { total: 1_235_814_400 }, quants: GGUF_QUANTS, gguf: ["QuantFactory/Llama-3.2-1B-GGUF"],
    capabilities: ["chat"], released: "2024-09-25", checked: "2026-11-24", quality: 2,
  },
  {
    id: "llama-3.2-3b-instruct", family: "llama-3.2", name: "Llama 3.2 3B Instruct", license: "llama3.2", kind: "dense", arch: "llama",
    hf: "meta-llama/Llama-3.2-3B-Instruct", source: hfConfig("meta-llama/Llama-3.2-3B-Instruct"), hp: L32_3B,
    params: { total: 3_212_749_824 }, quants: GGUF_QUANTS, ollama: ["llama3.2:3b", "llama3.2"],
    gguf: ["bartowski/Llama-3.2-3B-Instruct-GGUF", "unsloth/Llama-3.2-3B-Instruct-GGUF"], lmstudio: ["llama-3.2-3b-instruct"],
    capabilities: ["chat", "tools"], released: "2024-09-25", checked: "2026-11-24", quality: 4,
  },
  {
    id: "llama-3.2-3b", family: "llama-3.2", name: "Llama 3.2 3B (base)", license: "llama3.2", kind: "dense", arch: "llama",
    hf: "meta-llama/Llama-3.2-3B", source: hfConfig("meta-llama/Llama-3.2-3B"), hp: L32_3B,
    params: { total: 3_212_749_824 }, quants: GGUF_QUANTS, gguf: ["QuantFactory/Llama-3.2-3B-GGUF"],
    capabilities: ["chat"], released: "2024-09-25", checked: "2026-11-24", quality: 3,
  },
  // Llama 3.1
  {
    id: "llama-3.1-8b-instruct", family: "llama-3.1", name: "Llama 3.1 8B Instruct", license: "llama3.1", kind: "dense", arch: "llama",
    hf: "meta-llama/Llama-3.1-8B-Instruct", source: hfConfig("meta-llama/Llama-3.1-8B-Instruct"), hp: L31_8B,
    params: { total: 8_030_261_248 }, quants: GGUF_QUANTS, ollama: ["llama3.1:8b", "llama3.1"],
    gguf: ["bartowski/Meta-Llama-3.1-8B-Instruct-GGUF", "lmstudio-community/Meta-Llama-3.1-8B-Instruct-GGUF", "unsloth/Llama-3.1-8B-Instruct-GGUF"],
    lmstudio: ["meta-llama-3.1-8b-instruct"], capabilities: ["chat", "tools"], released: "2024-07-23", checked: "2026-11-24", quality: 5,
  },
  {
    id: "llama-3.1-8b", family: "llama-3.1", name: "Llama 3.1 8B (base)", license: "llama3.1", kind: "dense", arch: "llama",
    hf: "meta-llama/Llama-3.1-8B", source: hfConfig("meta-llama/Llama-3.1-8B"), hp: L31_8B,
    params: { total: 8_030_261_248 }, quants: GGUF_QUANTS, gguf: ["QuantFactory/Meta-Llama-3.1-8B-GGUF"],
    capabilities: ["chat"], released: "2024-07-23", checked: "2026-11-24", quality: 4,
  },
  {
    id: "llama-3.1-70b-instruct", family: "llama-3.1", name: "Llama 3.1 70B Instruct", license: "llama3.1", kind: "dense", arch: "llama",
    hf: "meta-llama/Llama-3.1-70B-Instruct", source: hfConfig("meta-llama/Llama-3.1-70B-Instruct"), hp: L31_70B,
    params: { total: 70_553_706_496 }, quants: BIG_QUANTS, ollama: ["llama3.1:70b"],
    gguf: ["bartowski/Meta-Llama-3.1-70B-Instruct-GGUF", "lmstudio-community/Meta-Llama-3.1-70B-Instruct-GGUF"],
    lmstudio: ["meta-llama-3.1-70b-instruct"], capabilities: ["chat", "tools"], released: "2024-07-23", checked: "2026-11-24", quality: 7,
  },
  {
    id: "llama-3.1-70b", family: "llama-3.1", name: "Llama 3.1 70B (base)", license: "llama3.1", kind: "dense", arch: "llama",
    hf: "meta-llama/Llama-3.1-70B", source: hfConfig("meta-llama/Llama-3.1-70B"), hp: L31_70B,
    params: { total: 70_553_706_496 }, quants: BIG_QUANTS, capabilities: ["chat"], released: "2024-07-23", checked: "2026-11-24", quality: 6,
  },
  {
    id: "llama-3.1-405b-instruct", family: "llama-3.1", name: "Llama 3.1 405B Instruct", license: "llama3.1", kind: "dense", arch: "llama",
    hf: "meta-llama/Llama-3.1-405B-Instruct", source: hfConfig("meta-llama/Llama-3.1-405B-Instruct"), hp: L31_405B,
    params: { total: 405_853_388_800 }, quants: BIG_QUANTS, ollama: ["llama3.1:405b"],
    gguf: ["bartowski/Meta-Llama-3.1-405B-Instruct-GGUF"], capabilities: ["chat", "tools"], released: "2024-07-23", checked: "2026-11-24", quality: 8,
  },
  {
    id: "llama-3.1-405b", family: "llama-3.1", name: "Llama 3.1 405B (base)", license: "llama3.1", kind: "dense", arch: "llama",
    hf: "meta-llama/Llama-3.1-405B", source: hfConfig("meta-llama/Llama-3.1-405B"), hp: L31_405B,
    params: { total: 405_853_388_800 }, quants: BIG_QUANTS, capabilities: ["chat"], released: "2024-07-23", checked: "2026-11-24", quality: 7,
  },
  // Llama 3.3
  {
    id: "llama-3.3-70b-instruct", family: "llama-3.3", name: "Llama 3.3 70B Instruct", license: "llama3.3", kind: "dense", arch: "llama",
    hf: "meta-llama/Llama-3.3-70B-Instruct", source: hfConfig("meta-llama/Llama-3.3-70B-Instruct"), hp: L31_70B,
    params: { total: 70_553_706_496 }, quants: BIG_QUANTS, ollama: ["llama3.3:70b", "llama3.3"],
    gguf: ["bartowski/Llama-3.3-70B-Instruct-GGUF", "unsloth/Llama-3.3-70B-Instruct-GGUF", "lmstudio-community/Llama-3.3-70B-Instruct-GGUF"],
    lmstudio: ["llama-3.3-70b-instruct"], capabilities: ["chat", "tools"], released: "2024-12-06", checked: "2026-11-24", quality: 7,
  },
  // Llama 3
  {
    id: "llama-3-8b-instruct", family: "llama-3", name: "Llama 3 8B Instruct", license: "llama3", kind: "dense", arch: "llama",
    hf: "meta-llama/Meta-Llama-3-8B-Instruct", source: hfConfig("meta-llama/Meta-Llama-3-8B-Instruct"), hp: L3_8B,
    params: { total: 8_030_261_248 }, quants: GGUF_QUANTS, ollama: ["llama3:8b", "llama3"],
    gguf: ["bartowski/Meta-Llama-3-8B-Instruct-GGUF", "lmstudio-community/Meta-Llama-3-8B-Instruct-GGUF"],
    lmstudio: ["meta-llama-3-8b-instruct"], capabilities: ["chat"], released: "2024-04-18", checked: "2026-11-24", quality: 4,
  },
  {
    id: "llama-3-8b", family: "llama-3", name: "Llama 3 8B (base)", license: "llama3", kind: "dense", arch: "llama",
    hf: "meta-llama/Meta-Llama-3-8B", source: hfConfig("meta-llama/Meta-Llama-3-8B"), hp: L3_8B,
    params: { total: 8_030_261_248 }, quants: GGUF_QUANTS, ollama: ["llama3:text"], capabilities: ["chat"], released: "2024-04-18", checked: "2026-11-24", quality: 4,
  },
  {
    id: "llama-3-70b-instruct", family: "llama-3", name: "Llama 3 70B Instruct", license: "llama3", kind: "dense", arch: "llama",
    hf: "meta-llama/Meta-Llama-3-70B-Instruct", source: hfConfig("meta-llama/Meta-Llama-3-70B-Instruct"), hp: L3_70B,
    params: { total: 70_553_706_496 }, quants: BIG_QUANTS, ollama: ["llama3:70b"],
    gguf: ["bartowski/Meta-Llama-3-70B-Instruct-GGUF"], capabilities: ["chat"], released: "2024-04-18", checked: "2026-11-24", quality: 6,
  },
  // Llama 2
  {
    id: "llama-2-7b-chat", family: "llama-2", name: "Llama 2 7B Chat", license: "llama2", kind: "dense", arch: "llama",
    hf: "meta-llama/Llama-2-7b-chat-hf", source: hfConfig("meta-llama/Llama-2-7b-chat-hf"), hp: L2_7B,
    params: { total: 6_738_415_616 }, quants: LEGACY_QUANTS, ollama: ["llama2:7b", "llama2"],
    gguf: ["TheBloke/Llama-2-7B-Chat-GGUF"], capabilities: ["chat"], released: "2023-07-18", checked: "2026-11-24", quality: 2,
  },
  {
    id: "llama-2-7b", family: "llama-2", name: "Llama 2 7B (base)", license: "llama2", kind: "dense", arch: "llama",
    hf: "meta-llama/Llama-2-7b-hf", source: hfConfig("meta-llama/Llama-2-7b-hf"), hp: L2_7B,
    params: { total: 6_738_415_616 }, quants: LEGACY_QUANTS, ollama: ["llama2:7b-text"],
    gguf: ["TheBloke/Llama-2-7B-GGUF"], capabilities: ["chat"], released: "2023-07-18", checked: "2026-11-24", quality: 2,
  },
  {
    id: "llama-2-13b-chat", family: "llama-2", name: "Llama 2 13B Chat", license: "llama2", kind: "dense", arch: "llama",
    hf: "meta-llama/Llama-2-13b-chat-hf", source: hfConfig("meta-llama/Llama-2-13b-chat-hf"), hp: L2_13B,
    params: { total: 13_015_864_320 }, quants: LEGACY_QUANTS, ollama: ["llama2:13b"],
    gguf: ["TheBloke/Llama-2-13B-chat-GGUF"], capabilities: ["chat"], released: "2023-07-18", checked: "2026-11-24", quality: 3,
  },
  {
    id: "llama-2-13b", family: "llama-2", name: "Llama 2 13B (base)", license: "llama2", kind: "dense", arch: "llama",
    hf: "meta-llama/Llama-2-13b-hf", source: hfConfig("meta-llama/Llama-2-13b-hf"), hp: L2_13B,
    params: { total: 13_015_864_320 }, quants: LEGACY_QUANTS, ollama: ["llama2:13b-text"],
    gguf: ["TheBloke/Llama-2-13B-GGUF"], capabilities: ["chat"], released: "2023-07-18", checked: "2026-11-24", quality: 2,
  },
  {
    id: "llama-2-70b-chat", family: "llama-2", name: "Llama 2 70B Chat", license: "llama2", kind: "dense", arch: "llama",
    hf: "meta-llama/Llama-2-70b-chat-hf", source: hfConfig("meta-llama/Llama-2-70b-chat-hf"), hp: L2_70B,
    params: { total: 68_976_648_192 }, quants: LEGACY_QUANTS, ollama: ["llama2:70b"],
    gguf: ["TheBloke/Llama-2-70B-Chat-GGUF"], capabilities: ["chat"], released: "2023-07-18", checked: "2026-11-24", quality: 4,
  },
  {
    id: "llama-2-70b", family: "llama-2", name: "Llama 2 70B (base)", license: "llama2", kind: "dense", arch: "llama",
    hf: "meta-llama/Llama-2-70b-hf", source: hfConfig("meta-llama/Llama-2-70b-hf"), hp: L2_70B,
    params: { total: 68_976_648_192 }, quants: LEGACY_QUANTS, ollama: ["llama2:70b-text"],
    gguf: ["TheBloke/Llama-2-70B-GGUF"], capabilities: ["chat"], released: "2023-07-18", checked: "2026-11-24", quality: 3,
  },
  // LLaMA 1 (weights were research-only; huggyllama hosts the converted configs)
  {
    id: "llama-7b", family: "llama-1", name: "LLaMA 7B", license: "llama-1-noncommercial", kind: "dense", arch: "llama",
    hf: "huggyllama/llama-7b", source: hfConfig("huggyllama/llama-7b"),
    hp: { ...L2_7B, ctx: 2048 }, params: { total: 6_738_415_616 }, paramsNote: "The paper rounds it to 6.7B (arXiv:2302.13971, table 2).",
    quants: LEGACY_QUANTS, capabilities: ["chat"], released: "2023-02-24", checked: "2026-11-24", quality: 1,
  },
  {
    id: "llama-13b", family: "llama-1", name: "LLaMA 13B", license: "llama-1-noncommercial", kind: "dense", arch: "llama",
    hf: "huggyllama/llama-13b", source: hfConfig("huggyllama/llama-13b"),
    hp: { ...L2_13B, ctx: 2048 }, params: { total: 13_015_864_320 }, quants: LEGACY_QUANTS, capabilities: ["chat"], released: "2023-02-24", checked: "2026-11-24", quality: 1,
  },
  {
    id: "llama-33b", family: "llama-1", name: "LLaMA 33B", license: "llama-1-noncommercial", kind: "dense", arch: "llama",
    hf: "huggyllama/llama-30b", source: hfConfig("huggyllama/llama-30b"),
    hp: { layers: 60, hidden: 6656, heads: 52, ffn: 17920, vocab: 32000, ctx: 2048, tied: false, rope: { theta: 10000 } },
    params: { total: 32_500_000_000 }, paramsNote: "LLaMA paper, arXiv:2302.13971, table 2: 32.5B.", quants: LEGACY_QUANTS,
    capabilities: ["chat"], released: "2023-02-24", checked: "2026-11-24", quality: 2,
  },
  {
    id: "llama-65b", family: "llama-1", name: "LLaMA 65B", license: "llama-1-noncommercial", kind: "dense", arch: "llama",
    hf: "huggyllama/llama-65b", source: hfConfig("huggyllama/llama-65b"),
    hp: { layers: 80, hidden: 8192, heads: 64, ffn: 22016, vocab: 32000, ctx: 2048, tied: false, rope: { theta: 10000 } },
    params: { total: 65_200_000_000 }, paramsNote: "LLaMA paper, arXiv:2302.13971, table 2: 65.2B.", quants: LEGACY_QUANTS,
    capabilities: ["chat"], released: "2023-02-24", checked: "2026-11-24", quality: 2,
  },
  // Fine-tunes people pull by name; same shapes as their bases.
  {
    id: "tinyllama-1.1b-chat", family: "tinyllama", name: "TinyLlama 1.1B Chat v1.0", license: "apache-2.0", kind: "dense", arch: "llama",
    hf: "TinyLlama/TinyLlama-1.1B-Chat-v1.0", source: hfConfig("TinyLlama/TinyLlama-1.1B-Chat-v1.0"),
    hp: { layers: 22, hidden: 2048, heads: 32, kvHeads: 4, ffn: 5632, vocab: 32000, ctx: 2048, tied: false, rope: { theta: 10000 } },
    params: { total: 1_100_000_000 }, quants: LEGACY_QUANTS, ollama: ["tinyllama:1.1b", "tinyllama"],
    gguf: ["TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF"], capabilities: ["chat"], released: "2023-12-31", checked: "2026-11-24", quality: 1,
  },
  // Hermes 3: license as the model cards declare it (`license: llama3`), though the weights are a
  // Llama 3.1 fine-tune, whose Community License is the one that binds (the cards link it).
  {
    id: "hermes-3-llama-3.1-8b", family: "hermes", name: "Hermes 3 Llama 3.1 8B", license: "llama3", kind: "dense", arch: "llama",
    hf: "NousResearch/Hermes-3-Llama-3.1-8B", source: hfConfig("NousResearch/Hermes-3-Llama-3.1-8B"), hp: L31_8B,
    params: { total: 8_030_261_248 }, quants: GGUF_QUANTS, ollama: ["hermes3:8b", "hermes3"],
    gguf: ["NousResearch/Hermes-3-Llama-3.1-8B-GGUF"], capabilities: ["chat", "tools"], released: "2024-08-15", checked: "2026-12-03", quality: 5,
  },
  {
    id: "hermes-3-llama-3.1-70b", family: "hermes", name: "Hermes 3 Llama 3.1 70B", license: "llama3", kind: "dense", arch: "llama",
    hf: "NousResearch/Hermes-3-Llama-3.1-70B", source: hfConfig("NousResearch/Hermes-3-Llama-3.1-70B"), hp: L31_70B,
    params: { total: 70_553_706_496 }, quants: BIG_QUANTS, ollama: ["hermes3:70b"],
    gguf: ["NousResearch/Hermes-3-Llama-3.1-70B-GGUF"], capabilities: ["chat", "tools"], released: "2024-08-15", checked: "2026-12-03", quality: 7,
  },
  {
    id: "llama-3.1-nemotron-70b-instruct", family: "nemotron", name: "Llama 3.1 Nemotron 70B Instruct", license: "llama3.1", kind: "dense", arch: "llama",
    hf: "nvidia/Llama-3.1-Nemotron-70B-Instruct-HF", source: hfConfig("nvidia/Llama-3.1-Nemotron-70B-Instruct-HF"), hp: L31_70B,
    params: { total: 70_553_706_496 }, quants: BIG_QUANTS, ollama: ["nemotron:70b", "nemotron"],
    gguf: ["bartowski/Llama-3.1-Nemotron-70B-Instruct-HF-GGUF"], capabilities: ["chat"], released: "2024-10-15", checked: "2026-11-24", quality: 7,
  },
  {
    id: "vicuna-7b-v1.5", family: "vicuna", name: "Vicuna 7B v1.5", license: "llama2", kind: "dense", arch: "llama",
    hf: "lmsys/vicuna-7b-v1.5", source: hfConfig("lmsys/vicuna-7b-v1.5"), hp: L2_7B,
    params: { total: 6_738_415_616 }, quants: LEGACY_QUANTS, ollama: ["vicuna:7b"], gguf: ["TheBloke/vicuna-7B-v1.5-GGUF"],
    capabilities: ["chat"], released: "2023-08-01", checked: "2026-11-24", quality: 2,
  },
  {
    id: "vicuna-13b-v1.5", family: "vicuna", name: "Vicuna 13B v1.5", license: "llama2", kind: "dense", arch: "llama",
    hf: "lmsys/vicuna-13b-v1.5", source: hfConfig("lmsys/vicuna-13b-v1.5"), hp: L2_13B,
    params: { total: 13_015_864_320 }, quants: LEGACY_QUANTS, ollama: ["vicuna:13b"], gguf: ["TheBloke/vicuna-13B-v1.5-GGUF"],
    capabilities: ["chat"], released: "2023-08-01", checked: "2026-11-24", quality: 2,
  },
  // Llama 4 (Meta, 2025-04-05): natively multimodal MoE; the vision encoder is llama.cpp's mmproj file.
  {
    id: "llama-4-scout-17b-16e-instruct", family: "llama-4", name: "Llama 4 Scout 17B-16E Instruct", license: "llama4", kind: "moe", arch: "llama4",
    hf: "meta-llama/Llama-4-Scout-17B-16E-Instruct", source: hfConfig("meta-llama/Llama-4-Scout-17B-16E-Instruct"), hp: L4_SCOUT,
    params: { total: 109_000_000_000, active: 17_000_000_000, rounded: true },
    paramsNote: "The model card lists 17B active / 109B total, rounded labels that include the vision encoder; the language model's tensors give 107.8B.",
    quants: BIG_QUANTS, ollama: ["llama4:16x17b", "llama4:scout", "llama4"],
    gguf: ["unsloth/Llama-4-Scout-17B-16E-Instruct-GGUF"], capabilities: ["chat", "tools", "vision"], released: "2025-04-05", checked: "2026-12-03", quality: 7,
    notes: "Chunked attention (8,192-token chunks) on 36 of 48 layers: their KV cache stays at 8,192 + one micro-batch of cells at any context.",
  },
  {
    id: "llama-4-maverick-17b-128e-instruct", family: "llama-4", name: "Llama 4 Maverick 17B-128E Instruct", license: "llama4", kind: "moe", arch: "llama4",
    hf: "meta-llama/Llama-4-Maverick-17B-128E-Instruct", source: hfConfig("meta-llama/Llama-4-Maverick-17B-128E-Instruct"), hp: L4_MAVERICK,
    params: { total: 400_000_000_000, active: 17_000_000_000, rounded: true },
    paramsNote: "The model card lists 17B active / 400B total (rounded labels); MoE on every second layer, a dense FFN of 16,384 on the others.",
    quants: BIG_QUANTS, ollama: ["llama4:128x17b", "llama4:maverick"],
    gguf: ["unsloth/Llama-4-Maverick-17B-128E-Instruct-GGUF"], capabilities: ["chat", "tools", "vision"], released: "2025-04-05", checked: "2026-12-03", quality: 8,
  },
] satisfies Entries;
