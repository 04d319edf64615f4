// The other families people run locally: gpt-oss, Granite 3/4, SmolLM 1/2/3, OLMo / OLMo 2 / OLMoE,
// Command R / R+ / R7B / A and Aya Expanse, GLM-4 / 4.5 / 4.6 / 4.7 / 5, MiniMax-M2, Falcon3, Yi 1.5.
import { BIG_QUANTS, GGUF_QUANTS, hfConfig } from "./util.js";
import type { Entries, HyperparamsInput } from "./util.js";

const GPT_OSS = {
  hidden: 2880, heads: 64, kvHeads: 8, headDim: 64, ffn: 2880, vocab: 201088, ctx: 131072, tied: false,
  rope: { theta: 150000, scaling: { type: "yarn", factor: 32, originalCtx: 4096 } }, swa: { window: 128, pattern: { globalEvery: 2 } },
} as const;
const GRANITE3_2B = { layers: 40, hidden: 2048, heads: 32, kvHeads: 8, ffn: 8192, vocab: 49155, ctx: 131072, tied: true, rope: { theta: 5000000 } } satisfies HyperparamsInput;
const GRANITE3_8B = { layers: 40, hidden: 4096, heads: 32, kvHeads: 8, ffn: 12800, vocab: 49155, ctx: 131072, tied: true, rope: { theta: 10000000 } } satisfies HyperparamsInput;
const GRANITE30_2B = { ...GRANITE3_2B, ctx: 4096, rope: { theta: 10000 } } satisfies HyperparamsInput;
const GRANITE30_8B = { ...GRANITE3_8B, ctx: 4096, rope: { theta: 10000 } } satisfies HyperparamsInput;
const GRANITE3_1B_A400M = {
  layers: 24, hidden: 1024, heads: 16, kvHeads: 8, ffn: 512, vocab: 49155, ctx: 4096, tied: true, rope: { theta: 10000 },
  moe: { experts: 32, used: 8, expertFfn: 512 },
} satisfies HyperparamsInput;
const GRANITE3_3B_A800M = {
  layers: 32, hidden: 1536, heads: 24, kvHeads: 8, ffn: 512, vocab: 49155, ctx: 4096, tied: true, rope: { theta: 10000 },
  moe: { experts: 40, used: 8, expertFfn: 512 },
} satisfies HyperparamsInput;
// Granite 4.0 hybrids: Mamba-2 with attention at layers 5, 15, 25, 35 (9:1).
const G4_PATTERN = "MMMMMA MMMMMMMMMA*3 MMMM";
const G4_MAMBA = (heads: number) => ({ dConv: 4, dInner: heads * 64, dState: 128, nGroup: 1, heads });
const SMOL1 = { vocab: 49152, ctx: 2048, tied: true, rope: { theta: 10000 } } as const;
const SMOL2 = { vocab: 49152, ctx: 8192, tied: true, rope: { theta: 100000 } } as const;
const CMD_R = { vocab: 256000, ctx: 131072, tied: true, rope: { theta: 8000000 } } as const;
const FALCON3 = { heads: 12, kvHeads: 4, headDim: 256, vocab: 131072, ctx: 32768, tied: false, rope: { theta: 1000042 } } as const;
const YI = { hidden: 4096, heads: 32, kvHeads: 4, ffn: 11008, vocab: 64000, ctx: 4096, tied: false, rope: { theta: 5000000 } } as const;

// GLM-4.6 / 4.7 (zai-org config.json): GLM-4.5's 355B-A32B shape with the context raised to 202,752.
const GLM46 = {
  layers: 92, hidden: 5120, heads: 96, kvHeads: 8, headDim: 128, ffn: 12288, vocab: 151552, ctx: 202752, tied: false, rope: { theta: 1000000, partial: 0.5 },
  moe: { experts: 160, used: 8, shared: 1, expertFfn: 1536, sharedFfn: 1536, leadingDense: 3 },
} satisfies HyperparamsInput;
// MiniMax-M2 / M2.1 (MiniMaxAI config.json): 62 layers, 48 query and 8 KV heads of 128 (RoPE on 64 of
// them: rotary_dim 64), q/k RMS norms over the whole projection, 256 experts of 1,536 with 8 used,
// sigmoid routing with a per-expert bias, no shared expert; max_position_embeddings 196,608.
const MINIMAX_M2 = {
  layers: 62, hidden: 3072, heads: 48, kvHeads: 8, headDim: 128, ffn: 1536, vocab: 200064, ctx: 196608, tied: false,
  rope: { theta: 5000000, partial: 0.5 }, moe: { experts: 256, used: 8, expertFfn: 1536, selectionBias: true },
} satisfies HyperparamsInput;

export const ENTRIES = [
  // gpt-oss (OpenAI): MXFP4 experts, alternating 128-token sliding window
  {
    id: "gpt-oss-20b", family: "gpt-oss", name: "gpt-oss 20B", license: "apache-2.0", kind: "moe", arch: "gpt-oss",
    hf: "openai/gpt-oss-20b", source: hfConfig("openai/gpt-oss-20b"),
    hp: { layers: 24, ...GPT_OSS, moe: { experts: 32, used: 4, expertFfn: 2880 } },
    params: { total: 20_910_000_000, active: 3_610_000_000 }, paramsNote: "gpt-oss model card (arXiv:2508.10925), table 1.",
    quants: ["MXFP4", "Q8_0", "F16"], ollama: ["gpt-oss:20b", "gpt-oss"],
    gguf: ["ggml-org/gpt-oss-20b-GGUF", "unsloth/gpt-oss-20b-GGUF", "lmstudio-community/gpt-oss-20b-GGUF"], lmstudio: ["openai/gpt-oss-20b"],
    capabilities: ["chat", "tools", "reasoning"], released: "2025-08-05", checked: "2026-11-24", quality: 7,
  },
  {
    id: "gpt-oss-120b", family: "gpt-oss", name: "gpt-oss 120B", license: "apache-2.0", kind: "moe", arch: "gpt-oss",
    hf: "openai/gpt-oss-120b", source: hfConfig("openai/gpt-oss-120b"),
    hp: { layers: 36, ...GPT_OSS, moe: { experts: 128, used: 4, expertFfn: 2880 } },
    params: { total: 116_830_000_000, active: 5_130_000_000 }, paramsNote: "gpt-oss model card (arXiv:2508.10925), table 1.",
    quants: ["MXFP4", "Q8_0", "F16"], ollama: ["gpt-oss:120b"],
    gguf: ["ggml-org/gpt-oss-120b-GGUF", "unsloth/gpt-oss-120b-GGUF", "lmstudio-community/gpt-oss-120b-GGUF"], lmstudio: ["openai/gpt-oss-120b"],
    capabilities: ["chat", "tools", "reasoning"], released: "2025-08-05", checked: "2026-11-24", quality: 9,
  },
  // Granite 3.x (IBM)
  {
    id: "granite-3.0-2b-instruct", family: "granite-3", name: "Granite 3.0 2B Instruct", license: "apache-2.0", kind: "dense", arch: "granite",
    hf: "ibm-granite/granite-3.0-2b-instruct", source: hfConfig("ibm-granite/granite-3.0-2b-instruct"), hp: GRANITE30_2B,
    params: { total: 2_530_000_000 }, quants: GGUF_QUANTS, ollama: ["granite3-dense:2b"], capabilities: ["chat", "tools"], released: "2024-10-21", checked: "2026-11-24", quality: 3,
  },
  {
    id: "granite-3.0-8b-instruct", family: "granite-3", name: "Granite 3.0 8B Instruct", license: "apache-2.0", kind: "dense", arch: "granite",
    hf: "ibm-granite/granite-3.0-8b-instruct", source: hfConfig("ibm-granite/granite-3.0-8b-instruct"), hp: GRANITE30_8B,
    params: { total: 8_170_000_000 }, quants: GGUF_QUANTS, ollama: ["granite3-dense:8b"], capabilities: ["chat", "tools"], released: "2024-10-21", checked: "2026-11-24", quality: 4,
  },
  {
    id: "granite-3.0-1b-a400m-instruct", family: "granite-3", name: "Granite 3.0 1B-A400M Instruct", license: "apache-2.0", kind: "moe", arch: "granitemoe",
    hf: "ibm-granite/granite-3.0-1b-a400m-instruct", source: hfConfig("ibm-granite/granite-3.0-1b-a400m-instruct"), hp: GRANITE3_1B_A400M,
    params: { total: 1_330_000_000, active: 400_000_000 }, quants: GGUF_QUANTS, ollama: ["granite3-moe:1b"], capabilities: ["chat", "tools"], released: "2024-10-21", checked: "2026-11-24", quality: 2,
  },
  {
    id: "granite-3.0-3b-a800m-instruct", family: "granite-3", name: "Granite 3.0 3B-A800M Instruct", license: "apache-2.0", kind: "moe", arch: "granitemoe",
    hf: "ibm-granite/granite-3.0-3b-a800m-instruct", source: hfConfig("ibm-granite/granite-3.0-3b-a800m-instruct"), hp: GRANITE3_3B_A800M,
    params: { total: 3_300_000_000, active: 800_000_000, rounded: true },
    paramsNote: "IBM describes it as 3.3B total / 800M active; the config's shape (tied embeddings) gives 3,298,793,472. The 3.37B listed here before is 3.30B plus a second 1536 × 49155 embedding (75.5M), i.e. an untied output head, which the config does not have.",
    quants: GGUF_QUANTS, ollama: ["granite3-moe:3b"], capabilities: ["chat", "tools"], released: "2024-10-21", checked: "2026-11-24", quality: 3,
  },
  {
    id: "granite-3.1-2b-instruct", family: "granite-3", name: "Granite 3.1 2B Instruct", license: "apache-2.0", kind: "dense", arch: "granite",
    hf: "ibm-granite/granite-3.1-2b-instruct", source: hfConfig("ibm-granite/granite-3.1-2b-instruct"), hp: GRANITE3_2B,
    params: { total: 2_530_000_000 }, quants: GGUF_QUANTS, ollama: ["granite3.1-dense:2b"], capabilities: ["chat", "tools"], released: "2024-12-18", checked: "2026-11-24", quality: 3,
  },
  {
    id: "granite-3.1-8b-instruct", family: "granite-3", name: "Granite 3.1 8B Instruct", license: "apache-2.0", kind: "dense", arch: "granite",
    hf: "ibm-granite/granite-3.1-8b-instruct", source: hfConfig("ibm-granite/granite-3.1-8b-instruct"), hp: GRANITE3_8B,
    params: { total: 8_170_000_000 }, quants: GGUF_QUANTS, ollama: ["granite3.1-dense:8b"], capabilities: ["chat", "tools"], released: "2024-12-18", checked: "2026-11-24", quality: 5,
  },
  {
    id: "granite-3.2-2b-instruct", family: "granite-3", name: "Granite 3.2 2B Instruct", license: "apache-2.0", kind: "dense", arch: "granite",
    hf: "ibm-granite/granite-3.2-2b-instruct", source: hfConfig("ibm-granite/granite-3.2-2b-instruct"), hp: GRANITE3_2B,
    params: { total: 2_530_000_000 }, quants: GGUF_QUANTS, ollama: ["granite3.2:2b"], capabilities: ["chat", "tools", "reasoning"], released: "2025-02-26", checked: "2026-11-24", quality: 3,
  },
  {
    id: "granite-3.2-8b-instruct", family: "granite-3", name: "Granite 3.2 8B Instruct", license: "apache-2.0", kind: "dense", arch: "granite",
    hf: "ibm-granite/granite-3.2-8b-instruct", source: hfConfig("ibm-granite/granite-3.2-8b-instruct"), hp: GRANITE3_8B,
    params: { total: 8_170_000_000 }, quants: GGUF_QUANTS, ollama: ["granite3.2:8b", "granite3.2"], capabilities: ["chat", "tools", "reasoning"], released: "2025-02-26", checked: "2026-11-24", quality: 5,
  },
  {
    id: "granite-3.3-2b-instruct", family: "granite-3", name: "Granite 3.3 2B Instruct", license: "apache-2.0", kind: "dense", arch: "granite",
    hf: "ibm-granite/granite-3.3-2b-instruct", source: hfConfig("ibm-granite/granite-3.3-2b-instruct"), hp: GRANITE3_2B,
    params: { total: 2_530_000_000 }, quants: GGUF_QUANTS, ollama: ["granite3.3:2b"],
    gguf: ["ibm-granite/granite-3.3-2b-instruct-GGUF"], capabilities: ["chat", "tools", "reasoning"], released: "2025-04-16", checked: "2026-11-24", quality: 3,
  },
  {
    id: "granite-3.3-8b-instruct", family: "granite-3", name: "Granite 3.3 8B Instruct", license: "apache-2.0", kind: "dense", arch: "granite",
    hf: "ibm-granite/granite-3.3-8b-instruct", source: hfConfig("ibm-granite/granite-3.3-8b-instruct"), hp: GRANITE3_8B,
    params: { total: 8_170_000_000 }, quants: GGUF_QUANTS, ollama: ["granite3.3:8b", "granite3.3"],
    gguf: ["ibm-granite/granite-3.3-8b-instruct-GGUF"], lmstudio: ["ibm/granite-3.3-8b"], capabilities: ["chat", "tools", "reasoning"], released: "2025-04-16", checked: "2026-11-24", quality: 5,
  },
  // Granite 4.0
  {
    id: "granite-4.0-h-small", family: "granite-4", name: "Granite 4.0 H-Small (32B-A9B)", license: "apache-2.0", kind: "hybrid", arch: "granitehybrid",
    hf: "ibm-granite/granite-4.0-h-small", source: hfConfig("ibm-granite/granite-4.0-h-small"),
    hp: {
      layers: 40, hidden: 4096, heads: 32, kvHeads: 8, ffn: 0, vocab: 100352, ctx: 131072, tied: true,
      ssm: G4_MAMBA(128), moe: { experts: 72, used: 10, shared: 1, expertFfn: 768, sharedFfn: 1536 }, layerPattern: G4_PATTERN,
    },
    params: { total: 32_200_000_000, active: 9_000_000_000 }, quants: GGUF_QUANTS, ollama: ["granite4:small-h"],
    gguf: ["ibm-granite/granite-4.0-h-small-GGUF", "unsloth/granite-4.0-h-small-GGUF"], lmstudio: ["ibm/granite-4-h-small"],
    capabilities: ["chat", "tools"], released: "2025-10-02", checked: "2026-11-24", quality: 7,
  },
  {
    id: "granite-4.0-h-tiny", family: "granite-4", name: "Granite 4.0 H-Tiny (7B-A1B)", license: "apache-2.0", kind: "hybrid", arch: "granitehybrid",
    hf: "ibm-granite/granite-4.0-h-tiny", source: hfConfig("ibm-granite/granite-4.0-h-tiny"),
    hp: {
      layers: 40, hidden: 1536, heads: 12, kvHeads: 4, ffn: 0, vocab: 100352, ctx: 131072, tied: true,
      ssm: G4_MAMBA(48), moe: { experts: 64, used: 6, shared: 1, expertFfn: 512, sharedFfn: 1024 }, layerPattern: G4_PATTERN,
    },
    params: { total: 6_940_000_000, active: 1_000_000_000 }, quants: GGUF_QUANTS, ollama: ["granite4:tiny-h"],
    gguf: ["ibm-granite/granite-4.0-h-tiny-GGUF", "unsloth/granite-4.0-h-tiny-GGUF"], lmstudio: ["ibm/granite-4-h-tiny"],
    capabilities: ["chat", "tools"], released: "2025-10-02", checked: "2026-11-24", quality: 5,
  },
  {
    // config: test/fixtures/configs/nvidia__NVIDIA-Nemotron-3-Nano-30B-A3B-BF16.json (a public copy of the
    // repo's config.json; the same shape in NVIDIA's Megatron-LM recipe,
    // https://github.com/NVIDIA/Megatron-LM/blob/main/examples/post_training/modelopt/conf/nvidia/NVIDIA-Nemotron-3-Nano-30B-A3B-BF16.sh).
    // hybrid_override_pattern: 23 Mamba-2 (M), 23 MoE (E), 6 attention (A) layers, one block each
    id: "nemotron-3-nano-30b-a3b", family: "nemotron-3", name: "Nemotron 3 Nano 30B-A3B", license: "nvidia-open-model", kind: "hybrid", arch: "nemotron_h_moe",
    hf: "nvidia/NVIDIA-Nemotron-3-Nano-30B-A3B-BF16", source: hfConfig("nvidia/NVIDIA-Nemotron-3-Nano-30B-A3B-BF16"),
    hp: {
      layers: 52, hidden: 2688, heads: 32, kvHeads: 2, headDim: 128, ffn: 1856, vocab: 131072, ctx: 262144, tied: false,
      ssm: { dConv: 4, dInner: 4096, dState: 128, nGroup: 8, heads: 64 },
      moe: { experts: 128, used: 6, shared: 1, expertFfn: 1856, sharedFfn: 3712, selectionBias: true },
      layerPattern: "MEMEMAEMEMEMAEMEMEMAEMEMEMAEMEMEMAEMEMEMEMAEMEMEMEME",
    },
    // the card: 31.6B total, 3.2B active (3.6B with the embeddings)
    params: { total: 31_600_000_000, active: 3_200_000_000 }, quants: GGUF_QUANTS, ollama: ["nemotron-3-nano:30b", "nemotron-3-nano"],
    gguf: ["unsloth/Nemotron-3-Nano-30B-A3B-GGUF", "bartowski/nvidia_Nemotron-3-Nano-30B-A3B-GGUF"],
    capabilities: ["chat", "tools", "reasoning"], released: "2025-12-15", checked: "2026-12-04", quality: 6,
  },
  {
    id: "granite-4.0-h-micro", family: "granite-4", name: "Granite 4.0 H-Micro (3B)", license: "apache-2.0", kind: "hybrid", arch: "granitehybrid",
    hf: "ibm-granite/granite-4.0-h-micro", source: hfConfig("ibm-granite/granite-4.0-h-micro"),
    hp: { layers: 40, hidden: 2048, heads: 32, kvHeads: 8, ffn: 8192, vocab: 100352, ctx: 131072, tied: true, ssm: G4_MAMBA(64), layerPattern: G4_PATTERN },
    params: { total: 3_190_000_000 }, quants: GGUF_QUANTS, ollama: ["granite4:micro-h"],
    gguf: ["ibm-granite/granite-4.0-h-micro-GGUF", "unsloth/granite-4.0-h-micro-GGUF"], capabilities: ["chat", "tools"], released: "2025-10-02", checked: "2026-11-24", quality: 4,
  },
  {
    id: "granite-4.0-micro", family: "granite-4", name: "Granite 4.0 Micro (3B, dense)", license: "apache-2.0", kind: "dense", arch: "granite",
    hf: "ibm-granite/granite-4.0-micro", source: hfConfig("ibm-granite/granite-4.0-micro"),
    hp: { layers: 40, hidden: 2560, heads: 40, kvHeads: 8, ffn: 8192, vocab: 100352, ctx: 131072, tied: true, rope: { theta: 10000000 } },
    params: { total: 3_400_000_000 }, quants: GGUF_QUANTS, ollama: ["granite4:micro", "granite4"],
    gguf: ["ibm-granite/granite-4.0-micro-GGUF", "unsloth/granite-4.0-micro-GGUF"], capabilities: ["chat", "tools"], released: "2025-10-02", checked: "2026-11-24", quality: 4,
  },
  {
    id: "granite-4.0-h-1b", family: "granite-4", name: "Granite 4.0 H-1B", license: "apache-2.0", kind: "hybrid", arch: "granitehybrid",
    hf: "ibm-granite/granite-4.0-h-1b", source: hfConfig("ibm-granite/granite-4.0-h-1b"),
    hp: { layers: 40, hidden: 1536, heads: 12, kvHeads: 4, ffn: 4096, vocab: 100352, ctx: 131072, tied: true, ssm: G4_MAMBA(48), layerPattern: G4_PATTERN },
    params: { total: 1_460_000_000 }, quants: GGUF_QUANTS, gguf: ["ibm-granite/granite-4.0-h-1b-GGUF"], capabilities: ["chat", "tools"], released: "2025-10-28", checked: "2026-11-24", quality: 3,
  },
  // SmolLM (Hugging Face)
  {
    id: "smollm-135m-instruct", family: "smollm", name: "SmolLM 135M Instruct", license: "apache-2.0", kind: "dense", arch: "llama",
    hf: "HuggingFaceTB/SmolLM-135M-Instruct", source: hfConfig("HuggingFaceTB/SmolLM-135M-Instruct"),
    hp: { layers: 30, hidden: 576, heads: 9, kvHeads: 3, ffn: 1536, ...SMOL1 },
    params: { total: 135_000_000 }, quants: GGUF_QUANTS, ollama: ["smollm:135m"], capabilities: ["chat"], released: "2024-07-16", checked: "2026-11-24", quality: 1,
  },
  {
    id: "smollm-360m-instruct", family: "smollm", name: "SmolLM 360M Instruct", license: "apache-2.0", kind: "dense", arch: "llama",
    hf: "HuggingFaceTB/SmolLM-360M-Instruct", source: hfConfig("HuggingFaceTB/SmolLM-360M-Instruct"),
    hp: { layers: 32, hidden: 960, heads: 15, kvHeads: 5, ffn: 2560, ...SMOL1 },
    params: { total: 362_000_000 }, quants: GGUF_QUANTS, ollama: ["smollm:360m"], capabilities: ["chat"], released: "2024-07-16", checked: "2026-11-24", quality: 1,
  },
  {
    id: "smollm-1.7b-instruct", family: "smollm", name: "SmolLM 1.7B Instruct", license: "apache-2.0", kind: "dense", arch: "llama",
    hf: "HuggingFaceTB/SmolLM-1.7B-Instruct", source: hfConfig("HuggingFaceTB/SmolLM-1.7B-Instruct"),
    hp: { layers: 24, hidden: 2048, heads: 32, kvHeads: 32, ffn: 8192, ...SMOL1 },
    params: { total: 1_710_000_000 }, quants: GGUF_QUANTS, ollama: ["smollm:1.7b", "smollm"], capabilities: ["chat"], released: "2024-07-16", checked: "2026-11-24", quality: 2,
  },
  {
    id: "smollm2-135m-instruct", family: "smollm2", name: "SmolLM2 135M Instruct", license: "apache-2.0", kind: "dense", arch: "llama",
    hf: "HuggingFaceTB/SmolLM2-135M-Instruct", source: hfConfig("HuggingFaceTB/SmolLM2-135M-Instruct"),
    hp: { layers: 30, hidden: 576, heads: 9, kvHeads: 3, ffn: 1536, ...SMOL2 },
    params: { total: 135_000_000 }, quants: GGUF_QUANTS, ollama: ["smollm2:135m"],
    gguf: ["bartowski/SmolLM2-135M-Instruct-GGUF"], capabilities: ["chat"], released: "2024-11-01", checked: "2026-11-24", quality: 1,
  },
  {
    id: "smollm2-360m-instruct", family: "smollm2", name: "SmolLM2 360M Instruct", license: "apache-2.0", kind: "dense", arch: "llama",
    hf: "HuggingFaceTB/SmolLM2-360M-Instruct", source: hfConfig("HuggingFaceTB/SmolLM2-360M-Instruct"),
    hp: { layers: 32, hidden: 960, heads: 15, kvHeads: 5, ffn: 2560, ...SMOL2 },
    params: { total: 362_000_000 }, quants: GGUF_QUANTS, ollama: ["smollm2:360m"],
    gguf: ["bartowski/SmolLM2-360M-Instruct-GGUF"], capabilities: ["chat"], released: "2024-11-01", checked: "2026-11-24", quality: 2,
  },
  {
    id: "smollm2-1.7b-instruct", family: "smollm2", name: "SmolLM2 1.7B Instruct", license: "apache-2.0", kind: "dense", arch: "llama",
    hf: "HuggingFaceTB/SmolLM2-1.7B-Instruct", source: hfConfig("HuggingFaceTB/SmolLM2-1.7B-Instruct"),
    hp: { layers: 24, hidden: 2048, heads: 32, kvHeads: 32, ffn: 8192, ...SMOL2, rope: { theta: 130000 } },
    params: { total: 1_710_000_000 }, quants: GGUF_QUANTS, ollama: ["smollm2:1.7b", "smollm2"],
    gguf: ["bartowski/SmolLM2-1.7B-Instruct-GGUF"], capabilities: ["chat", "tools"], released: "2024-11-01", checked: "2026-11-24", quality: 3,
  },
  {
    id: "smollm3-3b", family: "smollm3", name: "SmolLM3 3B", license: "apache-2.0", kind: "dense", arch: "smollm3",
    hf: "HuggingFaceTB/SmolLM3-3B", source: hfConfig("HuggingFaceTB/SmolLM3-3B"),
    hp: { layers: 36, hidden: 2048, heads: 16, kvHeads: 4, ffn: 11008, vocab: 128256, ctx: 65536, tied: true, rope: { theta: 5000000 } },
    params: { total: 3_080_000_000 }, quants: GGUF_QUANTS, gguf: ["ggml-org/SmolLM3-3B-GGUF", "unsloth/SmolLM3-3B-GGUF"],
    capabilities: ["chat", "tools", "reasoning"], released: "2025-07-08", checked: "2026-11-24", quality: 4,
    notes: "Every 4th layer drops RoPE (NoPE); no effect on memory.",
  },
  // OLMo (AI2)
  {
    id: "olmo-7b", family: "olmo", name: "OLMo 7B", license: "apache-2.0", kind: "dense", arch: "olmo",
    hf: "allenai/OLMo-7B-hf", source: hfConfig("allenai/OLMo-7B-hf"),
    hp: { layers: 32, hidden: 4096, heads: 32, ffn: 11008, vocab: 50304, ctx: 2048, tied: false, rope: { theta: 10000 } },
    params: { total: 6_890_000_000 }, quants: GGUF_QUANTS, capabilities: ["chat"], released: "2024-02-01", checked: "2026-11-24", quality: 2,
  },
  {
    id: "olmo-1b", family: "olmo", name: "OLMo 1B", license: "apache-2.0", kind: "dense", arch: "olmo",
    hf: "allenai/OLMo-1B-hf", source: hfConfig("allenai/OLMo-1B-hf"),
    hp: { layers: 16, hidden: 2048, heads: 16, ffn: 8192, vocab: 50304, ctx: 2048, tied: true, rope: { theta: 10000 } },
    params: { total: 1_180_000_000 }, quants: GGUF_QUANTS, capabilities: ["chat"], released: "2024-02-01", checked: "2026-11-24", quality: 1,
  },
  {
    id: "olmo-2-1124-7b-instruct", family: "olmo-2", name: "OLMo 2 7B Instruct (1124)", license: "apache-2.0", kind: "dense", arch: "olmo2",
    hf: "allenai/OLMo-2-1124-7B-Instruct", source: hfConfig("allenai/OLMo-2-1124-7B-Instruct"),
    hp: { layers: 32, hidden: 4096, heads: 32, ffn: 11008, vocab: 100352, ctx: 4096, tied: false, rope: { theta: 500000 } },
    params: { total: 7_300_000_000 }, quants: GGUF_QUANTS, ollama: ["olmo2:7b", "olmo2"],
    gguf: ["allenai/OLMo-2-1124-7B-Instruct-GGUF", "bartowski/OLMo-2-1124-7B-Instruct-GGUF"], capabilities: ["chat"], released: "2024-11-26", checked: "2026-11-24", quality: 4,
  },
  {
    id: "olmo-2-1124-13b-instruct", family: "olmo-2", name: "OLMo 2 13B Instruct (1124)", license: "apache-2.0", kind: "dense", arch: "olmo2",
    hf: "allenai/OLMo-2-1124-13B-Instruct", source: hfConfig("allenai/OLMo-2-1124-13B-Instruct"),
    hp: { layers: 40, hidden: 5120, heads: 40, ffn: 13824, vocab: 100352, ctx: 4096, tied: false, rope: { theta: 500000 } },
    params: { total: 13_700_000_000 }, quants: GGUF_QUANTS, ollama: ["olmo2:13b"],
    gguf: ["allenai/OLMo-2-1124-13B-Instruct-GGUF", "bartowski/OLMo-2-1124-13B-Instruct-GGUF"], capabilities: ["chat"], released: "2024-11-26", checked: "2026-11-24", quality: 5,
  },
  {
    id: "olmo-2-0325-32b-instruct", family: "olmo-2", name: "OLMo 2 32B Instruct (0325)", license: "apache-2.0", kind: "dense", arch: "olmo2",
    hf: "allenai/OLMo-2-0325-32B-Instruct", source: hfConfig("allenai/OLMo-2-0325-32B-Instruct"),
    hp: { layers: 64, hidden: 5120, heads: 40, kvHeads: 8, ffn: 27648, vocab: 100352, ctx: 4096, tied: false, rope: { theta: 500000 } },
    params: { total: 32_200_000_000 }, quants: GGUF_QUANTS, gguf: ["allenai/OLMo-2-0325-32B-Instruct-GGUF"],
    capabilities: ["chat"], released: "2025-03-13", checked: "2026-11-24", quality: 6,
  },
  {
    id: "olmo-2-0425-1b-instruct", family: "olmo-2", name: "OLMo 2 1B Instruct (0425)", license: "apache-2.0", kind: "dense", arch: "olmo2",
    hf: "allenai/OLMo-2-0425-1B-Instruct", source: hfConfig("allenai/OLMo-2-0425-1B-Instruct"),
    hp: { layers: 16, hidden: 2048, heads: 16, ffn: 8192, vocab: 100352, ctx: 4096, tied: false, rope: { theta: 500000 } },
    params: { total: 1_480_000_000 }, quants: GGUF_QUANTS, gguf: ["allenai/OLMo-2-0425-1B-Instruct-GGUF"],
    capabilities: ["chat"], released: "2025-05-01", checked: "2026-11-24", quality: 2,
  },
  {
    id: "olmoe-1b-7b-0924-instruct", family: "olmoe", name: "OLMoE 1B-7B Instruct (0924)", license: "apache-2.0", kind: "moe", arch: "olmoe",
    hf: "allenai/OLMoE-1B-7B-0924-Instruct", source: hfConfig("allenai/OLMoE-1B-7B-0924-Instruct"),
    hp: { layers: 16, hidden: 2048, heads: 16, ffn: 1024, vocab: 50304, ctx: 4096, tied: false, rope: { theta: 10000 }, moe: { experts: 64, used: 8, expertFfn: 1024 } },
    params: { total: 6_920_000_000, active: 1_280_000_000 }, quants: GGUF_QUANTS, gguf: ["allenai/OLMoE-1B-7B-0924-Instruct-GGUF"],
    capabilities: ["chat"], released: "2024-09-03", checked: "2026-11-24", quality: 3,
  },
  // Cohere: Command R / R+ / R7B / A, Aya Expanse
  {
    id: "c4ai-command-r-v01", family: "command-r", name: "Command R 35B (v01)", license: "cc-by-nc-4.0", kind: "dense", arch: "command-r",
    hf: "CohereForAI/c4ai-command-r-v01", source: hfConfig("CohereForAI/c4ai-command-r-v01"),
    hp: { layers: 40, hidden: 8192, heads: 64, ffn: 22528, ...CMD_R },
    params: { total: 35_000_000_000 }, quants: GGUF_QUANTS, gguf: ["bartowski/c4ai-command-r-v01-GGUF"],
    capabilities: ["chat", "tools"], released: "2024-03-11", checked: "2026-11-24", quality: 5,
  },
  {
    id: "c4ai-command-r-08-2024", family: "command-r", name: "Command R 32B (08-2024)", license: "cc-by-nc-4.0", kind: "dense", arch: "command-r",
    hf: "CohereForAI/c4ai-command-r-08-2024", source: hfConfig("CohereForAI/c4ai-command-r-08-2024"),
    hp: { layers: 40, hidden: 8192, heads: 64, kvHeads: 8, ffn: 24576, ...CMD_R },
    params: { total: 32_300_000_000 }, quants: GGUF_QUANTS, ollama: ["command-r:35b", "command-r"],
    gguf: ["bartowski/c4ai-command-r-08-2024-GGUF"], capabilities: ["chat", "tools"], released: "2024-08-30", checked: "2026-11-24", quality: 6,
  },
  {
    id: "c4ai-command-r-plus-08-2024", family: "command-r", name: "Command R+ 104B (08-2024)", license: "cc-by-nc-4.0", kind: "dense", arch: "command-r",
    hf: "CohereForAI/c4ai-command-r-plus-08-2024", source: hfConfig("CohereForAI/c4ai-command-r-plus-08-2024"),
    hp: { layers: 64, hidden: 12288, heads: 96, kvHeads: 8, ffn: 33792, ...CMD_R },
    params: { total: 104_000_000_000 }, quants: BIG_QUANTS, ollama: ["command-r-plus:104b", "command-r-plus"],
    gguf: ["bartowski/c4ai-command-r-plus-08-2024-GGUF"], capabilities: ["chat", "tools"], released: "2024-08-30", checked: "2026-11-24", quality: 7,
  },
  {
    id: "c4ai-command-r7b-12-2024", family: "command-r", name: "Command R7B (12-2024)", license: "cc-by-nc-4.0", kind: "dense", arch: "cohere2",
    hf: "CohereForAI/c4ai-command-r7b-12-2024", source: hfConfig("CohereForAI/c4ai-command-r7b-12-2024"),
    hp: {
      layers: 32, hidden: 4096, heads: 32, kvHeads: 8, ffn: 14336, vocab: 256000, ctx: 131072, tied: true, rope: { theta: 50000 },
      swa: { window: 4096, pattern: { globalEvery: 4 } },
    },
    params: { total: 8_030_000_000 }, quants: GGUF_QUANTS, ollama: ["command-r7b:7b", "command-r7b"],
    gguf: ["bartowski/c4ai-command-r7b-12-2024-GGUF"], capabilities: ["chat", "tools"], released: "2024-12-13", checked: "2026-11-24", quality: 5,
  },
  {
    id: "c4ai-command-a-03-2025", family: "command-a", name: "Command A 111B (03-2025)", license: "cc-by-nc-4.0", kind: "dense", arch: "cohere2",
    hf: "CohereForAI/c4ai-command-a-03-2025", source: hfConfig("CohereForAI/c4ai-command-a-03-2025"),
    hp: {
      layers: 64, hidden: 12288, heads: 96, kvHeads: 8, ffn: 36864, vocab: 256000, ctx: 262144, tied: true, rope: { theta: 50000 },
      swa: { window: 4096, pattern: { globalEvery: 4 } },
    },
    params: { total: 111_000_000_000 }, quants: BIG_QUANTS, ollama: ["command-a:111b", "command-a"],
    gguf: ["bartowski/CohereForAI_c4ai-command-a-03-2025-GGUF"], capabilities: ["chat", "tools"], released: "2025-03-13", checked: "2026-11-24", quality: 8,
  },
  {
    id: "aya-expanse-8b", family: "aya", name: "Aya Expanse 8B", license: "cc-by-nc-4.0", kind: "dense", arch: "command-r",
    hf: "CohereForAI/aya-expanse-8b", source: hfConfig("CohereForAI/aya-expanse-8b"),
    hp: { layers: 32, hidden: 4096, heads: 32, kvHeads: 8, ffn: 14336, ...CMD_R, ctx: 8192, rope: { theta: 10000 } },
    params: { total: 8_030_000_000 }, quants: GGUF_QUANTS, ollama: ["aya-expanse:8b", "aya-expanse"],
    gguf: ["bartowski/aya-expanse-8b-GGUF"], capabilities: ["chat"], released: "2024-10-24", checked: "2026-11-24", quality: 4,
  },
  {
    id: "aya-expanse-32b", family: "aya", name: "Aya Expanse 32B", license: "cc-by-nc-4.0", kind: "dense", arch: "command-r",
    hf: "CohereForAI/aya-expanse-32b", source: hfConfig("CohereForAI/aya-expanse-32b"),
    hp: { layers: 40, hidden: 8192, heads: 64, kvHeads: 8, ffn: 24576, ...CMD_R, ctx: 8192, rope: { theta: 4000000 } },
    params: { total: 32_300_000_000 }, quants: GGUF_QUANTS, ollama: ["aya-expanse:32b"],
    gguf: ["bartowski/aya-expanse-32b-GGUF"], capabilities: ["chat"], released: "2024-10-24", checked: "2026-11-24", quality: 6,
  },
  // GLM (Zhipu AI / Z.ai)
  {
    id: "glm-4-9b-chat", family: "glm-4", name: "GLM-4 9B Chat", license: "glm-4", kind: "dense", arch: "chatglm",
    hf: "THUDM/glm-4-9b-chat", source: hfConfig("THUDM/glm-4-9b-chat"),
    hp: { layers: 40, hidden: 4096, heads: 32, kvHeads: 2, ffn: 13696, vocab: 151552, ctx: 131072, tied: false, rope: { theta: 5000000, partial: 0.5 } },
    params: { total: 9_400_000_000 }, quants: GGUF_QUANTS, ollama: ["glm4:9b", "glm4"],
    gguf: ["bartowski/glm-4-9b-chat-GGUF"], capabilities: ["chat", "tools"], released: "2024-06-05", checked: "2026-11-24", quality: 5,
  },
  {
    id: "glm-4-9b-0414", family: "glm-4", name: "GLM-4 9B 0414", license: "mit", kind: "dense", arch: "glm4",
    hf: "THUDM/GLM-4-9B-0414", source: hfConfig("THUDM/GLM-4-9B-0414"),
    hp: { layers: 40, hidden: 4096, heads: 32, kvHeads: 2, ffn: 13696, vocab: 151552, ctx: 32768, tied: false, rope: { theta: 10000, partial: 0.5 } },
    params: { total: 9_400_000_000 }, quants: GGUF_QUANTS, gguf: ["bartowski/THUDM_GLM-4-9B-0414-GGUF"],
    capabilities: ["chat", "tools"], released: "2025-04-14", checked: "2026-11-24", quality: 5,
  },
  {
    id: "glm-4-32b-0414", family: "glm-4", name: "GLM-4 32B 0414", license: "mit", kind: "dense", arch: "glm4",
    hf: "THUDM/GLM-4-32B-0414", source: hfConfig("THUDM/GLM-4-32B-0414"),
    hp: { layers: 61, hidden: 6144, heads: 48, kvHeads: 2, ffn: 23040, vocab: 151552, ctx: 32768, tied: false, rope: { theta: 10000, partial: 0.5 } },
    params: { total: 32_600_000_000 }, quants: GGUF_QUANTS, gguf: ["bartowski/THUDM_GLM-4-32B-0414-GGUF"],
    capabilities: ["chat", "tools"], released: "2025-04-14", checked: "2026-11-24", quality: 7,
  },
  {
    id: "glm-4.5-air", family: "glm-4.5", name: "GLM-4.5-Air (106B-A12B)", license: "mit", kind: "moe", arch: "glm4moe",
    hf: "zai-org/GLM-4.5-Air", source: hfConfig("zai-org/GLM-4.5-Air"),
    hp: {
      layers: 46, hidden: 4096, heads: 96, kvHeads: 8, headDim: 128, ffn: 10944, vocab: 151552, ctx: 131072, tied: false, rope: { theta: 10000, partial: 0.5 },
      moe: { experts: 128, used: 8, shared: 1, expertFfn: 1408, sharedFfn: 1408, leadingDense: 1 },
    },
    params: { total: 106_000_000_000, active: 12_000_000_000 }, quants: BIG_QUANTS,
    gguf: ["unsloth/GLM-4.5-Air-GGUF", "bartowski/zai-org_GLM-4.5-Air-GGUF"], lmstudio: ["zai-org/glm-4.5-air"],
    capabilities: ["chat", "tools", "reasoning"], released: "2025-07-28", checked: "2026-11-24", quality: 8,
  },
  {
    id: "glm-4.5", family: "glm-4.5", name: "GLM-4.5 (355B-A32B)", license: "mit", kind: "moe", arch: "glm4moe",
    hf: "zai-org/GLM-4.5", source: hfConfig("zai-org/GLM-4.5"),
    hp: {
      layers: 92, hidden: 5120, heads: 96, kvHeads: 8, headDim: 128, ffn: 12288, vocab: 151552, ctx: 131072, tied: false, rope: { theta: 1000000, partial: 0.5 },
      moe: { experts: 160, used: 8, shared: 1, expertFfn: 1536, sharedFfn: 1536, leadingDense: 3 },
    },
    params: { total: 355_000_000_000, active: 32_000_000_000 }, quants: BIG_QUANTS, gguf: ["unsloth/GLM-4.5-GGUF"],
    capabilities: ["chat", "tools", "reasoning"], released: "2025-07-28", checked: "2026-11-24", quality: 9,
  },
  // Falcon3 (TII)
  {
    id: "falcon3-1b-instruct", family: "falcon3", name: "Falcon3 1B Instruct", license: "falcon-llm-license", kind: "dense", arch: "llama",
    hf: "tiiuae/Falcon3-1B-Instruct", source: hfConfig("tiiuae/Falcon3-1B-Instruct"),
    hp: { layers: 18, hidden: 2048, ffn: 8192, ...FALCON3, heads: 8, ctx: 8192 },
    params: { total: 1_670_000_000 }, quants: GGUF_QUANTS, ollama: ["falcon3:1b"], gguf: ["tiiuae/Falcon3-1B-Instruct-GGUF"],
    capabilities: ["chat"], released: "2024-12-17", checked: "2026-11-24", quality: 2,
  },
  {
    id: "falcon3-3b-instruct", family: "falcon3", name: "Falcon3 3B Instruct", license: "falcon-llm-license", kind: "dense", arch: "llama",
    hf: "tiiuae/Falcon3-3B-Instruct", source: hfConfig("tiiuae/Falcon3-3B-Instruct"),
    hp: { layers: 22, hidden: 3072, ffn: 9216, ...FALCON3 },
    params: { total: 3_230_000_000 }, quants: GGUF_QUANTS, ollama: ["falcon3:3b"], gguf: ["tiiuae/Falcon3-3B-Instruct-GGUF"],
    capabilities: ["chat"], released: "2024-12-17", checked: "2026-11-24", quality: 3,
  },
  {
    id: "falcon3-7b-instruct", family: "falcon3", name: "Falcon3 7B Instruct", license: "falcon-llm-license", kind: "dense", arch: "llama",
    hf: "tiiuae/Falcon3-7B-Instruct", source: hfConfig("tiiuae/Falcon3-7B-Instruct"),
    hp: { layers: 28, hidden: 3072, ffn: 23040, ...FALCON3 },
    params: { total: 7_460_000_000 }, quants: GGUF_QUANTS, ollama: ["falcon3:7b", "falcon3"], gguf: ["tiiuae/Falcon3-7B-Instruct-GGUF"],
    capabilities: ["chat"], released: "2024-12-17", checked: "2026-11-24", quality: 4,
  },
  {
    id: "falcon3-10b-instruct", family: "falcon3", name: "Falcon3 10B Instruct", license: "falcon-llm-license", kind: "dense", arch: "llama",
    hf: "tiiuae/Falcon3-10B-Instruct", source: hfConfig("tiiuae/Falcon3-10B-Instruct"),
    hp: { layers: 40, hidden: 3072, ffn: 23040, ...FALCON3 },
    params: { total: 10_300_000_000 }, quants: GGUF_QUANTS, ollama: ["falcon3:10b"], gguf: ["tiiuae/Falcon3-10B-Instruct-GGUF"],
    capabilities: ["chat"], released: "2024-12-17", checked: "2026-11-24", quality: 5,
  },
  {
    id: "falcon3-1b-base", family: "falcon3", name: "Falcon3 1B Base", license: "falcon-llm-license", kind: "dense", arch: "llama",
    hf: "tiiuae/Falcon3-1B-Base", source: hfConfig("tiiuae/Falcon3-1B-Base"),
    hp: { layers: 18, hidden: 2048, ffn: 8192, ...FALCON3, heads: 8, ctx: 4096 },
    params: { total: 1_670_000_000 }, quants: GGUF_QUANTS, capabilities: ["chat"], released: "2024-12-17", checked: "2026-11-24", quality: 1,
  },
  {
    id: "falcon3-3b-base", family: "falcon3", name: "Falcon3 3B Base", license: "falcon-llm-license", kind: "dense", arch: "llama",
    hf: "tiiuae/Falcon3-3B-Base", source: hfConfig("tiiuae/Falcon3-3B-Base"),
    hp: { layers: 22, hidden: 3072, ffn: 9216, ...FALCON3, ctx: 8192 },
    params: { total: 3_230_000_000 }, quants: GGUF_QUANTS, capabilities: ["chat"], released: "2024-12-17", checked: "2026-11-24", quality: 2,
  },
  {
    id: "falcon3-7b-base", family: "falcon3", name: "Falcon3 7B Base", license: "falcon-llm-license", kind: "dense", arch: "llama",
    hf: "tiiuae/Falcon3-7B-Base", source: hfConfig("tiiuae/Falcon3-7B-Base"),
    hp: { layers: 28, hidden: 3072, ffn: 23040, ...FALCON3 },
    params: { total: 7_460_000_000 }, quants: GGUF_QUANTS, capabilities: ["chat"], released: "2024-12-17", checked: "2026-11-24", quality: 3,
  },
  {
    id: "falcon3-10b-base", family: "falcon3", name: "Falcon3 10B Base", license: "falcon-llm-license", kind: "dense", arch: "llama",
    hf: "tiiuae/Falcon3-10B-Base", source: hfConfig("tiiuae/Falcon3-10B-Base"),
    hp: { layers: 40, hidden: 3072, ffn: 23040, ...FALCON3 },
    params: { total: 10_300_000_000 }, quants: GGUF_QUANTS, capabilities: ["chat"], released: "2024-12-17", checked: "2026-11-24", quality: 4,
  },
  // Yi 1.5 (01.AI)
  {
    id: "yi-1.5-6b-chat", family: "yi", name: "Yi 1.5 6B Chat", license: "apache-2.0", kind: "dense", arch: "llama",
    hf: "01-ai/Yi-1.5-6B-Chat", source: hfConfig("01-ai/Yi-1.5-6B-Chat"), hp: { layers: 32, ...YI },
    params: { total: 6_060_000_000 }, quants: GGUF_QUANTS, ollama: ["yi:6b"], capabilities: ["chat"], released: "2024-05-12", checked: "2026-11-24", quality: 3,
  },
  {
    id: "yi-1.5-9b-chat", family: "yi", name: "Yi 1.5 9B Chat", license: "apache-2.0", kind: "dense", arch: "llama",
    hf: "01-ai/Yi-1.5-9B-Chat", source: hfConfig("01-ai/Yi-1.5-9B-Chat"), hp: { layers: 48, ...YI },
    params: { total: 8_830_000_000 }, quants: GGUF_QUANTS, ollama: ["yi:9b"], capabilities: ["chat"], released: "2024-05-12", checked: "2026-11-24", quality: 4,
  },
  {
    id: "yi-1.5-34b-chat", family: "yi", name: "Yi 1.5 34B Chat", license: "apache-2.0", kind: "dense", arch: "llama",
    hf: "01-ai/Yi-1.5-34B-Chat", source: hfConfig("01-ai/Yi-1.5-34B-Chat"),
    hp: { layers: 60, hidden: 7168, heads: 56, kvHeads: 8, ffn: 20480, vocab: 64000, ctx: 4096, tied: false, rope: { theta: 5000000 } },
    params: { total: 34_400_000_000 }, quants: GGUF_QUANTS, ollama: ["yi:34b", "yi"], capabilities: ["chat"], released: "2024-05-12", checked: "2026-11-24", quality: 5,
  },
  {
    id: "glm-4.6", family: "glm-4.6", name: "GLM-4.6 (355B-A32B)", license: "mit", kind: "moe", arch: "glm4moe",
    hf: "zai-org/GLM-4.6", source: hfConfig("zai-org/GLM-4.6"), hp: GLM46,
    params: { total: 355_000_000_000, active: 32_000_000_000 }, quants: BIG_QUANTS, gguf: ["unsloth/GLM-4.6-GGUF"],
    capabilities: ["chat", "tools", "reasoning", "code"], released: "2025-09-30", checked: "2026-12-03", quality: 9,
  },
  {
    id: "glm-4.7", family: "glm-4.7", name: "GLM-4.7 (355B-A32B)", license: "mit", kind: "moe", arch: "glm4moe",
    hf: "zai-org/GLM-4.7", source: hfConfig("zai-org/GLM-4.7"), hp: GLM46,
    params: { total: 355_000_000_000, active: 32_000_000_000 }, quants: BIG_QUANTS, gguf: ["unsloth/GLM-4.7-GGUF"],
    capabilities: ["chat", "tools", "reasoning", "code"], released: "2025-12-22", checked: "2026-12-03", quality: 9,
  },
  {
    // config.json values as a public vLLM test of its config class keeps them (test/fixtures/configs/
    // zai-org__GLM-4.7-Flash.json; the fields aiconfigurator's summary of the config also lists agree):
    // Glm4MoeLiteForCausalLM, DeepSeek-V3's MLA (q / kv LoRA 768 / 512, heads 192 + 64 / 256) and
    // noaux_tc experts at 2048 wide, rope_theta 1e6, 202,752 positions; llama.cpp converts it as
    // deepseek2. Its one MTP layer (num_nextn_predict_layers 1) is not counted, as for GLM-4.5: the
    // shape gives 29.94B, the count llama.cpp prints for unsloth's GGUF
    // (https://github.com/ollama/ollama/issues/15855). The card says "30B-A3B" and no context length.
    // Released 2026-01-19 (https://github.com/ml-explore/mlx-lm/issues/775, "has been released").
    id: "glm-4.7-flash", family: "glm-4.7", name: "GLM-4.7-Flash (30B-A3B)", license: "mit", kind: "moe", arch: "deepseek2",
    hf: "zai-org/GLM-4.7-Flash", source: hfConfig("zai-org/GLM-4.7-Flash"),
    hp: {
      layers: 47, hidden: 2048, heads: 20, ffn: 10240, vocab: 154880, ctx: 202752, tied: false, rope: { theta: 1000000 },
      mla: { qLoraRank: 768, kvLoraRank: 512, qkNopeHeadDim: 192, qkRopeHeadDim: 64, vHeadDim: 256 },
      moe: { experts: 64, used: 4, shared: 1, expertFfn: 1536, sharedFfn: 1536, leadingDense: 1, selectionBias: true },
    },
    params: { total: 30_000_000_000, active: 3_000_000_000, rounded: true },
    paramsNote: "30B-A3B is the card's label; the shape counts 29.94B without the MTP layer (llama.cpp prints 29.94 B for the GGUF).",
    quants: GGUF_QUANTS, gguf: ["unsloth/GLM-4.7-Flash-GGUF"],
    capabilities: ["chat", "tools", "reasoning", "code"], released: "2026-01-19", checked: "2026-12-06", quality: 7,
  },
  {
    // GLM-5 (GlmMoeDsaForCausalLM; llama.cpp glm-dsa): config values from aiconfigurator's summary of
    // GLM-5-FP8's config.json and, for the lightning indexer and RoPE it leaves out, a public GLM-5.0
    // deployment guide's copy of the config (test/fixtures/configs/zai-org__GLM-5.json, README there):
    // 78 layers of 6144, 64 heads of MLA (q / kv LoRA 2048 / 512, heads 192 + 64 / 256), 3 dense layers
    // of 12288, 256 experts of 2048 (8 used, sigmoid with selection bias) + 1 shared, vocab 154,880,
    // untied, rope_theta 1e6 without scaling, 202,752 positions (200K); DSA indexer 32 heads of 128,
    // top-k 2048, full on every layer (GLM-5.2's shared-indexer layers are a later change). The shape
    // gives 743.91B without the MTP layer, the published 744B / 40B
    // (https://jianyuh.github.io/glm/2026/02/20/GLM5.html, on the technical report arXiv:2602.15763).
    // Released 2026-02-11 (https://amallo.ai/wiki/glm-5).
    id: "glm-5", family: "glm-5", name: "GLM-5 (744B-A40B)", license: "mit", kind: "moe", arch: "glm-dsa",
    hf: "zai-org/GLM-5", source: hfConfig("zai-org/GLM-5"),
    hp: {
      layers: 78, hidden: 6144, heads: 64, ffn: 12288, vocab: 154880, ctx: 202752, tied: false, rope: { theta: 1000000 },
      mla: { qLoraRank: 2048, kvLoraRank: 512, qkNopeHeadDim: 192, qkRopeHeadDim: 64, vHeadDim: 256 },
      moe: { experts: 256, used: 8, shared: 1, expertFfn: 2048, sharedFfn: 2048, leadingDense: 3, selectionBias: true },
      indexer: { heads: 32, headDim: 128, topK: 2048 },
    },
    params: { total: 744_000_000_000, active: 40_000_000_000 }, quants: BIG_QUANTS,
    capabilities: ["chat", "tools", "reasoning", "code"], released: "2026-02-11", checked: "2026-12-06", quality: 10,
  },
  // MiniMax
  {
    id: "minimax-m2", family: "minimax-m2", name: "MiniMax-M2 (230B-A10B)", license: "mit", kind: "moe", arch: "minimax-m2",
    hf: "MiniMaxAI/MiniMax-M2", source: hfConfig("MiniMaxAI/MiniMax-M2"), hp: MINIMAX_M2,
    params: { total: 230_000_000_000, active: 10_000_000_000, rounded: true }, quants: BIG_QUANTS, gguf: ["unsloth/MiniMax-M2-GGUF"],
    capabilities: ["chat", "tools", "reasoning", "code"], checkpoint: "fp8", released: "2025-10-27", checked: "2026-12-03", quality: 9,
  },
  {
    id: "minimax-m2.1", family: "minimax-m2", name: "MiniMax-M2.1 (230B-A10B)", license: "modified-mit", kind: "moe", arch: "minimax-m2",
    hf: "MiniMaxAI/MiniMax-M2.1", source: hfConfig("MiniMaxAI/MiniMax-M2.1"), hp: MINIMAX_M2,
    params: { total: 230_000_000_000, active: 10_000_000_000, rounded: true }, quants: BIG_QUANTS, gguf: ["unsloth/MiniMax-M2.1-GGUF"],
    capabilities: ["chat", "tools", "reasoning", "code"], checkpoint: "fp8", released: "2025-12-23", checked: "2026-12-03", quality: 9,
  },
] satisfies Entries;
