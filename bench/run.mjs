// `npm run bench`: every benchmark, one table each. Timings are printed, never asserted.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

const benches = ["process.mjs", "editor.mjs", "host-memory.mjs", "responsive.mjs", "hardware.mjs", "sizing-speed.mjs", "stream.mjs", "sources.mjs", "calibration.mjs"];
for (const name of benches) {
  const path = new URL(name, import.meta.url);
  if (!existsSync(path)) continue;
  process.stdout.write(`\n## ${name}\n`);
  const r = spawnSync(process.execPath, [path.pathname], { stdio: "inherit" });
  if (r.status !== 0) process.exitCode = r.status ?? 1;
}
