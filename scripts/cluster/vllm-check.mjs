// Prints the vLLM memory model against the published start-up logs in data/vllm/startup-logs.csv
// as a Markdown table. Run: npm run build && node scripts/cluster/vllm-check.mjs
import { readFileSync } from "node:fs";
import { checkLogRow, checkTable, parseLogCsv } from "../../dist/cluster/vllm-check.js";

const rows = parseLogCsv(readFileSync(new URL("../../data/vllm/startup-logs.csv", import.meta.url), "utf8"));
process.stdout.write(`${checkTable(rows.map(checkLogRow)).join("\n")}\n`);
