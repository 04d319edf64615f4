// Prints the vLLM speed model against the published runs in data/vllm/throughput.csv as a
// Markdown table, and the least-squares fit of vLLM's fixed costs (the constants
// VLLM_STEP_SEC and VLLM_LAYER_SEC of src/cluster/vllm-speed.ts are this fit).
// Run: npm run build && node scripts/cluster/vllm-speed-check.mjs
import { readFileSync } from "node:fs";
import { checkSpeedRows, fitOverheads, parseThroughputCsv, speedTable } from "../../dist/cluster/vllm-speed-check.js";

const rows = parseThroughputCsv(readFileSync(new URL("../../data/vllm/throughput.csv", import.meta.url), "utf8"));
const fit = fitOverheads(rows.filter((r) => r.role === "fit" && r.test === "decode"));
process.stdout.write(`${speedTable(checkSpeedRows(rows)).join("\n")}\n\n`);
process.stdout.write(`fit over the decode rows marked fit: step ${(fit.stepSec * 1e3).toFixed(3)} ms, layer ${(fit.layerSec * 1e6).toFixed(1)} µs\n`);
