// Learning from real use: when a prompt's stream finishes, the tok/s its runtime reported
// (Ollama's eval_count / eval_duration and prompt_eval_*, llama-server's `timings`, the embedded
// runtime's own clock) go into this machine's runs store (runs.json), and, for a whole-CPU run of
// a model whose shape we know, into the calibration's observations beside what the bench alone
// estimated for the same run (learn.ts turns those into the learned factors). Recording is a side
// effect of prompting: it never throws and never delays an answer.
import type { Hardware } from "../hardware/types.js";
import { readGgufShape } from "../models/gguf.js";
import type { ModelShape } from "../models/shape.js";
import type { ChatTimings, InstalledModel } from "../runtimes/types.js";
import { parseQuantName } from "../sizing/quant-mix.js";
import type { Sizer } from "../sizing/search.js";
import { DEFAULT_RUN_SETTINGS } from "../sizing/types.js";
import { estimateSpeed } from "../speed/estimate.js";
import { recordObservation, type MachineKey } from "./machine.js";
import { appendRun, type RealRun } from "./runs.js";
import type { Calibration, Observation } from "./schema.js";

/**
 * Shorter runs say more about the runtime's start-up than about the machine: under 8 generated
 * tokens a single slow first token dominates the rate, and under 0.2 s of decoding the timer's
 * resolution and the scheduler do. Such runs are not kept. Prefill figures likewise need a prompt
 * of at least MIN_TOKENS evaluated tokens (a runtime that served the prompt from its cache
 * evaluates only the few new tokens and reports a meaningless rate for them).
 */
export const MIN_TOKENS = 8;
export const MIN_SECONDS = 0.2;

/** One finished prompt as the prompt service saw it. */
export interface FinishedPrompt {
  readonly runtime: "ollama" | "llamacpp" | "lmstudio" | "openai" | "embedded";
  readonly url: string;
  readonly model: string;
  readonly context?: number;
  /** What the runtime listed for the model (quantization, shape), when known. */
  readonly installed?: InstalledModel;
  /** Threads the embedded runtime ran with (the servers pick their own). */
  readonly threads?: number;
  readonly generatedTokens: number;
  readonly promptTokens?: number;
  readonly timings?: ChatTimings;
  readonly elapsedMs: number;
}

/**
 * Only runs on this machine say anything about it: a runtime on another host (a configured URL)
 * is not recorded at all.
 */
export function isLocal(f: Pick<FinishedPrompt, "runtime" | "url">): boolean {
  if (f.runtime === "embedded") return true;
  try {
    const host = new URL(f.url).hostname.replace(/^\[|\]$/g, "");
    return host === "localhost" || host === "::1" || /^127\./.test(host);
  } catch {
    return false;
  }
}

/** The figures worth keeping from a run, or undefined when it was too short to mean anything. */
export function measuredFigures(f: FinishedPrompt): { decodeTps?: number; prefillTps?: number } | undefined {
  if (f.generatedTokens < MIN_TOKENS) return undefined;
  const decodeTps = f.timings?.decodeTps;
  const decodeSeconds = decodeTps !== undefined && decodeTps > 0 ? f.generatedTokens / decodeTps : f.elapsedMs / 1000;
  if (decodeSeconds < MIN_SECONDS) return undefined;
  const prefillTps = (f.promptTokens ?? 0) >= MIN_TOKENS ? f.timings?.promptTps : undefined;
  const ok = (x: number | undefined): x is number => x !== undefined && Number.isFinite(x) && x > 0;
  if (!ok(decodeTps) && !ok(prefillTps)) return undefined;
  return { ...(ok(decodeTps) ? { decodeTps } : {}), ...(ok(prefillTps) ? { prefillTps } : {}) };
}

/** No GPU at all, and llama.cpp's backend here is the CPU: the run cannot have been anywhere else. */
const cpuOnly = (hw: Hardware): boolean => hw.gpus.length === 0 && hw.backend === "cpu";

/** The model's shape and quantization: what the runtime listed, or the embedded GGUF's own header. */
export async function shapeOfRun(f: FinishedPrompt): Promise<{ shape: ModelShape; quant?: string } | undefined> {
  if (f.installed?.shape) return { shape: f.installed.shape, ...(f.installed.quantization ? { quant: f.installed.quantization } : {}) };
  if (f.runtime !== "embedded") return undefined;
  try {
    const shape = await readGgufShape(f.model);
    return { shape, ...(shape.fileType ? { quant: shape.fileType } : {}) };
  } catch {
    return undefined;
  }
}

/**
 * What the bench alone (no learned factor: the factor must never feed on itself) estimates for
 * this run on this machine, as a calibration observation. Pure. Only whole-CPU runs on a machine
 * with a bench result: the bench measures the CPU terms only, so GPU runs calibrate nothing.
 */
export function observationOf(run: RealRun, shape: ModelShape, hw: Hardware, sizer: Sizer, threads?: number): Observation | undefined {
  if (run.placement !== "cpu" || hw.simulated || !hw.calibration) return undefined;
  const quant = parseQuantName(run.quant ?? "") ?? "Q4_K_M";
  const est = sizer.estimate(shape, quant, { ...DEFAULT_RUN_SETTINGS, ctx: run.ctx ?? 4096 }, hw);
  if (est.placement.verdict === "no") return undefined;
  // decode runs at the prompt plus half the answer cached on average; prefill is the prompt
  const prompt = Math.max(1, run.promptTokens ?? 1);
  const depth = Math.max(1, Math.round(prompt + run.generatedTokens / 2));
  const s = estimateSpeed(shape, est, hw, { calibrated: "bench-only", contexts: [depth, prompt], ...(threads !== undefined ? { threads } : {}) });
  const estDecode = s.at[0]?.decodeTps;
  const estPrefill = s.at[1]?.prefillTps;
  return {
    runtime: run.runtime,
    model: run.model,
    ...(run.quant ? { quant: run.quant } : {}),
    ...(run.ctx ? { ctx: run.ctx } : {}),
    placement: "cpu",
    ...(run.decodeTps && estDecode ? { decodeTps: run.decodeTps, estDecodeTps: estDecode } : {}),
    ...(run.prefillTps && estPrefill ? { prefillTps: run.prefillTps, estPrefillTps: estPrefill } : {}),
    at: run.at,
  };
}

export interface RecorderDeps {
  readonly key: () => Promise<MachineKey>;
  /** The detected machine (undefined when detection failed). */
  readonly hardware: () => Promise<Hardware | undefined>;
  readonly sizer: Sizer;
  readonly now?: () => Date;
  /**
   * After a run is kept: the calibration it moved, when it moved one. A running host takes both
   * at once (the report's measured figures, every CPU estimate), not at its next detection.
   */
  readonly onRecorded?: (calibration: Calibration | undefined) => void;
}

export type RunRecorder = (f: FinishedPrompt) => Promise<void>;

/** Records finished prompts; what it keeps is what `measuredFigures` and `isLocal` let through. */
export function createRunRecorder(deps: RecorderDeps): RunRecorder {
  return async (f) => {
    try {
      if (!isLocal(f)) return;
      const figures = measuredFigures(f);
      if (!figures) return;
      const [key, hw, found] = await Promise.all([deps.key(), deps.hardware(), shapeOfRun(f)]);
      const quant = found?.quant ?? f.installed?.quantization;
      const placement: RealRun["placement"] =
        !hw || hw.simulated
          ? "unknown"
          : cpuOnly(hw)
            ? "cpu"
            : found
              ? placementWord(deps.sizer.estimate(found.shape, parseQuantName(quant ?? "") ?? "Q4_K_M", { ...DEFAULT_RUN_SETTINGS, ctx: f.context ?? 4096 }, hw).placement.verdict)
              : "unknown";
      const run: RealRun = {
        runtime: f.runtime,
        model: f.model,
        ...(quant ? { quant } : {}),
        ...(f.context ? { ctx: f.context } : {}),
        placement,
        ...figures,
        ...(f.promptTokens !== undefined ? { promptTokens: f.promptTokens } : {}),
        generatedTokens: f.generatedTokens,
        at: (deps.now ?? (() => new Date()))().toISOString(),
      };
      await appendRun(key.dir, key.fingerprint, run);
      const obs = hw && found ? observationOf(run, found.shape, hw, deps.sizer, f.threads) : undefined;
      const calibration = obs && (obs.estDecodeTps !== undefined || obs.estPrefillTps !== undefined) ? await recordObservation(key, obs) : undefined;
      deps.onRecorded?.(calibration);
    } catch {
      // learning is a side effect: a read-only cache dir or an odd model costs nothing
    }
  };
}

function placementWord(v: "gpu" | "partial" | "cpu" | "no"): RealRun["placement"] {
  return v === "no" ? "unknown" : v;
}
