// Loads the llama.cpp ground truth in data/groundtruth (every *.csv and shapes*.json there) for the
// sizing tests. Everything lives in the repository: a fresh clone has nothing beside it.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const GROUNDTRUTH_DIR = join(REPO_ROOT, "data/groundtruth");

const ShapeEntry = z.object({
  arch: z.string(),
  spec: z.record(z.string(), z.unknown()),
  gguf_hparams: z.record(z.string(), z.unknown()).optional(),
  tensors: z.array(z.tuple([z.string(), z.array(z.number())])),
  tensor_types: z.record(z.string(), z.record(z.string(), z.string())).optional(),
  tensor_data_bytes: z.record(z.string(), z.number()).optional(),
  total_elements: z.number().optional(),
});
export type ShapeEntry = z.infer<typeof ShapeEntry>;

export function loadShapesJson(path = join(GROUNDTRUTH_DIR, "shapes.json")): Record<string, ShapeEntry> {
  return z.record(z.string(), ShapeEntry).parse(JSON.parse(readFileSync(path, "utf8")));
}

/** Parses a simple CSV (no quoted commas in these files) into rows of strings keyed by header. */
export function parseCsv(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const head = (lines[0] ?? "").split(",");
  return lines.slice(1).map((l) => {
    const cells = l.split(",");
    const row: Record<string, string> = {};
    head.forEach((h, i) => (row[h] = cells[i] ?? ""));
    return row;
  });
}

export interface GtRow {
  readonly source: string;
  readonly line: number;
  readonly cells: Record<string, string>;
}

export function loadBufferRows(): GtRow[] {
  const files = readdirSync(GROUNDTRUTH_DIR).sort().filter((f) => f.endsWith(".csv")).map((f) => join(GROUNDTRUTH_DIR, f));
  const rows: GtRow[] = [];
  for (const f of files) {
    parseCsv(readFileSync(f, "utf8")).forEach((cells, i) => rows.push({ source: f, line: i + 2, cells }));
  }
  return rows;
}

import type { ModelShape } from "../../src/models/shape.js";
import { shapeFromGguf, type GgufMetadata } from "../../src/models/gguf-shape.js";
import type { KvType, RunSettings } from "../../src/sizing/types.js";
import { DEFAULT_RUN_SETTINGS } from "../../src/sizing/types.js";

/** Every shapes*.json in data/groundtruth (the base table's and the generator's), merged by model id. */
export function loadAllShapes(): Record<string, ShapeEntry> {
  const all: Record<string, ShapeEntry> = {};
  for (const f of readdirSync(GROUNDTRUTH_DIR).sort()) {
    if (f.startsWith("shapes") && f.endsWith(".json")) Object.assign(all, loadShapesJson(join(GROUNDTRUTH_DIR, f)));
  }
  return all;
}

/** The model's shape from its GGUF hyperparameters and tensor names only (types come from the quant mix). */
export function shapeOfEntry(e: ShapeEntry): ModelShape {
  const meta: Record<string, string | number | boolean> = { "general.architecture": e.arch };
  for (const [key, v] of Object.entries(e.gguf_hparams ?? {})) {
    if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") meta[key] = v;
    else if (Array.isArray(v)) (meta as Record<string, unknown>)[key] = v;
  }
  return shapeFromGguf({
    metadata: meta as GgufMetadata,
    tensorShapes: e.tensors.map(([name, ne]) => ({ name, ne })),
  });
}

const KvTypeSchema = z.enum(["f32", "f16", "bf16", "q8_0", "q4_0", "q4_1", "q5_0", "q5_1", "iq4_nl"]);

export function settingsOfRow(c: Record<string, string>): RunSettings {
  const int = (k: string, d: number): number => (c[k] !== undefined && c[k] !== "" ? Number(c[k]) : d);
  const fa = z.enum(["auto", "on", "off"]).parse(c["fa"] ?? "auto");
  return {
    ...DEFAULT_RUN_SETTINGS,
    ctx: int("ctx", DEFAULT_RUN_SETTINGS.ctx),
    nSeq: int("n_seq", 1),
    nBatch: int("n_batch", DEFAULT_RUN_SETTINGS.nBatch),
    nUbatch: int("n_ubatch", DEFAULT_RUN_SETTINGS.nUbatch),
    kvTypeK: KvTypeSchema.parse(c["ctk"] || "f16") as KvType,
    kvTypeV: KvTypeSchema.parse(c["ctv"] || "f16") as KvType,
    flashAttn: fa,
    kvUnified: c["kv_unified"] === "true",
  };
}

export const MIB = 1024 * 1024;
export function mib(c: Record<string, string>, k: string): number {
  const v = c[k];
  return v === undefined || v === "" ? 0 : Number(v);
}
