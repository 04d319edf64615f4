// Windows: nvidia-smi when present, else WMI joined with the display driver's registry key.
import type { ProbeContext } from "../context.js";
import { buildGpu, vendorOfName, type GpuFinding } from "../gpu-build.js";
import { matchGpu } from "../match.js";
import {
  isCappedAdapterRam,
  parseVideoControllerJson,
  REG_DESC_ARGS,
  REG_MEMORY_ARGS,
  registryVram,
  VIDEO_CONTROLLER_ARGS,
} from "../probes/windows.js";
import { detected, estimated } from "../sourced.js";
import { GiB } from "../units.js";
import { nvidiaSmi } from "./nvidia.js";
import { run } from "./run.js";
import type { GpuInputs, GpuResult } from "./types.js";

export async function windowsGpus(ctx: ProbeContext, input: GpuInputs): Promise<GpuResult> {
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
    // "AMD Radeon(TM) Graphics" names every Ryzen APU; a sub-2 GiB carve-out is the other tell.
    const integrated =
      spec?.spec.kind === "igpu" ||
      (vendor === "intel" && !/arc.*\b[ab]\d{3}\b/i.test(c.name)) ||
      (vendor === "amd" && !spec && c.adapterRamBytes !== undefined && c.adapterRamBytes < 2 * GiB);
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
