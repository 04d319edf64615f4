// What the activation estimate needs to know about each pipeline's denoiser, from the models'
// published configs (diffusers config.json of the transformer / unet and the VAE):
// - FLUX.1 (black-forest-labs/FLUX.1-dev transformer/config.json): 24 heads × 128 = 3072 hidden,
//   19 double-stream + 38 single-stream blocks,
//   in_channels 64 = 16 latent channels × 2×2 patch; T5 prompt up to 512 tokens (schnell: 256),
//   guidance-distilled: one forward pass per step (no classifier-free guidance batch).
// - SD 3.5 Large / Medium (stabilityai/stable-diffusion-3.5-*/transformer/config.json): 38 × 64 =
//   2432 and 24 × 64 = 1536 hidden, patch 2, 16 latent channels; prompt 77 CLIP + 256 T5 tokens in
//   the joint attention; diffusers batches the guidance pair (batch 2).
// - SDXL / SD 1.5 UNet (unet/config.json): block_out_channels start at 320 at the latent's full
//   resolution; 4 latent channels; guidance pair batched.
// - Wan 2.1 (Wan-AI/Wan2.1-T2V-*/config.json): dim 1536 / 30 layers (1.3B), 5120 / 40 (14B), patch (1, 2, 2), VAE
//   stride (4, 8, 8), 16 latent channels; text through cross-attention (512 umT5 tokens); the
//   guidance passes run one after the other.
// Every VAE here downsamples by 8 in each spatial direction; the decoder's last stage works at
// full resolution (128 channels in AutoencoderKL; Wan-VAE's 96 rounded up to 128 here).

import type { DiffusionEntry } from "../models/catalog-schema.js";

export interface DenoiserArch {
  readonly kind: "dit" | "unet";
  /** Width of the token stream (DiT hidden size; UNet: channels at the latent's full resolution). */
  readonly hidden: number;
  /** Pixels per token side: VAE 8 × patch 2 = 16 for DiTs, 8 for a UNet's first level. */
  readonly pixelsPerToken: number;
  /** Text tokens inside the denoiser's attention (joint attention); 0 for cross-attention. */
  readonly jointTextTokens: number;
  /** Batch of one denoiser call: 2 when the guidance pair is batched. */
  readonly guidanceBatch: number;
  /** Video: frames per latent frame (Wan: 4; latent frames = 1 + (frames − 1) / 4). */
  readonly temporalStride?: number;
  /** Extra image tokens per image token (FLUX Kontext appends the reference image's tokens). */
  readonly contextImages?: number;
  readonly vaeDecoderChannels: number;
  /** Transformer blocks (sequential offload holds about one at a time); 0 when not a uniform stack. */
  readonly blocks: number;
  readonly source: string;
}

const FLUX = (textTokens: number, contextImages = 0): DenoiserArch => ({
  kind: "dit", hidden: 3072, pixelsPerToken: 16, jointTextTokens: textTokens, guidanceBatch: 1, vaeDecoderChannels: 128, blocks: 19 + 38,
  ...(contextImages > 0 && { contextImages }),
  source: "huggingface.co/black-forest-labs/FLUX.1-dev/blob/main/transformer/config.json",
});

export function denoiserArch(entry: DiffusionEntry): DenoiserArch | undefined {
  const id = entry.id;
  if (id.startsWith("flux.1-schnell")) return FLUX(256);
  if (id.startsWith("flux.1-kontext")) return FLUX(512, 1);
  if (id.startsWith("flux.1")) return FLUX(512);
  if (id.startsWith("stable-diffusion-3.5-medium")) {
    return { kind: "dit", hidden: 1536, pixelsPerToken: 16, jointTextTokens: 333, guidanceBatch: 2, vaeDecoderChannels: 128, blocks: 24, source: "huggingface.co/stabilityai/stable-diffusion-3.5-medium/blob/main/transformer/config.json" };
  }
  if (id.startsWith("stable-diffusion-3.5")) {
    return { kind: "dit", hidden: 2432, pixelsPerToken: 16, jointTextTokens: 333, guidanceBatch: 2, vaeDecoderChannels: 128, blocks: 38, source: "huggingface.co/stabilityai/stable-diffusion-3.5-large/blob/main/transformer/config.json" };
  }
  if (entry.arch === "sdxl" || entry.arch === "sd1") {
    return { kind: "unet", hidden: 320, pixelsPerToken: 8, jointTextTokens: 0, guidanceBatch: 2, vaeDecoderChannels: 128, blocks: 0, source: `huggingface.co/${entry.hf ?? entry.id}/blob/main/unet/config.json` };
  }
  if (entry.arch === "wan") {
    const small = id.includes("1.3b");
    return { kind: "dit", hidden: small ? 1536 : 5120, blocks: small ? 30 : 40, pixelsPerToken: 16, jointTextTokens: 0, guidanceBatch: 1, temporalStride: 4, vaeDecoderChannels: 128, source: `huggingface.co/${entry.hf ?? entry.id}/blob/main/config.json` };
  }
  return undefined;
}
