// Runs sparse models through llama.cpp in a worker process and returns the timings. The sparse
// files live in a fresh temp dir that is removed afterwards, whatever happens (cancel included).
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { LlmFitError } from "../errors.js";
import { ChildEventSchema, type ChildEvent, type ChildJob } from "./protocol.js";
import { sparseModel, writeSparseModel, type SparseModel } from "./sparse-model.js";
import { keepRuns, waitedTooLong, type KeptRun } from "./waits.js";

export interface BenchRunSpec {
  readonly id: string;
  readonly quant: string;
  /** This run's prompt tokens, when not MeasureOptions.prefill (a slow run's shorter prompt). */
  readonly prefill?: number;
}

export interface MeasureOptions {
  readonly threads: number;
  /** Prompt tokens per prefill (one batch), single-token decode steps after it. */
  readonly prefill: number;
  readonly decode: number;
  readonly prefillReps: number;
  readonly gpu?: boolean;
  /** Decode steps of the reference probe (child.ts); none when absent. */
  readonly probeSteps?: number;
  readonly signal?: AbortSignal;
  readonly onEvent?: (e: ChildEvent) => void;
}

export interface RunTiming {
  readonly model: SparseModel;
  readonly prefillTokens: number;
  /**
   * Seconds for the whole prompt batch (best of the repeats) and for one decode step (median), as
   * the clock saw them and net of the time other processes held the cores (child.ts `waits`).
   */
  readonly prefillSec: number;
  readonly prefillNetSec: number;
  readonly decodeSec: number;
  readonly decodeNetSec: number;
}

export interface MeasureResult {
  readonly runs: readonly RunTiming[];
  /** llama.cpp's CPU backend variant (e.g. "icelake"), and the GPU backend it found ("false" when none). */
  readonly cpuBackend: string;
  readonly gpu: string;
  readonly errors: readonly string[];
  /** The reference probe's readings, in order (empty without opts.probeSteps). */
  readonly probes: readonly ProbeReading[];
}

/** One reference-probe reading: its decode step's seconds (median, wall and net), taken before the run `before` ("end": after the last). */
export interface ProbeReading {
  readonly before: string;
  readonly sec: number;
  readonly netSec: number;
}

/** dist/calibration/child.js, from this module (dist/calibration/) or from the bundled dist/cli.js and dist/host.js. */
export function childPath(): string {
  const candidates = ["./child.js", "./calibration/child.js"].map((p) => fileURLToPath(new URL(p, import.meta.url)));
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new LlmFitError("internal", "the bench worker (dist/calibration/child.js) is missing", "run `npm run build`");
  return found;
}

export async function hasNodeLlamaCpp(): Promise<boolean> {
  try {
    await import("node-llama-cpp");
    return true;
  } catch {
    return false;
  }
}

export async function measureModels(specs: readonly BenchRunSpec[], opts: MeasureOptions): Promise<MeasureResult> {
  if (!(await hasNodeLlamaCpp())) {
    throw new LlmFitError("runtime_down", "the bench runs llama.cpp through node-llama-cpp, which is not installed", "install it with `npm install node-llama-cpp`");
  }
  const dir = mkdtempSync(join(tmpdir(), "llmfit-bench-"));
  try {
    const models = specs.map((s) => sparseModel(s.id, s.quant));
    const runs = models.map((m, i) => {
      const file = join(dir, `${i}-${m.id}-${m.quant}.gguf`);
      writeSparseModel(m, file);
      // a run's own prompt is a shorter one only: a caller's shorter prompt (the tests') wins
      const own = specs[i]?.prefill;
      const prefill = own !== undefined && own < opts.prefill ? own : undefined;
      return { label: `${m.id}:${m.quant}`, file, ...(prefill !== undefined ? { prefill } : {}) };
    });
    const job: ChildJob = { runs, threads: opts.threads, prefill: opts.prefill, decode: opts.decode, prefillReps: opts.prefillReps, gpu: opts.gpu === true, ...(opts.probeSteps ? { probeSteps: opts.probeSteps } : {}) };
    const events = await runChild(job, opts);
    const ready = events.find((e) => e.type === "ready");
    const timings: RunTiming[] = [];
    const errors: string[] = [];
    const probes: ProbeReading[] = [];
    for (const e of events) {
      if (e.type === "probe") probes.push({ before: e.before, sec: e.sec, netSec: e.netSec });
      if (e.type === "error") errors.push(e.label ? `${e.label}: ${e.message}` : e.message);
      if (e.type !== "run") continue;
      const i = runs.findIndex((r) => r.label === e.label);
      const model = models[i];
      if (model) timings.push({ model, prefillTokens: runs[i]?.prefill ?? opts.prefill, prefillSec: e.prefillSec, prefillNetSec: e.prefillNetSec, decodeSec: e.decodeSec, decodeNetSec: e.decodeNetSec });
    }
    return { runs: timings, cpuBackend: ready?.type === "ready" ? ready.backend : "", gpu: ready?.type === "ready" ? ready.gpu : "false", errors, probes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runChild(job: ChildJob, opts: MeasureOptions): Promise<ChildEvent[]> {
  // loaded here, not at start: only the bench spawns, and every command loads this module
  const { spawn } = await import("node:child_process");
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) return reject(new LlmFitError("cancelled", "bench cancelled", "run it again when the machine is free"));
    const child = spawn(process.execPath, [childPath(), JSON.stringify(job)], { stdio: ["ignore", "pipe", "pipe"] });
    const events: ChildEvent[] = [];
    let buf = "";
    let stderr = "";
    const onAbort = (): void => void child.kill("SIGKILL");
    opts.signal?.addEventListener("abort", onAbort, { once: true });
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (d: string) => {
      buf += d;
      let nl;
      while ((nl = buf.indexOf("\n")) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch {
          continue; // llama.cpp may print to stdout; only our JSON lines count
        }
        const e = ChildEventSchema.safeParse(parsed);
        if (!e.success) continue;
        events.push(e.data);
        opts.onEvent?.(e.data);
      }
    });
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (d: string) => void (stderr = (stderr + d).slice(-2000)));
    child.on("error", (err) => reject(err));
    child.on("close", (code) => {
      opts.signal?.removeEventListener("abort", onAbort);
      if (opts.signal?.aborted) return reject(new LlmFitError("cancelled", "bench cancelled", "run it again when the machine is free"));
      if (code !== 0 && !events.some((e) => e.type === "run")) {
        return reject(new LlmFitError("runtime_down", `the bench worker failed (exit ${code}): ${stderr.trim().split("\n").at(-1) ?? ""}`, "check that node-llama-cpp works: `npx node-llama-cpp inspect gpu`"));
      }
      resolve(events);
    });
  });
}

/** A run's label and its key among reruns: "llama-3.2-1b:Q4_K_M". */
export const runLabel = (r: RunTiming): string => `${r.model.id}:${r.model.quant}`;

/**
 * `measure` over the plan, then once more over the runs that waited over half their time for a
 * core (waits.ts), in a fresh worker; `measured.runs` are the kept runs in the plan's order, and
 * `kept` says of each whether it was rerun and whether it still waited. `measure` is told which
 * pass it runs (the bench labels its progress by it). Shared by `llmfit bench` and bench/calibration.mjs.
 */
export async function measureWithReruns(
  plan: readonly BenchRunSpec[],
  measure: (specs: readonly BenchRunSpec[], rerun: boolean) => Promise<MeasureResult>,
): Promise<{ measured: MeasureResult; kept: KeptRun<RunTiming>[]; reran: number }> {
  const first = await measure(plan, false);
  // the plan's own spec (its prompt length included) for each run to run again
  const again = first.runs.filter(waitedTooLong).map((r) => plan.find((p) => p.id === r.model.id && p.quant === r.model.quant) ?? { id: r.model.id, quant: r.model.quant });
  const reruns = again.length > 0 ? (await measure(again, true)).runs : [];
  const kept = keepRuns(first.runs, reruns, runLabel);
  return { measured: { ...first, runs: kept.map((k) => k.run) }, kept, reran: again.length };
}
