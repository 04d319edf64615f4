// Real model shapes for sparse GGUF ground-truth files.
//
// Every number in CONFIGS is taken from the model's published config.json on Hugging Face
// (`hf` is the repository). The GGUF keys and tensor lists follow what llama.cpp's
// convert_hf_to_gguf.py writes for that architecture and what llama.cpp's loader
// (src/models/<arch>.cpp, load_arch_hparams/load_arch_tensors, release bundled with
// node-llama-cpp 3.22.1) expects; llama.cpp itself refuses a file with a missing, extra or
// mis-shaped tensor, so each file loading is the check that the list is right.
//
// Tensor order follows the convention of data/groundtruth/shapes.json: token_embd,
// then each block in order, then output_norm and output.
//
// F16 files: the converter keeps 1-D tensors, *_norm.weight, tensors not ending in ".weight"
// (biases, ssm_a, ssm_d), ssm_conv1d, shortconv.conv and ffn_gate_inp in F32; all else F16
// (conversion/base.py, prepare_tensors).

// Shapes the sizing engine already builds (new architectures): the tensor list is the engine's
// tensorsForShape for the catalog entry, and llama.cpp's loader is the check (it refuses a missing,
// extra or mis-shaped tensor); the GGUF keys are what convert_hf_to_gguf.py writes for the
// config.json values. Needs `npm run build` (reads dist/).
const engine = await Promise.all([import("../../dist/models/catalog.js"), import("../../dist/sizing/tensors.js")]).catch(() => undefined);

// The dense Qwen3.5 sizes (llama.cpp qwen35) differ only in these widths; every other GGUF key is the
// family's (their config.json files: head_dim 256, 64 rotary dims in sections 11/11/10, rope_theta 1e7,
// DeltaNet conv 4, state 128, 16 key heads, full attention every 4th layer, vocabulary 248,320)
function qwen35Dense(hf, catalog, { E, L, F, H, KV, inner, dtRank }) {
  return {
    hf, arch: "qwen35", catalog,
    gguf: {
      context_length: 262144, embedding_length: E, block_count: L, feed_forward_length: F,
      "attention.head_count": H, "attention.head_count_kv": KV, "attention.key_length": 256, "attention.value_length": 256,
      "rope.freq_base": 10000000, "rope.dimension_count": 64, "rope.dimension_sections": [11, 11, 10, 0],
      "attention.layer_norm_rms_epsilon": 1e-6,
      "ssm.conv_kernel": 4, "ssm.inner_size": inner, "ssm.state_size": 128, "ssm.time_step_rank": dtRank, "ssm.group_count": 16,
      full_attention_interval: 4, vocab_size: 248320,
    },
  };
}

export const CONFIGS = {
  // https://huggingface.co/google/gemma-2-2b/blob/main/config.json
  "gemma-2-2b": {
    hf: "google/gemma-2-2b", arch: "gemma2",
    E: 2304, L: 26, H: 8, KV: 4, hd: 256, F: 9216, V: 256000, ctx: 8192, rope: 10000, eps: 1e-6,
    swa: 4096, attn_softcap: 50.0, final_softcap: 30.0, tied: true,
  },
  // https://huggingface.co/google/gemma-3-1b-it/blob/main/config.json
  "gemma-3-1b": {
    hf: "google/gemma-3-1b-it", arch: "gemma3",
    E: 1152, L: 26, H: 4, KV: 1, hd: 256, F: 6912, V: 262144, ctx: 32768, rope: 1000000, eps: 1e-6,
    swa: 512, swa_pattern: 6, tied: true,
  },
  // https://huggingface.co/google/gemma-3-4b-it/blob/main/config.json (text_config)
  "gemma-3-4b": {
    hf: "google/gemma-3-4b-it", arch: "gemma3",
    E: 2560, L: 34, H: 8, KV: 4, hd: 256, F: 10240, V: 262208, ctx: 131072, rope: 1000000, eps: 1e-6,
    swa: 1024, swa_pattern: 6, rope_scaling_linear: 8.0, tied: true,
  },
  // https://huggingface.co/Qwen/Qwen3-0.6B/blob/main/config.json
  "qwen3-0.6b": {
    hf: "Qwen/Qwen3-0.6B", arch: "qwen3",
    E: 1024, L: 28, H: 16, KV: 8, hd: 128, F: 3072, V: 151936, ctx: 40960, rope: 1000000, eps: 1e-6, tied: true,
  },
  // https://huggingface.co/Qwen/Qwen3-1.7B/blob/main/config.json
  "qwen3-1.7b": {
    hf: "Qwen/Qwen3-1.7B", arch: "qwen3",
    E: 2048, L: 28, H: 16, KV: 8, hd: 128, F: 6144, V: 151936, ctx: 40960, rope: 1000000, eps: 1e-6, tied: true,
  },
  // https://huggingface.co/Qwen/Qwen3-30B-A3B/blob/main/config.json
  "qwen3-30b-a3b": {
    hf: "Qwen/Qwen3-30B-A3B", arch: "qwen3moe",
    E: 2048, L: 48, H: 32, KV: 4, hd: 128, F: 6144, F_exp: 768, n_expert: 128, n_expert_used: 8,
    V: 151936, ctx: 40960, rope: 1000000, eps: 1e-6, tied: false,
  },
  // https://huggingface.co/microsoft/Phi-3-mini-4k-instruct/blob/main/config.json
  "phi-3-mini-4k": {
    hf: "microsoft/Phi-3-mini-4k-instruct", arch: "phi3",
    E: 3072, L: 32, H: 32, KV: 32, hd: 96, F: 8192, V: 32064, ctx: 4096, rope: 10000, eps: 1e-5,
    swa: 2047, tied: false,
  },
  // https://huggingface.co/Qwen/Qwen2.5-0.5B-Instruct/blob/main/config.json
  "qwen2.5-0.5b": {
    hf: "Qwen/Qwen2.5-0.5B-Instruct", arch: "qwen2",
    E: 896, L: 24, H: 14, KV: 2, hd: 64, F: 4864, V: 151936, ctx: 32768, rope: 1000000, eps: 1e-6, tied: true,
  },
  // https://huggingface.co/state-spaces/mamba-130m-hf/blob/main/config.json
  // (d_inner = expand 2 × hidden; time_step_rank = ceil(hidden/16); vocab 50280)
  "mamba-130m": {
    hf: "state-spaces/mamba-130m-hf", arch: "mamba",
    E: 768, L: 24, d_inner: 1536, d_state: 16, d_conv: 4, dt_rank: 48, V: 50280, eps: 1e-5, tied: true,
  },
  // https://huggingface.co/state-spaces/mamba-370m-hf/blob/main/config.json
  "mamba-370m": {
    hf: "state-spaces/mamba-370m-hf", arch: "mamba",
    E: 1024, L: 48, d_inner: 2048, d_state: 16, d_conv: 4, dt_rank: 64, V: 50280, eps: 1e-5, tied: true,
  },
  // https://huggingface.co/tiiuae/falcon-mamba-7b/blob/main/config.json
  // (use_bcdt_rms true -> mamba.ssm.dt_b_c_rms; tie_word_embeddings false)
  "falcon-mamba-7b": {
    hf: "tiiuae/falcon-mamba-7b", arch: "mamba",
    E: 4096, L: 64, d_inner: 8192, d_state: 16, d_conv: 4, dt_rank: 256, V: 65024, eps: 1e-5,
    dt_b_c_rms: true, tied: false,
  },
  // https://huggingface.co/state-spaces/mamba2-130m/blob/main/config.json
  // (d_model 768, n_layer 24, ssm_cfg d_state 128, headdim 64 -> 24 heads, ngroups 1, expand 2,
  //  vocab 50277 padded to a multiple of 16 = 50288 as the converter does)
  "mamba2-130m": {
    hf: "state-spaces/mamba2-130m", arch: "mamba2",
    E: 768, L: 24, d_inner: 1536, d_state: 128, d_conv: 4, n_head_ssm: 24, n_group: 1, V: 50288, eps: 1e-5, tied: true,
  },
  // https://huggingface.co/LiquidAI/LFM2-1.2B/blob/main/config.json
  // (block_ff_dim 12288 with block_auto_adjust_ff_dim: int(2*12288/3)=8192, multiple_of 256 -> 8192;
  //  full_attn_idxs [2,5,8,10,12,14], the other layers are short convolutions with conv_L_cache 3)
  "lfm2-1.2b": {
    hf: "LiquidAI/LFM2-1.2B", arch: "lfm2",
    E: 2048, L: 16, H: 32, KV: 8, hd: 64, F: 8192, V: 65536, ctx: 128000, rope: 1000000, eps: 1e-5,
    attn_layers: [2, 5, 8, 10, 12, 14], conv_L: 3, tied: true,
  },
  // https://huggingface.co/ibm-granite/granite-4.0-h-tiny/blob/main/config.json
  // (granitemoehybrid: 40 layers, attention at 5, 15, 25, 35 and Mamba-2 elsewhere; every layer has
  //  a MoE FFN of 64 experts (intermediate 512, 6 used) plus a shared expert of 1024; mamba d_state
  //  128, 48 heads × 64, 1 group, expand 2, d_conv 4; NoPE; tied embeddings)
  "granite-4.0-h-tiny": {
    hf: "ibm-granite/granite-4.0-h-tiny", arch: "granitehybrid",
    E: 1536, L: 40, H: 12, KV: 4, hd: 128, F_exp: 512, F_sh: 1024, n_expert: 64, n_expert_used: 6,
    V: 100352, ctx: 131072, eps: 1e-5, attn_layers: [5, 15, 25, 35],
    d_inner: 3072, d_state: 128, d_conv: 4, n_head_ssm: 48, n_group: 1, tied: true,
  },
  // google/gemma-3n-E2B-it config.json text_config. Google's file itself was not reachable here; the
  // values are transformers' Gemma3nTextConfig defaults (configuration_gemma3n.py, the E4B checkpoint's)
  // with the E2B overrides of its convert_gemma3n_weights.py (intermediate_size 2048*4, 30 layers,
  // num_kv_shared_layers 10): hidden 2048, 8 heads, 2 KV heads, head_dim 256, vocab_size 262400,
  // hidden_size_per_layer_input 256, altup_num_inputs 4, laurel_rank 64, sliding_window 512 (every 5th
  // layer global), rope_theta 1e6, rope_local_base_freq 1e4, rms_norm_eps 1e-6, final softcap 30,
  // max_position_embeddings 32768, tied. GGUF form: conversion/gemma.py Gemma3NModel (per-layer
  // embedding padded to the 262400-token vocab; sliding_window_pattern there is a bool array, left
  // out here: llama.cpp's default pattern 5 gives the same layers).
  "gemma-3n-e2b": {
    hf: "google/gemma-3n-E2B-it", arch: "gemma3n",
    E: 2048, L: 30, H: 8, KV: 2, hd: 256, F: 8192, V: 262400, ctx: 32768, rope: 1000000, rope_swa: 10000,
    eps: 1e-6, swa: 512, final_softcap: 30.0, n_altup: 4, laurel_rank: 64, ple: 256, kv_shared: 10, tied: true,
  },
  // https://huggingface.co/deepseek-ai/DeepSeek-V2-Lite-Chat/blob/main/config.json
  // (deepseek_v2: 27 layers, hidden 2048, 16 heads, q_lora_rank null (full attn_q), kv_lora_rank 512,
  //  qk_nope_head_dim 128, qk_rope_head_dim 64, v_head_dim 128, 64 routed experts (6 used) of
  //  moe_intermediate_size 1408 + 2 shared, first_k_dense_replace 1 with intermediate_size 10944,
  //  vocab 102400, rms_norm_eps 1e-6, rope_theta 10000, max_position_embeddings 163840, yarn factor 40
  //  over 4096 with mscale_all_dim 0.707, routed_scaling_factor 1.0, norm_topk_prob false, untied.
  //  GGUF form of the current converter (conversion/deepseek.py DeepseekV2Model): MLA as MQA with
  //  head_count_kv 1, key_length 512+64, value_length 512, key_length_mla 128+64, value_length_mla 128,
  //  kv_b_proj split into attn_k_b [128, 512, 16] and attn_v_b [512, 128, 16])
  "deepseek-v2-lite": {
    hf: "deepseek-ai/DeepSeek-V2-Lite-Chat", arch: "deepseek2",
    E: 2048, L: 27, H: 16, F: 10944, V: 102400, ctx: 163840, rope: 10000, eps: 1e-6,
    q_lora: null, kv_lora: 512, qk_nope: 128, qk_rope: 64, v_hd: 128,
    n_expert: 64, n_expert_used: 6, n_expert_shared: 2, F_exp: 1408, dense_lead: 1, expert_scale: 1.0,
    yarn_factor: 40, yarn_orig_ctx: 4096, mscale_all_dim: 0.707, tied: false,
  },
  // https://huggingface.co/meta-llama/Llama-4-Scout-17B-16E-Instruct/blob/main/config.json (text_config:
  // hidden 5120, 48 layers, 40 heads, 8 KV heads of 128, intermediate_size 8192 per expert,
  // intermediate_size_mlp 16384, 16 experts (1 used) + shared, interleave_moe_layer_step 1,
  // vocab 202048, rope_theta 5e5 with llama3 scaling ×16 over 8192, max_position_embeddings 10485760,
  // attention_chunk_size 8192, rms_norm_eps 1e-5). conversion: Llama4Model (no sliding_window key:
  // llama4.cpp then sets chunked attention with n_swa 8192 and period 4 itself)
  "llama-4-scout": {
    hf: "meta-llama/Llama-4-Scout-17B-16E-Instruct", arch: "llama4", catalog: "llama-4-scout-17b-16e-instruct",
    gguf: {
      context_length: 10485760, embedding_length: 5120, block_count: 48, feed_forward_length: 16384,
      "attention.head_count": 40, "attention.head_count_kv": 8, "attention.key_length": 128, "attention.value_length": 128,
      "rope.freq_base": 500000, "rope.dimension_count": 128, "attention.layer_norm_rms_epsilon": 1e-5,
      expert_count: 16, expert_used_count: 1, expert_feed_forward_length: 8192, interleave_moe_layer_step: 1, vocab_size: 202048,
    },
  },
  // https://huggingface.co/MiniMaxAI/MiniMax-M2/blob/main/config.json (hidden 3072, 62 layers, 48 heads,
  // 8 KV heads, head_dim 128, rotary_dim 64, 256 experts of 1536 (8 used), sigmoid routing with
  // e_score_correction_bias, vocab 200064, rope_theta 5e6, max_position_embeddings 196608, eps 1e-6)
  "minimax-m2": {
    hf: "MiniMaxAI/MiniMax-M2", arch: "minimax-m2", catalog: "minimax-m2",
    gguf: {
      context_length: 196608, embedding_length: 3072, block_count: 62, feed_forward_length: 1536,
      "attention.head_count": 48, "attention.head_count_kv": 8, "attention.key_length": 128, "attention.value_length": 128,
      "rope.freq_base": 5000000, "rope.dimension_count": 64, "attention.layer_norm_rms_epsilon": 1e-6,
      expert_count: 256, expert_used_count: 8, expert_feed_forward_length: 1536, expert_gating_func: 2, vocab_size: 200064,
    },
  },
  // https://huggingface.co/Qwen/Qwen3-Next-80B-A3B-Instruct/blob/main/config.json (hidden 2048, 48 layers,
  // full_attention_interval 4, 16 heads / 2 KV heads of 256, partial_rotary_factor 0.25, linear attention
  // 16 key heads and 32 value heads of 128, conv kernel 4, 512 experts of 512 (10 used) + shared 512,
  // vocab 151936, rope_theta 1e7, max_position_embeddings 262144, eps 1e-6). conversion: Qwen3NextModel
  // (ssm.state_size = linear_key_head_dim, group_count = key heads, time_step_rank = value heads,
  // inner_size = value heads × value head dim)
  "qwen3-next-80b-a3b": {
    hf: "Qwen/Qwen3-Next-80B-A3B-Instruct", arch: "qwen3next", catalog: "qwen3-next-80b-a3b-instruct",
    gguf: {
      context_length: 262144, embedding_length: 2048, block_count: 48, feed_forward_length: 5120,
      "attention.head_count": 16, "attention.head_count_kv": 2, "attention.key_length": 256, "attention.value_length": 256,
      "rope.freq_base": 10000000, "rope.dimension_count": 64, "attention.layer_norm_rms_epsilon": 1e-6,
      expert_count: 512, expert_used_count: 10, expert_feed_forward_length: 512, expert_shared_feed_forward_length: 512,
      "ssm.conv_kernel": 4, "ssm.inner_size": 4096, "ssm.state_size": 128, "ssm.time_step_rank": 32, "ssm.group_count": 16,
      full_attention_interval: 4, vocab_size: 151936,
    },
  },
  // Gemma 4 (catalog entries' sources: transformers' convert_gemma4_weights.py _VARIANTS over the
  // Gemma4TextConfig defaults, see src/models/catalog/gemma.ts). GGUF keys as convert_hf_to_gguf.py's
  // Gemma4Model writes them (conversion/gemma.py, over Gemma3Model's): key/value_length = global_head_dim
  // 512 and *_swa = head_dim 256, rope.dimension_count 512 / _swa 256, sliding_window_pattern one bool per
  // layer (true = sliding), head_count_kv per layer when num_global_key_value_heads is set, feed_forward_length
  // per layer with use_double_wide_mlp (E2B), shared_kv_layers, embedding_length_per_layer_input (0 when none:
  // gemma4.cpp requires the key).
  "gemma-4-e2b": { hf: "google/gemma-4-E2B-it", arch: "gemma4", catalog: "gemma-4-e2b-it", gguf: gemma4Keys({
    E: 1536, L: 35, H: 8, KV: 1, F: Array.from({ length: 35 }, (_, i) => (i < 15 ? 6144 : 12288)), ctx: 131072, swa: 512, every: 5, shared: 20, ple: 256 }) },
  "gemma-4-e4b": { hf: "google/gemma-4-E4B-it", arch: "gemma4", catalog: "gemma-4-e4b-it", gguf: gemma4Keys({
    E: 2560, L: 42, H: 8, KV: 2, F: 10240, ctx: 131072, swa: 512, every: 6, shared: 18, ple: 256 }) },
  "gemma-4-26b-a4b": { hf: "google/gemma-4-26B-A4B-it", arch: "gemma4", catalog: "gemma-4-26b-a4b-it", gguf: gemma4Keys({
    E: 2816, L: 30, H: 16, KV: 8, KVglobal: 2, F: 2112, ctx: 262144, swa: 1024, every: 6, shared: 0, ple: 0,
    experts: 128, used: 8, F_exp: 704 }) },
  "gemma-4-31b": { hf: "google/gemma-4-31B-it", arch: "gemma4", catalog: "gemma-4-31b-it", gguf: gemma4Keys({
    E: 5376, L: 60, H: 32, KV: 16, KVglobal: 4, F: 21504, ctx: 262144, swa: 1024, every: 6, shared: 0, ple: 0 }) },
  // Gemma 4 12B (catalog entry gemma-4-12b-it, its config: test/fixtures/configs/google__gemma-4-12B-it.json;
  // the converter's Gemma4UnifiedModel writes Gemma4Model's keys)
  "gemma-4-12b": { hf: "google/gemma-4-12B-it", arch: "gemma4", catalog: "gemma-4-12b-it", gguf: gemma4Keys({
    E: 3840, L: 48, H: 16, KV: 8, KVglobal: 1, F: 15360, ctx: 262144, swa: 1024, every: 6, shared: 0, ple: 0 }) },
  // Qwen3-VL 2B (catalog entry qwen3-vl-2b-instruct, its config: test/fixtures/configs/Qwen__Qwen3-VL-2B-Instruct.json).
  // GGUF keys as conversion/qwen.py Qwen3VLTextModel writes them: Qwen3's, plus rope.dimension_sections
  // (mrope_section [24, 20, 20] padded to 4) and n_deepstack_layers (3 deepstack_visual_indexes)
  "qwen3-vl-2b": {
    hf: "Qwen/Qwen3-VL-2B-Instruct", arch: "qwen3vl", catalog: "qwen3-vl-2b-instruct",
    gguf: {
      context_length: 262144, embedding_length: 2048, block_count: 28, feed_forward_length: 6144,
      "attention.head_count": 16, "attention.head_count_kv": 8, "attention.key_length": 128, "attention.value_length": 128,
      "rope.freq_base": 5000000, "attention.layer_norm_rms_epsilon": 1e-6, "rope.dimension_sections": [24, 20, 20, 0],
      n_deepstack_layers: 3, vocab_size: 151936,
    },
  },
  // Qwen3.5 MoE (llama.cpp qwen35moe), a 35B-A3B shape: not a catalog entry (see
  // src/models/catalog/README.md), the text_config of a public copy of a Qwen3.6-35B-A3B-derived
  // config.json: 40 layers of 2048, full attention every 4th layer (16 heads, 2 KV heads of 256,
  // gated query), gated DeltaNet elsewhere (16 key / 32 value heads of 128, conv 4), 256 experts of
  // 512 (8 used) + a shared expert of 512, vocab 248320, rope_theta 1e7 with partial_rotary_factor
  // 0.25 and mrope_section [11, 11, 10], untied. GGUF keys as conversion/qwen.py writes Qwen3-Next's
  // plus rope.dimension_sections; no MTP block (nextn_predict_layers)
  "qwen3.5-35b-a3b-shape": {
    hf: "Qwen/Qwen3.6-35B-A3B", arch: "qwen35moe", kind: "hybrid",
    hp: {
      layers: 40, hidden: 2048, heads: 16, kvHeads: 2, headDim: 256, ffn: 0, vocab: 248320, ctx: 262144, tied: false,
      rope: { theta: 10000000, partial: 0.25 }, layerPattern: "MMMA*10",
      ssm: { dConv: 4, dInner: 4096, dState: 128, nGroup: 16, heads: 32 },
      moe: { experts: 256, used: 8, expertFfn: 512, shared: 1, sharedFfn: 512 },
    },
    gguf: {
      context_length: 262144, embedding_length: 2048, block_count: 40, feed_forward_length: 0,
      "attention.head_count": 16, "attention.head_count_kv": 2, "attention.key_length": 256, "attention.value_length": 256,
      "rope.freq_base": 10000000, "rope.dimension_count": 64, "rope.dimension_sections": [11, 11, 10, 0],
      "attention.layer_norm_rms_epsilon": 1e-6,
      expert_count: 256, expert_used_count: 8, expert_feed_forward_length: 512, expert_shared_feed_forward_length: 512,
      "ssm.conv_kernel": 4, "ssm.inner_size": 4096, "ssm.state_size": 128, "ssm.time_step_rank": 32, "ssm.group_count": 16,
      full_attention_interval: 4, vocab_size: 248320,
    },
  },
  // Qwen3-VL 30B-A3B (catalog entry qwen3-vl-30b-a3b-instruct, its config:
  // test/fixtures/configs/Qwen__Qwen3-VL-30B-A3B-Instruct.json): Qwen3-MoE's decoder; GGUF keys as
  // conversion/qwen.py writes Qwen3-VL-MoE's (Qwen3MoeModel's plus rope.dimension_sections
  // [24, 20, 20] padded to 4 and n_deepstack_layers 3)
  "qwen3-vl-30b-a3b": {
    hf: "Qwen/Qwen3-VL-30B-A3B-Instruct", arch: "qwen3vlmoe", catalog: "qwen3-vl-30b-a3b-instruct",
    gguf: {
      context_length: 262144, embedding_length: 2048, block_count: 48, feed_forward_length: 6144,
      "attention.head_count": 32, "attention.head_count_kv": 4, "attention.key_length": 128, "attention.value_length": 128,
      "rope.freq_base": 5000000, "attention.layer_norm_rms_epsilon": 1e-6, "rope.dimension_sections": [24, 20, 20, 0],
      expert_count: 128, expert_used_count: 8, expert_feed_forward_length: 768, n_deepstack_layers: 3, vocab_size: 151936,
    },
  },
  // Qwen3.5 0.8B (catalog entry qwen3.5-0.8b): the dense qwen35 layout, 18 DeltaNet + 6 gated-query
  // attention layers with a dense FFN of 3584, tied embeddings; GGUF keys as for the 35B-A3B shape
  // without the expert keys
  "qwen3.5-0.8b": qwen35Dense("Qwen/Qwen3.5-0.8B", "qwen3.5-0.8b", { E: 1024, L: 24, F: 3584, H: 8, KV: 2, inner: 2048, dtRank: 16 }),
  // Qwen3.5 9B, 4B and 2B (catalog entries qwen3.5-9b, qwen3.5-4b, qwen3.5-2b): 0.8B's dense qwen35 layout at their widths
  // (src/models/catalog/qwen.ts); GGUF keys as for 0.8B
  "qwen3.5-9b": qwen35Dense("Qwen/Qwen3.5-9B", "qwen3.5-9b", { E: 4096, L: 32, F: 12288, H: 16, KV: 4, inner: 4096, dtRank: 32 }),
  "qwen3.5-4b": qwen35Dense("Qwen/Qwen3.5-4B", "qwen3.5-4b", { E: 2560, L: 32, F: 9216, H: 16, KV: 4, inner: 4096, dtRank: 32 }),
  "qwen3.5-2b": qwen35Dense("Qwen/Qwen3.5-2B", "qwen3.5-2b", { E: 2048, L: 24, F: 6144, H: 8, KV: 2, inner: 2048, dtRank: 16 }),
  // Mistral Large 3 (llama.cpp deepseek2), a 5-layer shape: its widths (catalog entry
  // mistral-large-3-675b-instruct-2512) with its 3 leading dense layers and 2 of its 58 MoE layers, as for
  // the DeepSeek-V3.2 shape below. 128 heads of MLA (V2-Lite, the other deepseek2 rows, has 16). GGUF keys as
  // conversion/mistral.py MistralMoeModel writes them (DeepseekV2Model's); no selection bias, softmax gating
  "mistral-large-3-5l-shape": {
    hf: "mistralai/Mistral-Large-3-675B-Instruct-2512", arch: "deepseek2", kind: "moe",
    hp: {
      layers: 5, hidden: 7168, heads: 128, ffn: 16384, vocab: 131072, ctx: 262144, positionLimit: 294912, tied: false,
      rope: { theta: 10000, scaling: { type: "yarn", factor: 36, originalCtx: 8192 } },
      mla: { qLoraRank: 1536, kvLoraRank: 512, qkNopeHeadDim: 128, qkRopeHeadDim: 64, vHeadDim: 128 },
      moe: { experts: 128, used: 4, shared: 1, expertFfn: 4096, sharedFfn: 4096, leadingDense: 3, every: 1, offset: 0 },
    },
    gguf: {
      context_length: 294912, embedding_length: 7168, block_count: 5, feed_forward_length: 16384,
      "attention.head_count": 128, "attention.head_count_kv": 1, "rope.freq_base": 10000,
      "attention.layer_norm_rms_epsilon": 1e-6, expert_used_count: 4, expert_gating_func: 1,
      "rope.scaling.type": "yarn", "rope.scaling.factor": 36, "rope.scaling.original_context_length": 8192,
      leading_dense_block_count: 3, vocab_size: 131072, "attention.q_lora_rank": 1536, "attention.kv_lora_rank": 512,
      "attention.key_length": 576, "attention.value_length": 512, "attention.key_length_mla": 192, "attention.value_length_mla": 128,
      expert_feed_forward_length: 4096, expert_count: 128, expert_shared_count: 1, expert_weights_scale: 1.0, expert_weights_norm: true,
      "rope.dimension_count": 64,
    },
  },
  // Nemotron 3 Nano 30B-A3B (catalog entry nemotron-3-nano-30b-a3b, its config:
  // test/fixtures/configs/nvidia__NVIDIA-Nemotron-3-Nano-30B-A3B-BF16.json). GGUF keys as conversion/nemotron.py
  // NemotronHModel writes them over GraniteHybridModel's: head_count_kv per layer (2 on the attention
  // layers, else 0), feed_forward_length per layer (moe_intermediate_size on the MoE layers, else 0:
  // llama.cpp's nemotron-h.cpp takes a layer without either for a Mamba-2 layer), ssm.inner_size =
  // mamba_num_heads × mamba_head_dim, ssm.time_step_rank = the Mamba heads; no RoPE
  "nemotron-3-nano-30b-a3b": {
    hf: "nvidia/NVIDIA-Nemotron-3-Nano-30B-A3B-BF16", arch: "nemotron_h_moe", catalog: "nemotron-3-nano-30b-a3b",
    gguf: nemotronKeys("MEMEM*EMEMEM*EMEMEM*EMEMEM*EMEMEM*EMEMEMEM*EMEMEMEME"),
  },
  // DeepSeek-V3.2 (llama.cpp deepseek32), a 5-layer shape: V3.2's widths (catalog entry deepseek-v3.2, its
  // config test/fixtures/configs/deepseek-ai__DeepSeek-V3.2.json) with its 3 leading dense layers and 2 of
  // its 58 MoE layers, so that the F16 file is 53 GB rather than 1.3 TB. Per-layer buffers (the MLA
  // latent and the indexer-key caches, the compute peaks) do not depend on the layer count beyond the
  // count itself. GGUF keys as conversion/deepseek.py DeepseekV32Model writes them (DeepseekV2Model's
  // plus attention.indexer.head_count / key_length / top_k); no MTP block (nextn_predict_layers)
  "deepseek-v3.2-5l-shape": {
    hf: "deepseek-ai/DeepSeek-V3.2", arch: "deepseek32", kind: "moe",
    hp: {
      layers: 5, hidden: 7168, heads: 128, ffn: 18432, vocab: 129280, ctx: 163840, tied: false,
      rope: { theta: 10000, scaling: { type: "yarn", factor: 40, originalCtx: 4096 } },
      mla: { qLoraRank: 1536, kvLoraRank: 512, qkNopeHeadDim: 128, qkRopeHeadDim: 64, vHeadDim: 128 },
      moe: { experts: 256, used: 8, shared: 1, expertFfn: 2048, sharedFfn: 2048, leadingDense: 3, every: 1, offset: 0, selectionBias: true },
      indexer: { heads: 64, headDim: 128, topK: 2048 },
    },
    gguf: {
      context_length: 163840, embedding_length: 7168, block_count: 5, feed_forward_length: 18432,
      "attention.head_count": 128, "attention.head_count_kv": 1, "rope.freq_base": 10000,
      "attention.layer_norm_rms_epsilon": 1e-6, expert_used_count: 8, expert_gating_func: 2,
      "rope.scaling.type": "yarn", "rope.scaling.factor": 40, "rope.scaling.original_context_length": 4096,
      leading_dense_block_count: 3, vocab_size: 129280, "attention.q_lora_rank": 1536, "attention.kv_lora_rank": 512,
      "attention.key_length": 576, "attention.value_length": 512, "attention.key_length_mla": 192, "attention.value_length_mla": 128,
      expert_feed_forward_length: 2048, expert_count: 256, expert_shared_count: 1, expert_weights_scale: 2.5, expert_weights_norm: true,
      "rope.dimension_count": 64, "rope.scaling.yarn_log_multiplier": 0.1,
      "attention.indexer.head_count": 64, "attention.indexer.key_length": 128, "attention.indexer.top_k": 2048,
    },
  },
  // GLM-4.7-Flash (catalog entry glm-4.7-flash, its config values test/fixtures/configs/zai-org__GLM-4.7-Flash.json):
  // the whole model, 47 layers (a 60 GB F16 file). conversion/glm.py Glm4MoeLiteModel writes DeepseekV2Model's
  // keys as deepseek2 (MLA form: key_length 512 + 64, key_length_mla 192 + 64, value_length_mla 256); no MTP
  // block, as unsloth's GGUF (47 blocks) and the catalog's shape
  "glm-4.7-flash": {
    hf: "zai-org/GLM-4.7-Flash", arch: "deepseek2", catalog: "glm-4.7-flash",
    gguf: {
      context_length: 202752, embedding_length: 2048, block_count: 47, feed_forward_length: 10240,
      "attention.head_count": 20, "attention.head_count_kv": 1, "rope.freq_base": 1000000,
      "attention.layer_norm_rms_epsilon": 1e-5, expert_used_count: 4, expert_gating_func: 2,
      leading_dense_block_count: 1, vocab_size: 154880, "attention.q_lora_rank": 768, "attention.kv_lora_rank": 512,
      "attention.key_length": 576, "attention.value_length": 512, "attention.key_length_mla": 256, "attention.value_length_mla": 256,
      expert_feed_forward_length: 1536, expert_count: 64, expert_shared_count: 1, expert_weights_scale: 1.8, expert_weights_norm: true,
      "rope.dimension_count": 64,
    },
  },
  // GLM-5 (llama.cpp glm-dsa), a 5-layer shape: GLM-5's widths (catalog entry glm-5, its config values
  // test/fixtures/configs/zai-org__GLM-5.json) with its 3 leading dense layers and 2 of its 75 MoE layers
  // (a 45 GB F16 file rather than 1.5 TB). GGUF keys as conversion/glm.py GlmMoeDsaModel writes them
  // (DeepseekV2Model's, rope.dimension_count = qk_rope_head_dim, the indexer's three keys); no
  // indexer_types (GLM-5 has none: every layer's indexer is full, which glm-dsa.cpp assumes below a
  // 1M context) and no MTP block (nextn_predict_layers), as in the catalog's shape
  "glm-5-5l-shape": {
    hf: "zai-org/GLM-5", arch: "glm-dsa", kind: "moe",
    hp: {
      layers: 5, hidden: 6144, heads: 64, ffn: 12288, vocab: 154880, ctx: 202752, tied: false, rope: { theta: 1000000 },
      mla: { qLoraRank: 2048, kvLoraRank: 512, qkNopeHeadDim: 192, qkRopeHeadDim: 64, vHeadDim: 256 },
      moe: { experts: 256, used: 8, shared: 1, expertFfn: 2048, sharedFfn: 2048, leadingDense: 3, every: 1, offset: 0, selectionBias: true },
      indexer: { heads: 32, headDim: 128, topK: 2048 },
    },
    gguf: {
      context_length: 202752, embedding_length: 6144, block_count: 5, feed_forward_length: 12288,
      "attention.head_count": 64, "attention.head_count_kv": 1, "rope.freq_base": 1000000,
      "attention.layer_norm_rms_epsilon": 1e-5, expert_used_count: 8, expert_gating_func: 2,
      leading_dense_block_count: 3, vocab_size: 154880, "attention.q_lora_rank": 2048, "attention.kv_lora_rank": 512,
      "attention.key_length": 576, "attention.value_length": 512, "attention.key_length_mla": 256, "attention.value_length_mla": 256,
      expert_feed_forward_length: 2048, expert_count: 256, expert_shared_count: 1, expert_weights_scale: 2.5, expert_weights_norm: true,
      "rope.dimension_count": 64,
      "attention.indexer.head_count": 32, "attention.indexer.key_length": 128, "attention.indexer.top_k": 2048,
    },
  },
};

/** The GGUF keys conversion/nemotron.py NemotronHModel writes for a Nemotron-H MoE config (Nemotron 3 Nano's values). */
function nemotronKeys(pattern) {
  const L = pattern.length;
  return {
    context_length: 262144, embedding_length: 2688, block_count: L,
    feed_forward_length: [...pattern].map((c) => (c === "E" ? 1856 : 0)),
    "attention.head_count": 32, "attention.head_count_kv": [...pattern].map((c) => (c === "*" ? 2 : 0)),
    "attention.key_length": 128, "attention.value_length": 128,
    "attention.layer_norm_epsilon": 1e-5, "attention.layer_norm_rms_epsilon": 1e-5,
    "ssm.conv_kernel": 4, "ssm.state_size": 128, "ssm.group_count": 8, "ssm.inner_size": 4096, "ssm.time_step_rank": 64,
    expert_count: 128, expert_used_count: 6, expert_feed_forward_length: 1856, expert_shared_feed_forward_length: 3712,
    expert_shared_count: 1, expert_weights_norm: true, expert_weights_scale: 2.5, expert_group_count: 1, vocab_size: 131072,
  };
}

/** The GGUF keys convert_hf_to_gguf.py writes for a Gemma 4 text config (conversion/gemma.py Gemma4Model). */
function gemma4Keys(c) {
  const swaLayers = Array.from({ length: c.L }, (_, i) => (i + 1) % c.every !== 0);
  const keys = {
    context_length: c.ctx, embedding_length: c.E, block_count: c.L, feed_forward_length: c.F,
    "attention.head_count": c.H,
    "attention.head_count_kv": c.KVglobal ? swaLayers.map((s) => (s ? c.KV : c.KVglobal)) : c.KV,
    "rope.freq_base": 1000000, "rope.freq_base_swa": 10000, "attention.layer_norm_rms_epsilon": 1e-6,
    "attention.key_length": 512, "attention.value_length": 512,
    "attention.key_length_swa": 256, "attention.value_length_swa": 256,
    "rope.dimension_count": 512, "rope.dimension_count_swa": 256,
    final_logit_softcapping: 30.0, "attention.sliding_window": c.swa, "attention.sliding_window_pattern": swaLayers,
    "attention.shared_kv_layers": c.shared, embedding_length_per_layer_input: c.ple, vocab_size: 262144,
  };
  if (c.experts) Object.assign(keys, { expert_count: c.experts, expert_used_count: c.used, expert_feed_forward_length: c.F_exp });
  return keys;
}

/** A shape from the engine's tensor list for a catalog entry, with the config's GGUF keys. */
function buildFromEngine(id, c) {
  if (!engine) throw new Error(`${id}: run \`npm run build\` first (the tensor list comes from dist/)`);
  const [{ CATALOG, shapeOf, llmShape }, { tensorsForShape }] = engine;
  let shape;
  if (c.catalog) {
    const entry = CATALOG.find((e) => e.id === c.catalog);
    if (!entry) throw new Error(`${id}: no catalog entry ${c.catalog}`);
    shape = shapeOf(entry);
  } else shape = llmShape(c.kind, c.arch, c.hp, { total: 0, active: 0 });
  const T = tensorsForShape(shape).map((t) => [t.name, [...t.ne]]);
  const hp = Object.fromEntries(Object.entries(c.gguf).map(([key, v]) => [`${c.arch}.${key}`, v]));
  const types = {};
  for (const [name, shape] of T) types[name] = f16TypeFor(name, shape);
  const total = T.reduce((s, [, sh]) => s + sh.reduce((x, y) => x * y, 1), 0);
  const spec = { arch: c.arch, ...(c.catalog ? { catalog: c.catalog } : { hp: c.hp }), V: c.gguf.vocab_size, ...c.gguf };
  return { hf_source: c.hf, arch: c.arch, gguf_hparams: hp, spec, tensor_count: T.length, total_elements: total, tensors: T, tensor_types: { F16: types } };
}

function f16TypeFor(name, shape) {
  if (shape.length <= 1 || name.endsWith("_norm.weight")) return "f32";
  if (!name.endsWith(".weight")) return "f32";
  if (/\.(ssm_conv1d|shortconv\.conv|ffn_gate_inp)\.weight$/.test(name)) return "f32";
  return "f16";
}

export function buildShape(id) {
  const c = CONFIGS[id];
  if (!c) throw new Error(`unknown model ${id}`);
  if (c.catalog || c.hp) return buildFromEngine(id, c);
  const a = c.arch;
  const T = [];
  const t = (name, shape) => T.push([name, shape]);
  const hp = {};
  const k = (key, v) => { hp[`${a}.${key}`] = v; };

  t("token_embd.weight", [c.E, c.V]);
  if (["gemma2", "gemma3", "qwen3", "qwen3moe", "phi3", "qwen2", "lfm2"].includes(a)) {
    k("context_length", c.ctx); k("embedding_length", c.E); k("block_count", c.L);
    k("feed_forward_length", c.F);
    k("attention.head_count", c.H);
    if (a === "lfm2") {
      // per-layer KV head count, 0 for the short-convolution layers (convert: lfm2.py)
      k("attention.head_count_kv", Array.from({ length: c.L }, (_, i) => (c.attn_layers.includes(i) ? c.KV : 0)));
    } else k("attention.head_count_kv", c.KV);
    k("rope.freq_base", c.rope);
    k("attention.layer_norm_rms_epsilon", c.eps);
    if (c.hd !== c.E / c.H || a === "gemma2" || a === "gemma3" || a === "qwen3" || a === "qwen3moe") {
      k("attention.key_length", c.hd); k("attention.value_length", c.hd);
    }
    if (a === "phi3") { k("rope.dimension_count", c.hd); k("rope.scaling.original_context_length", c.ctx); }
    if (c.swa) k("attention.sliding_window", c.swa);
    if (c.attn_softcap) k("attn_logit_softcapping", c.attn_softcap);
    if (c.final_softcap) k("final_logit_softcapping", c.final_softcap);
    if (c.rope_scaling_linear) { k("rope.scaling.type", "linear"); k("rope.scaling.factor", c.rope_scaling_linear); }
    if (a === "qwen3moe") { k("expert_count", c.n_expert); k("expert_used_count", c.n_expert_used); k("expert_feed_forward_length", c.F_exp); }
    if (a === "lfm2") { k("shortconv.l_cache", c.conv_L); }
    if (a === "lfm2") k("vocab_size", c.V);

    for (let i = 0; i < c.L; i++) {
      const b = `blk.${i}.`;
      const q = c.H * c.hd, kv = c.KV * c.hd;
      if (a === "lfm2") {
        if (c.attn_layers.includes(i)) {
          t(b + "attn_norm.weight", [c.E]);
          t(b + "attn_q.weight", [c.E, c.E]); t(b + "attn_k.weight", [c.E, kv]); t(b + "attn_v.weight", [c.E, kv]);
          t(b + "attn_q_norm.weight", [c.hd]); t(b + "attn_k_norm.weight", [c.hd]);
          t(b + "attn_output.weight", [c.E, c.E]);
        } else {
          t(b + "attn_norm.weight", [c.E]);
          t(b + "shortconv.conv.weight", [c.conv_L, c.E]);
          t(b + "shortconv.in_proj.weight", [c.E, 3 * c.E]);
          t(b + "shortconv.out_proj.weight", [c.E, c.E]);
        }
        t(b + "ffn_norm.weight", [c.E]);
        t(b + "ffn_gate.weight", [c.E, c.F]); t(b + "ffn_up.weight", [c.E, c.F]); t(b + "ffn_down.weight", [c.F, c.E]);
        continue;
      }
      t(b + "attn_norm.weight", [c.E]);
      if (a === "phi3") {
        t(b + "attn_qkv.weight", [c.E, q + 2 * kv]);
      } else {
        t(b + "attn_q.weight", [c.E, q]); t(b + "attn_k.weight", [c.E, kv]); t(b + "attn_v.weight", [c.E, kv]);
        if (a === "qwen2") { t(b + "attn_q.bias", [q]); t(b + "attn_k.bias", [kv]); t(b + "attn_v.bias", [kv]); }
      }
      if (a === "gemma3" || a === "qwen3" || a === "qwen3moe") { t(b + "attn_q_norm.weight", [c.hd]); t(b + "attn_k_norm.weight", [c.hd]); }
      t(b + "attn_output.weight", [q, c.E]);
      if (a === "gemma2" || a === "gemma3") t(b + "post_attention_norm.weight", [c.E]);
      t(b + "ffn_norm.weight", [c.E]);
      if (a === "qwen3moe") {
        t(b + "ffn_gate_inp.weight", [c.E, c.n_expert]);
        t(b + "ffn_gate_exps.weight", [c.E, c.F_exp, c.n_expert]);
        t(b + "ffn_up_exps.weight", [c.E, c.F_exp, c.n_expert]);
        t(b + "ffn_down_exps.weight", [c.F_exp, c.E, c.n_expert]);
      } else if (a === "phi3") {
        t(b + "ffn_up.weight", [c.E, 2 * c.F]); t(b + "ffn_down.weight", [c.F, c.E]);
      } else {
        t(b + "ffn_gate.weight", [c.E, c.F]); t(b + "ffn_up.weight", [c.E, c.F]); t(b + "ffn_down.weight", [c.F, c.E]);
      }
      if (a === "gemma2" || a === "gemma3") t(b + "post_ffw_norm.weight", [c.E]);
    }
    t(a === "lfm2" ? "token_embd_norm.weight" : "output_norm.weight", [c.E]);
  } else if (a === "mamba" || a === "mamba2") {
    // convert: conversion/mamba.py (context_length 2**20, no attention heads)
    k("context_length", 1048576); k("embedding_length", c.E); k("block_count", c.L);
    k("feed_forward_length", 0); k("attention.head_count", 0);
    k("ssm.conv_kernel", c.d_conv); k("ssm.inner_size", c.d_inner); k("ssm.state_size", c.d_state);
    k("ssm.time_step_rank", a === "mamba" ? c.dt_rank : c.n_head_ssm);
    if (a === "mamba2") k("ssm.group_count", c.n_group);
    if (a === "mamba") k("ssm.dt_b_c_rms", !!c.dt_b_c_rms);
    k("attention.layer_norm_rms_epsilon", c.eps);
    for (let i = 0; i < c.L; i++) {
      const b = `blk.${i}.`;
      t(b + "attn_norm.weight", [c.E]);
      if (a === "mamba") {
        t(b + "ssm_in.weight", [c.E, 2 * c.d_inner]);
        t(b + "ssm_conv1d.weight", [c.d_conv, c.d_inner]);
        t(b + "ssm_conv1d.bias", [c.d_inner]);
        t(b + "ssm_x.weight", [c.d_inner, c.dt_rank + 2 * c.d_state]);
        t(b + "ssm_dt.weight", [c.dt_rank, c.d_inner]);
        t(b + "ssm_dt.bias", [c.d_inner]);
        t(b + "ssm_a", [c.d_state, c.d_inner]);
        t(b + "ssm_d", [c.d_inner]);
        t(b + "ssm_out.weight", [c.d_inner, c.E]);
      } else {
        const conv = c.d_inner + 2 * c.n_group * c.d_state;
        t(b + "ssm_in.weight", [c.E, c.d_inner + conv + c.n_head_ssm]);
        t(b + "ssm_conv1d.weight", [c.d_conv, conv]);
        t(b + "ssm_conv1d.bias", [conv]);
        t(b + "ssm_dt.bias", [c.n_head_ssm]);
        t(b + "ssm_a", [1, c.n_head_ssm]);
        t(b + "ssm_d", [1, c.n_head_ssm]);
        t(b + "ssm_norm.weight", [c.d_inner / c.n_group, c.n_group]);
        t(b + "ssm_out.weight", [c.d_inner, c.E]);
      }
    }
    t("output_norm.weight", [c.E]);
  } else if (a === "granitehybrid") {
    // convert: conversion/granite.py (GraniteHybridModel: per-layer head_count_kv, 0 for Mamba layers)
    k("context_length", c.ctx); k("embedding_length", c.E); k("block_count", c.L);
    k("feed_forward_length", c.F_exp); k("attention.head_count", c.H);
    k("attention.head_count_kv", Array.from({ length: c.L }, (_, i) => (c.attn_layers.includes(i) ? c.KV : 0)));
    k("attention.layer_norm_rms_epsilon", c.eps);
    k("expert_count", c.n_expert); k("expert_used_count", c.n_expert_used);
    k("expert_shared_feed_forward_length", c.F_sh);
    k("ssm.conv_kernel", c.d_conv); k("ssm.inner_size", c.d_inner); k("ssm.state_size", c.d_state);
    k("ssm.time_step_rank", c.n_head_ssm); k("ssm.group_count", c.n_group);
    k("rope.scaling.finetuned", false);
    for (let i = 0; i < c.L; i++) {
      const b = `blk.${i}.`;
      t(b + "attn_norm.weight", [c.E]);
      if (c.attn_layers.includes(i)) {
        t(b + "attn_q.weight", [c.E, c.H * c.hd]); t(b + "attn_k.weight", [c.E, c.KV * c.hd]); t(b + "attn_v.weight", [c.E, c.KV * c.hd]);
        t(b + "attn_output.weight", [c.H * c.hd, c.E]);
      } else {
        const conv = c.d_inner + 2 * c.n_group * c.d_state;
        t(b + "ssm_in.weight", [c.E, 2 * c.d_inner + 2 * c.n_group * c.d_state + c.n_head_ssm]);
        t(b + "ssm_conv1d.weight", [c.d_conv, conv]);
        t(b + "ssm_conv1d.bias", [conv]);
        t(b + "ssm_dt.bias", [c.n_head_ssm]);
        t(b + "ssm_a", [1, c.n_head_ssm]);
        t(b + "ssm_d", [1, c.n_head_ssm]);
        t(b + "ssm_norm.weight", [c.d_inner / c.n_group, c.n_group]);
        t(b + "ssm_out.weight", [c.d_inner, c.E]);
      }
      t(b + "ffn_norm.weight", [c.E]);
      t(b + "ffn_gate_inp.weight", [c.E, c.n_expert]);
      t(b + "ffn_gate_exps.weight", [c.E, c.F_exp, c.n_expert]);
      t(b + "ffn_up_exps.weight", [c.E, c.F_exp, c.n_expert]);
      t(b + "ffn_down_exps.weight", [c.F_exp, c.E, c.n_expert]);
      t(b + "ffn_gate_shexp.weight", [c.E, c.F_sh]);
      t(b + "ffn_up_shexp.weight", [c.E, c.F_sh]);
      t(b + "ffn_down_shexp.weight", [c.F_sh, c.E]);
    }
    t("output_norm.weight", [c.E]);
  } else if (a === "deepseek2") {
    // convert: conversion/deepseek.py (DeepseekV2Model.set_gguf_parameters, modify_tensors);
    // loader: src/models/deepseek2.cpp (load_arch_hparams, load_arch_tensors; MLA form since
    // key_length_mla / value_length_mla are set, llama-hparams.cpp is_mla())
    k("context_length", c.ctx); k("embedding_length", c.E); k("block_count", c.L);
    k("feed_forward_length", c.F); k("attention.head_count", c.H); k("attention.head_count_kv", 1);
    k("rope.freq_base", c.rope); k("attention.layer_norm_rms_epsilon", c.eps);
    k("expert_used_count", c.n_expert_used);
    k("rope.scaling.type", "yarn"); k("rope.scaling.factor", c.yarn_factor);
    k("rope.scaling.original_context_length", c.yarn_orig_ctx);
    k("leading_dense_block_count", c.dense_lead); k("vocab_size", c.V);
    if (c.q_lora) k("attention.q_lora_rank", c.q_lora);
    k("attention.kv_lora_rank", c.kv_lora);
    k("attention.key_length", c.kv_lora + c.qk_rope); k("attention.value_length", c.kv_lora);
    k("attention.key_length_mla", c.qk_nope + c.qk_rope); k("attention.value_length_mla", c.v_hd);
    k("expert_feed_forward_length", c.F_exp); k("expert_count", c.n_expert);
    k("expert_shared_count", c.n_expert_shared); k("expert_weights_scale", c.expert_scale);
    k("rope.dimension_count", c.qk_rope);
    k("rope.scaling.yarn_log_multiplier", 0.1 * c.mscale_all_dim);
    for (let i = 0; i < c.L; i++) {
      const b = `blk.${i}.`;
      t(b + "attn_norm.weight", [c.E]);
      if (c.q_lora) {
        t(b + "attn_q_a_norm.weight", [c.q_lora]);
        t(b + "attn_q_a.weight", [c.E, c.q_lora]); t(b + "attn_q_b.weight", [c.q_lora, c.H * (c.qk_nope + c.qk_rope)]);
      } else t(b + "attn_q.weight", [c.E, c.H * (c.qk_nope + c.qk_rope)]);
      t(b + "attn_kv_a_norm.weight", [c.kv_lora]);
      t(b + "attn_kv_a_mqa.weight", [c.E, c.kv_lora + c.qk_rope]);
      t(b + "attn_k_b.weight", [c.qk_nope, c.kv_lora, c.H]);
      t(b + "attn_v_b.weight", [c.kv_lora, c.v_hd, c.H]);
      t(b + "attn_output.weight", [c.H * c.v_hd, c.E]);
      t(b + "ffn_norm.weight", [c.E]);
      if (i < c.dense_lead) {
        t(b + "ffn_gate.weight", [c.E, c.F]); t(b + "ffn_up.weight", [c.E, c.F]); t(b + "ffn_down.weight", [c.F, c.E]);
      } else {
        t(b + "ffn_gate_inp.weight", [c.E, c.n_expert]);
        t(b + "ffn_gate_exps.weight", [c.E, c.F_exp, c.n_expert]);
        t(b + "ffn_up_exps.weight", [c.E, c.F_exp, c.n_expert]);
        t(b + "ffn_down_exps.weight", [c.F_exp, c.E, c.n_expert]);
        const sh = c.F_exp * c.n_expert_shared;
        t(b + "ffn_gate_shexp.weight", [c.E, sh]); t(b + "ffn_up_shexp.weight", [c.E, sh]); t(b + "ffn_down_shexp.weight", [sh, c.E]);
      }
    }
    t("output_norm.weight", [c.E]);
  } else if (a === "gemma3n") {
    // keys: conversion/gemma.py Gemma3NModel.set_gguf_parameters (+ Gemma3Model's)
    k("context_length", c.ctx); k("embedding_length", c.E); k("block_count", c.L);
    k("feed_forward_length", c.F); k("attention.head_count", c.H); k("attention.head_count_kv", c.KV);
    k("rope.freq_base", c.rope); k("rope.freq_base_swa", c.rope_swa);
    k("attention.layer_norm_rms_epsilon", c.eps);
    k("attention.key_length", c.hd); k("attention.value_length", c.hd);
    k("attention.sliding_window", c.swa); k("final_logit_softcapping", c.final_softcap);
    k("altup.active_idx", 0); k("altup.num_inputs", c.n_altup);
    k("embedding_length_per_layer_input", c.ple); k("attention.shared_kv_layers", c.kv_shared);
    // tensors in the order src/models/gemma3n.cpp load_arch_tensors creates them
    const P = c.ple * c.L;
    t("altup_proj.weight", [c.E, c.E, c.n_altup - 1]);
    t("altup_unembd_proj.weight", [c.E, c.E, c.n_altup - 1]);
    t("per_layer_token_embd.weight", [P, c.V]);
    t("per_layer_model_proj.weight", [c.E, P]);
    t("per_layer_proj_norm.weight", [c.ple]);
    t("output_norm.weight", [c.E]);
    for (let i = 0; i < c.L; i++) {
      const b = `blk.${i}.`;
      const q = c.H * c.hd, kv = c.KV * c.hd;
      t(b + "attn_norm.weight", [c.E]);
      t(b + "attn_q.weight", [c.E, q]); t(b + "attn_k.weight", [c.E, kv]); t(b + "attn_v.weight", [c.E, kv]);
      t(b + "attn_output.weight", [q, c.E]);
      t(b + "attn_q_norm.weight", [c.hd]); t(b + "attn_k_norm.weight", [c.hd]);
      t(b + "post_attention_norm.weight", [c.E]);
      t(b + "ffn_norm.weight", [c.E]);
      t(b + "ffn_gate.weight", [c.E, c.F]); t(b + "ffn_up.weight", [c.E, c.F]); t(b + "ffn_down.weight", [c.F, c.E]);
      t(b + "post_ffw_norm.weight", [c.E]);
      t(b + "inp_gate.weight", [c.E, c.ple]); t(b + "proj.weight", [c.ple, c.E]); t(b + "post_norm.weight", [c.E]);
      t(b + "altup_correct_coef.weight", [c.n_altup, c.n_altup]);
      t(b + "altup_correct_scale.weight", [c.E]);
      t(b + "altup_predict_coef.weight", [c.n_altup, c.n_altup * c.n_altup]);
      t(b + "altup_router.weight", [c.E, c.n_altup]);
      t(b + "altup_router_norm.weight", [c.E]);
      t(b + "laurel_l.weight", [c.E, c.laurel_rank]); t(b + "laurel_r.weight", [c.laurel_rank, c.E]);
      t(b + "laurel_post_norm.weight", [c.E]);
    }
  } else throw new Error(`no builder for ${a}`);
  if (!c.tied) t("output.weight", [c.E, c.V]);

  const types = {};
  for (const [name, shape] of T) types[name] = f16TypeFor(name, shape);
  const total = T.reduce((s, [, sh]) => s + sh.reduce((x, y) => x * y, 1), 0);
  const spec = { arch: a, ...Object.fromEntries(Object.entries(c).filter(([kk]) => kk !== "hf" && kk !== "arch")) };
  return {
    hf_source: c.hf, arch: a, gguf_hparams: hp, spec,
    tensor_count: T.length, total_elements: total, tensors: T, tensor_types: { F16: types },
  };
}

// Keys whose values GGUF stores as float32 (everything else numeric is uint32/int32 arrays).
const FLOAT_KEY = /(freq_base|epsilon|softcapping|scaling\.factor|attn_factor|freq_scale|logit_scale|_scale$|_multiplier$)/;

/** Turn a shapes.json entry (base or extra) into GGUF KV pairs + tensor list for one quant. */
export function ggufFromShape(id, shape, weights, GGUF_TYPE) {
  const types = shape.tensor_types[weights];
  if (!types) throw new Error(`${id}: no tensor_types for ${weights}`);
  const ftype = { F16: 1, Q8_0: 7, Q4_K_M: 15 }[weights];
  const kv = [
    ["general.architecture", GGUF_TYPE.STRING, shape.arch],
    ["general.name", GGUF_TYPE.STRING, id],
    ["general.file_type", GGUF_TYPE.UINT32, ftype],
  ];
  for (const [key, v] of Object.entries(shape.gguf_hparams)) {
    if (typeof v === "boolean") kv.push([key, GGUF_TYPE.BOOL, v]);
    else if (typeof v === "string") kv.push([key, GGUF_TYPE.STRING, v]);
    else if (Array.isArray(v)) kv.push([key, "array", typeof v[0] === "boolean" ? GGUF_TYPE.BOOL : GGUF_TYPE.INT32, v]);
    else if (FLOAT_KEY.test(key) || !Number.isInteger(v)) kv.push([key, GGUF_TYPE.FLOAT32, v]);
    else kv.push([key, GGUF_TYPE.UINT32, v]);
  }
  const vocab = shape.spec?.V ?? shape.tensors.find(([n]) => n === "token_embd.weight")[1][1];
  const tensors = shape.tensors.map(([name, sh]) => ({ name, shape: sh, type: types[name] }));
  return { kv, tensors, vocab };
}
