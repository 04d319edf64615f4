// Every GPU on the machine, from the tools each vendor ships, all started at once. A tool that is
// missing, broken or hanging becomes one line in `notes`; the others still report.
import { backendForVendor, type BackendHints } from "./backend.js";
import type { ProbeContext } from "./context.js";
import type { ExecResult } from "./exec.js";
import { buildGpu, vendorOfName, type GpuFinding } from "./gpu-build.js";
import { matchGpu } from "./match.js";
import { parseRocmSmiJson, readAmdSysfs, ROCM_SMI_ARGS, type AmdGpu } from "./probes/amd.js";
import { metalWorkingSet, parseSystemProfilerDisplays, SYSTEM_PROFILER_ARGS, type AppleSysctl } from "./probes/apple.js";
import { LSPCI_ARGS, marketingName, parseLspci, type PciDisplay } from "./probes/lspci.js";
import { NVIDIA_SMI_ARGS, parseCudaVersion, parseNvidiaSmiCsv, type NvidiaGpu } from "./probes/nvidia-smi.js";
import {
  isCappedAdapterRam,
  parseVideoControllerJson,
  REG_DESC_ARGS,
  REG_MEMORY_ARGS,
  registryVram,
  VIDEO_CONTROLLER_ARGS,
} from "./probes/windows.js";
import { detected, estimated } from "./sourced.js";
import type { Gpu } from "./types.js";
import { GiB } from "./units.js";

export interface GpuResult {
  readonly gpus: readonly Gpu[];
  readonly notes: readonly string[];
  readonly cudaVersion?: string;
}

export interface GpuInputs {
  readonly totalRamBytes: number;
  readonly sysctl?: AppleSysctl;
}

export async function detectGpus(ctx: ProbeContext, input: GpuInputs): Promise<GpuResult> {
  if (ctx.platform === "darwin") return darwinGpus(ctx, input);
  if (ctx.platform === "win32") return windowsGpus(ctx, input);
  return linuxGpus(ctx, input);
}

const run = (ctx: ProbeContext, cmd: string, args: readonly string[], timeoutMs = ctx.timeoutMs): Promise<ExecResult> =>
  ctx.exec(cmd, args, { timeoutMs });

function nvidiaFindings(text: string, notes: string[]): readonly GpuFinding[] {
  const parsed = parseNvidiaSmiCsv(text);
  if (!parsed.ok) {
    notes.push(parsed.reason);
    return [];
  }
  return parsed.gpus.map(nvidiaFinding);
}

function nvidiaFinding(g: NvidiaGpu): GpuFinding {
  return {
    vendor: "nvidia",
    name: g.name,
    backend: "cuda",
    vramTotalBytes: detected(g.totalBytes, "nvidia-smi memory.total"),
    vramFreeBytes: g.freeBytes !== undefined ? detected(g.freeBytes, "nvidia-smi memory.free") : detected(g.totalBytes, "nvidia-smi reports no free figure; total"),
    unified: false,
    ...(g.powerLimitWatts !== undefined ? { powerWatts: detected(g.powerLimitWatts, "nvidia-smi power.limit") } : {}),
    ...(g.computeCapability ? { computeCapability: g.computeCapability } : {}),
    ...(g.driver ? { driver: g.driver } : {}),
    ...(g.pcie ? { pcie: g.pcie } : {}),
  };
}

async function nvidiaSmi(ctx: ProbeContext, notes: string[]): Promise<{ findings: readonly GpuFinding[]; cuda?: string }> {
  const [query, banner] = await Promise.all([run(ctx, "nvidia-smi", NVIDIA_SMI_ARGS), run(ctx, "nvidia-smi", [])]);
  if (!query.ok) {
    // A missing tool is the normal state of most machines; say so only once, briefly.
    notes.push(/not found/.test(query.reason) ? "nvidia-smi: not found (no NVIDIA driver)" : query.reason);
    return { findings: [] };
  }
  const cuda = parseCudaVersion(banner.stdout);
  return { findings: nvidiaFindings(query.stdout, notes), ...(cuda ? { cuda } : {}) };
}

async function linuxGpus(ctx: ProbeContext, input: GpuInputs): Promise<GpuResult> {
  const notes: string[] = [];
  const [nv, rocm, sysfs, lspci, rocmDir, oneApiDir] = await Promise.all([
    nvidiaSmi(ctx, notes),
    run(ctx, "rocm-smi", ROCM_SMI_ARGS),
    readAmdSysfs(ctx.fs),
    run(ctx, "lspci", LSPCI_ARGS),
    ctx.fs.list("/opt/rocm"),
    ctx.fs.list("/opt/intel/oneapi"),
  ]);
  const hints: BackendHints = { rocm: rocm.ok || rocmDir.length > 0, oneApi: oneApiDir.length > 0 };
  const pci = lspci.ok ? parseLspci(lspci.stdout) : [];
  const findings: GpuFinding[] = [...nv.findings];

  let amd: readonly AmdGpu[] = [];
  if (rocm.ok) {
    try {
      amd = mergeAmd(parseRocmSmiJson(JSON.parse(rocm.stdout) as unknown), sysfs);
    } catch {
      notes.push("rocm-smi: output is not JSON");
    }
  } else if (!/not found/.test(rocm.reason)) {
    notes.push(rocm.reason);
  }
  if (amd.length === 0) amd = sysfs;
  for (const g of amd) findings.push(amdFinding(g, pci, hints, input.totalRamBytes));

  for (const d of pci.filter((p) => p.vendorId === "8086")) findings.push(intelFinding(d, hints, input.totalRamBytes, "linux"));
  if (findings.length === 0 && pci.length === 0 && !lspci.ok && !/not found/.test(lspci.reason)) notes.push(lspci.reason);

  const gpus = findings.map((f, i) => buildGpu(i, f));
  return { gpus, notes, ...(nv.cuda ? { cudaVersion: nv.cuda } : {}) };
}

/** rocm-smi names the card; sysfs adds GTT, which rocm-smi's vram query leaves out. */
function mergeAmd(rocm: readonly AmdGpu[], sysfs: readonly AmdGpu[]): readonly AmdGpu[] {
  return rocm.map((r) => {
    const s = sysfs.find((x) => x.card === r.card);
    return s ? { ...s, ...r, ...(s.gttTotalBytes !== undefined ? { gttTotalBytes: s.gttTotalBytes } : {}), ...(s.gttUsedBytes !== undefined ? { gttUsedBytes: s.gttUsedBytes } : {}) } : r;
  });
}

function amdFinding(g: AmdGpu, pci: readonly PciDisplay[], hints: BackendHints, ramBytes: number): GpuFinding {
  const fromPci = pci.find((p) => p.vendorId === "1002" && p.deviceId === g.deviceId);
  const name = g.name ?? (fromPci ? `AMD ${marketingName(fromPci.device)}` : `AMD GPU ${g.deviceId ?? g.card}`);
  const backend = backendForVendor("amd", hints);
  if (g.integrated) {
    // An APU's GPU may use its carve-out plus GTT (system RAM mapped for the GPU).
    const gtt = g.gttTotalBytes ?? 0;
    const total = g.vramTotalBytes + gtt;
    const used = (g.vramUsedBytes ?? 0) + (g.gttUsedBytes ?? 0);
    const note = `APU: ${(g.vramTotalBytes / GiB).toFixed(1)} GiB carve-out + ${(gtt / GiB).toFixed(1)} GiB GTT (shared RAM of ${(ramBytes / GiB).toFixed(0)} GiB)`;
    return { vendor: "amd", name, backend, unified: true, vramTotalBytes: detected(total, note), vramFreeBytes: detected(Math.max(total - used, 0), note) };
  }
  return {
    vendor: "amd",
    name,
    backend,
    unified: false,
    vramTotalBytes: detected(g.vramTotalBytes, "amdgpu mem_info_vram_total"),
    vramFreeBytes: detected(Math.max(g.vramTotalBytes - (g.vramUsedBytes ?? 0), 0), "vram total − used"),
  };
}

/**
 * Intel GPUs have no memory query without oneAPI. Arc cards take their VRAM from the spec table;
 * integrated ones share RAM: Mesa's ANV driver offers 3/4 of RAM as device-local heap on Linux,
 * Windows gives an iGPU half of RAM as "shared GPU memory".
 */
function intelFinding(d: PciDisplay, hints: BackendHints, ramBytes: number, os: "linux" | "win32"): GpuFinding {
  const label = marketingName(d.device);
  const name = /^intel/i.test(label) ? label : `Intel ${label}`;
  const backend = backendForVendor("intel", hints);
  const spec = matchGpu(name);
  if (spec && spec.spec.kind !== "igpu") {
    const bytes = (spec.memoryGB ?? spec.spec.memoryGB[0] ?? 0) * GiB;
    return { vendor: "intel", name, backend, unified: false, vramTotalBytes: estimated(bytes, `${spec.spec.name} spec`), vramFreeBytes: estimated(bytes, "no free-memory query for Intel GPUs") };
  }
  const share = os === "linux" ? 3 / 4 : 1 / 2;
  const bytes = Math.floor(ramBytes * share);
  const note = os === "linux" ? "integrated: 3/4 of RAM (Mesa ANV heap)" : "integrated: 1/2 of RAM (Windows shared GPU memory)";
  return { vendor: "intel", name, backend, unified: true, vramTotalBytes: estimated(bytes, note), vramFreeBytes: estimated(bytes, note) };
}

async function darwinGpus(ctx: ProbeContext, input: GpuInputs): Promise<GpuResult> {
  const notes: string[] = [];
  // system_profiler is slow to start (~0.3–1 s); it gets a longer leash than the smi tools.
  const res = await run(ctx, "system_profiler", SYSTEM_PROFILER_ARGS, ctx.timeoutMs * 2);
  let displays: ReturnType<typeof parseSystemProfilerDisplays> = [];
  if (res.ok) {
    try {
      displays = parseSystemProfilerDisplays(JSON.parse(res.stdout) as unknown);
    } catch {
      notes.push("system_profiler: output is not JSON");
    }
  } else notes.push(res.reason);
  const brand = input.sysctl?.brand;
  if (displays.length === 0 && brand && /Apple/i.test(brand)) displays = [{ name: brand }];
  const findings: GpuFinding[] = [];
  for (const d of displays) {
    const vendor = /apple/i.test(d.name) ? "apple" : vendorOfName(d.name);
    if (vendor === "apple") {
      const ws = metalWorkingSet(input.totalRamBytes, input.sysctl?.wiredLimitMb);
      findings.push({
        vendor,
        name: d.name,
        backend: "metal",
        unified: true,
        vramTotalBytes: detected(input.totalRamBytes, "unified memory (hw.memsize)"),
        vramFreeBytes: input.sysctl?.wiredLimitMb ? detected(ws.bytes, ws.note) : estimated(ws.bytes, ws.note),
        ...(d.cores !== undefined ? { cores: detected(d.cores, "system_profiler sppci_cores") } : {}),
      });
    } else {
      // Intel Macs: llama.cpp's Metal backend also drives their AMD/Intel GPUs.
      const spec = matchGpu(d.name);
      const bytes = (spec?.memoryGB ?? spec?.spec.memoryGB[0] ?? 0) * GiB;
      findings.push({ vendor, name: d.name, backend: "metal", unified: false, vramTotalBytes: estimated(bytes, "spec table"), vramFreeBytes: estimated(bytes, "spec table") });
    }
  }
  return { gpus: findings.map((f, i) => buildGpu(i, f)), notes };
}

async function windowsGpus(ctx: ProbeContext, input: GpuInputs): Promise<GpuResult> {
  const notes: string[] = [];
  // PowerShell takes ~0.5 s to start; give it twice the smi timeout.
  const [nv, wmi, regMem, regDesc] = await Promise.all([
    nvidiaSmi(ctx, notes),
    run(ctx, "powershell.exe", VIDEO_CONTROLLER_ARGS, ctx.timeoutMs * 2),
    run(ctx, "reg", REG_MEMORY_ARGS),
    run(ctx, "reg", REG_DESC_ARGS),
  ]);
  const findings: GpuFinding[] = [...nv.findings];
  let controllers: ReturnType<typeof parseVideoControllerJson> = [];
  if (wmi.ok) {
    try {
      controllers = parseVideoControllerJson(JSON.parse(wmi.stdout) as unknown);
    } catch {
      notes.push("Win32_VideoController: output is not JSON");
    }
  } else notes.push(wmi.reason);
  const regSizes = registryVram(`${regMem.stdout}\n${regDesc.stdout}`);
  findings.push(...windowsFindings(controllers, regSizes, nv.findings.length > 0, input.totalRamBytes));
  return { gpus: findings.map((f, i) => buildGpu(i, f)), notes, ...(nv.cuda ? { cudaVersion: nv.cuda } : {}) };
}

/** Exported for tests: the WMI + registry join, with the 4 GiB cap handled. */
export function windowsFindings(
  controllers: ReturnType<typeof parseVideoControllerJson>,
  regSizes: ReadonlyMap<string, number>,
  haveNvidiaSmi: boolean,
  ramBytes: number,
): readonly GpuFinding[] {
  const out: GpuFinding[] = [];
  for (const c of controllers) {
    const vendor = vendorOfName(c.name);
    if (vendor === "nvidia" && haveNvidiaSmi) continue; // nvidia-smi already reported it, exactly
    if (/basic display|remote display|virtual/i.test(c.name)) continue;
    const reg = regSizes.get(c.name);
    const spec = matchGpu(c.name);
    const integrated = spec?.spec.kind === "igpu" || (vendor === "intel" && !/arc a|arc b/i.test(c.name));
    const backend = vendor === "nvidia" ? "cuda" : "vulkan";
    if (integrated) {
      const bytes = Math.floor(ramBytes / 2);
      const note = "integrated: 1/2 of RAM (Windows shared GPU memory)";
      out.push({ vendor, name: c.name, backend, unified: true, vramTotalBytes: estimated(bytes, note), vramFreeBytes: estimated(bytes, note), ...(c.driver ? { driver: c.driver } : {}) });
      continue;
    }
    let total: GpuFinding["vramTotalBytes"];
    if (reg !== undefined) total = detected(reg, "registry HardwareInformation.qwMemorySize");
    else if (c.adapterRamBytes !== undefined && isCappedAdapterRam(c.adapterRamBytes) && spec) {
      total = estimated((spec.memoryGB ?? spec.spec.memoryGB[0] ?? 4) * GiB, "WMI AdapterRAM is capped at 4 GiB; size from spec table");
    } else if (c.adapterRamBytes !== undefined) {
      total = detected(c.adapterRamBytes, isCappedAdapterRam(c.adapterRamBytes) ? "WMI AdapterRAM (capped at 4 GiB; may be more)" : "WMI AdapterRAM");
    } else continue;
    out.push({ vendor, name: c.name, backend, unified: false, vramTotalBytes: total, vramFreeBytes: estimated(total.value, "no free-memory query; total"), ...(c.driver ? { driver: c.driver } : {}) });
  }
  return out;
}
