// Whether an image/video pipeline fits a machine at the asked settings, and if not, the first
// settings that do: offloading before quantizing (offloading the text encoders costs little time,
// quantizing the denoiser costs quality), then smaller denoiser types, then streaming.

import type { Hardware } from "../hardware/types.js";
import type { DiffusionEntry } from "../models/catalog-schema.js";
import { deviceOverheadBytes } from "../sizing/overhead.js";
import { denoiserStepSeconds } from "../speed/diffusion-step.js";
import {
  defaultDiffusionOptions,
  diffusionMemory,
  offloadApplies,
  type DiffusionDtype,
  type DiffusionMemory,
  type DiffusionOptions,
  type Offload,
} from "./memory.js";
import { grouped } from "../report/format.js";

export type DiffusionVerdict = "gpu" | "cpu" | "no";

export interface DiffusionFit {
  readonly entry: DiffusionEntry;
  readonly options: DiffusionOptions;
  readonly memory: DiffusionMemory;
  readonly deviceLabel: string;
  readonly availableBytes: number;
  readonly overheadBytes: number;
  readonly neededBytes: number;
  readonly verdict: DiffusionVerdict;
  readonly reason: string;
  /** The first settings that fit on the GPU when the asked ones do not. */
  readonly suggestion?: { readonly options: DiffusionOptions; readonly neededBytes: number };
  /** Seconds per denoiser step on the GPU (estimate, src/speed/diffusion-step.ts); absent without a GPU or rates. */
  readonly stepSeconds?: number;
  readonly assumptions: readonly string[];
}

const GIB = 1024 ** 3;
const gib = (b: number): string => `${(b / GIB).toFixed(1)} GiB`;

const DTYPE_LADDER: readonly DiffusionDtype[] = ["native", "fp8", "Q8_0", "Q6_K", "Q5_K_S", "Q4_K_S", "Q3_K_S", "Q2_K"];
const OFFLOAD_LADDER: readonly Offload[] = ["none", "text-encoders", "model"];

interface Device {
  readonly label: string;
  readonly available: number;
  readonly overhead: number;
  readonly ram: number;
  readonly unified: boolean;
  readonly gpu: boolean;
}

function deviceOf(hw: Hardware): Device {
  const g = hw.gpus[0];
  const ram = hw.memory.availableBytes.value;
  if (!g) return { label: "CPU", available: ram, overhead: 0, ram, unified: true, gpu: false };
  return { label: g.name, available: g.vramFreeBytes.value, overhead: deviceOverheadBytes(g.backend), ram, unified: g.unified, gpu: true };
}

function fits(dev: Device, m: DiffusionMemory, o: DiffusionOptions): boolean {
  // offloading to "CPU RAM" on unified memory frees nothing (one pool), so it is not offered there
  if (dev.unified && o.offload !== "none") return false;
  return m.peak + dev.overhead <= dev.available && m.offloadedBytes <= dev.ram;
}

/** The first settings, best first, that fit the device; undefined when none does. */
export function settingsThatFit(entry: DiffusionEntry, base: DiffusionOptions, hw: Hardware): DiffusionOptions | undefined {
  const dev = deviceOf(hw);
  const tries: DiffusionOptions[] = [];
  // PyTorch's MPS backend has no float8 storage: Apple GPUs get GGUF types instead
  const fp8ok = hw.gpus[0]?.backend !== "metal";
  const dtypes = DTYPE_LADDER.filter((d) => fp8ok || d !== "fp8");
  const encoderDtypes = fp8ok ? (["native", "fp8"] as const) : (["native", "Q8_0"] as const);
  for (const dtype of dtypes) {
    for (const encoderDtype of encoderDtypes) {
      for (const offload of OFFLOAD_LADDER) {
        for (const vaeTiling of [false, true]) tries.push({ ...base, dtype, offload, encoderDtype, vaeTiling });
      }
    }
  }
  tries.push({ ...base, dtype: "native", encoderDtype: "native", offload: "sequential", vaeTiling: true });
  tries.push({ ...base, dtype: "Q4_K_S", encoderDtype: encoderDtypes[1], offload: "sequential", vaeTiling: true });
  const arch = diffusionMemory(entry, base).arch;
  return tries.find((o) => offloadApplies(o.offload, arch) && fits(dev, diffusionMemory(entry, o), o));
}

export function fitDiffusion(entry: DiffusionEntry, asked: Partial<DiffusionOptions>, hw: Hardware): DiffusionFit {
  const options: DiffusionOptions = { ...defaultDiffusionOptions(entry), ...asked };
  const memory = diffusionMemory(entry, options);
  const dev = deviceOf(hw);
  const needed = memory.peak + dev.overhead;
  let verdict: DiffusionVerdict;
  let reason: string;
  let suggestion: DiffusionFit["suggestion"];
  if (!dev.gpu) {
    const all = memory.denoiserBytes + memory.encoderBytes + memory.vaeBytes + Math.max(memory.denoiserActivations, memory.vaeActivations);
    verdict = all <= dev.ram ? "cpu" : "no";
    reason = verdict === "cpu" ? `no GPU: runs on the CPU in ${gib(all)} of ${gib(dev.ram)} RAM (minutes per image)` : `no GPU, and ${gib(all)} exceeds ${gib(dev.ram)} RAM`;
  } else if (fits(dev, memory, options)) {
    verdict = "gpu";
    reason = `peak ${gib(needed)} of ${gib(dev.available)} on ${dev.label}${memory.offloadedBytes > 0 ? `, ${gib(memory.offloadedBytes)} of weights in CPU RAM` : ""}`;
  } else {
    verdict = "no";
    const s = settingsThatFit(entry, options, hw);
    if (s) suggestion = { options: s, neededBytes: diffusionMemory(entry, s).peak + dev.overhead };
    const why = dev.unified && options.offload !== "none" ? "offload does not help on unified memory; " : "";
    reason = `${why}peak ${gib(needed)}, ${gib(dev.available)} on ${dev.label}${s ? `; fits with ${flagsOf(s)}` : "; no setting fits"}`;
  }
  const g = hw.gpus[0];
  const a = memory.arch;
  const denoiserParams = memory.parts.filter((p) => p.role === "denoiser").reduce((s, p) => s + p.params, 0);
  // DiT only: a UNet's convolutions reuse most weights at reduced resolutions, so 2 × params × tokens does not hold there
  const stepSeconds = g && a?.kind === "dit" && verdict === "gpu" ? denoiserStepSeconds({ params: denoiserParams, tokens: memory.tokens, hidden: a.hidden, attentionBlocks: a.blocks, guidanceBatch: a.guidanceBatch }, g) : undefined;
  const assumptions = [
    ...assumptionsOf(memory, options),
    ...(stepSeconds !== undefined ? ["step time: 2 FLOPs per denoiser weight per token (+ attention) × guidance batch, at the GPU's matrix-engine rate × the fitted F16 prompt-processing efficiency of its backend (estimate)"] : []),
  ];
  return { entry, options, memory, deviceLabel: dev.label, availableBytes: dev.available, overheadBytes: dev.overhead, neededBytes: needed, verdict, reason, ...(suggestion && { suggestion }), ...(stepSeconds !== undefined && { stepSeconds }), assumptions };
}

/** The `llmfit fit` flags for a set of options. */
export function flagsOf(o: DiffusionOptions): string {
  const f: string[] = [];
  if (o.dtype !== "native") f.push(`--dtype ${o.dtype}`);
  if (o.encoderDtype !== "native") f.push(`--encoder-dtype ${o.encoderDtype}`);
  if (o.offload !== "none") f.push(`--offload ${o.offload}`);
  if (o.vaeTiling) f.push("--vae-tiling");
  return f.length ? f.join(" ") : "the defaults";
}

function assumptionsOf(m: DiffusionMemory, o: DiffusionOptions): string[] {
  const a = m.arch;
  const out = [
    `weights: catalog parameter counts × bytes per parameter (fp32 4, fp16/bf16 2, fp8 1, GGUF by block size: Q8_0 34/32, Q4_K 144/256 …)`,
  ];
  if (a) {
    const frames = a.temporalStride ? ` × ${m.latentFrames} latent frames (1 + (${o.frames} − 1)/${a.temporalStride})` : "";
    out.push(
      `tokens: (${o.height}/${a.pixelsPerToken}) × (${o.width}/${a.pixelsPerToken})${frames}${a.contextImages ? " × 2 (reference image)" : ""}` +
        `${a.jointTextTokens ? ` + ${a.jointTextTokens} text` : ""} = ${grouped(m.tokens)} (VAE ÷8${a.kind === "dit" ? ", patch 2" : ""})`,
      `denoiser activations: ${a.guidanceBatch > 1 ? `${a.guidanceBatch} (guidance batch) × ` : ""}tokens × ${a.hidden} hidden × 9 live tensors × 2 bytes, memory-efficient attention (estimate; ${a.source})`,
    );
  }
  out.push(
    `VAE decode: ${o.vaeTiling ? "512×512 tiles" : `${o.width}×${o.height}`} × ${a?.temporalStride ? `${a.temporalStride} frames` : "1 frame"} × 128 channels × 3 tensors × 2 bytes (estimate)`,
    `offload ${o.offload}: ${OFFLOAD_WORDS[o.offload]}`,
  );
  return out;
}

const OFFLOAD_WORDS: Readonly<Record<Offload, string>> = {
  none: "every part stays on the GPU; peak = all weights + the largest activations",
  "text-encoders": "encoders run first, then leave the GPU; peak = max(encoders, denoiser + VAE + activations)",
  model: "each part moves to the GPU while it runs; peak = the largest part with its activations, not the sum",
  sequential: "the denoiser streams block by block; peak ≈ one block + activations; many times slower",
};

const fmtB = (b: number): string => (b >= GIB ? `${(b / GIB).toFixed(2)} GiB` : `${(b / 1024 ** 2).toFixed(0)} MiB`);
const fmtP = (n: number): string => (n >= 1e9 ? `${(n / 1e9).toFixed(2)} B` : `${(n / 1e6).toFixed(0)} M`);

/** `llmfit fit DIFFUSION_ID` as text. */
export function diffusionFitText(entry: DiffusionEntry, asked: Partial<DiffusionOptions>, hw: Hardware): string {
  const f = fitDiffusion(entry, asked, hw);
  const o = f.options;
  const m = f.memory;
  const w = Math.max(...m.parts.map((p) => p.name.length), 20);
  const lines = [
    `${entry.name} (${entry.id}) at ${o.width}×${o.height}${o.frames > 1 ? `, ${o.frames} frames` : ""}, ${flagsOf(o)}`,
    ...m.parts.map((p) => `  ${p.role.padEnd(8)} ${p.name.padEnd(w)} ${fmtP(p.params).padStart(8)} ${p.dtype.padEnd(6)} ${fmtB(p.bytes).padStart(10)}`),
    `  activations: denoiser ${fmtB(m.denoiserActivations)} (${grouped(m.tokens)} tokens), VAE decode ${fmtB(m.vaeActivations)}`,
    `  peak on the device ${fmtB(m.peak)}${f.overheadBytes > 0 ? ` + ${fmtB(f.overheadBytes)} backend context` : ""}${m.offloadedBytes > 0 ? `; ${fmtB(m.offloadedBytes)} of weights in CPU RAM` : ""}`,
    `${f.verdict}: ${f.reason}`,
    ...(f.stepSeconds !== undefined ? [`  about ${f.stepSeconds < 1 ? `${(f.stepSeconds * 1000).toFixed(0)} ms` : `${f.stepSeconds.toFixed(1)} s`} per denoiser step (estimate)`] : []),
    "assumptions:",
    ...f.assumptions.map((a) => `  - ${a}`),
  ];
  return `${lines.join("\n")}\n`;
}

/** `llmfit fit DIFFUSION_ID --json`. */
export function diffusionFitJson(entry: DiffusionEntry, asked: Partial<DiffusionOptions>, hw: Hardware): Record<string, unknown> {
  const f = fitDiffusion(entry, asked, hw);
  const m = f.memory;
  return {
    model: entry.id,
    kind: "diffusion",
    options: f.options,
    parts: m.parts.map((p) => ({ role: p.role, name: p.name, params: p.params, dtype: p.dtype, bytes: Math.round(p.bytes) })),
    tokens: m.tokens,
    latent_frames: m.latentFrames,
    memory: {
      denoiser: Math.round(m.denoiserBytes), encoders: Math.round(m.encoderBytes), vae: Math.round(m.vaeBytes),
      denoiser_activations: Math.round(m.denoiserActivations), vae_activations: Math.round(m.vaeActivations),
      peak: Math.round(m.peak), overhead: f.overheadBytes, offloaded: Math.round(m.offloadedBytes),
    },
    verdict: f.verdict,
    reason: f.reason,
    ...(f.stepSeconds !== undefined && { step_seconds: Math.round(f.stepSeconds * 1000) / 1000 }),
    ...(f.suggestion && { suggestion: { options: f.suggestion.options, flags: flagsOf(f.suggestion.options), needed_bytes: Math.round(f.suggestion.neededBytes) } }),
    assumptions: f.assumptions,
  };
}
