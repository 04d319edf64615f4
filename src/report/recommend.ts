// Which catalog models to recommend on a machine, best first. Pure: catalog, hardware and the
// view in; rows out. The score is documented in doc/llmfit.txt (llmfit-score):
//   score = quality (1–10, the catalog's class) × fit × quant × speed
//   fit:   1.0 all on GPU (or on a machine without a usable GPU, on the CPU), 0.6 partial
//          offload, 0.4 CPU only while a GPU exists
//   quant: 1.0 F16/Q8_0, 0.98 Q6_K, 0.96 Q5_K_M, 0.93 Q4_K_M, 0.9 IQ4_XS, 0.8 Q3_K_M/IQ3_M,
//          0.65 Q2_K/IQ2_M (quality lost to quantization, after llama.cpp's perplexity tables)
//   speed: min(1, decode tok/s ÷ 20) ^ 0.5 — 20 tok/s reads comfortably; below it counts
import { speedRangeOf, type SpeedRange } from "../speed/estimate.js";
import type { Hardware } from "../hardware/types.js";
import type { CatalogEntry, LlmEntry } from "../models/catalog.js";
import { filterCatalog, shapeOf } from "../models/catalog.js";
import { parseFilterText } from "./filter-text.js";
import type { ModelShape } from "../models/shape.js";
import { bestQuant, largestContext, ON_GPU, RUNS, type Sizer } from "../sizing/search.js";
import type { QuantName } from "../sizing/quant-mix.js";
import { DEFAULT_RUN_SETTINGS, type Estimate, type KvType, type RunSettings, type Verdict } from "../sizing/types.js";

export const USES = ["all", "chat", "code", "reasoning", "vision", "embedding"] as const;
export type Use = (typeof USES)[number];
export const KIND_FILTERS = ["all", "dense", "moe", "ssm", "hybrid"] as const;
export type KindFilter = (typeof KIND_FILTERS)[number];
export const SORTS = ["score", "name", "params", "speed", "memory"] as const;
export type Sort = (typeof SORTS)[number];
export const CONTEXTS = [4096, 8192, 32768, 131072] as const;

export interface ModelsView {
  readonly sort: Sort;
  readonly text: string;
  readonly use: Use;
  readonly kind: KindFilter;
  /** The context every model is judged at (capped at its trained context). */
  readonly ctx: number;
  readonly kv: KvType;
}

export const DEFAULT_VIEW: ModelsView = { sort: "score", text: "", use: "all", kind: "all", ctx: 8192, kv: "f16" };

/** Decode tokens/s for an estimate on this machine; the speed model plugs in here. */
export type SpeedOf = (shape: ModelShape, estimate: Estimate, hw: Hardware) => number | undefined;

export interface ModelRow {
  readonly entry: LlmEntry;
  readonly shape: ModelShape;
  readonly quant: QuantName;
  readonly settings: RunSettings;
  readonly estimate: Estimate;
  readonly verdict: Verdict;
  /** Largest context that keeps this verdict at this quantization. */
  readonly ctxMax: number;
  readonly tps: number | undefined;
  /** Where tps will likely land (src/speed/estimate.ts speedRangeOf): the held-out error of its backend. */
  readonly tpsRange?: SpeedRange;
  readonly score: number;
}

export interface NearMiss {
  readonly entry: LlmEntry;
  /** What would make it run, in words: "fits with Q2_K at 2k context". */
  readonly fix: string;
  readonly needBytes: number;
}

const QUANT_FACTOR: Partial<Record<QuantName, number>> = {
  F16: 1, Q8_0: 1, Q6_K: 0.98, Q5_K_M: 0.96, Q4_K_M: 0.93, IQ4_XS: 0.9, Q3_K_M: 0.8, IQ3_M: 0.8, Q2_K: 0.65, IQ2_M: 0.65,
};

export function settingsFor(shape: ModelShape, view: Pick<ModelsView, "ctx" | "kv">): RunSettings {
  return { ...DEFAULT_RUN_SETTINGS, ctx: Math.min(view.ctx, Math.max(shape.nCtxTrain, 256)), kvTypeK: view.kv, kvTypeV: view.kv };
}

function hasUsableGpu(hw: Hardware): boolean {
  return hw.gpus.some((g) => g.vramFreeBytes.value > 512 * 1024 ** 2);
}

export function scoreOf(entry: LlmEntry, verdict: Verdict, quant: QuantName, tps: number | undefined, hw: Hardware): number {
  const fit = verdict === "gpu" ? 1 : verdict === "partial" ? 0.6 : verdict === "cpu" ? (hasUsableGpu(hw) ? 0.4 : 1) : 0;
  const speed = tps === undefined ? 0.7 : Math.sqrt(Math.min(1, tps / 20));
  return entry.quality * fit * (QUANT_FACTOR[quant] ?? 0.9) * speed;
}

function matchesView(e: CatalogEntry, view: ModelsView): e is LlmEntry {
  // Recommendations are what llama.cpp-based runtimes run: not image models, what-ifs, or
  // architectures llama.cpp cannot load (their sizes would be formula estimates).
  if (e.kind === "diffusion" || e.whatIf || e.notInLlamaCpp !== undefined) return false;
  if (view.kind !== "all" && e.kind !== view.kind) return false;
  if (view.use !== "all" && !e.capabilities.includes(view.use)) return false;
  // Embedding models answer no questions: listed only when asked for.
  if (view.use !== "embedding" && e.capabilities.includes("embedding") && !e.capabilities.includes("chat")) return false;
  if (view.text) {
    const { filter, words } = parseFilterText(view.text);
    if (filterCatalog([e], filter).length === 0) return false;
    const hay = `${e.id} ${e.name} ${e.family}`.toLowerCase();
    if (!words.every((w) => hay.includes(w))) return false;
  }
  return true;
}

/** One catalog model judged on `hw`: the best quantization that fits (on the GPU if any does). */
export function judge(entry: LlmEntry, shape: ModelShape, hw: Hardware, view: ModelsView, sizer: Sizer, speedOf?: SpeedOf): ModelRow | undefined {
  const settings = settingsFor(shape, view);
  const quant = (hasUsableGpu(hw) ? bestQuant(sizer, shape, settings, hw, ON_GPU) : undefined) ?? bestQuant(sizer, shape, settings, hw, RUNS);
  if (!quant) return undefined;
  const estimate = sizer.estimate(shape, quant, settings, hw);
  const verdict = estimate.placement.verdict;
  const ctxMax = largestContext(sizer, shape, quant, settings, hw, (v) => v === verdict || (verdict !== "gpu" && v === "gpu")) ?? settings.ctx;
  const tps = speedOf?.(shape, estimate, hw);
  const tpsRange = tps !== undefined ? speedRangeOf(tps, verdict === "cpu" ? "cpu" : hw.backend) : undefined;
  return { entry, shape, quant, settings, estimate, verdict, ctxMax, tps, ...(tpsRange && { tpsRange }), score: scoreOf(entry, verdict, quant, tps, hw) };
}

/** What would make a model that does not run at all run: a smaller quant, a shorter context, q8_0 KV. */
export function nearMiss(entry: LlmEntry, shape: ModelShape, hw: Hardware, view: ModelsView, sizer: Sizer): NearMiss | undefined {
  const settings = settingsFor(shape, view);
  const smallest = sizer.estimate(shape, "IQ2_M", settings, hw);
  const ram = hw.memory.availableBytes.value + hw.gpus.reduce((s, g) => s + g.vramFreeBytes.value, 0);
  if (smallest.memory.total > ram * 1.5) return undefined; // not "almost"
  for (const ctx of [2048, 1024]) {
    if (ctx >= settings.ctx) continue;
    const q = bestQuant(sizer, shape, { ...settings, ctx }, hw, RUNS);
    if (q) return { entry, fix: `fits with ${q} at ${ctx / 1024}k context`, needBytes: smallest.memory.total };
  }
  if (view.kv === "f16") {
    const q = bestQuant(sizer, shape, { ...settings, kvTypeK: "q8_0", kvTypeV: "q8_0" }, hw, RUNS);
    if (q) return { entry, fix: `fits with ${q} and a q8_0 KV cache`, needBytes: smallest.memory.total };
  }
  const gib = (b: number) => (b / 1024 ** 3).toFixed(1);
  return { entry, fix: `needs ${gib(smallest.memory.total)} GiB even at IQ2_M; ${gib(ram)} GiB free`, needBytes: smallest.memory.total };
}

const shapes = new WeakMap<CatalogEntry, ModelShape>();
function cachedShape(e: LlmEntry): ModelShape {
  let s = shapes.get(e);
  if (!s) shapes.set(e, (s = shapeOf(e)));
  return s;
}

export interface Recommendations {
  readonly rows: readonly ModelRow[];
  readonly nearMisses: readonly NearMiss[];
  /** Catalog entries considered after the filters. */
  readonly considered: number;
}

export function recommend(catalog: readonly CatalogEntry[], hw: Hardware, view: ModelsView, sizer: Sizer, speedOf?: SpeedOf): Recommendations {
  const acc = new Accumulator(hw, view, sizer, speedOf);
  for (const e of catalog) acc.add(e);
  return acc.result();
}

/**
 * The same, yielding to the event loop every `batch` models so the host keeps answering the
 * editor while a cold catalog is sized (the first sizing of a shape costs ~1 ms).
 */
export async function recommendInSteps(
  catalog: readonly CatalogEntry[], hw: Hardware, view: ModelsView, sizer: Sizer, speedOf?: SpeedOf,
  onProgress?: (done: number, total: number) => void, batch = 16,
): Promise<Recommendations> {
  const acc = new Accumulator(hw, view, sizer, speedOf);
  for (let i = 0; i < catalog.length; i++) {
    acc.add(catalog[i]!);
    if ((i + 1) % batch === 0) {
      onProgress?.(i + 1, catalog.length);
      await new Promise<void>((r) => setImmediate(r));
    }
  }
  return acc.result();
}

class Accumulator {
  private readonly rows: ModelRow[] = [];
  private readonly misses: NearMiss[] = [];
  private considered = 0;

  constructor(
    private readonly hw: Hardware,
    private readonly view: ModelsView,
    private readonly sizer: Sizer,
    private readonly speedOf?: SpeedOf,
  ) {}

  add(e: CatalogEntry): void {
    if (!matchesView(e, this.view)) return;
    this.considered++;
    const shape = cachedShape(e);
    const row = judge(e, shape, this.hw, this.view, this.sizer, this.speedOf);
    if (row) this.rows.push(row);
    else {
      const miss = nearMiss(e, shape, this.hw, this.view, this.sizer);
      if (miss) this.misses.push(miss);
    }
  }

  result(): Recommendations {
    const rows = [...this.rows].sort(compareRows(this.view.sort));
    const misses = [...this.misses].sort((a, b) => a.needBytes - b.needBytes);
    return { rows, nearMisses: misses.slice(0, 8), considered: this.considered };
  }
}

function compareRows(sort: Sort): (a: ModelRow, b: ModelRow) => number {
  switch (sort) {
    case "name":
      return (a, b) => a.entry.name.localeCompare(b.entry.name);
    case "params":
      return (a, b) => b.entry.params.total - a.entry.params.total;
    case "speed":
      return (a, b) => (b.tps ?? -1) - (a.tps ?? -1);
    case "memory":
      return (a, b) => a.estimate.memory.total - b.estimate.memory.total;
    case "score":
      return (a, b) => b.score - a.score || b.entry.quality - a.entry.quality;
  }
}
