// Microsoft's Phi-2, Phi-3, Phi-3.5 and Phi-4 lines. llama.cpp loads Phi-3, Phi-3.5 and Phi-4
// as "phi3" (fused qkv and gate/up tensors), Phi-3.5-MoE as "phimoe", Phi-2 as "phi2".
import { GGUF_QUANTS, hfConfig } from "./util.js";
import type { Entries, HyperparamsInput } from "./util.js";

const P3_MINI = { layers: 32, hidden: 3072, heads: 32, ffn: 8192, vocab: 32064, ctx: 4096, tied: false, rope: { theta: 10000 } } satisfies HyperparamsInput;
const P3_MINI_128K = { ...P3_MINI, ctx: 131072, rope: { theta: 10000, scaling: { type: "longrope", factor: 32, originalCtx: 4096 } } } satisfies HyperparamsInput;
const P3_MEDIUM = { layers: 40, hidden: 5120, heads: 40, kvHeads: 10, ffn: 17920, vocab: 32064, ctx: 4096, tied: false, rope: { theta: 10000 } } satisfies HyperparamsInput;
const P3_MEDIUM_128K = { ...P3_MEDIUM, ctx: 131072, rope: { theta: 10000, scaling: { type: "longrope", factor: 32, originalCtx: 4096 } } } satisfies HyperparamsInput;
const P4 = { layers: 40, hidden: 5120, heads: 40, kvHeads: 10, ffn: 17920, vocab: 100352, ctx: 16384, tied: false, rope: { theta: 250000 } } satisfies HyperparamsInput;
const P4_MINI = {
  layers: 32, hidden: 3072, heads: 24, kvHeads: 8, ffn: 8192, vocab: 200064, ctx: 131072, tied: true,
  rope: { theta: 10000, partial: 0.75, scaling: { type: "longrope", factor: 32, originalCtx: 4096 } },
} satisfies HyperparamsInput;

export const ENTRIES = [
  {
    id: "phi-3-mini-4k-instruct", family: "phi-3", name: "Phi-3 Mini 4K Instruct", license: "mit", kind: "dense", arch: "phi3",
    hf: "microsoft/Phi-3-mini-4k-instruct", source: hfConfig("microsoft/Phi-3-mini-4k-instruct"), hp: P3_MINI,
    params: { total: 3_821_079_552 }, quants: GGUF_QUANTS, ollama: ["phi3:mini", "phi3:3.8b", "phi3"],
    gguf: ["microsoft/Phi-3-mini-4k-instruct-gguf", "bartowski/Phi-3-mini-4k-instruct-GGUF"], capabilities: ["chat"], released: "2024-04-23", checked: "2026-11-24", quality: 3,
    notes: "config.json sets sliding_window 2047.",
  },
  {
    id: "phi-3-mini-128k-instruct", family: "phi-3", name: "Phi-3 Mini 128K Instruct", license: "mit", kind: "dense", arch: "phi3",
    hf: "microsoft/Phi-3-mini-128k-instruct", source: hfConfig("microsoft/Phi-3-mini-128k-instruct"), hp: P3_MINI_128K,
    params: { total: 3_821_079_552 }, quants: GGUF_QUANTS, ollama: ["phi3:mini-128k"], gguf: ["bartowski/Phi-3-mini-128k-instruct-GGUF"],
    capabilities: ["chat"], released: "2024-04-23", checked: "2026-11-24", quality: 3,
  },
  {
    id: "phi-3-small-8k-instruct", family: "phi-3", name: "Phi-3 Small 8K Instruct", license: "mit", kind: "dense", arch: "phi3small",
    hf: "microsoft/Phi-3-small-8k-instruct", source: hfConfig("microsoft/Phi-3-small-8k-instruct"),
    hp: { layers: 32, hidden: 4096, heads: 32, kvHeads: 8, ffn: 14336, vocab: 100352, ctx: 8192, tied: true, rope: { theta: 1000000 } },
    params: { total: 7_392_272_384 }, quants: [], capabilities: ["chat"], released: "2024-05-21", checked: "2026-11-24", quality: 4,
    notes: "Block-sparse attention and GEGLU; llama.cpp has no Phi-3-small support (Phi3SmallForCausalLM).",
    notInLlamaCpp: "llama.cpp has no Phi-3-small architecture (Phi3SmallForCausalLM: block-sparse attention, GEGLU).",
  },
  {
    id: "phi-3-small-128k-instruct", family: "phi-3", name: "Phi-3 Small 128K Instruct", license: "mit", kind: "dense", arch: "phi3small",
    hf: "microsoft/Phi-3-small-128k-instruct", source: hfConfig("microsoft/Phi-3-small-128k-instruct"),
    hp: {
      layers: 32, hidden: 4096, heads: 32, kvHeads: 8, ffn: 14336, vocab: 100352, ctx: 131072, tied: true,
      rope: { theta: 1000000, scaling: { type: "longrope", factor: 16, originalCtx: 8192 } },
    },
    params: { total: 7_392_272_384 }, quants: [], capabilities: ["chat"], released: "2024-05-21", checked: "2026-11-24", quality: 4,
    notes: "llama.cpp has no Phi-3-small support.",
    notInLlamaCpp: "llama.cpp has no Phi-3-small architecture (Phi3SmallForCausalLM: block-sparse attention, GEGLU).",
  },
  {
    id: "phi-3-medium-4k-instruct", family: "phi-3", name: "Phi-3 Medium 4K Instruct", license: "mit", kind: "dense", arch: "phi3",
    hf: "microsoft/Phi-3-medium-4k-instruct", source: hfConfig("microsoft/Phi-3-medium-4k-instruct"), hp: P3_MEDIUM,
    params: { total: 13_960_238_080 }, quants: GGUF_QUANTS, ollama: ["phi3:medium", "phi3:14b"],
    gguf: ["bartowski/Phi-3-medium-4k-instruct-GGUF"], capabilities: ["chat"], released: "2024-05-21", checked: "2026-11-24", quality: 5,
  },
  {
    id: "phi-3-medium-128k-instruct", family: "phi-3", name: "Phi-3 Medium 128K Instruct", license: "mit", kind: "dense", arch: "phi3",
    hf: "microsoft/Phi-3-medium-128k-instruct", source: hfConfig("microsoft/Phi-3-medium-128k-instruct"), hp: P3_MEDIUM_128K,
    params: { total: 13_960_238_080 }, quants: GGUF_QUANTS, ollama: ["phi3:medium-128k"], gguf: ["bartowski/Phi-3-medium-128k-instruct-GGUF"],
    capabilities: ["chat"], released: "2024-05-21", checked: "2026-11-24", quality: 5,
  },
  {
    id: "phi-3.5-mini-instruct", family: "phi-3.5", name: "Phi-3.5 Mini Instruct", license: "mit", kind: "dense", arch: "phi3",
    hf: "microsoft/Phi-3.5-mini-instruct", source: hfConfig("microsoft/Phi-3.5-mini-instruct"), hp: P3_MINI_128K,
    params: { total: 3_821_079_552 }, quants: GGUF_QUANTS, ollama: ["phi3.5:3.8b", "phi3.5"],
    gguf: ["bartowski/Phi-3.5-mini-instruct-GGUF", "lmstudio-community/Phi-3.5-mini-instruct-GGUF"], lmstudio: ["phi-3.5-mini-instruct"],
    capabilities: ["chat"], released: "2024-08-20", checked: "2026-11-24", quality: 4,
  },
  {
    id: "phi-3.5-moe-instruct", family: "phi-3.5", name: "Phi-3.5 MoE Instruct", license: "mit", kind: "moe", arch: "phimoe",
    hf: "microsoft/Phi-3.5-MoE-instruct", source: hfConfig("microsoft/Phi-3.5-MoE-instruct"),
    hp: {
      layers: 32, hidden: 4096, heads: 32, kvHeads: 8, ffn: 6400, vocab: 32064, ctx: 131072, tied: false,
      rope: { theta: 10000, scaling: { type: "longrope", factor: 32, originalCtx: 4096 } }, moe: { experts: 16, used: 2, expertFfn: 6400 },
    },
    params: { total: 41_873_153_344, active: 6_600_000_000 }, quants: GGUF_QUANTS, gguf: ["bartowski/Phi-3.5-MoE-instruct-GGUF"],
    capabilities: ["chat"], released: "2024-08-20", checked: "2026-11-24", quality: 5,
  },
  {
    id: "phi-4", family: "phi-4", name: "Phi-4 14B", license: "mit", kind: "dense", arch: "phi3",
    hf: "microsoft/phi-4", source: hfConfig("microsoft/phi-4"), hp: P4,
    params: { total: 14_659_507_200 }, quants: GGUF_QUANTS, ollama: ["phi4:14b", "phi4"],
    gguf: ["microsoft/phi-4-gguf", "bartowski/phi-4-GGUF", "unsloth/phi-4-GGUF", "lmstudio-community/phi-4-GGUF"], lmstudio: ["microsoft/phi-4"],
    capabilities: ["chat"], released: "2024-12-12", checked: "2026-11-24", quality: 6,
  },
  {
    id: "phi-4-reasoning", family: "phi-4", name: "Phi-4 Reasoning 14B", license: "mit", kind: "dense", arch: "phi3",
    hf: "microsoft/Phi-4-reasoning", source: hfConfig("microsoft/Phi-4-reasoning"), hp: { ...P4, ctx: 32768, rope: { theta: 500000 } },
    params: { total: 14_659_507_200 }, quants: GGUF_QUANTS, ollama: ["phi4-reasoning:14b", "phi4-reasoning"],
    gguf: ["unsloth/Phi-4-reasoning-GGUF", "bartowski/microsoft_Phi-4-reasoning-GGUF"], capabilities: ["chat", "reasoning"], released: "2025-04-30", checked: "2026-11-24", quality: 7,
  },
  {
    id: "phi-4-reasoning-plus", family: "phi-4", name: "Phi-4 Reasoning Plus 14B", license: "mit", kind: "dense", arch: "phi3",
    hf: "microsoft/Phi-4-reasoning-plus", source: hfConfig("microsoft/Phi-4-reasoning-plus"), hp: { ...P4, ctx: 32768, rope: { theta: 500000 } },
    params: { total: 14_659_507_200 }, quants: GGUF_QUANTS, ollama: ["phi4-reasoning:plus"],
    gguf: ["unsloth/Phi-4-reasoning-plus-GGUF", "lmstudio-community/Phi-4-reasoning-plus-GGUF"], capabilities: ["chat", "reasoning"], released: "2025-04-30", checked: "2026-11-24", quality: 7,
  },
  {
    id: "phi-4-mini-instruct", family: "phi-4", name: "Phi-4 Mini Instruct 3.8B", license: "mit", kind: "dense", arch: "phi3",
    hf: "microsoft/Phi-4-mini-instruct", source: hfConfig("microsoft/Phi-4-mini-instruct"), hp: P4_MINI,
    params: { total: 3_836_021_760 }, quants: GGUF_QUANTS, ollama: ["phi4-mini:3.8b", "phi4-mini"],
    gguf: ["unsloth/Phi-4-mini-instruct-GGUF", "bartowski/microsoft_Phi-4-mini-instruct-GGUF", "lmstudio-community/Phi-4-mini-instruct-GGUF"],
    lmstudio: ["microsoft/phi-4-mini-instruct"], capabilities: ["chat", "tools"], released: "2025-02-26", checked: "2026-11-24", quality: 4,
  },
  {
    id: "phi-4-mini-reasoning", family: "phi-4", name: "Phi-4 Mini Reasoning 3.8B", license: "mit", kind: "dense", arch: "phi3",
    hf: "microsoft/Phi-4-mini-reasoning", source: hfConfig("microsoft/Phi-4-mini-reasoning"), hp: P4_MINI,
    params: { total: 3_836_021_760 }, quants: GGUF_QUANTS, ollama: ["phi4-mini-reasoning:3.8b", "phi4-mini-reasoning"],
    gguf: ["unsloth/Phi-4-mini-reasoning-GGUF"], capabilities: ["chat", "reasoning"], released: "2025-04-30", checked: "2026-11-24", quality: 4,
  },
  {
    id: "phi-2", family: "phi-2", name: "Phi-2 2.7B", license: "mit", kind: "dense", arch: "phi2",
    hf: "microsoft/phi-2", source: hfConfig("microsoft/phi-2"),
    hp: { layers: 32, hidden: 2560, heads: 32, ffn: 10240, vocab: 51200, ctx: 2048, tied: false, rope: { theta: 10000, partial: 0.4 } },
    params: { total: 2_779_683_840 }, quants: GGUF_QUANTS, ollama: ["phi:2.7b", "phi"], gguf: ["TheBloke/phi-2-GGUF"],
    capabilities: ["chat", "code"], released: "2023-12-12", checked: "2026-11-24", quality: 2,
  },
] satisfies Entries;
