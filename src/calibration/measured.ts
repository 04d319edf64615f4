// What real runs measured for one installed model, for every view that shows an installed model
// (the report's runtimes section, `llmfit runtimes`, their --json): the one place the runs store
// turns into "measured 23.4 tok/s (3 runs, last 2026-12-03)".
import type { ContextOptions } from "../hardware/context.js";
import { machineKey } from "./machine.js";
import { readRuns, type RealRun } from "./runs.js";

/** The newest runs of a model that its figure is the median of: recent enough to follow an upgrade. */
export const MEASURED_WINDOW = 20;

export interface MeasuredSpeed {
  /** Median of the runs' decode tok/s (a median: one run slowed by a busy machine does not move it). */
  readonly decodeTps?: number;
  readonly prefillTps?: number;
  /** How many runs the figures are from. */
  readonly runs: number;
  /** YYYY-MM-DD of the newest. */
  readonly last: string;
}

/** Measured speeds keyed by runtime and model name (measuredOf looks one up). */
export type MeasuredSpeeds = ReadonlyMap<string, MeasuredSpeed>;

const keyOf = (runtime: string, model: string): string => `${runtime}\u0000${model}`;

const median = (xs: readonly number[]): number | undefined => {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

/** Pure: each model's newest MEASURED_WINDOW runs → its median figures. */
export function summarizeRuns(runs: readonly RealRun[]): Map<string, MeasuredSpeed> {
  const byModel = new Map<string, RealRun[]>();
  for (const r of runs) {
    const k = keyOf(r.runtime, r.model);
    byModel.set(k, [...(byModel.get(k) ?? []), r]);
  }
  const out = new Map<string, MeasuredSpeed>();
  for (const [k, all] of byModel) {
    const recent = all.slice(-MEASURED_WINDOW);
    const decode = median(recent.flatMap((r) => (r.decodeTps !== undefined ? [r.decodeTps] : [])));
    const prefill = median(recent.flatMap((r) => (r.prefillTps !== undefined ? [r.prefillTps] : [])));
    const last = recent.reduce((a, r) => (r.at > a ? r.at : a), "").slice(0, 10);
    out.set(k, { ...(decode !== undefined ? { decodeTps: decode } : {}), ...(prefill !== undefined ? { prefillTps: prefill } : {}), runs: recent.length, last });
  }
  return out;
}

export function measuredOf(speeds: MeasuredSpeeds | undefined, runtime: string, model: string): MeasuredSpeed | undefined {
  return speeds?.get(keyOf(runtime, model));
}

/** This machine's measured speeds (none when nothing was recorded, or for another machine). */
export async function readMeasuredSpeeds(opts: ContextOptions & { readonly cacheDir?: string } = {}): Promise<MeasuredSpeeds> {
  try {
    const key = await machineKey(opts);
    return summarizeRuns(await readRuns(key.dir, key.fingerprint));
  } catch {
    return new Map();
  }
}

const tps = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

/** "measured 23.4 tok/s (3 runs, last 2026-12-03)"; prefill added when only it was reported. */
export function measuredWords(m: MeasuredSpeed): string {
  const figure = m.decodeTps !== undefined ? `${tps(m.decodeTps)} tok/s` : m.prefillTps !== undefined ? `prompt ${tps(m.prefillTps)} tok/s` : "no tok/s reported";
  return `measured ${figure} (${m.runs} run${m.runs === 1 ? "" : "s"}, last ${m.last})`;
}

/** The --json form. */
export function measuredJson(m: MeasuredSpeed): Record<string, unknown> {
  return {
    ...(m.decodeTps !== undefined ? { decode_tps: m.decodeTps } : {}),
    ...(m.prefillTps !== undefined ? { prefill_tps: m.prefillTps } : {}),
    runs: m.runs,
    last: m.last,
    source: "measured",
  };
}
