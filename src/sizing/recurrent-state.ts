// The recurrent-state cache of Mamba-style layers (src/llama-memory-recurrent.cpp): per layer an
// "r" tensor (conv state, hparams.n_embd_r) and an "s" tensor (SSM state, hparams.n_embd_s), both
// F32, one row per sequence. It does not grow with the context.

import type { ModelShape } from "../models/shape.js";
import type { ShapeProfile } from "./shape-profile.js";
import { ssmConvChannels } from "./tensors.js";
import type { RunSettings } from "./types.js";

export interface RecurrentStateSize {
  readonly r: number;
  readonly s: number;
  readonly layers: number;
}

/** Conv state columns per sequence: (d_conv − 1) × conv channels; LFM2: (l_cache − 1) × n_embd. */
export function convStateElements(shape: ModelShape, mixer: string): number {
  if (mixer === "shortconv") return Math.max(0, (shape.shortConvLCache ?? 3) - 1) * shape.nEmbd;
  const s = shape.ssm;
  return s ? Math.max(0, s.dConv - 1) * ssmConvChannels(shape) : 0;
}

/** SSM state per sequence: d_state × d_inner (Mamba-1 and Mamba-2 alike); short convs have none. */
export function ssmStateElements(shape: ModelShape, mixer: string): number {
  if (mixer === "shortconv") return 0;
  const s = shape.ssm;
  return s ? s.dState * s.dInner : 0;
}

export function recurrentStateSize(profile: ShapeProfile, settings: RunSettings): RecurrentStateSize {
  const seqs = Math.max(1, settings.nSeq);
  return { r: profile.rPerSeq * seqs, s: profile.sPerSeq * seqs, layers: profile.recurrentLayers };
}
