// A catalog entry's architecture fields (kind, llama.cpp arch, hyperparameters) from a Hugging Face
// config.json. Field names and defaults follow each model type's transformers config class; the
// result is the catalog's compact input form, so `scripts/catalog-from-config.mjs` can print it.
import * as z from "zod";
import { lazySchema } from "../lazy-schema.js";
import { LlmFitError } from "../errors.js";
import type { HyperparamsInput } from "./catalog-schema.js";

const num = lazySchema(() => z.number().optional());

/** The fields we read; everything else in a config.json is ignored. */
export const HfConfigSchema = lazySchema(() => z.looseObject({
  model_type: z.string(),
  num_hidden_layers: num,
  hidden_size: num,
  num_attention_heads: num,
  num_key_value_heads: num.nullable(),
  head_dim: num.nullable(),
  intermediate_size: num,
  vocab_size: num,
  max_position_embeddings: num,
  tie_word_embeddings: z.boolean().optional(),
  rope_theta: num,
  partial_rotary_factor: num,
  rope_scaling: z
    .looseObject({
      rope_type: z.string().optional(),
      type: z.string().optional(),
      factor: num,
      original_max_position_embeddings: num,
    })
    .nullable()
    .optional(),
  sliding_window: num.nullable(),
  sliding_window_pattern: num,
  use_sliding_window: z.boolean().optional(),
  layer_types: z.array(z.string()).optional(),
  // MoE
  num_local_experts: num,
  num_experts: num.nullable(),
  n_routed_experts: num,
  num_experts_per_tok: num,
  experts_per_token: num,
  moe_intermediate_size: num.nullable(),
  n_shared_experts: num.nullable(),
  shared_expert_intermediate_size: num,
  shared_intermediate_size: num,
  first_k_dense_replace: num,
  /** DeepSeek-V3's "noaux_tc" routing adds a learned per-expert bias (e_score_correction_bias). */
  topk_method: z.string().optional(),
  // MLA
  q_lora_rank: num.nullable(),
  kv_lora_rank: num,
  qk_nope_head_dim: num,
  qk_rope_head_dim: num,
  v_head_dim: num,
  // Mamba / Mamba-2 / hybrids
  state_size: num,
  conv_kernel: num,
  expand: num,
  time_step_rank: z.union([z.number(), z.literal("auto")]).optional(),
  n_groups: num,
  num_heads: num,
  mamba_d_state: num,
  mamba_d_conv: num,
  mamba_n_heads: num,
  mamba_d_head: num,
  mamba_n_groups: num,
  mamba_expand: num,
  conv_L_cache: num,
  // DeepSeek-V3.2's lightning indexer
  index_n_heads: num,
  index_head_dim: num,
  index_topk: num,
  // Nemotron-H (Mamba-2 + attention + MLP / MoE, one block per layer)
  hybrid_override_pattern: z.string().optional(),
  mamba_num_heads: num,
  mamba_head_dim: num,
  ssm_state_size: num,
  moe_shared_expert_intermediate_size: num,
  // Llama 4
  intermediate_size_mlp: num,
  interleave_moe_layer_step: num,
  attention_chunk_size: num.nullable(),
  no_rope_layer_interval: num,
  // MiniMax-M2
  rotary_dim: num,
  use_routing_bias: z.boolean().optional(),
  // Qwen3-Next gated DeltaNet
  full_attention_interval: num,
  linear_num_key_heads: num,
  linear_num_value_heads: num,
  linear_key_head_dim: num,
  linear_value_head_dim: num,
  linear_conv_kernel_dim: num,
  // Gemma 4
  global_head_dim: num.nullable(),
  num_global_key_value_heads: num.nullable(),
  attention_k_eq_v: z.boolean().optional(),
  num_kv_shared_layers: num.nullable(),
  hidden_size_per_layer_input: num.nullable(),
  use_double_wide_mlp: z.boolean().optional(),
  enable_moe_block: z.boolean().optional(),
  top_k_experts: num.nullable(),
  /** transformers 5 form of the RoPE settings: one set per layer type for Gemma 4. */
  rope_parameters: z.record(z.string(), z.unknown()).nullable().optional(),
  text_config: z.record(z.string(), z.unknown()).optional(),
}));
export type HfConfig = z.infer<typeof HfConfigSchema>;

export interface FromConfigMeta {
  /** The entry this config belongs to, for error messages. */
  readonly id?: string;
  /**
   * The published trained context (model card), when it differs from max_position_embeddings or
   * the config has none (Mamba). A config limit that differs is kept as `positionLimit`.
   */
  readonly ctx?: number;
}

export interface ConfigDerived {
  readonly kind: "dense" | "moe" | "ssm" | "hybrid";
  readonly arch: string;
  readonly hp: HyperparamsInput;
}

interface TypeInfo {
  readonly arch: string;
  /** transformers' default for tie_word_embeddings in this config class. */
  readonly tied: boolean;
  readonly ropeTheta?: number;
}

const TYPES: Readonly<Record<string, TypeInfo>> = {
  llama: { arch: "llama", tied: false },
  mistral: { arch: "llama", tied: false },
  mixtral: { arch: "llama", tied: false, ropeTheta: 1e6 },
  qwen2: { arch: "qwen2", tied: false },
  qwen2_moe: { arch: "qwen2moe", tied: false },
  qwen3: { arch: "qwen3", tied: false },
  qwen3_moe: { arch: "qwen3moe", tied: false },
  gemma: { arch: "gemma", tied: true },
  gemma2: { arch: "gemma2", tied: true },
  gemma3_text: { arch: "gemma3", tied: true, ropeTheta: 1e6 },
  gemma4_text: { arch: "gemma4", tied: true, ropeTheta: 1e6 },
  phi3: { arch: "phi3", tied: false },
  granite: { arch: "granite", tied: false },
  granitemoehybrid: { arch: "granitehybrid", tied: true },
  starcoder2: { arch: "starcoder2", tied: true },
  olmo2: { arch: "olmo2", tied: false },
  cohere: { arch: "command-r", tied: true },
  cohere2: { arch: "cohere2", tied: true },
  smollm3: { arch: "smollm3", tied: true },
  gpt_oss: { arch: "gpt-oss", tied: false, ropeTheta: 150000 },
  deepseek_v3: { arch: "deepseek2", tied: false },
  kimi_k2: { arch: "deepseek2", tied: false },
  // GLM-4.7-Flash (Glm4MoeLiteForCausalLM): DeepSeek-V3's MLA and experts; llama.cpp's converter
  // writes it as deepseek2 (conversion/glm.py Glm4MoeLiteModel)
  glm4_moe_lite: { arch: "deepseek2", tied: false },
  deepseek_v32: { arch: "deepseek32", tied: false },
  // GLM-5 (GlmMoeDsaForCausalLM): DeepSeek-V3.2's MLA, experts and lightning indexer; llama.cpp glm-dsa
  glm_moe_dsa: { arch: "glm-dsa", tied: false },
  nemotron_h: { arch: "nemotron_h", tied: false },
  llama4_text: { arch: "llama4", tied: false, ropeTheta: 500000 },
  minimax_m2: { arch: "minimax-m2", tied: false },
  qwen3_next: { arch: "qwen3next", tied: false },
  qwen3_5_text: { arch: "qwen35", tied: false },
  qwen3_5_moe_text: { arch: "qwen35moe", tied: false },
  ministral3: { arch: "mistral3", tied: false },
  qwen3_vl_text: { arch: "qwen3vl", tied: false },
  qwen3_vl_moe_text: { arch: "qwen3vlmoe", tied: false },
  glm4_moe: { arch: "glm4moe", tied: false },
  lfm2: { arch: "lfm2", tied: true, ropeTheta: 1e6 },
  mamba: { arch: "mamba", tied: true },
  falcon_mamba: { arch: "mamba", tied: true },
  mamba2: { arch: "mamba2", tied: true },
};

/**
 * Gemma 3's multimodal config.json leaves most of `text_config` to Gemma3TextConfig's defaults
 * (transformers, configuration_gemma3.py).
 */
const GEMMA3_TEXT_DEFAULTS = {
  vocab_size: 262208,
  num_attention_heads: 8,
  num_key_value_heads: 4,
  head_dim: 256,
  max_position_embeddings: 131072,
  sliding_window: 4096,
  sliding_window_pattern: 6,
} as const;

/**
 * Gemma4TextConfig's defaults for the fields a Gemma 4 config.json may leave out (transformers,
 * configuration_gemma4.py; its docs name google/gemma-4-e2b-it as the model they describe).
 */
const GEMMA4_TEXT_DEFAULTS = {
  vocab_size: 262144,
  head_dim: 256,
  global_head_dim: 512,
  max_position_embeddings: 131072,
  sliding_window: 512,
  num_kv_shared_layers: 0,
  hidden_size_per_layer_input: 256,
  attention_k_eq_v: false,
  use_double_wide_mlp: false,
  enable_moe_block: false,
} as const;

/**
 * A multimodal config's `text_config` may leave out its `model_type` (transformers fills it from the
 * wrapper's text config class): the text model type each wrapper implies.
 */
const WRAPPER_TEXT_TYPE: Readonly<Record<string, string>> = {
  gemma3: "gemma3_text",
  qwen3_5: "qwen3_5_text",
  qwen3_5_moe: "qwen3_5_moe_text",
  qwen3_vl: "qwen3_vl_text",
  qwen3_vl_moe: "qwen3_vl_moe_text",
  // Kimi K2.5 (KimiK25ForConditionalGeneration): K2's DeepSeek-V3 decoder beside MoonViT
  kimi_k25: "kimi_k2",
};

/** The language model's config: multimodal configs keep it under `text_config`. */
function textConfig(raw: HfConfig): HfConfig {
  // a text-only Gemma 4 checkpoint (Gemma4ForCausalLM) has the text config at the top
  if (raw.text_config === undefined) return raw.model_type === "gemma4_text" ? HfConfigSchema.parse({ ...GEMMA4_TEXT_DEFAULTS, ...raw }) : raw;
  const inner = HfConfigSchema.partial({ model_type: true }).parse(raw.text_config);
  // Gemma 4 12B (Gemma4UnifiedForConditionalGeneration, encoder-free) keeps the same text model:
  // llama.cpp's converter writes it as gemma4 (conversion/gemma.py Gemma4UnifiedModel)
  const named = inner.model_type === "gemma4_unified_text" ? "gemma4_text" : inner.model_type;
  const modelType = named ?? WRAPPER_TEXT_TYPE[raw.model_type] ?? raw.model_type;
  const defaults = modelType === "gemma3_text" ? GEMMA3_TEXT_DEFAULTS : modelType === "gemma4_text" ? GEMMA4_TEXT_DEFAULTS : {};
  return HfConfigSchema.parse({ ...defaults, ...inner, model_type: modelType });
}

function bad(meta: FromConfigMeta, what: string): LlmFitError {
  const who = meta.id === undefined ? "config.json" : `config.json for ${meta.id}`;
  return new LlmFitError("bad_config", `${who}: ${what}`, "check that the file is a Hugging Face config.json");
}

function need(value: number | null | undefined, name: string, meta: FromConfigMeta): number {
  if (value === undefined || value === null) throw bad(meta, `missing ${name}`);
  return value;
}

/** "AAAB AAAB" → "AAAB*2"; patterns with no whole-period repeat stay as they are. */
export function compressPattern(letters: string): string {
  for (let period = 1; period <= letters.length / 2; period++) {
    if (letters.length % period !== 0) continue;
    const unit = letters.slice(0, period);
    if (unit.repeat(letters.length / period) === letters) return `${unit}*${letters.length / period}`;
  }
  return letters;
}

/** Sliding-window layout from `layer_types` (sliding_attention / full_attention). */
function swaFromLayerTypes(types: readonly string[], window: number): HyperparamsInput["swa"] {
  const global = types.flatMap((t, i) => (t === "sliding_attention" ? [] : [i]));
  if (global.length === types.length) return undefined;
  if (global.length === 0) return { window, pattern: "all" };
  const every = (global[0] ?? 0) + 1;
  const regular = types.every((t, i) => (t === "sliding_attention") === ((i + 1) % every !== 0));
  return { window, pattern: regular ? { globalEvery: every } : { globalLayers: global } };
}

function swaOf(c: HfConfig): HyperparamsInput["swa"] {
  // Llama 4: chunked attention on all but every no_rope_layer_interval-th layer; llama.cpp sizes
  // the chunked layers' cache like a sliding window of the chunk size
  if (c.model_type === "llama4_text" && c.attention_chunk_size) {
    return { window: c.attention_chunk_size, pattern: { globalEvery: c.no_rope_layer_interval ?? 4 } };
  }
  const window = c.sliding_window ?? undefined;
  if (window === undefined) return undefined;
  if (c.layer_types !== undefined && c.layer_types.some((t) => t.includes("attention"))) return swaFromLayerTypes(c.layer_types, window);
  if (c.model_type === "gemma2") return { window, pattern: { globalEvery: 2 } };
  if (c.model_type === "gemma3_text") return { window, pattern: { globalEvery: c.sliding_window_pattern ?? 6 } };
  if (c.model_type === "cohere2") return { window, pattern: { globalEvery: c.sliding_window_pattern ?? 4 } };
  // Mistral / Qwen2 publish a window that llama.cpp does not apply (or that covers the whole context).
  return undefined;
}

/**
 * The rotated fraction of the head: partial_rotary_factor (transformers 5 configs such as Qwen3.5's keep
 * it inside rope_parameters), or MiniMax-M2's rotary_dim over head_dim.
 */
function partialRotary(c: HfConfig): number | undefined {
  const inner = c.rope_parameters?.["partial_rotary_factor"];
  const f =
    c.partial_rotary_factor ??
    (typeof inner === "number" ? inner : undefined) ??
    (c.rotary_dim !== undefined && c.head_dim ? c.rotary_dim / c.head_dim : undefined);
  return f !== undefined && f < 1 ? f : undefined;
}

/** rope_parameters[layerType].rope_theta (transformers 5 configs keep one set per layer type). */
function thetaOfLayerType(c: HfConfig, layerType: string): number | undefined {
  const p = c.rope_parameters?.[layerType];
  const theta = p !== null && typeof p === "object" ? (p as Record<string, unknown>)["rope_theta"] : undefined;
  return typeof theta === "number" ? theta : undefined;
}

/** rope_parameters read as rope_scaling, when it names a scaling (not "default"). */
function scalingInRopeParameters(c: HfConfig): HfConfig["rope_scaling"] {
  const p = c.rope_parameters;
  const type = p?.["rope_type"] ?? p?.["type"];
  if (!p || typeof type !== "string" || type === "default") return undefined;
  const n = (k: string): number | undefined => (typeof p[k] === "number" ? (p[k] as number) : undefined);
  return { rope_type: type, factor: n("factor"), original_max_position_embeddings: n("original_max_position_embeddings") };
}

function ropeOf(c: HfConfig, info: TypeInfo): HyperparamsInput["rope"] {
  // Gemma 4: the full-attention layers' theta (llama.cpp rope.freq_base; the sliding layers' is
  // rope.freq_base_swa). Their "proportional" partial rotation is a rope_freqs tensor in llama.cpp,
  // which rotates the whole head (convert_hf_to_gguf.py Gemma4Model), so no partial factor here.
  if (c.model_type === "gemma4_text") return { theta: thetaOfLayerType(c, "full_attention") ?? info.ropeTheta ?? 1e6 };
  // transformers 5 configs (Qwen3.5) keep the theta inside rope_parameters
  const inner = c.rope_parameters?.["rope_theta"];
  const theta = c.rope_theta ?? (typeof inner === "number" ? inner : undefined) ?? info.ropeTheta ?? 10000;
  // transformers 5 configs (Ministral 3, Devstral 2) keep the YaRN parameters there too
  const s = c.rope_scaling ?? scalingInRopeParameters(c);
  const type = s?.rope_type ?? s?.type;
  const known = ["linear", "dynamic", "yarn", "llama3", "longrope"] as const;
  const scalingType = known.find((k) => k === type);
  return {
    theta,
    ...(partialRotary(c) !== undefined && { partial: partialRotary(c) }),
    ...(scalingType !== undefined &&
      s?.factor !== undefined && {
        scaling: {
          type: scalingType,
          factor: s.factor,
          ...(s.original_max_position_embeddings !== undefined && { originalCtx: s.original_max_position_embeddings }),
        },
      }),
  };
}

function moeOf(c: HfConfig): HyperparamsInput["moe"] {
  const experts = c.num_local_experts ?? c.num_experts ?? c.n_routed_experts ?? undefined;
  const used = c.num_experts_per_tok ?? c.experts_per_token ?? c.top_k_experts ?? undefined;
  if (experts === undefined || experts <= 1 || used === undefined) return undefined;
  const expertFfn = c.moe_intermediate_size ?? c.intermediate_size;
  const moeFfn = c.moe_intermediate_size ?? undefined;
  if (expertFfn === undefined) return undefined;
  if (c.model_type === "llama4_text") {
    // routed experts of intermediate_size plus one shared expert as wide, on every step-th layer
    const step = c.interleave_moe_layer_step ?? 1;
    return { experts, used, shared: 1, expertFfn, sharedFfn: expertFfn, ...(step > 1 && { every: step, offset: step - 1 }) };
  }
  const sharedFfn =
    c.shared_expert_intermediate_size ?? c.shared_intermediate_size ?? c.moe_shared_expert_intermediate_size ?? (c.n_shared_experts ? moeFfn : undefined);
  const shared = c.n_shared_experts ?? (sharedFfn !== undefined ? 1 : 0);
  return {
    experts,
    used,
    expertFfn,
    ...(shared > 0 && sharedFfn !== undefined && { shared, sharedFfn }),
    ...(c.first_k_dense_replace !== undefined && c.first_k_dense_replace > 0 && { leadingDense: c.first_k_dense_replace }),
    ...((c.topk_method === "noaux_tc" || c.use_routing_bias === true) && { selectionBias: true }),
    // Nemotron-H's router always has its e_score_correction_bias (llama.cpp requires exp_probs_b)
    ...(c.model_type === "nemotron_h" && { selectionBias: true }),
  };
}

function mambaOf(c: HfConfig, hidden: number, meta: FromConfigMeta): NonNullable<HyperparamsInput["ssm"]> {
  if (c.model_type === "mamba2") {
    const dInner = c.intermediate_size ?? (c.expand ?? 2) * hidden;
    return { dConv: c.conv_kernel ?? 4, dInner, dState: need(c.state_size, "state_size", meta), nGroup: c.n_groups ?? 1, heads: need(c.num_heads, "num_heads", meta) };
  }
  if (c.model_type === "qwen3_next" || c.model_type === "qwen3_5_text" || c.model_type === "qwen3_5_moe_text") {
    // gated DeltaNet state as llama.cpp keeps it: ssm.state_size = key head dim, group_count = key
    // heads, time_step_rank = value heads, inner_size = value heads × value head dim
    const vHeads = need(c.linear_num_value_heads, "linear_num_value_heads", meta);
    return {
      dConv: c.linear_conv_kernel_dim ?? 4,
      dInner: vHeads * need(c.linear_value_head_dim, "linear_value_head_dim", meta),
      dState: need(c.linear_key_head_dim, "linear_key_head_dim", meta),
      nGroup: need(c.linear_num_key_heads, "linear_num_key_heads", meta),
      heads: vHeads,
    };
  }
  if (c.model_type === "nemotron_h") {
    // NemotronHConfig: the Mamba-2 mixer is mamba_num_heads × mamba_head_dim wide
    const heads = need(c.mamba_num_heads, "mamba_num_heads", meta);
    return { dConv: c.conv_kernel ?? 4, dInner: heads * need(c.mamba_head_dim, "mamba_head_dim", meta), dState: need(c.ssm_state_size, "ssm_state_size", meta), nGroup: c.n_groups ?? 1, heads };
  }
  if (c.model_type === "granitemoehybrid") {
    const heads = need(c.mamba_n_heads, "mamba_n_heads", meta);
    const dInner = heads * (c.mamba_d_head ?? ((c.mamba_expand ?? 2) * hidden) / heads);
    return { dConv: c.mamba_d_conv ?? 4, dInner, dState: need(c.mamba_d_state, "mamba_d_state", meta), nGroup: c.mamba_n_groups ?? 1, heads };
  }
  const dtRank = c.time_step_rank === undefined || c.time_step_rank === "auto" ? Math.ceil(hidden / 16) : c.time_step_rank;
  return { dConv: c.conv_kernel ?? 4, dInner: c.intermediate_size ?? (c.expand ?? 2) * hidden, dState: c.state_size ?? 16, dtRank };
}

const LAYER_LETTER: Readonly<Record<string, string>> = {
  mamba: "M",
  attention: "A",
  full_attention: "A",
  sliding_attention: "A",
  conv: "C",
  linear_attention: "M",
};

/**
 * Nemotron-H's hybrid_override_pattern, one block per layer: M Mamba-2, * attention, - MLP, E MoE
 * (transformers' NemotronHConfig); in the catalog's letters A for *.
 */
function nemotronLetters(c: HfConfig, layers: number, meta: FromConfigMeta): string {
  const p = c.hybrid_override_pattern;
  if (p === undefined || p.length !== layers || !/^[M*E-]+$/.test(p)) throw bad(meta, "hybrid_override_pattern must give M, *, - or E for every layer");
  return p.replaceAll("*", "A");
}

/** Qwen3-Next: layer_types when present, else every full_attention_interval-th layer attends fully. */
function qwenNextLetters(c: HfConfig, layers: number): string {
  if (c.layer_types !== undefined) return c.layer_types.map((t) => LAYER_LETTER[t] ?? "A").join("");
  const every = c.full_attention_interval ?? 4;
  return Array.from({ length: layers }, (_, i) => ((i + 1) % every === 0 ? "A" : "M")).join("");
}

/**
 * Gemma 4's own fields (transformers' Gemma4TextConfig and Gemma4TextAttention / Gemma4TextMLP):
 * full-attention head dim, K = V with its global KV heads, the last layers' shared KV, per-layer
 * embeddings, the double-wide FFN of the KV-shared layers, and the dense FFN every MoE layer keeps.
 */
function gemma4Fields(c: HfConfig, layers: number, ffn: number, moe: boolean): Partial<HyperparamsInput> {
  const shared = c.num_kv_shared_layers ?? 0;
  const ple = c.hidden_size_per_layer_input ?? 0;
  const doubleWide = c.use_double_wide_mlp === true && shared > 0;
  const globalKv = c.attention_k_eq_v === true ? (c.num_global_key_value_heads ?? undefined) : undefined;
  return {
    ...(c.global_head_dim !== undefined && c.global_head_dim !== null && { globalHeadDim: c.global_head_dim }),
    ...(globalKv !== undefined && { kEqV: { globalKvHeads: globalKv } }),
    ...(shared > 0 && { kvSharedLayers: shared }),
    ...(ple > 0 && { perLayerInput: ple }),
    ...((doubleWide || moe) && {
      ffnPerLayer: Array.from({ length: layers }, (_, i) => (doubleWide && i >= layers - shared ? 2 * ffn : ffn)),
    }),
  };
}

/** The architecture fields of a catalog entry, from a config.json's parsed contents. */
export function entryFromConfig(config: unknown, meta: FromConfigMeta = {}): ConfigDerived {
  const parsed = HfConfigSchema.safeParse(config);
  if (!parsed.success) throw bad(meta, parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const c = textConfig(parsed.data);
  const info = TYPES[c.model_type];
  if (info === undefined) {
    throw bad(meta, `model_type "${c.model_type}" is not one this script reads (${Object.keys(TYPES).join(", ")})`);
  }
  const hidden = need(c.hidden_size, "hidden_size", meta);
  const layers = need(c.num_hidden_layers, "num_hidden_layers", meta);
  const vocab = need(c.vocab_size, "vocab_size", meta);
  const ctx = meta.ctx ?? c.max_position_embeddings;
  const positionLimit = meta.ctx !== undefined && c.max_position_embeddings !== undefined && c.max_position_embeddings !== meta.ctx ? c.max_position_embeddings : undefined;
  const tied = c.tie_word_embeddings ?? info.tied;
  const isMamba = info.arch === "mamba" || info.arch === "mamba2";

  if (isMamba) {
    const hp: HyperparamsInput = { layers, hidden, heads: 0, ffn: 0, vocab, ctx: need(ctx, "max_position_embeddings (pass --ctx)", meta), tied, ssm: mambaOf(c, hidden, meta) };
    return { kind: "ssm", arch: info.arch, hp };
  }

  const heads = need(c.num_attention_heads, "num_attention_heads", meta);
  const kvHeads = c.num_key_value_heads ?? heads;
  const mla =
    c.kv_lora_rank !== undefined && c.qk_nope_head_dim !== undefined && c.qk_rope_head_dim !== undefined && c.v_head_dim !== undefined
      ? { qLoraRank: c.q_lora_rank ?? 0, kvLoraRank: c.kv_lora_rank, qkNopeHeadDim: c.qk_nope_head_dim, qkRopeHeadDim: c.qk_rope_head_dim, vHeadDim: c.v_head_dim }
      : undefined;
  const headDim = c.head_dim ?? undefined;
  const moe = moeOf(c);
  const swa = swaOf(c);
  const deltaNet = c.model_type === "qwen3_next" || c.model_type === "qwen3_5_text" || c.model_type === "qwen3_5_moe_text";
  const nemotron = c.model_type === "nemotron_h";
  const letters = deltaNet
    ? qwenNextLetters(c, layers)
    : nemotron
      ? nemotronLetters(c, layers, meta)
      : c.layer_types?.map((t) => LAYER_LETTER[t] ?? "A").join("");
  const hybrid = letters !== undefined && /[MC]/.test(letters);
  // Nemotron-H with experts is llama.cpp's nemotron_h_moe
  const arch = nemotron && moe !== undefined ? "nemotron_h_moe" : info.arch;
  const ssm = hybrid && letters.includes("M") ? mambaOf(c, hidden, meta) : undefined;
  // Granite 4.0-H keeps its dense MLP size in shared_intermediate_size; its MoE models have no dense MLP.
  // Llama 4 keeps its dense FFN size in intermediate_size_mlp (intermediate_size is one expert's).
  const ffn =
    c.model_type === "granitemoehybrid"
      ? moe !== undefined ? 0 : (c.shared_intermediate_size ?? c.intermediate_size ?? 0)
      : c.model_type === "llama4_text"
        ? (c.intermediate_size_mlp ?? c.intermediate_size ?? 0)
        : (c.intermediate_size ?? 0);

  const hp: HyperparamsInput = {
    layers,
    hidden,
    heads,
    ...(kvHeads !== heads && { kvHeads }),
    ...(headDim !== undefined && mla === undefined && headDim !== hidden / heads && { headDim }),
    ffn,
    vocab,
    ctx: need(ctx, "max_position_embeddings", meta),
    ...(positionLimit !== undefined && { positionLimit }),
    tied,
    ...(c.model_type !== "granitemoehybrid" && !nemotron && { rope: ropeOf(c, info) }),
    ...(swa !== undefined && { swa }),
    ...(ssm !== undefined && { ssm }),
    ...(moe !== undefined && { moe }),
    ...(mla !== undefined && { mla }),
    ...(hybrid && { layerPattern: compressPattern(letters) }),
    ...(c.index_n_heads !== undefined &&
      c.index_head_dim !== undefined &&
      c.index_topk !== undefined && { indexer: { heads: c.index_n_heads, headDim: c.index_head_dim, topK: c.index_topk } }),
    ...(c.model_type === "lfm2" && { convLCache: c.conv_L_cache ?? 3 }),
    ...(c.model_type === "gemma4_text" && gemma4Fields(c, layers, ffn, moe !== undefined)),
  };
  return { kind: hybrid ? "hybrid" : moe !== undefined ? "moe" : "dense", arch, hp };
}

/**
 * What a config.json does not say, from the model card: who publishes it under which license,
 * when, how many parameters it has and what it can do. `params` is the card's count; `checked`
 * is the day the entry was compared with its sources.
 */
export interface CardFacts {
  readonly id: string;
  readonly name: string;
  readonly family: string;
  readonly license: string;
  readonly released: string;
  readonly checked: string;
  readonly params: number;
  readonly active?: number;
  readonly capabilities: readonly string[];
  readonly quality: number;
  /** Hugging Face repo of the original weights; the entry's source is its config.json. */
  readonly hf?: string;
  readonly source?: string;
  /** The card's context length when it differs from max_position_embeddings. */
  readonly ctxSource?: string;
  readonly ollama?: readonly string[];
  readonly gguf?: readonly string[];
  readonly quants?: readonly string[];
}

/** The quantizations GGUF publishers upload: i-quants matter from ~70B on. */
function defaultQuants(params: number): string[] {
  return params >= 70e9
    ? ["IQ2_XS", "Q2_K", "IQ3_M", "Q3_K_M", "Q4_K_M", "Q5_K_M", "Q6_K", "Q8_0"]
    : ["Q2_K", "Q3_K_M", "Q4_K_M", "Q5_K_M", "Q6_K", "Q8_0", "F16"];
}

/** A complete catalog entry (compact input form) from a config's architecture fields and the card's facts. */
export function catalogEntryFrom(derived: ConfigDerived, facts: CardFacts): Record<string, unknown> {
  const source = facts.source ?? (facts.hf !== undefined ? `https://huggingface.co/${facts.hf}/blob/main/config.json` : undefined);
  if (source === undefined) throw bad({ id: facts.id }, "no source: give the Hugging Face repo or a source URL");
  return {
    id: facts.id,
    family: facts.family,
    name: facts.name,
    license: facts.license,
    kind: derived.kind,
    arch: derived.arch,
    ...(facts.hf !== undefined && { hf: facts.hf }),
    source,
    ...(facts.ctxSource !== undefined && { ctxSource: facts.ctxSource }),
    hp: derived.hp,
    params: { total: facts.params, ...(facts.active !== undefined && { active: facts.active }) },
    quants: facts.quants ?? defaultQuants(facts.params),
    ...(facts.ollama !== undefined && facts.ollama.length > 0 && { ollama: facts.ollama }),
    ...(facts.gguf !== undefined && facts.gguf.length > 0 && { gguf: facts.gguf }),
    capabilities: facts.capabilities,
    released: facts.released,
    checked: facts.checked,
    quality: facts.quality,
  };
}
