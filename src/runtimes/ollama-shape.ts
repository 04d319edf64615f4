// Ollama's /api/show returns a model's GGUF metadata under `model_info`, keyed like the file
// (`llama.block_count`, `qwen3.attention.head_count_kv` …). This turns it into the ModelShape
// that sizing needs, and says which context Ollama will run a model at on this machine.
import * as z from "zod";
import { lazySchema } from "../lazy-schema.js";
import type { ArchKind, ExpertShape, LayerShape, ModelShape, SsmShape, TensorInfo } from "../models/shape.js";
import { fileTypeName } from "../models/gguf-file-type.js";
import { LLAMA_MAX_LAYERS } from "../models/llama-limits.js";
import { indexerOf, mlaOf } from "../models/gguf-shape.js";

const GiB = 1024 ** 3;

/**
 * The context Ollama gives a model when the request sets no `num_ctx`: by total VRAM, "< 24 GiB:
 * 4k, 24-48 GiB: 32k, >= 48 GiB: 256k" (docs/context-length.mdx in ollama/ollama,
 * https://docs.ollama.com/context-length). `num_ctx` in the request or Modelfile wins, then
 * OLLAMA_CONTEXT_LENGTH on the server.
 */
export function ollamaDefaultContext(
  vramBytes: number,
  overrides: { numCtx?: number; envContextLength?: string | undefined } = {},
): number {
  if (overrides.numCtx !== undefined && overrides.numCtx > 0) return overrides.numCtx;
  const env = overrides.envContextLength === undefined ? Number.NaN : Number.parseInt(overrides.envContextLength, 10);
  if (Number.isInteger(env) && env > 0) return env;
  if (vramBytes < 24 * GiB) return 4096;
  if (vramBytes < 48 * GiB) return 32768;
  return 262144;
}

/** The part of /api/show we read; everything else passes untouched. */
export const ollamaShowSchema = lazySchema(() => z.object({
  modelfile: z.string().optional(),
  parameters: z.string().optional(),
  template: z.string().optional(),
  details: z
    .object({
      format: z.string().optional(),
      family: z.string().optional(),
      families: z.array(z.string()).nullish(),
      parameter_size: z.string().optional(),
      quantization_level: z.string().optional(),
    })
    .partial()
    .optional(),
  model_info: z.record(z.string(), z.unknown()).optional(),
  /** Present with verbose=true in newer Ollama: the file's tensor list. */
  tensors: z
    .array(z.object({ name: z.string(), type: z.string(), shape: z.array(z.number()) }))
    .nullish(),
  capabilities: z.array(z.string()).nullish(),
}));
export type OllamaShow = z.infer<typeof ollamaShowSchema>;

type Info = Readonly<Record<string, unknown>>;

function num(info: Info, key: string): number | undefined {
  const v = info[key];
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/** A per-layer value: GGUF stores either one number for all layers or an array, one per layer. */
function perLayer(info: Info, key: string, nLayer: number): number[] | undefined | "elided" {
  const v = info[key];
  if (typeof v === "number") return Array.from({ length: nLayer }, () => v);
  if (Array.isArray(v)) {
    // Ollama replaces arrays longer than 5 with [] unless asked with verbose=true.
    if (v.length === 0) return "elided";
    if (v.length !== nLayer || !v.every((x): x is number => typeof x === "number")) return undefined;
    return v;
  }
  return undefined;
}

const MAMBA2_ARCHS = new Set(["mamba2", "nemotron_h", "nemotron_h_moe", "granitehybrid", "falcon-h1"]);
const SSM_ONLY_ARCHS = new Set(["mamba", "mamba2", "rwkv6", "rwkv7"]);
const DIFFUSION_ARCHS = new Set(["llada", "llada-moe", "dream"]);
/**
 * Sliding-window layout when the file only gives the window size: llama.cpp hard-codes these
 * per architecture (src/llama-model.cpp, hparams.set_swa_pattern). n means "every n-th layer is
 * full attention, the others slide".
 */
const SWA_PATTERN: Readonly<Record<string, number>> = {
  gemma2: 2,
  gemma3: 6,
  gemma3n: 5,
  cohere2: 4,
  "gpt-oss": 2,
  exaone4: 4,
};

export type ShapeProblem = "needs-verbose" | "unusable";

/**
 * ModelShape from /api/show. Returns "needs-verbose" when the answer had per-layer arrays or
 * the vocabulary elided (ask again with verbose=true), undefined when it cannot be sized.
 */
export function shapeFromOllamaShow(show: OllamaShow): ModelShape | undefined {
  const r = tryShapeFromOllamaShow(show);
  return typeof r === "string" ? undefined : r;
}

export function tryShapeFromOllamaShow(show: OllamaShow): ModelShape | ShapeProblem {
  const info: Info = show.model_info ?? {};
  const arch = info["general.architecture"];
  if (typeof arch !== "string") return "unusable";
  const k = (s: string): string => `${arch}.${s}`;

  const nLayer = num(info, k("block_count"));
  const nEmbd = num(info, k("embedding_length"));
  if (nLayer === undefined || nEmbd === undefined) return "unusable";
  // a server's numbers are bounded like a file's: llama.cpp's LLAMA_MAX_LAYERS (src/llama-hparams.h)
  if (!Number.isInteger(nLayer) || nLayer < 1 || nLayer > LLAMA_MAX_LAYERS) return "unusable";

  let elided = false;
  const take = (key: string, fallback: number[] | undefined): number[] | undefined => {
    const v = perLayer(info, key, nLayer);
    if (v === "elided") {
      elided = true;
      return fallback;
    }
    return v ?? fallback;
  };
  const zeros = Array.from({ length: nLayer }, () => 0);
  const nHead = take(k("attention.head_count"), zeros) ?? zeros;
  const nHeadKv = take(k("attention.head_count_kv"), nHead) ?? nHead;
  const nFf = take(k("feed_forward_length"), zeros) ?? zeros;

  const vocabFromTokens = Array.isArray(info["tokenizer.ggml.tokens"]) ? (info["tokenizer.ggml.tokens"] as unknown[]).length : 0;
  const nVocab = num(info, k("vocab_size")) ?? (vocabFromTokens > 0 ? vocabFromTokens : undefined);
  if (nVocab === undefined || elided) return "needs-verbose";

  const maxHead = Math.max(...nHead, 0);
  const headDimK = num(info, k("attention.key_length")) ?? (maxHead > 0 ? nEmbd / maxHead : 0);
  const headDimV = num(info, k("attention.value_length")) ?? headDimK;

  const ssm = ssmOf(info, k, arch);
  const ssmOnly = SSM_ONLY_ARCHS.has(arch);
  const shortconv = num(info, k("shortconv.l_cache")) !== undefined;
  const swaWindow = num(info, k("attention.sliding_window")) ?? 0;
  const swaFlags = swaLayers(info, k, arch, nLayer, swaWindow);

  // Gemma 4: the last shared_kv_layers layers reuse earlier layers' KV (llama.cpp gemma4.cpp), and
  // the sliding layers have their own head dims (key_length_swa; key_length is the global layers')
  const kvFromStart = arch === "gemma4" ? nLayer - (num(info, k("attention.shared_kv_layers")) ?? 0) : nLayer;
  const headDimKSwa = arch === "gemma4" ? num(info, k("attention.key_length_swa")) : undefined;
  const headDimVSwa = arch === "gemma4" ? (num(info, k("attention.value_length_swa")) ?? headDimKSwa) : undefined;
  const layers: LayerShape[] = Array.from({ length: nLayer }, (_, i) => {
    const heads = nHead[i] ?? 0;
    const kv = i >= kvFromStart ? 0 : (nHeadKv[i] ?? 0);
    // Hybrids mark their recurrent layers with zero KV heads (Jamba, Nemotron-H, Granite-H; LFM2's conv layers).
    // Nemotron-H also has MLP-only and MoE-only layers (zero KV heads too): llama.cpp counts a layer as
    // recurrent only when both its KV heads and its FFN are 0 (src/models/nemotron-h.cpp load_arch_hparams).
    const nemotronH = arch === "nemotron_h" || arch === "nemotron_h_moe";
    const recurrent = ssmOnly || (ssm !== undefined && kv === 0 && (!nemotronH || (nFf[i] ?? 0) === 0));
    return {
      mixer: recurrent ? "recurrent" : kv === 0 ? (shortconv ? "shortconv" : "none") : "attention",
      nHead: heads,
      // a layer that reuses earlier KV keeps its head count (the catalog's kvSharedLayers do too); it only holds no cache
      nHeadKv: nHeadKv[i] ?? 0,
      swa: !recurrent && (swaFlags[i] ?? false),
      nFf: nFf[i] ?? 0,
    };
  });

  const experts = expertsOf(info, k);
  const nRecurrent = layers.filter((l) => l.mixer === "recurrent" || l.mixer === "shortconv").length;
  const kind: ArchKind = DIFFUSION_ARCHS.has(arch)
    ? "diffusion"
    : nRecurrent === nLayer
      ? "ssm"
      : nRecurrent > 0
        ? "hybrid"
        : experts !== undefined
          ? "moe"
          : "dense";

  const tensors: TensorInfo[] | undefined = show.tensors?.map((t) => ({ name: t.name, ne: t.shape, type: t.type }));
  const tied = tensors ? !tensors.some((t) => t.name === "output.weight") : false;

  const total = num(info, "general.parameter_count") ?? approxParams(nEmbd, nVocab, layers, headDimK, headDimV, tied);
  const active = experts ? activeParams(total, nEmbd, experts, nLayer) : total;

  const nCtxTrain = num(info, k("context_length")) ?? 0;
  const fileType = show.details?.quantization_level ?? fileTypeOf(num(info, "general.file_type"));

  // DeepSeek MLA and DeepSeek-V3.2's indexer: the same keys, read the same way, as from a GGUF file
  // (a server's /api/show model_info carries the file's metadata under the same names)
  const scalar = (name: string): number | undefined => {
    const v = info[k(name)];
    return typeof v === "number" ? v : undefined;
  };
  const mla = mlaOf(scalar);
  const indexer = indexerOf(arch, scalar);

  const shape: ModelShape = {
    arch,
    kind,
    nEmbd,
    nVocab,
    nCtxTrain,
    headDimK,
    headDimV,
    layers,
    swaWindow: swaFlags.some(Boolean) ? swaWindow : 0,
    tiedEmbeddings: tied,
    params: { total, active },
    ...(ssm ? { ssm } : {}),
    ...(experts ? { experts } : {}),
    ...mla,
    ...indexer,
    ...(tensors ? { tensors } : {}),
    ...(fileType ? { fileType } : {}),
    ...(headDimKSwa !== undefined ? { headDimKSwa } : {}),
    ...(headDimVSwa !== undefined ? { headDimVSwa } : {}),
  };
  return shape;
}

function ssmOf(info: Info, k: (s: string) => string, arch: string): SsmShape | undefined {
  const dConv = num(info, k("ssm.conv_kernel"));
  const dInner = num(info, k("ssm.inner_size"));
  const dState = num(info, k("ssm.state_size"));
  if (dConv === undefined || dInner === undefined || dState === undefined) return undefined;
  const dtRank = num(info, k("ssm.time_step_rank")) ?? 0;
  return {
    dConv,
    dInner,
    dState,
    nGroup: num(info, k("ssm.group_count")) ?? 1,
    dtRank,
    // llama.cpp's Mamba-2 reads its head count from ssm.time_step_rank.
    nHead: MAMBA2_ARCHS.has(arch) ? dtRank : 0,
  };
}

function swaLayers(info: Info, k: (s: string) => string, arch: string, nLayer: number, window: number): boolean[] {
  if (window <= 0) return Array.from({ length: nLayer }, () => false);
  const pattern = info[k("attention.sliding_window_pattern")];
  if (Array.isArray(pattern) && pattern.length === nLayer) return pattern.map((p) => p === true);
  const every = typeof pattern === "number" ? pattern : SWA_PATTERN[arch];
  // No pattern known: count every layer as full attention. llama.cpp ignores the window for
  // several architectures that carry the key, and a too-large KV estimate is the safe error.
  if (every === undefined) return Array.from({ length: nLayer }, () => false);
  return Array.from({ length: nLayer }, (_, i) => (i + 1) % every !== 0);
}

function expertsOf(info: Info, k: (s: string) => string): ExpertShape | undefined {
  const count = num(info, k("expert_count")) ?? 0;
  if (count <= 0) return undefined;
  const shared = num(info, k("expert_shared_count")) ?? 0;
  const nFfExp = num(info, k("expert_feed_forward_length")) ?? num(info, k("feed_forward_length")) ?? 0;
  return {
    count,
    used: num(info, k("expert_used_count")) ?? 1,
    shared,
    nFfExp,
    // absent key: each shared expert is as wide as a routed one (llama.cpp: n_ff_exp × n_expert_shared)
    nFfShexp: num(info, k("expert_shared_feed_forward_length")) ?? (shared > 0 ? nFfExp : 0),
    leadingDense: num(info, k("leading_dense_block_count")) ?? 0,
  };
}

/** Only when the file has no general.parameter_count: attention + gated FFN + embeddings. */
function approxParams(nEmbd: number, nVocab: number, layers: readonly LayerShape[], dk: number, dv: number, tied: boolean): number {
  let n = nEmbd * nVocab * (tied ? 1 : 2);
  for (const l of layers) {
    n += nEmbd * (l.nHead * dk + l.nHeadKv * (dk + dv)) + l.nHead * dv * nEmbd;
    n += 3 * nEmbd * l.nFf;
  }
  return n;
}

/** Active parameters per token: the idle experts' gate/up/down weights are not read. */
function activeParams(total: number, nEmbd: number, e: ExpertShape, nLayer: number): number {
  const moeLayers = Math.max(0, nLayer - e.leadingDense);
  const idle = (e.count - e.used) * 3 * nEmbd * e.nFfExp * moeLayers;
  return Math.max(0, total - idle);
}

function fileTypeOf(ftype: number | undefined): string | undefined {
  return ftype === undefined ? undefined : fileTypeName(ftype);
}
