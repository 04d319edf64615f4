// macOS `vm_stat`: os.freemem() there counts only free pages, so a Mac with plenty of
// reclaimable cache looks full. Available ≈ free + inactive + speculative + purgeable pages,
// which is what Activity Monitor treats as not under pressure.

export const VM_STAT_ARGS: readonly string[] = [];

export function parseVmStat(text: string): number | undefined {
  const page = Number(/page size of (\d+) bytes/.exec(text)?.[1]);
  if (!Number.isFinite(page) || page <= 0) return undefined;
  const pages = (label: string): number => Number(new RegExp(`^${label}:\\s+(\\d+)\\.?$`, "m").exec(text)?.[1] ?? 0);
  const free = pages("Pages free") + pages("Pages inactive") + pages("Pages speculative") + pages("Pages purgeable");
  return free > 0 ? free * page : undefined;
}
