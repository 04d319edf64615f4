// Hardware detection time: cold (every probe runs) and cached (fingerprint + cheap free-memory
// re-reads), in one process; plus the first call in a fresh process, module loading included.
// Run after `npm run build`. Prints tables; asserts nothing.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { detectHardware } from "../dist/hardware/detect.js";
import { matchGpu } from "../dist/hardware/match.js";
import { simulateHardware } from "../dist/hardware/simulate.js";
import { ms, printTable, stats } from "./table.mjs";

const RUNS = 10;
const cacheDir = mkdtempSync(join(tmpdir(), "llmfit-bench-hw-"));

async function time(fn, runs = RUNS) {
  await fn(); // warm-up: module and JIT costs belong to the fresh-process row
  const out = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return stats(out);
}

const cold = await time(() => detectHardware({ cacheDir, refresh: true }));
const cached = await time(() => detectHardware({ cacheDir }));
const noCache = await time(() => detectHardware({ cacheDir: false }));
const match = await time(() => {
  for (const n of ["NVIDIA GeForce RTX 3070 Laptop GPU", "Tesla T4", "Apple M1 Pro", "AMD Radeon RX 7900 XTX", "Intel(R) Iris(R) Xe Graphics"]) matchGpu(n);
});
const simulate = await time(() => simulateHardware(["T4", "RTX 3070", "Apple M1 8GB"]));

const child = `const t=performance.now();const m=await import(${JSON.stringify(new URL("../dist/hardware/detect.js", import.meta.url).href)});await m.detectHardware({cacheDir:${JSON.stringify(cacheDir)},refresh:process.argv[1]==="cold"});process.stdout.write(String(performance.now()-t));`;
function fresh(mode) {
  const out = [];
  for (let i = 0; i < 5; i++) {
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", child, mode], { encoding: "utf8" });
    out.push(Number(r.stdout));
  }
  return stats(out);
}
const freshCold = fresh("cold");
const freshCached = fresh("cached");

const hw = await detectHardware({ cacheDir });
const row = (name, s) => [name, s.n, ms(s.median), ms(s.p95), ms(s.min), ms(s.max)];
printTable(
  `Hardware detection (ms) — ${hw.cpu.brand.value}, ${hw.cpu.threads.value} threads, ${hw.gpus.length} GPU(s), backend ${hw.backend}`,
  ["case", "n", "median", "p95", "min", "max"],
  [
    row("cold: all probes (refresh)", cold),
    row("cached: fingerprint + free memory", cached),
    row("no cache (cacheDir: false)", noCache),
    row("fresh process, cold (incl. import)", freshCold),
    row("fresh process, cached (incl. import)", freshCached),
    row("matchGpu × 5 real names", match),
    row("simulateHardware × 3 machines", simulate),
  ],
);
rmSync(cacheDir, { recursive: true, force: true });
