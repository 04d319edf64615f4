// An installed model's speed: the advice's estimate for it as its runtime runs it here, beside
// what real prompts measured (src/calibration/measured.ts). The report's runtimes section,
// `llmfit runtimes` and their --json all take it from here.
import { measuredJson, measuredOf, measuredWords, type MeasuredSpeed, type MeasuredSpeeds } from "../calibration/measured.js";
import type { Hardware } from "../hardware/types.js";
import type { SizedModel } from "../runtimes/sizing.js";
import type { Advisor } from "./advise.js";

export interface InstalledSpeed {
  /** The runtime's URL and the model's name there. */
  readonly url: string;
  readonly model: string;
  /** Decode tok/s the advice estimates (absent when the model is unsized or does not run). */
  readonly estimatedTps?: number;
  readonly measured?: MeasuredSpeed;
}

export const installedKey = (url: string, name: string): string => `${url}\u0000${name}`;

/** Every sized installed model with real runs, keyed by runtime URL and name (installedKey). */
export function installedSpeeds(sized: ReadonlyMap<string, readonly SizedModel[]>, hw: Hardware, advisor: Advisor, measured: MeasuredSpeeds): Map<string, InstalledSpeed> {
  const out = new Map<string, InstalledSpeed>();
  for (const [url, models] of sized) {
    for (const m of models) {
      const got = measuredOf(measured, m.model.runtime, m.model.name);
      if (!got) continue;
      const est = m.estimate && m.model.shape && m.estimate.placement.verdict !== "no" ? advisor.speedOf(m.model.shape, m.estimate, hw) : undefined;
      out.set(installedKey(url, m.model.name), { url, model: m.model.name, ...(est !== undefined ? { estimatedTps: est } : {}), measured: got });
    }
  }
  return out;
}

const tps = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

/** "est ~12.0 tok/s · measured 23.4 tok/s (3 runs, last 2026-12-03)". */
export function installedSpeedWords(s: InstalledSpeed): string {
  return [s.estimatedTps !== undefined ? `est ~${tps(s.estimatedTps)} tok/s` : undefined, s.measured ? measuredWords(s.measured) : undefined].filter(Boolean).join(" · ");
}

export function installedSpeedJson(s: InstalledSpeed): Record<string, unknown> {
  return { runtime: s.url, model: s.model, ...(s.estimatedTps !== undefined ? { estimated_tps: s.estimatedTps } : {}), ...(s.measured ? { measured: measuredJson(s.measured) } : {}) };
}
