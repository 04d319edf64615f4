// Which ggml type llama-quantize gives each tensor for a named quantization (Q4_K_M, Q5_K_M …).
// Re-expresses llama.cpp's src/llama-quant.cpp: tensor_allows_quantization, the category rules of
// llama_tensor_get_type_impl, llama_ftype_get_default_type and tensor_type_fallback (no imatrix,
// no user overrides). The _M mixes give attn_v / ffn_down more bits in some layers; the output
// (and tied token embedding) gets Q6_K; rows that are not whole blocks fall back to a smaller block.

import type { ModelShape, TensorInfo } from "../models/shape.js";
import { requireGgmlType } from "./ggml-types.js";
import type { TensorShape } from "./tensors.js";

/** Quantization names llama-quantize accepts (its --help list), plus MXFP4 as gpt-oss's name. */
export const QUANT_NAMES = [
  "F32", "F16", "BF16", "Q8_0", "Q6_K", "Q5_K_M", "Q5_K_S", "Q5_1", "Q5_0", "Q4_K_M", "Q4_K_S",
  "Q4_1", "Q4_0", "IQ4_XS", "IQ4_NL", "Q3_K_L", "Q3_K_M", "Q3_K_S", "IQ3_M", "IQ3_S", "IQ3_XS",
  "IQ3_XXS", "Q2_K", "Q2_K_S", "IQ2_M", "IQ2_S", "IQ2_XS", "IQ2_XXS", "IQ1_M", "IQ1_S", "TQ2_0",
  "TQ1_0", "MXFP4_MOE",
] as const;
export type QuantName = (typeof QUANT_NAMES)[number];

const ALIASES: Readonly<Record<string, QuantName>> = { MXFP4: "MXFP4_MOE", Q4_K: "Q4_K_M", Q5_K: "Q5_K_M", Q3_K: "Q3_K_M" };

/** Normalises a user's quantization name ("q4_k_m", "Q4_K_M", "mxfp4"); undefined when unknown. */
export function parseQuantName(name: string): QuantName | undefined {
  const up = name.trim().toUpperCase();
  const alias = ALIASES[up];
  if (alias) return alias;
  return (QUANT_NAMES as readonly string[]).includes(up) ? (up as QuantName) : undefined;
}

/** The type every quantizable tensor starts from (llama_ftype_get_default_type). */
const DEFAULT_TYPE: Readonly<Record<QuantName, string>> = {
  F32: "F32", F16: "F16", BF16: "BF16", Q8_0: "Q8_0", Q6_K: "Q6_K", Q5_K_M: "Q5_K", Q5_K_S: "Q5_K",
  Q5_1: "Q5_1", Q5_0: "Q5_0", Q4_K_M: "Q4_K", Q4_K_S: "Q4_K", Q4_1: "Q4_1", Q4_0: "Q4_0",
  IQ4_XS: "IQ4_XS", IQ4_NL: "IQ4_NL", Q3_K_L: "Q3_K", Q3_K_M: "Q3_K", Q3_K_S: "Q3_K", IQ3_M: "IQ3_S",
  IQ3_S: "IQ3_S", IQ3_XS: "IQ3_S", IQ3_XXS: "IQ3_XXS", Q2_K: "Q2_K", Q2_K_S: "Q2_K", IQ2_M: "IQ2_S",
  IQ2_S: "IQ2_XS", IQ2_XS: "IQ2_XS", IQ2_XXS: "IQ2_XXS", IQ1_M: "IQ1_M", IQ1_S: "IQ1_S", TQ2_0: "TQ2_0",
  TQ1_0: "TQ1_0", MXFP4_MOE: "MXFP4",
};

type Category =
  | "token_embd" | "attn_q" | "attn_v" | "attn_k" | "attn_qkv" | "attn_kv_b" | "attn_output"
  | "ffn_up" | "ffn_gate" | "ffn_down" | "output" | "other";

function categoryOf(name: string): Category {
  if (name === "output.weight") return "output";
  if (name === "token_embd.weight" || name === "per_layer_token_embd.weight") return "token_embd";
  if (name.includes("attn_qkv.weight")) return "attn_qkv";
  if (name.includes("attn_kv_b.weight")) return "attn_kv_b";
  if (name.includes("attn_v.weight")) return "attn_v";
  if (name.includes("attn_k.weight")) return "attn_k";
  if (name.includes("attn_q.weight")) return "attn_q";
  if (name.includes("attn_output.weight")) return "attn_output";
  if (name.includes("ffn_up")) return "ffn_up";
  if (name.includes("ffn_gate")) return "ffn_gate";
  if (name.includes("ffn_down")) return "ffn_down";
  return "other";
}

const isAttnVLike = (c: Category): boolean => c === "attn_v" || c === "attn_qkv" || c === "attn_kv_b";

function nDims(ne: readonly number[]): number {
  let n = 1;
  for (let i = ne.length - 1; i >= 1; i--) {
    if ((ne[i] ?? 1) > 1) return i + 1;
  }
  return n;
}

const NEVER_QUANTIZED = [
  "_norm.weight", "ffn_gate_inp.weight", "ssm_conv1d", "shortconv.conv.weight", "attn_rel_b.weight",
  "altup", "laurel", "per_layer_model_proj", "time_mix_first.weight", "time_mix_w0.weight",
  "time_mix_w1.weight", "time_mix_w2.weight", "time_mix_v0.weight", "time_mix_v1.weight", "time_mix_v2.weight",
  "time_mix_a0.weight", "time_mix_a1.weight", "time_mix_a2.weight", "time_mix_g1.weight", "time_mix_g2.weight",
  "time_mix_decay_w1.weight", "time_mix_decay_w2.weight", "time_mix_lerp_fused.weight",
];

/** Gemma 3n matrices the quantizer skips: they stay in the converted file's type. */
const GEMMA3N_UNQUANTIZED_MATRIX = /(^|\.)(altup_proj|altup_unembd_proj|altup_correct_coef|altup_predict_coef|altup_router|laurel_l|laurel_r|per_layer_model_proj)\.weight$/;

function keptInSourceType(name: string, ne: readonly number[]): boolean {
  return nDims(ne) >= 2 && GEMMA3N_UNQUANTIZED_MATRIX.test(name);
}

/** tensor_allows_quantization: 2-D+ tensors named *weight, minus norms, routers, convs and the like. */
export function allowsQuantization(name: string, ne: readonly number[]): boolean {
  if (nDims(ne) < 2) return false;
  if (!name.endsWith("weight")) return false;
  if (name === "position_embd.weight" || name === "token_types.weight") return false;
  return !NEVER_QUANTIZED.some((s) => name.includes(s));
}

const LOW_BIT_IQ: ReadonlySet<QuantName> = new Set(["IQ2_XXS", "IQ2_XS", "IQ3_XXS", "IQ1_S", "IQ2_S", "IQ2_M", "IQ1_M"]);
const IQ2_FAMILY: ReadonlySet<QuantName> = new Set(["IQ2_XXS", "IQ2_XS", "IQ1_S", "IQ2_S", "IQ2_M", "IQ1_M"]);

interface MixState {
  readonly q: QuantName;
  readonly arch: string;
  readonly nGqa: number;
  readonly nExpert: number;
  readonly is70b: boolean;
  readonly tied: boolean;
  readonly nAttnV: number;
  readonly nLayer: number;
  iAttnV: number;
  iFfnDown: number;
  iFfnGate: number;
  iFfnUp: number;
}

/** i_layer < n/8, i_layer ≥ 7n/8, or every third layer in between: llama-quant.cpp's use_more_bits. */
function useMoreBits(i: number, n: number): boolean {
  return i < Math.trunc(n / 8) || i >= Math.trunc((7 * n) / 8) || (i - Math.trunc(n / 8)) % 3 === 2;
}

function layerFromName(name: string, counter: number, s: MixState): number {
  if (s.nExpert <= 1) return counter;
  const m = /^blk\.(\d+)\./.exec(name);
  return m?.[1] !== undefined ? Number(m[1]) : counter;
}

function pickOutput(s: MixState, nx: number, t: string): string {
  const qk = requireGgmlType(t).blockSize;
  if (s.q === "MXFP4_MOE") return "Q8_0";
  if (s.arch === "falcon" || nx % qk !== 0) return "Q8_0";
  if (LOW_BIT_IQ.has(s.q) && s.q !== "IQ3_XXS") return "Q5_K";
  if (t !== "Q8_0") return "Q6_K";
  return t;
}

function pickAttnV(s: MixState, t: string): string {
  const q = s.q;
  let nt = t;
  if (q === "Q2_K") nt = s.nGqa >= 4 ? "Q4_K" : "Q3_K";
  else if (q === "Q2_K_S" && s.nGqa >= 4) nt = "Q4_K";
  else if (q === "IQ3_XXS") nt = s.nGqa >= 4 ? "Q4_K" : "IQ3_S"; // no imatrix
  else if ((q === "IQ3_XS" || q === "IQ3_S") && s.nGqa >= 4) nt = "Q4_K";
  else if (q === "IQ3_M") nt = "Q4_K";
  else if (q === "Q3_K_M") nt = s.iAttnV < 2 ? "Q5_K" : "Q4_K";
  else if (q === "Q3_K_L") nt = "Q5_K";
  else if ((q === "IQ4_NL" || q === "IQ4_XS") && s.nGqa >= 4) nt = "Q5_K";
  else if ((q === "Q4_K_M" || q === "Q5_K_M") && useMoreBits(s.iAttnV, s.nAttnV)) nt = "Q6_K";
  else if (q === "Q4_K_S" && s.iAttnV < 4) nt = "Q5_K";
  // a 70B's attn_v is 8× smaller than attn_q, so more bits cost little
  if (s.is70b && (nt === "Q3_K" || nt === "Q4_K")) nt = "Q5_K";
  if (s.nExpert === 8) nt = "Q8_0";
  return nt;
}

function pickFfnDown(s: MixState, name: string, t: string): string {
  const q = s.q;
  const i = layerFromName(name, s.iFfnDown, s);
  const n = s.nLayer;
  const falcon = s.arch === "falcon";
  if (q === "Q2_K") return "Q3_K";
  if (q === "Q2_K_S") return i < Math.trunc(n / 8) ? "Q4_K" : t;
  if (q === "IQ3_XXS") return i < Math.trunc(n / 8) ? "Q4_K" : "Q3_K";
  if (q === "Q3_K_M") {
    if (i < Math.trunc(n / 16)) return "Q5_K";
    return !falcon || useMoreBits(i, n) ? "Q4_K" : "Q3_K";
  }
  if (q === "IQ3_M" && (i < Math.trunc(n / 8) || (s.nExpert === 8 && useMoreBits(i, n)))) return "Q4_K";
  if (q === "Q3_K_L") return falcon ? "Q4_K" : "Q5_K";
  if (q === "Q4_K_M") {
    if (falcon) return i < Math.trunc(n / 16) ? "Q6_K" : useMoreBits(i, n) ? "Q5_K" : "Q4_K";
    return useMoreBits(i, n) ? "Q6_K" : t;
  }
  if (i < Math.trunc(n / 8) && (q === "IQ4_NL" || q === "IQ4_XS")) return "Q5_K";
  if (q === "Q5_K_M" && useMoreBits(i, n)) return "Q6_K";
  if (q === "Q4_K_S" && !falcon && i < Math.trunc(n / 8)) return "Q5_K";
  return t;
}

function pickAttnOutput(s: MixState, t: string): string {
  const q = s.q;
  if (s.arch === "falcon") return q === "Q3_K_L" ? "Q4_K" : t;
  if (s.nExpert === 8) {
    const bump: readonly QuantName[] = ["Q2_K", "IQ3_XS", "IQ3_XXS", "Q3_K_S", "Q3_K_M", "IQ4_NL", "Q4_K_S", "Q4_K_M", "IQ3_S", "IQ3_M", "IQ4_XS"];
    return bump.includes(q) ? "Q5_K" : t;
  }
  if (q === "Q2_K") return "Q3_K";
  if (q === "IQ3_XXS") return "IQ3_S";
  if (q === "Q3_K_M" || q === "IQ3_M") return "Q4_K";
  if (q === "Q3_K_L") return "Q5_K";
  return t;
}

/** llama_tensor_get_type_impl for one tensor; advances the layer counters like llama.cpp does. */
function pickType(s: MixState, name: string, ne: readonly number[], cat: Category, t: string): string {
  const q = s.q;
  if (cat === "output" || (s.tied && cat === "token_embd")) return pickOutput(s, ne[0] ?? 0, t);
  if (q === "MXFP4_MOE") return (ne[2] ?? 1) > 1 ? "MXFP4" : "Q8_0";
  if (cat === "token_embd") {
    if (q === "IQ2_XXS" || q === "IQ2_XS" || q === "IQ1_S" || q === "IQ1_M") return "Q2_K";
    if (q === "IQ2_S" || q === "IQ2_M" || q === "IQ3_XXS") return "IQ3_S";
    if (q === "TQ1_0" || q === "TQ2_0") return "Q4_K";
    return t;
  }
  if (IQ2_FAMILY.has(q)) {
    const iq3 = q === "IQ2_S" || q === "IQ2_M";
    if (isAttnVLike(cat)) {
      s.iAttnV++;
      return s.nGqa >= 4 || s.nExpert >= 4 ? "Q4_K" : iq3 ? "IQ3_S" : "Q2_K";
    }
    if (s.nExpert === 8 && cat === "attn_k") return "Q4_K";
    if (cat === "ffn_down") {
      const r = s.iFfnDown < Math.trunc(s.nLayer / 8) ? (iq3 ? "IQ3_S" : "Q2_K") : t;
      s.iFfnDown++;
      return r;
    }
    if (cat === "attn_output") {
      if (s.nExpert === 8) return "Q5_K";
      if (q === "IQ1_S" || q === "IQ1_M") return "IQ2_XXS";
      if (iq3) return "IQ3_S";
    }
    return t;
  }
  switch (cat) {
    // attn_qkv and attn_kv_b count and bump as attn_v (category_is_attn_v); the llama.cpp that
    // measured the ground truth gives phi3's attn_qkv Q6_K in the use_more_bits layers of Q4_K_M.
    case "attn_qkv":
    case "attn_v":
    case "attn_kv_b": {
      const r = pickAttnV(s, t);
      s.iAttnV++;
      return r;
    }
    case "attn_k":
      if (s.nExpert === 8) return "Q8_0";
      if (q === "IQ3_XS") return "IQ3_XXS";
      if (q === "IQ3_XXS") return "IQ2_S";
      return t;
    case "attn_q":
      if (q === "IQ3_XS") return "IQ3_XXS";
      if (q === "IQ3_XXS") return "IQ2_S";
      return t;
    case "ffn_down": {
      const r = pickFfnDown(s, name, t);
      s.iFfnDown++;
      return r;
    }
    case "attn_output":
      return pickAttnOutput(s, t);
    case "ffn_gate":
    case "ffn_up": {
      const counter = cat === "ffn_gate" ? s.iFfnGate : s.iFfnUp;
      const i = layerFromName(name, counter, s);
      if (cat === "ffn_gate") s.iFfnGate++;
      else s.iFfnUp++;
      if (q === "IQ3_XS" && i >= Math.trunc(s.nLayer / 8) && i < Math.trunc((7 * s.nLayer) / 8)) return "IQ3_XXS";
      return t;
    }
    default:
      return t;
  }
}

/** tensor_type_fallback: a row that is not a whole number of blocks takes a smaller-block type. */
function fallback(ne0: number, t: string): string {
  if (ne0 % requireGgmlType(t).blockSize === 0) return t;
  const to: Readonly<Record<string, string>> = {
    IQ1_S: "IQ4_NL", IQ1_M: "IQ4_NL", IQ2_XXS: "IQ4_NL", IQ2_XS: "IQ4_NL", IQ2_S: "IQ4_NL",
    IQ3_XXS: "IQ4_NL", IQ3_S: "IQ4_NL", IQ4_XS: "IQ4_NL", Q2_K: "Q4_0", Q3_K: "Q4_0", TQ1_0: "Q4_0",
    TQ2_0: "Q4_0", Q4_K: "Q5_0", Q5_K: "Q5_1", Q6_K: "Q8_0",
  };
  const r = to[t] ?? "F16";
  return ne0 % requireGgmlType(r).blockSize === 0 ? r : "F16";
}

/** Per-tensor facts that do not depend on the quantization, computed once per tensor list. */
export interface QuantPlan {
  readonly shape: ModelShape;
  readonly tensors: readonly TensorShape[];
  readonly category: readonly Category[];
  readonly quantizable: readonly boolean[];
  /** Visit order: llama-quantize walks tensors sorted by layer (non-layer tensors first). */
  readonly order: readonly number[];
  readonly nAttnV: number;
  readonly tied: boolean;
}

export function prepareQuantMix(shape: ModelShape, tensors: readonly TensorShape[]): QuantPlan {
  const category = tensors.map((t) => categoryOf(t.name));
  return {
    shape,
    tensors,
    category,
    quantizable: tensors.map((t) => allowsQuantization(t.name, t.ne)),
    order: tensors.map((_, i) => i).sort((a, b) => ((tensors[a]?.layer ?? -1) - (tensors[b]?.layer ?? -1)) || a - b),
    nAttnV: category.reduce((n, c) => (isAttnVLike(c) ? n + 1 : n), 0),
    tied: !tensors.some((t) => t.name === "output.weight"),
  };
}

/** The ggml type of each tensor of `plan` (same index) for `quant`. */
export function quantTypes(plan: QuantPlan, quant: QuantName): string[] {
  const { shape, tensors } = plan;
  const def = DEFAULT_TYPE[quant];
  const first = shape.layers[0];
  const s: MixState = {
    q: quant,
    arch: shape.arch,
    nGqa: first && first.nHeadKv > 0 ? Math.trunc(first.nHead / first.nHeadKv) : 0,
    nExpert: shape.experts?.count ?? 0,
    is70b: shape.arch === "llama" && shape.layers.length === 80 && first !== undefined && first.nHead !== first.nHeadKv,
    tied: plan.tied,
    nAttnV: plan.nAttnV,
    nLayer: shape.layers.length,
    iAttnV: 0,
    iFfnDown: 0,
    iFfnGate: 0,
    iFfnUp: 0,
  };
  const quantized = requireGgmlType(def).quantized;
  const sourceType = quant === "BF16" || quant === "F32" ? quant : "F16";
  const types = new Array<string>(tensors.length);
  for (const i of plan.order) {
    const t = tensors[i];
    if (!t) continue;
    if (!plan.quantizable[i]) {
      // 1-D tensors, norms, routers, convs: F32 in the converted file, never quantized. Gemma 3n's
      // 2-D AltUp / LAuReL / per-layer projections are converted like any matrix (F16) and then left
      // alone by the quantizer (tensor_allows_quantization), as llama_model_quantize's dry run shows
      types[i] = keptInSourceType(t.name, t.ne) ? sourceType : "F32";
      continue;
    }
    let nt = def;
    if (quantized) {
      nt = pickType(s, t.name, t.ne, plan.category[i] ?? "other", def);
      nt = fallback(t.ne[0] ?? 0, nt);
    }
    types[i] = nt;
  }
  return types;
}

/**
 * Assigns each tensor the type llama-quantize would give it for `quant`, starting from an F16
 * (BF16 for BF16, F32 for F32) conversion of the model.
 */
export function applyQuantMix(shape: ModelShape, tensors: readonly TensorShape[], quant: QuantName): TensorInfo[] {
  const types = quantTypes(prepareQuantMix(shape, tensors), quant);
  return tensors.map((t, i) => ({ name: t.name, ne: t.ne, type: types[i] ?? "F32" }));
}
