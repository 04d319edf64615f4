// NVIDIA through nvidia-smi (Linux and Windows): exact VRAM, free memory, power limit, PCIe.
import type { ProbeContext } from "../context.js";
import type { GpuFinding } from "../gpu-build.js";
import { NVIDIA_SMI_ARGS, parseCudaVersion, parseNvidiaSmiCsv, type NvidiaGpu } from "../probes/nvidia-smi.js";
import { detected } from "../sourced.js";
import { run } from "./run.js";

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

export async function nvidiaSmi(ctx: ProbeContext, notes: string[]): Promise<{ findings: readonly GpuFinding[]; cuda?: string }> {
  const [query, banner] = await Promise.all([run(ctx, "nvidia-smi", NVIDIA_SMI_ARGS), run(ctx, "nvidia-smi", [])]);
  if (!query.ok) {
    // A missing tool is the normal state of most machines; say so only once, briefly.
    notes.push(/not found/.test(query.reason) ? "nvidia-smi: not found (no NVIDIA driver)" : query.reason);
    return { findings: [] };
  }
  const cuda = parseCudaVersion(banner.stdout);
  return { findings: nvidiaFindings(query.stdout, notes), ...(cuda ? { cuda } : {}) };
}
