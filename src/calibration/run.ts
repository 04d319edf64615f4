// Runs sparse models through llama.cpp in a worker process and returns the timings. The sparse
// files live in a fresh temp dir that is removed afterwards, whatever happens (cancel included).
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { LlmFitError } from "../errors.js";
import { ChildEventSchema, type ChildEvent, type ChildJob } from "./protocol.js";
import { sparseModel, writeSparseModel, type SparseModel } from "./sparse-model.js";

export interface BenchRunSpec {
  readonly id: string;
  readonly quant: string;
}

export interface MeasureOptions {
  readonly threads: number;
  /** Prompt tokens per prefill (one batch), single-token decode steps after it. */
  readonly prefill: number;
  readonly decode: number;
  readonly prefillReps: number;
  readonly gpu?: boolean;
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
      return { label: `${m.id}:${m.quant}`, file };
    });
    const job: ChildJob = { runs, threads: opts.threads, prefill: opts.prefill, decode: opts.decode, prefillReps: opts.prefillReps, gpu: opts.gpu === true };
    const events = await runChild(job, opts);
    const ready = events.find((e) => e.type === "ready");
    const timings: RunTiming[] = [];
    const errors: string[] = [];
    for (const e of events) {
      if (e.type === "error") errors.push(e.label ? `${e.label}: ${e.message}` : e.message);
      if (e.type !== "run") continue;
      const model = models[runs.findIndex((r) => r.label === e.label)];
      if (model) timings.push({ model, prefillTokens: opts.prefill, prefillSec: e.prefillSec, prefillNetSec: e.prefillNetSec, decodeSec: e.decodeSec, decodeNetSec: e.decodeNetSec });
    }
    return { runs: timings, cpuBackend: ready?.type === "ready" ? ready.backend : "", gpu: ready?.type === "ready" ? ready.gpu : "false", errors };
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
