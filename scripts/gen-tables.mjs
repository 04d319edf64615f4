#!/usr/bin/env node
// Writes two data files the bundles read instead of recomputing them on every start (run by
// `npm run build` after tsc, so they always match dist/):
//   dist/catalog.json      the schema-checked catalog (src/models/catalog.ts, prebuilt());
//   dist/shape-tables.json every catalog shape's weight bytes and per-token traffic at each
//                          quantization of the ladder, computed by the same code the sizer falls
//                          back to (src/sizing/shape-tables.ts says why).
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CATALOG, shapeOf } from "../dist/models/catalog.js";
import { QUANT_LADDER } from "../dist/sizing/search.js";
import { encodeShape, shapeKey } from "../dist/sizing/shape-tables.js";
import { planForShape, typedTensors, weightsFromPlan } from "../dist/sizing/weights.js";
import { tokenTraffic } from "../dist/speed/traffic.js";

const out = fileURLToPath(new URL("../dist/shape-tables.json", import.meta.url));
writeFileSync(fileURLToPath(new URL("../dist/catalog.json", import.meta.url)), JSON.stringify(CATALOG));
const shapes = {};
for (const entry of CATALOG) {
  if (entry.kind === "diffusion") continue;
  const shape = shapeOf(entry);
  const key = shapeKey(shape);
  if (shapes[key]) continue; // two entries of one shape (a base and an instruct model)
  const plan = planForShape(shape);
  const rows = QUANT_LADDER.map((quant) => ({ quant, weights: weightsFromPlan(plan, quant), traffic: tokenTraffic(shape, typedTensors(shape, quant)) }));
  shapes[key] = encodeShape(shape, rows);
}
writeFileSync(out, JSON.stringify({ format: 1, shapes }));
