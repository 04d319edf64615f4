// Machines side by side, as table rows: the spec figures of each machine, then the advice for it
// (models on the GPU, models that run, the best one and its speed). `llmfit compare` prints these
// rows, its --json carries them, and the report's compare screen paints them.
import { adviseMachine, COMPARE_WITH, compareMachines, type ComparedMachine, type MachineFit } from "../advice/machines.js";
import type { Advisor, ModelsView } from "../advice/advise.js";
import { planningHardware, type AdvicePolicy } from "../advice/policy.js";
import { gib } from "../hardware/describe.js";
import { gpuSpecById } from "../hardware/match.js";
import type { Hardware } from "../hardware/types.js";
import { ctxLabel, tpsLabel } from "./models.js";

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const round = (n: number, d = 1): string => String(Math.round(n * 10 ** d) / 10 ** d);

/** Rows of the side-by-side table: a label, then one cell per machine. */
export function compareRows(machines: readonly ComparedMachine[]): string[][] {
  const cell = (f: (hw: Hardware) => string): string[] => machines.map((m) => f(m.hardware));
  const gpus = (hw: Hardware) => hw.gpus;
  const spec = (hw: Hardware) => (hw.gpus[0]?.specId ? gpuSpecById(hw.gpus[0].specId) : undefined);
  // A machine without a GPU runs models from RAM: its memory and cores are the CPU's.
  const cpuOnly = (hw: Hardware) => hw.gpus.length === 0;
  return [
    ["", ...machines.map((m) => m.label)],
    ["GPU", ...cell((hw) => (cpuOnly(hw) ? "none (CPU)" : `${hw.gpus.length > 1 ? `${hw.gpus.length}× ` : ""}${hw.gpus[0]?.name ?? "—"}`))],
    ["CPU", ...cell((hw) => `${hw.cpu.brand.value} (${hw.cpu.cores.value}c/${hw.cpu.threads.value}t)`)],
    ["Memory", ...cell((hw) => (cpuOnly(hw) ? `${gib(hw.memory.totalBytes.value)} RAM` : `${gib(sum(gpus(hw).map((g) => g.vramTotalBytes.value)))}${hw.gpus[0]?.unified ? " unified" : ""}`))],
    ["Usable for models", ...cell((hw) => (cpuOnly(hw) ? gib(hw.memory.availableBytes.value) : gib(sum(gpus(hw).map((g) => g.vramFreeBytes.value)))))],
    ["Bandwidth GB/s", ...cell((hw) => (cpuOnly(hw) ? (hw.memory.bandwidthGBs ? round(hw.memory.bandwidthGBs.value, 0) : "—") : round(sum(gpus(hw).map((g) => g.bandwidthGBs?.value ?? 0)), 0)))],
    ["FP16 TFLOPS", ...cell((hw) => (!cpuOnly(hw) && gpus(hw).every((g) => g.fp16Tflops) ? round(sum(gpus(hw).map((g) => g.fp16Tflops?.value ?? 0)), 2) : "—"))],
    ["FP32 TFLOPS", ...cell((hw) => (cpuOnly(hw) ? "—" : round(sum(gpus(hw).map((g) => g.fp32Tflops?.value ?? 0)), 2)))],
    ["Cores", ...cell((hw) => (cpuOnly(hw) ? `${hw.cpu.cores.value} CPU` : gpus(hw).every((g) => g.cores) ? String(sum(gpus(hw).map((g) => g.cores?.value ?? 0))) : "—"))],
    ["Power W", ...cell((hw) => (cpuOnly(hw) ? "—" : round(sum(gpus(hw).map((g) => g.powerWatts?.value ?? 0)), 0)))],
    ["Tier", ...cell((hw) => spec(hw)?.tier ?? "—")],
    ["Backend", ...cell((hw) => hw.backend)],
  ];
}

/** Rows to append to the hardware comparison: one cell per machine. */
export function fitRows(fits: readonly MachineFit[], ctx: number): string[][] {
  return [
    [`Models on GPU (${ctxLabel(ctx)})`, ...fits.map((f) => `${f.onGpu} of ${f.considered}`)],
    ["Models that run", ...fits.map((f) => `${f.runs} of ${f.considered}`)],
    ["Best model", ...fits.map((f) => (f.best ? `${f.best.entry.name} ${f.best.quant}` : "—"))],
    ["  its context", ...fits.map((f) => (f.best ? ctxLabel(f.best.ctxMax) : "—"))],
    ["  its tok/s", ...fits.map((f) => tpsLabel(f.best?.tps))],
  ];
}

export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ").trimEnd()).join("\n");
}

/** The report's compare screen: this machine beside the reference ones, spec rows then advice rows. */
export function compareScreenRows(hw: Hardware, advisor: Advisor, view: ModelsView, policy: AdvicePolicy): string[][] {
  const machines = [{ label: "this machine", hardware: hw }, ...compareMachines(COMPARE_WITH)];
  const fits = machines.map((m) => adviseMachine(m.hardware, advisor, view, policy));
  const planned = machines.map((m) => ({ ...m, hardware: planningHardware(m.hardware, policy) }));
  return [...compareRows(planned), ...fitRows(fits, view.ctx)];
}
