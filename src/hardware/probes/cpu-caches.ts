// CPU cache sizes from sysfs (Linux): /sys/devices/system/cpu/cpu0/cache/index*/{level,type,size}.
// Sizes are per core for L1/L2 and per cluster for L3; what cpu0 sees is what one thread gets.
import type { ProbeFs } from "../fsio.js";
import { KiB, MiB } from "../units.js";

export interface CacheSizes {
  readonly l1d?: number;
  readonly l2?: number;
  readonly l3?: number;
}

export function parseCacheSize(text: string): number | undefined {
  const m = /^(\d+)\s*([KMG]?)/i.exec(text.trim());
  if (!m?.[1]) return undefined;
  const unit = (m[2] ?? "").toUpperCase();
  return Number(m[1]) * (unit === "K" ? KiB : unit === "M" ? MiB : unit === "G" ? 1024 * MiB : 1);
}

export async function readCpuCaches(fs: ProbeFs, root = "/sys/devices/system/cpu/cpu0/cache"): Promise<CacheSizes> {
  const dirs = (await fs.list(root)).filter((d) => /^index\d+$/.test(d));
  const found: { l1d?: number; l2?: number; l3?: number } = {};
  await Promise.all(
    dirs.map(async (d) => {
      const [level, type, size] = await Promise.all(["level", "type", "size"].map((f) => fs.readText(`${root}/${d}/${f}`)));
      const bytes = size ? parseCacheSize(size) : undefined;
      if (bytes === undefined) return;
      const lv = level?.trim();
      const ty = type?.trim();
      if (lv === "1" && ty === "Data") found.l1d = bytes;
      else if (lv === "2") found.l2 = bytes;
      else if (lv === "3") found.l3 = bytes;
    }),
  );
  // in one order, whichever read finished first: the profile (and hardware.json) is the same every run
  const { l1d, l2, l3 } = found;
  return { ...(l1d !== undefined && { l1d }), ...(l2 !== undefined && { l2 }), ...(l3 !== undefined && { l3 }) };
}
