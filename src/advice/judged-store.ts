// Judged catalog rows kept on disk, so a new `llmfit` process (or a new editor host) answers the
// report without sizing the catalog again: sizing every model is most of a cold report's time
// (`npm run bench`, bench/process.mjs). A file holds what the advisor judged for one planned
// machine and one (context, KV type, minimum speed); its name is a hash of all of that plus the
// build's source stamp, and the file repeats the whole key, so a stale or foreign file is never
// used: new code, a new catalog, another machine, a new calibration or another reserve each
// make a new key. Reading a file this build sealed is a JSON parse; any other is also checked by
// the schema (a few ms), and a damaged one is ignored and rewritten. It is a cache: deleting the folder loses nothing.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as z from "zod";
import { lazySchema } from "../lazy-schema.js";
import { BUILD_STAMP } from "../build-stamp.js";
import { defaultCacheDir } from "../cache-dir.js";
import type { Hardware } from "../hardware/types.js";
import { hash53 } from "../models/content-hash.js";
import { openJson, sealedJson } from "../sealed-json.js";
import type { CatalogEntry, LlmEntry } from "../models/catalog.js";
import type { ModelShape } from "../models/shape.js";
import type { QuantName } from "../sizing/quant-mix.js";
import type { KvType } from "../sizing/types.js";
import type { Judged, ModelRow } from "./advise.js";

/** Bumped when what is stored, or how it is read back, changes. */
const FORMAT = 1;
/** Files kept: one per (machine, view) a user has looked at lately. */
const KEEP = 12;

const KV_TYPES = ["f32", "f16", "bf16", "q8_0", "q4_0", "q4_1", "q5_0", "q5_1", "iq4_nl"] as const satisfies readonly KvType[];
const Verdict = lazySchema(() => z.enum(["gpu", "partial", "cpu", "no"]));
const Settings = lazySchema(() => z.object({
  ctx: z.number(), nSeq: z.number(), nBatch: z.number(), nUbatch: z.number(),
  kvTypeK: z.enum(KV_TYPES), kvTypeV: z.enum(KV_TYPES), flashAttn: z.enum(["auto", "on", "off"]), kvUnified: z.boolean(),
}));
const Memory = lazySchema(() => z.object({
  weights: z.number(), kv: z.number(), recurrent: z.number(), compute: z.number(), output: z.number(), overhead: z.number(), total: z.number(),
}));
const Placement = lazySchema(() => z.object({
  verdict: Verdict,
  layersOnGpu: z.number(),
  layersTotal: z.number(),
  devices: z.array(z.object({ device: z.union([z.literal("cpu"), z.number()]), layers: z.number(), bytes: z.number(), availableBytes: z.number() }).readonly()).readonly(),
  reason: z.string(),
}));
const StoredRow = lazySchema(() => z.object({
  quant: z.string(),
  estimateQuant: z.string(),
  settings: Settings,
  memory: Memory,
  placement: Placement,
  ctxMax: z.number(),
  tps: z.number().optional(),
  tpsRange: z.object({ low: z.number(), high: z.number() }).optional(),
  usable: z.boolean(),
  quantWhy: z.string().optional(),
  score: z.number(),
}));
const StoredJudgedSchema = lazySchema(() => z.object({
  row: StoredRow.optional(),
  miss: z.object({ fix: z.string(), needBytes: z.number() }).optional(),
}));
export const StoreFile = lazySchema(() => z.object({ format: z.literal(FORMAT), key: z.string(), judged: z.record(z.string(), StoredJudgedSchema) }));

/** One model's judgement as the file holds it: the row's numbers, without the entry or shape. */
export type StoredJudged = z.infer<typeof StoredJudgedSchema>;

export interface JudgedStore {
  /** What a file holds for this machine and view, by model id; empty when none is usable. */
  load(planned: Hardware, viewKey: string): ReadonlyMap<string, StoredJudged>;
  save(planned: Hardware, viewKey: string, judged: ReadonlyMap<CatalogEntry, Judged>): void;
}

/** The full key a file answers for. The detection time and the notes do not change a judgement. */
export function storeKey(stamp: string, planned: Hardware, viewKey: string): string {
  const { detectedAt: _at, notes: _notes, ...machine } = planned;
  return JSON.stringify([FORMAT, stamp, machine, viewKey]);
}

function slim(j: Judged): StoredJudged {
  if (j.miss) return { miss: { fix: j.miss.fix, needBytes: j.miss.needBytes } };
  const r = j.row;
  if (!r) return {};
  const e = r.estimate;
  return {
    row: {
      quant: r.quant, estimateQuant: e.quant, settings: r.settings, memory: e.memory, placement: e.placement,
      ctxMax: r.ctxMax, ...(r.tps !== undefined && { tps: r.tps }), ...(r.tpsRange && { tpsRange: r.tpsRange }),
      usable: r.usable, ...(r.quantWhy !== undefined && { quantWhy: r.quantWhy }), score: r.score,
    },
  };
}

/**
 * A stored judgement as the advisor's own: the same fields a fresh judge() gives. The shape is
 * built when first read (the detail, training and cluster screens read it; the table does not):
 * expanding ~280 shapes would cost a warm report ~12 ms for nothing.
 */
export function rehydrate(entry: LlmEntry, shapeOf: () => ModelShape, s: StoredJudged): Judged {
  if (s.miss) return { miss: { entry, fix: s.miss.fix, needBytes: s.miss.needBytes } };
  const r = s.row;
  if (!r) return {};
  const estimate = { quant: r.estimateQuant, settings: r.settings, memory: r.memory, placement: r.placement };
  const row: ModelRow = {
    entry,
    get shape() {
      return shapeOf();
    },
    quant: r.quant as QuantName, settings: r.settings, estimate, verdict: r.placement.verdict, ctxMax: r.ctxMax,
    tps: r.tps, ...(r.tpsRange && { tpsRange: r.tpsRange }), usable: r.usable, ...(r.quantWhy !== undefined && { quantWhy: r.quantWhy }), score: r.score,
  };
  return { row };
}

/** A store in `dir`, for code with this source stamp. */
export function judgedStore(dir: string, stamp: string): JudgedStore {
  const fileOf = (key: string) => join(dir, `${hash53(key)}.json`);
  return {
    load(planned, viewKey) {
      const key = storeKey(stamp, planned, viewKey);
      let bytes: Buffer;
      try {
        bytes = readFileSync(fileOf(key));
      } catch {
        return new Map();
      }
      try {
        // sealed by this build (src/sealed-json.ts): the rows as written; else checked by the schema
        const opened = openJson(stamp, bytes);
        const file = opened.sealed ? (opened.value as z.output<typeof StoreFile>) : StoreFile.safeParse(opened.value).data;
        if (file === undefined || file.format !== FORMAT || file.key !== key) return new Map();
        return new Map(Object.entries(file.judged));
      } catch {
        return new Map(); // damaged: judged afresh, and the file rewritten
      }
    },
    save(planned, viewKey, judged) {
      const key = storeKey(stamp, planned, viewKey);
      const out: Record<string, StoredJudged> = {};
      for (const [entry, j] of judged) out[entry.id] = slim(j);
      try {
        mkdirSync(dir, { recursive: true });
        const file = fileOf(key);
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, sealedJson(stamp, { format: FORMAT, key, judged: out }));
        renameSync(tmp, file); // atomic: a reader sees the old file or the new one
        prune(dir);
      } catch {
        // a read-only or full disk costs the next start its head start, nothing else
      }
    },
  };
}

function prune(dir: string): void {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => {
      try {
        return { f, t: statSync(join(dir, f)).mtimeMs };
      } catch {
        return { f, t: 0 };
      }
    })
    .sort((a, b) => b.t - a.t);
  for (const { f } of files.slice(KEEP)) rmSync(join(dir, f), { force: true });
}

/**
 * The store a process uses: `<cache dir>/judged`, only in a bundled build (it has a source stamp;
 * the modules tsc emits for tests do not), unless LLMFIT_JUDGED_CACHE=off or LLMFIT_SHAPE_TABLES is set.
 */
export function defaultJudgedStore(cacheDir: string | undefined, env: NodeJS.ProcessEnv = process.env): JudgedStore | undefined {
  // LLMFIT_SHAPE_TABLES (off, or another table) asks for the sizing to run: rows from disk would skip it
  if (BUILD_STAMP === undefined || env["LLMFIT_JUDGED_CACHE"] === "off" || env["LLMFIT_SHAPE_TABLES"] !== undefined) return undefined;
  return judgedStore(join(cacheDir ?? defaultCacheDir(env, process.platform), "judged"), BUILD_STAMP);
}
