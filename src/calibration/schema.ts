// What `llmfit bench` stores for one machine, and what real prompts add to it. Checked with zod
// whenever it is read back (a hand-edited or half-written file is ignored, never trusted).
import * as z from "zod";
import { lazySchema } from "../lazy-schema.js";

const positive = lazySchema(() => z.number().finite().positive());

/** One sparse model the bench ran, as llama.cpp timed it (net of other processes' time on the cores). */
export const BenchRunSchema = lazySchema(() => z.object({
  id: z.string(),
  quant: z.string(),
  decodeTps: positive,
  prefillTps: positive,
  /** The raw wall-clock figures, before taking out the time other processes held the cores. */
  decodeWallTps: positive,
  prefillWallTps: positive,
  /** What the spec-table constants estimated for the same run. */
  specDecodeTps: positive,
  specPrefillTps: positive,
  /** Share of its time the run waited for a core (waits.ts), and whether that was over the limit on both tries (then it is marked, not trusted); absent in older files. */
  waitedShare: z.number().finite().min(0).max(1).optional(),
  waited: z.boolean().optional(),
  reran: z.boolean().optional(),
}));
export type BenchRun = z.infer<typeof BenchRunSchema>;

/** The machine's figures derived from the runs (src/calibration/derive.ts). */
export const CpuFiguresSchema = lazySchema(() => z.object({
  /** Bytes per second decode streams with `threads` threads (GB/s = 1e9 bytes/s). */
  bandwidthGBs: positive,
  /** Seconds per weight per thread of dequantisation + dot product in decode. */
  secPerWeightPerThread: z.number().finite().nonnegative(),
  /** Seconds per layer per token that do not shrink with threads. */
  secPerLayer: z.number().finite().nonnegative(),
  /** Prompt matmul FLOP/s with `threads` threads, by weight family. */
  prefillFlops: z.object({ f16: positive, q8: positive, quant: positive }),
  /** Which families were measured (the others are scaled from them). */
  measuredFamilies: z.array(z.enum(["f16", "q8", "quant"])),
  /** Routed-expert matmul FLOP/s: from the bench's MoE probe, else scaled like the unmeasured families. */
  prefillExpertFlops: positive,
  /** Whether an MoE run measured it (absent in files from benches that ran none). */
  expertsMeasured: z.boolean().optional(),
  /** Prompt matmul FLOP/s with `threads` threads per ggml type the dense runs measured (src/calibration/prefill-types.ts); absent in older files. */
  prefillTypeFlops: z.record(z.string(), positive).optional(),
}));
export type CpuFigures = z.infer<typeof CpuFiguresSchema>;

/** One prompt a runtime answered, with the tok/s it reported, beside what we estimated for it. */
export const ObservationSchema = lazySchema(() => z.object({
  runtime: z.string(),
  model: z.string(),
  quant: z.string().optional(),
  ctx: z.number().int().nonnegative().optional(),
  /** "cpu", "gpu" or "partial": only CPU runs adjust the CPU calibration. */
  placement: z.string(),
  decodeTps: positive.optional(),
  prefillTps: positive.optional(),
  estDecodeTps: positive.optional(),
  estPrefillTps: positive.optional(),
  at: z.string(),
}));
export type Observation = z.infer<typeof ObservationSchema>;

export const CalibrationSchema = lazySchema(() => z.object({
  /** YYYY-MM-DD of the bench run. */
  date: z.string(),
  threads: z.number().int().positive(),
  /** llama.cpp's CPU backend variant and the GPU backend node-llama-cpp found ("false": none). */
  cpuBackend: z.string(),
  gpu: z.string(),
  /** Why no GPU was measured, in words, when none was. */
  gpuNote: z.string().optional(),
  runs: z.array(BenchRunSchema),
  cpu: CpuFiguresSchema,
  /** Runs that waited for a core even when rerun, in one line with the fix (waits.ts waitWarning). */
  warning: z.string().optional(),
  /** Seconds the bench took, from its first run to its figures (workers, files, reruns included); absent in older files. */
  seconds: z.number().finite().nonnegative().optional(),
  /** Mean share (0…1) of the runs' decode time spent waiting for a core and taken out of their figures; absent in older files. */
  waitedTakenOut: z.number().finite().min(0).max(1).optional(),
  /** How far the machine's own speed moved during the bench: the reference probe's slowest over fastest reading, less 1 (steady.ts); absent in older files. */
  probeSpread: z.number().finite().nonnegative().optional(),
  /** Real prompts, newest last (src/calibration/learn.ts keeps the latest few). */
  observations: z.array(ObservationSchema).default([]),
}));
export type Calibration = z.infer<typeof CalibrationSchema>;

/** The calibration file: bound to the hardware fingerprint it was measured on. */
export const CALIBRATION_VERSION = 1;
export const CalibrationFileSchema = lazySchema(() => z.object({ version: z.literal(CALIBRATION_VERSION), fingerprint: z.string(), calibration: CalibrationSchema }));
