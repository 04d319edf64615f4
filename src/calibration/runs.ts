// runs.json in the cache dir, beside calibration.json: every prompt a local runtime answered on
// this machine, with the decode and prefill tok/s it reported. Bound to the hardware fingerprint
// like the calibration (another CPU, more RAM or another GPU makes the old runs someone else's),
// zod-checked when read back, the newest MAX_RUNS kept. A file that does not parse, or belongs to
// another machine, is ignored and replaced by the next run's write.
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as z from "zod";
import { lazySchema } from "../lazy-schema.js";

export const RUNS_FILE = "runs.json";
/** Enough for the per-model medians and the learning window (learn.ts keeps 20 CPU runs). */
export const MAX_RUNS = 200;
const RUNS_VERSION = 1;

const positive = lazySchema(() => z.number().finite().positive());

export const RealRunSchema = lazySchema(() => z.object({
  /** ollama, llamacpp, lmstudio, openai or embedded. */
  runtime: z.string(),
  /** The name the runtime answered under (an Ollama tag, a llama.cpp model id, a GGUF path). */
  model: z.string(),
  quant: z.string().optional(),
  /** The context the model ran with, when known. */
  ctx: z.number().int().positive().optional(),
  /**
   * "cpu": the machine has no usable GPU, so nothing else can have run it; "gpu" / "partial":
   * where the sizing placed it (an estimate: the runtimes do not say); "unknown" otherwise.
   */
  placement: z.enum(["cpu", "gpu", "partial", "unknown"]),
  decodeTps: positive.optional(),
  prefillTps: positive.optional(),
  promptTokens: z.number().int().nonnegative().optional(),
  generatedTokens: z.number().int().nonnegative(),
  /** ISO 8601. */
  at: z.string(),
}));
export type RealRun = z.infer<typeof RealRunSchema>;

const RunsFileSchema = lazySchema(() => z.object({ version: z.literal(RUNS_VERSION), fingerprint: z.string(), runs: z.array(RealRunSchema) }));

/** This machine's runs, oldest first; none when the file is missing, unreadable or another machine's. */
export async function readRuns(dir: string, fingerprint: string): Promise<RealRun[]> {
  try {
    const parsed = RunsFileSchema.safeParse(JSON.parse(await readFile(join(dir, RUNS_FILE), "utf8")) as unknown);
    return parsed.success && parsed.data.fingerprint === fingerprint ? parsed.data.runs : [];
  } catch {
    return [];
  }
}

/** Appends one run (the newest MAX_RUNS kept); atomic, so an editor reading it sees the old or the new file. */
export async function appendRun(dir: string, fingerprint: string, run: RealRun): Promise<void> {
  const runs = [...(await readRuns(dir, fingerprint)), run].slice(-MAX_RUNS);
  await mkdir(dir, { recursive: true });
  const file = join(dir, RUNS_FILE);
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(tmp, JSON.stringify({ version: RUNS_VERSION, fingerprint, runs }));
  await rename(tmp, file);
}
