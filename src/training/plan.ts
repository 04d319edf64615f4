// Whether a fine-tuning run fits a machine and how fast it goes: memory from memory.ts against
// the device's memory, tokens/s from the device's peak TFLOPS at a stated utilisation.
//
// FLOPs per trained token: a forward pass is 2 FLOPs per active weight plus attention; training
// is forward + backward = 3 forward passes for full fine-tuning (the backward computes activation
// gradients and weight gradients, 2 passes' worth: Kaplan et al. 2020, "Scaling Laws for Neural
// Language Models", C ≈ 6N per token). LoRA and QLoRA skip the frozen weights' gradients: ≈ 2
// forward passes (4N). Gradient checkpointing recomputes the forward once more (+2N).
// Peak: the device's matrix-engine rate (tensor cores / WMMA / XMX: the spec table's
// matrixTflops, the same device term prompt processing uses in src/speed/model.ts), because
// training's matmuls run there in BF16/FP16 with FP32 accumulation; a device without one trains
// at its vector rate. GeForce cards run FP32-accumulating tensor math at half their FP16-accumulate
// rate (NVIDIA Ada whitepaper, RTX 4090: 330.3 TFLOPS FP16 with FP16 accumulate, 165.2 with FP32
// accumulate, BF16 165.2; GA102 whitepaper, RTX 3090: 142 / 71), the workstation and data-centre
// parts at the full rate (RTX A6000 154.8, A100 312). FP8 runs (Transformer Engine) on Ada, Hopper
// and Blackwell double it.
// Utilisation (model FLOPs utilisation, MFU) by method is fitted to measured runs
// (data/training/finetune-throughput.csv: torchtune's single-GPU table, VectorLM's A100 table, NVIDIA NeMo's H100 table)
// by scripts/fit-speed-constants.mjs into src/training/constants.ts; `npm run bench:speed` prints
// each run beside its estimate, and --mfu overrides it.

import type { Gpu, Hardware } from "../hardware/types.js";
import type { ModelShape } from "../models/shape.js";
import { deviceOverheadBytes } from "../sizing/overhead.js";
import { SPEED_CONSTANTS } from "../speed/constants.js";
import { grouped } from "../report/format.js";
import { gpuFigures } from "../speed/estimate.js";
import { simdLevel } from "../speed/model.js";
import { attentionFlops } from "../speed/traffic.js";
import { TRAINING_MFU } from "./constants.js";
import { trainingMemory, type TrainMemory, type TrainOptions } from "./memory.js";

/** Model FLOPs utilisation of the matrix-engine peak, by method: fitted (see the header). */
export const MFU_BY_METHOD: Readonly<Record<TrainOptions["method"], number>> = { full: TRAINING_MFU.full, lora: TRAINING_MFU.lora, qlora: TRAINING_MFU.qlora };
/** The LoRA figure, the most common run. */
export const DEFAULT_MFU = MFU_BY_METHOD.lora;
/** ≈ 5 bytes of English text per token (BPE tokenizers: "1 token ≈ 4 characters" plus spaces and markup). */
export const TOKENS_PER_MB = 200_000;

export type TrainVerdict = "fits" | "fits-paged" | "needs-checkpointing" | "needs-gpu" | "no";

export interface TrainDevice {
  readonly label: string;
  readonly memoryBytes: number;
  readonly overheadBytes: number;
  readonly peakTflops: number;
  readonly precision: "fp16" | "fp32";
  /** Whether peakTflops is a matrix-engine rate (tensor cores, WMMA, XMX) or the vector rate. */
  readonly matrix: boolean;
  /** peakTflops is the FP8 tensor rate. */
  readonly fp8?: boolean;
  readonly notes: readonly string[];
}

export interface TrainPlan {
  readonly device: TrainDevice;
  readonly memory: TrainMemory;
  /** Memory the run needs on the device, overhead included. */
  readonly neededBytes: number;
  readonly verdict: TrainVerdict;
  readonly reason: string;
  readonly tokensPerSec: number;
  /** Seconds per epoch over 1 MB of text (TOKENS_PER_MB tokens). */
  readonly secondsPerMB: number;
  readonly flopsPerToken: number;
  readonly assumptions: readonly string[];
}

const GIB = 1024 ** 3;
const gib = (b: number): string => `${(b / GIB).toFixed(1)} GiB`;

/** Spec ids of parts with FP8 tensor cores (Ada, Hopper, Blackwell). */
const FP8_PARTS = /^(rtx-40|rtx-50|rtx-\d+-ada|rtx-pro-6000|l4|l40|h100|h200|gh200|b200|b100|gb10)/;

function gpuDevice(g: Gpu, count: number, matmul: MatmulPrecision): TrainDevice {
  const fp16 = g.fp16Tflops?.value ?? 0;
  const fp32 = g.fp32Tflops?.value ?? 0;
  const precision = fp16 > fp32 * 1.05 || (fp16 > 0 && fp16 >= fp32) ? "fp16" : "fp32";
  const { matrix, peak, spec } = gpuFigures(g);
  const hasMatrix = precision === "fp16" && matrix > peak * 1.05;
  // FP32 accumulation: half rate on GeForce tensor cores (see the header)
  const geforce = g.vendor === "nvidia" && (spec?.kind === "desktop" || spec?.kind === "laptop");
  const fp8 = matmul === "fp8" && hasMatrix && g.vendor === "nvidia" && FP8_PARTS.test(spec?.id ?? "");
  const trainMatrix = (matrix / (geforce ? 2 : 1)) * (fp8 ? 2 : 1);
  const notes: string[] = [];
  if (matmul === "fp8" && !fp8) notes.push(`${g.name}: no FP8 tensor cores, trains at its BF16 rate`);
  if (count > 1) notes.push(`${count} devices: one device's memory (no model parallelism assumed)`);
  if (precision === "fp32") notes.push(`${g.name}: no fast FP16, trains at FP32 speed`);
  if (/\bK\d+\b|Kepler/i.test(g.name)) notes.push("Kepler: CUDA 12 and current PyTorch builds no longer support it (needs an old CUDA 11 / PyTorch stack)");
  return {
    label: g.name,
    memoryBytes: g.vramFreeBytes.value,
    overheadBytes: deviceOverheadBytes(g.backend),
    peakTflops: hasMatrix ? trainMatrix : precision === "fp16" ? fp16 : fp32,
    precision,
    matrix: hasMatrix,
    ...(fp8 ? { fp8: true } : {}),
    notes,
  };
}

/** The device a single-device run would use: the first GPU, or the CPU and its RAM. */
export function trainDevice(hw: Hardware, threads?: number, matmul: MatmulPrecision = "bf16"): TrainDevice {
  const g = hw.gpus[0];
  if (g) return gpuDevice(g, hw.gpus.filter((x) => x.name === g.name).length, matmul);
  const t = threads ?? Math.max(1, hw.cpu.cores.value);
  const c = SPEED_CONSTANTS.cpu;
  const tflops = (t * c.prefillFlopsPerThread.f16 * c.prefillSimdFactor[simdLevel(hw.cpu.flags)]) / 1e12;
  return {
    label: `CPU (${t} threads)`,
    memoryBytes: hw.memory.availableBytes.value,
    overheadBytes: 0,
    peakTflops: tflops,
    precision: "fp32",
    matrix: false,
    notes: ["CPU: peak taken as llama.cpp's measured F16 matmul rate per thread (data/speed/cpu-measurements.csv) × threads"],
  };
}

export function trainingFlopsPerToken(shape: ModelShape, o: TrainOptions): number {
  const forward = 2 * shape.params.active + attentionFlops(shape, o.seq / 2);
  const passes = (o.method === "full" ? 3 : 2) + (o.checkpointing ? 1 : 0);
  return forward * passes;
}

/** Precision of the training matmuls: BF16/FP16 with FP32 accumulation, or FP8 (Transformer Engine). */
export type MatmulPrecision = "bf16" | "fp8";

export interface PlanOptions {
  readonly mfu?: number;
  readonly threads?: number;
  /** Default bf16; fp8 doubles the tensor rate on parts that have FP8 tensor cores. */
  readonly precision?: MatmulPrecision;
  /** Share of the doubled FP8 rate an FP8 run realises (default: fitted, TRAINING_MFU.fp8). */
  readonly fp8Efficiency?: number;
}

export function planTraining(shape: ModelShape, o: TrainOptions, hw: Hardware, p: PlanOptions = {}): TrainPlan {
  const device = trainDevice(hw, p.threads, p.precision);
  const mfu = p.mfu ?? MFU_BY_METHOD[o.method];
  const memory = trainingMemory(shape, o);
  const needed = memory.total + device.overheadBytes;
  const have = device.memoryBytes;
  let verdict: TrainVerdict;
  let reason: string;
  // QLoRA trains through 4-bit NF4 weights, dequantized by bitsandbytes' GPU kernels (Dettmers et
  // al. 2023, "QLoRA", arXiv:2305.14314; github.com/bitsandbytes-foundation/bitsandbytes, whose
  // CPU backend is experimental): without a GPU it is not a run this plan can stand behind.
  const cpuOnly = hw.gpus.length === 0;
  if (o.method === "qlora" && cpuOnly) {
    verdict = "needs-gpu";
    reason = "QLoRA needs a GPU: its NF4 weights and paged optimizer run on bitsandbytes' GPU kernels; on this CPU, LoRA runs (slowly): --method lora";
  } else if (needed <= have) {
    verdict = "fits";
    reason = `needs ${gib(needed)} of ${gib(have)}`;
  } else if (memory.pageable > 0 && needed - memory.pageable <= have) {
    verdict = "fits-paged";
    reason = `needs ${gib(needed - memory.pageable)} on the device with the paged optimizer's ${gib(memory.pageable)} in CPU RAM (${gib(have)} available)`;
  } else if (!o.checkpointing && trainingMemory(shape, { ...o, checkpointing: true }).total + device.overheadBytes <= have) {
    verdict = "needs-checkpointing";
    reason = `needs ${gib(needed)} of ${gib(have)}; fits with --checkpointing (${gib(trainingMemory(shape, { ...o, checkpointing: true }).total + device.overheadBytes)})`;
  } else {
    verdict = "no";
    reason = `needs ${gib(needed)}, ${gib(have)} available${suggestion(shape, o, have, device.overheadBytes)}`;
  }
  const flopsPerToken = trainingFlopsPerToken(shape, o);
  // A run that cannot happen here has no speed.
  const fp8 = device.fp8 ? (p.fp8Efficiency ?? TRAINING_MFU.fp8) : 1;
  const tokensPerSec = verdict === "needs-gpu" ? 0 : (device.peakTflops * 1e12 * mfu * fp8) / flopsPerToken;
  const assumptions = [
    ...memory.notes,
    `speed: ${o.method === "full" ? "6" : "4"} × active params FLOPs per token${o.checkpointing ? " + 2 × for recomputation" : ""} (+ attention), at ${Math.round(mfu * 100)} % of the device's peak TFLOPS (${device.matrix ? `its matrix engine's ${p.precision === "fp8" ? "FP8" : "BF16"} rate with FP32 accumulation` : "FP16 where it has fast FP16, else FP32"}; ${o.method} default ${Math.round(MFU_BY_METHOD[o.method] * 100)} %)`,
    `time per MB: ${grouped(TOKENS_PER_MB)} tokens per MB of English text, one epoch`,
    ...device.notes,
  ];
  if (verdict !== "needs-gpu") reason += `; ${tokensPerSec.toFixed(0)} tok/s at ${Math.round(mfu * 100)} % of ${device.peakTflops.toFixed(2)} ${device.precision.toUpperCase()}${device.matrix ? " tensor" : ""} TFLOPS`;
  return { device, memory, neededBytes: needed, verdict, reason, tokensPerSec, secondsPerMB: TOKENS_PER_MB / tokensPerSec, flopsPerToken, assumptions };
}

/** The cheapest change that fits, if any: checkpointing, then LoRA, then QLoRA, then shorter sequences. */
function suggestion(shape: ModelShape, o: TrainOptions, have: number, overhead: number): string {
  const tries: { label: string; o: TrainOptions }[] = [
    { label: "--checkpointing", o: { ...o, checkpointing: true } },
    { label: "--method lora --checkpointing", o: { ...o, method: "lora", checkpointing: true } },
    { label: "--method qlora --checkpointing", o: { ...o, method: "qlora", checkpointing: true } },
    ...[2, 4, 8]
      .filter((d) => o.seq / d >= 256)
      .map((d) => ({ label: `--method qlora --checkpointing --seq ${o.seq / d}`, o: { ...o, method: "qlora" as const, checkpointing: true, seq: o.seq / d } })),
  ];
  for (const t of tries) {
    if (t.o.method === o.method && t.o.checkpointing === o.checkpointing && t.o.seq === o.seq) continue;
    const m = trainingMemory(shape, t.o);
    if (m.total - m.pageable + overhead <= have) return `; fits with ${t.label}`;
  }
  return "";
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "—";
  if (seconds < 90) return `${seconds.toFixed(0)} s`;
  if (seconds < 90 * 60) return `${(seconds / 60).toFixed(0)} min`;
  if (seconds < 48 * 3600) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} days`;
}
