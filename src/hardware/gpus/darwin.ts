// macOS: system_profiler names the GPU and its cores; sysctl gave RAM and the wired limit.
import type { ProbeContext } from "../context.js";
import { buildGpu, vendorOfName, type GpuFinding } from "../gpu-build.js";
import { matchGpu } from "../match.js";
import { metalWorkingSet, parseSystemProfilerDisplays, SYSTEM_PROFILER_ARGS } from "../probes/apple.js";
import { detected, estimated } from "../sourced.js";
import { GiB } from "../units.js";
import { run } from "./run.js";
import type { GpuInputs, GpuResult } from "./types.js";

export async function darwinGpus(ctx: ProbeContext, input: GpuInputs): Promise<GpuResult> {
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
