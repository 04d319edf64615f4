// The catalog's entry format. Data files (src/models/catalog/*.ts) are written in the compact
// input form; `CatalogEntrySchema` checks them once, when the catalog is first loaded.
// Repeated per-layer values have compact forms (`swa.pattern`, `layerPattern`, `moe.every`)
// that `expandLayers` in catalog.ts turns into one record per layer.
import * as z from "zod";
import { lazySchema } from "../lazy-schema.js";

export const KINDS = ["dense", "moe", "ssm", "hybrid", "diffusion"] as const;
export type CatalogKind = (typeof KINDS)[number];

export const CAPABILITIES = [
  "chat",
  "tools",
  "vision",
  "code",
  "reasoning",
  "embedding",
  "image",
  "video",
  "audio",
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const count = lazySchema(() => z.number().int().positive());
const size = lazySchema(() => z.number().int().nonnegative());

/** `ollama pull` names: lowercase `name[:tag]`, optionally under a namespace (`user/name`). */
export const OLLAMA_TAG = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)?(:[a-z0-9][a-z0-9._-]*)?$/;
/** Hugging Face repository: owner/name. */
export const HF_REPO = /^[A-Za-z0-9][A-Za-z0-9._-]*\/[A-Za-z0-9][A-Za-z0-9._-]*$/;
/**
 * Layer kinds, one letter per layer: A attention, M recurrent (Mamba/SSM), C short convolution
 * (LFM2), - neither, E neither with a mixture-of-experts FFN. Groups repeat with `*n`, groups are
 * separated by spaces: "MMMAMMMM*4". A pattern with E layers names each layer's one block, as
 * Nemotron-H's hybrid_override_pattern does: its M and A layers have no FFN, `-` a dense FFN and
 * E the experts.
 */
export const LAYER_PATTERN = /^([AMCE-]+(\*[1-9][0-9]*)?)( [AMCE-]+(\*[1-9][0-9]*)?)*$/;

export const RopeSchema = lazySchema(() => z.strictObject({
  theta: z.number().positive(),
  /** Fraction of the head dim that is rotated (partial rotary), when not 1. */
  partial: z.number().positive().max(1).optional(),
  scaling: z
    .strictObject({
      type: z.enum(["linear", "dynamic", "yarn", "llama3", "longrope"]),
      factor: z.number().positive(),
      /** The context the model was pre-trained at before scaling. */
      originalCtx: count.optional(),
    })
    .optional(),
}));

export const SwaSchema = lazySchema(() => z.strictObject({
  window: count,
  /**
   * Which layers slide. "all": every attention layer. `{ globalEvery: n }`: layer i attends
   * globally when (i + 1) % n === 0 and slides otherwise (llama.cpp's swa pattern n; Gemma 3's
   * "5 local : 1 global" is `{ globalEvery: 6 }`). `{ globalLayers }`: the listed layers are global.
   */
  pattern: z.union([
    z.literal("all"),
    z.strictObject({ globalEvery: count }),
    z.strictObject({ globalLayers: z.array(size) }),
  ]),
}));

export const SsmSchema = lazySchema(() => z.strictObject({
  dConv: count,
  dInner: count,
  dState: count,
  nGroup: count.default(1),
  /** Mamba-1 dt projection rank; 0 for Mamba-2. */
  dtRank: size.default(0),
  /** Mamba-2 heads; 0 for Mamba-1. */
  heads: size.default(0),
}));

export const MoeSchema = lazySchema(() => z.strictObject({
  experts: count,
  used: count,
  shared: size.default(0),
  /** FFN size of one routed expert. */
  expertFfn: count,
  /** FFN size of one shared expert (llama.cpp's shexp tensors hold shared × this). */
  sharedFfn: size.default(0),
  /** Leading layers with a dense FFN of size `hp.ffn` (DeepSeek, GLM-4.5). */
  leadingDense: size.default(0),
  /** MoE on every n-th layer from `offset` (Jamba: every 2nd from 1); the rest dense. */
  every: count.default(1),
  offset: size.default(0),
  /** The router adds a learned per-expert selection bias (DeepSeek-V3's e_score_correction_bias → exp_probs_b). */
  selectionBias: z.boolean().optional(),
}));

/** DeepSeek's multi-head latent attention. */
export const MlaSchema = lazySchema(() => z.strictObject({
  qLoraRank: size,
  kvLoraRank: count,
  qkNopeHeadDim: count,
  qkRopeHeadDim: count,
  vHeadDim: count,
}));

export const HyperparamsSchema = lazySchema(() => z.strictObject({
  layers: count,
  hidden: count,
  /** Attention heads; 0 for attention-free models. */
  heads: size,
  /** KV heads; defaults to `heads` (multi-head attention). */
  kvHeads: size.optional(),
  /** Defaults to hidden / heads. */
  headDim: count.optional(),
  /** Value head dim when it differs from the key's. */
  headDimV: count.optional(),
  /** Dense FFN size (0 when there is none, e.g. Mamba). */
  ffn: size,
  vocab: count,
  /**
   * Trained context: the context length the model's maker publishes for it (model card, report),
   * what the default context is sized against. Usually config.json's max_position_embeddings; where
   * the two differ, `positionLimit` keeps the config's value and the entry cites `ctxSource`.
   */
  ctx: count,
  /**
   * config.json's max_position_embeddings (the GGUF's context_length) when it differs from the
   * published `ctx`: DeepSeek V3 publishes 128K and configures 163,840 (4,096 × YaRN factor 40).
   * RoPE accepts positions up to it; the model was not trained or evaluated that far.
   */
  positionLimit: count.optional(),
  /** Output projection shares the token embedding. */
  tied: z.boolean(),
  rope: RopeSchema.optional(),
  swa: SwaSchema.optional(),
  ssm: SsmSchema.optional(),
  moe: MoeSchema.optional(),
  mla: MlaSchema.optional(),
  layerPattern: z.string().regex(LAYER_PATTERN).optional(),
  /** Per-layer values where they differ (one number per layer). */
  kvHeadsPerLayer: z.array(size).optional(),
  headsPerLayer: z.array(size).optional(),
  ffnPerLayer: z.array(size).optional(),
  /** Short-convolution cache length (LFM2's conv_L_cache). */
  convLCache: count.optional(),
  /** The last n layers reuse earlier layers' KV cache (Gemma 3n). */
  kvSharedLayers: size.optional(),
  /**
   * Gemma 4's global_head_dim: the full-attention layers' head dim, where `headDim` (config
   * head_dim) is the sliding-window layers' (llama.cpp key_length vs key_length_swa).
   */
  globalHeadDim: count.optional(),
  /**
   * Gemma 4's attention_k_eq_v: the full-attention layers project no V (V is K) and have
   * num_global_key_value_heads KV heads instead of `kvHeads`.
   */
  kEqV: z.strictObject({ globalKvHeads: count }).optional(),
  /** Gemma 4's hidden_size_per_layer_input: each layer's slice of the per-layer token embedding. */
  perLayerInput: count.optional(),
  /**
   * DeepSeek Sparse Attention's lightning indexer (DeepSeek-V3.2: config index_n_heads,
   * index_head_dim, index_topk): its own query heads over one shared key per token, which llama.cpp
   * keeps in a second cache beside the MLA latent (llama-kv-cache-dsa.cpp).
   */
  indexer: z.strictObject({ heads: count, headDim: count, topK: count }).optional(),
  /** Gemma 3n's AltUp, LAuReL and per-layer token embeddings (config.json text_config). */
  altup: z
    .strictObject({
      /** altup_num_inputs: parallel copies of the hidden state. */
      inputs: count,
      /** laurel_rank: inner size of the LAuReL low-rank residual. */
      laurelRank: count,
      /** hidden_size_per_layer_input: each layer's slice of the per-layer token embedding. */
      perLayerInput: count,
    })
    .optional(),
}));

/**
 * An INT4 checkpoint's layout: 4-bit weights with one BF16 scale per `groupSize` weights of a row
 * (and a packed 4-bit zero point per group when asymmetric), on every linear layer of the blocks
 * (`linear`; the LM head and the MoE router stay BF16) or on the routed experts only
 * (`routed-experts`: attention, shared experts and dense FFNs stay BF16, as Kimi K2 Thinking's).
 */
export const Int4CheckpointSchema = lazySchema(() => z.strictObject({
  groupSize: z.number().int().positive(),
  scope: z.enum(["linear", "routed-experts"]),
  zeroPoints: z.boolean().default(false),
}));
export type Int4Checkpoint = z.output<typeof Int4CheckpointSchema>;
export type Checkpoint = "fp8" | { readonly int4: Int4Checkpoint };

export const PipelinePartSchema = lazySchema(() => z.strictObject({
  /** transformer, unet, text-encoder, vae … */
  role: z.string().min(1),
  name: z.string().min(1),
  params: count,
  dtype: z.enum(["fp32", "fp16", "bf16", "fp8"]),
  source: z.url().optional(),
}));

// a function, so the fields are built with the schemas that spread them (src/lazy-schema.ts)
const common = () => ({
  /** Lowercase, unique: "llama-3.1-8b-instruct". */
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/),
  family: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
  name: z.string().min(1),
  license: z.string().min(1),
  /** The original weights on Hugging Face (owner/name). */
  hf: z.string().regex(HF_REPO).optional(),
  /** Where the numbers come from (usually the model's config.json). */
  source: z.url(),
  params: z.strictObject({
    /** Published total parameter count. */
    total: count,
    /** Published active parameters per token (MoE); defaults to total. */
    active: count.optional(),
    /** The language model alone, when the published total includes other parts (vision tower …). */
    text: count.optional(),
    /**
     * The only published figure is a rounded size label ("1.3B"): the parameter-count check then
     * allows half a unit of its last digit instead of 2 %.
     */
    rounded: z.literal(true).optional(),
  }),
  /** Why a published count differs from what the hyperparameters give, with its source. */
  paramsNote: z.string().optional(),
  quants: z.array(z.string().regex(/^[A-Za-z0-9_]+$/)).default([]),
  ollama: z.array(z.string().regex(OLLAMA_TAG)).default([]),
  gguf: z.array(z.string().regex(HF_REPO)).default([]),
  lmstudio: z.array(z.string().regex(/^[a-z0-9][a-z0-9._/-]*$/)).default([]),
  capabilities: z.array(z.enum(CAPABILITIES)).min(1),
  /** YYYY-MM or YYYY-MM-DD. */
  released: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
  /** The day this entry was last checked against its sources (YYYY-MM-DD): how fresh it is. */
  checked: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /**
   * The dtype the published safetensors weights are stored in, where it is not BF16/FP16: "fp8"
   * when config.json's quantization_config says quant_method "fp8"; `{ int4 }` for 4-bit integer
   * weights in groups (compressed-tensors W4A16, AWQ, GPTQ). vLLM serves such a checkpoint as it is
   * (no --quantization flag), and no BF16 copy is published to plan for.
   */
  checkpoint: z.union([z.literal("fp8"), z.strictObject({ int4: Int4CheckpointSchema })]).optional(),
  /** Where the published context length comes from, when it differs from config.json's (`hp.positionLimit`). */
  ctxSource: z.url().optional(),
  /**
   * Quality class for ranking, 1–10, comparable within a kind (see catalog/README.md):
   * 10 frontier open weights · 8–9 strong current large · 6–7 good current mid-size ·
   * 4–5 capable small or older large · 2–3 tiny or dated · 1 historical / what-if.
   */
  quality: z.number().int().min(1).max(10),
  /** Hypothetical entry (weights never published), kept for what-if questions. */
  whatIf: z.boolean().optional(),
  /**
   * Why llama.cpp cannot load this model (it has no such architecture). Such an entry is sized by
   * formula from the transformers layout only: nothing about it may be presented as llama.cpp's numbers.
   */
  notInLlamaCpp: z.string().min(1).optional(),
  notes: z.string().optional(),
});

export const LlmEntrySchema = lazySchema(() => z.strictObject({
  ...common(),
  kind: z.enum(["dense", "moe", "ssm", "hybrid"]),
  /** llama.cpp's general.architecture (gpt2, llama, qwen3moe, mamba …). */
  arch: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/),
  hp: HyperparamsSchema,
}));

export const DiffusionEntrySchema = lazySchema(() => z.strictObject({
  ...common(),
  kind: z.literal("diffusion"),
  arch: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/),
  pipeline: z.array(PipelinePartSchema).min(1),
}));

export const CatalogEntrySchema = lazySchema(() => z.discriminatedUnion("kind", [LlmEntrySchema, DiffusionEntrySchema]));

export type CatalogEntry = z.output<typeof CatalogEntrySchema>;
export type CatalogEntryInput = z.input<typeof CatalogEntrySchema>;
export type LlmEntry = z.output<typeof LlmEntrySchema>;
export type DiffusionEntry = z.output<typeof DiffusionEntrySchema>;
export type Hyperparams = z.output<typeof HyperparamsSchema>;
export type HyperparamsInput = z.input<typeof HyperparamsSchema>;
