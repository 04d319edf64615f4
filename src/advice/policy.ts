// What the advice holds back and asks for, beyond the sizing core's "does it fit": memory kept
// for the OS and the editor, and the slowest decode speed that still counts as usable. Both are
// options (advice.reserve_gb, advice.min_tps) and flags (--reserve, --min-tps), documented in
// :help llmfit-advice.
import type { Hardware } from "../hardware/types.js";

export interface AdvicePolicy {
  /** Decode tokens/s below which a pick is "too slow to use"; the ranking prefers faster ones. */
  readonly minTps: number;
  /** Bytes of RAM kept for the OS, the editor and everything else running. */
  readonly reserveBytes: number;
}

const GiB = 1024 ** 3;

/**
 * Reading speed: 238 words a minute for silent reading of English non-fiction (Brysbaert 2019,
 * "How many words do we read per minute?", Journal of Memory and Language 109,
 * doi:10.1016/j.jml.2019.104047) × ~1.33 tokens a word (OpenAI's tokenizer rule of thumb,
 * https://help.openai.com/en/articles/4936856) ≈ 5.3 tokens/s. An answer slower than that makes
 * the reader wait for every word.
 */
export const READING_TPS = 5;

/** 2 GiB: a desktop session with a browser and Neovim keeps about that resident (an estimate). */
export const DEFAULT_RESERVE_GB = 2;

export const DEFAULT_POLICY: AdvicePolicy = { minTps: READING_TPS, reserveBytes: DEFAULT_RESERVE_GB * GiB };

export function policyFrom(o: { readonly min_tps?: number; readonly reserve_gb?: number }): AdvicePolicy {
  return {
    minTps: o.min_tps ?? DEFAULT_POLICY.minTps,
    reserveBytes: o.reserve_gb !== undefined ? o.reserve_gb * GiB : DEFAULT_POLICY.reserveBytes,
  };
}

const planned = new WeakMap<Hardware, Map<number, Hardware>>();

/**
 * The machine as the advice judges it: RAM is the total less the reserve — a stable figure —
 * not the momentarily free RAM, which moves by gigabytes between runs and would change the
 * picks with it. Momentary free memory becomes a warning (memoryWarnings). Memoised per
 * profile so caches keyed by the Hardware object keep working.
 */
export function planningHardware(hw: Hardware, policy: AdvicePolicy): Hardware {
  let byReserve = planned.get(hw);
  if (!byReserve) planned.set(hw, (byReserve = new Map()));
  const hit = byReserve.get(policy.reserveBytes);
  if (hit) return hit;
  const total = hw.memory.totalBytes.value;
  const usable = Math.max(0, total - policy.reserveBytes);
  const out: Hardware = {
    ...hw,
    memory: {
      ...hw.memory,
      availableBytes: {
        value: usable,
        source: "estimate",
        note: `${(total / GiB).toFixed(1)} GiB total less ${(policy.reserveBytes / GiB).toFixed(1)} GiB kept for the OS and editor (advice.reserve_gb / --reserve)`,
      },
    },
  };
  byReserve.set(policy.reserveBytes, out);
  return out;
}

/** A warning when what the advice plans on is more than is free right now. */
export function memoryWarning(hw: Hardware, plannedBytes: number): string | undefined {
  if (hw.simulated) return undefined;
  const free = hw.memory.availableBytes.value;
  if (plannedBytes <= free) return undefined;
  return `${(plannedBytes / GiB).toFixed(1)} GiB of RAM planned, ${(free / GiB).toFixed(1)} GiB free right now — close programs before loading it`;
}
