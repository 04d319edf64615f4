// What the bench's worker process (child.ts) is asked and answers: one JSON argument in, one JSON
// line per event out, both checked with zod at the process boundary.
import * as z from "zod";
import { lazySchema } from "../lazy-schema.js";

export const ChildJobSchema = lazySchema(() => z.object({
  /** `prefill`: this run's prompt length, when it is not the job's. */
  runs: z.array(z.object({ label: z.string(), file: z.string(), prefill: z.number().int().positive().optional() })),
  threads: z.number().int().positive(),
  prefill: z.number().int().positive(),
  decode: z.number().int().positive(),
  prefillReps: z.number().int().positive(),
  gpu: z.boolean(),
  /**
   * Decode steps of the reference probe (child.ts): the first run's model stays loaded and this
   * many single-token steps on it are timed after its run, before every later run and at the end.
   */
  probeSteps: z.number().int().positive().optional(),
}));
export type ChildJob = z.infer<typeof ChildJobSchema>;

export const ChildEventSchema = lazySchema(() => z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready"), backend: z.string(), gpu: z.string(), version: z.string() }),
  z.object({ type: z.literal("start"), label: z.string() }),
  z.object({ type: z.literal("run"), label: z.string(), prefillSec: z.number(), prefillNetSec: z.number(), decodeSec: z.number(), decodeNetSec: z.number() }),
  /** A reference probe: the median net second of its steps, taken before the run `before` (after the last run: "end"). */
  z.object({ type: z.literal("probe"), before: z.string(), sec: z.number(), netSec: z.number() }),
  z.object({ type: z.literal("error"), label: z.string().optional(), message: z.string() }),
]));
export type ChildEvent = z.infer<typeof ChildEventSchema>;

