// Google's Gemma, Gemma 2, Gemma 3, Gemma 3n, Gemma 4 and CodeGemma. Sliding-window layouts from config.json
// (`sliding_window`, `sliding_window_pattern` / `layer_types`); counts from the model cards and the
// Gemma 2 and Gemma 3 technical reports (arXiv:2408.00118 table 1, arXiv:2503.19786 table 1).
import { BIG_QUANTS, GGUF_QUANTS, hfConfig } from "./util.js";
import type { Entries, HyperparamsInput } from "./util.js";

const G1_2B = { layers: 18, hidden: 2048, heads: 8, kvHeads: 1, headDim: 256, ffn: 16384, vocab: 256000, ctx: 8192, tied: true, rope: { theta: 10000 } } satisfies HyperparamsInput;
const G1_7B = { layers: 28, hidden: 3072, heads: 16, kvHeads: 16, headDim: 256, ffn: 24576, vocab: 256000, ctx: 8192, tied: true, rope: { theta: 10000 } } satisfies HyperparamsInput;
const G2_SWA = { window: 4096, pattern: { globalEvery: 2 } } as const;
const G2_2B = { layers: 26, hidden: 2304, heads: 8, kvHeads: 4, headDim: 256, ffn: 9216, vocab: 256000, ctx: 8192, tied: true, rope: { theta: 10000 }, swa: G2_SWA } satisfies HyperparamsInput;
const G2_9B = { layers: 42, hidden: 3584, heads: 16, kvHeads: 8, headDim: 256, ffn: 14336, vocab: 256000, ctx: 8192, tied: true, rope: { theta: 10000 }, swa: G2_SWA } satisfies HyperparamsInput;
const G2_27B = { layers: 46, hidden: 4608, heads: 32, kvHeads: 16, headDim: 128, ffn: 36864, vocab: 256000, ctx: 8192, tied: true, rope: { theta: 10000 }, swa: G2_SWA } satisfies HyperparamsInput;
const G3_ROPE = { theta: 1000000, scaling: { type: "linear", factor: 8 } } as const;
const G3_270M = { layers: 18, hidden: 640, heads: 4, kvHeads: 1, headDim: 256, ffn: 2048, vocab: 262144, ctx: 32768, tied: true, rope: { theta: 1000000 }, swa: { window: 512, pattern: { globalEvery: 6 } } } satisfies HyperparamsInput;
const G3_1B = { layers: 26, hidden: 1152, heads: 4, kvHeads: 1, headDim: 256, ffn: 6912, vocab: 262144, ctx: 32768, tied: true, rope: { theta: 1000000 }, swa: { window: 512, pattern: { globalEvery: 6 } } } satisfies HyperparamsInput;
const G3_SWA = { window: 1024, pattern: { globalEvery: 6 } } as const;
const G3_4B = { layers: 34, hidden: 2560, heads: 8, kvHeads: 4, headDim: 256, ffn: 10240, vocab: 262208, ctx: 131072, tied: true, rope: G3_ROPE, swa: G3_SWA } satisfies HyperparamsInput;
const G3_12B = { layers: 48, hidden: 3840, heads: 16, kvHeads: 8, headDim: 256, ffn: 15360, vocab: 262208, ctx: 131072, tied: true, rope: G3_ROPE, swa: G3_SWA } satisfies HyperparamsInput;
const G3_27B = { layers: 62, hidden: 5376, heads: 32, kvHeads: 16, headDim: 128, ffn: 21504, vocab: 262208, ctx: 131072, tied: true, rope: G3_ROPE, swa: G3_SWA } satisfies HyperparamsInput;
const G3_VISION = "Published total includes the 417M SigLIP vision encoder; the text model is embedding + non-embedding from the Gemma 3 technical report, table 1.";
// Gemma 3n text_config values. Google's config.json files were not among the stored references; the
// numbers are transformers' Gemma3nTextConfig defaults (configuration_gemma3n.py, documented as the
// google/gemma-3n-E4B checkpoint's) and the E2B variant of its convert_gemma3n_weights.py
// (intermediate_size 2048*4, num_hidden_layers 30, num_kv_shared_layers 10): hidden_size 2048,
// 8 heads, 2 KV heads, head_dim 256, vocab_size 262400 (vocab_size_per_layer_input 262144, padded to
// 262400 by llama.cpp's converter, conversion/gemma.py Gemma3NModel), hidden_size_per_layer_input 256,
// altup_num_inputs 4, laurel_rank 64, sliding_window 512 with layer_types "full_attention" when
// (i + 1) % 5 == 0, rope theta 1e6 global / 1e4 local, max_position_embeddings 32768, tied embeddings.
const G3N_ALTUP = { inputs: 4, laurelRank: 64, perLayerInput: 256 } as const;
const G3N_NOTE =
  "Google's total (5.44B / 7.85B, the safetensors count) includes the MobileNet-v5 vision and USM audio encoders; " +
  "the E-number is the 'effective' count, the text model without its token embedding and per-layer " +
  "embeddings (ai.google.dev/gemma/docs/gemma-3n#parameters: E2B runs with 1.91B). The check compares " +
  "against the text model as llama.cpp loads it (GGUF, per-layer embeddings included, 262400-row tables): " +
  "LM Studio's label for google/gemma-3n-e2b / -e4b (lmstudio.ai/models/google/gemma-3n-e2b: 4.5B, " +
  "lmstudio.ai/models/google/gemma-3n-e4b: 6.9B), a rounded figure.";

// Gemma 4 text_config values: the variants of transformers' conversion script
// (https://github.com/huggingface/transformers/blob/main/src/transformers/models/gemma4/convert_gemma4_weights.py,
// _VARIANTS: hidden_size, hidden_size_per_layer_input, intermediate_size, num_hidden_layers, layer_types,
// num_attention_heads, num_key_value_heads, num_global_key_value_heads, attention_k_eq_v,
// num_kv_shared_layers, use_double_wide_mlp, MoE sizes, sliding_window, max_position_embeddings) over the
// Gemma4TextConfig defaults it leaves alone
// (https://github.com/huggingface/transformers/blob/main/src/transformers/models/gemma4/configuration_gemma4.py:
// vocab_size 262144, head_dim 256, global_head_dim 512, sliding_window 512, max_position_embeddings
// 131072, tied embeddings; rope_parameters full_attention theta 1e6 "proportional" with
// partial_rotary_factor 0.25, sliding_attention theta 1e4). The 31B values agree with its
// config.json (test/fixtures/configs/google__gemma-4-31B-it.json). Layer types: E2B 4 sliding : 1
// full (globalEvery 5), the others 5 : 1 (globalEvery 6); the last layer is always full.
const G4_E2B_FFN = 4 * 1536;
const G4_E2B = {
  layers: 35, hidden: 1536, heads: 8, kvHeads: 1, headDim: 256, globalHeadDim: 512, ffn: G4_E2B_FFN, vocab: 262144, ctx: 131072, tied: true,
  rope: { theta: 1000000 }, swa: { window: 512, pattern: { globalEvery: 5 } }, kvSharedLayers: 20, perLayerInput: 256,
  // use_double_wide_mlp: the 20 KV-shared layers have a double-width FFN (convert_hf_to_gguf.py Gemma4Model)
  ffnPerLayer: Array.from({ length: 35 }, (_, i) => (i < 15 ? G4_E2B_FFN : 2 * G4_E2B_FFN)),
} satisfies HyperparamsInput;
const G4_E4B = {
  layers: 42, hidden: 2560, heads: 8, kvHeads: 2, headDim: 256, globalHeadDim: 512, ffn: 4 * 2560, vocab: 262144, ctx: 131072, tied: true,
  rope: { theta: 1000000 }, swa: { window: 512, pattern: { globalEvery: 6 } }, kvSharedLayers: 18, perLayerInput: 256,
} satisfies HyperparamsInput;
const G4_31B = {
  layers: 60, hidden: 5376, heads: 32, kvHeads: 16, headDim: 256, globalHeadDim: 512, ffn: 4 * 5376, vocab: 262144, ctx: 262144, tied: true,
  rope: { theta: 1000000 }, swa: { window: 1024, pattern: { globalEvery: 6 } }, kEqV: { globalKvHeads: 4 },
} satisfies HyperparamsInput;
const G4_26B_A4B = {
  layers: 30, hidden: 2816, heads: 16, kvHeads: 8, headDim: 256, globalHeadDim: 512, ffn: 2112, vocab: 262144, ctx: 262144, tied: true,
  rope: { theta: 1000000 }, swa: { window: 1024, pattern: { globalEvery: 6 } }, kEqV: { globalKvHeads: 2 },
  // every layer has the routed experts and, beside them, a dense FFN of intermediate_size
  moe: { experts: 128, used: 8, expertFfn: 704 }, ffnPerLayer: Array.from({ length: 30 }, () => 2112),
} satisfies HyperparamsInput;
// Gemma 4 12B: the encoder-free "unified" member (Gemma4UnifiedForConditionalGeneration); its text_config
// (gemma4_unified_text) as transformers 5.10 prints the checkpoint's config (saved as
// test/fixtures/configs/google__gemma-4-12B-it.json): 48 layers of 3840, FFN 15360, 16 heads, 8 KV heads of
// 256 on the sliding layers (window 1024), 1 KV head of 512 with K = V on every 6th, no per-layer
// embeddings, no shared KV, 262,144 positions
const G4_12B = {
  layers: 48, hidden: 3840, heads: 16, kvHeads: 8, headDim: 256, globalHeadDim: 512, ffn: 15360, vocab: 262144, ctx: 262144, tied: true,
  rope: { theta: 1000000 }, swa: { window: 1024, pattern: { globalEvery: 6 } }, kEqV: { globalKvHeads: 1 },
} satisfies HyperparamsInput;
// Parameter counts: Google's Gemma 4 model card (https://ai.google.dev/gemma/docs/core/model_card_4).
const G4_CARD = "https://ai.google.dev/gemma/docs/core/model_card_4";
const G4_PLE_NOTE =
  "The model card's totals (E2B 5.1B, E4B 8B 'with embeddings') include the ~150M vision and ~300M audio encoders " +
  "that llama.cpp loads from the separate mmproj file; the text count is the total less those 450M. Its 'effective' " +
  "counts (2.3B, 4.5B) leave out the token and per-layer embedding tables."

export const ENTRIES = [
  // Gemma 4 (April 2026): sliding layers with 256-wide heads, full-attention layers with 512-wide heads;
  // E2B / E4B with per-layer embeddings and KV shared by their last layers, 31B / 26B A4B with K = V.
  {
    id: "gemma-4-e2b-it", family: "gemma-4", name: "Gemma 4 E2B Instruct", license: "apache-2.0", kind: "dense", arch: "gemma4",
    hf: "google/gemma-4-E2B-it", source: hfConfig("google/gemma-4-E2B-it"), hp: G4_E2B,
    params: { total: 5_100_000_000, text: 5_100_000_000 - 450_000_000, rounded: true }, paramsNote: G4_PLE_NOTE,
    quants: GGUF_QUANTS, ollama: ["gemma4:e2b"], gguf: ["unsloth/gemma-4-E2B-it-GGUF"],
    capabilities: ["chat", "tools", "vision", "audio", "reasoning"], released: "2026-04-02", checked: "2026-12-04", quality: 4,
    notes: `Counts: ${G4_CARD}. The last 20 of 35 layers reuse the KV of layers 13/14: llama.cpp caches 15 layers.`,
  },
  {
    id: "gemma-4-e4b-it", family: "gemma-4", name: "Gemma 4 E4B Instruct", license: "apache-2.0", kind: "dense", arch: "gemma4",
    hf: "google/gemma-4-E4B-it", source: hfConfig("google/gemma-4-E4B-it"), hp: G4_E4B,
    params: { total: 8_000_000_000, text: 8_000_000_000 - 450_000_000, rounded: true }, paramsNote: G4_PLE_NOTE,
    quants: GGUF_QUANTS, ollama: ["gemma4:e4b"], gguf: ["unsloth/gemma-4-E4B-it-GGUF"],
    capabilities: ["chat", "tools", "vision", "audio", "reasoning"], released: "2026-04-02", checked: "2026-12-04", quality: 5,
    notes: `Counts: ${G4_CARD}. The last 18 of 42 layers reuse earlier KV: llama.cpp caches 24 layers.`,
  },
  {
    id: "gemma-4-26b-a4b-it", family: "gemma-4", name: "Gemma 4 26B A4B Instruct", license: "apache-2.0", kind: "moe", arch: "gemma4",
    hf: "google/gemma-4-26B-A4B-it", source: hfConfig("google/gemma-4-26B-A4B-it"), hp: G4_26B_A4B,
    params: { total: 25_200_000_000, active: 3_800_000_000, rounded: true },
    paramsNote: `Model card (${G4_CARD}): 25.2B total, 3.8B active (rounded): the language model's tensors give 25.23B / 3.82B, the ~550M vision encoder (mmproj) is not in them.`,
    quants: BIG_QUANTS, ollama: ["gemma4:26b"], gguf: ["unsloth/gemma-4-26B-A4B-it-GGUF"],
    capabilities: ["chat", "tools", "vision", "reasoning"], released: "2026-04-02", checked: "2026-12-04", quality: 7,
  },
  {
    id: "gemma-4-31b-it", family: "gemma-4", name: "Gemma 4 31B Instruct", license: "apache-2.0", kind: "dense", arch: "gemma4",
    hf: "google/gemma-4-31B-it", source: hfConfig("google/gemma-4-31B-it"), hp: G4_31B,
    params: { total: 30_700_000_000, rounded: true },
    paramsNote: `Model card (${G4_CARD}): 30.7B (rounded), the language model's tensors (30.70B) without the ~550M vision encoder (mmproj).`,
    quants: BIG_QUANTS, ollama: ["gemma4:31b"], gguf: ["unsloth/gemma-4-31B-it-GGUF"],
    capabilities: ["chat", "tools", "vision", "reasoning"], released: "2026-04-02", checked: "2026-12-04", quality: 7,
  },
  {
    id: "gemma-4-12b-it", family: "gemma-4", name: "Gemma 4 12B Instruct", license: "apache-2.0", kind: "dense", arch: "gemma4",
    hf: "google/gemma-4-12B-it", source: hfConfig("google/gemma-4-12B-it"), hp: G4_12B,
    params: { total: 11_907_350_576 },
    paramsNote:
      "11,907,350,576 is the safetensors count of a published fine-tune that keeps the checkpoint's weights (about 12B " +
      "by the name); it equals the element count of the text tensors llama.cpp builds for this shape. The encoder-free " +
      "vision and audio embedders go to the mmproj file.",
    quants: GGUF_QUANTS, gguf: ["unsloth/gemma-4-12b-it-GGUF"],
    // the QAT release of May 2026 names it beside the other four sizes; the first Gemma 4 release had four
    capabilities: ["chat", "tools", "vision", "audio", "reasoning"], released: "2026-05", checked: "2026-12-04", quality: 6,
  },
  // Gemma 3
  {
    id: "gemma-3-270m-it", family: "gemma-3", name: "Gemma 3 270M Instruct", license: "gemma", kind: "dense", arch: "gemma3",
    hf: "google/gemma-3-270m-it", source: hfConfig("google/gemma-3-270m-it"), hp: G3_270M,
    params: { total: 270_000_000 }, quants: ["Q4_K_M", "Q8_0", "F16"], ollama: ["gemma3:270m"],
    gguf: ["unsloth/gemma-3-270m-it-GGUF", "ggml-org/gemma-3-270m-it-GGUF"], capabilities: ["chat"], released: "2025-08-14", checked: "2026-11-24", quality: 1,
  },
  {
    id: "gemma-3-1b-it", family: "gemma-3", name: "Gemma 3 1B Instruct", license: "gemma", kind: "dense", arch: "gemma3",
    hf: "google/gemma-3-1b-it", source: hfConfig("google/gemma-3-1b-it"), hp: G3_1B,
    params: { total: 999_885_952 }, quants: GGUF_QUANTS, ollama: ["gemma3:1b"],
    gguf: ["unsloth/gemma-3-1b-it-GGUF", "bartowski/google_gemma-3-1b-it-GGUF", "lmstudio-community/gemma-3-1b-it-GGUF"],
    lmstudio: ["google/gemma-3-1b"], capabilities: ["chat"], released: "2025-03-12", checked: "2026-11-24", quality: 3,
  },
  {
    id: "gemma-3-4b-it", family: "gemma-3", name: "Gemma 3 4B Instruct", license: "gemma", kind: "dense", arch: "gemma3",
    hf: "google/gemma-3-4b-it", source: hfConfig("google/gemma-3-4b-it"), hp: G3_4B,
    params: { total: 4_300_000_000, text: 3_884_000_000 }, paramsNote: G3_VISION, quants: GGUF_QUANTS, ollama: ["gemma3:4b", "gemma3"],
    gguf: ["unsloth/gemma-3-4b-it-GGUF", "bartowski/google_gemma-3-4b-it-GGUF", "lmstudio-community/gemma-3-4b-it-GGUF"],
    lmstudio: ["google/gemma-3-4b"], capabilities: ["chat", "vision"], released: "2025-03-12", checked: "2026-11-24", quality: 5,
  },
  {
    id: "gemma-3-4b-pt", family: "gemma-3", name: "Gemma 3 4B (pre-trained)", license: "gemma", kind: "dense", arch: "gemma3",
    hf: "google/gemma-3-4b-pt", source: hfConfig("google/gemma-3-4b-pt"), hp: G3_4B,
    params: { total: 4_300_000_000, text: 3_884_000_000 }, paramsNote: G3_VISION, quants: GGUF_QUANTS,
    capabilities: ["chat", "vision"], released: "2025-03-12", checked: "2026-11-24", quality: 4,
  },
  {
    id: "gemma-3-12b-it", family: "gemma-3", name: "Gemma 3 12B Instruct", license: "gemma", kind: "dense", arch: "gemma3",
    hf: "google/gemma-3-12b-it", source: hfConfig("google/gemma-3-12b-it"), hp: G3_12B,
    params: { total: 12_200_000_000, text: 11_771_000_000 }, paramsNote: G3_VISION, quants: GGUF_QUANTS, ollama: ["gemma3:12b"],
    gguf: ["unsloth/gemma-3-12b-it-GGUF", "bartowski/google_gemma-3-12b-it-GGUF", "lmstudio-community/gemma-3-12b-it-GGUF"],
    lmstudio: ["google/gemma-3-12b"], capabilities: ["chat", "vision"], released: "2025-03-12", checked: "2026-11-24", quality: 6,
  },
  {
    id: "gemma-3-12b-pt", family: "gemma-3", name: "Gemma 3 12B (pre-trained)", license: "gemma", kind: "dense", arch: "gemma3",
    hf: "google/gemma-3-12b-pt", source: hfConfig("google/gemma-3-12b-pt"), hp: G3_12B,
    params: { total: 12_200_000_000, text: 11_771_000_000 }, paramsNote: G3_VISION, quants: GGUF_QUANTS,
    capabilities: ["chat", "vision"], released: "2025-03-12", checked: "2026-11-24", quality: 5,
  },
  {
    id: "gemma-3-27b-it", family: "gemma-3", name: "Gemma 3 27B Instruct", license: "gemma", kind: "dense", arch: "gemma3",
    hf: "google/gemma-3-27b-it", source: hfConfig("google/gemma-3-27b-it"), hp: G3_27B,
    params: { total: 27_400_000_000, text: 27_016_000_000 }, paramsNote: G3_VISION, quants: GGUF_QUANTS, ollama: ["gemma3:27b"],
    gguf: ["unsloth/gemma-3-27b-it-GGUF", "bartowski/google_gemma-3-27b-it-GGUF", "lmstudio-community/gemma-3-27b-it-GGUF"],
    lmstudio: ["google/gemma-3-27b"], capabilities: ["chat", "vision"], released: "2025-03-12", checked: "2026-11-24", quality: 7,
  },
  {
    id: "gemma-3-27b-pt", family: "gemma-3", name: "Gemma 3 27B (pre-trained)", license: "gemma", kind: "dense", arch: "gemma3",
    hf: "google/gemma-3-27b-pt", source: hfConfig("google/gemma-3-27b-pt"), hp: G3_27B,
    params: { total: 27_400_000_000, text: 27_016_000_000 }, paramsNote: G3_VISION, quants: GGUF_QUANTS,
    capabilities: ["chat", "vision"], released: "2025-03-12", checked: "2026-11-24", quality: 6,
  },
  // Gemma 4 pre-trained checkpoints ("both pre-trained and instruction-tuned variants", model card):
  // the same text models as the instruction-tuned ones above
  {
    id: "gemma-4-e2b", family: "gemma-4", name: "Gemma 4 E2B (pre-trained)", license: "apache-2.0", kind: "dense", arch: "gemma4",
    hf: "google/gemma-4-E2B", source: hfConfig("google/gemma-4-E2B"), hp: G4_E2B,
    params: { total: 5_100_000_000, text: 5_100_000_000 - 450_000_000, rounded: true }, paramsNote: G4_PLE_NOTE,
    quants: GGUF_QUANTS, capabilities: ["chat", "vision", "audio"], released: "2026-04-02", checked: "2026-12-04", quality: 3,
  },
  {
    id: "gemma-4-e4b", family: "gemma-4", name: "Gemma 4 E4B (pre-trained)", license: "apache-2.0", kind: "dense", arch: "gemma4",
    hf: "google/gemma-4-E4B", source: hfConfig("google/gemma-4-E4B"), hp: G4_E4B,
    params: { total: 8_000_000_000, text: 8_000_000_000 - 450_000_000, rounded: true }, paramsNote: G4_PLE_NOTE,
    quants: GGUF_QUANTS, capabilities: ["chat", "vision", "audio"], released: "2026-04-02", checked: "2026-12-04", quality: 4,
  },
  {
    id: "gemma-4-26b-a4b", family: "gemma-4", name: "Gemma 4 26B A4B (pre-trained)", license: "apache-2.0", kind: "moe", arch: "gemma4",
    hf: "google/gemma-4-26B-A4B", source: hfConfig("google/gemma-4-26B-A4B"), hp: G4_26B_A4B,
    params: { total: 25_200_000_000, active: 3_800_000_000, rounded: true },
    paramsNote: `Model card (${G4_CARD}): 25.2B total, 3.8B active (rounded): the language model's tensors give 25.23B / 3.82B, the ~550M vision encoder (mmproj) is not in them.`,
    quants: BIG_QUANTS, capabilities: ["chat", "vision"], released: "2026-04-02", checked: "2026-12-04", quality: 6,
  },
  {
    id: "gemma-4-31b", family: "gemma-4", name: "Gemma 4 31B (pre-trained)", license: "apache-2.0", kind: "dense", arch: "gemma4",
    hf: "google/gemma-4-31B", source: hfConfig("google/gemma-4-31B"), hp: G4_31B,
    params: { total: 30_700_000_000, rounded: true },
    paramsNote: `Model card (${G4_CARD}): 30.7B (rounded), the language model's tensors (30.70B) without the ~550M vision encoder (mmproj).`,
    quants: BIG_QUANTS, capabilities: ["chat", "vision"], released: "2026-04-02", checked: "2026-12-04", quality: 6,
  },
  // Gemma 3n: per-layer embeddings, AltUp, KV sharing in the last layers.
  {
    id: "gemma-3n-e2b-it", family: "gemma-3n", name: "Gemma 3n E2B Instruct", license: "gemma", kind: "dense", arch: "gemma3n",
    hf: "google/gemma-3n-E2B-it", source: hfConfig("google/gemma-3n-E2B-it"),
    hp: {
      layers: 30, hidden: 2048, heads: 8, kvHeads: 2, headDim: 256, ffn: 8192, vocab: 262400, ctx: 32768, tied: true,
      rope: { theta: 1000000 }, swa: { window: 512, pattern: { globalEvery: 5 } }, kvSharedLayers: 10, altup: G3N_ALTUP,
    },
    params: { total: 5_440_000_000, text: 4_500_000_000, rounded: true }, paramsNote: G3N_NOTE, quants: GGUF_QUANTS, ollama: ["gemma3n:e2b"],
    gguf: ["unsloth/gemma-3n-E2B-it-GGUF", "ggml-org/gemma-3n-E2B-it-GGUF"], lmstudio: ["google/gemma-3n-e2b"],
    capabilities: ["chat", "vision", "audio"], released: "2025-06-26", checked: "2026-11-24", quality: 4,
  },
  {
    id: "gemma-3n-e4b-it", family: "gemma-3n", name: "Gemma 3n E4B Instruct", license: "gemma", kind: "dense", arch: "gemma3n",
    hf: "google/gemma-3n-E4B-it", source: hfConfig("google/gemma-3n-E4B-it"),
    hp: {
      layers: 35, hidden: 2048, heads: 8, kvHeads: 2, headDim: 256, ffn: 16384, vocab: 262400, ctx: 32768, tied: true,
      rope: { theta: 1000000 }, swa: { window: 512, pattern: { globalEvery: 5 } }, kvSharedLayers: 15, altup: G3N_ALTUP,
    },
    params: { total: 7_850_000_000, text: 6_900_000_000, rounded: true }, paramsNote: G3N_NOTE, quants: GGUF_QUANTS, ollama: ["gemma3n:e4b", "gemma3n"],
    gguf: ["unsloth/gemma-3n-E4B-it-GGUF", "ggml-org/gemma-3n-E4B-it-GGUF"], lmstudio: ["google/gemma-3n-e4b"],
    capabilities: ["chat", "vision", "audio"], released: "2025-06-26", checked: "2026-11-24", quality: 5,
  },
  // Gemma 2
  {
    id: "gemma-2-2b-it", family: "gemma-2", name: "Gemma 2 2B Instruct", license: "gemma", kind: "dense", arch: "gemma2",
    hf: "google/gemma-2-2b-it", source: hfConfig("google/gemma-2-2b-it"), hp: G2_2B,
    params: { total: 2_614_341_888 }, quants: GGUF_QUANTS, ollama: ["gemma2:2b"],
    gguf: ["bartowski/gemma-2-2b-it-GGUF", "lmstudio-community/gemma-2-2b-it-GGUF"], lmstudio: ["gemma-2-2b-it"],
    capabilities: ["chat"], released: "2024-07-31", checked: "2026-11-24", quality: 3,
  },
  {
    id: "gemma-2-2b", family: "gemma-2", name: "Gemma 2 2B (pre-trained)", license: "gemma", kind: "dense", arch: "gemma2",
    hf: "google/gemma-2-2b", source: hfConfig("google/gemma-2-2b"), hp: G2_2B,
    // Ollama's gemma2 has no bare "-text" tag: the pre-trained weights are only under quantized tags.
    params: { total: 2_614_341_888 }, quants: GGUF_QUANTS, ollama: ["gemma2:2b-text-q4_0"], capabilities: ["chat"], released: "2024-07-31", checked: "2026-11-24", quality: 2,
  },
  {
    id: "gemma-2-9b-it", family: "gemma-2", name: "Gemma 2 9B Instruct", license: "gemma", kind: "dense", arch: "gemma2",
    hf: "google/gemma-2-9b-it", source: hfConfig("google/gemma-2-9b-it"), hp: G2_9B,
    params: { total: 9_241_705_984 }, quants: GGUF_QUANTS, ollama: ["gemma2:9b", "gemma2"],
    gguf: ["bartowski/gemma-2-9b-it-GGUF", "lmstudio-community/gemma-2-9b-it-GGUF"], lmstudio: ["gemma-2-9b-it"],
    capabilities: ["chat"], released: "2024-06-27", checked: "2026-11-24", quality: 5,
  },
  {
    id: "gemma-2-9b", family: "gemma-2", name: "Gemma 2 9B (pre-trained)", license: "gemma", kind: "dense", arch: "gemma2",
    hf: "google/gemma-2-9b", source: hfConfig("google/gemma-2-9b"), hp: G2_9B,
    params: { total: 9_241_705_984 }, quants: GGUF_QUANTS, ollama: ["gemma2:9b-text-q4_0"], capabilities: ["chat"], released: "2024-06-27", checked: "2026-11-24", quality: 4,
  },
  {
    id: "gemma-2-27b-it", family: "gemma-2", name: "Gemma 2 27B Instruct", license: "gemma", kind: "dense", arch: "gemma2",
    hf: "google/gemma-2-27b-it", source: hfConfig("google/gemma-2-27b-it"), hp: G2_27B,
    params: { total: 27_227_128_320 }, quants: GGUF_QUANTS, ollama: ["gemma2:27b"],
    gguf: ["bartowski/gemma-2-27b-it-GGUF", "lmstudio-community/gemma-2-27b-it-GGUF"], lmstudio: ["gemma-2-27b-it"],
    capabilities: ["chat"], released: "2024-06-27", checked: "2026-11-24", quality: 6,
  },
  {
    id: "gemma-2-27b", family: "gemma-2", name: "Gemma 2 27B (pre-trained)", license: "gemma", kind: "dense", arch: "gemma2",
    hf: "google/gemma-2-27b", source: hfConfig("google/gemma-2-27b"), hp: G2_27B,
    params: { total: 27_227_128_320 }, quants: GGUF_QUANTS, ollama: ["gemma2:27b-text-q4_0"], capabilities: ["chat"], released: "2024-06-27", checked: "2026-11-24", quality: 5,
  },
  // Gemma 1 and CodeGemma
  {
    id: "gemma-2b-it", family: "gemma", name: "Gemma 2B Instruct", license: "gemma", kind: "dense", arch: "gemma",
    hf: "google/gemma-2b-it", source: hfConfig("google/gemma-2b-it"), hp: G1_2B,
    params: { total: 2_506_172_416 }, quants: GGUF_QUANTS, ollama: ["gemma:2b"], capabilities: ["chat"], released: "2024-02-21", checked: "2026-11-24", quality: 2,
  },
  {
    id: "gemma-7b-it", family: "gemma", name: "Gemma 7B Instruct", license: "gemma", kind: "dense", arch: "gemma",
    hf: "google/gemma-7b-it", source: hfConfig("google/gemma-7b-it"), hp: G1_7B,
    params: { total: 8_537_680_896 }, quants: GGUF_QUANTS, ollama: ["gemma:7b", "gemma"], capabilities: ["chat"], released: "2024-02-21", checked: "2026-11-24", quality: 3,
  },
  {
    id: "codegemma-7b-it", family: "codegemma", name: "CodeGemma 7B Instruct", license: "gemma", kind: "dense", arch: "gemma",
    hf: "google/codegemma-7b-it", source: hfConfig("google/codegemma-7b-it"), hp: G1_7B,
    params: { total: 8_537_680_896 }, quants: GGUF_QUANTS, ollama: ["codegemma:7b", "codegemma"],
    gguf: ["bartowski/codegemma-7b-it-GGUF"], capabilities: ["chat", "code"], released: "2024-04-09", checked: "2026-11-24", quality: 3,
  },
  {
    id: "codegemma-2b", family: "codegemma", name: "CodeGemma 2B (FIM)", license: "gemma", kind: "dense", arch: "gemma",
    hf: "google/codegemma-2b", source: hfConfig("google/codegemma-2b"), hp: G1_2B,
    params: { total: 2_506_172_416 }, quants: GGUF_QUANTS, ollama: ["codegemma:2b"], capabilities: ["code"], released: "2024-04-09", checked: "2026-11-24", quality: 2,
  },
] satisfies Entries;
