// Speed model vs measurements: every row of data/speed/cpu-measurements.csv (llama.cpp on this
// machine's CPU) and data/speed/gpu-published.csv (published llama.cpp results, cited per row),
// estimated through the whole path (sizing placement → estimateSpeed) with the committed constants.
// Prints estimate, measurement and error per row, then median and max |error| per table.
// `--constants` also prints the constants fitted from the files now (to update src/speed/constants.ts).
// Run after `npm run build`. Prints numbers; never fails.
import { readFileSync } from "node:fs";
import { fitSpeedConstants, predictCpuRows, predictPublishedRows } from "../dist/speed/calibration.js";
import { SPEED_CONSTANTS } from "../dist/speed/constants.js";
import { parseCpuMeasurements, parsePublished } from "../dist/speed/measurements.js";

const root = new URL("../", import.meta.url);
const cpu = parseCpuMeasurements(readFileSync(new URL("data/speed/cpu-measurements.csv", root), "utf8"));
const pub = parsePublished(readFileSync(new URL("data/speed/gpu-published.csv", root), "utf8"));

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function table(title, rows) {
  const w = Math.max(20, ...rows.map((r) => r.label.length));
  const out = [`\n${title}`, `${pad("row", w)}  ${pad("test", 7)}  ${lpad("measured", 9)}  ${lpad("estimate", 9)}  ${lpad("error", 7)}`];
  for (const r of rows) {
    out.push(`${pad(r.label, w)}  ${pad(r.test, 7)}  ${lpad(r.measured.toFixed(1), 9)}  ${lpad(r.estimated.toFixed(1), 9)}  ${lpad(`${r.errorPct >= 0 ? "+" : ""}${r.errorPct.toFixed(0)}%`, 7)}`);
  }
  for (const test of ["decode", "prefill"]) {
    const errs = rows.filter((r) => r.test === test).map((r) => Math.abs(r.errorPct));
    if (errs.length) out.push(`${test}: ${errs.length} rows, median |error| ${median(errs).toFixed(1)}%, max ${Math.max(...errs).toFixed(1)}%`);
  }
  const all = rows.map((r) => Math.abs(r.errorPct));
  out.push(`all: ${all.length} rows, median |error| ${median(all).toFixed(1)}%, max ${Math.max(...all).toFixed(1)}%`);
  return out.join("\n");
}

process.stdout.write("llama.cpp speed: estimate (committed constants, src/speed/constants.ts) vs measured\n");
process.stdout.write(table("CPU, this machine (data/speed/cpu-measurements.csv; decode = decode_p10_tps)", predictCpuRows(cpu, SPEED_CONSTANTS)) + "\n");
const published = predictPublishedRows(pub, SPEED_CONSTANTS);
process.stdout.write(table("Published, current llama.cpp builds (data/speed/gpu-published.csv; GPU rows fitted)", published.filter((r) => !r.label.includes("not fitted"))) + "\n");
process.stdout.write(table("Published, older llama.cpp builds (shown, not fitted: kernels have changed since)", published.filter((r) => r.label.includes("not fitted"))) + "\n");

const fit = fitSpeedConstants(cpu, pub);
process.stdout.write(`\nfit RMS relative error: ${Object.entries(fit.rms).map(([k, v]) => `${k} ${(v * 100).toFixed(1)}%`).join(", ")}\n`);
if (fit.skipped.length) process.stdout.write(`rows not fitted: ${fit.skipped.join("; ")}\n`);
if (process.argv.includes("--constants")) process.stdout.write(`\nfitted now:\n${JSON.stringify(fit.constants, null, 2)}\n`);
