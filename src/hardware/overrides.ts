// What a person says about their machine beats what we detect: `--gpu NAME`, `--vram GB`,
// `--ram GB`, `--unified`, or the same keys in setup(). Validated here, applied last.
import * as z from "zod";
import { lazySchema } from "../lazy-schema.js";
import { LlmFitError } from "../errors.js";
import { expandGpuNames, simulatedCpu, simulatedGpus, simulateHardware } from "./simulate.js";
import { requireGpu } from "./match.js";
import { overridden } from "./sourced.js";
import { pickBackend } from "./backend.js";
import type { Gpu, Hardware } from "./types.js";
import { gbToBytes } from "./units.js";

export const HardwareOverridesSchema = lazySchema(() => z
  .object({
    /** One GPU name, or several for a multi-GPU box (repeat --gpu). */
    gpu: z.union([z.string().trim().min(1), z.array(z.string().trim().min(1)).min(1)]).optional(),
    /** A CPU from the CPU spec table: its cores, SIMD and memory bandwidth replace this one's. */
    cpu: z.string().trim().min(1).optional(),
    vramGb: z.number().positive().max(4096).optional(),
    ramGb: z.number().positive().max(65536).optional(),
    unified: z.boolean().optional(),
  })
  .strict());

export type HardwareOverrides = z.infer<typeof HardwareOverridesSchema>;

/** Parses overrides from config or flags; a bad value is one LlmFitError line naming the key. */
export function parseOverrides(raw: unknown): HardwareOverrides {
  const r = HardwareOverridesSchema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const key = issue?.path.join(".") || "overrides";
  throw new LlmFitError("bad_args", `hardware override ${key}: ${issue?.message ?? "invalid"}`, "use --gpu NAME, --vram GB, --ram GB, --cpu NAME or --unified");
}

export function hasOverrides(o: HardwareOverrides | undefined): o is HardwareOverrides {
  return o !== undefined && Object.values(o).some((v) => v !== undefined);
}

/** The GPU names an override gives, as a list. */
function gpuNames(o: HardwareOverrides): readonly string[] {
  return expandGpuNames(o.gpu === undefined ? [] : typeof o.gpu === "string" ? [o.gpu] : o.gpu);
}

export function applyOverrides(hw: Hardware, o: HardwareOverrides): Hardware {
  const names = gpuNames(o);
  // A named SoC or laptop iGPU is a whole machine: its unified/shared memory is the RAM, and its
  // CPU is not this one. Keeping this host's RAM would tell an 8 GB Mac it has 23 GiB.
  if (names.some((n) => requireGpu(n).spec.unified)) {
    const sim = simulateHardware(names, { ...(o.ramGb !== undefined ? { ramGb: o.ramGb } : {}), ...(o.cpu !== undefined ? { cpu: o.cpu } : {}) });
    const gpus = o.vramGb === undefined ? sim.gpus : sim.gpus.map((g) => ({ ...g, vramTotalBytes: overridden(gbToBytes(o.vramGb!), `--vram ${o.vramGb}`), vramFreeBytes: overridden(gbToBytes(o.vramGb!), `--vram ${o.vramGb}`) }));
    return { ...sim, gpus, backend: pickBackend(gpus), detectedAt: hw.detectedAt, notes: [...sim.notes, `overrides: ${describe(o)}`] };
  }
  let memory = hw.memory;
  let cpu = hw.cpu;
  if (o.cpu !== undefined) {
    const sim = simulatedCpu(o.cpu);
    cpu = sim.cpu;
    memory = { ...memory, ...(sim.bandwidthGBs ? { bandwidthGBs: sim.bandwidthGBs } : {}), ...(sim.kind ? { kind: sim.kind } : {}) };
  }
  if (o.ramGb !== undefined) {
    const b = gbToBytes(o.ramGb);
    memory = { ...memory, totalBytes: overridden(b, `--ram ${o.ramGb}`), availableBytes: overridden(b, `--ram ${o.ramGb}`) };
  }
  let gpus: readonly Gpu[] = hw.gpus;
  if (names.length > 0) {
    gpus = names
      .flatMap((n) => simulatedGpus(n, { ramBytes: memory.totalBytes.value, ...(o.vramGb !== undefined ? { vramGb: o.vramGb } : {}), ...(o.unified !== undefined ? { unified: o.unified } : {}) }))
      .map((g, i) => ({ ...g, index: i }));
  } else if (o.vramGb !== undefined) {
    if (gpus.length === 0) throw new LlmFitError("bad_args", "--vram needs a GPU, and none was detected", "name one with --gpu NAME");
    const b = gbToBytes(o.vramGb);
    gpus = gpus.map((g) => ({ ...g, vramTotalBytes: overridden(b, `--vram ${o.vramGb}`), vramFreeBytes: overridden(b, `--vram ${o.vramGb}`) }));
  }
  if (o.unified === true && names.length === 0) {
    gpus = gpus.map((g) => {
      if (o.vramGb !== undefined) return { ...g, unified: true };
      const total = memory.totalBytes.value;
      return { ...g, unified: true, vramTotalBytes: overridden(total, "--unified: GPU shares all RAM"), vramFreeBytes: overridden(memory.availableBytes.value, "--unified: available RAM") };
    });
  }
  return { ...hw, cpu, memory, gpus, backend: pickBackend(gpus), notes: [...hw.notes, `overrides: ${describe(o)}`] };
}

function describe(o: HardwareOverrides): string {
  const parts: string[] = [];
  for (const n of gpuNames(o)) parts.push(`--gpu "${n}"`);
  if (o.cpu !== undefined) parts.push(`--cpu "${o.cpu}"`);
  if (o.vramGb !== undefined) parts.push(`--vram ${o.vramGb}`);
  if (o.ramGb !== undefined) parts.push(`--ram ${o.ramGb}`);
  if (o.unified) parts.push("--unified");
  return parts.join(" ");
}

