// Measured fine-tuning throughput runs (data/training/finetune-throughput.csv), one cited row per
// run, as typed rows. Pure: the caller reads the file.
import * as z from "zod";
import { lazySchema } from "../lazy-schema.js";
import { parseCsv } from "../speed/measurements.js";

const boolOrUnknown = lazySchema(() => z.preprocess((v) => (v === "" ? undefined : v === "true" ? true : v === "false" ? false : v), z.boolean().optional()));

export const TrainingRunSchema = lazySchema(() => z.object({
  /** The GPU as the spec table names it (aliases work). */
  device: z.string().min(1),
  /** GPUs of the run; the throughput is per GPU, and only data-parallel runs (a whole model per GPU) are kept. */
  gpus: z.coerce.number().int().positive(),
  /** Catalog id of the trained model's shape. */
  model_id: z.string().min(1),
  method: z.enum(["full", "lora", "qlora"]),
  /** Matmul precision: bf16 (with FP32 accumulation) or fp8 (Transformer Engine). */
  precision: z.enum(["bf16", "fp8"]),
  seq: z.coerce.number().int().positive(),
  /** Micro-batch per GPU. */
  batch: z.coerce.number().int().positive(),
  /** Activation checkpointing, when the source states it. */
  checkpointing: boolOrUnknown,
  /** Trained tokens per second per GPU, as published. */
  tokens_per_sec: z.coerce.number().positive(),
  year: z.coerce.number().int().min(2020).max(2100),
  source_url: z.url(),
  note: z.string(),
}));
export type TrainingRun = z.output<typeof TrainingRunSchema>;

export function parseTrainingRuns(text: string): TrainingRun[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((r, i) => {
    const rec = Object.fromEntries(header.map((h, j) => [h.trim(), r[j] ?? ""]));
    const p = TrainingRunSchema.safeParse(rec);
    if (!p.success) throw new Error(`finetune-throughput.csv row ${i + 2}: ${p.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`);
    return p.data;
  });
}
