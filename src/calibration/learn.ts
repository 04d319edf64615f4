// Learning from real use: each prompt a runtime answers reports its decode and prefill tok/s
// (Ollama's eval_count / eval_duration and prompt_eval_*, llama-server's `timings`, the embedded
// runtime's own clock). They are kept, newest last, beside the bench's figures, and the CPU
// calibration follows them:
//
//   factor = exp( Σ log(measured_i / estimated_i) / (BENCH_WEIGHT + n) )
//
// over the last MAX_OBSERVATIONS whole-CPU runs, where estimated_i is the bench-calibrated
// estimate for that run (without any learned factor, so the factor never feeds on itself) and the
// bench counts as BENCH_WEIGHT runs with ratio 1. One real run moves the estimate a fifth of the
// way to what it saw; after four the real runs weigh as much as the bench. Runs placed partly or
// wholly on a GPU are kept for the report but do not touch the CPU figures.
import type { Observation } from "./schema.js";

export const BENCH_WEIGHT = 4;
export const MAX_OBSERVATIONS = 20;
/** A single run is never trusted beyond a factor of 3 either way (a stalled or cached run). */
const CLAMP = 3;

export interface LearnedFactors {
  readonly decode: number;
  readonly prefill: number;
  readonly decodeRuns: number;
  readonly prefillRuns: number;
}

export function learnedFactors(obs: readonly Observation[]): LearnedFactors {
  const cpu = obs.filter((o) => o.placement === "cpu").slice(-MAX_OBSERVATIONS);
  const factor = (pairs: readonly [number | undefined, number | undefined][]): { f: number; n: number } => {
    const logs = pairs
      .filter((p): p is [number, number] => p[0] !== undefined && p[1] !== undefined && p[0] > 0 && p[1] > 0)
      .map(([m, e]) => Math.log(Math.min(CLAMP, Math.max(1 / CLAMP, m / e))));
    return { f: Math.exp(logs.reduce((a, b) => a + b, 0) / (BENCH_WEIGHT + logs.length)), n: logs.length };
  };
  const d = factor(cpu.map((o) => [o.decodeTps, o.estDecodeTps]));
  const p = factor(cpu.map((o) => [o.prefillTps, o.estPrefillTps]));
  return { decode: d.f, prefill: p.f, decodeRuns: d.n, prefillRuns: p.n };
}

/** The observations with one more, capped at the newest MAX_OBSERVATIONS × 5 (GPU runs included). */
export function withObservation(obs: readonly Observation[], o: Observation): Observation[] {
  return [...obs, o].slice(-MAX_OBSERVATIONS * 5);
}
