// The hardware and advice flags every command that judges models takes, parsed in one place:
// `--gpu NAME` (repeat for several GPUs), `--vram GB`, `--ram GB`, `--cpu NAME`, `--unified`,
// `--refresh`, and the advice policy `--min-tps N`, `--reserve GB`.
import { LlmFitError } from "../errors.js";
import { DEFAULT_POLICY, type AdvicePolicy } from "../advice/policy.js";
import { detectHardware } from "../hardware/detect.js";
import type { HardwareOverrides } from "../hardware/overrides.js";
import type { Hardware } from "../hardware/types.js";

export const HARDWARE_FLAGS = {
  gpu: { type: "string", multiple: true },
  vram: { type: "string" },
  ram: { type: "string" },
  cpu: { type: "string" },
  unified: { type: "boolean" },
  refresh: { type: "boolean" },
} as const;

export const ADVICE_FLAGS = {
  "min-tps": { type: "string" },
  reserve: { type: "string" },
} as const;

export const HARDWARE_USAGE = "[--gpu NAME]… [--vram GB] [--ram GB] [--cpu NAME] [--unified] [--refresh]";
export const ADVICE_USAGE = "[--min-tps N] [--reserve GB]";

export interface HardwareFlagValues {
  readonly gpu?: readonly string[] | string | undefined;
  readonly vram?: string | undefined;
  readonly ram?: string | undefined;
  readonly cpu?: string | undefined;
  readonly unified?: boolean | undefined;
  readonly refresh?: boolean | undefined;
}

/** A size or rate flag: a positive number, or one line naming the flag and an example. */
export function positiveFlag(command: string, flag: string, text: string, unit: string, example: string, allowZero = false): number {
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n) || n < 0 || (!allowZero && n === 0)) {
    throw new LlmFitError("bad_args", `${command}: ${flag} expects ${unit}, got "${text}"`, `e.g. ${flag} ${example}`);
  }
  return n;
}

export function gbFlag(command: string, flag: string, text: string): number {
  return positiveFlag(command, flag, text, "a size in GB", "16");
}

export function overridesFromFlags(command: string, v: HardwareFlagValues): HardwareOverrides {
  const gpus = v.gpu === undefined ? [] : typeof v.gpu === "string" ? [v.gpu] : v.gpu;
  return {
    ...(gpus.length === 1 ? { gpu: gpus[0] } : gpus.length > 1 ? { gpu: [...gpus] } : {}),
    ...(v.vram !== undefined ? { vramGb: gbFlag(command, "--vram", v.vram) } : {}),
    ...(v.ram !== undefined ? { ramGb: gbFlag(command, "--ram", v.ram) } : {}),
    ...(v.cpu !== undefined ? { cpu: v.cpu } : {}),
    ...(v.unified ? { unified: true } : {}),
  };
}

/** This machine as detected, with the flags applied the way every command applies them. */
export function hardwareFromFlags(command: string, v: HardwareFlagValues, env?: NodeJS.ProcessEnv): Promise<Hardware> {
  return detectHardware({ refresh: v.refresh === true, overrides: overridesFromFlags(command, v), ...(env ? { env } : {}) });
}

export function policyFromFlags(command: string, v: { readonly "min-tps"?: string | undefined; readonly reserve?: string | undefined }, base: AdvicePolicy = DEFAULT_POLICY): AdvicePolicy {
  return {
    minTps: v["min-tps"] !== undefined ? positiveFlag(command, "--min-tps", v["min-tps"], "tokens per second", "5", true) : base.minTps,
    reserveBytes: v.reserve !== undefined ? positiveFlag(command, "--reserve", v.reserve, "a size in GB", "2", true) * 1024 ** 3 : base.reserveBytes,
  };
}
