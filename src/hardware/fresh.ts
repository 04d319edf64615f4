// Decision: a cached profile keeps its totals, but "available" figures are re-read on every call,
// because they change minute to minute and decide what fits now. The re-reads are the cheap
// ones: /proc/meminfo or os.freemem(), `nvidia-smi --query-gpu=index,memory.free` (one small
// query), amdgpu sysfs used counters. Where a re-read fails, the cached figure stays and its
// note says it is as of the time of detection.
import type { ProbeContext } from "./context.js";
import { readAmdSysfs } from "./probes/amd.js";
import { parseMeminfo } from "./probes/meminfo.js";
import { parseVmStat, VM_STAT_ARGS } from "./probes/vm-stat.js";
import { NVIDIA_SMI_FREE_ARGS, parseNvidiaFree } from "./probes/nvidia-smi.js";
import { detected } from "./sourced.js";
import type { Gpu, Hardware, Sourced } from "./types.js";

export async function refreshFreeMemory(ctx: ProbeContext, hw: Hardware): Promise<Hardware> {
  const needNvidia = hw.gpus.some((g) => g.vendor === "nvidia");
  const needAmd = ctx.platform === "linux" && hw.gpus.some((g) => g.vendor === "amd");
  const [meminfo, vm, nvidia, amd] = await Promise.all([
    ctx.platform === "linux" ? ctx.fs.readText("/proc/meminfo") : Promise.resolve(undefined),
    ctx.platform === "darwin" ? ctx.exec("vm_stat", VM_STAT_ARGS, { timeoutMs: ctx.timeoutMs }) : Promise.resolve(undefined),
    needNvidia ? ctx.exec("nvidia-smi", NVIDIA_SMI_FREE_ARGS, { timeoutMs: ctx.timeoutMs }) : Promise.resolve(undefined),
    needAmd ? readAmdSysfs(ctx.fs) : Promise.resolve([]),
  ]);
  // Keep the cgroup limit found at detection: the container cannot grow without a restart.
  const hostAvail = meminfo ? parseMeminfo(meminfo).availableBytes : vm?.ok ? parseVmStat(vm.stdout) : ctx.os.freemem();
  const avail = hostAvail !== undefined ? Math.min(hostAvail, hw.memory.totalBytes.value) : undefined;
  const nvFree = nvidia?.ok ? parseNvidiaFree(nvidia.stdout) : undefined;
  let nvIndex = 0;
  let amdIndex = 0;
  const gpus = hw.gpus.map((g): Gpu => {
    if (g.vendor === "nvidia") {
      const free = nvFree?.get(nvIndex++);
      return { ...g, vramFreeBytes: free !== undefined ? detected(free, "nvidia-smi memory.free") : stale(g.vramFreeBytes, hw.detectedAt) };
    }
    if (g.vendor === "amd" && !g.unified) {
      const s = amd[amdIndex++];
      return s ? { ...g, vramFreeBytes: detected(Math.max(s.vramTotalBytes - (s.vramUsedBytes ?? 0), 0), "vram total − used") } : { ...g, vramFreeBytes: stale(g.vramFreeBytes, hw.detectedAt) };
    }
    // Apple's working set and shared-memory estimates are rules, not readings: nothing to refresh.
    return g.vramFreeBytes.source === "detected" && g.vendor !== "apple" ? { ...g, vramFreeBytes: stale(g.vramFreeBytes, hw.detectedAt) } : g;
  });
  return {
    ...hw,
    memory: { ...hw.memory, availableBytes: avail !== undefined ? detected(avail, meminfo ? "/proc/meminfo MemAvailable" : vm?.ok ? "vm_stat" : "os.freemem()") : stale(hw.memory.availableBytes, hw.detectedAt) },
    gpus,
  };
}

function stale(s: Sourced<number>, at: string): Sourced<number> {
  return { ...s, note: `as of ${at} (cached)` };
}
