// Where this machine's calibration lives: the cache dir and hardware fingerprint the hardware
// profile uses (src/hardware/cache.ts), so both go stale together.
import { cachedFingerprint, defaultCacheDir } from "../hardware/cache.js";
import { probeContext, type ContextOptions } from "../hardware/context.js";
import { readCalibration, writeCalibration } from "./store.js";
import { withObservation } from "./learn.js";
import type { Calibration, Observation } from "./schema.js";

export interface MachineKey {
  readonly dir: string;
  readonly fingerprint: string;
}

export async function machineKey(opts: ContextOptions & { readonly cacheDir?: string } = {}): Promise<MachineKey> {
  const ctx = probeContext(opts);
  const dir = opts.cacheDir ?? defaultCacheDir(ctx.env, ctx.platform);
  return { dir, fingerprint: await cachedFingerprint(dir, ctx) };
}

export function saveCalibration(key: MachineKey, cal: Calibration): Promise<string> {
  return writeCalibration(key.dir, key.fingerprint, cal);
}

/**
 * Adds one real run to this machine's calibration (read, append, write). Without a bench there
 * is nothing to calibrate, and the run is not kept. Never throws: learning is a side effect.
 * Returns the calibration as written, for a running host to use at once.
 */
export async function recordObservation(key: MachineKey, o: Observation): Promise<Calibration | undefined> {
  try {
    const cal = await readCalibration(key.dir, key.fingerprint);
    if (!cal) return undefined;
    const next = { ...cal, observations: withObservation(cal.observations, o) };
    await writeCalibration(key.dir, key.fingerprint, next);
    return next;
  } catch {
    return undefined;
  }
}
