// Alibaba's Qwen: Qwen2, Qwen2.5, Qwen2.5-Coder, QwQ, Qwen3 (dense and MoE), Qwen3-Coder.
// Hyperparameters from each repo's config.json; counts from the model cards ("Number of Parameters").
import { BIG_QUANTS, GGUF_QUANTS, hfConfig } from "./util.js";
import type { Entries, HyperparamsInput } from "./util.js";

const Q2 = { theta: 1000000 } as const;
const Q25_05B = { layers: 24, hidden: 896, heads: 14, kvHeads: 2, ffn: 4864, vocab: 151936, ctx: 32768, tied: true, rope: Q2 } satisfies HyperparamsInput;
const Q25_15B = { layers: 28, hidden: 1536, heads: 12, kvHeads: 2, ffn: 8960, vocab: 151936, ctx: 32768, tied: true, rope: Q2 } satisfies HyperparamsInput;
const Q25_3B = { layers: 36, hidden: 2048, heads: 16, kvHeads: 2, ffn: 11008, vocab: 151936, ctx: 32768, tied: true, rope: Q2 } satisfies HyperparamsInput;
const Q25_7B = { layers: 28, hidden: 3584, heads: 28, kvHeads: 4, ffn: 18944, vocab: 152064, ctx: 32768, tied: false, rope: Q2 } satisfies HyperparamsInput;
const Q25_14B = { layers: 48, hidden: 5120, heads: 40, kvHeads: 8, ffn: 13824, vocab: 152064, ctx: 32768, tied: false, rope: Q2 } satisfies HyperparamsInput;
const Q25_32B = { layers: 64, hidden: 5120, heads: 40, kvHeads: 8, ffn: 27648, vocab: 152064, ctx: 32768, tied: false, rope: Q2 } satisfies HyperparamsInput;
const Q25_72B = { layers: 80, hidden: 8192, heads: 64, kvHeads: 8, ffn: 29568, vocab: 152064, ctx: 32768, tied: false, rope: Q2 } satisfies HyperparamsInput;

const Q3 = { theta: 1000000 } as const;
const Q3_06B = { layers: 28, hidden: 1024, heads: 16, kvHeads: 8, headDim: 128, ffn: 3072, vocab: 151936, ctx: 40960, tied: true, rope: Q3 } satisfies HyperparamsInput;
const Q3_17B = { layers: 28, hidden: 2048, heads: 16, kvHeads: 8, headDim: 128, ffn: 6144, vocab: 151936, ctx: 40960, tied: true, rope: Q3 } satisfies HyperparamsInput;
const Q3VL_2B = { layers: 28, hidden: 2048, heads: 16, kvHeads: 8, headDim: 128, ffn: 6144, vocab: 151936, ctx: 262144, tied: true, rope: { theta: 5000000 } } satisfies HyperparamsInput;
const Q3VL_4B = { layers: 36, hidden: 2560, heads: 32, kvHeads: 8, headDim: 128, ffn: 9728, vocab: 151936, ctx: 262144, tied: true, rope: { theta: 5000000 } } satisfies HyperparamsInput;
// Qwen3-VL 32B / 30B-A3B / 235B-A22B: text_config of Qwen/Qwen3-VL-30B-A3B-Instruct's config.json (saved
// copy: test/fixtures/configs/Qwen__Qwen3-VL-30B-A3B-Instruct.json); for 32B and 235B-A22B their config.json
// values as a public model summary quotes them (32B: 64 layers of 5120, 64 heads, 8 KV heads of 128, FFN
// 25600; 235B-A22B: 94 layers of 4096, 64 heads, 4 KV heads of 128, 128 experts of 1536, 8 used; both
// vocab 151936, rope_theta 5e6, 262,144 positions), the same 235B-A22B shape in Alibaba's Megatron
// training script (--num-layers 94 --hidden-size 4096 --num-query-groups 4 --moe-ffn-hidden-size 1536).
// Each is its Qwen3 namesake's decoder (Qwen3-32B, Qwen3-30B-A3B, Qwen3-235B-A22B) with a 256K context.
const Q3VL_32B = { layers: 64, hidden: 5120, heads: 64, kvHeads: 8, headDim: 128, ffn: 25600, vocab: 151936, ctx: 262144, tied: false, rope: { theta: 5000000 } } satisfies HyperparamsInput;
const Q3VL_30B_A3B = {
  layers: 48, hidden: 2048, heads: 32, kvHeads: 4, headDim: 128, ffn: 6144, vocab: 151936, ctx: 262144, tied: false, rope: { theta: 5000000 },
  moe: { experts: 128, used: 8, expertFfn: 768 },
} satisfies HyperparamsInput;
const Q3VL_235B_A22B = {
  layers: 94, hidden: 4096, heads: 64, kvHeads: 4, headDim: 128, ffn: 12288, vocab: 151936, ctx: 262144, tied: false, rope: { theta: 5000000 },
  moe: { experts: 128, used: 8, expertFfn: 1536 },
} satisfies HyperparamsInput;
const Q3VL_BIG_NOTE =
  "The published count includes the vision tower and its DeepStack mergers, which llama.cpp loads from the mmproj file; " +
  "the decoder is its Qwen3 namesake's (Qwen3-32B 32.8B, Qwen3-30B-A3B 30.5B, Qwen3-235B-A22B 235B on their cards).";
// Qwen3.5 / Qwen3.6 (llama.cpp qwen35 / qwen35moe: Qwen3-Next's gated DeltaNet hybrid, three DeltaNet
// layers to one gated-query attention layer). 35B-A3B (Qwen3.5 and Qwen3.6 share it): an inventory of both
// repos' config.json at snapshots ec2d4ec… / 7da1103… (40 layers, full_attention_interval 4, DeltaNet 16 key /
// 32 value heads of 128, conv 4, 256 experts of 512, 8 used, shared expert 512, vocab 248320, rope_theta 1e7,
// partial_rotary_factor 0.25), with hidden 2048 and 16 heads / 2 KV heads of 256 from the text_config of
// test/fixtures/configs/teutonic__qwen3.6-35b-a3b-genesis.json, which agrees with it on every shared field.
// 0.8B: its model card (24 layers of 1024, 6 × (3 DeltaNet + 1 attention), 16 + 16 DeltaNet heads of 128,
// 8 / 2 attention heads of 256, RoPE on 64 dims, vocab 248320) and a from-scratch port that loads the
// checkpoint tensor by tensor (FFN 3584, tied embeddings, rope_theta 1e7; 752,393,024 text parameters).
const Q35_35B_A3B = {
  layers: 40, hidden: 2048, heads: 16, kvHeads: 2, headDim: 256, ffn: 0, vocab: 248320, ctx: 262144, tied: false,
  rope: { theta: 10000000, partial: 0.25 }, layerPattern: "MMMA*10",
  ssm: { dConv: 4, dInner: 4096, dState: 128, nGroup: 16, heads: 32 },
  moe: { experts: 256, used: 8, expertFfn: 512, shared: 1, sharedFfn: 512 },
} satisfies HyperparamsInput;
const Q35_0_8B = {
  layers: 24, hidden: 1024, heads: 8, kvHeads: 2, headDim: 256, ffn: 3584, vocab: 248320, ctx: 262144, tied: true,
  rope: { theta: 10000000, partial: 0.25 }, layerPattern: "MMMA*6",
  ssm: { dConv: 4, dInner: 2048, dState: 128, nGroup: 16, heads: 16 },
} satisfies HyperparamsInput;
// Qwen3.5 27B / 122B-A10B / 397B-A17B: their text_config values as public loaders' tests state them, each
// against the published size (the decoder's tensors give 26.90B, 122.11B, 396.35B). 397B-A17B: 60 layers of
// 4096, 32 heads / 2 KV heads of 256, DeltaNet 16 key / 64 value heads of 128, 512 experts of 1024 (10 used)
// + a shared expert of 1024, vocab 248320, untied (a Megatron-Bridge test config "matching the expected model
// structure", the same in three other public configs). 122B-A10B: 48 layers of 3072, 32 / 2 heads of 256,
// DeltaNet 16 / 64 heads, 256 experts of 1024 (8 used) + shared 1024 (a test launch config for
// Qwen3.5-122B-A10B checkpoints and a catalog test's "moe-122b-a10b"). 27B: 64 layers of 5120, 24 / 4 heads
// of 256, DeltaNet 16 / 48 heads, FFN 17408 (the same catalog test's "dense-27b"); untied, as the count
// requires (tied it would be 25.6B).
const Q35_BASE = { headDim: 256, vocab: 248320, ctx: 262144, tied: false, rope: { theta: 10000000, partial: 0.25 } } as const;
const Q35_27B = {
  ...Q35_BASE, layers: 64, hidden: 5120, heads: 24, kvHeads: 4, ffn: 17408, layerPattern: "MMMA*16",
  ssm: { dConv: 4, dInner: 6144, dState: 128, nGroup: 16, heads: 48 },
} satisfies HyperparamsInput;
const Q35_122B_A10B = {
  ...Q35_BASE, layers: 48, hidden: 3072, heads: 32, kvHeads: 2, ffn: 0, layerPattern: "MMMA*12",
  ssm: { dConv: 4, dInner: 8192, dState: 128, nGroup: 16, heads: 64 },
  moe: { experts: 256, used: 8, expertFfn: 1024, shared: 1, sharedFfn: 1024 },
} satisfies HyperparamsInput;
const Q35_397B_A17B = {
  ...Q35_BASE, layers: 60, hidden: 4096, heads: 32, kvHeads: 2, ffn: 0, layerPattern: "MMMA*15",
  ssm: { dConv: 4, dInner: 8192, dState: 128, nGroup: 16, heads: 64 },
  moe: { experts: 512, used: 10, expertFfn: 1024, shared: 1, sharedFfn: 1024 },
} satisfies HyperparamsInput;
// Qwen3.5 9B / 4B / 2B: dense qwen35 like 0.8B (three DeltaNet layers to one gated-query attention layer).
// 9B: its text_config as a public project's tests keep it ("the real Qwen3.5-9B config as a fixture", saved
// as test/fixtures/configs/Qwen__Qwen3.5-9B.json): 32 layers of 4096, FFN 12288, 16 / 4 heads of 256,
// DeltaNet 16 key / 32 value heads of 128, conv 4, vocab 248320, rope_theta 1e7 on a quarter of each head,
// untied; the checkpoint index's 19,306,216,416 bytes (BF16) are 9.65B parameters with the vision tower
// (~0.45B) and the MTP layer (~0.24B), leaving 8.95B of text, which the tensors give (8.954B).
// 4B: 32 layers of 2560, FFN 9216, 16 / 4 heads of 256, DeltaNet 16 / 32 heads of 128 (a public loader's
// "Qwen3.5 4B topology" test config and a fine-tune's config.json copied from it); tied like 0.8B.
// 2B: hidden 2048 (a public parameter-count note "based on Qwen/Qwen3.5-2B (hidden_size = 2048)"), 24 layers
// of 6 × (3 + 1), FFN 6144, 8 / 2 heads of 256, DeltaNet 16 / 16 heads, tied: 0.8B's layout at 2048.
// Tying (4B, 2B) and the 2B's widths are checked against the published Q4_K_M files of unsloth's GGUF repos
// (2,740,937,888 and 1,280,835,840 bytes; 9B 5,680,522,464): the engine's Q4_K_M weights for these shapes
// are 1.6 %, 1.4 % and 1.1 % under each file (the tokenizer and metadata make up the rest); untied, the 4B
// and 2B would be 11 % and 21 % over.
const Q35_9B = {
  ...Q35_BASE, layers: 32, hidden: 4096, heads: 16, kvHeads: 4, ffn: 12288, layerPattern: "MMMA*8",
  ssm: { dConv: 4, dInner: 4096, dState: 128, nGroup: 16, heads: 32 },
} satisfies HyperparamsInput;
const Q35_4B = {
  ...Q35_BASE, tied: true, layers: 32, hidden: 2560, heads: 16, kvHeads: 4, ffn: 9216, layerPattern: "MMMA*8",
  ssm: { dConv: 4, dInner: 4096, dState: 128, nGroup: 16, heads: 32 },
} satisfies HyperparamsInput;
const Q35_2B = {
  ...Q35_BASE, tied: true, layers: 24, hidden: 2048, heads: 8, kvHeads: 2, ffn: 6144, layerPattern: "MMMA*6",
  ssm: { dConv: 4, dInner: 2048, dState: 128, nGroup: 16, heads: 16 },
} satisfies HyperparamsInput;
const Q35_NOTE =
  "The names' size labels are the published counts and include the vision encoder, which llama.cpp loads from the mmproj file; the text model is sized from its own tensors.";
const Q3VL_SMALL_NOTE =
  "The only published counts are the names' size labels (2B, 4B); the decoder's tensors give 1.72B / 4.02B, and the " +
  "vision tower with its DeepStack mergers, which llama.cpp loads from the mmproj file, comes on top.";
const Q3_4B = { layers: 36, hidden: 2560, heads: 32, kvHeads: 8, headDim: 128, ffn: 9728, vocab: 151936, ctx: 40960, tied: true, rope: Q3 } satisfies HyperparamsInput;
const Q3_8B = { layers: 36, hidden: 4096, heads: 32, kvHeads: 8, headDim: 128, ffn: 12288, vocab: 151936, ctx: 40960, tied: false, rope: Q3 } satisfies HyperparamsInput;
const Q3_14B = { layers: 40, hidden: 5120, heads: 40, kvHeads: 8, headDim: 128, ffn: 17408, vocab: 151936, ctx: 40960, tied: false, rope: Q3 } satisfies HyperparamsInput;
const Q3_32B = { layers: 64, hidden: 5120, heads: 64, kvHeads: 8, headDim: 128, ffn: 25600, vocab: 151936, ctx: 40960, tied: false, rope: Q3 } satisfies HyperparamsInput;
const Q3_30B_A3B = {
  layers: 48, hidden: 2048, heads: 32, kvHeads: 4, headDim: 128, ffn: 6144, vocab: 151936, ctx: 40960, tied: false, rope: Q3,
  moe: { experts: 128, used: 8, expertFfn: 768 },
} satisfies HyperparamsInput;
const Q3_235B_A22B = {
  layers: 94, hidden: 4096, heads: 64, kvHeads: 4, headDim: 128, ffn: 12288, vocab: 151936, ctx: 40960, tied: false, rope: Q3,
  moe: { experts: 128, used: 8, expertFfn: 1536 },
} satisfies HyperparamsInput;

// Qwen3-Next-80B-A3B (Qwen config.json): 48 layers, every 4th full attention (16 query heads of 256
// whose projection also yields an output gate, 2 KV heads), the others gated DeltaNet linear attention
// (16 key heads and 32 value heads of 128, conv kernel 4): llama.cpp keeps their state like Mamba-2's
// (ssm.state_size 128, group_count 16 key heads, inner_size 32 × 128, time_step_rank 32 value heads).
// Every layer a MoE of 512 experts of 512 (10 used) plus one gated shared expert of 512.
const QNEXT = {
  layers: 48, hidden: 2048, heads: 16, kvHeads: 2, headDim: 256, ffn: 5120, vocab: 151936, ctx: 262144, tied: false,
  rope: { theta: 10000000, partial: 0.25 }, layerPattern: "MMMA*12",
  ssm: { dConv: 4, dInner: 4096, dState: 128, nGroup: 16, heads: 32 },
  moe: { experts: 512, used: 10, shared: 1, expertFfn: 512, sharedFfn: 512 },
} satisfies HyperparamsInput;

export const ENTRIES = [
  // Qwen2.5
  {
    id: "qwen2.5-0.5b-instruct", family: "qwen2.5", name: "Qwen2.5 0.5B Instruct", license: "apache-2.0", kind: "dense", arch: "qwen2",
    hf: "Qwen/Qwen2.5-0.5B-Instruct", source: hfConfig("Qwen/Qwen2.5-0.5B-Instruct"), hp: Q25_05B,
    params: { total: 490_000_000 }, quants: GGUF_QUANTS, ollama: ["qwen2.5:0.5b"],
    gguf: ["Qwen/Qwen2.5-0.5B-Instruct-GGUF", "bartowski/Qwen2.5-0.5B-Instruct-GGUF"], lmstudio: ["qwen2.5-0.5b-instruct"],
    capabilities: ["chat", "tools"], released: "2024-09-19", checked: "2026-11-24", quality: 2,
  },
  {
    id: "qwen2.5-0.5b", family: "qwen2.5", name: "Qwen2.5 0.5B (base)", license: "apache-2.0", kind: "dense", arch: "qwen2",
    hf: "Qwen/Qwen2.5-0.5B", source: hfConfig("Qwen/Qwen2.5-0.5B"), hp: Q25_05B,
    params: { total: 490_000_000 }, quants: GGUF_QUANTS, ollama: ["qwen2.5:0.5b-base"], capabilities: ["chat"], released: "2024-09-19", checked: "2026-11-24", quality: 2,
  },
  {
    id: "qwen2.5-1.5b-instruct", family: "qwen2.5", name: "Qwen2.5 1.5B Instruct", license: "apache-2.0", kind: "dense", arch: "qwen2",
    hf: "Qwen/Qwen2.5-1.5B-Instruct", source: hfConfig("Qwen/Qwen2.5-1.5B-Instruct"), hp: Q25_15B,
    params: { total: 1_540_000_000 }, quants: GGUF_QUANTS, ollama: ["qwen2.5:1.5b"],
    gguf: ["Qwen/Qwen2.5-1.5B-Instruct-GGUF", "bartowski/Qwen2.5-1.5B-Instruct-GGUF"], lmstudio: ["qwen2.5-1.5b-instruct"],
    capabilities: ["chat", "tools"], released: "2024-09-19", checked: "2026-11-24", quality: 3,
  },
  {
    id: "qwen2.5-1.5b", family: "qwen2.5", name: "Qwen2.5 1.5B (base)", license: "apache-2.0", kind: "dense", arch: "qwen2",
    hf: "Qwen/Qwen2.5-1.5B", source: hfConfig("Qwen/Qwen2.5-1.5B"), hp: Q25_15B,
    params: { total: 1_540_000_000 }, quants: GGUF_QUANTS, capabilities: ["chat"], released: "2024-09-19", checked: "2026-11-24", quality: 3,
  },
  {
    id: "qwen2.5-3b-instruct", family: "qwen2.5", name: "Qwen2.5 3B Instruct", license: "qwen-research", kind: "dense", arch: "qwen2",
    hf: "Qwen/Qwen2.5-3B-Instruct", source: hfConfig("Qwen/Qwen2.5-3B-Instruct"), hp: Q25_3B,
    params: { total: 3_090_000_000 }, quants: GGUF_QUANTS, ollama: ["qwen2.5:3b"],
    gguf: ["Qwen/Qwen2.5-3B-Instruct-GGUF", "bartowski/Qwen2.5-3B-Instruct-GGUF"], lmstudio: ["qwen2.5-3b-instruct"],
    capabilities: ["chat", "tools"], released: "2024-09-19", checked: "2026-11-24", quality: 4,
  },
  {
    id: "qwen2.5-3b", family: "qwen2.5", name: "Qwen2.5 3B (base)", license: "qwen-research", kind: "dense", arch: "qwen2",
    hf: "Qwen/Qwen2.5-3B", source: hfConfig("Qwen/Qwen2.5-3B"), hp: Q25_3B,
    params: { total: 3_090_000_000 }, quants: GGUF_QUANTS, capabilities: ["chat"], released: "2024-09-19", checked: "2026-11-24", quality: 3,
  },
  {
    id: "qwen2.5-7b-instruct", family: "qwen2.5", name: "Qwen2.5 7B Instruct", license: "apache-2.0", kind: "dense", arch: "qwen2",
    hf: "Qwen/Qwen2.5-7B-Instruct", source: hfConfig("Qwen/Qwen2.5-7B-Instruct"), hp: Q25_7B,
    params: { total: 7_610_000_000 }, quants: GGUF_QUANTS, ollama: ["qwen2.5:7b", "qwen2.5"],
    gguf: ["Qwen/Qwen2.5-7B-Instruct-GGUF", "bartowski/Qwen2.5-7B-Instruct-GGUF", "lmstudio-community/Qwen2.5-7B-Instruct-GGUF"],
    lmstudio: ["qwen2.5-7b-instruct"], capabilities: ["chat", "tools"], released: "2024-09-19", checked: "2026-11-24", quality: 5,
    notes: "131,072 tokens with YaRN (factor 4), per the model card; config.json ships 32,768.",
  },
  {
    id: "qwen2.5-7b", family: "qwen2.5", name: "Qwen2.5 7B (base)", license: "apache-2.0", kind: "dense", arch: "qwen2",
    hf: "Qwen/Qwen2.5-7B", source: hfConfig("Qwen/Qwen2.5-7B"), hp: { ...Q25_7B, ctx: 131072 },
    params: { total: 7_610_000_000 }, quants: GGUF_QUANTS, capabilities: ["chat"], released: "2024-09-19", checked: "2026-11-24", quality: 4,
  },
  {
    id: "qwen2.5-14b-instruct", family: "qwen2.5", name: "Qwen2.5 14B Instruct", license: "apache-2.0", kind: "dense", arch: "qwen2",
    hf: "Qwen/Qwen2.5-14B-Instruct", source: hfConfig("Qwen/Qwen2.5-14B-Instruct"), hp: Q25_14B,
    params: { total: 14_700_000_000 }, quants: GGUF_QUANTS, ollama: ["qwen2.5:14b"],
    gguf: ["Qwen/Qwen2.5-14B-Instruct-GGUF", "bartowski/Qwen2.5-14B-Instruct-GGUF"], lmstudio: ["qwen2.5-14b-instruct"],
    capabilities: ["chat", "tools"], released: "2024-09-19", checked: "2026-11-24", quality: 6,
  },
  {
    id: "qwen2.5-14b", family: "qwen2.5", name: "Qwen2.5 14B (base)", license: "apache-2.0", kind: "dense", arch: "qwen2",
    hf: "Qwen/Qwen2.5-14B", source: hfConfig("Qwen/Qwen2.5-14B"), hp: { ...Q25_14B, ctx: 131072 },
    params: { total: 14_700_000_000 }, quants: GGUF_QUANTS, capabilities: ["chat"], released: "2024-09-19", checked: "2026-11-24", quality: 5,
  },
  {
    id: "qwen2.5-32b-instruct", family: "qwen2.5", name: "Qwen2.5 32B Instruct", license: "apache-2.0", kind: "dense", arch: "qwen2",
    hf: "Qwen/Qwen2.5-32B-Instruct", source: hfConfig("Qwen/Qwen2.5-32B-Instruct"), hp: Q25_32B,
    params: { total: 32_500_000_000 }, quants: GGUF_QUANTS, ollama: ["qwen2.5:32b"],
    gguf: ["Qwen/Qwen2.5-32B-Instruct-GGUF", "bartowski/Qwen2.5-32B-Instruct-GGUF"], lmstudio: ["qwen2.5-32b-instruct"],
    capabilities: ["chat", "tools"], released: "2024-09-19", checked: "2026-11-24", quality: 7,
  },
  {
    id: "qwen2.5-32b", family: "qwen2.5", name: "Qwen2.5 32B (base)", license: "apache-2.0", kind: "dense", arch: "qwen2",
    hf: "Qwen/Qwen2.5-32B", source: hfConfig("Qwen/Qwen2.5-32B"), hp: { ...Q25_32B, ctx: 131072 },
    params: { total: 32_500_000_000 }, quants: GGUF_QUANTS, capabilities: ["chat"], released: "2024-09-19", checked: "2026-11-24", quality: 6,
  },
  {
    id: "qwen2.5-72b-instruct", family: "qwen2.5", name: "Qwen2.5 72B Instruct", license: "qwen", kind: "dense", arch: "qwen2",
    hf: "Qwen/Qwen2.5-72B-Instruct", source: hfConfig("Qwen/Qwen2.5-72B-Instruct"), hp: Q25_72B,
    params: { total: 72_700_000_000 }, quants: BIG_QUANTS, ollama: ["qwen2.5:72b"],
    gguf: ["Qwen/Qwen2.5-72B-Instruct-GGUF", "bartowski/Qwen2.5-72B-Instruct-GGUF"], lmstudio: ["qwen2.5-72b-instruct"],
    capabilities: ["chat", "tools"], released: "2024-09-19", checked: "2026-11-24", quality: 8,
  },
  {
    id: "qwen2.5-72b", family: "qwen2.5", name: "Qwen2.5 72B (base)", license: "qwen", kind: "dense", arch: "qwen2",
    hf: "Qwen/Qwen2.5-72B", source: hfConfig("Qwen/Qwen2.5-72B"), hp: Q25_72B,
    params: { total: 72_700_000_000 }, quants: BIG_QUANTS, capabilities: ["chat"], released: "2024-09-19", checked: "2026-11-24", quality: 7,
  },
  // Qwen2.5-Coder
  {
    id: "qwen2.5-coder-0.5b-instruct", family: "qwen2.5-coder", name: "Qwen2.5-Coder 0.5B Instruct", license: "apache-2.0", kind: "dense", arch: "qwen2",
    hf: "Qwen/Qwen2.5-Coder-0.5B-Instruct", source: hfConfig("Qwen/Qwen2.5-Coder-0.5B-Instruct"), hp: Q25_05B,
    params: { total: 490_000_000 }, quants: GGUF_QUANTS, ollama: ["qwen2.5-coder:0.5b"], gguf: ["Qwen/Qwen2.5-Coder-0.5B-Instruct-GGUF"],
    capabilities: ["chat", "code"], released: "2024-11-12", checked: "2026-11-24", quality: 2,
  },
  {
    id: "qwen2.5-coder-0.5b", family: "qwen2.5-coder", name: "Qwen2.5-Coder 0.5B (base, FIM)", license: "apache-2.0", kind: "dense", arch: "qwen2",
    hf: "Qwen/Qwen2.5-Coder-0.5B", source: hfConfig("Qwen/Qwen2.5-Coder-0.5B"), hp: Q25_05B,
    params: { total: 490_000_000 }, quants: GGUF_QUANTS, ollama: ["qwen2.5-coder:0.5b-base"], capabilities: ["code"], released: "2024-11-12", checked: "2026-11-24", quality: 2,
  },
  {
    id: "qwen2.5-coder-1.5b-instruct", family: "qwen2.5-coder", name: "Qwen2.5-Coder 1.5B Instruct", license: "apache-2.0", kind: "dense", arch: "qwen2",
    hf: "Qwen/Qwen2.5-Coder-1.5B-Instruct", source: hfConfig("Qwen/Qwen2.5-Coder-1.5B-Instruct"), hp: Q25_15B,
    params: { total: 1_540_000_000 }, quants: GGUF_QUANTS, ollama: ["qwen2.5-coder:1.5b"], gguf: ["Qwen/Qwen2.5-Coder-1.5B-Instruct-GGUF"],
    capabilities: ["chat", "code"], released: "2024-09-19", checked: "2026-11-24", quality: 3,
  },
  {
    id: "qwen2.5-coder-1.5b", family: "qwen2.5-coder", name: "Qwen2.5-Coder 1.5B (base, FIM)", license: "apache-2.0", kind: "dense", arch: "qwen2",
    hf: "Qwen/Qwen2.5-Coder-1.5B", source: hfConfig("Qwen/Qwen2.5-Coder-1.5B"), hp: Q25_15B,
    params: { total: 1_540_000_000 }, quants: GGUF_QUANTS, ollama: ["qwen2.5-coder:1.5b-base"], capabilities: ["code"], released: "2024-09-19", checked: "2026-11-24", quality: 3,
  },
  {
    id: "qwen2.5-coder-3b-instruct", family: "qwen2.5-coder", name: "Qwen2.5-Coder 3B Instruct", license: "qwen-research", kind: "dense", arch: "qwen2",
    hf: "Qwen/Qwen2.5-Coder-3B-Instruct", source: hfConfig("Qwen/Qwen2.5-Coder-3B-Instruct"), hp: Q25_3B,
    params: { total: 3_090_000_000 }, quants: GGUF_QUANTS, ollama: ["qwen2.5-coder:3b"], gguf: ["Qwen/Qwen2.5-Coder-3B-Instruct-GGUF"],
    capabilities: ["chat", "code"], released: "2024-11-12", checked: "2026-11-24", quality: 4,
  },
  {
    id: "qwen2.5-coder-3b", family: "qwen2.5-coder", name: "Qwen2.5-Coder 3B (base, FIM)", license: "qwen-research", kind: "dense", arch: "qwen2",
    hf: "Qwen/Qwen2.5-Coder-3B", source: hfConfig("Qwen/Qwen2.5-Coder-3B"), hp: Q25_3B,
    params: { total: 3_090_000_000 }, quants: GGUF_QUANTS, ollama: ["qwen2.5-coder:3b-base"], capabilities: ["code"], released: "2024-11-12", checked: "2026-11-24", quality: 4,
  },
  {
    id: "qwen2.5-coder-7b-instruct", family: "qwen2.5-coder", name: "Qwen2.5-Coder 7B Instruct", license: "apache-2.0", kind: "dense", arch: "qwen2",
    hf: "Qwen/Qwen2.5-Coder-7B-Instruct", source: hfConfig("Qwen/Qwen2.5-Coder-7B-Instruct"), hp: Q25_7B,
    params: { total: 7_610_000_000 }, quants: GGUF_QUANTS, ollama: ["qwen2.5-coder:7b", "qwen2.5-coder"],
    gguf: ["Qwen/Qwen2.5-Coder-7B-Instruct-GGUF", "bartowski/Qwen2.5-Coder-7B-Instruct-GGUF"], lmstudio: ["qwen2.5-coder-7b-instruct"],
    capabilities: ["chat", "code", "tools"], released: "2024-09-19", checked: "2026-11-24", quality: 5,
  },
  {
    id: "qwen2.5-coder-7b", family: "qwen2.5-coder", name: "Qwen2.5-Coder 7B (base, FIM)", license: "apache-2.0", kind: "dense", arch: "qwen2",
    hf: "Qwen/Qwen2.5-Coder-7B", source: hfConfig("Qwen/Qwen2.5-Coder-7B"), hp: Q25_7B,
    params: { total: 7_610_000_000 }, quants: GGUF_QUANTS, ollama: ["qwen2.5-coder:7b-base"], capabilities: ["code"], released: "2024-09-19", checked: "2026-11-24", quality: 5,
  },
  {
    id: "qwen2.5-coder-14b-instruct", family: "qwen2.5-coder", name: "Qwen2.5-Coder 14B Instruct", license: "apache-2.0", kind: "dense", arch: "qwen2",
    hf: "Qwen/Qwen2.5-Coder-14B-Instruct", source: hfConfig("Qwen/Qwen2.5-Coder-14B-Instruct"), hp: Q25_14B,
    params: { total: 14_700_000_000 }, quants: GGUF_QUANTS, ollama: ["qwen2.5-coder:14b"],
    gguf: ["Qwen/Qwen2.5-Coder-14B-Instruct-GGUF", "bartowski/Qwen2.5-Coder-14B-Instruct-GGUF"], lmstudio: ["qwen2.5-coder-14b-instruct"],
    capabilities: ["chat", "code", "tools"], released: "2024-11-12", checked: "2026-11-24", quality: 6,
  },
  {
    id: "qwen2.5-coder-14b", family: "qwen2.5-coder", name: "Qwen2.5-Coder 14B (base, FIM)", license: "apache-2.0", kind: "dense", arch: "qwen2",
    hf: "Qwen/Qwen2.5-Coder-14B", source: hfConfig("Qwen/Qwen2.5-Coder-14B"), hp: Q25_14B,
    params: { total: 14_700_000_000 }, quants: GGUF_QUANTS, ollama: ["qwen2.5-coder:14b-base"], capabilities: ["code"], released: "2024-11-12", checked: "2026-11-24", quality: 6,
  },
  {
    id: "qwen2.5-coder-32b-instruct", family: "qwen2.5-coder", name: "Qwen2.5-Coder 32B Instruct", license: "apache-2.0", kind: "dense", arch: "qwen2",
    hf: "Qwen/Qwen2.5-Coder-32B-Instruct", source: hfConfig("Qwen/Qwen2.5-Coder-32B-Instruct"), hp: Q25_32B,
    params: { total: 32_500_000_000 }, quants: GGUF_QUANTS, ollama: ["qwen2.5-coder:32b"],
    gguf: ["Qwen/Qwen2.5-Coder-32B-Instruct-GGUF", "bartowski/Qwen2.5-Coder-32B-Instruct-GGUF"], lmstudio: ["qwen2.5-coder-32b-instruct"],
    capabilities: ["chat", "code", "tools"], released: "2024-11-12", checked: "2026-11-24", quality: 7,
  },
  {
    id: "qwen2.5-coder-32b", family: "qwen2.5-coder", name: "Qwen2.5-Coder 32B (base, FIM)", license: "apache-2.0", kind: "dense", arch: "qwen2",
    hf: "Qwen/Qwen2.5-Coder-32B", source: hfConfig("Qwen/Qwen2.5-Coder-32B"), hp: Q25_32B,
    params: { total: 32_500_000_000 }, quants: GGUF_QUANTS, ollama: ["qwen2.5-coder:32b-base"], capabilities: ["code"], released: "2024-11-12", checked: "2026-11-24", quality: 7,
  },
  // QwQ and Qwen2
  {
    id: "qwq-32b", family: "qwq", name: "QwQ 32B", license: "apache-2.0", kind: "dense", arch: "qwen2",
    hf: "Qwen/QwQ-32B", source: hfConfig("Qwen/QwQ-32B"), hp: { ...Q25_32B, ctx: 40960 },
    params: { total: 32_500_000_000 }, quants: GGUF_QUANTS, ollama: ["qwq:32b", "qwq"],
    gguf: ["Qwen/QwQ-32B-GGUF", "bartowski/Qwen_QwQ-32B-GGUF"], lmstudio: ["qwen/qwq-32b"],
    capabilities: ["chat", "reasoning", "tools"], released: "2025-03-05", checked: "2026-11-24", quality: 7,
  },
  {
    id: "qwen2-0.5b-instruct", family: "qwen2", name: "Qwen2 0.5B Instruct", license: "apache-2.0", kind: "dense", arch: "qwen2",
    hf: "Qwen/Qwen2-0.5B-Instruct", source: hfConfig("Qwen/Qwen2-0.5B-Instruct"), hp: Q25_05B,
    params: { total: 490_000_000 }, quants: GGUF_QUANTS, ollama: ["qwen2:0.5b"], gguf: ["Qwen/Qwen2-0.5B-Instruct-GGUF"],
    capabilities: ["chat"], released: "2024-06-07", checked: "2026-11-24", quality: 2,
  },
  {
    id: "qwen2-1.5b-instruct", family: "qwen2", name: "Qwen2 1.5B Instruct", license: "apache-2.0", kind: "dense", arch: "qwen2",
    hf: "Qwen/Qwen2-1.5B-Instruct", source: hfConfig("Qwen/Qwen2-1.5B-Instruct"), hp: Q25_15B,
    params: { total: 1_540_000_000 }, quants: GGUF_QUANTS, ollama: ["qwen2:1.5b"], gguf: ["Qwen/Qwen2-1.5B-Instruct-GGUF"],
    capabilities: ["chat"], released: "2024-06-07", checked: "2026-11-24", quality: 2,
  },
  {
    id: "qwen2-7b-instruct", family: "qwen2", name: "Qwen2 7B Instruct", license: "apache-2.0", kind: "dense", arch: "qwen2",
    hf: "Qwen/Qwen2-7B-Instruct", source: hfConfig("Qwen/Qwen2-7B-Instruct"), hp: Q25_7B,
    params: { total: 7_610_000_000 }, quants: GGUF_QUANTS, ollama: ["qwen2:7b", "qwen2"], gguf: ["Qwen/Qwen2-7B-Instruct-GGUF"],
    capabilities: ["chat", "tools"], released: "2024-06-07", checked: "2026-11-24", quality: 4,
  },
  {
    id: "qwen2-72b-instruct", family: "qwen2", name: "Qwen2 72B Instruct", license: "qwen", kind: "dense", arch: "qwen2",
    hf: "Qwen/Qwen2-72B-Instruct", source: hfConfig("Qwen/Qwen2-72B-Instruct"), hp: Q25_72B,
    params: { total: 72_700_000_000 }, quants: BIG_QUANTS, ollama: ["qwen2:72b"], gguf: ["Qwen/Qwen2-72B-Instruct-GGUF"],
    capabilities: ["chat", "tools"], released: "2024-06-07", checked: "2026-11-24", quality: 6,
  },
  // Qwen3 dense (hybrid thinking); -Base are the pre-trained checkpoints (32,768 context).
  {
    id: "qwen3-0.6b", family: "qwen3", name: "Qwen3 0.6B", license: "apache-2.0", kind: "dense", arch: "qwen3",
    hf: "Qwen/Qwen3-0.6B", source: hfConfig("Qwen/Qwen3-0.6B"), hp: Q3_06B,
    params: { total: 600_000_000 }, quants: GGUF_QUANTS, ollama: ["qwen3:0.6b"],
    gguf: ["Qwen/Qwen3-0.6B-GGUF", "unsloth/Qwen3-0.6B-GGUF", "bartowski/Qwen_Qwen3-0.6B-GGUF"], lmstudio: ["qwen/qwen3-0.6b"],
    capabilities: ["chat", "tools", "reasoning"], released: "2025-04-29", checked: "2026-11-24", quality: 3,
  },
  {
    id: "qwen3-1.7b", family: "qwen3", name: "Qwen3 1.7B", license: "apache-2.0", kind: "dense", arch: "qwen3",
    hf: "Qwen/Qwen3-1.7B", source: hfConfig("Qwen/Qwen3-1.7B"), hp: Q3_17B,
    params: { total: 1_700_000_000 }, quants: GGUF_QUANTS, ollama: ["qwen3:1.7b"],
    gguf: ["Qwen/Qwen3-1.7B-GGUF", "unsloth/Qwen3-1.7B-GGUF"], lmstudio: ["qwen/qwen3-1.7b"],
    capabilities: ["chat", "tools", "reasoning"], released: "2025-04-29", checked: "2026-11-24", quality: 4,
  },
  {
    id: "qwen3-4b", family: "qwen3", name: "Qwen3 4B", license: "apache-2.0", kind: "dense", arch: "qwen3",
    hf: "Qwen/Qwen3-4B", source: hfConfig("Qwen/Qwen3-4B"), hp: Q3_4B,
    params: { total: 4_000_000_000 }, quants: GGUF_QUANTS, ollama: ["qwen3:4b"],
    gguf: ["Qwen/Qwen3-4B-GGUF", "unsloth/Qwen3-4B-GGUF"], lmstudio: ["qwen/qwen3-4b"],
    capabilities: ["chat", "tools", "reasoning"], released: "2025-04-29", checked: "2026-11-24", quality: 5,
  },
  {
    id: "qwen3-8b", family: "qwen3", name: "Qwen3 8B", license: "apache-2.0", kind: "dense", arch: "qwen3",
    hf: "Qwen/Qwen3-8B", source: hfConfig("Qwen/Qwen3-8B"), hp: Q3_8B,
    params: { total: 8_200_000_000 }, quants: GGUF_QUANTS, ollama: ["qwen3:8b", "qwen3"],
    gguf: ["Qwen/Qwen3-8B-GGUF", "unsloth/Qwen3-8B-GGUF", "bartowski/Qwen_Qwen3-8B-GGUF"], lmstudio: ["qwen/qwen3-8b"],
    capabilities: ["chat", "tools", "reasoning"], released: "2025-04-29", checked: "2026-11-24", quality: 6,
  },
  {
    id: "qwen3-14b", family: "qwen3", name: "Qwen3 14B", license: "apache-2.0", kind: "dense", arch: "qwen3",
    hf: "Qwen/Qwen3-14B", source: hfConfig("Qwen/Qwen3-14B"), hp: Q3_14B,
    params: { total: 14_800_000_000 }, quants: GGUF_QUANTS, ollama: ["qwen3:14b"],
    gguf: ["Qwen/Qwen3-14B-GGUF", "unsloth/Qwen3-14B-GGUF"], lmstudio: ["qwen/qwen3-14b"],
    capabilities: ["chat", "tools", "reasoning"], released: "2025-04-29", checked: "2026-11-24", quality: 7,
  },
  {
    id: "qwen3-32b", family: "qwen3", name: "Qwen3 32B", license: "apache-2.0", kind: "dense", arch: "qwen3",
    hf: "Qwen/Qwen3-32B", source: hfConfig("Qwen/Qwen3-32B"), hp: Q3_32B,
    params: { total: 32_800_000_000 }, quants: GGUF_QUANTS, ollama: ["qwen3:32b"],
    gguf: ["Qwen/Qwen3-32B-GGUF", "unsloth/Qwen3-32B-GGUF"], lmstudio: ["qwen/qwen3-32b"],
    capabilities: ["chat", "tools", "reasoning"], released: "2025-04-29", checked: "2026-11-24", quality: 8,
  },
  {
    id: "qwen3-0.6b-base", family: "qwen3", name: "Qwen3 0.6B Base", license: "apache-2.0", kind: "dense", arch: "qwen3",
    hf: "Qwen/Qwen3-0.6B-Base", source: hfConfig("Qwen/Qwen3-0.6B-Base"), hp: { ...Q3_06B, ctx: 32768 },
    params: { total: 600_000_000 }, quants: GGUF_QUANTS, capabilities: ["chat"], released: "2025-04-29", checked: "2026-11-24", quality: 2,
  },
  {
    id: "qwen3-1.7b-base", family: "qwen3", name: "Qwen3 1.7B Base", license: "apache-2.0", kind: "dense", arch: "qwen3",
    hf: "Qwen/Qwen3-1.7B-Base", source: hfConfig("Qwen/Qwen3-1.7B-Base"), hp: { ...Q3_17B, ctx: 32768 },
    params: { total: 1_700_000_000 }, quants: GGUF_QUANTS, capabilities: ["chat"], released: "2025-04-29", checked: "2026-11-24", quality: 3,
  },
  {
    id: "qwen3-4b-base", family: "qwen3", name: "Qwen3 4B Base", license: "apache-2.0", kind: "dense", arch: "qwen3",
    hf: "Qwen/Qwen3-4B-Base", source: hfConfig("Qwen/Qwen3-4B-Base"), hp: { ...Q3_4B, ctx: 32768 },
    params: { total: 4_000_000_000 }, quants: GGUF_QUANTS, capabilities: ["chat"], released: "2025-04-29", checked: "2026-11-24", quality: 4,
  },
  {
    id: "qwen3-8b-base", family: "qwen3", name: "Qwen3 8B Base", license: "apache-2.0", kind: "dense", arch: "qwen3",
    hf: "Qwen/Qwen3-8B-Base", source: hfConfig("Qwen/Qwen3-8B-Base"), hp: { ...Q3_8B, ctx: 32768 },
    params: { total: 8_200_000_000 }, quants: GGUF_QUANTS, capabilities: ["chat"], released: "2025-04-29", checked: "2026-11-24", quality: 5,
  },
  {
    id: "qwen3-14b-base", family: "qwen3", name: "Qwen3 14B Base", license: "apache-2.0", kind: "dense", arch: "qwen3",
    hf: "Qwen/Qwen3-14B-Base", source: hfConfig("Qwen/Qwen3-14B-Base"), hp: { ...Q3_14B, ctx: 32768 },
    params: { total: 14_800_000_000 }, quants: GGUF_QUANTS, capabilities: ["chat"], released: "2025-04-29", checked: "2026-11-24", quality: 6,
  },
  {
    id: "qwen3-4b-instruct-2507", family: "qwen3", name: "Qwen3 4B Instruct 2507", license: "apache-2.0", kind: "dense", arch: "qwen3",
    hf: "Qwen/Qwen3-4B-Instruct-2507", source: hfConfig("Qwen/Qwen3-4B-Instruct-2507"), hp: { ...Q3_4B, ctx: 262144, rope: { theta: 5000000 } },
    params: { total: 4_000_000_000 }, quants: GGUF_QUANTS, ollama: ["qwen3:4b-instruct"],
    gguf: ["unsloth/Qwen3-4B-Instruct-2507-GGUF"], capabilities: ["chat", "tools"], released: "2025-08-06", checked: "2026-11-24", quality: 5,
  },
  {
    id: "qwen3-4b-thinking-2507", family: "qwen3", name: "Qwen3 4B Thinking 2507", license: "apache-2.0", kind: "dense", arch: "qwen3",
    hf: "Qwen/Qwen3-4B-Thinking-2507", source: hfConfig("Qwen/Qwen3-4B-Thinking-2507"), hp: { ...Q3_4B, ctx: 262144, rope: { theta: 5000000 } },
    params: { total: 4_000_000_000 }, quants: GGUF_QUANTS, ollama: ["qwen3:4b-thinking"],
    gguf: ["unsloth/Qwen3-4B-Thinking-2507-GGUF"], capabilities: ["chat", "tools", "reasoning"], released: "2025-08-06", checked: "2026-11-24", quality: 5,
  },
  // Qwen3 MoE
  {
    id: "qwen3-30b-a3b", family: "qwen3", name: "Qwen3 30B-A3B", license: "apache-2.0", kind: "moe", arch: "qwen3moe",
    hf: "Qwen/Qwen3-30B-A3B", source: hfConfig("Qwen/Qwen3-30B-A3B"), hp: Q3_30B_A3B,
    params: { total: 30_500_000_000, active: 3_300_000_000 }, quants: GGUF_QUANTS, ollama: ["qwen3:30b-a3b", "qwen3:30b"],
    gguf: ["Qwen/Qwen3-30B-A3B-GGUF", "unsloth/Qwen3-30B-A3B-GGUF", "bartowski/Qwen_Qwen3-30B-A3B-GGUF"], lmstudio: ["qwen/qwen3-30b-a3b"],
    capabilities: ["chat", "tools", "reasoning"], released: "2025-04-29", checked: "2026-11-24", quality: 7,
  },
  {
    id: "qwen3-30b-a3b-base", family: "qwen3", name: "Qwen3 30B-A3B Base", license: "apache-2.0", kind: "moe", arch: "qwen3moe",
    hf: "Qwen/Qwen3-30B-A3B-Base", source: hfConfig("Qwen/Qwen3-30B-A3B-Base"), hp: { ...Q3_30B_A3B, ctx: 32768 },
    params: { total: 30_500_000_000, active: 3_300_000_000 }, quants: GGUF_QUANTS, capabilities: ["chat"], released: "2025-04-29", checked: "2026-11-24", quality: 6,
  },
  {
    id: "qwen3-30b-a3b-instruct-2507", family: "qwen3", name: "Qwen3 30B-A3B Instruct 2507", license: "apache-2.0", kind: "moe", arch: "qwen3moe",
    hf: "Qwen/Qwen3-30B-A3B-Instruct-2507", source: hfConfig("Qwen/Qwen3-30B-A3B-Instruct-2507"),
    hp: { ...Q3_30B_A3B, ctx: 262144, rope: { theta: 10000000 } },
    params: { total: 30_500_000_000, active: 3_300_000_000 }, quants: GGUF_QUANTS, ollama: ["qwen3:30b-a3b-instruct-2507-q8_0"],
    gguf: ["unsloth/Qwen3-30B-A3B-Instruct-2507-GGUF", "lmstudio-community/Qwen3-30B-A3B-Instruct-2507-GGUF"], lmstudio: ["qwen/qwen3-30b-a3b-2507"],
    capabilities: ["chat", "tools"], released: "2025-07-29", checked: "2026-11-24", quality: 7,
  },
  {
    id: "qwen3-30b-a3b-thinking-2507", family: "qwen3", name: "Qwen3 30B-A3B Thinking 2507", license: "apache-2.0", kind: "moe", arch: "qwen3moe",
    hf: "Qwen/Qwen3-30B-A3B-Thinking-2507", source: hfConfig("Qwen/Qwen3-30B-A3B-Thinking-2507"),
    hp: { ...Q3_30B_A3B, ctx: 262144, rope: { theta: 10000000 } },
    params: { total: 30_500_000_000, active: 3_300_000_000 }, quants: GGUF_QUANTS, ollama: ["qwen3:30b-a3b-thinking-2507-q8_0"],
    gguf: ["unsloth/Qwen3-30B-A3B-Thinking-2507-GGUF"], capabilities: ["chat", "tools", "reasoning"], released: "2025-07-30", checked: "2026-11-24", quality: 7,
  },
  {
    id: "qwen3-235b-a22b", family: "qwen3", name: "Qwen3 235B-A22B", license: "apache-2.0", kind: "moe", arch: "qwen3moe",
    hf: "Qwen/Qwen3-235B-A22B", source: hfConfig("Qwen/Qwen3-235B-A22B"), hp: Q3_235B_A22B,
    params: { total: 235_000_000_000, active: 22_000_000_000 }, quants: BIG_QUANTS, ollama: ["qwen3:235b-a22b", "qwen3:235b"],
    gguf: ["Qwen/Qwen3-235B-A22B-GGUF", "unsloth/Qwen3-235B-A22B-GGUF"], lmstudio: ["qwen/qwen3-235b-a22b"],
    capabilities: ["chat", "tools", "reasoning"], released: "2025-04-29", checked: "2026-11-24", quality: 9,
  },
  {
    id: "qwen3-235b-a22b-instruct-2507", family: "qwen3", name: "Qwen3 235B-A22B Instruct 2507", license: "apache-2.0", kind: "moe", arch: "qwen3moe",
    hf: "Qwen/Qwen3-235B-A22B-Instruct-2507", source: hfConfig("Qwen/Qwen3-235B-A22B-Instruct-2507"),
    hp: { ...Q3_235B_A22B, ctx: 262144, rope: { theta: 5000000 } },
    params: { total: 235_000_000_000, active: 22_000_000_000 }, quants: BIG_QUANTS, ollama: ["qwen3:235b-a22b-instruct-2507-q8_0"],
    gguf: ["unsloth/Qwen3-235B-A22B-Instruct-2507-GGUF"], capabilities: ["chat", "tools"], released: "2025-07-21", checked: "2026-11-24", quality: 9,
  },
  {
    id: "qwen3-coder-30b-a3b-instruct", family: "qwen3-coder", name: "Qwen3-Coder 30B-A3B Instruct", license: "apache-2.0", kind: "moe", arch: "qwen3moe",
    hf: "Qwen/Qwen3-Coder-30B-A3B-Instruct", source: hfConfig("Qwen/Qwen3-Coder-30B-A3B-Instruct"),
    hp: { ...Q3_30B_A3B, ctx: 262144, rope: { theta: 10000000 } },
    params: { total: 30_500_000_000, active: 3_300_000_000 }, quants: GGUF_QUANTS, ollama: ["qwen3-coder:30b", "qwen3-coder"],
    gguf: ["unsloth/Qwen3-Coder-30B-A3B-Instruct-GGUF", "lmstudio-community/Qwen3-Coder-30B-A3B-Instruct-GGUF"],
    lmstudio: ["qwen/qwen3-coder-30b"], capabilities: ["chat", "code", "tools"], released: "2025-07-31", checked: "2026-11-24", quality: 7,
  },
  {
    id: "qwen3-coder-480b-a35b-instruct", family: "qwen3-coder", name: "Qwen3-Coder 480B-A35B Instruct", license: "apache-2.0", kind: "moe", arch: "qwen3moe",
    hf: "Qwen/Qwen3-Coder-480B-A35B-Instruct", source: hfConfig("Qwen/Qwen3-Coder-480B-A35B-Instruct"),
    hp: {
      layers: 62, hidden: 6144, heads: 96, kvHeads: 8, headDim: 128, ffn: 8192, vocab: 151936, ctx: 262144, tied: false,
      rope: { theta: 10000000 }, moe: { experts: 160, used: 8, expertFfn: 2560 },
    },
    params: { total: 480_000_000_000, active: 35_000_000_000 }, quants: BIG_QUANTS, ollama: ["qwen3-coder:480b"],
    gguf: ["unsloth/Qwen3-Coder-480B-A35B-Instruct-GGUF"], capabilities: ["chat", "code", "tools"], released: "2025-07-22", checked: "2026-11-24", quality: 9,
  },
  {
    id: "qwen3-next-80b-a3b-instruct", family: "qwen3-next", name: "Qwen3-Next 80B-A3B Instruct", license: "apache-2.0", kind: "hybrid", arch: "qwen3next",
    hf: "Qwen/Qwen3-Next-80B-A3B-Instruct", source: hfConfig("Qwen/Qwen3-Next-80B-A3B-Instruct"), hp: QNEXT,
    params: { total: 80_000_000_000, active: 3_000_000_000, rounded: true }, quants: BIG_QUANTS, gguf: ["unsloth/Qwen3-Next-80B-A3B-Instruct-GGUF"],
    capabilities: ["chat", "tools"], released: "2025-09-11", checked: "2026-12-03", quality: 8,
    notes: "36 of 48 layers are gated DeltaNet: a fixed state per sequence instead of a KV cache; only 12 layers' cache grows with the context.",
  },
  {
    id: "qwen3-next-80b-a3b-thinking", family: "qwen3-next", name: "Qwen3-Next 80B-A3B Thinking", license: "apache-2.0", kind: "hybrid", arch: "qwen3next",
    hf: "Qwen/Qwen3-Next-80B-A3B-Thinking", source: hfConfig("Qwen/Qwen3-Next-80B-A3B-Thinking"), hp: QNEXT,
    params: { total: 80_000_000_000, active: 3_000_000_000, rounded: true }, quants: BIG_QUANTS, gguf: ["unsloth/Qwen3-Next-80B-A3B-Thinking-GGUF"],
    capabilities: ["chat", "tools", "reasoning"], released: "2025-09-11", checked: "2026-12-03", quality: 8,
  },
  // Qwen3-VL 2B / 4B (text_config: test/fixtures/configs/Qwen__Qwen3-VL-*B-Instruct.json): the
  // decoders of Qwen3-1.7B / Qwen3-4B with a 256K context and rope_theta 5e6, tied embeddings
  {
    id: "qwen3-vl-2b-instruct", family: "qwen3-vl", name: "Qwen3-VL 2B Instruct", license: "apache-2.0", kind: "dense", arch: "qwen3vl",
    hf: "Qwen/Qwen3-VL-2B-Instruct", source: hfConfig("Qwen/Qwen3-VL-2B-Instruct"), hp: Q3VL_2B,
    params: { total: 2_000_000_000, rounded: true }, paramsNote: Q3VL_SMALL_NOTE,
    quants: GGUF_QUANTS, gguf: ["Qwen/Qwen3-VL-2B-Instruct-GGUF"],
    capabilities: ["chat", "tools", "vision"], released: "2025-10-21", checked: "2026-12-04", quality: 3,
  },
  {
    id: "qwen3-vl-2b-thinking", family: "qwen3-vl", name: "Qwen3-VL 2B Thinking", license: "apache-2.0", kind: "dense", arch: "qwen3vl",
    hf: "Qwen/Qwen3-VL-2B-Thinking", source: hfConfig("Qwen/Qwen3-VL-2B-Thinking"), hp: Q3VL_2B,
    params: { total: 2_000_000_000, rounded: true }, paramsNote: Q3VL_SMALL_NOTE,
    quants: GGUF_QUANTS, gguf: ["Qwen/Qwen3-VL-2B-Thinking-GGUF"],
    capabilities: ["chat", "tools", "vision", "reasoning"], released: "2025-10-21", checked: "2026-12-04", quality: 3,
  },
  {
    id: "qwen3-vl-4b-instruct", family: "qwen3-vl", name: "Qwen3-VL 4B Instruct", license: "apache-2.0", kind: "dense", arch: "qwen3vl",
    hf: "Qwen/Qwen3-VL-4B-Instruct", source: hfConfig("Qwen/Qwen3-VL-4B-Instruct"), hp: Q3VL_4B,
    params: { total: 4_000_000_000, rounded: true }, paramsNote: Q3VL_SMALL_NOTE,
    quants: GGUF_QUANTS, gguf: ["Qwen/Qwen3-VL-4B-Instruct-GGUF"],
    capabilities: ["chat", "tools", "vision"], released: "2025-10-15", checked: "2026-12-04", quality: 5,
  },
  {
    id: "qwen3-vl-4b-thinking", family: "qwen3-vl", name: "Qwen3-VL 4B Thinking", license: "apache-2.0", kind: "dense", arch: "qwen3vl",
    hf: "Qwen/Qwen3-VL-4B-Thinking", source: hfConfig("Qwen/Qwen3-VL-4B-Thinking"), hp: Q3VL_4B,
    params: { total: 4_000_000_000, rounded: true }, paramsNote: Q3VL_SMALL_NOTE,
    quants: GGUF_QUANTS, gguf: ["Qwen/Qwen3-VL-4B-Thinking-GGUF"],
    capabilities: ["chat", "tools", "vision", "reasoning"], released: "2025-10-15", checked: "2026-12-04", quality: 5,
  },
  {
    id: "qwen3-vl-8b-instruct", family: "qwen3-vl", name: "Qwen3-VL 8B Instruct", license: "apache-2.0", kind: "dense", arch: "qwen3vl",
    hf: "Qwen/Qwen3-VL-8B-Instruct", source: hfConfig("Qwen/Qwen3-VL-8B-Instruct"),
    // text_config: Qwen3-8B's decoder (36 layers of 4096, 32 heads, 8 KV heads of 128, FFN 12288) with a 256K context
    hp: { layers: 36, hidden: 4096, heads: 32, kvHeads: 8, headDim: 128, ffn: 12288, vocab: 151936, ctx: 262144, tied: false, rope: { theta: 5000000 } },
    params: { total: 8_770_000_000, text: 8_190_000_000 },
    paramsNote: "8.77B published (LM Studio's model page) includes the vision encoder and its DeepStack mergers (llama.cpp's mmproj file); the decoder alone is Qwen3-8B's 8.19B.",
    quants: GGUF_QUANTS, gguf: ["Qwen/Qwen3-VL-8B-Instruct-GGUF"], lmstudio: ["qwen/qwen3-vl-8b"],
    capabilities: ["chat", "tools", "vision"], released: "2025-10-15", checked: "2026-12-03", quality: 6,
  },
  {
    id: "qwen3-vl-32b-instruct", family: "qwen3-vl", name: "Qwen3-VL 32B Instruct", license: "apache-2.0", kind: "dense", arch: "qwen3vl",
    hf: "Qwen/Qwen3-VL-32B-Instruct", source: hfConfig("Qwen/Qwen3-VL-32B-Instruct"), hp: Q3VL_32B,
    params: { total: 32_000_000_000, rounded: true, text: 32_800_000_000 }, paramsNote: Q3VL_BIG_NOTE,
    quants: GGUF_QUANTS, gguf: ["Qwen/Qwen3-VL-32B-Instruct-GGUF"],
    capabilities: ["chat", "tools", "vision"], released: "2025-10-21", checked: "2026-12-04", quality: 7,
  },
  {
    id: "qwen3-vl-32b-thinking", family: "qwen3-vl", name: "Qwen3-VL 32B Thinking", license: "apache-2.0", kind: "dense", arch: "qwen3vl",
    hf: "Qwen/Qwen3-VL-32B-Thinking", source: hfConfig("Qwen/Qwen3-VL-32B-Thinking"), hp: Q3VL_32B,
    params: { total: 32_000_000_000, rounded: true, text: 32_800_000_000 }, paramsNote: Q3VL_BIG_NOTE,
    quants: GGUF_QUANTS,
    capabilities: ["chat", "tools", "vision", "reasoning"], released: "2025-10-21", checked: "2026-12-04", quality: 7,
  },
  {
    id: "qwen3-vl-30b-a3b-instruct", family: "qwen3-vl", name: "Qwen3-VL 30B-A3B Instruct", license: "apache-2.0", kind: "moe", arch: "qwen3vlmoe",
    hf: "Qwen/Qwen3-VL-30B-A3B-Instruct", source: hfConfig("Qwen/Qwen3-VL-30B-A3B-Instruct"), hp: Q3VL_30B_A3B,
    params: { total: 31_070_000_000, active: 3_300_000_000, text: 30_500_000_000 }, paramsNote: Q3VL_BIG_NOTE,
    quants: GGUF_QUANTS,
    capabilities: ["chat", "tools", "vision"], released: "2025-10-04", checked: "2026-12-04", quality: 6,
  },
  {
    id: "qwen3-vl-30b-a3b-thinking", family: "qwen3-vl", name: "Qwen3-VL 30B-A3B Thinking", license: "apache-2.0", kind: "moe", arch: "qwen3vlmoe",
    hf: "Qwen/Qwen3-VL-30B-A3B-Thinking", source: hfConfig("Qwen/Qwen3-VL-30B-A3B-Thinking"), hp: Q3VL_30B_A3B,
    params: { total: 31_070_000_000, active: 3_300_000_000, text: 30_500_000_000 }, paramsNote: Q3VL_BIG_NOTE,
    quants: GGUF_QUANTS,
    capabilities: ["chat", "tools", "vision", "reasoning"], released: "2025-10-04", checked: "2026-12-04", quality: 6,
  },
  {
    id: "qwen3-vl-235b-a22b-instruct", family: "qwen3-vl", name: "Qwen3-VL 235B-A22B Instruct", license: "apache-2.0", kind: "moe", arch: "qwen3vlmoe",
    hf: "Qwen/Qwen3-VL-235B-A22B-Instruct", source: hfConfig("Qwen/Qwen3-VL-235B-A22B-Instruct"), hp: Q3VL_235B_A22B,
    params: { total: 235_000_000_000, active: 22_000_000_000, rounded: true }, paramsNote: Q3VL_BIG_NOTE,
    quants: BIG_QUANTS,
    capabilities: ["chat", "tools", "vision"], released: "2025-09-23", checked: "2026-12-04", quality: 8,
  },
  {
    id: "qwen3-vl-235b-a22b-thinking", family: "qwen3-vl", name: "Qwen3-VL 235B-A22B Thinking", license: "apache-2.0", kind: "moe", arch: "qwen3vlmoe",
    hf: "Qwen/Qwen3-VL-235B-A22B-Thinking", source: hfConfig("Qwen/Qwen3-VL-235B-A22B-Thinking"), hp: Q3VL_235B_A22B,
    params: { total: 235_000_000_000, active: 22_000_000_000, rounded: true }, paramsNote: Q3VL_BIG_NOTE,
    quants: BIG_QUANTS,
    capabilities: ["chat", "tools", "vision", "reasoning"], released: "2025-09-23", checked: "2026-12-04", quality: 8,
  },
  {
    id: "qwen3.5-35b-a3b", family: "qwen3.5", name: "Qwen3.5 35B-A3B", license: "apache-2.0", kind: "hybrid", arch: "qwen35moe",
    hf: "Qwen/Qwen3.5-35B-A3B", source: hfConfig("Qwen/Qwen3.5-35B-A3B"), hp: Q35_35B_A3B,
    params: { total: 35_000_000_000, active: 3_000_000_000, rounded: true }, paramsNote: Q35_NOTE,
    quants: GGUF_QUANTS, capabilities: ["chat", "tools", "vision", "reasoning"], released: "2026-02", checked: "2026-12-04", quality: 7,
  },
  {
    id: "qwen3.6-35b-a3b", family: "qwen3.5", name: "Qwen3.6 35B-A3B", license: "apache-2.0", kind: "hybrid", arch: "qwen35moe",
    hf: "Qwen/Qwen3.6-35B-A3B", source: hfConfig("Qwen/Qwen3.6-35B-A3B"), hp: Q35_35B_A3B,
    params: { total: 35_000_000_000, active: 3_000_000_000, rounded: true }, paramsNote: Q35_NOTE,
    quants: GGUF_QUANTS, capabilities: ["chat", "tools", "vision", "reasoning"], released: "2026-04", checked: "2026-12-04", quality: 7,
  },
  {
    id: "qwen3.5-27b", family: "qwen3.5", name: "Qwen3.5 27B", license: "apache-2.0", kind: "hybrid", arch: "qwen35",
    hf: "Qwen/Qwen3.5-27B", source: hfConfig("Qwen/Qwen3.5-27B"), hp: Q35_27B,
    params: { total: 27_000_000_000, rounded: true }, paramsNote: Q35_NOTE,
    quants: GGUF_QUANTS, capabilities: ["chat", "tools", "vision", "reasoning"], released: "2026-02", checked: "2026-12-04", quality: 7,
  },
  {
    id: "qwen3.5-122b-a10b", family: "qwen3.5", name: "Qwen3.5 122B-A10B", license: "apache-2.0", kind: "hybrid", arch: "qwen35moe",
    hf: "Qwen/Qwen3.5-122B-A10B", source: hfConfig("Qwen/Qwen3.5-122B-A10B"), hp: Q35_122B_A10B,
    params: { total: 122_000_000_000, active: 10_000_000_000, rounded: true }, paramsNote: Q35_NOTE,
    quants: BIG_QUANTS, capabilities: ["chat", "tools", "vision", "reasoning"], released: "2026-02", checked: "2026-12-04", quality: 8,
  },
  {
    id: "qwen3.5-397b-a17b", family: "qwen3.5", name: "Qwen3.5 397B-A17B", license: "apache-2.0", kind: "hybrid", arch: "qwen35moe",
    hf: "Qwen/Qwen3.5-397B-A17B", source: hfConfig("Qwen/Qwen3.5-397B-A17B"), hp: Q35_397B_A17B,
    params: { total: 397_000_000_000, active: 17_000_000_000, rounded: true }, paramsNote: Q35_NOTE,
    quants: BIG_QUANTS, capabilities: ["chat", "tools", "vision", "reasoning"], released: "2026-02-16", checked: "2026-12-04", quality: 9,
  },
  {
    id: "qwen3.5-0.8b", family: "qwen3.5", name: "Qwen3.5 0.8B", license: "apache-2.0", kind: "hybrid", arch: "qwen35",
    hf: "Qwen/Qwen3.5-0.8B", source: hfConfig("Qwen/Qwen3.5-0.8B"), hp: Q35_0_8B,
    params: { total: 800_000_000, rounded: true, text: 752_393_024 }, paramsNote: Q35_NOTE,
    quants: GGUF_QUANTS, capabilities: ["chat", "tools", "vision"], released: "2026-03", checked: "2026-12-04", quality: 3,
  },
  {
    id: "qwen3.5-9b", family: "qwen3.5", name: "Qwen3.5 9B", license: "apache-2.0", kind: "hybrid", arch: "qwen35",
    hf: "Qwen/Qwen3.5-9B", source: hfConfig("Qwen/Qwen3.5-9B"), hp: Q35_9B,
    params: { total: 9_000_000_000, rounded: true, text: 8_950_000_000 }, paramsNote: Q35_NOTE,
    quants: GGUF_QUANTS, ollama: ["qwen3.5:9b"], gguf: ["unsloth/Qwen3.5-9B-GGUF"], capabilities: ["chat", "tools", "vision", "reasoning"], released: "2026-03", checked: "2026-12-06", quality: 6,
  },
  {
    id: "qwen3.5-4b", family: "qwen3.5", name: "Qwen3.5 4B", license: "apache-2.0", kind: "hybrid", arch: "qwen35",
    hf: "Qwen/Qwen3.5-4B", source: hfConfig("Qwen/Qwen3.5-4B"), hp: Q35_4B,
    params: { total: 4_000_000_000, rounded: true }, paramsNote: Q35_NOTE,
    quants: GGUF_QUANTS, gguf: ["unsloth/Qwen3.5-4B-GGUF"], capabilities: ["chat", "tools", "vision", "reasoning"], released: "2026-03", checked: "2026-12-06", quality: 5,
  },
  {
    id: "qwen3.5-2b", family: "qwen3.5", name: "Qwen3.5 2B", license: "apache-2.0", kind: "hybrid", arch: "qwen35",
    hf: "Qwen/Qwen3.5-2B", source: hfConfig("Qwen/Qwen3.5-2B"), hp: Q35_2B,
    params: { total: 2_000_000_000, rounded: true }, paramsNote: Q35_NOTE,
    quants: GGUF_QUANTS, gguf: ["unsloth/Qwen3.5-2B-GGUF"], capabilities: ["chat", "tools", "vision"], released: "2026-03", checked: "2026-12-06", quality: 4,
  },
] satisfies Entries;
