// What a person says about their machine beats what we detect: `--gpu NAME`, `--vram GB`,
// `--ram GB`, `--unified`, or the same keys in setup(). Validated here, applied last.
import { z } from "zod";
import { LlmFitError } from "../errors.js";
import { simulatedGpus } from "./simulate.js";
import { overridden } from "./sourced.js";
import { pickBackend } from "./backend.js";
import type { Gpu, Hardware } from "./types.js";
import { gbToBytes } from "./units.js";

export const HardwareOverridesSchema = z
  .object({
    gpu: z.string().trim().min(1).optional(),
    vramGb: z.number().positive().max(4096).optional(),
    ramGb: z.number().positive().max(65536).optional(),
    unified: z.boolean().optional(),
  })
  .strict();

export type HardwareOverrides = z.infer<typeof HardwareOverridesSchema>;

/** Parses overrides from config or flags; a bad value is one LlmFitError line naming the key. */
export function parseOverrides(raw: unknown): HardwareOverrides {
  const r = HardwareOverridesSchema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const key = issue?.path.join(".") || "overrides";
  throw new LlmFitError("bad_args", `hardware override ${key}: ${issue?.message ?? "invalid"}`, "use --gpu NAME, --vram GB, --ram GB or --unified");
}

export function hasOverrides(o: HardwareOverrides | undefined): o is HardwareOverrides {
  return o !== undefined && Object.values(o).some((v) => v !== undefined);
}

export function applyOverrides(hw: Hardware, o: HardwareOverrides): Hardware {
  let memory = hw.memory;
  if (o.ramGb !== undefined) {
    const b = gbToBytes(o.ramGb);
    memory = { ...memory, totalBytes: overridden(b, `--ram ${o.ramGb}`), availableBytes: overridden(b, `--ram ${o.ramGb}`) };
  }
  let gpus: readonly Gpu[] = hw.gpus;
  if (o.gpu !== undefined) gpus = simulatedGpus(o.gpu, { ramBytes: memory.totalBytes.value, ...(o.vramGb !== undefined ? { vramGb: o.vramGb } : {}), ...(o.unified !== undefined ? { unified: o.unified } : {}) });
  else if (o.vramGb !== undefined) {
    if (gpus.length === 0) throw new LlmFitError("bad_args", "--vram needs a GPU, and none was detected", "name one with --gpu NAME");
    const b = gbToBytes(o.vramGb);
    gpus = gpus.map((g) => ({ ...g, vramTotalBytes: overridden(b, `--vram ${o.vramGb}`), vramFreeBytes: overridden(b, `--vram ${o.vramGb}`) }));
  }
  if (o.unified === true && o.gpu === undefined) {
    gpus = gpus.map((g) => {
      if (o.vramGb !== undefined) return { ...g, unified: true };
      const total = memory.totalBytes.value;
      return { ...g, unified: true, vramTotalBytes: overridden(total, "--unified: GPU shares all RAM"), vramFreeBytes: overridden(memory.availableBytes.value, "--unified: available RAM") };
    });
  }
  return { ...hw, memory, gpus, backend: pickBackend(gpus), notes: [...hw.notes, `overrides: ${describe(o)}`] };
}

function describe(o: HardwareOverrides): string {
  const parts: string[] = [];
  if (o.gpu !== undefined) parts.push(`--gpu "${o.gpu}"`);
  if (o.vramGb !== undefined) parts.push(`--vram ${o.vramGb}`);
  if (o.ramGb !== undefined) parts.push(`--ram ${o.ramGb}`);
  if (o.unified) parts.push("--unified");
  return parts.join(" ");
}

