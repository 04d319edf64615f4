// Seconds per denoiser step of an image/video pipeline, from the same device terms as prompt
// processing (src/speed/model.ts): the step's matmul FLOPs over the GPU's matrix-engine rate at
// the fitted F16 matrix efficiency of its backend. A denoiser step is one big batched forward
// pass (every latent token at once, like a prompt), so it is matrix-bound the same way.
// FLOPs: 2 per weight per token (× the guidance batch), plus self-attention over the tokens:
// 4 × tokens² × hidden per attention block (Q·Kᵀ and scores·V). DiT blocks come from the
// denoiser's config (src/diffusion/arch.ts). Only for DiTs: a UNet's convolutions reuse most of
// their weights at reduced resolutions, so "2 FLOPs per weight per token" does not describe them.

import type { Gpu } from "../hardware/types.js";
import { SPEED_CONSTANTS } from "./constants.js";
import { gpuFigures } from "./estimate.js";
import { launchGroup, prefillGroup, type SpeedConstants } from "./model.js";

export interface DenoiserWork {
  readonly params: number;
  readonly tokens: number;
  readonly hidden: number;
  readonly attentionBlocks: number;
  readonly guidanceBatch: number;
}

export function denoiserStepFlops(w: DenoiserWork): number {
  return w.guidanceBatch * (2 * w.params * w.tokens + w.attentionBlocks * 4 * w.tokens * w.tokens * w.hidden);
}

/** Seconds per denoiser step on `g`; undefined when the GPU's rates are unknown. */
export function denoiserStepSeconds(w: DenoiserWork, g: Gpu, k: SpeedConstants = SPEED_CONSTANTS): number | undefined {
  const { matrix, spec } = gpuFigures(g);
  if (!(matrix > 0)) return undefined;
  const eff = k.gpu.matrixEfficiency[prefillGroup(launchGroup(g.backend, undefined, g.vendor, [], spec?.id))].f16;
  return denoiserStepFlops(w) / (matrix * 1e12 * eff);
}
