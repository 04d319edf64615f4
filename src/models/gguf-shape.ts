// GGUF metadata (already validated) + tensor list -> ModelShape. Key names and per-arch rules
// re-expressed from llama.cpp's llama-arch.cpp (LLM_KV_NAMES) and llama-model.cpp (load_hparams:
// per-layer head counts, sliding-window patterns, recurrent layers).

import { LlmFitError } from "../errors.js";
import { countParams, tensorsForShape } from "../sizing/tensors.js";
import { LLAMA_MAX_LAYERS } from "./llama-limits.js";
import type { ArchKind, ExpertShape, IndexerShape, LayerShape, MlaShape, ModelShape, SsmShape, TensorInfo } from "./shape.js";

/** A metadata value after validation: scalars, or arrays of them. */
export type GgufValue = string | number | bigint | boolean | readonly (string | number | bigint | boolean)[];
export type GgufMetadata = Readonly<Record<string, GgufValue>>;

function num(v: GgufValue | undefined): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  return undefined;
}

/** A per-layer value: a scalar for every layer, or an array with one entry per layer. */
function perLayer(v: GgufValue | undefined, n: number, fallback: number): number[] {
  if (Array.isArray(v)) return Array.from({ length: n }, (_, i) => Number(v[i] ?? fallback));
  const x = num(v as GgufValue | undefined);
  return new Array<number>(n).fill(x ?? fallback);
}

/** Sliding-window layers per arch, as llama.cpp's set_swa_pattern sets them (true = SWA). */
function swaPattern(arch: string, meta: GgufMetadata, nLayer: number): (il: number) => boolean {
  const explicit = meta[`${arch}.attention.sliding_window_pattern`];
  if (Array.isArray(explicit)) return (il) => explicit[il] === true;
  const period: Readonly<Record<string, number>> = { gemma2: 2, gemma3: 6, "gpt-oss": 2, cohere2: 4, gemma3n: 5, llama4: 4 };
  const p = num(explicit as GgufValue | undefined) ?? period[arch];
  if (p === undefined || p <= 0 || nLayer === 0) return () => false;
  // llama.cpp: layer il slides when il % p < p − 1
  return (il) => il % p < p - 1;
}

const RECURRENT_ARCHES: ReadonlySet<string> = new Set(["mamba", "mamba2"]);

/** llama.cpp's hard-coded hparams.n_layer_kv_from_start for gemma3n (src/models/gemma3n.cpp). */
export const GEMMA3N_KV_FROM_START = 20;

export interface ShapeSource {
  readonly metadata: GgufMetadata;
  /** The file's tensors with their types; undefined to size from the quant mix. */
  readonly tensors?: readonly TensorInfo[];
  /** Tensor names and shapes without types (still used to detect tied output, MoE layers …). */
  readonly tensorShapes?: readonly { readonly name: string; readonly ne: readonly number[] }[];
  readonly fileType?: string;
}

export function shapeFromGguf(src: ShapeSource): ModelShape {
  const meta = src.metadata;
  const arch = String(meta["general.architecture"] ?? "llama");
  const k = (name: string): GgufValue | undefined => meta[`${arch}.${name}`];
  const named = src.tensors ?? src.tensorShapes ?? [];
  const names = new Set(named.map((t) => t.name));
  const byName = new Map(named.map((t) => [t.name, t.ne]));

  const nLayer = num(k("block_count")) ?? 0;
  // callers validate; this keeps a bad number from ever building millions of layers
  if (!Number.isInteger(nLayer) || nLayer < 0 || nLayer > LLAMA_MAX_LAYERS) {
    throw new LlmFitError("bad_gguf", `${arch}.block_count ${nLayer} is not a layer count llama.cpp accepts (1 to ${LLAMA_MAX_LAYERS})`, "check the model file");
  }
  const nEmbd = num(k("embedding_length")) ?? 0;
  const nVocab =
    num(k("vocab_size")) ??
    byName.get("token_embd.weight")?.[1] ??
    num(meta["tokenizer.ggml.token_count"]) ??
    (Array.isArray(meta["tokenizer.ggml.tokens"]) ? (meta["tokenizer.ggml.tokens"] as readonly unknown[]).length : 0);
  const heads = perLayer(k("attention.head_count"), nLayer, 0);
  const headsKvRaw = k("attention.head_count_kv");
  const headsKv = headsKvRaw === undefined ? heads.slice() : perLayer(headsKvRaw, nLayer, 0);
  const nFf = perLayer(k("feed_forward_length"), nLayer, 0);
  const h0 = heads.find((h) => h > 0) ?? 0;
  const headDimK = num(k("attention.key_length")) ?? (h0 > 0 ? nEmbd / h0 : 0);
  const headDimV = num(k("attention.value_length")) ?? headDimK;
  // Llama 4: chunked attention over 8,192 tokens on 3 of 4 layers unless the file sets sliding_window 0
  // (llama4.cpp load_arch_hparams hard-codes n_swa 8192 and the period 4)
  const swaWindow = num(k("attention.sliding_window")) ?? (arch === "llama4" ? 8192 : 0);
  const isSwa = swaWindow > 0 ? swaPattern(arch, meta, nLayer) : () => false;
  // Qwen3-Next, Qwen3.5: gated DeltaNet on every layer but each full_attention_interval-th
  // (qwen3next.cpp, qwen35.cpp / qwen35moe.cpp; Qwen3.5 files may list the layers in
  // attention.recurrent_layers instead)
  const fullEvery = num(k("full_attention_interval")) ?? 4;
  const recurrentList = k("attention.recurrent_layers");
  const deltaNet = arch === "qwen3next" || arch === "qwen35" || arch === "qwen35moe";
  const isLinearAttn = (il: number): boolean =>
    deltaNet && (Array.isArray(recurrentList) ? recurrentList[il] === true || recurrentList[il] === 1 : (il + 1) % fullEvery !== 0);
  // Llama 4 Maverick: MoE on every interleave_moe_layer_step-th layer (llama4.cpp load_arch_tensors)
  const moeStep = num(k("interleave_moe_layer_step"));

  const ssm: SsmShape | undefined =
    num(k("ssm.inner_size")) !== undefined
      ? {
          dConv: num(k("ssm.conv_kernel")) ?? 4,
          dInner: num(k("ssm.inner_size")) ?? 0,
          dState: num(k("ssm.state_size")) ?? 0,
          nGroup: num(k("ssm.group_count")) ?? 0,
          dtRank: num(k("ssm.time_step_rank")) ?? 0,
          // Mamba-2 stores its head count as the time-step rank
          nHead: arch === "mamba" || arch === "jamba" ? 0 : num(k("ssm.time_step_rank")) ?? 0,
        }
      : undefined;

  const expertCount = num(k("expert_count")) ?? 0;
  const nFfExp = num(k("expert_feed_forward_length")) ?? nFf[0] ?? 0;
  // Llama 4's converter writes no shared-expert keys; llama4.cpp always creates one shared expert of n_ff_exp
  const sharedCount = num(k("expert_shared_count")) ?? (arch === "llama4" ? 1 : undefined);
  const experts: ExpertShape | undefined =
    expertCount > 1
      ? {
          count: expertCount,
          used: num(k("expert_used_count")) ?? 0,
          shared: sharedCount ?? (num(k("expert_shared_feed_forward_length")) ? 1 : 0),
          nFfExp,
          // without expert_shared_feed_forward_length each shared expert is as wide as a routed one:
          // DeepSeek, DeepSeek-V2/V3, GLM-4 MoE, dots.llm1 … create ffn_*_shexp with
          // n_ff_exp × n_expert_shared (src/models/deepseek2.cpp load_arch_tensors)
          nFfShexp: num(k("expert_shared_feed_forward_length")) ?? ((sharedCount ?? 0) > 0 ? nFfExp : 0),
          leadingDense: num(k("leading_dense_block_count")) ?? 0,
          // DeepSeek-V3.2's and GLM-5's routers always carry their selection bias (noaux_tc: exp_probs_b);
          // for deepseek2 it is optional (deepseek2.cpp: TENSOR_NOT_REQUIRED), so a file that has it says so
          // (V3, K2, GLM-4.7-Flash have it; V2-Lite has not)
          ...(isDsaArch(arch) || (arch === "deepseek2" && names.has(`blk.${num(k("leading_dense_block_count")) ?? 0}.exp_probs_b.bias`)) ? { selectionBias: true } : {}),
        }
      : undefined;

  // Gemma 3n: llama.cpp 3.22.1 gives the first n_layer_kv_from_start = 20 layers a KV cache and lets the
  // rest reuse it (src/models/gemma3n.cpp load_arch_hparams, llama-hparams.cpp has_kv); it does not
  // read attention.shared_kv_layers (both released models have 20 = layers − shared_kv_layers)
  // Gemma 4 reads it: n_layer_kv_from_start = n_layer − shared_kv_layers (src/models/gemma4.cpp)
  const kvFromStart =
    arch === "gemma3n" ? GEMMA3N_KV_FROM_START : arch === "gemma4" ? nLayer - (num(k("attention.shared_kv_layers")) ?? 0) : nLayer;
  const layers: LayerShape[] = [];
  for (let il = 0; il < nLayer; il++) {
    const mixer: LayerShape["mixer"] = il >= kvFromStart
      ? "none"
      : RECURRENT_ARCHES.has(arch) || isLinearAttn(il)
      ? "recurrent"
      : arch === "lfm2" && (headsKv[il] ?? 0) === 0
        ? "shortconv"
        : (arch === "granitehybrid" || arch === "jamba") && (headsKv[il] ?? 0) === 0
          ? "recurrent"
          : (arch === "nemotron_h" || arch === "nemotron_h_moe") && (headsKv[il] ?? 0) === 0
            // llama.cpp (src/models/nemotron-h.cpp): recurrent iff no KV heads and no FFN; the
            // MLP-only and MoE-only layers have neither attention nor state
            ? (nFf[il] ?? 0) === 0 ? "recurrent" : "none"
            : "attention";
    const moe =
      experts && named.length > 0
        ? names.has(`blk.${il}.ffn_gate_inp.weight`)
        : experts && moeStep !== undefined && moeStep > 0
          ? (il + 1) % moeStep === 0
          : undefined;
    layers.push({
      mixer,
      nHead: heads[il] ?? 0,
      nHeadKv: headsKv[il] ?? 0,
      // Gemma 4's KV-shared layers still attend (sliding or not) with their own query width
      swa: (mixer === "attention" || arch === "gemma4") && isSwa(il),
      nFf: nFf[il] ?? 0,
      ...(moe !== undefined ? { moe } : {}),
    });
  }

  const recurrentLayers = layers.filter((l) => l.mixer === "recurrent" || l.mixer === "shortconv").length;
  const kind: ArchKind =
    arch === "falcon-h1" || (recurrentLayers > 0 && recurrentLayers < nLayer)
      ? "hybrid"
      : recurrentLayers === nLayer && nLayer > 0
        ? "ssm"
        : experts
          ? "moe"
          : "dense";

  const base: ModelShape = {
    arch,
    kind,
    nEmbd,
    nVocab,
    nCtxTrain: num(k("context_length")) ?? 0,
    headDimK,
    headDimV,
    layers,
    swaWindow,
    ...(ssm ? { ssm } : {}),
    ...(experts ? { experts } : {}),
    tiedEmbeddings: named.length > 0 ? !names.has("output.weight") : false,
    params: { total: 0, active: 0 },
    ...(names.has("rope_freqs.weight") ? { ropeFreqs: true } : {}),
    ...(num(k("shortconv.l_cache")) !== undefined ? { shortConvLCache: num(k("shortconv.l_cache")) } : {}),
    ...mlaOf(k),
    ...gemma4Of(arch, k, names, layers, Array.isArray(headsKvRaw)),
    ...(num(k("n_deepstack_layers")) !== undefined ? { deepstackLayers: num(k("n_deepstack_layers")) } : {}),
    ...indexerOf(arch, k),
    ...(src.tensors ? { tensors: src.tensors } : {}),
    ...(src.fileType ? { fileType: src.fileType } : {}),
  };
  const list = named.length > 0 ? named : tensorsForShape(base);
  const total = countParams(list);
  return { ...base, params: { total, active: activeParams(base, list, total) } };
}

/**
 * The architectures with DeepSeek Sparse Attention's lightning indexer, whose keys llama.cpp keeps in
 * its DSA cache: deepseek32 (DeepSeek-V3.2) and glm-dsa (GLM-5; llama-model.cpp builds the same
 * llama_kv_cache_dsa for both).
 */
export function isDsaArch(arch: string): boolean {
  return arch === "deepseek32" || arch === "glm-dsa";
}

/**
 * The lightning indexer (src/models/deepseek32.cpp and glm-dsa.cpp load_arch_hparams: the three keys
 * are required there). glm-dsa files of GLM-5.2 also name the layers that share an indexer
 * (attention.indexer_types), which keep no indexer keys; GLM-5 and 5.1 have none (every layer full).
 */
export function indexerOf(arch: string, k: (name: string) => GgufValue | undefined): { indexer?: IndexerShape } {
  if (!isDsaArch(arch)) return {};
  const heads = num(k("attention.indexer.head_count"));
  const headDim = num(k("attention.indexer.key_length"));
  const topK = num(k("attention.indexer.top_k"));
  if (heads === undefined || headDim === undefined || topK === undefined) return {};
  return { indexer: { heads, headDim, topK } };
}

/**
 * DeepSeek MLA, only for files in the MLA form (attention.key_length_mla set: llama-hparams.cpp
 * is_mla()), whose KV cache holds the latent. Older deepseek2 files lack the key and get llama.cpp's
 * per-head K and V cache from key_length / value_length / head_count_kv like any other model.
 */
export function mlaOf(k: (name: string) => GgufValue | undefined): { mla?: MlaShape } {
  const kMla = num(k("attention.key_length_mla"));
  const vMla = num(k("attention.value_length_mla"));
  const kvLora = num(k("attention.kv_lora_rank"));
  const rope = num(k("rope.dimension_count"));
  if (kMla === undefined || vMla === undefined || kvLora === undefined || rope === undefined) return {};
  return {
    mla: {
      qLoraRank: num(k("attention.q_lora_rank")) ?? 0,
      kvLoraRank: kvLora,
      qkNopeHeadDim: kMla - rope,
      qkRopeHeadDim: rope,
      vHeadDim: vMla,
    },
  };
}

/**
 * Gemma 4 (src/models/gemma4.cpp load_arch_hparams): the sliding layers' head dims
 * (attention.key_length_swa / value_length_swa; key_length is the full-attention layers'), the
 * per-layer embedding width, and whether the full-attention layers lack attn_v (attention_k_eq_v:
 * seen in the tensor list, or, without one, from a per-layer head_count_kv, which the converter
 * writes only with num_global_key_value_heads, the K = V models' global KV heads).
 */
function gemma4Of(
  arch: string,
  k: (name: string) => GgufValue | undefined,
  names: ReadonlySet<string>,
  layers: readonly LayerShape[],
  perLayerKvHeads: boolean,
): Partial<ModelShape> {
  if (arch !== "gemma4") return {};
  const kSwa = num(k("attention.key_length_swa"));
  const vSwa = num(k("attention.value_length_swa")) ?? kSwa;
  const ple = num(k("embedding_length_per_layer_input")) ?? 0;
  const global = layers.findIndex((l) => l.mixer === "attention" && !l.swa);
  const vIsK = names.size > 0 ? global >= 0 && !names.has(`blk.${global}.attn_v.weight`) : perLayerKvHeads;
  return {
    ...(kSwa !== undefined ? { headDimKSwa: kSwa } : {}),
    ...(vSwa !== undefined ? { headDimVSwa: vSwa } : {}),
    ...(vIsK ? { globalVIsK: true } : {}),
    ...(ple > 0 ? { perLayerInput: ple } : {}),
  };
}

/** Parameters touched per token: all but the unused experts. */
export function activeParams(shape: ModelShape, list: readonly { readonly name: string; readonly ne: readonly number[] }[], total: number): number {
  const x = shape.experts;
  if (!x || x.count <= 1) return total;
  const expertParams = countParams(list.filter((t) => /_exps\./.test(t.name)));
  return total - expertParams + (expertParams * x.used) / x.count;
}
