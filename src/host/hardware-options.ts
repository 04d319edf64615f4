// setup()'s hardware overrides, checked when they arrive rather than when the report detects
// the machine: a GPU name that is not in the spec table would otherwise make every :LlmFit fail.
// A bad name is reported once, as one line naming the option, and the detected hardware is used.
import type { Config } from "../config.js";
import { LlmFitError } from "../errors.js";
import { requireGpu } from "../hardware/match.js";

export function usableHardwareOptions(config: Config): { config: Config; problems: string[] } {
  const gpu = config.hardware.gpu;
  if (gpu === undefined) return { config, problems: [] };
  try {
    requireGpu(gpu);
    return { config, problems: [] };
  } catch (err) {
    if (!(err instanceof LlmFitError)) throw err;
    const { gpu: _dropped, ...rest } = config.hardware;
    const hint = err.hint ? ` (${err.hint})` : "";
    return {
      config: { ...config, hardware: rest },
      problems: [`hardware.gpu: ${err.message}${hint} — using the detected hardware`],
    };
  }
}
