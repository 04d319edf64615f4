// `llmfit detect`: the hardware profile alone, as text or as JSON (schema: src/hardware/schema.ts).
import { describeHardware } from "../hardware/describe.js";
import type { CliCommand } from "./command.js";
import { parseFlags } from "./flags.js";
import { HARDWARE_FLAGS, HARDWARE_USAGE, hardwareFromFlags } from "./hardware-flags.js";

export { gbFlag } from "./hardware-flags.js";

export const detectCommand: CliCommand = {
  name: "detect",
  summary: "this machine's CPU, memory and GPUs, each figure with its source (or the machine the flags describe)",
  usage: `llmfit detect [--json] ${HARDWARE_USAGE}`,
  async run(argv, io) {
    const { values } = parseFlags("detect", argv, { json: { type: "boolean" }, ...HARDWARE_FLAGS });
    const hw = await hardwareFromFlags("detect", values, io.env);
    io.stdout(values.json ? `${JSON.stringify(hw, undefined, 2)}\n` : `${describeHardware(hw).join("\n")}\n`);
    return 0;
  },
};
