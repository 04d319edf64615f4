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
import { hash53 } from "../models/content-hash.js";
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

const keys = new WeakMap<ModelShape, string>();

/** The table key of a shape: a hash of all of it (any field may change a tensor or a type). */
export function shapeKey(shape: ModelShape): string {
  let k = keys.get(shape);
  if (k === undefined) keys.set(shape, (k = hash53(JSON.stringify(shape))));
  return k;
}

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

/** Per-layer columns from a pattern; undefined when the record does not fit the shape. */
function expand(values: readonly number[], pattern: string, n: number, width: number): number[][] | undefined {
  if (typeof pattern !== "string" || pattern.length !== n || !Array.isArray(values) || values.length % width !== 0) return undefined;
  if (!values.every(finite)) return undefined;
  const cols = Array.from({ length: width }, () => new Array<number>(n));
  for (let i = 0; i < n; i++) {
    const idx = pattern.charCodeAt(i) - BASE;
    if (idx < 0 || (idx + 1) * width > values.length) return undefined;
    for (let c = 0; c < width; c++) cols[c]![i] = values[idx * width + c]!;
  }
  return cols;
}

function suffixOf(perLayer: readonly number[]): number[] {
  const n = perLayer.length;
  const suffix = new Array<number>(n + 1).fill(0);
  for (let j = 1; j <= n; j++) suffix[j] = (suffix[j - 1] ?? 0) + (perLayer[n - j] ?? 0);
  return suffix;
}

interface Decoded {
  readonly weights: WeightSplit;
  readonly traffic: TokenTraffic;
}

/** A record's row for one quantization, as the sizer and the speed model use it; undefined if malformed. */
export function decodeRow(record: ShapeRecord, quant: QuantName, n: number): Decoded | undefined {
  if (record.n !== n || !finite(record.outputParams)) return undefined;
  const row = record.q[quant];
  if (!Array.isArray(row) || row.length !== 7) return undefined;
  const [total, inputEmbd, output, cpuRepack, outputBytes, values, pattern] = row;
  if (![total, inputEmbd, output, cpuRepack, outputBytes].every(finite)) return undefined;
  const params = expand(record.pv, record.pp, n, 2);
  const layers = expand(values, pattern, n, 2);
  if (!params || !layers) return undefined;
  const [perLayer, layerBytes] = layers as [number[], number[]];
  const [layerParams, layerExpertParams] = params as [number[], number[]];
  const outputParams = record.outputParams;
  return {
    weights: { total, perLayer, inputEmbd, output, suffix: suffixOf(perLayer), cpuRepack },
    traffic: { layerBytes, outputBytes, layerParams, layerExpertParams, outputParams, activeParams: layerParams.reduce((a, b) => a + b, 0) + outputParams },
  };
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
const decoded = new WeakMap<ModelShape, Map<QuantName, Decoded | null>>();

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
  if (quant === undefined || shape.tensors !== undefined || shape.fileType !== undefined) return undefined;
  let per = decoded.get(shape);
  let hit = per?.get(quant);
  if (hit !== undefined) return hit ?? undefined;
  const t = tables();
  if (!t) return undefined;
  const record = Object.hasOwn(t.shapes, shapeKey(shape)) ? t.shapes[shapeKey(shape)] : undefined;
  hit = record ? (decodeRow(record, quant, shape.layers.length) ?? null) : null;
  if (!per) decoded.set(shape, (per = new Map()));
  per.set(quant, hit);
  return hit ?? undefined;
}
