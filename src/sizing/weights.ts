// Bytes of the model weights as llama.cpp maps them: every tensor's ggml size, each padded to the
// GGUF alignment (the mapped buffer spans the file's data region, padding included).

import type { ModelShape, TensorInfo } from "../models/shape.js";
import { alignUp, GGUF_DEFAULT_ALIGNMENT, requireGgmlType, tensorBytes } from "./ggml-types.js";
import { applyQuantMix, parseQuantName, prepareQuantMix, quantTypes, type QuantPlan, type QuantName } from "./quant-mix.js";
import { tensorsForShape } from "./tensors.js";

export interface WeightSplit {
  readonly total: number;
  /** Bytes per layer (index = layer), the unit partial offload moves to a GPU. */
  readonly perLayer: readonly number[];
  /** Token embedding: llama.cpp keeps it on the CPU whatever -ngl says. */
  readonly inputEmbd: number;
  /** Output norm + output projection: offloaded with the last "layer" (-ngl n_layer+1). */
  readonly output: number;
  /** suffix[n]: bytes of the last n layers (partial offload moves the last layers). */
  readonly suffix: readonly number[];
  /**
   * Bytes llama.cpp's CPU backend copies into its CPU_REPACK buffer on x86 with AVX2: every Q4_0,
   * Q4_K and IQ4_NL matrix except the token embedding (only read by get_rows). Not in `total`:
   * the repacked copy replaces the mapped pages in use, which the OS may then evict.
   */
  readonly cpuRepack: number;
}

const REPACKED: ReadonlySet<string> = new Set(["Q4_0", "Q4_K", "IQ4_NL"]);

function repackBytes(name: string, ne: readonly number[], type: string, bytes: number): number {
  return REPACKED.has(type.toUpperCase()) && ne.length >= 2 && name !== "token_embd.weight" ? bytes : 0;
}

/**
 * The typed tensor list for `shape` at `quant`: the file's own list when the shape came from a GGUF
 * file and no other quantization is asked for, otherwise the quantizer's choice per tensor.
 */
export function typedTensors(shape: ModelShape, quant: QuantName | undefined): readonly TensorInfo[] {
  if (shape.tensors && (quant === undefined || sameQuant(shape.fileType, quant))) return shape.tensors;
  return applyQuantMix(shape, shape.convertedTensors ?? tensorsForShape(shape), quant ?? "Q4_K_M");
}

function sameQuant(fileType: string | undefined, quant: QuantName): boolean {
  return fileType !== undefined && parseQuantName(fileType) === quant;
}

const LAYER_RE = /^blk\.(\d+)\./;

export function splitWeights(tensors: readonly TensorInfo[], nLayer: number): WeightSplit {
  const perLayer = new Array<number>(nLayer).fill(0);
  let total = 0;
  let inputEmbd = 0;
  let output = 0;
  let repack = 0;
  for (const t of tensors) {
    const raw = tensorBytes(t.ne, requireGgmlType(t.type));
    const bytes = alignUp(raw, GGUF_DEFAULT_ALIGNMENT);
    total += bytes;
    repack += repackBytes(t.name, t.ne, t.type, raw);
    const m = LAYER_RE.exec(t.name);
    const il = m?.[1] !== undefined ? Number(m[1]) : -1;
    if (il >= 0 && il < nLayer) perLayer[il] = (perLayer[il] ?? 0) + bytes;
    else if (t.name.startsWith("output")) output += bytes;
    else inputEmbd += bytes;
  }
  return assemble(perLayer, total, inputEmbd, output, repack);
}

function assemble(perLayer: number[], total: number, inputEmbd: number, output: number, cpuRepack: number): WeightSplit {
  const n = perLayer.length;
  const suffix = new Array<number>(n + 1).fill(0);
  for (let j = 1; j <= n; j++) suffix[j] = (suffix[j - 1] ?? 0) + (perLayer[n - j] ?? 0);
  return { total, perLayer, inputEmbd, output, suffix, cpuRepack };
}

/** Weight bytes for `quant` from a prepared plan (no tensor objects built; the fast path for searches). */
export function weightsFromPlan(plan: QuantPlan, quant: QuantName): WeightSplit {
  const types = quantTypes(plan, quant);
  const nLayer = plan.shape.layers.length;
  const perLayer = new Array<number>(nLayer).fill(0);
  let total = 0, inputEmbd = 0, output = 0, repack = 0;
  plan.tensors.forEach((t, i) => {
    const type = types[i] ?? "F32";
    const raw = tensorBytes(t.ne, requireGgmlType(type));
    const bytes = alignUp(raw, GGUF_DEFAULT_ALIGNMENT);
    total += bytes;
    repack += repackBytes(t.name, t.ne, type, raw);
    if (t.layer !== undefined && t.layer < nLayer) perLayer[t.layer] = (perLayer[t.layer] ?? 0) + bytes;
    else if (t.name.startsWith("output")) output += bytes;
    else inputEmbd += bytes;
  });
  return assemble(perLayer, total, inputEmbd, output, repack);
}

/** The plan for a shape's own tensor list (catalog shapes: the list llama.cpp would create; a checkpoint's: the converter's). */
export function planForShape(shape: ModelShape): QuantPlan {
  return prepareQuantMix(shape, shape.convertedTensors ?? tensorsForShape(shape));
}
