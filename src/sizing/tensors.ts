// The tensor list llama.cpp creates for a model shape: names and `ne` in ggml order (ne[0] is the
// row length), per architecture. Facts re-expressed from llama.cpp's llama-model.cpp (load_tensors)
// and src/models/*.cpp; tensor names from llama-arch.cpp (LLM_TENSOR_NAMES).
//
// Types are not decided here (see quant-mix.ts): every entry only says what exists and its shape.

import type { AltupShape, LayerShape, ModelShape } from "../models/shape.js";

export interface TensorShape {
  readonly name: string;
  readonly ne: readonly number[];
  /** Layer index, or undefined for token embedding, output and other global tensors. */
  readonly layer?: number;
}

type Emit = (name: string, ne: readonly number[]) => void;

/** Architectures whose tensors this module knows. Anything else is built as llama (documented fallback). */
export const KNOWN_ARCHES = [
  "llama", "mistral3", "granite", "smollm3", "qwen2", "qwen3", "qwen2moe", "qwen3moe",
  "gemma", "gemma2", "gemma3", "gemma3n", "phi3", "mamba", "mamba2", "falcon-h1", "granitehybrid",
  "lfm2", "jamba", "gpt2", "gptneox", "starcoder2", "olmo2", "gpt-oss", "command-r", "cohere2",
  "deepseek2", "bloom", "falcon", "phi2", "olmo", "olmoe", "granitemoe", "phimoe", "chatglm", "glm4", "glm4moe",
  "bert", "nomic-bert", "llama4", "minimax-m2", "qwen3next", "qwen3vl", "qwen3vlmoe", "gemma4",
  "qwen35", "qwen35moe", "deepseek32", "glm-dsa", "nemotron_h", "nemotron_h_moe",
] as const;

/**
 * Encoder-only embedding models: llama.cpp creates no KV cache for them (llama-model.cpp
 * create_memory returns none for BERT-family archs; attention is non-causal over one batch).
 */
export function isEncoderOnly(arch: string): boolean {
  return arch === "bert" || arch === "nomic-bert";
}

/** Archs whose attention projection is one fused attn_qkv tensor (K and V are views of it). */
export function hasFusedQkv(arch: string): boolean {
  return (
    arch === "phi3" || arch === "gpt2" || arch === "gptneox" || arch === "bloom" || arch === "falcon" ||
    arch === "chatglm" || arch === "nomic-bert"
  );
}

/** True when layer `il` uses a mixture-of-experts FFN. */
export function layerIsMoe(shape: ModelShape, il: number): boolean {
  const layer = shape.layers[il];
  if (layer?.moe !== undefined) return layer.moe;
  return shape.experts !== undefined && shape.experts.count > 1 && il >= shape.experts.leadingDense;
}

/** True when layer `il` holds a recurrent (SSM or short-conv) state. Falcon-H1 runs Mamba-2 beside attention in every layer. */
export function layerHasRecurrentState(shape: ModelShape, il: number): boolean {
  const layer = shape.layers[il];
  if (!layer) return false;
  if (shape.arch === "falcon-h1") return true;
  return layer.mixer === "recurrent" || layer.mixer === "shortconv";
}

export function layerHasKv(layer: LayerShape): boolean {
  return layer.mixer === "attention";
}

/** d_inner + 2·n_group·d_state: the channels Mamba-2's conv runs over (Mamba-1 has n_group 0). */
export function ssmConvChannels(shape: ModelShape): number {
  const s = shape.ssm;
  if (!s) return 0;
  return s.dInner + 2 * s.nGroup * s.dState;
}

/** Key head dim of a layer: sliding-window layers may have their own (llama.cpp n_embd_head_k(il)). */
export function layerHeadDimK(shape: ModelShape, l: LayerShape): number {
  return l.swa && shape.headDimKSwa !== undefined ? shape.headDimKSwa : shape.headDimK;
}

/** Value head dim of a layer (llama.cpp n_embd_head_v(il)). */
export function layerHeadDimV(shape: ModelShape, l: LayerShape): number {
  return l.swa && shape.headDimVSwa !== undefined ? shape.headDimVSwa : shape.headDimV;
}

function qDim(shape: ModelShape, l: LayerShape): number {
  return l.nHead * layerHeadDimK(shape, l);
}
function kDim(shape: ModelShape, l: LayerShape): number {
  return l.nHeadKv * layerHeadDimK(shape, l);
}
function vDim(shape: ModelShape, l: LayerShape): number {
  return l.nHeadKv * layerHeadDimV(shape, l);
}
function oDim(shape: ModelShape, l: LayerShape): number {
  return l.nHead * layerHeadDimV(shape, l);
}

interface AttnOptions {
  readonly bias?: boolean; // q/k/v biases (qwen2, gpt-oss)
  readonly outBias?: boolean;
  readonly qkNorm?: "head" | "full"; // per-head (qwen3, gemma3) or whole-projection (olmo2)
  readonly fused?: boolean; // one attn_qkv tensor (phi3, gpt2, gptneox)
  readonly sinks?: boolean; // gpt-oss attention sinks
}

function attention(e: Emit, shape: ModelShape, l: LayerShape, o: AttnOptions): void {
  const E = shape.nEmbd;
  if (o.fused) {
    const n = qDim(shape, l) + kDim(shape, l) + vDim(shape, l);
    e("attn_qkv.weight", [E, n]);
    if (o.bias) e("attn_qkv.bias", [n]);
  } else {
    e("attn_q.weight", [E, qDim(shape, l)]);
    e("attn_k.weight", [E, kDim(shape, l)]);
    e("attn_v.weight", [E, vDim(shape, l)]);
    if (o.bias) {
      e("attn_q.bias", [qDim(shape, l)]);
      e("attn_k.bias", [kDim(shape, l)]);
      e("attn_v.bias", [vDim(shape, l)]);
    }
  }
  e("attn_output.weight", [oDim(shape, l), E]);
  if (o.outBias) e("attn_output.bias", [E]);
  if (o.qkNorm === "head") {
    e("attn_q_norm.weight", [layerHeadDimK(shape, l)]);
    e("attn_k_norm.weight", [layerHeadDimK(shape, l)]);
  } else if (o.qkNorm === "full") {
    e("attn_q_norm.weight", [qDim(shape, l)]);
    e("attn_k_norm.weight", [kDim(shape, l)]);
  }
  if (o.sinks) e("attn_sinks.weight", [l.nHead]);
}

function gatedFfn(e: Emit, shape: ModelShape, nFf: number, suffix = ""): void {
  const E = shape.nEmbd;
  e(`ffn_gate${suffix}.weight`, [E, nFf]);
  e(`ffn_up${suffix}.weight`, [E, nFf]);
  e(`ffn_down${suffix}.weight`, [nFf, E]);
}

function moeFfn(e: Emit, shape: ModelShape, opts: { bias?: boolean; selectionBias?: boolean } = {}): void {
  const x = shape.experts;
  if (!x) return;
  const E = shape.nEmbd;
  e("ffn_gate_inp.weight", [E, x.count]);
  if (opts.bias) e("ffn_gate_inp.bias", [x.count]);
  if (opts.selectionBias) e("exp_probs_b.bias", [x.count]);
  e("ffn_gate_exps.weight", [E, x.nFfExp, x.count]);
  e("ffn_up_exps.weight", [E, x.nFfExp, x.count]);
  e("ffn_down_exps.weight", [x.nFfExp, E, x.count]);
  if (opts.bias) {
    e("ffn_gate_exps.bias", [x.nFfExp, x.count]);
    e("ffn_up_exps.bias", [x.nFfExp, x.count]);
    e("ffn_down_exps.bias", [E, x.count]);
  }
}

function sharedExperts(e: Emit, shape: ModelShape, gateInp: boolean): void {
  const x = shape.experts;
  if (!x || x.shared === 0 || x.nFfShexp === 0) return;
  if (gateInp) e("ffn_gate_inp_shexp.weight", [shape.nEmbd]);
  gatedFfn(e, shape, x.nFfShexp * x.shared, "_shexp");
}

function mamba1(e: Emit, shape: ModelShape, jambaNorms: boolean): void {
  const s = shape.ssm;
  if (!s) return;
  const E = shape.nEmbd;
  e("ssm_in.weight", [E, 2 * s.dInner]);
  e("ssm_conv1d.weight", [s.dConv, s.dInner]);
  e("ssm_conv1d.bias", [s.dInner]);
  e("ssm_x.weight", [s.dInner, s.dtRank + 2 * s.dState]);
  e("ssm_dt.weight", [s.dtRank, s.dInner]);
  e("ssm_dt.bias", [s.dInner]);
  if (jambaNorms) {
    e("ssm_dt_norm.weight", [s.dtRank]);
    e("ssm_b_norm.weight", [s.dState]);
    e("ssm_c_norm.weight", [s.dState]);
  }
  e("ssm_a", [s.dState, s.dInner]);
  e("ssm_d", [s.dInner]);
  e("ssm_out.weight", [s.dInner, E]);
}

function mamba2(e: Emit, shape: ModelShape): void {
  const s = shape.ssm;
  if (!s) return;
  const E = shape.nEmbd;
  const conv = ssmConvChannels(shape);
  const nHead = s.nHead > 0 ? s.nHead : s.dtRank;
  e("ssm_in.weight", [E, s.dInner + conv + nHead]);
  e("ssm_conv1d.weight", [s.dConv, conv]);
  e("ssm_conv1d.bias", [conv]);
  e("ssm_dt.bias", [nHead]);
  e("ssm_a", [1, nHead]);
  e("ssm_d", [1, nHead]);
  e("ssm_norm.weight", [s.dInner / Math.max(1, s.nGroup), Math.max(1, s.nGroup)]);
  e("ssm_out.weight", [s.dInner, E]);
}

/** A LayerNorm with weight and bias. */
function layerNorm(e: Emit, name: string, n: number): void {
  e(`${name}.weight`, [n]);
  e(`${name}.bias`, [n]);
}

/** The classic 2-matrix FFN (up, activation, down), optionally with biases. */
function plainFfn(e: Emit, shape: ModelShape, nFf: number, bias: boolean): void {
  const E = shape.nEmbd;
  e("ffn_up.weight", [E, nFf]);
  if (bias) e("ffn_up.bias", [nFf]);
  e("ffn_down.weight", [nFf, E]);
  if (bias) e("ffn_down.bias", [E]);
}

/**
 * DeepSeek-V2/V3 multi-head latent attention, as src/models/deepseek2.cpp (load_arch_tensors)
 * creates it for files from the current convert_hf_to_gguf.py, which writes the MLA form
 * (attention.key_length_mla set → hparams.is_mla()): kv_b split into per-head attn_k_b / attn_v_b.
 * Older files hold one attn_kv_b [kv_lora_rank, n_head·(nope + v)] instead: the same element count.
 */
function mlaAttention(e: Emit, shape: ModelShape, l: LayerShape): void {
  const m = shape.mla;
  if (!m) return;
  const E = shape.nEmbd;
  const H = l.nHead;
  const qk = m.qkNopeHeadDim + m.qkRopeHeadDim;
  if (m.qLoraRank > 0) e("attn_q_a_norm.weight", [m.qLoraRank]);
  e("attn_kv_a_norm.weight", [m.kvLoraRank]);
  if (m.qLoraRank > 0) {
    e("attn_q_a.weight", [E, m.qLoraRank]);
    e("attn_q_b.weight", [m.qLoraRank, H * qk]);
  } else {
    e("attn_q.weight", [E, H * qk]);
  }
  e("attn_kv_a_mqa.weight", [E, m.kvLoraRank + m.qkRopeHeadDim]);
  e("attn_k_b.weight", [m.qkNopeHeadDim, m.kvLoraRank, H]);
  e("attn_v_b.weight", [m.kvLoraRank, m.vHeadDim, H]);
  e("attn_output.weight", [H * m.vHeadDim, E]);
}

/**
 * DeepSeek-V3.2's lightning indexer, as src/models/deepseek32.cpp creates it: a LayerNorm (weight
 * and bias) over its key, the per-head weight projection, the key projection (one head) and the
 * query projection from the low-rank query latent.
 */
function lightningIndexer(e: Emit, shape: ModelShape): void {
  const x = shape.indexer;
  const m = shape.mla;
  if (!x || !m) return;
  const E = shape.nEmbd;
  layerNorm(e, "indexer.k_norm", x.headDim);
  e("indexer.proj.weight", [E, x.heads]);
  e("indexer.attn_k.weight", [E, x.headDim]);
  e("indexer.attn_q_b.weight", [m.qLoraRank, x.heads * x.headDim]);
}

/**
 * Qwen3-Next / Qwen3.5 full attention: the query projection also yields an output gate
 * (2 × n_head × head_dim), with Q and K norms over one head.
 */
function gatedQueryAttention(e: Emit, shape: ModelShape, l: LayerShape): void {
  const E = shape.nEmbd;
  e("attn_q.weight", [E, 2 * qDim(shape, l)]);
  e("attn_k.weight", [E, kDim(shape, l)]);
  e("attn_v.weight", [E, vDim(shape, l)]);
  e("attn_output.weight", [oDim(shape, l), E]);
  e("attn_q_norm.weight", [shape.headDimK]);
  e("attn_k_norm.weight", [shape.headDimK]);
}

/**
 * Qwen3-Next's gated DeltaNet (linear attention) layer, as src/models/qwen3next.cpp creates it:
 * q/k/v in one projection (key_dim = ssm.state_size × ssm.group_count for q and for k, value_dim =
 * ssm.inner_size), the output gate z, a short causal conv over q/k/v, per-value-head decay (ssm_a,
 * ssm_dt) and beta/alpha projections, a gated RMS norm over one head, and the output projection.
 * The time-step rank holds the value-head count (llama.cpp's ssm_dt_rank).
 */
function gatedDeltaNet(e: Emit, shape: ModelShape, splitBetaAlpha = false): void {
  const s = shape.ssm;
  if (!s) return;
  const E = shape.nEmbd;
  const keyDim = s.dState * s.nGroup;
  const valueDim = s.dInner;
  const conv = ssmConvChannels(shape);
  e("attn_qkv.weight", [E, 2 * keyDim + valueDim]);
  e("attn_gate.weight", [E, valueDim]);
  e("ssm_conv1d.weight", [s.dConv, conv]);
  e("ssm_dt.bias", [s.nHead]);
  e("ssm_a", [s.nHead]);
  // Qwen3.5 keeps beta and alpha as two projections (src/models/qwen35.cpp: ssm_beta, ssm_alpha)
  if (splitBetaAlpha) {
    e("ssm_beta.weight", [E, s.nHead]);
    e("ssm_alpha.weight", [E, s.nHead]);
  } else e("ssm_ba.weight", [E, 2 * s.nHead]);
  e("ssm_norm.weight", [s.dState]);
  e("ssm_out.weight", [valueDim, E]);
}

/**
 * Falcon 40B/180B ("new decoder architecture") norm attention and MLP input apart (ln_attn and
 * ln_mlp → attn_norm and attn_norm_2); Falcon 7B has one shared input norm. Of the published
 * checkpoints exactly the grouped-query ones (1 < KV heads < heads) use the new layout:
 * 7B is multi-query (1 KV head), RW-1B multi-head.
 */
function falconHasNorm2(l: LayerShape): boolean {
  return l.nHeadKv > 1 && l.nHeadKv < l.nHead;
}

/** Emits one layer's tensors for `arch`. */
function layerTensors(e: Emit, shape: ModelShape, il: number): void {
  const l = shape.layers[il];
  if (!l) return;
  const E = shape.nEmbd;
  const moe = layerIsMoe(shape, il);
  const ffn = (): void => {
    if (moe) moeFfn(e, shape);
    else gatedFfn(e, shape, l.nFf);
  };
  switch (shape.arch) {
    case "deepseek2":
      // src/models/deepseek2.cpp: MLA; leading dense layers, then routed + shared experts
      e("attn_norm.weight", [E]);
      mlaAttention(e, shape, l);
      e("ffn_norm.weight", [E]);
      if (moe) {
        moeFfn(e, shape, { selectionBias: shape.experts?.selectionBias === true });
        sharedExperts(e, shape, false);
      } else gatedFfn(e, shape, l.nFf);
      return;
    case "deepseek32":
    case "glm-dsa":
      // src/models/deepseek32.cpp: deepseek2's MLA and experts plus the DSA lightning indexer
      // (its query from the low-rank query latent, one shared key per token, per-head weights).
      // src/models/glm-dsa.cpp (GLM-5) creates the same tensors; its indexer tensors are optional
      // only for GLM-5.2's layers that share the previous layer's indexer (not sized here)
      e("attn_norm.weight", [E]);
      mlaAttention(e, shape, l);
      e("ffn_norm.weight", [E]);
      lightningIndexer(e, shape);
      if (moe) {
        moeFfn(e, shape, { selectionBias: shape.experts?.selectionBias === true });
        sharedExperts(e, shape, false);
      } else gatedFfn(e, shape, l.nFf);
      return;
    case "nemotron_h":
    case "nemotron_h_moe":
      // src/models/nemotron-h.cpp: one block per layer under attn_norm: Mamba-2, attention (no
      // RoPE, no QK norm), a squared-ReLU MLP (up, down) or, in nemotron_h_moe, routed experts
      // without a gate beside one ungated shared expert, with the router's selection bias
      e("attn_norm.weight", [E]);
      if (l.mixer === "recurrent") mamba2(e, shape);
      else if (l.mixer === "attention") attention(e, shape, l, {});
      else if (moe && shape.experts) {
        const x = shape.experts;
        e("ffn_gate_inp.weight", [E, x.count]);
        e("exp_probs_b.bias", [x.count]);
        e("ffn_down_exps.weight", [x.nFfExp, E, x.count]);
        e("ffn_up_exps.weight", [E, x.nFfExp, x.count]);
        e("ffn_down_shexp.weight", [x.nFfShexp * Math.max(1, x.shared), E]);
        e("ffn_up_shexp.weight", [E, x.nFfShexp * Math.max(1, x.shared)]);
      } else if (l.nFf > 0) plainFfn(e, shape, l.nFf, false);
      return;
    case "bloom":
      // src/models/bloom.cpp: LayerNorms with biases, fused QKV with bias, biased 2-matrix FFN
      layerNorm(e, "attn_norm", E);
      attention(e, shape, l, { fused: true, bias: true, outBias: true });
      layerNorm(e, "ffn_norm", E);
      plainFfn(e, shape, l.nFf, true);
      return;
    case "falcon":
      // src/models/falcon.cpp: parallel attention + MLP, fused QKV, no linear biases
      layerNorm(e, "attn_norm", E);
      if (falconHasNorm2(l)) layerNorm(e, "attn_norm_2", E);
      attention(e, shape, l, { fused: true });
      plainFfn(e, shape, l.nFf, false);
      return;
    case "phi2":
      // src/models/phi2.cpp: parallel attention + MLP under one LayerNorm, everything biased
      layerNorm(e, "attn_norm", E);
      attention(e, shape, l, { bias: true, outBias: true });
      plainFfn(e, shape, l.nFf, true);
      return;
    case "olmo":
      // src/models/olmo.cpp: OLMo 1 uses non-parametric LayerNorm, so no norm tensors at all
      attention(e, shape, l, {});
      gatedFfn(e, shape, l.nFf);
      return;
    case "olmoe":
      // src/models/olmoe.cpp: q/k norms over the whole projection
      e("attn_norm.weight", [E]);
      attention(e, shape, l, { qkNorm: "full" });
      e("ffn_norm.weight", [E]);
      moeFfn(e, shape);
      return;
    case "phimoe":
      // src/models/phimoe.cpp: LayerNorms with biases, biased attention, Mixtral-style experts
      layerNorm(e, "attn_norm", E);
      attention(e, shape, l, { bias: true, outBias: true });
      layerNorm(e, "ffn_norm", E);
      moeFfn(e, shape);
      return;
    case "chatglm":
      // src/models/chatglm.cpp: fused QKV with bias, gate and up fused into one ffn_up
      e("attn_norm.weight", [E]);
      attention(e, shape, l, { fused: true, bias: true });
      e("ffn_norm.weight", [E]);
      e("ffn_up.weight", [E, 2 * l.nFf]);
      e("ffn_down.weight", [l.nFf, E]);
      return;
    case "glm4":
      // src/models/glm4.cpp: as chatglm with separate biased q/k/v and post-norms (sandwich)
      e("attn_norm.weight", [E]);
      attention(e, shape, l, { bias: true });
      e("post_attention_norm.weight", [E]);
      e("ffn_norm.weight", [E]);
      e("ffn_up.weight", [E, 2 * l.nFf]);
      e("ffn_down.weight", [l.nFf, E]);
      e("post_ffw_norm.weight", [E]);
      return;
    case "glm4moe":
      // src/models/glm4-moe.cpp: post_attention_norm is the pre-FFN norm (no ffn_norm); MoE layers
      // have a selection bias and shared experts. The MTP (nextn) layer is skipped unless asked for.
      e("attn_norm.weight", [E]);
      attention(e, shape, l, { bias: true });
      e("post_attention_norm.weight", [E]);
      if (moe) {
        moeFfn(e, shape, { selectionBias: true });
        sharedExperts(e, shape, false);
      } else gatedFfn(e, shape, l.nFf);
      return;
    case "bert":
    case "nomic-bert": {
      // src/models/bert.cpp, nomic-bert.cpp: post-norm encoder; BERT biased q/k/v + GELU FFN,
      // nomic-bert fused unbiased QKV + SwiGLU
      const nomic = shape.arch === "nomic-bert";
      attention(e, shape, l, nomic ? { fused: true } : { bias: true, outBias: true });
      layerNorm(e, "attn_output_norm", E);
      if (nomic) gatedFfn(e, shape, l.nFf);
      else plainFfn(e, shape, l.nFf, true);
      layerNorm(e, "layer_output_norm", E);
      return;
    }
    case "qwen2":
      e("attn_norm.weight", [E]);
      attention(e, shape, l, { bias: true });
      e("ffn_norm.weight", [E]);
      gatedFfn(e, shape, l.nFf);
      return;
    case "qwen2moe":
      e("attn_norm.weight", [E]);
      attention(e, shape, l, { bias: true });
      e("ffn_norm.weight", [E]);
      if (moe) {
        moeFfn(e, shape);
        sharedExperts(e, shape, true);
      } else gatedFfn(e, shape, l.nFf);
      return;
    case "qwen3":
    case "qwen3moe":
    case "qwen3vl":
    case "qwen3vlmoe":
      // Qwen3-VL's language model is Qwen3's (its DeepStack features come in with the embeddings
      // from the vision projector file, mmproj)
      e("attn_norm.weight", [E]);
      attention(e, shape, l, { qkNorm: "head" });
      e("ffn_norm.weight", [E]);
      ffn();
      return;
    case "llama4":
      // src/models/llama4.cpp: plain attention (its QK norm is weightless); MoE layers every
      // interleave_moe_layer_step-th layer with one shared expert as wide as a routed one; the
      // other layers a dense FFN of n_ff (intermediate_size_mlp)
      e("attn_norm.weight", [E]);
      attention(e, shape, l, {});
      e("ffn_norm.weight", [E]);
      if (moe) {
        moeFfn(e, shape);
        sharedExperts(e, shape, false);
      } else gatedFfn(e, shape, l.nFf);
      return;
    case "minimax-m2":
      // src/models/minimax-m2.cpp: q/k RMS norms over the whole projection, sigmoid-routed experts
      // with a selection bias, no shared expert
      attention(e, shape, l, { qkNorm: "full" });
      e("attn_norm.weight", [E]);
      e("ffn_norm.weight", [E]);
      moeFfn(e, shape, { selectionBias: true });
      return;
    case "qwen3next": {
      // src/models/qwen3next.cpp: every layer has a pre- and post-attention norm and a MoE FFN with
      // a gated shared expert; 3 of 4 layers are gated DeltaNet, the 4th full attention whose query
      // projection also yields an output gate (2 × n_head × head_dim)
      e("attn_norm.weight", [E]);
      e("post_attention_norm.weight", [E]);
      if (l.mixer === "recurrent") gatedDeltaNet(e, shape);
      else gatedQueryAttention(e, shape, l);
      moeFfn(e, shape);
      sharedExperts(e, shape, true);
      return;
    }
    case "qwen35":
    case "qwen35moe": {
      // src/models/qwen35.cpp, qwen35moe.cpp load_arch_tensors: Qwen3-Next's layer (gated-query
      // full attention on every full_attention_interval-th layer, gated DeltaNet elsewhere) with
      // beta and alpha apart; qwen35 has a dense FFN, qwen35moe routed experts and a gated shared
      // expert. The MTP block (nextn_predict_layers) is not in the files this sizes.
      e("attn_norm.weight", [E]);
      e("post_attention_norm.weight", [E]);
      if (l.mixer === "recurrent") gatedDeltaNet(e, shape, true);
      else gatedQueryAttention(e, shape, l);
      if (shape.arch === "qwen35moe") {
        moeFfn(e, shape);
        sharedExperts(e, shape, true);
      } else gatedFfn(e, shape, l.nFf);
      return;
    }
    case "gemma":
      e("attn_norm.weight", [E]);
      attention(e, shape, l, {});
      e("ffn_norm.weight", [E]);
      gatedFfn(e, shape, l.nFf);
      return;
    case "gemma2":
    case "gemma3":
      e("attn_norm.weight", [E]);
      attention(e, shape, l, shape.arch === "gemma3" ? { qkNorm: "head" } : {});
      e("post_attention_norm.weight", [E]);
      e("ffn_norm.weight", [E]);
      gatedFfn(e, shape, l.nFf);
      e("post_ffw_norm.weight", [E]);
      return;
    case "gemma3n": {
      // src/models/gemma3n.cpp load_arch_tensors: every layer has its own Q/K/V/O weights, also
      // the layers that reuse an earlier layer's KV cache (they only skip computing K and V)
      const a = gemma3nAltup(shape);
      e("attn_norm.weight", [E]);
      attention(e, shape, l, { qkNorm: "head" });
      e("post_attention_norm.weight", [E]);
      e("ffn_norm.weight", [E]);
      gatedFfn(e, shape, l.nFf);
      e("post_ffw_norm.weight", [E]);
      // per-layer input gate and projection back to n_embd
      e("inp_gate.weight", [E, a.perLayerInput]);
      e("proj.weight", [a.perLayerInput, E]);
      e("post_norm.weight", [E]);
      // AltUp: correction / prediction coefficients and the modality router
      e("altup_correct_coef.weight", [a.inputs, a.inputs]);
      e("altup_correct_scale.weight", [E]);
      e("altup_predict_coef.weight", [a.inputs, a.inputs * a.inputs]);
      e("altup_router.weight", [E, a.inputs]);
      e("altup_router_norm.weight", [E]);
      // LAuReL: low-rank learned residual
      e("laurel_l.weight", [E, a.laurelRank]);
      e("laurel_r.weight", [a.laurelRank, E]);
      e("laurel_post_norm.weight", [E]);
      return;
    }
    case "gemma4": {
      // src/models/gemma4.cpp load_arch_tensors. Sliding and full-attention layers differ in head
      // dim (key_length_swa / key_length) and KV heads; the KV-shared last layers (mixer none) have
      // no K/V weights at all (transformers' Gemma4TextAttention creates none for them); with
      // attention_k_eq_v the full-attention layers have no attn_v (V is K). Every layer has a dense
      // FFN (feed_forward_length, per layer: double width in the KV-shared layers of E2B); MoE
      // layers add the routed experts beside it, with their own norms and router scales.
      const hd = layerHeadDimK(shape, l);
      const hasKv = l.mixer === "attention";
      e("attn_norm.weight", [E]);
      e("attn_q.weight", [E, qDim(shape, l)]);
      if (hasKv) {
        e("attn_k.weight", [E, kDim(shape, l)]);
        if (l.swa || shape.globalVIsK !== true) e("attn_v.weight", [E, vDim(shape, l)]);
      }
      e("attn_output.weight", [oDim(shape, l), E]);
      e("attn_q_norm.weight", [hd]);
      if (hasKv) e("attn_k_norm.weight", [hd]);
      e("post_attention_norm.weight", [E]);
      e("layer_output_scale.weight", [1]);
      e("ffn_norm.weight", [E]);
      gatedFfn(e, shape, l.nFf);
      e("post_ffw_norm.weight", [E]);
      const x = shape.experts;
      if (moe && x) {
        e("ffn_gate_inp.weight", [E, x.count]);
        e("ffn_gate_inp.scale", [E]);
        e("pre_ffw_norm_2.weight", [E]);
        e("post_ffw_norm_1.weight", [E]);
        e("post_ffw_norm_2.weight", [E]);
        // the checkpoint's experts.gate_up_proj is one tensor; convert_hf_to_gguf.py maps it to
        // ffn_gate_up_exps (gguf-py tensor_mapping FFN_GATE_UP_EXP), per_expert_scale to ffn_down_exps.scale
        e("ffn_gate_up_exps.weight", [E, 2 * x.nFfExp, x.count]);
        e("ffn_down_exps.weight", [x.nFfExp, E, x.count]);
        e("ffn_down_exps.scale", [x.count]);
      }
      const ple = shape.perLayerInput ?? 0;
      if (ple > 0) {
        e("inp_gate.weight", [E, ple]);
        e("proj.weight", [ple, E]);
        e("post_norm.weight", [E]);
      }
      return;
    }
    case "olmo2":
      attention(e, shape, l, { qkNorm: "full" });
      e("post_attention_norm.weight", [E]);
      gatedFfn(e, shape, l.nFf);
      e("post_ffw_norm.weight", [E]);
      return;
    case "command-r":
    case "cohere2":
      // parallel attention + FFN share one input norm
      e("attn_norm.weight", [E]);
      attention(e, shape, l, {});
      gatedFfn(e, shape, l.nFf);
      return;
    case "phi3":
      e("attn_norm.weight", [E]);
      attention(e, shape, l, { fused: hasFusedQkv(shape.arch) });
      e("ffn_norm.weight", [E]);
      e("ffn_up.weight", [E, 2 * l.nFf]); // gate and up fused
      e("ffn_down.weight", [l.nFf, E]);
      return;
    case "gpt2":
    case "gptneox":
    case "starcoder2": {
      e("attn_norm.weight", [E]);
      e("attn_norm.bias", [E]);
      attention(e, shape, l, { fused: hasFusedQkv(shape.arch), bias: true, outBias: true });
      e("ffn_norm.weight", [E]);
      e("ffn_norm.bias", [E]);
      e("ffn_up.weight", [E, l.nFf]);
      e("ffn_up.bias", [l.nFf]);
      e("ffn_down.weight", [l.nFf, E]);
      e("ffn_down.bias", [E]);
      return;
    }
    case "gpt-oss":
      e("attn_norm.weight", [E]);
      attention(e, shape, l, { bias: true, outBias: true, sinks: true });
      e("post_attention_norm.weight", [E]);
      moeFfn(e, shape, { bias: true });
      return;
    case "mamba":
      e("attn_norm.weight", [E]);
      mamba1(e, shape, false);
      return;
    case "mamba2":
      e("attn_norm.weight", [E]);
      mamba2(e, shape);
      return;
    case "falcon-h1":
      mamba2(e, shape);
      attention(e, shape, l, {});
      e("attn_norm.weight", [E]);
      e("ffn_norm.weight", [E]);
      gatedFfn(e, shape, l.nFf);
      return;
    case "granitehybrid":
      e("attn_norm.weight", [E]);
      if (l.mixer === "recurrent") mamba2(e, shape);
      else attention(e, shape, l, {});
      e("ffn_norm.weight", [E]);
      if (moe) {
        moeFfn(e, shape);
        sharedExperts(e, shape, false);
      } else gatedFfn(e, shape, l.nFf);
      return;
    case "jamba":
      e("attn_norm.weight", [E]);
      if (l.mixer === "recurrent") mamba1(e, shape, true);
      else attention(e, shape, l, {});
      e("ffn_norm.weight", [E]);
      ffn();
      return;
    case "lfm2":
      e("attn_norm.weight", [E]);
      if (l.mixer === "shortconv") {
        e("shortconv.conv.weight", [shape.shortConvLCache ?? 3, E]);
        e("shortconv.in_proj.weight", [E, 3 * E]);
        e("shortconv.out_proj.weight", [E, E]);
      } else {
        attention(e, shape, l, { qkNorm: "head" });
      }
      e("ffn_norm.weight", [E]);
      ffn();
      return;
    default:
      // llama and its many look-alikes (mistral, granite, smollm3 …), with Mixtral-style MoE
      e("attn_norm.weight", [E]);
      attention(e, shape, l, {});
      e("ffn_norm.weight", [E]);
      ffn();
  }
}

/**
 * Gemma 3n's AltUp sizes. llama.cpp 3.22.1's loader reads none of them from the file: it uses the
 * llama_hparams defaults (llama-hparams.h: n_altup 4, laurel_rank 64, n_embd_altup 256), which
 * are also both released models' config values; a shape without them gets those.
 */
export const GEMMA3N_ALTUP_DEFAULT: AltupShape = { inputs: 4, laurelRank: 64, perLayerInput: 256 };

function gemma3nAltup(shape: ModelShape): AltupShape {
  return shape.altup ?? GEMMA3N_ALTUP_DEFAULT;
}

/** Tensors before the layers: token embedding and positional tensors. */
function headTensors(e: Emit, shape: ModelShape): void {
  const E = shape.nEmbd;
  e("token_embd.weight", [E, shape.nVocab]);
  if (shape.arch === "gemma3n") {
    // src/models/gemma3n.cpp: the AltUp projections to and from the n_altup − 1 extra streams, and
    // the per-layer token embedding (n_embd_altup per layer, full n_vocab rows: the converter pads
    // the 262144-row HF table to the 262400-token vocabulary) with its projection from n_embd
    const a = gemma3nAltup(shape);
    const perLayer = a.perLayerInput * shape.layers.length;
    e("altup_proj.weight", [E, E, a.inputs - 1]);
    e("altup_unembd_proj.weight", [E, E, a.inputs - 1]);
    e("per_layer_token_embd.weight", [perLayer, shape.nVocab]);
    e("per_layer_model_proj.weight", [E, perLayer]);
    e("per_layer_proj_norm.weight", [a.perLayerInput]);
  }
  if (shape.arch === "gemma4") {
    // src/models/gemma4.cpp: per-layer token embedding (E2B / E4B) and one rope_freqs tensor for the
    // full-attention layers' proportional RoPE (convert_hf_to_gguf.py Gemma4Model generate_extra_tensors:
    // global_head_dim / 2 factors)
    const ple = shape.perLayerInput ?? 0;
    if (ple > 0) {
      const perLayer = ple * shape.layers.length;
      e("per_layer_token_embd.weight", [perLayer, shape.nVocab]);
      e("per_layer_model_proj.weight", [E, perLayer]);
      e("per_layer_proj_norm.weight", [ple]);
    }
    if (shape.layers.some((l) => !l.swa)) e("rope_freqs.weight", [shape.headDimK / 2]);
  }
  if (shape.arch === "gpt2" || shape.arch === "bert") e("position_embd.weight", [E, shape.nCtxTrain]);
  if (isEncoderOnly(shape.arch)) {
    // token type embeddings (BERT's two segments) and the embedding LayerNorm
    e("token_types.weight", [E, 2]);
    layerNorm(e, "token_embd_norm", E);
  }
  if (shape.arch === "bloom") layerNorm(e, "token_embd_norm", E);
  if (shape.ropeFreqs && shape.arch !== "gemma4") e("rope_freqs.weight", [shape.headDimK / 2]);
}

/** Archs whose final norm is a LayerNorm with a bias. */
const BIASED_OUTPUT_NORM = new Set(["gpt2", "gptneox", "starcoder2", "bloom", "falcon", "phi2", "phimoe"]);

/** Tensors after the layers: final norm and (untied) output projection. */
function tailTensors(e: Emit, shape: ModelShape): void {
  const E = shape.nEmbd;
  // encoders end with the last layer's output norm: no final norm, no LM head
  if (isEncoderOnly(shape.arch)) return;
  // OLMo 1's final LayerNorm is non-parametric; LFM2 names its final norm token_embd_norm
  if (shape.arch !== "olmo") e(shape.arch === "lfm2" ? "token_embd_norm.weight" : "output_norm.weight", [E]);
  if (BIASED_OUTPUT_NORM.has(shape.arch)) e("output_norm.bias", [E]);
  if (!shape.tiedEmbeddings) e("output.weight", [E, shape.nVocab]);
  // Phi-2 and Phi-3.5-MoE's LM head has a bias
  if (shape.arch === "phi2" || shape.arch === "phimoe") e("output.bias", [shape.nVocab]);
}

/** Every tensor llama.cpp loads for `shape`, in file order (embedding, layers, output). */
export function tensorsForShape(shape: ModelShape): TensorShape[] {
  const out: TensorShape[] = [];
  const global: Emit = (name, ne) => out.push({ name, ne });
  headTensors(global, shape);
  for (let il = 0; il < shape.layers.length; il++) {
    const inLayer: Emit = (name, ne) => out.push({ name: `blk.${il}.${name}`, ne, layer: il });
    layerTensors(inLayer, shape, il);
  }
  tailTensors(global, shape);
  return out;
}

/** Total element count of a tensor list (what a published parameter count measures, give or take norms). */
export function countParams(tensors: readonly { readonly ne: readonly number[] }[]): number {
  let n = 0;
  for (const t of tensors) {
    let k = 1;
    for (const d of t.ne) k *= d;
    n += k;
  }
  return n;
}
