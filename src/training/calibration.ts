// Model FLOPs utilisation of fine-tuning, fitted to measured runs (data/training/finetune-throughput.csv),
// and each run predicted through planTraining: what scripts/fit-speed-constants.mjs writes to
// src/training/constants.ts and what `npm run bench:speed` prints. Pure.
import { simulateHardware } from "../hardware/simulate.js";
import { findModel, shapeOf } from "../models/catalog.js";
import { DEFAULT_TRAIN_OPTIONS, type TrainMethod } from "./memory.js";
import type { TrainingRun } from "./measurements.js";
import { planTraining } from "./plan.js";

/**
 * MFU by method (of the BF16 tensor rate with FP32 accumulation), and `fp8`: the share of the
 * doubled FP8 rate an FP8 run realises over what the same run would at BF16 (attention, norms and
 * the casts stay in 16 bits, so Transformer Engine gains less than 2×).
 */
export type TrainingMfu = Readonly<Record<TrainMethod | "fp8", number>>;

const METHODS: readonly TrainMethod[] = ["full", "lora", "qlora"];

/** A run's tokens/s as the plan estimates it at 100 % MFU (undefined when the catalog lacks the model). */
export function tokensPerSecAtFullMfu(r: TrainingRun): number | undefined {
  const entry = findModel(r.model_id);
  if (!entry || entry.kind === "diffusion") return undefined;
  const o = { ...DEFAULT_TRAIN_OPTIONS, method: r.method, seq: r.seq, batch: r.batch, checkpointing: r.checkpointing ?? false };
  return planTraining(shapeOf(entry), o, simulateHardware(r.device), { mfu: 1, fp8Efficiency: 1, precision: r.precision }).tokensPerSec;
}

/** Source-weighted geometric mean of xs (each source weighs as much as any other). */
function geoMean(items: readonly { readonly source: string; readonly x: number }[]): number | undefined {
  const n = new Map<string, number>();
  for (const i of items) n.set(i.source, (n.get(i.source) ?? 0) + 1);
  let s = 0;
  let w = 0;
  for (const i of items) {
    const wi = 1 / (n.get(i.source) ?? 1);
    s += Math.log(i.x) * wi;
    w += wi;
  }
  return w > 0 ? Math.exp(s / w) : undefined;
}

/**
 * MFU per method: the geometric mean of measured / estimated-at-100 % over the BF16 runs of that
 * method (each source weighs as much as any other; a method without BF16 runs takes LoRA's, then
 * the mean of all BF16 runs); then `fp8` the same over the FP8 runs, against their method's MFU.
 */
export function fitTrainingMfu(runs: readonly TrainingRun[]): TrainingMfu {
  const ratio = runs.flatMap((r) => {
    const at1 = tokensPerSecAtFullMfu(r);
    return at1 && at1 > 0 ? [{ r, source: r.source_url, x: r.tokens_per_sec / at1 }] : [];
  });
  const bf16 = ratio.filter((i) => i.r.precision === "bf16");
  const all = geoMean(bf16) ?? 0.35;
  const lora = geoMean(bf16.filter((i) => i.r.method === "lora")) ?? all;
  const mfu = Object.fromEntries(METHODS.map((m) => [m, geoMean(bf16.filter((i) => i.r.method === m)) ?? lora])) as Record<TrainMethod, number>;
  const fp8 = geoMean(ratio.filter((i) => i.r.precision === "fp8").map((i) => ({ source: i.source, x: i.x / mfu[i.r.method] }))) ?? 1;
  return { ...mfu, fp8 };
}

export interface TrainingPrediction {
  readonly run: TrainingRun;
  readonly measured: number;
  readonly estimated: number;
  /** (estimated − measured) / measured, in percent. */
  readonly errorPct: number;
}

export function predictTrainingRuns(runs: readonly TrainingRun[], mfu: TrainingMfu): TrainingPrediction[] {
  return runs.flatMap((r) => {
    const at1 = tokensPerSecAtFullMfu(r);
    if (!at1) return [];
    const estimated = at1 * mfu[r.method] * (r.precision === "fp8" ? mfu.fp8 : 1);
    return [{ run: r, measured: r.tokens_per_sec, estimated, errorPct: ((estimated - r.tokens_per_sec) / r.tokens_per_sec) * 100 }];
  });
}

/** Leave-one-source-out: each source's runs predicted with the MFU fitted to the others. */
export function crossValidateTraining(runs: readonly TrainingRun[]): TrainingPrediction[] {
  const sources = [...new Set(runs.map((r) => r.source_url))];
  return sources.flatMap((s) => predictTrainingRuns(runs.filter((r) => r.source_url === s), fitTrainingMfu(runs.filter((r) => r.source_url !== s))));
}
