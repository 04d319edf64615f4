// setup()'s hardware overrides, checked when they arrive rather than when the report detects
// the machine: a GPU or CPU name that is not in a spec table would otherwise make every :LlmFit
// fail. A bad name is reported once, as one line naming the option, and that option is dropped
// (the detected part is used). Names are checked as detection reads them: the GPU option takes
// "2x NAME" for a multi-GPU box (expandGpuNames), the same as --gpu.
import type { Config } from "../config.js";
import { LlmFitError } from "../errors.js";
import { requireCpu } from "../hardware/cpu-specs.js";
import { requireGpu } from "../hardware/match.js";
import { expandGpuNames } from "../hardware/simulate.js";

const CHECKS = {
  gpu: (name: string) => void expandGpuNames([name]).forEach((n) => requireGpu(n)),
  cpu: (name: string) => void requireCpu(name),
} as const;

export function usableHardwareOptions(config: Config): { config: Config; problems: string[] } {
  let hardware = config.hardware;
  const problems: string[] = [];
  for (const key of Object.keys(CHECKS) as (keyof typeof CHECKS)[]) {
    const name = hardware[key];
    if (name === undefined) continue;
    try {
      CHECKS[key](name);
    } catch (err) {
      if (!(err instanceof LlmFitError)) throw err;
      const { [key]: _dropped, ...rest } = hardware;
      hardware = rest;
      const hint = err.hint ? ` (${err.hint})` : "";
      problems.push(`hardware.${key}: ${err.message}${hint} — using the detected hardware`);
    }
  }
  return { config: hardware === config.hardware ? config : { ...config, hardware }, problems };
}
