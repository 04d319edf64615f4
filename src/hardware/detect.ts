// detectHardware: the one entry point. Cache first (unless refresh), else every probe at once;
// then spec enrichment, the backend, and the user's overrides last. All I/O is injectable.
import { readCalibration } from "../calibration/store.js";
import { pickBackend } from "./backend.js";
import { defaultCacheDir, fingerprintOf, machineParts, readCache, writeCache } from "./cache.js";
import { probeContext, type ContextOptions } from "./context.js";
import { detectCpuAndMemory } from "./detect-cpu.js";
import { detectGpus } from "./detect-gpus.js";
import { refreshFreeMemory } from "./fresh.js";
import { applyOverrides, hasOverrides, parseOverrides, type HardwareOverrides } from "./overrides.js";
import type { Hardware } from "./types.js";

export type { HardwareOverrides } from "./overrides.js";

export interface DetectOptions extends ContextOptions {
  /** Ignore the cached profile and probe again. */
  readonly refresh?: boolean;
  readonly overrides?: HardwareOverrides;
  /** Where hardware.json lives (Neovim passes stdpath('cache')); false disables the cache. */
  readonly cacheDir?: string | false;
  readonly now?: () => Date;
}

export async function detectHardware(opts: DetectOptions = {}): Promise<Hardware> {
  const overrides = opts.overrides !== undefined ? parseOverrides(opts.overrides) : undefined;
  const ctx = probeContext(opts);
  const dir = opts.cacheDir === false ? undefined : (opts.cacheDir ?? defaultCacheDir(ctx.env, ctx.platform));
  let hw: Hardware | undefined;
  const parts = dir ? await machineParts(ctx) : undefined;
  let fp: string | undefined;
  if (dir && parts !== undefined && !opts.refresh) {
    const cached = await readCache(dir, parts);
    if (cached) {
      hw = await refreshFreeMemory(ctx, cached.hardware);
      fp = cached.fingerprint;
      // a file from before the cheap key gets it, so later starts skip the SHA-256 (best effort)
      if (cached.keyless) await writeCache(dir, parts, fp, cached.hardware).catch(() => undefined);
    }
  }
  if (!hw) {
    hw = await probeAll(ctx, opts.now ?? (() => new Date()));
    if (dir && parts !== undefined) {
      fp = await fingerprintOf(parts);
      // A read-only cache dir must not cost the user their report.
      await writeCache(dir, parts, fp, hw).catch((e: unknown) => {
        hw = hw && { ...hw, notes: [...hw.notes, `cache not written to ${dir}: ${e instanceof Error ? e.message : String(e)}`] };
      });
    }
  }
  // the bench's figures, for this machine only (a stale or unreadable file is ignored)
  const calibration = dir && fp && !hw.simulated ? await readCalibration(dir, fp) : undefined;
  if (calibration) hw = { ...hw, calibration };
  if (!hasOverrides(overrides)) return hw;
  const out = applyOverrides(hw, overrides);
  // another CPU named with --cpu is not the one the bench measured
  if (overrides?.cpu === undefined || !out.calibration) return out;
  const { calibration: _measured, ...rest } = out;
  return rest;
}

async function probeAll(ctx: ReturnType<typeof probeContext>, now: () => Date): Promise<Hardware> {
  const cpuMem = detectCpuAndMemory(ctx);
  // GPUs need the RAM total (APUs, Apple) but nothing else from the CPU probe; on Linux and
  // Windows both start at once, on macOS the GPU probe waits for sysctl (one cheap call).
  const gpuRes =
    ctx.platform === "darwin"
      ? cpuMem.then((c) => detectGpus(ctx, { totalRamBytes: c.memory.totalBytes.value, ...(c.sysctl ? { sysctl: c.sysctl } : {}) }))
      : detectGpus(ctx, { totalRamBytes: ctx.os.totalmem() });
  const [c, g] = await Promise.all([cpuMem, gpuRes]);
  return {
    os: ctx.platform,
    cpu: c.cpu,
    memory: c.memory,
    gpus: g.gpus,
    backend: pickBackend(g.gpus),
    notes: [...c.notes, ...g.notes],
    detectedAt: now().toISOString(),
    ...(g.cudaVersion ? { cudaVersion: g.cudaVersion } : {}),
  };
}
