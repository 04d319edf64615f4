// Runs the bench plan and the proof benchmark's held-out shapes once (the same worker, method and
// threads as `llmfit bench`, no reruns) and writes every run's timings beside the model's
// per-type split of its matmul weights and the reference probe's readings (steady.ts), so the calibration fit can be worked on offline.
//   npm run build && node scripts/calibration/dump-runs.mjs OUT.json [--prefill N] [--only id:quant,...]
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { BENCH_DECODE, BENCH_PLAN, BENCH_PREFILL, benchThreads, runWork } from "../../dist/calibration/bench.js";
import { matmulTypeShares } from "../../dist/calibration/prefill-types.js";
import { measureModels } from "../../dist/calibration/run.js";
import { PROBE_STEPS } from "../../dist/calibration/steady.js";

const HELD_OUT = [
  { id: "qwen2.5-0.5b", quant: "Q4_K_M" },
  { id: "llama-3.1-8b", quant: "Q4_K_M" },
  { id: "qwen3-30b-a3b", quant: "Q4_K_M" },
];
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const out = process.argv[2] ?? "/tmp/llmfit-bench-dump.json";
const prefill = Number(arg("--prefill") ?? BENCH_PREFILL);
const only = arg("--only");
const specs = only ? only.split(",").map((s) => ({ id: s.slice(0, s.lastIndexOf(":")), quant: s.slice(s.lastIndexOf(":") + 1) })) : [...BENCH_PLAN, ...HELD_OUT];
const threads = benchThreads();
const t0 = performance.now();
const starts = [];
const load0 = loadavg();
const r = await measureModels(specs, {
  threads, prefill, decode: BENCH_DECODE, prefillReps: 1, probeSteps: PROBE_STEPS,
  onEvent: (e) => {
    const s = (performance.now() - t0) / 1000;
    if (e.type === "ready" || e.type === "start") starts.push({ event: e.type, label: e.label ?? "", s });
    if (e.type === "start") process.stderr.write(`  ${s.toFixed(1)} s: ${e.label}\n`);
  },
});
const total = (performance.now() - t0) / 1000;
const runs = r.runs.map((t) => {
  const work = runWork(t);
  const held = HELD_OUT.some((h) => h.id === t.model.id && h.quant === t.model.quant);
  return {
    id: t.model.id, quant: t.model.quant, held,
    prefillTokens: t.prefillTokens, prefillSec: t.prefillSec, prefillNetSec: t.prefillNetSec, decodeSec: t.decodeSec, decodeNetSec: t.decodeNetSec,
    work,
    prefillShares: Object.fromEntries(matmulTypeShares(t.model.shape, t.model.tensors)),
  };
});
writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), threads, prefill, decode: BENCH_DECODE, load: [load0, loadavg()], seconds: total, events: starts, errors: r.errors, probes: r.probes, runs }, null, 1));
process.stderr.write(`${out}: ${runs.length} runs, ${total.toFixed(1)} s, load ${load0[0].toFixed(2)} → ${loadavg()[0].toFixed(2)}\n`);
