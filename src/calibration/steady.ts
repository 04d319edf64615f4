// Was the machine itself steady while the bench ran? Pure functions on the reference probe's
// readings (child.ts: the same few decode steps on the first run's model, before every run).
//
// Why: under this project's test hypervisor the CPU's speed moves on its own, with no other
// process on the cores (so waits.ts sees nothing): qwen3-0.6b Q8_0 decode ran at 22.8 and
// 31.3 tok/s in two quiet runs 5 min apart, and llama-3.2-1b Q4_K_M at 18.5 and 27 tok/s in
// two quiet dumps. A calibration fitted while the speed moved mixes two machines; the bench
// says so (and the proof benchmark prints each held-out run's drift beside its error) instead
// of correcting for it: the probe tells that the machine changed, not which speed is its own.

import type { ProbeReading } from "./run.js";

/**
 * A plan whose probe readings spread by more than this (slowest over fastest − 1) ran on an
 * unsteady machine: more than the ±12 % the calibrated estimates are held to. Between
 * disturbances the readings held within ±4 % (27.6–29.6 ms, 6 of 9 readings of a dump at load
 * 5–6); the disturbed ones were 33–45 ms, net of the runqueue wait: other work's memory traffic
 * and the host's own speed changes slow a run without taking its core, so waits.ts cannot see them.
 * The probe sees what the runs suffer: in a quiet proof run (load 1.4) it read 35.6 and 38.2 ms
 * (28–30 otherwise) just before llama-3.2-1b and qwen3-1.7b, whose decode and prompt then ran
 * ~25–35 % slower than in other dumps, with no runqueue wait to speak of.
 */
export const UNSTEADY_LIMIT = 0.15;

/** Decode steps per reading: four ~35 ms steps on qwen3-0.6b Q8_0, ~0.15 s a reading. */
export const PROBE_STEPS = 4;

/** The readings' net seconds that are usable (a zero or broken reading is left out). */
const netSeconds = (probes: readonly ProbeReading[]): number[] => probes.map((p) => p.netSec).filter((x) => x > 0 && Number.isFinite(x));

/** Slowest over fastest net reading, less 1 (0 with under two readings). */
export function probeSpread(probes: readonly ProbeReading[]): number {
  const xs = netSeconds(probes);
  if (xs.length < 2) return 0;
  return Math.max(...xs) / Math.min(...xs) - 1;
}

/** The geometric mean of the net readings: the plan's reference speed (undefined without readings). */
export function probeReference(probes: readonly ProbeReading[]): number | undefined {
  const xs = netSeconds(probes);
  if (xs.length === 0) return undefined;
  return Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);
}

/** How much slower (> 0) or faster the machine ran at `reading` than at the reference: +0.2 = its probe step took 20 % longer. */
export function probeDrift(reference: number, reading: ProbeReading): number {
  return reading.netSec / reference - 1;
}

/** One line for the user when the plan's probe readings spread over UNSTEADY_LIMIT; undefined when steady. */
export function unsteadyWarning(spread: number): string | undefined {
  if (!(spread > UNSTEADY_LIMIT)) return undefined;
  return (
    `the machine's speed changed by ${(spread * 100).toFixed(0)} % during the bench (the same reference decode step, timed before each run, net of waits for a core: ` +
    `other work's memory traffic or the host's own speed changes): its figures mix two speeds — run \`llmfit bench\` again when the machine is quiet`
  );
}
