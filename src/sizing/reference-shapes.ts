// A few real model shapes, from each model's published config.json (the same hyperparameters as
// data/groundtruth/shapes.json). Used by tests and as the CLI's fallback until the catalog
// (src/models/catalog.ts) has them.

import type { ArchKind, LayerShape, ModelShape } from "../models/shape.js";
import { countParams, tensorsForShape } from "./tensors.js";

/** The compact hyperparameters a dense attention model is described by. */
export interface DenseSpec {
  readonly arch: string;
  readonly E: number;
  readonly L: number;
  readonly H: number;
  readonly KV: number;
  readonly hd: number;
  readonly F: number;
  readonly V: number;
  readonly ctx: number;
  readonly tied: boolean;
  readonly ropeFreqs?: boolean;
  /** Sliding window and which layers slide (true = SWA). */
  readonly swa?: { readonly window: number; readonly isSwa: (il: number) => boolean };
  readonly kind?: ArchKind;
}

/** A uniform stack of attention layers as a ModelShape; params counted by the caller if needed. */
export function denseShape(s: DenseSpec, params?: { total: number; active: number }): ModelShape {
  const layers: LayerShape[] = [];
  for (let il = 0; il < s.L; il++) {
    layers.push({ mixer: "attention", nHead: s.H, nHeadKv: s.KV, swa: s.swa?.isSwa(il) ?? false, nFf: s.F });
  }
  return {
    arch: s.arch,
    kind: s.kind ?? "dense",
    nEmbd: s.E,
    nVocab: s.V,
    nCtxTrain: s.ctx,
    headDimK: s.hd,
    headDimV: s.hd,
    layers,
    swaWindow: s.swa?.window ?? 0,
    tiedEmbeddings: s.tied,
    params: params ?? { total: 0, active: 0 },
    ...(s.ropeFreqs ? { ropeFreqs: true } : {}),
  };
}

export const REFERENCE_SPECS: Readonly<Record<string, DenseSpec>> = {
  "llama-3.2-1b": { arch: "llama", E: 2048, L: 16, H: 32, KV: 8, hd: 64, F: 8192, V: 128256, ctx: 131072, tied: true, ropeFreqs: true },
  "llama-3.2-3b": { arch: "llama", E: 3072, L: 28, H: 24, KV: 8, hd: 128, F: 8192, V: 128256, ctx: 131072, tied: true, ropeFreqs: true },
  "llama-3.1-8b": { arch: "llama", E: 4096, L: 32, H: 32, KV: 8, hd: 128, F: 14336, V: 128256, ctx: 131072, tied: false, ropeFreqs: true },
  "mistral-7b-v0.3": { arch: "llama", E: 4096, L: 32, H: 32, KV: 8, hd: 128, F: 14336, V: 32768, ctx: 32768, tied: false },
  "qwen2.5-7b": { arch: "qwen2", E: 3584, L: 28, H: 28, KV: 4, hd: 128, F: 18944, V: 152064, ctx: 32768, tied: false },
  "qwen3-8b": { arch: "qwen3", E: 4096, L: 36, H: 32, KV: 8, hd: 128, F: 12288, V: 151936, ctx: 40960, tied: false },
  "gemma-2-9b": {
    arch: "gemma2", E: 3584, L: 42, H: 16, KV: 8, hd: 256, F: 14336, V: 256000, ctx: 8192, tied: true,
    swa: { window: 4096, isSwa: (il) => il % 2 === 0 },
  },
  "gemma-3-4b": {
    arch: "gemma3", E: 2560, L: 34, H: 8, KV: 4, hd: 256, F: 10240, V: 262208, ctx: 131072, tied: true,
    swa: { window: 1024, isSwa: (il) => (il + 1) % 6 !== 0 },
  },
  "phi-3-mini-4k": { arch: "phi3", E: 3072, L: 32, H: 32, KV: 32, hd: 96, F: 8192, V: 32064, ctx: 4096, tied: false },
};

export function referenceShape(id: string): ModelShape | undefined {
  const spec = REFERENCE_SPECS[id];
  if (!spec) return undefined;
  const shape = denseShape(spec);
  const total = countParams(tensorsForShape(shape));
  return { ...shape, params: { total, active: total } };
}

export function referenceIds(): string[] {
  return Object.keys(REFERENCE_SPECS);
}
