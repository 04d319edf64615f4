// CPU and system memory. Linux reads /proc and sysfs directly (fast, exact); macOS uses sysctl;
// Windows falls back to systeminformation. Bandwidth comes from the DIMM layout, or from the
// SoC's spec row on Apple Silicon, and is always labelled an estimate or spec figure.
import type { ProbeContext } from "./context.js";
import { withTimeout } from "./context.js";
import { matchGpu } from "./match.js";
import { estimateMemoryBandwidth } from "./memory-bandwidth.js";
import { parseSysctl, SYSCTL_ARGS, type AppleSysctl } from "./probes/apple.js";
import { readCgroupMemory, type CgroupMemory } from "./probes/cgroup.js";
import { readCpuCaches } from "./probes/cpu-caches.js";
import { parseCpuinfo } from "./probes/cpuinfo.js";
import { parseMeminfo } from "./probes/meminfo.js";
import { parseVmStat, VM_STAT_ARGS } from "./probes/vm-stat.js";
import { detected, estimated, fromSpec } from "./sourced.js";
import type { Cpu, Memory, Sourced } from "./types.js";
import { GiB } from "./units.js";

export interface CpuMemoryResult {
  readonly cpu: Cpu;
  readonly memory: Memory;
  readonly notes: readonly string[];
  readonly sysctl?: AppleSysctl;
}

export async function detectCpuAndMemory(ctx: ProbeContext): Promise<CpuMemoryResult> {
  if (ctx.platform === "linux") return linux(ctx);
  if (ctx.platform === "darwin") return darwin(ctx);
  return generic(ctx);
}

async function linux(ctx: ProbeContext): Promise<CpuMemoryResult> {
  const notes: string[] = [];
  const [cpuinfoText, meminfoText, caches, bandwidth, cgroup] = await Promise.all([
    ctx.fs.readText("/proc/cpuinfo"),
    ctx.fs.readText("/proc/meminfo"),
    readCpuCaches(ctx.fs),
    dimmBandwidth(ctx, notes),
    readCgroupMemory(ctx.fs),
  ]);
  const info = cpuinfoText ? parseCpuinfo(cpuinfoText) : undefined;
  if (!info) notes.push("/proc/cpuinfo: unreadable, CPU from os.cpus()");
  const mem = meminfoText ? parseMeminfo(meminfoText) : {};
  const osCpus = ctx.os.cpus();
  const threads = info?.threads || osCpus.length;
  const cpu: Cpu = {
    brand: info?.brand ? detected(info.brand) : detected(osCpus[0]?.model ?? "unknown CPU", "os.cpus()"),
    arch: ctx.arch,
    // arm64 /proc/cpuinfo has no core ids; every logical CPU is then a core.
    cores: info?.cores ? detected(info.cores) : estimated(threads, "no core ids in /proc/cpuinfo; one thread per core"),
    threads: detected(threads),
    flags: info?.flags ?? [],
    ...(Object.keys(caches).length > 0 ? { cacheBytes: caches } : {}),
  };
  const total = mem.totalBytes ?? ctx.os.totalmem();
  const limited = cgroup && cgroup.limitBytes < total ? cgroup : undefined;
  if (limited) notes.push(`container memory limit ${(limited.limitBytes / GiB).toFixed(1)} GiB (cgroup memory.max) is below the machine's RAM`);
  const memory: Memory = {
    totalBytes: limited
      ? detected(limited.limitBytes, "cgroup memory.max (container limit)")
      : detected(total, mem.totalBytes !== undefined ? "/proc/meminfo MemTotal" : "os.totalmem()"),
    availableBytes: availableLinux(mem.availableBytes, limited, ctx.os.freemem()),
    ...(bandwidth ? { bandwidthGBs: estimated(bandwidth.gbs, bandwidth.note) } : {}),
    ...(bandwidth?.kind ? { kind: bandwidth.kind } : {}),
  };
  return { cpu, memory, notes };
}

function availableLinux(memAvailable: number | undefined, cg: CgroupMemory | undefined, freemem: number): Sourced<number> {
  const host = memAvailable ?? freemem;
  const note = memAvailable !== undefined ? "/proc/meminfo MemAvailable" : "os.freemem()";
  if (!cg) return detected(host, note);
  const inCgroup = Math.max(cg.limitBytes - cg.usedBytes, 0);
  return inCgroup < host ? detected(inCgroup, "cgroup memory.max − memory.current") : detected(host, note);
}

async function darwin(ctx: ProbeContext): Promise<CpuMemoryResult> {
  const notes: string[] = [];
  const [res, vm] = await Promise.all([ctx.exec("sysctl", SYSCTL_ARGS, { timeoutMs: ctx.timeoutMs }), ctx.exec("vm_stat", VM_STAT_ARGS, { timeoutMs: ctx.timeoutMs })]);
  const vmAvailable = vm.ok ? parseVmStat(vm.stdout) : undefined;
  // sysctl exits non-zero when one key is unknown (iogpu.* before macOS 14) but prints the rest.
  const sc = parseSysctl(res.stdout);
  if (!res.ok && !sc.brand) notes.push(res.reason);
  const total = sc.memBytes ?? ctx.os.totalmem();
  const spec = sc.brand ? matchGpu(sc.brand) : undefined;
  const osCpus = ctx.os.cpus();
  const cpu: Cpu = {
    brand: detected(sc.brand ?? osCpus[0]?.model ?? "unknown CPU"),
    arch: ctx.arch,
    cores: sc.physicalCpu ? detected(sc.physicalCpu, coreSplit(sc)) : detected(osCpus.length),
    threads: detected(sc.logicalCpu ?? osCpus.length),
    flags: sc.flags,
  };
  const memory: Memory = {
    totalBytes: detected(total, sc.memBytes ? "hw.memsize" : "os.totalmem()"),
    availableBytes:
      vmAvailable !== undefined
        ? detected(vmAvailable, "vm_stat free + inactive + speculative + purgeable")
        : detected(ctx.os.freemem(), "os.freemem() (excludes reclaimable cache)"),
    ...(spec?.spec.vendor === "apple" ? { bandwidthGBs: fromSpec(spec.spec.bandwidthGBs, `${spec.spec.name} unified memory`) } : {}),
  };
  return { cpu, memory, notes, sysctl: sc };
}

function coreSplit(sc: AppleSysctl): string | undefined {
  return sc.performanceCores !== undefined && sc.efficiencyCores !== undefined
    ? `${sc.performanceCores} performance + ${sc.efficiencyCores} efficiency`
    : undefined;
}

async function generic(ctx: ProbeContext): Promise<CpuMemoryResult> {
  const notes: string[] = [];
  const [info, bandwidth] = await Promise.all([
    withTimeout(ctx.si.cpu(), ctx.timeoutMs * 2, "systeminformation cpu").catch((e: unknown) => {
      notes.push(e instanceof Error ? e.message : String(e));
      return undefined;
    }),
    dimmBandwidth(ctx, notes),
  ]);
  const osCpus = ctx.os.cpus();
  const flags = info ? parseCpuinfo(`flags: ${info.flags}`).flags : [];
  const cpu: Cpu = {
    brand: detected(info ? `${info.manufacturer} ${info.brand}`.trim() : (osCpus[0]?.model ?? "unknown CPU")),
    arch: ctx.arch,
    cores: detected(info?.physicalCores || osCpus.length),
    threads: detected(info?.cores || osCpus.length),
    flags,
    ...(info?.cache ? { cacheBytes: { ...(info.cache.l1d ? { l1d: info.cache.l1d } : {}), ...(info.cache.l2 ? { l2: info.cache.l2 } : {}), ...(info.cache.l3 ? { l3: info.cache.l3 } : {}) } } : {}),
  };
  const memory: Memory = {
    totalBytes: detected(ctx.os.totalmem(), "os.totalmem()"),
    availableBytes: detected(ctx.os.freemem(), "os.freemem()"),
    ...(bandwidth ? { bandwidthGBs: estimated(bandwidth.gbs, bandwidth.note) } : {}),
    ...(bandwidth?.kind ? { kind: bandwidth.kind } : {}),
  };
  return { cpu, memory, notes };
}

async function dimmBandwidth(ctx: ProbeContext, notes: string[]): Promise<ReturnType<typeof estimateMemoryBandwidth>> {
  try {
    const layout = await withTimeout(ctx.si.memLayout(), ctx.timeoutMs, "memory layout");
    const est = estimateMemoryBandwidth(layout.map((d) => ({ type: d.type, size: d.size, ...(typeof d.clockSpeed === "number" && d.clockSpeed > 0 ? { clockSpeed: d.clockSpeed } : {}) })));
    if (!est) notes.push("memory bandwidth: DIMM speeds not readable (dmidecode needs root); not estimated");
    return est;
  } catch (e) {
    notes.push(e instanceof Error ? e.message : String(e));
    return undefined;
  }
}
