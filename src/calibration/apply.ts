// The one place a calibration turns into the CPU constants an estimate uses: the bench's figures
// (derive.ts) times what real runs taught (learn.ts). Never for a simulated machine.
import type { Hardware } from "../hardware/types.js";
import { SPEED_CONSTANTS } from "../speed/constants.js";
import type { CpuConstants } from "../speed/model.js";
import { constantsFromFigures } from "./derive.js";
import { learnedFactors } from "./learn.js";
import type { Calibration } from "./schema.js";

export interface ApplyOptions {
  /** false: the bench's figures alone (what a new observation is compared against). */
  readonly learned?: boolean;
}

export function calibrationOf(hw: Hardware): Calibration | undefined {
  return hw.simulated ? undefined : hw.calibration;
}

// Every CPU estimate on a calibrated machine asks for these (the whole catalog on each report):
// worked out once per calibration and RAM bandwidth, not once per model.
const memo = new WeakMap<Calibration, Map<string, CpuConstants>>();

export function calibratedCpuConstants(hw: Hardware, opts: ApplyOptions = {}): CpuConstants | undefined {
  const cal = calibrationOf(hw);
  if (!cal) return undefined;
  const key = `${opts.learned !== false}|${hw.memory.bandwidthGBs?.value ?? ""}`;
  let byKey = memo.get(cal);
  if (!byKey) memo.set(cal, (byKey = new Map()));
  let k = byKey.get(key);
  if (!k) byKey.set(key, (k = constantsFor(cal, hw, opts)));
  return k;
}

function constantsFor(cal: Calibration, hw: Hardware, opts: ApplyOptions): CpuConstants {
  const k = constantsFromFigures(SPEED_CONSTANTS.cpu, cal.cpu, cal.threads, hw.memory.bandwidthGBs?.value);
  if (opts.learned === false) return k;
  const f = learnedFactors(cal.observations);
  if (f.decode === 1 && f.prefill === 1) return k;
  // decode f× faster: every decode term's time ÷ f; prefill: every rate × f
  const p = f.prefill;
  return {
    ...k,
    bytesPerSecPerThread: k.bytesPerSecPerThread * f.decode,
    secPerWeightPerThread: k.secPerWeightPerThread / f.decode,
    secPerLayer: k.secPerLayer / f.decode,
    ramEfficiency: k.ramEfficiency * f.decode,
    prefillFlopsPerThread: { f16: k.prefillFlopsPerThread.f16 * p, q8: k.prefillFlopsPerThread.q8 * p, quant: k.prefillFlopsPerThread.quant * p },
    prefillExpertFlopsPerThread: k.prefillExpertFlopsPerThread * p,
  };
}

/** "measured here (2026-05-01)": how an estimate from calibrated figures names its source. */
export function measuredLabel(cal: Calibration): string {
  const f = learnedFactors(cal.observations);
  const runs = Math.max(f.decodeRuns, f.prefillRuns);
  return `measured here (${cal.date}${runs > 0 ? `, + ${runs} real run${runs === 1 ? "" : "s"}` : ""})`;
}
