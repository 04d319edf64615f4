// Containers: /proc/meminfo shows the host's memory, but a cgroup v2 limit (docker --memory)
// is what a model load in this container can really get.
import type { ProbeFs } from "../fsio.js";
import { finiteNumber } from "../units.js";

export interface CgroupMemory {
  readonly limitBytes: number;
  readonly usedBytes: number;
}

export async function readCgroupMemory(fs: ProbeFs, root = "/sys/fs/cgroup"): Promise<CgroupMemory | undefined> {
  const [max, current] = await Promise.all([fs.readText(`${root}/memory.max`), fs.readText(`${root}/memory.current`)]);
  const limit = finiteNumber(max); // "max" (no limit) is not a number
  if (limit === undefined) return undefined;
  return { limitBytes: limit, usedBytes: finiteNumber(current) ?? 0 };
}
