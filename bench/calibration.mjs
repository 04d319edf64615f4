// Proof of `llmfit bench`: after the bench, how close are the CPU estimates for three model shapes
// the bench did not run (a 0.5B dense, an 8B dense, a 30B-A3B MoE; sparse GGUFs, nothing
// downloaded) to llama.cpp runs of those shapes on this machine? Prints, per shape and test, the
// spec-table estimate, the calibrated one and the measurement, with both errors. The held-out
// shapes run in the same worker process as the bench plan, one after the other, with the same
// method and threads (src/calibration/child.ts), so the two see the same machine. Nothing is
// stored: the user's calibration.json is not touched. Prints numbers; never fails on them.
//   node bench/calibration.mjs [--threads N]
import { loadavg } from "node:os";
import { BENCH_DECODE, BENCH_PLAN, BENCH_PREFILL, benchThreads, runWork, withTypeFlops } from "../dist/calibration/bench.js";
import { matmulTypeShares, prefillTypeScale } from "../dist/calibration/prefill-types.js";
import { constantsFromFigures, deriveCpuFigures, predictCpu } from "../dist/calibration/derive.js";
import { hasNodeLlamaCpp, measureModels, measureWithReruns } from "../dist/calibration/run.js";
import { waitedShare } from "../dist/calibration/waits.js";
import { PROBE_STEPS, probeDrift, probeReference, probeSpread } from "../dist/calibration/steady.js";
import { detectHardware } from "../dist/hardware/detect.js";
import { SPEED_CONSTANTS } from "../dist/speed/constants.js";
import { simdLevel } from "../dist/speed/model.js";

const HELD_OUT = [
  { id: "qwen2.5-0.5b", quant: "Q4_K_M" },
  { id: "llama-3.1-8b", quant: "Q4_K_M" },
  { id: "qwen3-30b-a3b", quant: "Q4_K_M" },
];
const out = (s = "") => process.stdout.write(`${s}\n`);
if (!(await hasNodeLlamaCpp())) {
  out("node-llama-cpp is not installed: nothing to measure");
  process.exit(0);
}
const ti = process.argv.indexOf("--threads");
const threads = ti > 0 ? Number(process.argv[ti + 1]) : benchThreads();
const hw = await detectHardware({ cacheDir: false });
const simd = simdLevel(hw.cpu.flags);
const t0 = Date.now();
const load0 = loadavg()[0];
// as `llmfit bench` does (src/calibration/waits.ts): a run that waited over half its time for a core is run once more
const { measured: r, kept, reran } = await measureWithReruns([...BENCH_PLAN, ...HELD_OUT], (specs, rerun) => measureModels(specs, {
  threads, prefill: BENCH_PREFILL, decode: BENCH_DECODE, prefillReps: 1,
  ...(rerun ? {} : { probeSteps: PROBE_STEPS, onEvent: (e) => e.type === "start" && process.stderr.write(`  ${((Date.now() - t0) / 1000).toFixed(0)} s: ${e.label}\n`) }),
}));
const key = (m) => `${m.id}:${m.quant}`;
if (r.errors.length) out(`errors: ${r.errors.join("; ")}`);
const isHeld = (t) => HELD_OUT.some((h) => h.id === t.model.id && h.quant === t.model.quant);
const withWork = r.runs.map((t) => ({ t, work: runWork(t) }));
const benchRuns = withWork.filter((x) => !isHeld(x.t));
const figures = withTypeFlops(deriveCpuFigures(benchRuns.map((x) => ({ work: x.work, decodeSec: x.t.decodeNetSec, prefillSecPerToken: x.t.prefillNetSec / x.t.prefillTokens })), threads, SPEED_CONSTANTS.cpu, simd), benchRuns.map((x) => x.t));
const cal = constantsFromFigures(SPEED_CONSTANTS.cpu, figures, threads, hw.memory.bandwidthGBs?.value);
const ram = hw.memory.bandwidthGBs?.value;
// the reference probe (steady.ts): its readings before the plan's runs are the plan's speed; the
// one before each held-out run says how far the machine had moved since (reported, not corrected)
const planProbes = r.probes.filter((p) => BENCH_PLAN.some((b) => key(b) === p.before));
const ref = probeReference(planProbes);
const driftOf = (t) => {
  // a run kept from the rerun pass ran in another worker, without probe readings
  if (kept.find((k) => k.run === t)?.reran) return "rerun";
  const p = r.probes.find((x) => x.before === key(t.model));
  return ref !== undefined && p ? `${probeDrift(ref, p) >= 0 ? "+" : ""}${(probeDrift(ref, p) * 100).toFixed(0)}%` : "?";
};

out(`${new Date().toISOString().slice(0, 16)}Z, llama.cpp CPU, ${threads} thread(s), ${hw.cpu.brand.value} (${r.cpuBackend}); prompt ${BENCH_PREFILL} tokens, ${BENCH_DECODE} decode steps; load ${load0.toFixed(1)} → ${loadavg()[0].toFixed(1)}; ${((Date.now() - t0) / 1000).toFixed(0)} s${reran ? `; ${reran} rerun for waiting` : ""}`);
out(`bench plan: ${BENCH_PLAN.map(key).join(", ")} → ${figures.bandwidthGBs.toFixed(1)} GB/s, ${(figures.secPerLayer * 1e6).toFixed(0)} µs/layer, prompt Q4_K_M ${(figures.prefillFlops.quant / 1e9).toFixed(0)} GFLOP/s; per type ${Object.entries(figures.prefillTypeFlops ?? {}).map(([k, v]) => `${k} ${(v / 1e9).toFixed(0)}`).join(", ")}`);
const pad = (s, n) => String(s).padEnd(n);
const lp = (s, n) => String(s).padStart(n);
const err = (e, m) => `${e >= m ? "+" : ""}${(((e - m) / m) * 100).toFixed(0)}%`;
out(`reference probe (${PROBE_STEPS} decode steps on ${key(BENCH_PLAN[0])}, before each run): plan spread ${(probeSpread(planProbes) * 100).toFixed(0)}%; readings ${r.probes.map((p) => `${(p.netSec * 1e3).toFixed(1)}`).join(" ")} ms`);
out(`\n${pad("held-out shape", 22)} ${pad("test", 8)} ${lp("measured", 9)} ${lp("spec est.", 9)} ${lp("error", 7)} ${lp("calibrated", 10)} ${lp("error", 7)} ${lp("drift", 6)}`);
const abs = { spec: [], cal: [] };
for (const { t, work } of withWork.filter((x) => isHeld(x.t))) {
  const s = predictCpu(SPEED_CONSTANTS.cpu, work, threads, simd, ram);
  // as estimateSpeed prices it: each weight type's prompt matmuls at its measured rate
  const scale = prefillTypeScale(figures, matmulTypeShares(t.model.shape, t.model.tensors), t.model.quant);
  const c = predictCpu(cal, { ...work, denseFlops: work.denseFlops * scale }, threads, simd, ram);
  for (const [test, m, se, ce] of [["decode", 1 / t.decodeNetSec, s.decodeTps, c.decodeTps], ["prefill", t.prefillTokens / t.prefillNetSec, s.prefillTps, c.prefillTps]]) {
    out(`${pad(key(t.model), 22)} ${pad(test, 8)} ${lp(m.toFixed(1), 9)} ${lp(se.toFixed(1), 9)} ${lp(err(se, m), 7)} ${lp(ce.toFixed(1), 10)} ${lp(err(ce, m), 7)} ${lp(driftOf(t), 6)}`);
    abs.spec.push(Math.abs(se / m - 1));
    abs.cal.push(Math.abs(ce / m - 1));
  }
}
const mean = (xs) => (xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)) * 100;
const max = (xs) => Math.max(0, ...xs) * 100;
out(`\nmean |error|: spec ${mean(abs.spec).toFixed(0)}%, calibrated ${mean(abs.cal).toFixed(0)}%; max: spec ${max(abs.spec).toFixed(0)}%, calibrated ${max(abs.cal).toFixed(0)}%`);
out("(drift = how much longer the reference probe's step took just before that run than during the plan: the machine's own change of speed, not corrected for)");
out("(measured = llama.cpp time net of runqueue wait — the time other processes held the cores; raw wall-clock figures below)");
for (const { t } of withWork) out(`  ${pad(key(t.model), 22)} decode ${(1 / t.decodeNetSec).toFixed(1)} (wall ${(1 / t.decodeSec).toFixed(1)}) tok/s, prefill ${(t.prefillTokens / t.prefillNetSec).toFixed(1)} (wall ${(t.prefillTokens / t.prefillSec).toFixed(1)}) tok/s${isHeld(t) ? "  [held out]" : ""}${kept.find((k) => k.run === t)?.waited ? `  [busy: waited ${(waitedShare(t) * 100).toFixed(0)} % of the time even when rerun, the net figure is unreliable]` : kept.find((k) => k.run === t)?.reran ? "  [rerun: the first try waited]" : ""}`);
