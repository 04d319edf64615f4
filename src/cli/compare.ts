// `llmfit compare [--gpu NAME …]`: machines side by side — each machine's spec figures, then the
// advice for it (the same advice the report gives that machine). Without --gpu: this machine
// beside the reference set the report's compare screen shows.
import { createAdvisor, DEFAULT_VIEW } from "../advice/advise.js";
import { modelRowJson } from "../advice/json.js";
import { planningHardware } from "../advice/policy.js";
import { adviseMachine, COMPARE_WITH, compareMachines, type ComparedMachine } from "../advice/machines.js";
import { gpuSpecById } from "../hardware/match.js";
import { compareRows, fitRows, formatTable } from "../report/compare.js";
import type { CliCommand } from "./command.js";
import { parseFlags } from "./flags.js";
import { ADVICE_FLAGS, ADVICE_USAGE, gbFlag, hardwareFromFlags, policyFromFlags } from "./hardware-flags.js";

export { formatTable } from "../report/compare.js";

export const compareCommand: CliCommand = {
  name: "compare",
  summary: "machines side by side: memory, bandwidth, TFLOPS, tier, and the models each runs best",
  usage: `llmfit compare [--gpu NAME]… [--ram GB] [--cpu NAME] ${ADVICE_USAGE} [--json]   e.g. --gpu T4 --gpu "RTX 3070" --gpu "Apple M1 8GB"\n` +
    `       without --gpu: this machine beside ${COMPARE_WITH.join(", ")}`,
  async run(argv, io) {
    const { values } = parseFlags("compare", argv, {
      gpu: { type: "string", multiple: true },
      ram: { type: "string" },
      cpu: { type: "string" },
      json: { type: "boolean" },
      ...ADVICE_FLAGS,
    });
    const ramGb = values.ram !== undefined ? gbFlag("compare", "--ram", values.ram) : undefined;
    const policy = policyFromFlags("compare", values);
    const sim = { ...(ramGb !== undefined ? { ramGb } : {}), ...(values.cpu !== undefined ? { cpu: values.cpu } : {}) };
    const names = values.gpu ?? [];
    const machines: readonly ComparedMachine[] =
      names.length > 0
        ? compareMachines(names, sim)
        : [{ label: "this machine", hardware: await hardwareFromFlags("compare", { ...(values.cpu !== undefined ? { cpu: values.cpu } : {}), ...(values.ram !== undefined ? { ram: values.ram } : {}) }, io.env) }, ...compareMachines(COMPARE_WITH, sim)];
    const advisor = createAdvisor();
    const fits = machines.map((m) => adviseMachine(m.hardware, advisor, DEFAULT_VIEW, policy));
    // The spec rows show the machines as judged: RAM less the reserve, not momentary free RAM.
    const rows = [...compareRows(machines.map((m) => ({ ...m, hardware: planningHardware(m.hardware, policy) }))), ...fitRows(fits, DEFAULT_VIEW.ctx)];
    if (values.json) {
      const json = {
        view: DEFAULT_VIEW,
        policy: { min_tps: policy.minTps, reserve_bytes: policy.reserveBytes },
        machines: machines.map((m, i) => ({
          label: m.label,
          tier: m.hardware.gpus[0]?.specId ? gpuSpecById(m.hardware.gpus[0].specId)?.tier : undefined,
          hardware: m.hardware,
          on_gpu: fits[i]?.onGpu,
          runs: fits[i]?.runs,
          considered: fits[i]?.considered,
          best: fits[i]?.best ? modelRowJson(fits[i].best) : undefined,
        })),
        // The table exactly as the text output prints it: a label, then one cell per machine.
        rows,
      };
      io.stdout(`${JSON.stringify(json, undefined, 2)}\n`);
    } else io.stdout(`${formatTable(rows)}\n`);
    return 0;
  },
};
