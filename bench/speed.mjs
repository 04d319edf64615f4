// Speed model vs measurements, honestly: leave-one-source-out cross-validation over
// data/speed/cpu-measurements.csv (llama.cpp on this machine's CPU) and data/speed/gpu-published.csv
// (published llama.cpp results, cited per row). Each source is held out in turn, the constants are
// fitted to the rest, and the held-out rows are estimated through the whole path. Prints, per
// backend and test, median and 90th percentile |error| of those held-out estimates beside the
// one-line formula (spec bandwidth × 0.55 / weight bytes) on the same rows, then every row.
// `--rows` lists every held-out row; `--constants` prints the constants fitted to all rows now.
// Run after `npm run build`. Prints numbers; never fails.
import { readFileSync } from "node:fs";
import { fitSpeedConstants, predictCpuRows, predictPublishedRows } from "../dist/speed/calibration.js";
import { SPEED_CONSTANTS } from "../dist/speed/constants.js";
import { parseCpuMeasurements, parsePublished } from "../dist/speed/measurements.js";
import { crossValidate, summarize } from "../dist/speed/validation.js";
import { crossValidateTraining, predictTrainingRuns } from "../dist/training/calibration.js";
import { TRAINING_MFU } from "../dist/training/constants.js";
import { parseTrainingRuns } from "../dist/training/measurements.js";

const root = new URL("../", import.meta.url);
const cpu = parseCpuMeasurements(readFileSync(new URL("data/speed/cpu-measurements.csv", root), "utf8"));
const pub = parsePublished(readFileSync(new URL("data/speed/gpu-published.csv", root), "utf8"));

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const pct = (x) => (Number.isFinite(x) ? `${x.toFixed(0)}%` : "—");
const out = (s = "") => process.stdout.write(`${s}\n`);

const { rows, ranges } = crossValidate(cpu, pub);
const backends = [...new Set(rows.map((r) => r.backend))].sort();

function table(title, keep) {
  out(`\n${title}`);
  out(`${pad("backend", 8)} ${pad("test", 8)} ${lpad("rows", 5)} ${lpad("median", 7)} ${lpad("p90", 6)}   ${lpad("bw×0.55 median", 15)} ${lpad("p90", 6)}   ${lpad("range (meas/est)", 17)}`);
  for (const b of backends) {
    for (const test of ["decode", "prefill"]) {
      const sel = rows.filter((r) => r.backend === b && r.test === test && keep(r));
      if (sel.length === 0) continue;
      const m = summarize(sel.map((r) => r.errorPct));
      const withBase = sel.filter((r) => r.baseline !== undefined);
      const base = summarize(withBase.map((r) => ((r.baseline - r.measured) / r.measured) * 100));
      const rg = ranges[b]?.[test];
      out(
        `${pad(b, 8)} ${pad(test, 8)} ${lpad(sel.length, 5)} ${lpad(pct(m.median), 7)} ${lpad(pct(m.p90), 6)}   ${lpad(withBase.length ? `${pct(base.median)} (${withBase.length})` : "—", 15)} ${lpad(withBase.length ? pct(base.p90) : "", 6)}   ${lpad(rg ? `${rg[0]}–${rg[1]}` : "", 17)}`,
      );
    }
  }
}

out("llama.cpp speed: held-out error (leave-one-source-out; each source fitted without its own rows)");
table("All rows", () => true);
table("llama.cpp builds of 2025 and later", (r) => r.year >= 2025);

if (process.argv.includes("--rows")) {
  const w = Math.max(20, ...rows.map((r) => r.label.length));
  // the build year and the source held out with the row: misses that follow one source or one
  // llama.cpp generation show as such when the list is grouped (sort -k) by these columns
  out(`\n${pad("row", w)}  ${pad("backend", 7)}  ${pad("test", 7)}  ${lpad("measured", 9)}  ${lpad("held-out", 9)}  ${lpad("error", 6)}  ${lpad("bw×0.55", 8)}  ${pad("year", 4)}  source`);
  for (const r of rows) {
    out(
      `${pad(r.label, w)}  ${pad(r.backend, 7)}  ${pad(r.test, 7)}  ${lpad(r.measured.toFixed(1), 9)}  ${lpad(r.estimated.toFixed(1), 9)}  ${lpad(`${r.errorPct >= 0 ? "+" : ""}${r.errorPct.toFixed(0)}%`, 6)}  ${lpad(r.baseline !== undefined ? r.baseline.toFixed(1) : "", 8)}  ${pad(String(r.year), 4)}  ${r.source}`,
    );
  }
}

// in-sample: the committed constants on every row (what a fit can do at best with this model)
const inSample = [...predictCpuRows(cpu, SPEED_CONSTANTS), ...predictPublishedRows(pub, SPEED_CONSTANTS)];
for (const test of ["decode", "prefill"]) {
  const s = summarize(inSample.filter((r) => r.test === test).map((r) => r.errorPct));
  out(`\nin-sample (committed constants, all ${s.n} ${test} rows): median ${pct(s.median)}, p90 ${pct(s.p90)}`);
}
const fit = fitSpeedConstants(cpu, pub);
out(`fit RMS relative error: ${Object.entries(fit.rms).map(([k, v]) => `${k} ${(v * 100).toFixed(1)}%`).join(", ")}`);
if (fit.skipped.length) out(`rows not fitted: ${[...new Set(fit.skipped)].join("; ")}`);
if (process.argv.includes("--constants")) out(`\nfitted now:\n${JSON.stringify(fit.constants, null, 2)}`);

// fine-tuning: each measured run beside planTraining's estimate, with the committed MFU (fitted to
// all runs) and held out (MFU fitted without the run's source)
const runs = parseTrainingRuns(readFileSync(new URL("data/training/finetune-throughput.csv", root), "utf8"));
const inFit = predictTrainingRuns(runs, TRAINING_MFU);
const held = crossValidateTraining(runs);
out(`\nFine-tuning throughput (tokens/s per GPU), MFU ${Object.entries(TRAINING_MFU).map(([k, v]) => `${k} ${(v * 100).toFixed(0)}%`).join(", ")}`);
out(`${pad("run", 44)} ${lpad("measured", 9)} ${lpad("estimate", 9)} ${lpad("error", 6)} ${lpad("held-out", 9)} ${lpad("error", 6)}`);
for (const p of inFit) {
  const h = held.find((x) => x.run === p.run);
  const r = p.run;
  out(
    `${pad(`${r.device} ${r.model_id} ${r.method} ${r.precision}`, 44)} ${lpad(p.measured.toFixed(0), 9)} ${lpad(p.estimated.toFixed(0), 9)} ${lpad(`${p.errorPct >= 0 ? "+" : ""}${p.errorPct.toFixed(0)}%`, 6)} ${lpad(h ? h.estimated.toFixed(0) : "", 9)} ${lpad(h ? `${h.errorPct >= 0 ? "+" : ""}${h.errorPct.toFixed(0)}%` : "", 6)}`,
  );
}
const ts = summarize(inFit.map((p) => p.errorPct));
const hs = summarize(held.map((p) => p.errorPct));
out(`fine-tuning |error|: fitted median ${pct(ts.median)}, max ${pct(Math.max(...inFit.map((p) => Math.abs(p.errorPct))))}; held out (by source) median ${pct(hs.median)}`);
