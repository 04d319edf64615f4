// State-space and hybrid models: Mamba, Mamba-2, Falcon-Mamba / Falcon3-Mamba, Falcon-H1,
// Jamba, Zamba2, LFM2. Mamba-1 dt_rank is ceil(d_model / 16) where config.json says "auto".
import { GGUF_QUANTS, hfConfig } from "./util.js";
import type { Entries, HyperparamsInput } from "./util.js";

const MAMBA_QUANTS = ["Q4_K_M", "Q5_K_M", "Q8_0", "F16"];
const M1 = { heads: 0, ffn: 0, vocab: 50280, ctx: 2048, tied: true } as const;
const M2 = { heads: 0, ffn: 0, vocab: 50288, ctx: 2048, tied: true } as const;
const MAMBA_NOTE = "Sizes as named by the Mamba paper's checkpoints (arXiv:2312.00752); no fixed context, trained at 2048.";
const MAMBA2_NOTE = "Sizes as named by the Mamba-2 checkpoints (arXiv:2405.21060); no fixed context, trained at 2048.";
const FALCON_MAMBA = {
  layers: 64, hidden: 4096, heads: 0, ffn: 0, vocab: 65024, ctx: 8192, tied: false,
  ssm: { dConv: 4, dInner: 8192, dState: 16, dtRank: 256 },
} satisfies HyperparamsInput;
const JAMBA_MINI = {
  layers: 32, hidden: 4096, heads: 32, kvHeads: 8, ffn: 14336, vocab: 65536, ctx: 262144, tied: false,
  ssm: { dConv: 4, dInner: 8192, dState: 16, dtRank: 256 },
  moe: { experts: 16, used: 2, expertFfn: 14336, every: 2, offset: 1 },
  layerPattern: "MMMMAMMM*4",
} satisfies HyperparamsInput;
// layer_types: attention at 2, 5, 8, 10, 12, 14; short convolutions elsewhere.
const ZAMBA2_UNSUPPORTED =
  "llama.cpp has no Zamba2 architecture (requested in ggml-org/llama.cpp#9196; PR #21412 unmerged): sizes are a formula over the transformers layout, not llama.cpp's.";
const LFM2_16 = "CCACCACCACACACAC";

export const ENTRIES = [
  {
    id: "mamba-130m", family: "mamba", name: "Mamba 130M", license: "apache-2.0", kind: "ssm", arch: "mamba",
    hf: "state-spaces/mamba-130m-hf", source: hfConfig("state-spaces/mamba-130m-hf"),
    hp: { layers: 24, hidden: 768, ...M1, ssm: { dConv: 4, dInner: 1536, dState: 16, dtRank: 48 } },
    params: { total: 130_000_000 }, paramsNote: MAMBA_NOTE, quants: MAMBA_QUANTS, capabilities: ["chat"], released: "2023-12-01", checked: "2026-11-24", quality: 1,
  },
  {
    id: "mamba-370m", family: "mamba", name: "Mamba 370M", license: "apache-2.0", kind: "ssm", arch: "mamba",
    hf: "state-spaces/mamba-370m-hf", source: hfConfig("state-spaces/mamba-370m-hf"),
    hp: { layers: 48, hidden: 1024, ...M1, ssm: { dConv: 4, dInner: 2048, dState: 16, dtRank: 64 } },
    params: { total: 370_000_000 }, paramsNote: MAMBA_NOTE, quants: MAMBA_QUANTS, capabilities: ["chat"], released: "2023-12-01", checked: "2026-11-24", quality: 1,
  },
  {
    id: "mamba-790m", family: "mamba", name: "Mamba 790M", license: "apache-2.0", kind: "ssm", arch: "mamba",
    hf: "state-spaces/mamba-790m-hf", source: hfConfig("state-spaces/mamba-790m-hf"),
    hp: { layers: 48, hidden: 1536, ...M1, ssm: { dConv: 4, dInner: 3072, dState: 16, dtRank: 96 } },
    params: { total: 790_000_000 }, paramsNote: MAMBA_NOTE, quants: MAMBA_QUANTS, capabilities: ["chat"], released: "2023-12-01", checked: "2026-11-24", quality: 1,
  },
  {
    id: "mamba-1.4b", family: "mamba", name: "Mamba 1.4B", license: "apache-2.0", kind: "ssm", arch: "mamba",
    hf: "state-spaces/mamba-1.4b-hf", source: hfConfig("state-spaces/mamba-1.4b-hf"),
    hp: { layers: 48, hidden: 2048, ...M1, ssm: { dConv: 4, dInner: 4096, dState: 16, dtRank: 128 } },
    params: { total: 1_400_000_000 }, paramsNote: MAMBA_NOTE, quants: MAMBA_QUANTS, capabilities: ["chat"], released: "2023-12-01", checked: "2026-11-24", quality: 1,
  },
  {
    id: "mamba-2.8b", family: "mamba", name: "Mamba 2.8B", license: "apache-2.0", kind: "ssm", arch: "mamba",
    hf: "state-spaces/mamba-2.8b-hf", source: hfConfig("state-spaces/mamba-2.8b-hf"),
    hp: { layers: 64, hidden: 2560, ...M1, ssm: { dConv: 4, dInner: 5120, dState: 16, dtRank: 160 } },
    params: { total: 2_800_000_000 }, paramsNote: MAMBA_NOTE, quants: MAMBA_QUANTS, capabilities: ["chat"], released: "2023-12-01", checked: "2026-11-24", quality: 2,
  },
  {
    id: "mamba2-130m", family: "mamba-2", name: "Mamba-2 130M", license: "apache-2.0", kind: "ssm", arch: "mamba2",
    hf: "state-spaces/mamba2-130m", source: hfConfig("state-spaces/mamba2-130m"),
    hp: { layers: 24, hidden: 768, ...M2, ssm: { dConv: 4, dInner: 1536, dState: 128, nGroup: 1, heads: 24 } },
    params: { total: 130_000_000 }, paramsNote: MAMBA2_NOTE, quants: MAMBA_QUANTS, capabilities: ["chat"], released: "2024-05-31", checked: "2026-11-24", quality: 1,
  },
  {
    id: "mamba2-370m", family: "mamba-2", name: "Mamba-2 370M", license: "apache-2.0", kind: "ssm", arch: "mamba2",
    hf: "state-spaces/mamba2-370m", source: hfConfig("state-spaces/mamba2-370m"),
    hp: { layers: 48, hidden: 1024, ...M2, ssm: { dConv: 4, dInner: 2048, dState: 128, nGroup: 1, heads: 32 } },
    params: { total: 370_000_000 }, paramsNote: MAMBA2_NOTE, quants: MAMBA_QUANTS, capabilities: ["chat"], released: "2024-05-31", checked: "2026-11-24", quality: 1,
  },
  {
    id: "mamba2-780m", family: "mamba-2", name: "Mamba-2 780M", license: "apache-2.0", kind: "ssm", arch: "mamba2",
    hf: "state-spaces/mamba2-780m", source: hfConfig("state-spaces/mamba2-780m"),
    hp: { layers: 48, hidden: 1536, ...M2, ssm: { dConv: 4, dInner: 3072, dState: 128, nGroup: 1, heads: 48 } },
    params: { total: 780_000_000 }, paramsNote: MAMBA2_NOTE, quants: MAMBA_QUANTS, capabilities: ["chat"], released: "2024-05-31", checked: "2026-11-24", quality: 1,
  },
  {
    id: "mamba2-1.3b", family: "mamba-2", name: "Mamba-2 1.3B", license: "apache-2.0", kind: "ssm", arch: "mamba2",
    hf: "state-spaces/mamba2-1.3b", source: hfConfig("state-spaces/mamba2-1.3b"),
    hp: { layers: 48, hidden: 2048, ...M2, ssm: { dConv: 4, dInner: 4096, dState: 128, nGroup: 1, heads: 64 } },
    params: { total: 1_300_000_000, rounded: true }, paramsNote: MAMBA2_NOTE, quants: MAMBA_QUANTS, capabilities: ["chat"], released: "2024-05-31", checked: "2026-11-24", quality: 1,
  },
  {
    id: "mamba2-2.7b", family: "mamba-2", name: "Mamba-2 2.7B", license: "apache-2.0", kind: "ssm", arch: "mamba2",
    hf: "state-spaces/mamba2-2.7b", source: hfConfig("state-spaces/mamba2-2.7b"),
    hp: { layers: 64, hidden: 2560, ...M2, ssm: { dConv: 4, dInner: 5120, dState: 128, nGroup: 1, heads: 80 } },
    params: { total: 2_700_000_000 }, paramsNote: MAMBA2_NOTE, quants: MAMBA_QUANTS, capabilities: ["chat"], released: "2024-05-31", checked: "2026-11-24", quality: 2,
  },
  {
    id: "mamba-codestral-7b-v0.1", family: "mamba-2", name: "Mamba-Codestral 7B v0.1", license: "apache-2.0", kind: "ssm", arch: "mamba2",
    hf: "mistralai/Mamba-Codestral-7B-v0.1", source: hfConfig("mistralai/Mamba-Codestral-7B-v0.1"),
    hp: { layers: 64, hidden: 4096, heads: 0, ffn: 0, vocab: 32768, ctx: 262144, tied: false, ssm: { dConv: 4, dInner: 8192, dState: 128, nGroup: 8, heads: 128 } },
    params: { total: 7_290_000_000 }, quants: MAMBA_QUANTS, gguf: ["bartowski/Mamba-Codestral-7B-v0.1-GGUF"],
    capabilities: ["code"], released: "2024-07-16", checked: "2026-11-24", quality: 4,
  },
  {
    id: "falcon-mamba-7b", family: "falcon-mamba", name: "Falcon Mamba 7B", license: "falcon-mamba-7b-license", kind: "ssm", arch: "mamba",
    hf: "tiiuae/falcon-mamba-7b", source: hfConfig("tiiuae/falcon-mamba-7b"), hp: FALCON_MAMBA,
    params: { total: 7_270_000_000 }, quants: MAMBA_QUANTS, gguf: ["tiiuae/falcon-mamba-7b-Q4_K_M-GGUF"],
    capabilities: ["chat"], released: "2024-08-12", checked: "2026-11-24", quality: 3,
  },
  {
    id: "falcon-mamba-7b-instruct", family: "falcon-mamba", name: "Falcon Mamba 7B Instruct", license: "falcon-mamba-7b-license", kind: "ssm", arch: "mamba",
    hf: "tiiuae/falcon-mamba-7b-instruct", source: hfConfig("tiiuae/falcon-mamba-7b-instruct"), hp: FALCON_MAMBA,
    params: { total: 7_270_000_000 }, quants: MAMBA_QUANTS, gguf: ["tiiuae/falcon-mamba-7b-instruct-Q4_K_M-GGUF"],
    capabilities: ["chat"], released: "2024-08-12", checked: "2026-11-24", quality: 3,
  },
  {
    id: "falcon3-mamba-7b-base", family: "falcon3", name: "Falcon3-Mamba 7B Base", license: "falcon-llm-license", kind: "ssm", arch: "mamba",
    hf: "tiiuae/Falcon3-Mamba-7B-Base", source: hfConfig("tiiuae/Falcon3-Mamba-7B-Base"), hp: { ...FALCON_MAMBA, ctx: 32768 },
    params: { total: 7_270_000_000 }, quants: MAMBA_QUANTS, capabilities: ["chat"], released: "2024-12-17", checked: "2026-11-24", quality: 3,
  },
  {
    id: "falcon3-mamba-7b-instruct", family: "falcon3", name: "Falcon3-Mamba 7B Instruct", license: "falcon-llm-license", kind: "ssm", arch: "mamba",
    hf: "tiiuae/Falcon3-Mamba-7B-Instruct", source: hfConfig("tiiuae/Falcon3-Mamba-7B-Instruct"), hp: { ...FALCON_MAMBA, ctx: 32768 },
    params: { total: 7_270_000_000 }, quants: MAMBA_QUANTS, gguf: ["tiiuae/Falcon3-Mamba-7B-Instruct-GGUF"],
    capabilities: ["chat"], released: "2024-12-17", checked: "2026-11-24", quality: 4,
  },
  // Falcon-H1: attention and Mamba-2 side by side in every layer.
  {
    id: "falcon-h1-3b-instruct", family: "falcon-h1", name: "Falcon-H1 3B Instruct", license: "falcon-llm-license", kind: "hybrid", arch: "falcon-h1",
    hf: "tiiuae/Falcon-H1-3B-Instruct", source: hfConfig("tiiuae/Falcon-H1-3B-Instruct"),
    hp: {
      layers: 32, hidden: 2560, heads: 10, kvHeads: 2, headDim: 128, ffn: 6144, vocab: 65536, ctx: 131072, tied: false,
      ssm: { dConv: 4, dInner: 4096, dState: 256, nGroup: 1, heads: 32 }, layerPattern: "A*32",
    },
    params: { total: 3_150_000_000 }, quants: GGUF_QUANTS, gguf: ["tiiuae/Falcon-H1-3B-Instruct-GGUF"],
    capabilities: ["chat"], released: "2025-05-21", checked: "2026-11-24", quality: 4,
  },
  {
    id: "falcon-h1-7b-instruct", family: "falcon-h1", name: "Falcon-H1 7B Instruct", license: "falcon-llm-license", kind: "hybrid", arch: "falcon-h1",
    hf: "tiiuae/Falcon-H1-7B-Instruct", source: hfConfig("tiiuae/Falcon-H1-7B-Instruct"),
    hp: {
      layers: 44, hidden: 3072, heads: 12, kvHeads: 2, headDim: 128, ffn: 12288, vocab: 130048, ctx: 262144, tied: false,
      ssm: { dConv: 4, dInner: 3072, dState: 256, nGroup: 1, heads: 24 }, layerPattern: "A*44",
    },
    params: { total: 7_590_000_000 }, quants: GGUF_QUANTS, gguf: ["tiiuae/Falcon-H1-7B-Instruct-GGUF"],
    capabilities: ["chat"], released: "2025-05-21", checked: "2026-11-24", quality: 5,
  },
  // Jamba (AI21): a Mamba-1/attention stack 7:1 with MoE on every other layer.
  {
    id: "jamba-v0.1", family: "jamba", name: "Jamba v0.1", license: "apache-2.0", kind: "hybrid", arch: "jamba",
    hf: "ai21labs/Jamba-v0.1", source: hfConfig("ai21labs/Jamba-v0.1"), hp: JAMBA_MINI,
    params: { total: 51_570_000_000, active: 12_000_000_000 }, quants: GGUF_QUANTS, capabilities: ["chat"], released: "2024-03-28", checked: "2026-11-24", quality: 3,
  },
  {
    id: "jamba-1.5-mini", family: "jamba", name: "Jamba 1.5 Mini", license: "jamba-open-model-license", kind: "hybrid", arch: "jamba",
    hf: "ai21labs/AI21-Jamba-1.5-Mini", source: hfConfig("ai21labs/AI21-Jamba-1.5-Mini"), hp: JAMBA_MINI,
    params: { total: 51_570_000_000, active: 12_000_000_000 }, quants: GGUF_QUANTS, capabilities: ["chat", "tools"], released: "2024-08-22", checked: "2026-11-24", quality: 5,
  },
  {
    id: "jamba-mini-1.6", family: "jamba", name: "Jamba Mini 1.6", license: "jamba-open-model-license", kind: "hybrid", arch: "jamba",
    hf: "ai21labs/AI21-Jamba-Mini-1.6", source: hfConfig("ai21labs/AI21-Jamba-Mini-1.6"), hp: JAMBA_MINI,
    params: { total: 51_570_000_000, active: 12_000_000_000 }, quants: GGUF_QUANTS, capabilities: ["chat", "tools"], released: "2025-03-06", checked: "2026-11-24", quality: 5,
  },
  // Zamba2 (Zyphra): Mamba-2 blocks, with two shared attention+MLP blocks applied at the "hybrid"
  // layers (layers_block_type); llama.cpp has no Zamba2 support.
  {
    id: "zamba2-7b", family: "zamba2", name: "Zamba2 7B", license: "apache-2.0", kind: "hybrid", arch: "zamba2",
    hf: "Zyphra/Zamba2-7B", source: hfConfig("Zyphra/Zamba2-7B"),
    notInLlamaCpp: ZAMBA2_UNSUPPORTED,
    hp: {
      layers: 81, hidden: 3584, heads: 32, ffn: 14336, vocab: 32000, ctx: 4096, tied: true, rope: { theta: 10000 },
      ssm: { dConv: 4, dInner: 7168, dState: 64, nGroup: 2, heads: 112 },
      layerPattern: "MMMMMMA MMMMA MMMMMA*11 MMM",
    },
    params: { total: 7_000_000_000, rounded: true }, paramsNote: "Published only as the size label 7B.",
    quants: [], capabilities: ["chat"], released: "2024-10-14", checked: "2026-11-24", quality: 4,
    notes: "The A layers are Zamba2's hybrid layers: a Mamba-2 block plus a shared attention block, so they hold both a KV cache and a recurrent state.",
  },
  {
    // Zyphra's Zamba2Config defaults are this model's (github.com/Zyphra/transformers_zamba2,
    // src/transformers/models/zamba2/configuration_zamba2.py @41f4dbe): hidden 2560, 54 layers,
    // 32 heads, ffn 4 × hidden, Mamba-2 d_state 64, d_conv 4, expand 2 (d_inner 5120), head dim 64
    // (80 heads), 1 group; layers_block_type has the shared transformer ("g") at 6, 12 … 42, 47, 51.
    // Its attention runs over the concatenated 2 × hidden input: head dim 5120 / 32 = 160.
    id: "zamba2-2.7b", family: "zamba2", name: "Zamba2 2.7B", license: "apache-2.0", kind: "hybrid", arch: "zamba2",
    hf: "Zyphra/Zamba2-2.7B", source: hfConfig("Zyphra/Zamba2-2.7B"),
    notInLlamaCpp: ZAMBA2_UNSUPPORTED,
    hp: {
      layers: 54, hidden: 2560, heads: 32, headDim: 160, ffn: 10240, vocab: 32000, ctx: 4096, tied: true,
      ssm: { dConv: 4, dInner: 5120, dState: 64, nGroup: 1, heads: 80 },
      layerPattern: "MMMMMMA MMMMMA*6 MMMMA MMMA MM",
    },
    params: { total: 2_700_000_000, rounded: true },
    paramsNote: "Published only as the size label 2.7B (Zamba2 technical report, arXiv:2411.15242).",
    quants: [], capabilities: ["chat"], released: "2024-07-29", checked: "2026-11-24", quality: 3,
    notes: "Two shared attention+MLP blocks used in ABAB order at the A layers, with per-use LoRA projectors (rank 128) on the MLP.",
  },
  {
    // Zyphra/Zamba2-1.2B config.json @ 6b05bf29d1bb4ca71a36d12f7da4d3120dcde7fe (as read by a
    // transformers meta-device trace of that revision): hidden 2048, 38 layers, 32 heads (32 KV),
    // attention head dim 128 (Zamba2 attends over the concatenated 2 × hidden input: 4096 / 32),
    // ffn 8192, vocab 32000, max_position_embeddings 4096, rope θ 10000, tied embeddings; Mamba-2
    // d_state 128, d_conv 4, 64 heads × 64 (d_inner 4096), 1 group; one shared transformer block
    // (num_mem_blocks 1) at the hybrid layers 5, 11, 17, 23, 29, 35; LoRA rank 128.
    id: "zamba2-1.2b", family: "zamba2", name: "Zamba2 1.2B", license: "apache-2.0", kind: "hybrid", arch: "zamba2",
    hf: "Zyphra/Zamba2-1.2B", source: hfConfig("Zyphra/Zamba2-1.2B"),
    notInLlamaCpp: ZAMBA2_UNSUPPORTED,
    hp: {
      layers: 38, hidden: 2048, heads: 32, headDim: 128, ffn: 8192, vocab: 32000, ctx: 4096, tied: true, rope: { theta: 10000 },
      ssm: { dConv: 4, dInner: 4096, dState: 128, nGroup: 1, heads: 64 },
      layerPattern: "MMMMMA*6 MM",
    },
    params: { total: 1_200_000_000, rounded: true },
    paramsNote: "Published as the size label 1.2B (about 1.22B counted from the checkpoint's tensors).",
    quants: [], capabilities: ["chat"], released: "2024-08-16", checked: "2026-11-24", quality: 2,
    notes: "One shared attention+MLP block (not two, as in 2.7B and 7B) used at all six A layers, with per-use LoRA projectors (rank 128).",
  },
  // LFM2 (Liquid AI): short convolutions with a few attention layers.
  {
    id: "lfm2-350m", family: "lfm2", name: "LFM2 350M", license: "lfm1.0", kind: "hybrid", arch: "lfm2",
    hf: "LiquidAI/LFM2-350M", source: hfConfig("LiquidAI/LFM2-350M"),
    hp: { layers: 16, hidden: 1024, heads: 16, kvHeads: 8, ffn: 4608, vocab: 65536, ctx: 128000, tied: true, rope: { theta: 1000000 }, layerPattern: LFM2_16, convLCache: 3 },
    params: { total: 354_000_000 }, quants: GGUF_QUANTS, gguf: ["LiquidAI/LFM2-350M-GGUF"], lmstudio: ["liquid/lfm2-350m"],
    capabilities: ["chat"], released: "2025-07-10", checked: "2026-11-24", quality: 2,
  },
  {
    id: "lfm2-700m", family: "lfm2", name: "LFM2 700M", license: "lfm1.0", kind: "hybrid", arch: "lfm2",
    hf: "LiquidAI/LFM2-700M", source: hfConfig("LiquidAI/LFM2-700M"),
    hp: { layers: 16, hidden: 1536, heads: 24, kvHeads: 8, ffn: 6912, vocab: 65536, ctx: 128000, tied: true, rope: { theta: 1000000 }, layerPattern: LFM2_16, convLCache: 3 },
    params: { total: 742_000_000 }, quants: GGUF_QUANTS, gguf: ["LiquidAI/LFM2-700M-GGUF"], lmstudio: ["liquid/lfm2-700m"], capabilities: ["chat"], released: "2025-07-10", checked: "2026-11-24", quality: 3,
  },
  {
    id: "lfm2-1.2b", family: "lfm2", name: "LFM2 1.2B", license: "lfm1.0", kind: "hybrid", arch: "lfm2",
    hf: "LiquidAI/LFM2-1.2B", source: hfConfig("LiquidAI/LFM2-1.2B"),
    hp: { layers: 16, hidden: 2048, heads: 32, kvHeads: 8, ffn: 8192, vocab: 65536, ctx: 128000, tied: true, rope: { theta: 1000000 }, layerPattern: LFM2_16, convLCache: 3 },
    params: { total: 1_170_000_000 }, quants: GGUF_QUANTS, gguf: ["LiquidAI/LFM2-1.2B-GGUF"], lmstudio: ["liquid/lfm2-1.2b"],
    capabilities: ["chat"], released: "2025-07-10", checked: "2026-11-24", quality: 3,
  },
  {
    id: "lfm2-2.6b", family: "lfm2", name: "LFM2 2.6B", license: "lfm1.0", kind: "hybrid", arch: "lfm2",
    hf: "LiquidAI/LFM2-2.6B", source: hfConfig("LiquidAI/LFM2-2.6B"),
    hp: {
      layers: 30, hidden: 2048, heads: 32, kvHeads: 8, ffn: 10752, vocab: 65536, ctx: 128000, tied: true, rope: { theta: 1000000 },
      layerPattern: "CCACCACCCACCCACCCACCCACCACCACC", convLCache: 3,
    },
    params: { total: 2_570_000_000 }, quants: GGUF_QUANTS, gguf: ["LiquidAI/LFM2-2.6B-GGUF"], capabilities: ["chat", "tools"], released: "2025-09-23", checked: "2026-11-24", quality: 4,
  },
] satisfies Entries;
