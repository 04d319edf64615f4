// The model catalog: every entry checked against the schema once, on first load, then shared.
// `shapeOf` turns an entry into the ModelShape the sizing engine consumes.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { lazyTable } from "../lazy-table.js";
import { hashBytes } from "./content-hash.js";
import { madeShape } from "./shape-key.js";
import { CatalogEntrySchema } from "./catalog-schema.js";
import type { Capability, CatalogEntry, CatalogEntryInput, CatalogKind, Hyperparams, LlmEntry } from "./catalog-schema.js";
import type { LayerShape, ModelShape } from "./shape.js";
import { ENTRIES as CLASSIC } from "./catalog/classic.js";
import { ENTRIES as LLAMA } from "./catalog/llama.js";
import { ENTRIES as MISTRAL } from "./catalog/mistral.js";
import { ENTRIES as QWEN } from "./catalog/qwen.js";
import { ENTRIES as GEMMA } from "./catalog/gemma.js";
import { ENTRIES as PHI } from "./catalog/phi.js";
import { ENTRIES as DEEPSEEK } from "./catalog/deepseek.js";
import { ENTRIES as OTHERS } from "./catalog/others.js";
import { ENTRIES as SSM } from "./catalog/ssm.js";
import { ENTRIES as CODE } from "./catalog/code.js";
import { ENTRIES as EMBED } from "./catalog/embedding.js";
import { ENTRIES as DIFFUSION } from "./catalog/diffusion.js";

export type { CatalogEntry, LlmEntry, DiffusionEntry } from "./catalog-schema.js";

const SOURCES: readonly (readonly CatalogEntryInput[])[] = [
  CLASSIC,
  LLAMA,
  MISTRAL,
  QWEN,
  GEMMA,
  PHI,
  DEEPSEEK,
  OTHERS,
  SSM,
  CODE,
  EMBED,
  DIFFUSION,
];

/** Parses every data entry; throws with the entry's id on the first bad one or a duplicate id. */
export function parseCatalog(sources: readonly (readonly CatalogEntryInput[])[]): readonly CatalogEntry[] {
  const out: CatalogEntry[] = [];
  const seen = new Set<string>();
  for (const list of sources) {
    for (const raw of list) {
      const parsed = CatalogEntrySchema.safeParse(raw);
      if (!parsed.success) {
        throw new Error(`catalog entry ${raw.id}: ${parsed.error.issues.map(formatIssue).join("; ")}`);
      }
      if (seen.has(parsed.data.id)) throw new Error(`catalog entry ${parsed.data.id}: duplicate id`);
      seen.add(parsed.data.id);
      if (parsed.data.kind !== "diffusion") checkLayers(parsed.data);
      out.push(parsed.data);
    }
  }
  return out;
}

function formatIssue(issue: { path: readonly PropertyKey[]; message: string }): string {
  return `${issue.path.map(String).join(".")}: ${issue.message}`;
}

function checkLayers(entry: LlmEntry): void {
  const { hp } = entry;
  const lists: readonly [string, readonly unknown[] | undefined][] = [
    ["kvHeadsPerLayer", hp.kvHeadsPerLayer],
    ["headsPerLayer", hp.headsPerLayer],
    ["ffnPerLayer", hp.ffnPerLayer],
    ["layerPattern", hp.layerPattern === undefined ? undefined : expandPattern(hp.layerPattern)],
  ];
  for (const [name, list] of lists) {
    if (list !== undefined && list.length !== hp.layers) {
      throw new Error(`catalog entry ${entry.id}: ${name} has ${list.length} layers, hp.layers is ${hp.layers}`);
    }
  }
  if (hp.positionLimit !== undefined && (hp.positionLimit === hp.ctx || entry.ctxSource === undefined)) {
    throw new Error(`catalog entry ${entry.id}: hp.positionLimit is for a config limit that differs from the published ctx, cited in ctxSource`);
  }
  if (entry.kind === "moe" && hp.moe === undefined) throw new Error(`catalog entry ${entry.id}: kind moe needs hp.moe`);
  if (entry.kind === "ssm" && hp.ssm === undefined) throw new Error(`catalog entry ${entry.id}: kind ssm needs hp.ssm`);
  if (entry.kind === "hybrid" && hp.layerPattern === undefined) {
    throw new Error(`catalog entry ${entry.id}: kind hybrid needs hp.layerPattern`);
  }
}

/** "MMMA*2 A" → ["M","M","M","A","M","M","M","A","A"]. */
export function expandPattern(pattern: string): readonly string[] {
  const out: string[] = [];
  for (const group of pattern.split(" ")) {
    const [letters = "", times = "1"] = group.split("*");
    for (let i = 0; i < Number(times); i++) out.push(...letters);
  }
  return out;
}

let cached: readonly CatalogEntry[] | undefined;

declare const LLMFIT_CATALOG_STAMP: string | undefined;

/**
 * The bundles (dist/cli.js, dist/host.js) skip the schema check: the build wrote the checked
 * catalog to dist/catalog.json (scripts/gen-tables.mjs) and stamped the bundle with a hash of
 * that file's bytes (src/models/content-hash.ts hashBytes), so a file from another build, or a
 * damaged one, does not match and the sources are checked as usual. Saves most of the catalog's cost at start (the check is ~40 ms).
 */
function prebuilt(): CatalogEntry[] | undefined {
  if (typeof LLMFIT_CATALOG_STAMP === "undefined" || process.env.LLMFIT_SHAPE_TABLES === "off") return undefined;
  try {
    const bytes = readFileSync(fileURLToPath(new URL("./catalog.json", import.meta.url)));
    // hashed as bytes, four at a time: ~0.3 ms, where a hash over the decoded text took ~3.5 ms
    return hashBytes(bytes) === LLMFIT_CATALOG_STAMP ? (JSON.parse(bytes.toString("utf8")) as CatalogEntry[]) : undefined;
  } catch {
    return undefined;
  }
}

/** The catalog, validated on the first call and cached. */
export function loadCatalog(): readonly CatalogEntry[] {
  cached ??= prebuilt() ?? parseCatalog(SOURCES);
  return cached;
}

/**
 * Every entry, validated on first use (not at import): importing this module for `shapeOf` or
 * the types costs nothing. A read-only view of `loadCatalog()`; the validated array itself is
 * not frozen, because a proxy may not report frozen elements its empty target lacks.
 */
export const CATALOG: readonly CatalogEntry[] = lazyTable("CATALOG", loadCatalog);

let index: ReadonlyMap<string, CatalogEntry> | undefined;

function lookupKeys(entry: CatalogEntry): string[] {
  const keys = [entry.id, ...entry.ollama, ...entry.gguf, ...entry.lmstudio];
  if (entry.hf !== undefined) keys.push(entry.hf);
  return keys.map((k) => k.toLowerCase());
}

/**
 * An entry by id, Ollama tag ("llama3.1:8b"; a bare name means ":latest"), Hugging Face repo
 * (original or GGUF, "hf.co/" prefix allowed) or LM Studio id; case-insensitive.
 */
export function findModel(query: string): CatalogEntry | undefined {
  if (index === undefined) {
    const map = new Map<string, CatalogEntry>();
    for (const entry of loadCatalog()) {
      for (const key of lookupKeys(entry)) if (!map.has(key)) map.set(key, entry);
    }
    index = map;
  }
  const q = query.trim().toLowerCase().replace(/^(https:\/\/)?(hf\.co|huggingface\.co)\//, "");
  return index.get(q) ?? index.get(q.replace(/:latest$/, "")) ?? index.get(`${q}:latest`);
}

/** One record per layer, from the compact per-layer forms. */
export function expandLayers(hp: Hyperparams, kind: LlmEntry["kind"]): readonly LayerShape[] {
  const pattern = hp.layerPattern === undefined ? undefined : expandPattern(hp.layerPattern);
  const layers: LayerShape[] = [];
  const distinct: LayerShape[] = [];
  // with E layers the pattern names each layer's one block (Nemotron-H): only `-` has a dense FFN
  const oneBlock = nemotronStyle(pattern);
  for (let i = 0; i < hp.layers; i++) {
    const letter = pattern?.[i] ?? (kind === "ssm" ? "M" : "A");
    const shared = hp.kvSharedLayers !== undefined && i >= hp.layers - hp.kvSharedLayers;
    const mixer: LayerShape["mixer"] =
      letter === "M" ? "recurrent" : letter === "C" ? "shortconv" : letter === "-" || letter === "E" || shared ? "none" : "attention";
    const hasHeads = letter === "A";
    const nHead = hasHeads ? (hp.headsPerLayer?.[i] ?? hp.heads) : 0;
    const swa = hasHeads && isSwaLayer(hp, i);
    const globalKv = hp.kEqV !== undefined && hasHeads && !swa ? hp.kEqV.globalKvHeads : undefined;
    const nHeadKv = hasHeads ? (hp.kvHeadsPerLayer?.[i] ?? globalKv ?? hp.kvHeads ?? hp.heads) : 0;
    const moe = oneBlock ? letter === "E" : isMoeLayer(hp, i);
    const nFf = oneBlock ? (letter === "-" ? hp.ffn : 0) : ffnOf(hp, i);
    // Layers are read-only and a model has a handful of distinct ones: equal layers share one
    // record (the catalog's ~27k layers were as many objects, made again on every cold start).
    let layer: LayerShape | undefined;
    for (let k = 0; k < distinct.length; k++) {
      const d = distinct[k]!;
      if (d.mixer === mixer && d.nHead === nHead && d.nHeadKv === nHeadKv && d.swa === swa && d.nFf === nFf && d.moe === (hp.moe === undefined ? undefined : moe)) {
        layer = d;
        break;
      }
    }
    if (!layer) distinct.push((layer = hp.moe === undefined ? { mixer, nHead, nHeadKv, swa, nFf } : { mixer, nHead, nHeadKv, swa, nFf, moe }));
    layers.push(layer);
  }
  return layers;
}

/** A layer pattern with E (MoE) layers: one block per layer, as Nemotron-H's hybrid_override_pattern. */
function nemotronStyle(pattern: readonly string[] | undefined): boolean {
  return pattern !== undefined && pattern.includes("E");
}

function isSwaLayer(hp: Hyperparams, i: number): boolean {
  const swa = hp.swa;
  if (swa === undefined) return false;
  if (swa.pattern === "all") return true;
  if ("globalEvery" in swa.pattern) return (i + 1) % swa.pattern.globalEvery !== 0;
  return !swa.pattern.globalLayers.includes(i);
}

/** Dense FFN size of layer i; 0 on MoE layers (their experts are in `ModelShape.experts`). */
function ffnOf(hp: Hyperparams, i: number): number {
  if (hp.ffnPerLayer !== undefined) return hp.ffnPerLayer[i] ?? 0;
  if (isMoeLayer(hp, i)) return 0;
  return hp.ffn;
}

export function isMoeLayer(hp: Hyperparams, i: number): boolean {
  const moe = hp.moe;
  if (moe === undefined || i < moe.leadingDense) return false;
  return i >= moe.offset && (i - moe.offset) % moe.every === 0;
}

export function shapeOf(entry: CatalogEntry): ModelShape {
  const params = { total: entry.params.total, active: entry.params.active ?? entry.params.total };
  if (entry.kind === "diffusion") {
    return {
      arch: entry.arch,
      kind: "diffusion",
      nEmbd: 0,
      nVocab: 0,
      nCtxTrain: 0,
      headDimK: 0,
      headDimV: 0,
      layers: [],
      swaWindow: 0,
      tiedEmbeddings: false,
      params,
    };
  }
  return llmShape(entry.kind, entry.arch, entry.hp, params);
}

/**
 * Shapes made so far, by their inputs as JSON. A shape is a pure function of them and is never
 * changed, so entries with the same hyperparameters (a base and an instruct model: 339 catalog
 * models, 242 shapes) share one, and with it the sizer's per-shape work. Cleared when it reaches
 * MADE_MAX, so shapes made for passing models (config.json files) cannot pile up in a long host.
 */
const made = new Map<string, ModelShape>();
const MADE_MAX = 1024;

/** A language model's shape from its hyperparameters (a catalog entry's, or a config.json's). */
export function llmShape(kind: LlmEntry["kind"], arch: string, hp: Hyperparams, params: ModelShape["params"]): ModelShape {
  const inputs = JSON.stringify([kind, arch, hp, params]);
  let shape = made.get(inputs);
  if (!shape) {
    if (made.size >= MADE_MAX) made.clear();
    made.set(inputs, (shape = madeShape(buildShape(kind, arch, hp, params), inputs)));
  }
  return shape;
}

function buildShape(kind: LlmEntry["kind"], arch: string, hp: Hyperparams, params: ModelShape["params"]): ModelShape {
  const headDim = hp.heads > 0 ? (hp.headDim ?? hp.hidden / hp.heads) : 0;
  // Gemma 4: headDim is the sliding layers', globalHeadDim the full-attention layers' (llama.cpp's
  // key_length is the global one, key_length_swa the sliding one)
  const global = hp.globalHeadDim;
  const headDimK = hp.mla ? hp.mla.qkNopeHeadDim + hp.mla.qkRopeHeadDim : (global ?? headDim);
  const headDimV = hp.mla ? hp.mla.vHeadDim : (global ?? hp.headDimV ?? headDim);
  return {
    arch,
    kind,
    nEmbd: hp.hidden,
    nVocab: hp.vocab,
    nCtxTrain: hp.ctx,
    headDimK,
    headDimV,
    layers: expandLayers(hp, kind),
    swaWindow: hp.swa?.window ?? 0,
    ...(hp.ssm && {
      ssm: {
        dConv: hp.ssm.dConv,
        dInner: hp.ssm.dInner,
        dState: hp.ssm.dState,
        nGroup: hp.ssm.nGroup,
        dtRank: hp.ssm.dtRank,
        nHead: hp.ssm.heads,
      },
    }),
    ...(hp.moe && {
      experts: {
        count: hp.moe.experts,
        used: hp.moe.used,
        shared: hp.moe.shared,
        nFfExp: hp.moe.expertFfn,
        nFfShexp: hp.moe.sharedFfn,
        leadingDense: hp.moe.leadingDense,
        ...(hp.moe.selectionBias === true && { selectionBias: true }),
      },
    }),
    tiedEmbeddings: hp.tied,
    params,
    ...(hp.rope?.scaling?.type === "llama3" && { ropeFreqs: true }),
    ...(hp.convLCache !== undefined && { shortConvLCache: hp.convLCache }),
    ...(hp.mla && { mla: { ...hp.mla } }),
    ...(hp.altup && { altup: { ...hp.altup } }),
    ...(global !== undefined && { headDimKSwa: headDim, headDimVSwa: hp.headDimV ?? headDim }),
    ...(hp.kEqV && { globalVIsK: true }),
    ...(hp.perLayerInput !== undefined && { perLayerInput: hp.perLayerInput }),
    ...(hp.indexer && { indexer: { ...hp.indexer } }),
    // Qwen3-VL: every released checkpoint's vision_config has three deepstack_visual_indexes
    // (test/fixtures/configs/Qwen__Qwen3-VL-*B-Instruct.json), which the converter writes as n_deepstack_layers
    ...((arch === "qwen3vl" || arch === "qwen3vlmoe") && { deepstackLayers: 3 }),
  };
}

/** What `llmfit list` and the report filter the catalog by; every field optional. */
export interface CatalogFilter {
  /** A family or any of its sub-families: "llama" matches "llama-3.1", "qwen3" matches "qwen3-coder". */
  readonly family?: string;
  readonly kind?: CatalogKind;
  /** Exact license id, case-insensitive ("apache-2.0"). */
  readonly license?: string;
  readonly capability?: Capability;
  /** Total parameters, in billions. */
  readonly minParamsB?: number;
  readonly maxParamsB?: number;
}

/** "qwen" names every Qwen generation (qwen2.5, qwen3-coder), "qwen3" its own line; "phi" is not "phimoe". */
function familyMatches(family: string, wanted: string): boolean {
  const w = wanted.toLowerCase();
  return family === w || (family.startsWith(w) && /[\d.-]/.test(family.charAt(w.length)));
}

/** The entries that pass every given criterion, in catalog order. */
export function filterCatalog(entries: readonly CatalogEntry[], filter: CatalogFilter): CatalogEntry[] {
  return entries.filter((e) => {
    const billions = e.params.total / 1e9;
    return (
      (filter.family === undefined || familyMatches(e.family, filter.family)) &&
      (filter.kind === undefined || e.kind === filter.kind) &&
      (filter.license === undefined || e.license.toLowerCase() === filter.license.toLowerCase()) &&
      (filter.capability === undefined || e.capabilities.includes(filter.capability)) &&
      (filter.minParamsB === undefined || billions >= filter.minParamsB) &&
      (filter.maxParamsB === undefined || billions <= filter.maxParamsB)
    );
  });
}
