// The build's shape tables (dist/shape-tables.json) against a fresh computation: every catalog
// shape at every ladder quantization, exactly; and a table that is damaged is ignored, not believed.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOG, shapeOf } from "../../src/models/catalog.js";
import { QUANT_LADDER } from "../../src/sizing/search.js";
import { decodeRow, readTables, shapeKey, type ShapeRecord } from "../../src/sizing/shape-tables.js";
import { planForShape, splitWeights, typedTensors, weightsFromPlan } from "../../src/sizing/weights.js";
import { tokenTraffic } from "../../src/speed/traffic.js";

const TABLE = new URL("../../dist/shape-tables.json", import.meta.url).pathname;
const CLI = new URL("../../dist/cli.js", import.meta.url).pathname;
const tables = readTables(TABLE);
const shapes = CATALOG.filter((e) => e.kind !== "diffusion").map((e) => ({ id: e.id, shape: shapeOf(e) }));

describe("shape tables", () => {
  it("hold every catalog shape", () => {
    expect(tables).toBeDefined();
    for (const { id, shape } of shapes) expect(tables?.shapes[shapeKey(shape)], id).toBeDefined();
  });

  it("answer exactly what the sizer and the speed model compute", () => {
    for (const { id, shape } of shapes) {
      const record = tables!.shapes[shapeKey(shape)]!;
      const plan = planForShape(shape);
      for (const quant of QUANT_LADDER) {
        const got = decodeRow(record, quant, shape.layers.length);
        const tensors = typedTensors(shape, quant);
        expect(got?.weights, `${id} ${quant}`).toEqual(weightsFromPlan(plan, quant));
        expect(got?.weights, `${id} ${quant} (tensor list)`).toEqual(splitWeights(tensors, shape.layers.length));
        expect(got?.traffic, `${id} ${quant} traffic`).toEqual(tokenTraffic(shape, tensors));
      }
    }
  });

  it("refuse a record that does not fit the shape", () => {
    const { shape } = shapes[0]!;
    const record = tables!.shapes[shapeKey(shape)]!;
    const n = shape.layers.length;
    const row = record.q.Q4_K_M!;
    const bad: ShapeRecord[] = [
      { ...record, n: n + 1 },
      { ...record, pp: record.pp.slice(1) },
      { ...record, q: { Q4_K_M: [row[0], row[1], row[2], row[3], row[4], row[5], "~".repeat(n)] } },
      { ...record, q: { Q4_K_M: [-1, row[1], row[2], row[3], row[4], row[5], row[6]] } },
      { ...record, q: { Q4_K_M: [row[0], row[1], row[2], row[3], row[4], ["x" as unknown as number], row[6]] } },
      { ...record, q: {} },
    ];
    for (const r of bad) expect(decodeRow(r, "Q4_K_M", n)).toBeUndefined();
    expect(decodeRow(record, "Q4_K_M", n)).toBeDefined();
  });

  it("a damaged table file changes nothing: the CLI computes what the table would have said", () => {
    const dir = mkdtempSync(join(tmpdir(), "llmfit-tables-"));
    const args = [CLI, "report", "--json", "--no-runtimes", "--ram", "32", "--gpu", "RTX 4090", "--vram", "24", "--cpu", "Ryzen 9 7950X"];
    const run = (tablesEnv: string | undefined) =>
      JSON.parse(execFileSync(process.execPath, args, { env: { ...process.env, LLMFIT_SHAPE_TABLES: tablesEnv ?? "", LLMFIT_JUDGED_CACHE: "off" }, encoding: "utf8" })).models;
    const bytes = join(dir, "bytes.json");
    writeFileSync(bytes, "{\"format\":1,\"shapes\":{");
    const wrong = join(dir, "wrong.json");
    writeFileSync(wrong, JSON.stringify({ format: 1, shapes: Object.fromEntries(Object.keys(tables!.shapes).map((k) => [k, { n: 1, pv: [], pp: "", outputParams: 0, q: {} }])) }));
    const want = run("off");
    expect(run(undefined)).toEqual(want);
    expect(run(bytes)).toEqual(want);
    expect(run(wrong)).toEqual(want);
  });
});
