// Linux: nvidia-smi, rocm-smi, amdgpu sysfs and lspci, all at once.
import { backendForVendor, type BackendHints } from "../backend.js";
import type { ProbeContext } from "../context.js";
import { buildGpu, type GpuFinding } from "../gpu-build.js";
import { matchGpu } from "../match.js";
import { parseRocmSmiJson, readAmdSysfs, ROCM_SMI_ARGS, type AmdGpu } from "../probes/amd.js";
import { LSPCI_ARGS, marketingName, parseLspci, type PciDisplay } from "../probes/lspci.js";
import { detected, estimated } from "../sourced.js";
import { GiB } from "../units.js";
import { nvidiaSmi } from "./nvidia.js";
import { run } from "./run.js";
import type { GpuInputs, GpuResult } from "./types.js";

export async function linuxGpus(ctx: ProbeContext, input: GpuInputs): Promise<GpuResult> {
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
  // A card on the bus that its vendor's tools cannot see is the classic "wrong VRAM" report:
  // say which card and what is missing instead of silently falling back to the CPU.
  const unseen = (vendorId: string, seen: number): readonly PciDisplay[] => (seen === 0 ? pci.filter((p) => p.vendorId === vendorId) : []);
  for (const d of unseen("10de", nv.findings.length)) {
    notes.push(`NVIDIA ${marketingName(d.device)} is on the PCI bus but nvidia-smi reports no GPU — install or load the NVIDIA driver to use CUDA`);
  }
  for (const d of unseen("1002", amd.length)) {
    notes.push(`AMD ${marketingName(d.device)} is on the PCI bus but the amdgpu driver exposes no memory figures — is amdgpu loaded?`);
  }
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
export function intelFinding(d: PciDisplay, hints: BackendHints, ramBytes: number, os: "linux" | "win32"): GpuFinding {
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
