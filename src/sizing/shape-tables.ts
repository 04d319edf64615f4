// Weight bytes and per-token traffic of the catalog's shapes at every ladder quantization,
// computed once by the build (scripts/gen-tables.mjs → dist/shape-tables.json) instead of
// on every start. Building a shape's tensor list and quantization mix is most of a cold report
// (~1 ms a shape, the whole catalog ~0.3 s on a small machine); the table answers in microseconds.
//
// The table is a memo of two pure functions of (shape, quantization) — the sizer's
// weightsFromPlan and tokenTraffic over the typed tensor list — keyed by a hash of the whole
// shape, so an entry can only answer for the exact shape it was computed from. A missing,
// unreadable or malformed table (or record) is ignored and the numbers are computed as before;
// test/sizing/shape-tables.test.ts checks every record against a fresh computation.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { shapeKey } from "../models/shape-key.js";
import type { ModelShape } from "../models/shape.js";
import type { TokenTraffic } from "../speed/traffic.js";
import type { QuantName } from "./quant-mix.js";
import type { WeightSplit } from "./weights.js";

/** One shape: its layer count, quantization-independent traffic, and one row per quantization. */
export interface ShapeRecord {
  /** Layer count (a cheap check on top of the hash). */
  readonly n: number;
  /** Distinct (layerParams, layerExpertParams) pairs, flattened; `pp` picks one per layer. */
  readonly pv: readonly number[];
  readonly pp: string;
  readonly outputParams: number;
  readonly q: Readonly<Partial<Record<QuantName, QuantRow>>>;
}

/** [total, inputEmbd, output, cpuRepack, outputBytes, distinct (weight, traffic) pairs flattened, pattern]. */
export type QuantRow = readonly [number, number, number, number, number, readonly number[], string];

export interface ShapeTables {
  readonly format: 1;
  readonly shapes: Readonly<Record<string, ShapeRecord>>;
}

const FORMAT = 1;
/** Pattern characters: one per layer, the index of its pair plus this offset (printable, never escaped in JSON but for `\`). */
const BASE = 48;

/** The table key of a shape: a hash of all of it, or of what made it (src/models/shape-key.ts). */
export { shapeKey };

/** Distinct tuples of `width` numbers per layer, and the per-layer pattern that picks them. */
function dictionary(columns: readonly (readonly number[])[], n: number): { values: number[]; pattern: string } {
  const values: number[] = [];
  const seen = new Map<string, number>();
  let pattern = "";
  for (let i = 0; i < n; i++) {
    const tuple = columns.map((c) => c[i] ?? 0);
    const key = tuple.join(",");
    let idx = seen.get(key);
    if (idx === undefined) {
      idx = seen.size;
      seen.set(key, idx);
      values.push(...tuple);
    }
    pattern += String.fromCharCode(BASE + idx);
  }
  return { values, pattern };
}

/** The record for one shape from its computed weights and traffic (the build's side). */
export function encodeShape(
  shape: ModelShape,
  rows: readonly { readonly quant: QuantName; readonly weights: WeightSplit; readonly traffic: TokenTraffic }[],
): ShapeRecord {
  const n = shape.layers.length;
  const first = rows[0]?.traffic;
  const params = dictionary([first?.layerParams ?? [], first?.layerExpertParams ?? []], n);
  const q: Partial<Record<QuantName, QuantRow>> = {};
  for (const { quant, weights: w, traffic: t } of rows) {
    const d = dictionary([w.perLayer, t.layerBytes], n);
    q[quant] = [w.total, w.inputEmbd, w.output, w.cpuRepack, t.outputBytes, d.values, d.pattern];
  }
  return { n, pv: params.values, pp: params.pattern, outputParams: first?.outputParams ?? 0, q };
}

const finite = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x) && x >= 0;

/** Two per-layer columns from a pattern over pairs; undefined when the record does not fit the shape. */
function expandPairs(values: readonly number[], pattern: string, n: number): [number[], number[]] | undefined {
  if (typeof pattern !== "string" || pattern.length !== n || !Array.isArray(values) || values.length % 2 !== 0) return undefined;
  for (let i = 0; i < values.length; i++) if (!finite(values[i])) return undefined;
  const a = new Array<number>(n);
  const b = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const at = (pattern.charCodeAt(i) - BASE) * 2;
    if (at < 0 || at + 1 >= values.length) return undefined;
    a[i] = values[at]!;
    b[i] = values[at + 1]!;
  }
  return [a, b];
}

function suffixOf(perLayer: readonly number[]): number[] {
  const n = perLayer.length;
  const suffix = new Array<number>(n + 1);
  suffix[0] = 0;
  for (let j = 1; j <= n; j++) suffix[j] = suffix[j - 1]! + perLayer[n - j]!;
  return suffix;
}

interface Decoded {
  readonly weights: WeightSplit;
  readonly traffic: TokenTraffic;
}

interface Params {
  readonly layerParams: number[];
  readonly layerExpertParams: number[];
  readonly activeParams: number;
}

/** The quantization-independent part of a record (once per shape). */
function decodeParams(record: ShapeRecord, n: number): Params | undefined {
  if (record.n !== n || !finite(record.outputParams)) return undefined;
  const cols = expandPairs(record.pv, record.pp, n);
  if (!cols) return undefined;
  const [layerParams, layerExpertParams] = cols;
  return { layerParams, layerExpertParams, activeParams: layerParams.reduce((x, y) => x + y, 0) + record.outputParams };
}

function decodeQuant(record: ShapeRecord, params: Params, quant: QuantName, n: number): Decoded | undefined {
  const row = record.q[quant];
  if (!Array.isArray(row) || row.length !== 7) return undefined;
  const [total, inputEmbd, output, cpuRepack, outputBytes, values, pattern] = row;
  if (!finite(total) || !finite(inputEmbd) || !finite(output) || !finite(cpuRepack) || !finite(outputBytes)) return undefined;
  const layers = expandPairs(values, pattern, n);
  if (!layers) return undefined;
  const [perLayer, layerBytes] = layers;
  const { layerParams, layerExpertParams, activeParams } = params;
  return {
    weights: { total, perLayer, inputEmbd, output, suffix: suffixOf(perLayer), cpuRepack },
    traffic: { layerBytes, outputBytes, layerParams, layerExpertParams, outputParams: record.outputParams, activeParams },
  };
}

/** A record's row for one quantization, as the sizer and the speed model use it; undefined if malformed. */
export function decodeRow(record: ShapeRecord, quant: QuantName, n: number): Decoded | undefined {
  const params = decodeParams(record, n);
  return params ? decodeQuant(record, params, quant, n) : undefined;
}

declare const LLMFIT_BUNDLED: boolean | undefined;

/** dist/shape-tables.json, seen from this module in dist/sizing/ or from a bundle in dist/. */
function tablePath(): string {
  const rel = typeof LLMFIT_BUNDLED !== "undefined" && LLMFIT_BUNDLED ? "./shape-tables.json" : "../shape-tables.json";
  return fileURLToPath(new URL(rel, import.meta.url));
}

/** Reads a table file; undefined when it is absent, unreadable or not this format. */
export function readTables(path: string): ShapeTables | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, "utf8"));
    if (typeof parsed !== "object" || parsed === null) return undefined;
    const t = parsed as { format?: unknown; shapes?: unknown };
    if (t.format !== FORMAT || typeof t.shapes !== "object" || t.shapes === null) return undefined;
    return parsed as ShapeTables;
  } catch {
    return undefined;
  }
}

let loaded: ShapeTables | null | undefined;

/** Per shape: its record's shared part (null: none or malformed) and each quantization decoded so far. */
interface ShapeEntry {
  readonly record: ShapeRecord | undefined;
  readonly params: Params | undefined;
  readonly quants: Map<QuantName, Decoded | null>;
}
const decoded = new WeakMap<ModelShape, ShapeEntry>();

/** LLMFIT_SHAPE_TABLES: "off" computes every shape (the bench's "from scratch"), a path reads that file. */
function tables(): ShapeTables | undefined {
  if (loaded === undefined) {
    const env = process.env.LLMFIT_SHAPE_TABLES;
    loaded = env === "off" ? null : (readTables(env || tablePath()) ?? null);
  }
  return loaded ?? undefined;
}

/** The table's answer for a shape at a quantization; undefined when the table has none. */
export function tabled(shape: ModelShape, quant: QuantName | undefined): Decoded | undefined {
  // A shape read from a file carries its own tensor list: the table only holds computed ones.
  if (quant === undefined || shape.tensors !== undefined || shape.convertedTensors !== undefined || shape.fileType !== undefined) return undefined;
  let entry = decoded.get(shape);
  if (!entry) {
    const t = tables();
    if (!t) return undefined;
    const key = shapeKey(shape);
    const record = Object.hasOwn(t.shapes, key) ? t.shapes[key] : undefined;
    entry = { record, params: record ? decodeParams(record, shape.layers.length) : undefined, quants: new Map() };
    decoded.set(shape, entry);
  }
  if (!entry.record || !entry.params) return undefined;
  let hit = entry.quants.get(quant);
  if (hit === undefined) {
    hit = decodeQuant(entry.record, entry.params, quant, shape.layers.length) ?? null;
    entry.quants.set(quant, hit);
  }
  return hit ?? undefined;
}
