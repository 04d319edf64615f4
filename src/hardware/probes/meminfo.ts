// /proc/meminfo: MemAvailable is the kernel's own estimate of what a new process can take
// without swapping — the right "available" for a model load; MemFree undercounts page cache.
import { KiB } from "../units.js";

export interface MemInfo {
  readonly totalBytes?: number;
  readonly availableBytes?: number;
}

export function parseMeminfo(text: string): MemInfo {
  const kb = (key: string): number | undefined => {
    const m = new RegExp(`^${key}:\\s+(\\d+)\\s*kB`, "m").exec(text);
    return m?.[1] ? Number(m[1]) * KiB : undefined;
  };
  const total = kb("MemTotal");
  // Kernels before 3.14 lack MemAvailable; free + cache is the usual stand-in.
  const available = kb("MemAvailable") ?? sum(kb("MemFree"), kb("Cached"), kb("Buffers"));
  return { ...(total !== undefined ? { totalBytes: total } : {}), ...(available !== undefined ? { availableBytes: available } : {}) };
}

function sum(...parts: (number | undefined)[]): number | undefined {
  if (parts.every((p) => p === undefined)) return undefined;
  return parts.reduce<number>((a, b) => a + (b ?? 0), 0);
}
