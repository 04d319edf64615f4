// The one answer to "what runs on this machine, how, and which is best". For a Hardware (detected
// or simulated), a view (use, kind, text, context, KV type) and a policy (reserve, minimum usable
// speed): every catalog model judged at its best usable quantization, with placement, largest
// context and decode speed, ranked. The report, its compare screen, `llmfit compare`, `llmfit
// fit`, the prompt picker and every --json render this; none of them ranks or sizes on its own.
//
// The score is documented in doc/llmfit.txt (llmfit-score):
//   score = quality (1–10, the catalog's class) × fit × quant × speed
//   fit:   1.0 all on GPU (or on a machine without a usable GPU, on the CPU), 0.6 partial
//          offload, 0.4 CPU only while a GPU exists
//   quant: 1.0 F16/Q8_0, 0.98 Q6_K, 0.96 Q5_K_M, 0.93 Q4_K_M, 0.9 IQ4_XS, 0.8 Q3_K_M/IQ3_M,
//          0.65 Q2_K/IQ2_M (quality lost to quantization, after llama.cpp's perplexity tables)
//   speed: min(1, decode tok/s ÷ 20) ^ 0.5 — 20 tok/s reads comfortably; below it counts
// and a model at or above the minimum usable speed (policy.minTps) ranks above every one below it.
import type { Hardware } from "../hardware/types.js";
import type { CatalogEntry, LlmEntry } from "../models/catalog.js";
import { filterCatalog, shapeOf } from "../models/catalog.js";
import { parseFilterText, type FilterText } from "../report/filter-text.js";
import type { ModelShape } from "../models/shape.js";
import { bestQuant, createSizer, largestContext, ON_GPU, QUANT_LADDER, RUNS, type Sizer } from "../sizing/search.js";
import { parseQuantName, type QuantName } from "../sizing/quant-mix.js";
import { DEFAULT_RUN_SETTINGS, type Estimate, type KvType, type RunSettings, type Verdict } from "../sizing/types.js";
import { estimateSpeed, SHORT_CTX, speedRangeOf, type SpeedRange } from "../speed/estimate.js";
import { DEFAULT_POLICY, memoryWarning, planningHardware, type AdvicePolicy } from "./policy.js";
import { rehydrate, type JudgedStore, type StoredJudged } from "./judged-store.js";
import { compareText } from "../text-order.js";

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

/** Decode tokens/s for an estimate on a machine. */
export type SpeedOf = (shape: ModelShape, estimate: Estimate, hw: Hardware) => number | undefined;

/** What one catalog model came to on a machine at a context and KV type: a row, else a near miss or nothing. */
export interface Judged {
  readonly row?: ModelRow;
  readonly miss?: NearMiss;
}

/** The sizer and the speed cache every view shares, so the same question gets the same number. */
export interface Advisor {
  readonly sizer: Sizer;
  readonly speedOf: SpeedOf;
  /**
   * Models already judged on a planned machine for a (context, KV type, minimum speed): sorting
   * and filtering only pick among these, so a key in the report repaints without sizing anything.
   */
  judged(planned: Hardware, key: string): Map<CatalogEntry, Judged>;
  /** What an earlier process judged for the same machine and view (src/advice/judged-store.ts), by model id. */
  stored(planned: Hardware, key: string): ReadonlyMap<string, StoredJudged>;
  /** Keeps `rows`, judged for this machine and view, for the next process; nothing without a store. */
  persist(planned: Hardware, key: string, rows: ReadonlyMap<CatalogEntry, Judged>): void;
}

export interface AdvisorOptions {
  /** Judged rows on disk: a new process starts where the last one stopped. */
  readonly store?: JudgedStore | undefined;
}

/**
 * Views (context, KV type, minimum speed) whose judged rows a process keeps per machine. A report
 * session steps through contexts and KV types; the whole catalog judged for each one it ever
 * showed made the host's memory grow with every new view (~1 MiB each). A view dropped here
 * comes back from the judged rows on disk, or is judged again, with the same answer.
 */
export const VIEWS_KEPT = 3;

/** The value for `key`, made with `make` if missing; `map` keeps the `max` keys used last. */
function recent<V>(map: Map<string, V>, key: string, max: number, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) v = make();
  else map.delete(key);
  map.set(key, v);
  for (const old of map.keys()) {
    if (map.size <= max) break;
    map.delete(old);
  }
  return v;
}

export function createAdvisor(sizer: Sizer = createSizer(), opts: AdvisorOptions = {}): Advisor {
  const judgedBy = new WeakMap<Hardware, Map<string, Map<CatalogEntry, Judged>>>();
  const judged = (planned: Hardware, key: string): Map<CatalogEntry, Judged> => {
    let byKey = judgedBy.get(planned);
    if (!byKey) judgedBy.set(planned, (byKey = new Map()));
    return recent(byKey, key, VIEWS_KEPT, () => new Map());
  };
  const { store } = opts;
  const storedBy = new WeakMap<Hardware, Map<string, ReadonlyMap<string, StoredJudged>>>();
  const stored = (planned: Hardware, key: string): ReadonlyMap<string, StoredJudged> => {
    if (!store) return EMPTY;
    let byKey = storedBy.get(planned);
    if (!byKey) storedBy.set(planned, (byKey = new Map()));
    return recent(byKey, key, VIEWS_KEPT, () => store.load(planned, key));
  };
  // the caller's rows, not judged(): the view may have been dropped from memory while it sized
  const persist = (planned: Hardware, key: string, rows: ReadonlyMap<CatalogEntry, Judged>): void => {
    store?.save(planned, key, rows);
  };
  // By machine, then by shape itself: a key made of a few of the shape's fields (arch, parameter
  // count, layers, width) gave CodeLlama 7B's tok/s to DeepSeek Coder 6.7B (their vocabularies
  // differ), whichever was judged first; `llmfit fit` of the other then disagreed with the report.
  const speeds = new WeakMap<Hardware, WeakMap<ModelShape, Map<string, number | undefined>>>();
  const speedOf: SpeedOf = (shape, estimate, hw) => {
    let byHw = speeds.get(hw);
    if (!byHw) speeds.set(hw, (byHw = new WeakMap()));
    let byShape = byHw.get(shape);
    if (!byShape) byHw.set(shape, (byShape = new Map()));
    const s = estimate.settings;
    const p = estimate.placement;
    const key = `${estimate.quant}|${s.ctx}|${s.kvTypeK}|${s.kvTypeV}|${p.verdict}|${p.layersOnGpu}`;
    // decodeTps is the short context's figure: the long one is not asked for
    if (!byShape.has(key)) byShape.set(key, p.verdict === "no" ? undefined : estimateSpeed(shape, estimate, hw, { contexts: [SHORT_CTX], withSpec: false }).decodeTps);
    return byShape.get(key);
  };
  return { sizer, speedOf, judged, stored, persist };
}

const EMPTY: ReadonlyMap<string, StoredJudged> = new Map();

/** A judged catalog model: the sizing of its shape (Sized) with the entry and its score. */
export interface ModelRow extends Sized {
  readonly entry: LlmEntry;
  readonly shape: ModelShape;
  readonly score: number;
}

export interface NearMiss {
  readonly entry: LlmEntry;
  /** What would make it run, in words: "fits with Q2_K at 2k context". */
  readonly fix: string;
  readonly needBytes: number;
}

/** Catalog entries the table does not show, grouped by why. */
export interface LeftOut {
  readonly reason: string;
  readonly ids: readonly string[];
}

export interface Recommendations {
  readonly rows: readonly ModelRow[];
  readonly nearMisses: readonly NearMiss[];
  /** Catalog entries considered after the filters. */
  readonly considered: number;
  /** The top row by score (whatever the sort): the one answer every view names. */
  readonly best?: ModelRow;
  readonly leftOut: readonly LeftOut[];
  /** The machine as judged (RAM less the reserve). */
  readonly planned: Hardware;
  readonly policy: AdvicePolicy;
  /** Momentary conditions that do not change the ranking (free RAM below the plan). */
  readonly warnings: readonly string[];
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

function isEmbedding(e: LlmEntry): boolean {
  return e.capabilities.includes("embedding") && !e.capabilities.includes("chat");
}

export function scoreOf(entry: LlmEntry, verdict: Verdict, quant: QuantName, tps: number | undefined, hw: Hardware): number {
  const fit = verdict === "gpu" ? 1 : verdict === "partial" ? 0.6 : verdict === "cpu" ? (hasUsableGpu(hw) ? 0.4 : 1) : 0;
  const speed = tps === undefined ? 1 : Math.sqrt(Math.min(1, tps / 20));
  return entry.quality * fit * (QUANT_FACTOR[quant] ?? 0.9) * speed;
}

type Exclusion = "diffusion" | "whatIf" | "notInLlamaCpp" | "embedding" | "filtered";

function exclusion(e: CatalogEntry, view: ModelsView, text: FilterText | undefined): Exclusion | undefined {
  // Recommendations are what llama.cpp-based runtimes run: not image models, what-ifs, or
  // architectures llama.cpp cannot load (their sizes would be formula estimates).
  if (e.kind === "diffusion") return "diffusion";
  if (e.whatIf) return "whatIf";
  if (e.notInLlamaCpp !== undefined) return "notInLlamaCpp";
  if (view.kind !== "all" && e.kind !== view.kind) return "filtered";
  if (view.use !== "all" && !e.capabilities.includes(view.use)) return "filtered";
  // Embedding models answer no questions: listed only when asked for.
  if (view.use !== "embedding" && isEmbedding(e)) return "embedding";
  if (text) {
    const { filter, words } = text;
    if (filterCatalog([e], filter).length === 0) return "filtered";
    const hay = `${e.id} ${e.name} ${e.family}`.toLowerCase();
    if (!words.every((w) => hay.includes(w))) return "filtered";
  }
  return undefined;
}

const EXCLUSION_WORDS: Record<Exclusion, string> = {
  diffusion: "image/video pipelines (llmfit fit ID sizes them)",
  whatIf: "what-if shapes (llmfit list shows them)",
  notInLlamaCpp: "architectures llama.cpp cannot load",
  embedding: "embedding models (use: embedding shows them)",
  filtered: "outside the filters",
};

/**
 * What judging decides from the shape alone (and whether the model is an embedding model): the
 * sizing half of a row, without the catalog entry and its score. Entries of one shape (a base and
 * an instruct model) get the same answer; the accumulator asks once per shape.
 */
export interface Sized {
  readonly quant: QuantName;
  readonly settings: RunSettings;
  readonly estimate: Estimate;
  readonly verdict: Verdict;
  /** Largest context that keeps this verdict at this quantization. */
  readonly ctxMax: number;
  /** Decode tokens/s at a short context; undefined for embedding models (they decode nothing). */
  readonly tps: number | undefined;
  /** Where tps will likely land (src/speed/estimate.ts speedRangeOf): the held-out error of its backend. */
  readonly tpsRange?: SpeedRange;
  /** At or above the policy's minimum usable speed (embedding models always are). */
  readonly usable: boolean;
  /** Why this quantization rather than the largest that fits, when it is not that one. */
  readonly quantWhy?: string;
}

/**
 * One shape sized on a planned machine: the best quantization that fits (on the GPU if any
 * does), stepped down while it is slower than the policy's minimum usable speed and a smaller
 * one is fast enough.
 */
export function sizeShape(shape: ModelShape, embedding: boolean, hw: Hardware, view: ModelsView, advisor: Advisor, policy: AdvicePolicy = DEFAULT_POLICY): Sized | undefined {
  const { sizer, speedOf } = advisor;
  const settings = settingsFor(shape, view);
  const largest = (hasUsableGpu(hw) ? bestQuant(sizer, shape, settings, hw, ON_GPU) : undefined) ?? bestQuant(sizer, shape, settings, hw, RUNS);
  if (!largest) return undefined;
  let quant = largest;
  let estimate: Estimate = sizer.estimate(shape, quant, settings, hw);
  let tps = embedding ? undefined : speedOf(shape, estimate, hw);
  let quantWhy: string | undefined;
  if (!embedding && (tps ?? 0) < policy.minTps) {
    // Smaller is faster: if even the smallest quantization is too slow, none is usable; else
    // binary-search the ladder for the largest one that is fast enough (a few estimates, not ten).
    const below = QUANT_LADDER.slice(QUANT_LADDER.indexOf(largest) + 1);
    const tried = new Map<QuantName, { e: Estimate; t: number | undefined }>();
    const at = (i: number) => {
      const q = below[i]!;
      let hit = tried.get(q);
      if (!hit) {
        const e = sizer.estimate(shape, q, settings, hw);
        hit = { e, t: e.placement.verdict === "no" ? undefined : speedOf(shape, e, hw) };
        tried.set(q, hit);
      }
      return hit;
    };
    const fast = (i: number) => (at(i).t ?? 0) >= policy.minTps;
    if (below.length > 0 && fast(below.length - 1)) {
      let lo = 0;
      let hi = below.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (fast(mid)) hi = mid;
        else lo = mid + 1;
      }
      const q = below[lo]!;
      const hit = at(lo);
      quantWhy = `${largest} fits but decodes ${(tps ?? 0).toFixed(1)} tok/s, under the ${policy.minTps} tok/s minimum usable speed; ${q} reaches ${(hit.t ?? 0).toFixed(1)}`;
      quant = q;
      estimate = hit.e;
      tps = hit.t;
    }
  }
  const verdict = estimate.placement.verdict;
  const ctxMax = largestContext(sizer, shape, quant, settings, hw, (v) => v === verdict || (verdict !== "gpu" && v === "gpu")) ?? settings.ctx;
  const usable = embedding || (tps !== undefined && tps >= policy.minTps);
  const tpsRange = tps !== undefined ? speedRangeOf(tps, verdict === "cpu" ? "cpu" : hw.backend) : undefined;
  return { quant, settings, estimate, verdict, ctxMax, tps, ...(tpsRange && { tpsRange }), usable, ...(quantWhy ? { quantWhy } : {}) };
}

/** One catalog model judged on a planned machine: its shape sized (sizeShape), scored for the entry. */
export function judge(
  entry: LlmEntry, shape: ModelShape, hw: Hardware, view: ModelsView, advisor: Advisor, policy: AdvicePolicy = DEFAULT_POLICY,
  sized: Sized | undefined = sizeShape(shape, isEmbedding(entry), hw, view, advisor, policy),
): ModelRow | undefined {
  if (!sized) return undefined;
  const { quant, settings, estimate, verdict, ctxMax, tps, tpsRange, usable, quantWhy } = sized;
  return { entry, shape, quant, settings, estimate, verdict, ctxMax, tps, ...(tpsRange && { tpsRange }), usable, ...(quantWhy ? { quantWhy } : {}), score: scoreOf(entry, verdict, quant, tps, hw) };
}

/** One model on a machine, judged exactly as the report judges it (for `llmfit fit`). */
export function adviseModel(entry: LlmEntry, hw: Hardware, view: ModelsView, advisor: Advisor, policy: AdvicePolicy = DEFAULT_POLICY): ModelRow | undefined {
  return judge(entry, cachedShape(entry), planningHardware(hw, policy), view, advisor, policy);
}

export interface Rating {
  readonly estimate: Estimate;
  readonly verdict: Verdict;
  /** The quantization it was sized at (a label the sizer does not know is sized as Q4_K_M). */
  readonly quant: QuantName;
  readonly tps: number | undefined;
  /** Where tps will likely land, as a report row's tpsRange. */
  readonly tpsRange?: SpeedRange;
  readonly usable: boolean;
}

/**
 * A model at a given quantization and context (an installed one, as a runtime runs it), judged
 * on the planned machine with the same sizer and speed model as the report's rows.
 */
export function rateModel(shape: ModelShape, quantization: string | undefined, ctx: number, hw: Hardware, advisor: Advisor, policy: AdvicePolicy = DEFAULT_POLICY): Rating {
  const planned = planningHardware(hw, policy);
  // A label the sizer does not know is sized as Q4_K_M, the quantization of Ollama's default tags.
  const quant = parseQuantName(quantization ?? "") ?? "Q4_K_M";
  const estimate = advisor.sizer.estimate(shape, quant, { ...DEFAULT_RUN_SETTINGS, ctx }, planned);
  const verdict = estimate.placement.verdict;
  const tps = verdict === "no" ? undefined : advisor.speedOf(shape, estimate, planned);
  const tpsRange = tps !== undefined ? speedRangeOf(tps, verdict === "cpu" ? "cpu" : planned.backend) : undefined;
  return { estimate, verdict, quant, tps, ...(tpsRange && { tpsRange }), usable: tps !== undefined && tps >= policy.minTps };
}

/** What would make a model that does not run at all run: a smaller quant, a shorter context, q8_0 KV. */
export function nearMiss(entry: LlmEntry, shape: ModelShape, hw: Hardware, view: ModelsView, sizer: Sizer): NearMiss | undefined {
  const settings = settingsFor(shape, view);
  const smallest = sizer.estimate(shape, "IQ2_M", settings, hw);
  // Unified memory is one pool: the GPU's share is part of the RAM, not added to it.
  const unified = hw.gpus.some((g) => g.unified);
  const ram = hw.memory.availableBytes.value + (unified ? 0 : hw.gpus.reduce((s, g) => s + g.vramFreeBytes.value, 0));
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

export interface AdviceInput {
  readonly view?: ModelsView;
  readonly policy?: AdvicePolicy;
}

/** The advice for a machine, in one call. */
export function advise(catalog: readonly CatalogEntry[], hw: Hardware, advisor: Advisor, input: AdviceInput = {}): Recommendations {
  const acc = new Accumulator(hw, input.view ?? DEFAULT_VIEW, advisor, input.policy ?? DEFAULT_POLICY);
  for (const e of catalog) acc.add(e);
  return acc.result();
}

/**
 * The same, yielding to the event loop every `batch` models so the host keeps answering the
 * editor while a cold catalog is sized (the first sizing of a shape costs ~1 ms).
 */
export async function adviseInSteps(
  catalog: readonly CatalogEntry[], hw: Hardware, advisor: Advisor, input: AdviceInput = {},
  onProgress?: (done: number, total: number) => void, batch = 16,
): Promise<Recommendations> {
  const acc = new Accumulator(hw, input.view ?? DEFAULT_VIEW, advisor, input.policy ?? DEFAULT_POLICY);
  // Yield at least every ~10 ms as well: a slow machine sizes few models in that time, and an
  // HTTP answer (runtime discovery) waiting behind a long batch would hit its timeout.
  // Models judged before (another sort or filter of the same view) cost nothing and do not count
  // toward a batch: a warm view is answered in one turn of the event loop.
  let last = performance.now();
  let sized = 0;
  for (let i = 0; i < catalog.length; i++) {
    if (!acc.add(catalog[i]!)) continue;
    const due = ++sized % batch === 0;
    if (due) onProgress?.(i + 1, catalog.length);
    if (due || performance.now() - last > 10) {
      await new Promise<void>((r) => setImmediate(r));
      last = performance.now();
    }
  }
  return acc.result();
}

class Accumulator {
  private readonly rows: ModelRow[] = [];
  private readonly misses: NearMiss[] = [];
  private readonly left = new Map<string, string[]>();
  private considered = 0;
  private readonly planned: Hardware;
  private readonly judged: Map<CatalogEntry, Judged>;
  private readonly stored: ReadonlyMap<string, StoredJudged>;
  private readonly viewKey: string;
  private readonly text: FilterText | undefined;
  /** Per shape: sized as a language model and as an embedding model (null: not yet asked). */
  private readonly bySize = new Map<ModelShape, [Sized | undefined | null, Sized | undefined | null]>();
  /** Models judged by this call, not taken from memory or disk. */
  private fresh = 0;

  constructor(
    private readonly hw: Hardware,
    private readonly view: ModelsView,
    private readonly advisor: Advisor,
    private readonly policy: AdvicePolicy,
  ) {
    this.planned = planningHardware(hw, policy);
    // parsed once for the whole catalog, not once per model (a filter key repaints from here)
    this.text = view.text ? parseFilterText(view.text) : undefined;
    // judge and nearMiss read only these of the view; the rest (sort, filters) is applied here
    this.viewKey = `${view.ctx}|${view.kv}|${policy.minTps}`;
    this.judged = advisor.judged(this.planned, this.viewKey);
    this.stored = advisor.stored(this.planned, this.viewKey);
  }

  private leave(reason: string, id: string): void {
    const ids = this.left.get(reason);
    if (ids) ids.push(id);
    else this.left.set(reason, [id]);
  }

  /** A shape sized once per call for entries that share it (the planned machine and the view are this call's). */
  private sized(shape: ModelShape, embedding: boolean): Sized | undefined {
    const key = embedding ? 1 : 0;
    let both = this.bySize.get(shape);
    if (!both) this.bySize.set(shape, (both = [null, null]));
    let s = both[key];
    if (s === null) both[key] = s = sizeShape(shape, embedding, this.planned, this.view, this.advisor, this.policy);
    return s;
  }

  /** Takes one catalog model into the advice; true when it had to be sized (not excluded, not judged before here or on disk). */
  add(e: CatalogEntry): boolean {
    const why = exclusion(e, this.view, this.text);
    if (why !== undefined || e.kind === "diffusion") {
      if (why !== undefined && why !== "filtered") this.leave(EXCLUSION_WORDS[why], e.id);
      return false;
    }
    this.considered++;
    let j = this.judged.get(e);
    let sized = false;
    if (!j) {
      const kept = this.stored.get(e.id);
      if (kept) j = rehydrate(e, () => cachedShape(e), kept);
      else {
        const shape = cachedShape(e);
        const row = judge(e, shape, this.planned, this.view, this.advisor, this.policy, this.sized(shape, isEmbedding(e)));
        const miss = row ? undefined : nearMiss(e, shape, this.planned, this.view, this.advisor.sizer);
        j = row ? { row } : miss ? { miss } : {};
        this.fresh++;
        sized = true;
      }
      this.judged.set(e, j);
    }
    if (j.row) this.rows.push(j.row);
    else if (j.miss) this.misses.push(j.miss);
    else this.leave("too big for this machine at any quantization", e.id);
    return sized;
  }

  result(): Recommendations {
    if (this.fresh > 0) this.advisor.persist(this.planned, this.viewKey, this.judged);
    const rows = [...this.rows].sort(compareRows(this.view.sort));
    const best = [...this.rows].sort(compareRows("score"))[0];
    const misses = [...this.misses].sort((a, b) => a.needBytes - b.needBytes);
    // Near misses beyond the eight shown are left out too, and say so.
    for (const m of misses.slice(8)) this.leave("too big for this machine at any quantization", m.entry.id);
    const cpuBytes = best?.estimate.placement.devices.find((d) => d.device === "cpu")?.bytes ?? 0;
    const warning = best ? memoryWarning(this.hw, cpuBytes) : undefined;
    return {
      rows,
      nearMisses: misses.slice(0, 8),
      considered: this.considered,
      ...(best ? { best } : {}),
      leftOut: [...this.left.entries()].map(([reason, ids]) => ({ reason, ids })),
      planned: this.planned,
      policy: this.policy,
      warnings: warning ? [`${best?.entry.name}: ${warning}`] : [],
    };
  }
}

function compareRows(sort: Sort): (a: ModelRow, b: ModelRow) => number {
  switch (sort) {
    case "name":
      return (a, b) => compareText(a.entry.name, b.entry.name);
    case "params":
      return (a, b) => b.entry.params.total - a.entry.params.total;
    case "speed":
      return (a, b) => (b.tps ?? -1) - (a.tps ?? -1);
    case "memory":
      return (a, b) => a.estimate.memory.total - b.estimate.memory.total;
    case "score":
      // Usable first: a model fast enough to read beats a better one that is not.
      return (a, b) => Number(b.usable) - Number(a.usable) || b.score - a.score || b.entry.quality - a.entry.quality || compareText(a.entry.id, b.entry.id);
  }
}
