// The bench's result in words: the `llmfit bench` table, and the lines `detect` adds.
import type { Calibration } from "./schema.js";
import { BENCH_WEIGHT, learnedFactors } from "./learn.js";

const f1 = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
/** The spec estimate's error against the measurement: +50% = the spec-table guess was 1.5× too fast. */
const pct = (m: number, e: number): string => {
  const x = ((e - m) / m) * 100;
  return `${x >= 0 ? "+" : ""}${x.toFixed(0)}%`;
};

/** One line: the figures `detect` shows. */
export function calibrationLine(cal: Calibration): string {
  const c = cal.cpu;
  return (
    `Measured llama.cpp CPU decode bandwidth ${f1(c.bandwidthGBs)} GB/s with ${cal.threads} thread${cal.threads === 1 ? "" : "s"}` +
    ` · ${(c.secPerLayer * 1e6).toFixed(0)} µs/layer overhead · prompt ${f1(c.prefillFlops.quant / 1e9)} GFLOP/s (Q4_K) · measured here (${cal.date}, llmfit bench)`
  );
}

export function benchReport(cal: Calibration, file: string): string[] {
  const w = Math.max(18, ...cal.runs.map((r) => `${r.id}:${r.quant}`.length));
  const c = cal.cpu;
  const lines = [
    `llama.cpp (node-llama-cpp, CPU backend ${cal.cpuBackend || "?"}) on this machine, ${cal.threads} thread${cal.threads === 1 ? "" : "s"}` +
      ` (the embedded runtime's default here: physical cores minus one)`,
    `${"model".padEnd(w)}  ${"decode tok/s".padStart(12)}  ${"spec est.".padStart(9)}  ${"error".padStart(6)}  ${"prefill tok/s".padStart(13)}  ${"spec est.".padStart(9)}  ${"error".padStart(6)}`,
    ...cal.runs.map(
      (r) =>
        `${`${r.id}:${r.quant}`.padEnd(w)}  ${f1(r.decodeTps).padStart(12)}  ${f1(r.specDecodeTps).padStart(9)}  ${pct(r.decodeTps, r.specDecodeTps).padStart(6)}  ${f1(r.prefillTps).padStart(13)}  ${f1(r.specPrefillTps).padStart(9)}  ${pct(r.prefillTps, r.specPrefillTps).padStart(6)}` +
        (r.waited ? `  waited ${((r.waitedShare ?? 0) * 100).toFixed(0)} % for a core (unreliable)` : r.reran ? "  (rerun: the first try waited for a core)" : ""),
    ),
    `Derived: effective memory bandwidth ${f1(c.bandwidthGBs)} GB/s (${cal.threads} thread${cal.threads === 1 ? "" : "s"}), per-layer overhead ${(c.secPerLayer * 1e6).toFixed(0)} µs,` +
      ` ${(c.secPerWeightPerThread * 1e12).toFixed(1)} ps/weight/thread, prompt matmuls F16 ${f1(c.prefillFlops.f16 / 1e9)} · Q8_0 ${f1(c.prefillFlops.q8 / 1e9)} · Q4_K ${f1(c.prefillFlops.quant / 1e9)} GFLOP/s` +
      `, MoE experts ${f1(c.prefillExpertFlops / 1e9)} GFLOP/s (measured: ${[...c.measuredFamilies, ...(c.expertsMeasured ? ["experts"] : [])].join(", ")}${c.expertsMeasured ? "" : "; MoE experts scaled"})`,
    ...(c.prefillTypeFlops && Object.keys(c.prefillTypeFlops).length > 0
      ? [`Prompt matmuls per tensor type (a model is priced by its own mix): ${Object.entries(c.prefillTypeFlops).map(([t, v]) => `${t} ${f1(v / 1e9)}`).join(" · ")} GFLOP/s`]
      : []),
    `GPU: ${cal.gpuNote ?? (cal.gpu === "false" ? "none" : cal.gpu)}`,
  ];
  // one message about other processes: the warning when a run stayed over the wait limit, else how much waiting was taken out
  const takenOut = !cal.warning && (cal.waitedTakenOut ?? 0) >= 0.1 ? `; other processes held the cores for ${((cal.waitedTakenOut ?? 0) * 100).toFixed(0)} % of decode time, taken out of the figures` : "";
  // the machine's own drift, beside the other processes' share: the reference probe's spread (steady.ts)
  const steady = cal.probeSpread !== undefined ? `; the machine's speed moved ${(cal.probeSpread * 100).toFixed(0)} % during it (reference probe)` : "";
  if (cal.seconds !== undefined) lines.push(`The bench took ${cal.seconds.toFixed(0)} s here${cal.runs.some((r) => r.reran) ? ", reruns included" : ""}${takenOut}${steady}.`);
  if (cal.warning) lines.push(`Warning: ${cal.warning}`);
  const l = learnedFactors(cal.observations);
  if (l.decodeRuns + l.prefillRuns > 0) lines.push(`Real runs so far: ${l.decodeRuns} (decode ×${l.decode.toFixed(2)}, prefill ×${l.prefill.toFixed(2)}; the bench counts as ${BENCH_WEIGHT} runs)`);
  lines.push(`Stored in ${file} for this machine only; estimates now say "measured here (${cal.date})". Nothing was sent anywhere.`);
  return lines;
}
