// Memory of an image or video generation pipeline: each part's weights at a dtype, the
// denoiser's and the VAE decoder's activations at a resolution (and frame count), and the peak
// under each offload mode. Pure.
//
// Latent math (every pipeline here): the VAE downsamples by 8 per side, a DiT patchifies 2×2, so
// one token covers 16×16 pixels: tokens = (H/16)·(W/16)·latent_frames; video VAEs also compress
// time (Wan: latent_frames = 1 + (frames − 1)/4). A UNet's first level works on (H/8)·(W/8).
// Activations (inference, memory-efficient attention: no score matrix is stored): inside one
// block the residual stream, Q, K, V, the attention output and the 4× MLP hidden are alive at
// once: tokens × hidden × 9 values, in 16 bit (fp32 when the pipeline runs in fp32), × the
// guidance batch. This is our estimate, not a measurement. The VAE decoder's peak is its last
// stage at full resolution: pixels × 128 channels × 3 live tensors × 2 bytes (one latent frame, i.e.
// 4 video frames, at a time for Wan-VAE; one 512×512 tile with VAE tiling). Text-encoder activations
// (≤ 512 tokens) are small and left out.
// Offload modes (diffusers / ComfyUI): "none" keeps every part on the GPU; "text-encoders" runs
// the encoders first and moves them off the GPU; "model" moves each part to the GPU only while it
// runs (enable_model_cpu_offload), so the peak is the largest part with its activations, not the
// sum; "sequential" streams the denoiser block by block (enable_sequential_cpu_offload): the
// peak is one block plus activations, and it is many times slower.

import type { DiffusionEntry } from "../models/catalog-schema.js";
import { ggmlType } from "../sizing/ggml-types.js";
import { denoiserArch, type DenoiserArch } from "./arch.js";

export const DIFFUSION_DTYPES = ["native", "fp32", "fp16", "bf16", "fp8", "Q8_0", "Q6_K", "Q5_K_S", "Q5_0", "Q4_K_S", "Q4_0", "Q3_K_S", "Q2_K"] as const;
export type DiffusionDtype = (typeof DIFFUSION_DTYPES)[number];
export const OFFLOADS = ["none", "text-encoders", "model", "sequential"] as const;
export type Offload = (typeof OFFLOADS)[number];

export interface DiffusionOptions {
  readonly width: number;
  readonly height: number;
  /** Video frames (1 for an image). */
  readonly frames: number;
  /** The denoiser's (transformer / UNet) weights; "native" = as shipped. */
  readonly dtype: DiffusionDtype;
  /** Text and image encoders' weights. */
  readonly encoderDtype: DiffusionDtype;
  readonly offload: Offload;
  readonly vaeTiling: boolean;
}

/** The resolution and frame count each pipeline is made for (model cards). */
export function defaultDiffusionOptions(entry: DiffusionEntry): DiffusionOptions {
  const base = { dtype: "native", encoderDtype: "native", offload: "none", vaeTiling: false } as const;
  if (entry.arch === "wan") return { ...base, width: 832, height: 480, frames: 81 };
  if (entry.arch === "sd1") return { ...base, width: 512, height: 512, frames: 1 };
  return { ...base, width: 1024, height: 1024, frames: 1 };
}

const GGUF_NAME: Readonly<Record<string, string>> = { Q5_K_S: "Q5_K", Q4_K_S: "Q4_K", Q3_K_S: "Q3_K" };

/** Bytes per parameter of a dtype; GGUF types by their block size (1-D tensors kept in F32 are ignored). */
export function bytesPerParam(dtype: Exclude<DiffusionDtype, "native">): number {
  switch (dtype) {
    case "fp32":
      return 4;
    case "fp16":
    case "bf16":
      return 2;
    case "fp8":
      return 1;
    default: {
      const t = ggmlType(GGUF_NAME[dtype] ?? dtype);
      return t ? t.typeSize / t.blockSize : 2;
    }
  }
}

export type PartRole = "denoiser" | "encoder" | "vae";

/**
 * A pipeline's parameters split as people quote them: the model's own (its transformer or UNet:
 * "Wan 2.1 1.3B") and the whole pipeline's, text encoders and VAE included.
 */
export function pipelineParams(entry: DiffusionEntry): { readonly model: number; readonly pipeline: number } {
  return {
    model: entry.pipeline.filter((p) => roleOf(p.role) === "denoiser").reduce((a, p) => a + p.params, 0),
    pipeline: entry.pipeline.reduce((a, p) => a + p.params, 0),
  };
}

export interface PartMemory {
  readonly role: PartRole;
  readonly name: string;
  readonly params: number;
  readonly dtype: Exclude<DiffusionDtype, "native">;
  readonly bytes: number;
}

export interface DiffusionMemory {
  readonly parts: readonly PartMemory[];
  readonly denoiserBytes: number;
  readonly encoderBytes: number;
  readonly vaeBytes: number;
  readonly tokens: number;
  readonly latentFrames: number;
  readonly denoiserActivations: number;
  readonly vaeActivations: number;
  /** Peak GPU bytes under the chosen offload mode (no backend overhead). */
  readonly peak: number;
  /** Weights kept in CPU RAM by the offload mode. */
  readonly offloadedBytes: number;
  readonly arch: DenoiserArch | undefined;
}

export function roleOf(role: string): PartRole {
  if (role === "transformer" || role === "unet") return "denoiser";
  if (role === "vae") return "vae";
  return "encoder";
}

function resolve(d: DiffusionDtype, shipped: Exclude<DiffusionDtype, "native">, role: PartRole): Exclude<DiffusionDtype, "native"> {
  if (d === "native") return shipped;
  // GGUF quantizations apply to the denoiser and the big T5-class encoders, never to the VAE
  if (role === "vae") return shipped;
  return d;
}

export function latentFrames(arch: DenoiserArch | undefined, frames: number): number {
  const stride = arch?.temporalStride;
  return stride ? 1 + Math.floor((Math.max(1, frames) - 1) / stride) : 1;
}

export function imageTokens(arch: DenoiserArch, o: Pick<DiffusionOptions, "width" | "height" | "frames">): number {
  const per = Math.ceil(o.width / arch.pixelsPerToken) * Math.ceil(o.height / arch.pixelsPerToken);
  return per * latentFrames(arch, o.frames) * (1 + (arch.contextImages ?? 0));
}

export function diffusionMemory(entry: DiffusionEntry, o: DiffusionOptions): DiffusionMemory {
  const arch = denoiserArch(entry);
  const parts: PartMemory[] = entry.pipeline.map((p) => {
    const role = roleOf(p.role);
    const dtype = resolve(role === "denoiser" ? o.dtype : role === "encoder" ? o.encoderDtype : "native", p.dtype, role);
    return { role, name: p.name, params: p.params, dtype, bytes: p.params * bytesPerParam(dtype) };
  });
  const sum = (r: PartRole) => parts.filter((p) => p.role === r).reduce((a, p) => a + p.bytes, 0);
  const denoiserBytes = sum("denoiser");
  const encoderBytes = sum("encoder");
  const vaeBytes = sum("vae");
  const lf = latentFrames(arch, o.frames);
  const fp32 = parts.some((p) => p.role === "denoiser" && p.dtype === "fp32");
  const actWidth = fp32 ? 4 : 2;
  const tokens = arch ? imageTokens(arch, o) + arch.jointTextTokens : 0;
  const denoiserActivations = arch ? arch.guidanceBatch * tokens * arch.hidden * 9 * actWidth : 0;
  const framesAtOnce = arch?.temporalStride ? Math.min(arch.temporalStride, Math.max(1, o.frames)) : 1;
  const pixels = o.vaeTiling ? Math.min(512 * 512, o.width * o.height) : o.width * o.height;
  const vaeActivations = pixels * framesAtOnce * (arch?.vaeDecoderChannels ?? 128) * 3 * 2;
  const { peak, offloaded } = peakFor(o.offload, arch, denoiserBytes, encoderBytes, vaeBytes, denoiserActivations, vaeActivations);
  return { parts, denoiserBytes, encoderBytes, vaeBytes, tokens, latentFrames: lf, denoiserActivations, vaeActivations, peak, offloadedBytes: offloaded, arch };
}

function peakFor(
  mode: Offload, arch: DenoiserArch | undefined, d: number, te: number, v: number, ad: number, av: number,
): { peak: number; offloaded: number } {
  switch (mode) {
    case "none":
      return { peak: d + te + v + Math.max(ad, av), offloaded: 0 };
    case "text-encoders":
      return { peak: Math.max(te, d + v + Math.max(ad, av)), offloaded: te };
    case "model":
      return { peak: Math.max(te, d + ad, v + av), offloaded: d + te + v };
    case "sequential": {
      // the encoders stream too: T5-XXL and umT5-XXL have 24 blocks each
      const block = arch && arch.blocks > 0 ? d / arch.blocks : d;
      return { peak: Math.max(te / 24, block + ad, v + av), offloaded: d + te + v };
    }
  }
}

/** Whether a mode applies to a pipeline (sequential needs a uniform block stack). */
export function offloadApplies(mode: Offload, arch: DenoiserArch | undefined): boolean {
  return mode !== "sequential" || (arch !== undefined && arch.blocks > 0);
}
