// DeepSeek V2-Lite, V3, R1 and the R1 distills, and Kimi K2 (DeepSeek V3's architecture).
// llama.cpp loads the MLA/MoE models as "deepseek2"; the distills keep their base's arch.
import { BIG_QUANTS, GGUF_QUANTS, hfCard, hfConfig } from "./util.js";
import type { Entries, HyperparamsInput } from "./util.js";

// DeepSeek publishes a 128K context for V3, V3.1 and R1 (the model cards' tables; V3 technical
// report §4.3: YaRN extension to 32K, then 128K); config.json's 163,840 is 4,096 × the YaRN factor 40.
const V3_ARCH = {
  layers: 61, hidden: 7168, heads: 128, ffn: 18432, vocab: 129280, ctx: 131072, tied: false,
  rope: { theta: 10000, scaling: { type: "yarn", factor: 40, originalCtx: 4096 } },
  mla: { qLoraRank: 1536, kvLoraRank: 512, qkNopeHeadDim: 128, qkRopeHeadDim: 64, vHeadDim: 128 },
  // noaux_tc routing: e_score_correction_bias per expert (llama.cpp's exp_probs_b)
  moe: { experts: 256, used: 8, shared: 1, expertFfn: 2048, sharedFfn: 2048, leadingDense: 3, selectionBias: true },
} satisfies HyperparamsInput;
const V3 = { ...V3_ARCH, positionLimit: 163840 } satisfies HyperparamsInput;
// DeepSeek-V2-Lite(-Chat) is published with a 32K context (its model card's table); DeepSeek-Coder-V2-Lite
// with 128K. Both configs say 163,840 (4,096 × YaRN factor 40).
const V2_LITE = {
  layers: 27, hidden: 2048, heads: 16, ffn: 10944, vocab: 102400, ctx: 32768, positionLimit: 163840, tied: false,
  rope: { theta: 10000, scaling: { type: "yarn", factor: 40, originalCtx: 4096 } },
  mla: { qLoraRank: 0, kvLoraRank: 512, qkNopeHeadDim: 128, qkRopeHeadDim: 64, vHeadDim: 128 },
  moe: { experts: 64, used: 6, shared: 2, expertFfn: 1408, sharedFfn: 1408, leadingDense: 1 },
} satisfies HyperparamsInput;
const V3_NOTE =
  "Hugging Face lists 685B: the checkpoint also holds the 14B multi-token-prediction module (layer 61), which llama.cpp does not load. 671B is the main model (DeepSeek-V3 technical report, arXiv:2412.19437).";

// DeepSeek-V3.2(-Exp): V3.1-Terminus's shape plus DeepSeek Sparse Attention's lightning indexer
// (config.json index_n_heads 64, index_head_dim 128, index_topk 2048); llama.cpp's deepseek32 keeps the
// indexer's keys in a second cache beside the MLA latent. Context as V3.1 (the card: 128K).
const V32 = { ...V3, indexer: { heads: 64, headDim: 128, topK: 2048 } } satisfies HyperparamsInput;
const V32_NOTE =
  "Hugging Face lists 685B: the checkpoint also holds the multi-token-prediction module (layer 61), which llama.cpp does not load. 671B is the main model, as for V3 (its 671B / 37B activated, the lightning indexer adding about 0.6B).";

const DISTILL_QWEN_1_5B = { layers: 28, hidden: 1536, heads: 12, kvHeads: 2, ffn: 8960, vocab: 151936, ctx: 131072, tied: false, rope: { theta: 10000 } } satisfies HyperparamsInput;
const DISTILL_QWEN_7B = { layers: 28, hidden: 3584, heads: 28, kvHeads: 4, ffn: 18944, vocab: 152064, ctx: 131072, tied: false, rope: { theta: 10000 } } satisfies HyperparamsInput;
const DISTILL_QWEN_14B = { layers: 48, hidden: 5120, heads: 40, kvHeads: 8, ffn: 13824, vocab: 152064, ctx: 131072, tied: false, rope: { theta: 1000000 } } satisfies HyperparamsInput;
const DISTILL_QWEN_32B = { layers: 64, hidden: 5120, heads: 40, kvHeads: 8, ffn: 27648, vocab: 152064, ctx: 131072, tied: false, rope: { theta: 1000000 } } satisfies HyperparamsInput;
const L3_ROPE = { theta: 500000, scaling: { type: "llama3", factor: 8, originalCtx: 8192 } } as const;
const DISTILL_LLAMA_8B = { layers: 32, hidden: 4096, heads: 32, kvHeads: 8, ffn: 14336, vocab: 128256, ctx: 131072, tied: false, rope: L3_ROPE } satisfies HyperparamsInput;
const DISTILL_LLAMA_70B = { layers: 80, hidden: 8192, heads: 64, kvHeads: 8, ffn: 28672, vocab: 128256, ctx: 131072, tied: false, rope: L3_ROPE } satisfies HyperparamsInput;

// Kimi K2 0905 and K2 Thinking: K2's shape with the context extended to 256K (config.json rope_scaling
// yarn factor 64 over 4,096 → max_position_embeddings 262,144; the cards say 256K).
const K2_256K = {
  ...V3_ARCH, heads: 64, vocab: 163840, ctx: 262144, rope: { theta: 50000, scaling: { type: "yarn", factor: 64, originalCtx: 4096 } },
  moe: { experts: 384, used: 8, shared: 1, expertFfn: 2048, sharedFfn: 2048, leadingDense: 1, selectionBias: true },
} satisfies HyperparamsInput;
const K2_NOTE = "Moonshot publishes \"1 trillion total parameters\", a rounded label: the config's shape gives 1.026T.";

export const ENTRIES = [
  {
    id: "deepseek-v3", family: "deepseek-v3", name: "DeepSeek V3", license: "deepseek", kind: "moe", arch: "deepseek2",
    hf: "deepseek-ai/DeepSeek-V3", source: hfConfig("deepseek-ai/DeepSeek-V3"), ctxSource: hfCard("deepseek-ai/DeepSeek-V3"), hp: V3,
    params: { total: 671_000_000_000, active: 37_000_000_000 }, paramsNote: V3_NOTE, quants: BIG_QUANTS, ollama: ["deepseek-v3:671b", "deepseek-v3"],
    gguf: ["unsloth/DeepSeek-V3-GGUF", "bartowski/DeepSeek-V3-GGUF"], capabilities: ["chat"], checkpoint: "fp8", released: "2024-12-26", checked: "2026-12-03", quality: 9,
  },
  {
    id: "deepseek-v3-0324", family: "deepseek-v3", name: "DeepSeek V3 0324", license: "mit", kind: "moe", arch: "deepseek2",
    hf: "deepseek-ai/DeepSeek-V3-0324", source: hfConfig("deepseek-ai/DeepSeek-V3-0324"), ctxSource: hfCard("deepseek-ai/DeepSeek-V3-0324"), hp: V3,
    params: { total: 671_000_000_000, active: 37_000_000_000 }, paramsNote: V3_NOTE, quants: BIG_QUANTS,
    gguf: ["unsloth/DeepSeek-V3-0324-GGUF"], capabilities: ["chat", "tools"], checkpoint: "fp8", released: "2025-03-24", checked: "2026-12-03", quality: 9,
  },
  {
    id: "deepseek-v3.1", family: "deepseek-v3", name: "DeepSeek V3.1", license: "mit", kind: "moe", arch: "deepseek2",
    hf: "deepseek-ai/DeepSeek-V3.1", source: hfConfig("deepseek-ai/DeepSeek-V3.1"), ctxSource: hfCard("deepseek-ai/DeepSeek-V3.1"), hp: V3,
    params: { total: 671_000_000_000, active: 37_000_000_000 }, paramsNote: V3_NOTE, quants: BIG_QUANTS, ollama: ["deepseek-v3.1:671b"],
    gguf: ["unsloth/DeepSeek-V3.1-GGUF"], capabilities: ["chat", "tools", "reasoning"], checkpoint: "fp8", released: "2025-08-21", checked: "2026-12-03", quality: 10,
  },
  {
    // config.json: test/fixtures/configs/deepseek-ai__DeepSeek-V3.2.json (a public copy of V3.2's). V3.2-Exp is
    // the same DeepseekV32ForCausalLM (its card: V3.1-Terminus plus DeepSeek Sparse Attention); transformers-style
    // DeepseekV32Config defaults (index_n_heads 64, index_head_dim 128, index_topk 2048) are V3.2's values
    id: "deepseek-v3.2-exp", family: "deepseek-v3", name: "DeepSeek V3.2-Exp", license: "mit", kind: "moe", arch: "deepseek32",
    hf: "deepseek-ai/DeepSeek-V3.2-Exp", source: hfConfig("deepseek-ai/DeepSeek-V3.2-Exp"), ctxSource: hfCard("deepseek-ai/DeepSeek-V3.2-Exp"), hp: V32,
    params: { total: 671_000_000_000, active: 37_000_000_000 }, paramsNote: V32_NOTE, quants: BIG_QUANTS,
    capabilities: ["chat", "tools", "reasoning"], checkpoint: "fp8", released: "2025-09-29", checked: "2026-12-04", quality: 10,
  },
  {
    id: "deepseek-v3.2", family: "deepseek-v3", name: "DeepSeek V3.2", license: "mit", kind: "moe", arch: "deepseek32",
    hf: "deepseek-ai/DeepSeek-V3.2", source: hfConfig("deepseek-ai/DeepSeek-V3.2"), ctxSource: hfCard("deepseek-ai/DeepSeek-V3.2"), hp: V32,
    params: { total: 671_000_000_000, active: 37_000_000_000 }, paramsNote: V32_NOTE, quants: BIG_QUANTS,
    capabilities: ["chat", "tools", "reasoning"], checkpoint: "fp8", released: "2025-12-01", checked: "2026-12-04", quality: 10,
  },
  {
    id: "deepseek-r1", family: "deepseek-r1", name: "DeepSeek R1", license: "mit", kind: "moe", arch: "deepseek2",
    hf: "deepseek-ai/DeepSeek-R1", source: hfConfig("deepseek-ai/DeepSeek-R1"), ctxSource: hfCard("deepseek-ai/DeepSeek-R1"), hp: V3,
    params: { total: 671_000_000_000, active: 37_000_000_000 }, paramsNote: V3_NOTE, quants: BIG_QUANTS, ollama: ["deepseek-r1:671b"],
    gguf: ["unsloth/DeepSeek-R1-GGUF", "bartowski/DeepSeek-R1-GGUF"], capabilities: ["chat", "reasoning"], checkpoint: "fp8", released: "2025-01-20", checked: "2026-12-03", quality: 10,
  },
  {
    id: "deepseek-r1-0528", family: "deepseek-r1", name: "DeepSeek R1 0528", license: "mit", kind: "moe", arch: "deepseek2",
    hf: "deepseek-ai/DeepSeek-R1-0528", source: hfConfig("deepseek-ai/DeepSeek-R1-0528"), ctxSource: hfCard("deepseek-ai/DeepSeek-R1-0528"), hp: V3,
    params: { total: 671_000_000_000, active: 37_000_000_000 }, paramsNote: V3_NOTE, quants: BIG_QUANTS,
    gguf: ["unsloth/DeepSeek-R1-0528-GGUF"], capabilities: ["chat", "reasoning", "tools"], checkpoint: "fp8", released: "2025-05-28", checked: "2026-12-03", quality: 10,
  },
  {
    id: "deepseek-r1-0528-qwen3-8b", family: "deepseek-r1", name: "DeepSeek R1 0528 Qwen3 8B", license: "mit", kind: "dense", arch: "qwen3",
    hf: "deepseek-ai/DeepSeek-R1-0528-Qwen3-8B", source: hfConfig("deepseek-ai/DeepSeek-R1-0528-Qwen3-8B"),
    hp: {
      layers: 36, hidden: 4096, heads: 32, kvHeads: 8, headDim: 128, ffn: 12288, vocab: 151936, ctx: 131072, tied: false,
      rope: { theta: 1000000, scaling: { type: "yarn", factor: 4, originalCtx: 32768 } },
    },
    params: { total: 8_190_000_000 }, quants: GGUF_QUANTS, ollama: ["deepseek-r1:8b", "deepseek-r1"],
    gguf: ["unsloth/DeepSeek-R1-0528-Qwen3-8B-GGUF", "lmstudio-community/DeepSeek-R1-0528-Qwen3-8B-GGUF"], lmstudio: ["deepseek/deepseek-r1-0528-qwen3-8b"],
    capabilities: ["chat", "reasoning"], released: "2025-05-29", checked: "2026-11-24", quality: 6,
  },
  {
    id: "deepseek-r1-distill-qwen-1.5b", family: "deepseek-r1", name: "DeepSeek R1 Distill Qwen 1.5B", license: "mit", kind: "dense", arch: "qwen2",
    hf: "deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B", source: hfConfig("deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B"), hp: DISTILL_QWEN_1_5B,
    params: { total: 1_780_000_000 }, paramsNote: "Unlike Qwen2.5-1.5B it has an untied output head, hence 1.78B.",
    quants: GGUF_QUANTS, ollama: ["deepseek-r1:1.5b"],
    gguf: ["bartowski/DeepSeek-R1-Distill-Qwen-1.5B-GGUF", "unsloth/DeepSeek-R1-Distill-Qwen-1.5B-GGUF"], lmstudio: ["deepseek-r1-distill-qwen-1.5b"],
    capabilities: ["chat", "reasoning"], released: "2025-01-20", checked: "2026-11-24", quality: 3,
  },
  {
    id: "deepseek-r1-distill-qwen-7b", family: "deepseek-r1", name: "DeepSeek R1 Distill Qwen 7B", license: "mit", kind: "dense", arch: "qwen2",
    hf: "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B", source: hfConfig("deepseek-ai/DeepSeek-R1-Distill-Qwen-7B"), hp: DISTILL_QWEN_7B,
    params: { total: 7_620_000_000 }, quants: GGUF_QUANTS, ollama: ["deepseek-r1:7b"],
    gguf: ["bartowski/DeepSeek-R1-Distill-Qwen-7B-GGUF", "unsloth/DeepSeek-R1-Distill-Qwen-7B-GGUF"], lmstudio: ["deepseek-r1-distill-qwen-7b"],
    capabilities: ["chat", "reasoning"], released: "2025-01-20", checked: "2026-11-24", quality: 5,
  },
  {
    id: "deepseek-r1-distill-llama-8b", family: "deepseek-r1", name: "DeepSeek R1 Distill Llama 8B", license: "llama3.1", kind: "dense", arch: "llama",
    hf: "deepseek-ai/DeepSeek-R1-Distill-Llama-8B", source: hfConfig("deepseek-ai/DeepSeek-R1-Distill-Llama-8B"), hp: DISTILL_LLAMA_8B,
    // deepseek-r1:8b now pulls the 0528 Qwen3 distill; the Llama distill stays under its own tag.
    params: { total: 8_030_261_248 }, quants: GGUF_QUANTS, ollama: ["deepseek-r1:8b-llama-distill-q8_0"],
    gguf: ["bartowski/DeepSeek-R1-Distill-Llama-8B-GGUF", "unsloth/DeepSeek-R1-Distill-Llama-8B-GGUF"], lmstudio: ["deepseek-r1-distill-llama-8b"],
    capabilities: ["chat", "reasoning"], released: "2025-01-20", checked: "2026-11-24", quality: 5,
    notes: "Ollama's deepseek-r1:8b now points at the R1-0528 Qwen3 distill.",
  },
  {
    id: "deepseek-r1-distill-qwen-14b", family: "deepseek-r1", name: "DeepSeek R1 Distill Qwen 14B", license: "mit", kind: "dense", arch: "qwen2",
    hf: "deepseek-ai/DeepSeek-R1-Distill-Qwen-14B", source: hfConfig("deepseek-ai/DeepSeek-R1-Distill-Qwen-14B"), hp: DISTILL_QWEN_14B,
    params: { total: 14_800_000_000 }, quants: GGUF_QUANTS, ollama: ["deepseek-r1:14b"],
    gguf: ["bartowski/DeepSeek-R1-Distill-Qwen-14B-GGUF", "unsloth/DeepSeek-R1-Distill-Qwen-14B-GGUF"], lmstudio: ["deepseek-r1-distill-qwen-14b"],
    capabilities: ["chat", "reasoning"], released: "2025-01-20", checked: "2026-11-24", quality: 6,
  },
  {
    id: "deepseek-r1-distill-qwen-32b", family: "deepseek-r1", name: "DeepSeek R1 Distill Qwen 32B", license: "mit", kind: "dense", arch: "qwen2",
    hf: "deepseek-ai/DeepSeek-R1-Distill-Qwen-32B", source: hfConfig("deepseek-ai/DeepSeek-R1-Distill-Qwen-32B"), hp: DISTILL_QWEN_32B,
    params: { total: 32_800_000_000 }, quants: GGUF_QUANTS, ollama: ["deepseek-r1:32b"],
    gguf: ["bartowski/DeepSeek-R1-Distill-Qwen-32B-GGUF", "unsloth/DeepSeek-R1-Distill-Qwen-32B-GGUF"], lmstudio: ["deepseek-r1-distill-qwen-32b"],
    capabilities: ["chat", "reasoning"], released: "2025-01-20", checked: "2026-11-24", quality: 7,
  },
  {
    id: "deepseek-r1-distill-llama-70b", family: "deepseek-r1", name: "DeepSeek R1 Distill Llama 70B", license: "llama3.3", kind: "dense", arch: "llama",
    hf: "deepseek-ai/DeepSeek-R1-Distill-Llama-70B", source: hfConfig("deepseek-ai/DeepSeek-R1-Distill-Llama-70B"), hp: DISTILL_LLAMA_70B,
    params: { total: 70_553_706_496 }, quants: BIG_QUANTS, ollama: ["deepseek-r1:70b"],
    gguf: ["bartowski/DeepSeek-R1-Distill-Llama-70B-GGUF", "unsloth/DeepSeek-R1-Distill-Llama-70B-GGUF"],
    capabilities: ["chat", "reasoning"], released: "2025-01-20", checked: "2026-11-24", quality: 7,
  },
  {
    id: "deepseek-v2-lite-chat", family: "deepseek-v2", name: "DeepSeek V2 Lite Chat", license: "deepseek", kind: "moe", arch: "deepseek2",
    hf: "deepseek-ai/DeepSeek-V2-Lite-Chat", source: hfConfig("deepseek-ai/DeepSeek-V2-Lite-Chat"), ctxSource: hfCard("deepseek-ai/DeepSeek-V2-Lite-Chat"), hp: V2_LITE,
    params: { total: 15_700_000_000, active: 2_400_000_000 }, quants: GGUF_QUANTS, ollama: ["deepseek-v2:16b", "deepseek-v2"],
    gguf: ["bartowski/DeepSeek-V2-Lite-Chat-GGUF"], capabilities: ["chat"], released: "2024-05-16", checked: "2026-12-03", quality: 4,
  },
  {
    id: "deepseek-coder-v2-lite-instruct", family: "deepseek-coder", name: "DeepSeek Coder V2 Lite Instruct", license: "deepseek", kind: "moe", arch: "deepseek2",
    hf: "deepseek-ai/DeepSeek-Coder-V2-Lite-Instruct", source: hfConfig("deepseek-ai/DeepSeek-Coder-V2-Lite-Instruct"), ctxSource: hfCard("deepseek-ai/DeepSeek-Coder-V2-Lite-Instruct"), hp: { ...V2_LITE, ctx: 131072 },
    params: { total: 15_700_000_000, active: 2_400_000_000 }, quants: GGUF_QUANTS, ollama: ["deepseek-coder-v2:16b", "deepseek-coder-v2"],
    gguf: ["bartowski/DeepSeek-Coder-V2-Lite-Instruct-GGUF", "lmstudio-community/DeepSeek-Coder-V2-Lite-Instruct-GGUF"],
    capabilities: ["chat", "code"], released: "2024-06-17", checked: "2026-12-03", quality: 5,
  },
  {
    id: "kimi-k2-instruct", family: "kimi", name: "Kimi K2 Instruct", license: "modified-mit", kind: "moe", arch: "deepseek2",
    hf: "moonshotai/Kimi-K2-Instruct", source: hfConfig("moonshotai/Kimi-K2-Instruct"),
    hp: {
      ...V3_ARCH, heads: 64, vocab: 163840, ctx: 131072, rope: { theta: 50000, scaling: { type: "yarn", factor: 32, originalCtx: 4096 } },
      moe: { experts: 384, used: 8, shared: 1, expertFfn: 2048, sharedFfn: 2048, leadingDense: 1, selectionBias: true },
    },
    params: { total: 1_000_000_000_000, active: 32_000_000_000, rounded: true },
    paramsNote: "Moonshot publishes \"1 trillion total parameters\", a rounded label: the config's shape gives 1.026T (1,026,408,232,448 with the MoE routers' selection biases).",
    quants: BIG_QUANTS,
    gguf: ["unsloth/Kimi-K2-Instruct-GGUF"], capabilities: ["chat", "tools"], checkpoint: "fp8", released: "2025-07-11", checked: "2026-11-24", quality: 10,
  },
  {
    id: "kimi-k2-instruct-0905", family: "kimi", name: "Kimi K2 Instruct 0905", license: "modified-mit", kind: "moe", arch: "deepseek2",
    hf: "moonshotai/Kimi-K2-Instruct-0905", source: hfConfig("moonshotai/Kimi-K2-Instruct-0905"), hp: K2_256K,
    params: { total: 1_000_000_000_000, active: 32_000_000_000, rounded: true }, paramsNote: K2_NOTE, quants: BIG_QUANTS,
    gguf: ["unsloth/Kimi-K2-Instruct-0905-GGUF"], capabilities: ["chat", "tools", "code"], checkpoint: "fp8", released: "2025-09-05", checked: "2026-12-03", quality: 10,
  },
  {
    id: "kimi-k2-thinking", family: "kimi", name: "Kimi K2 Thinking", license: "modified-mit", kind: "moe", arch: "deepseek2",
    hf: "moonshotai/Kimi-K2-Thinking", source: hfConfig("moonshotai/Kimi-K2-Thinking"), hp: K2_256K,
    params: { total: 1_000_000_000_000, active: 32_000_000_000, rounded: true }, paramsNote: K2_NOTE, quants: BIG_QUANTS,
    gguf: ["unsloth/Kimi-K2-Thinking-GGUF"], capabilities: ["chat", "tools", "reasoning"], released: "2025-11-06", checked: "2026-12-03", quality: 10,
    // compressed-tensors W4A16: 4-bit symmetric weights in groups of 32 on the routed experts; attention,
    // the shared expert, the dense layer 0 FFN and the LM head are in its ignore list (BF16)
    checkpoint: { int4: { groupSize: 32, scope: "routed-experts" } },
    notes: "Released with INT4 (quantization-aware trained) routed experts; GGUF conversions store them in the usual ggml types.",
  },
  {
    // config.json as a public inventory of the moonshotai/Kimi-K2.5 checkpoint prints it (KimiK25Config,
    // transformers 5.7.0; test/fixtures/configs/moonshotai__Kimi-K2.5.json): its text_config is K2 Thinking's
    // DeepseekV3 shape (the same 256K YaRN rope, theta 50,000) with the same compressed-tensors INT4
    // routed experts; aiconfigurator's summary of the config agrees. Beside it MoonViT (27 blocks of 1152)
    // and a patch-merger projector: 0.47B in the same inventory's tensors, which llama.cpp keeps in the
    // mmproj file. Card: 1T total / 32B activated, MoonViT 400M, 256K. Released 2026-01-27
    // (https://techcrunch.com/2026/01/27/chinas-moonshot-releases-a-new-open-source-model-kimi-k2-5-and-a-coding-agent/).
    id: "kimi-k2.5", family: "kimi", name: "Kimi K2.5", license: "modified-mit", kind: "moe", arch: "deepseek2",
    hf: "moonshotai/Kimi-K2.5", source: hfConfig("moonshotai/Kimi-K2.5"), hp: K2_256K,
    // no params.text: the 1T label rounds away the 0.4B encoder (1T − 0.4B would claim a precision the label lacks)
    params: { total: 1_000_000_000_000, active: 32_000_000_000, rounded: true },
    paramsNote: "Moonshot publishes \"1T\" total and a 400M MoonViT vision encoder (kept in the mmproj file), both rounded labels: the text shape gives 1.026T, as for K2, and the checkpoint's vision tower and projector 0.47B.",
    quants: BIG_QUANTS, capabilities: ["chat", "tools", "reasoning", "vision"], released: "2026-01-27", checked: "2026-12-06", quality: 10,
    checkpoint: { int4: { groupSize: 32, scope: "routed-experts" } },
    notes: "Released with INT4 (quantization-aware trained) routed experts, like K2 Thinking; the vision encoder goes in a separate mmproj file.",
  },
] satisfies Entries;
