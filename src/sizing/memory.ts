// What one llama.cpp instance of a model allocates, component by component, for given settings:
// weights, KV cache, recurrent state, compute and output buffers, and the unprinted overhead.

import type { Backend } from "../hardware/types.js";
import type { ModelShape } from "../models/shape.js";
import { computePeaks, outputBufferBytes, type ComputeInputs, type ComputePeaks } from "./compute-buffer.js";
import { kvCacheSize, type KvCacheSize } from "./kv-cache.js";
import { deviceOverheadBytes } from "./overhead.js";
import type { QuantName } from "./quant-mix.js";
import { profileShape, type ShapeProfile } from "./shape-profile.js";
import { recurrentStateSize, type RecurrentStateSize } from "./recurrent-state.js";
import type { FlashAttn, MemoryBreakdown, RunSettings } from "./types.js";
import { tabled } from "./shape-tables.js";
import { splitWeights, typedTensors, type WeightSplit } from "./weights.js";

export interface MemoryDetail {
  readonly memory: MemoryBreakdown;
  readonly flashAttn: boolean;
  readonly weights: WeightSplit;
  readonly kv: KvCacheSize;
  readonly recurrent: RecurrentStateSize;
  readonly computePeaks: ComputePeaks;
  readonly profile: ShapeProfile;
}

/**
 * What `-fa auto` becomes. llama.cpp enables it when the device can run the flash-attention op
 * for this graph; the CPU backend and the common GPU backends can (fa_resolved = on in the
 * ground truth), and a quantized V cache requires it.
 */
export function resolveFlashAttn(fa: FlashAttn, profile: ShapeProfile): boolean {
  if (fa !== "auto") return fa === "on";
  return profile.hasAttention;
}

export function weightSplit(shape: ModelShape, quant: QuantName | undefined): WeightSplit {
  return tabled(shape, quant)?.weights ?? splitWeights(typedTensors(shape, quant), shape.layers.length);
}

/**
 * Sizes everything for one instance on `backend` (all layers on that device; placement.ts splits
 * across devices). `weights` may be passed in when the caller caches it per shape and quant.
 */
export function estimateMemory(
  shape: ModelShape,
  quant: QuantName | undefined,
  settings: RunSettings,
  backend: Backend,
  weights: WeightSplit = weightSplit(shape, quant),
  profile: ShapeProfile = profileShape(shape),
): MemoryDetail {
  const flashAttn = resolveFlashAttn(settings.flashAttn, profile);
  const kv = kvCacheSize(shape, settings, profile);
  const recurrent = recurrentStateSize(profile, settings);
  const inputs: ComputeInputs = { shape, profile, settings, flashAttn, kv };
  const peaks = computePeaks(inputs);
  const compute = Math.max(peaks.output, peaks.layer);
  const output = outputBufferBytes(shape, settings);
  const overhead = deviceOverheadBytes(backend);
  const kvTotal = kv.k + kv.v + kv.kSwa + kv.vSwa;
  const rs = recurrent.r + recurrent.s;
  const memory: MemoryBreakdown = {
    weights: weights.total,
    kv: kvTotal,
    recurrent: rs,
    compute,
    output,
    overhead,
    total: weights.total + kvTotal + rs + compute + output + overhead,
  };
  return { memory, flashAttn, weights, kv, recurrent, computePeaks: peaks, profile };
}
