// `llmfit compare --gpu T4 --gpu "RTX 3070" --gpu "Apple M1 8GB"`: machines side by side, each
// built from the spec table (later issues add model fit and speed to the same columns).
import { LlmFitError } from "../errors.js";
import { gib } from "../hardware/describe.js";
import { gpuSpecById } from "../hardware/match.js";
import { simulateHardware } from "../hardware/simulate.js";
import type { Hardware } from "../hardware/types.js";
import type { CliCommand } from "./command.js";
import { gbFlag } from "./detect.js";
import { parseFlags } from "./flags.js";
import { fitRows, machineFit } from "../report/compare-fit.js";
import { createSizer } from "../sizing/search.js";

export interface ComparedMachine {
  readonly label: string;
  readonly hardware: Hardware;
}

export function compareMachines(names: readonly string[], ramGb?: number): readonly ComparedMachine[] {
  return names.map((n) => ({ label: n, hardware: simulateHardware(n, ramGb !== undefined ? { ramGb } : {}) }));
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const round = (n: number, d = 1): string => String(Math.round(n * 10 ** d) / 10 ** d);

/** Rows of the side-by-side table: a label, then one cell per machine. */
export function compareRows(machines: readonly ComparedMachine[]): readonly (readonly string[])[] {
  const cell = (f: (hw: Hardware) => string): string[] => machines.map((m) => f(m.hardware));
  const gpus = (hw: Hardware) => hw.gpus;
  const spec = (hw: Hardware) => (hw.gpus[0]?.specId ? gpuSpecById(hw.gpus[0].specId) : undefined);
  return [
    ["", ...machines.map((m) => m.label)],
    ["GPU", ...cell((hw) => `${hw.gpus.length > 1 ? `${hw.gpus.length}× ` : ""}${hw.gpus[0]?.name ?? "—"}`)],
    ["Memory", ...cell((hw) => `${gib(sum(gpus(hw).map((g) => g.vramTotalBytes.value)))}${hw.gpus[0]?.unified ? " unified" : ""}`)],
    ["Usable for models", ...cell((hw) => gib(sum(gpus(hw).map((g) => g.vramFreeBytes.value))))],
    ["Bandwidth GB/s", ...cell((hw) => round(sum(gpus(hw).map((g) => g.bandwidthGBs?.value ?? 0)), 0))],
    ["FP16 TFLOPS", ...cell((hw) => (gpus(hw).every((g) => g.fp16Tflops) ? round(sum(gpus(hw).map((g) => g.fp16Tflops?.value ?? 0)), 2) : "—"))],
    ["FP32 TFLOPS", ...cell((hw) => round(sum(gpus(hw).map((g) => g.fp32Tflops?.value ?? 0)), 2))],
    ["Cores", ...cell((hw) => (gpus(hw).every((g) => g.cores) ? String(sum(gpus(hw).map((g) => g.cores?.value ?? 0))) : "—"))],
    ["Power W", ...cell((hw) => round(sum(gpus(hw).map((g) => g.powerWatts?.value ?? 0)), 0))],
    ["Tier", ...cell((hw) => spec(hw)?.tier ?? "—")],
    ["Backend", ...cell((hw) => hw.backend)],
  ];
}

export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ").trimEnd()).join("\n");
}

export const compareCommand: CliCommand = {
  name: "compare",
  summary: "named GPUs or Apple chips side by side (memory, bandwidth, TFLOPS, power, tier)",
  usage: 'llmfit compare --gpu NAME --gpu NAME … [--ram GB] [--json]   e.g. --gpu T4 --gpu "RTX 3070" --gpu "Apple M1 8GB"',
  async run(argv, io) {
    const { values } = parseFlags("compare", argv, {
      gpu: { type: "string", multiple: true },
      ram: { type: "string" },
      json: { type: "boolean" },
    });
    const names = values.gpu ?? [];
    if (names.length === 0) throw new LlmFitError("bad_args", "compare: name at least one machine", 'e.g. llmfit compare --gpu T4 --gpu "Apple M1 8GB"');
    const machines = compareMachines(names, values.ram !== undefined ? gbFlag("compare", "--ram", values.ram) : undefined);
    if (values.json) io.stdout(`${JSON.stringify(machines.map((m) => ({ label: m.label, tier: m.hardware.gpus[0]?.specId ? gpuSpecById(m.hardware.gpus[0].specId)?.tier : undefined, hardware: m.hardware })), undefined, 2)}\n`);
    else {
      const sizer = createSizer();
      const fits = machines.map((m) => machineFit(m.hardware, sizer));
      io.stdout(`${formatTable([...compareRows(machines), ...fitRows(fits)])}\n`);
    }
    return 0;
  },
};
