// The checkpoint kind a Hugging Face config.json declares in its quantization_config: what the
// catalog's `checkpoint` field records and the vLLM plan serves as published. Read by
// scripts/catalog-from-config.mjs; pure (the caller reads the file).
//
// The formats, as vLLM reads them (vllm/model_executor/layers/quantization/):
// - quant_method "fp8" (DeepSeek V3's block FP8) and "fbgemm_fp8" (Meta's 405B FP8): FP8 weights;
// - "compressed-tensors" (llm-compressor): `config_groups`, each with its `weights` scheme (num_bits,
//   type int|float, strategy, group_size, symmetric) for the modules it `targets`, and `ignore`,
//   the modules left unquantized ("re:" marks a regular expression, matched from the start of the
//   module's name); 8-bit float weights are FP8, 4-bit int weights in groups are W4A16;
// - "awq" (4 bits, group_size, zero points) and "gptq" (bits, group_size, sym): 4-bit int weights
//   on every linear layer of the blocks.
// Anything else (MXFP4, NVFP4, 8-bit int, channel-wise INT4, a mix of schemes) returns undefined:
// the plan would size it wrong, and a wrong mark is worse than none.
import * as z from "zod";
import { lazySchema } from "../lazy-schema.js";
import type { Checkpoint } from "../models/catalog-schema.js";

const WeightsSchema = lazySchema(() => z.looseObject({
  num_bits: z.number().int().positive(),
  type: z.enum(["int", "float"]).default("int"),
  strategy: z.string().nullish(),
  group_size: z.number().int().nullish(),
  symmetric: z.boolean().default(true),
}));

const QuantConfigSchema = lazySchema(() => z.looseObject({
  quant_method: z.string(),
  config_groups: z.record(z.string(), z.looseObject({ weights: WeightsSchema.nullish(), targets: z.array(z.string()).default([]) })).optional(),
  ignore: z.array(z.string()).default([]),
  bits: z.number().int().optional(),
  w_bit: z.number().int().optional(),
  group_size: z.number().int().optional(),
  q_group_size: z.number().int().optional(),
  zero_point: z.boolean().optional(),
  sym: z.boolean().optional(),
}));

const ConfigSchema = lazySchema(() => z.looseObject({
  quantization_config: z.unknown().optional(),
  text_config: z.looseObject({ quantization_config: z.unknown().optional() }).optional(),
}));

/**
 * Module names of a DeepSeek/Qwen-style MoE block that tell the scopes apart: an attention
 * projection, a dense FFN's (the leading dense layers), a shared expert's and a routed expert's.
 */
const PROBES = {
  attention: "model.layers.1.self_attn.q_proj",
  denseFfn: "model.layers.0.mlp.gate_proj",
  shared: "model.layers.1.mlp.shared_experts.gate_proj",
  routed: "model.layers.1.mlp.experts.0.gate_proj",
} as const;

function ignored(patterns: readonly string[], module: string): boolean {
  return patterns.some((p) => (p.startsWith("re:") ? new RegExp(`^(?:${p.slice(3)})`).test(module) : module === p || module.endsWith(`.${p}`)));
}

/** The checkpoint a config.json (or its text_config) declares, or undefined for BF16/FP16 and for formats the plan does not size. */
export function checkpointFromConfig(config: unknown): Checkpoint | undefined {
  const c = ConfigSchema.parse(config);
  const raw = c.quantization_config ?? c.text_config?.quantization_config;
  if (raw === undefined || raw === null) return undefined;
  const q = QuantConfigSchema.safeParse(raw);
  if (!q.success) return undefined;
  const qc = q.data;
  switch (qc.quant_method) {
    case "fp8":
    case "fbgemm_fp8":
      return "fp8";
    case "awq": {
      const bits = qc.w_bit ?? qc.bits;
      const group = qc.q_group_size ?? qc.group_size;
      return bits === 4 && group !== undefined && group > 0 ? { int4: { groupSize: group, scope: "linear", zeroPoints: qc.zero_point ?? true } } : undefined;
    }
    case "gptq":
      return qc.bits === 4 && qc.group_size !== undefined && qc.group_size > 0 ? { int4: { groupSize: qc.group_size, scope: "linear", zeroPoints: qc.sym === false } } : undefined;
    case "compressed-tensors":
      return compressedTensors(qc.config_groups ?? {}, qc.ignore);
    default:
      return undefined;
  }
}

function compressedTensors(groups: Record<string, { weights?: z.infer<typeof WeightsSchema> | null | undefined }>, ignore: readonly string[]): Checkpoint | undefined {
  const schemes = Object.values(groups).map((g) => g.weights).filter((w) => w !== undefined && w !== null);
  if (schemes.length === 0) return undefined;
  if (schemes.every((w) => w.num_bits === 8 && w.type === "float")) return "fp8";
  const first = schemes[0]!;
  const sameInt4 = schemes.every((w) => w.num_bits === 4 && w.type === "int" && w.strategy === "group" && w.group_size === first.group_size && w.symmetric === first.symmetric);
  if (!sameInt4 || first.group_size === undefined || first.group_size === null || first.group_size <= 0) return undefined;
  const int4 = { groupSize: first.group_size, zeroPoints: !first.symmetric };
  const kept = { attention: ignored(ignore, PROBES.attention), denseFfn: ignored(ignore, PROBES.denseFfn), shared: ignored(ignore, PROBES.shared), routed: ignored(ignore, PROBES.routed) };
  if (kept.routed) return undefined;
  if (!kept.attention && !kept.denseFfn && !kept.shared) return { int4: { ...int4, scope: "linear" } };
  if (kept.attention && kept.denseFfn && kept.shared) return { int4: { ...int4, scope: "routed-experts" } };
  return undefined;
}
