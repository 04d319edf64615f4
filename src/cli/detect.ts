// `llmfit detect`: the hardware profile alone, as text or as JSON (schema: src/hardware/schema.ts).
import { LlmFitError } from "../errors.js";
import { detectHardware } from "../hardware/detect.js";
import { describeHardware } from "../hardware/describe.js";
import type { HardwareOverrides } from "../hardware/overrides.js";
import type { CliCommand } from "./command.js";
import { parseFlags } from "./flags.js";

export const detectCommand: CliCommand = {
  name: "detect",
  summary: "this machine's CPU, memory and GPUs, each figure with its source",
  usage: "llmfit detect [--json] [--refresh] [--gpu NAME] [--vram GB] [--ram GB] [--unified]",
  async run(argv, io) {
    const { values } = parseFlags("detect", argv, {
      json: { type: "boolean" },
      refresh: { type: "boolean" },
      gpu: { type: "string" },
      vram: { type: "string" },
      ram: { type: "string" },
      unified: { type: "boolean" },
    });
    const overrides: HardwareOverrides = {
      ...(values.gpu !== undefined ? { gpu: values.gpu } : {}),
      ...(values.vram !== undefined ? { vramGb: gbFlag("detect", "--vram", values.vram) } : {}),
      ...(values.ram !== undefined ? { ramGb: gbFlag("detect", "--ram", values.ram) } : {}),
      ...(values.unified ? { unified: true } : {}),
    };
    const hw = await detectHardware({ refresh: values.refresh === true, overrides, env: io.env });
    io.stdout(values.json ? `${JSON.stringify(hw, undefined, 2)}\n` : `${describeHardware(hw).join("\n")}\n`);
    return 0;
  },
};

/** A size flag in GB: a positive number, or one line saying what was wrong. */
export function gbFlag(command: string, flag: string, text: string): number {
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n) || n <= 0) {
    throw new LlmFitError("bad_args", `${command}: ${flag} expects a size in GB, got "${text}"`, `e.g. ${flag} 16`);
  }
  return n;
}
