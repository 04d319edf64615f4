// Speed of the sizing core: µs per model sizing, and ms for the largest-context and best-quant
// searches over a whole batch of shapes (the catalog when it loads, else the reference shapes).
// Run after `npm run build`. Prints numbers; never fails on a time.
import { performance } from "node:perf_hooks";
import { createSizer, largestContext, bestQuant, ON_GPU } from "../dist/sizing/search.js";
import { referenceIds, referenceShape } from "../dist/sizing/reference-shapes.js";
import { DEFAULT_RUN_SETTINGS } from "../dist/sizing/types.js";

const GIB = 1024 ** 3;
const det = (value) => ({ value, source: "detected" });
const hw = {
  os: "linux",
  cpu: { brand: det("bench"), arch: "x64", cores: det(8), threads: det(16), flags: [] },
  memory: { totalBytes: det(64 * GIB), availableBytes: det(56 * GIB) },
  gpus: [{ index: 0, vendor: "nvidia", name: "RTX 4090", backend: "cuda", unified: false, vramTotalBytes: det(24 * GIB), vramFreeBytes: det(23 * GIB) }],
  backend: "cuda",
  notes: [],
  detectedAt: new Date(0).toISOString(),
};

async function shapes() {
  try {
    const catalog = await import("../dist/models/catalog.js");
    const list = catalog.CATALOG.map((e) => catalog.shapeOf(e)).filter((s) => s.layers.length > 0);
    if (list.length > 0) return { source: "catalog", list };
  } catch {
    // catalog not built yet: fall back to the reference shapes
  }
  return { source: "reference shapes", list: referenceIds().map((id) => referenceShape(id)) };
}

function time(fn) {
  const t0 = performance.now();
  const r = fn();
  return [performance.now() - t0, r];
}

const { source, list } = await shapes();
const settings = { ...DEFAULT_RUN_SETTINGS, ctx: 8192 };

const cold = createSizer();
const [coldMs] = time(() => list.forEach((s) => cold.estimate(s, "Q4_K_M", settings, hw)));
const reps = Math.max(1, Math.ceil(20000 / list.length));
const [warmMs] = time(() => {
  for (let i = 0; i < reps; i++) list.forEach((s) => cold.estimate(s, "Q4_K_M", settings, hw));
});
const runSearches = (sizer) => list.forEach((s) => {
  largestContext(sizer, s, "Q4_K_M", settings, hw, ON_GPU);
  bestQuant(sizer, s, settings, hw, ON_GPU);
});
const [searchCold] = time(() => runSearches(createSizer()));
const warmSizer = createSizer();
runSearches(warmSizer);
const searchReps = 20;
const [searchWarm] = time(() => {
  for (let i = 0; i < searchReps; i++) runSearches(warmSizer);
});

console.log(`shapes: ${list.length} (${source})`);
console.log(`one sizing, first time per shape (tensor list + quant mix): ${((coldMs * 1000) / list.length).toFixed(1)} µs`);
console.log(`one sizing, cached weights:                              ${((warmMs * 1000) / (reps * list.length)).toFixed(2)} µs`);
console.log(`largest context + best quant for all shapes, cold cache:  ${searchCold.toFixed(2)} ms`);
console.log(`largest context + best quant for all shapes, warm cache:  ${(searchWarm / searchReps).toFixed(2)} ms`);
