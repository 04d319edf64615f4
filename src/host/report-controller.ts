// The :LlmFit float's state in the host: the view (sort, filters, context, KV type), the screen
// (list, one model's detail, training, compare), the runtimes section filling in as discovery
// answers. The Lua side only forwards keys and paints what comes back.
import { fetchQuantFile, knownQuantFile, type KnownFile } from "../models/sources/known-files.js";
import { CATALOG, findModel } from "../models/catalog.js";
import { discoverRuntimes } from "../runtimes/discovery.js";
import { sizeDiscovered, sizingContext } from "../runtimes/sizing.js";
import { totalVramBytes } from "../hardware/describe.js";
import { runtimeEstimator } from "../sizing/runtime-estimator.js";
import { LlmFitError } from "../errors.js";
import type { Hardware } from "../hardware/types.js";
import { adviseInSteps, CONTEXTS, createAdvisor, DEFAULT_VIEW, KIND_FILTERS, SORTS, USES, type Advisor, type ModelRow, type ModelsView, type Recommendations } from "../advice/advise.js";
import { defaultJudgedStore } from "../advice/judged-store.js";
import { createSizer, type Sizer } from "../sizing/search.js";
import { estimateSpeed } from "../speed/estimate.js";
import { installedSpeeds } from "../advice/installed-speed.js";
import { readMeasuredSpeeds } from "../calibration/measured.js";
import { renderReport, type Report, type Screen } from "../report/report.js";
import type { RuntimesState } from "../report/runtimes.js";
import { VERSION } from "../version.js";
import { parseFilterText } from "../report/filter-text.js";
import { compareScreenRows } from "../report/compare.js";
import type { ClusterScreen } from "../report/report.js";
import { clusterFrom } from "../cluster/cli.js";
import { clusterSection } from "../cluster/compare.js";
import { floatPayload, type FloatPayload } from "./float-payload.js";
import type { Session } from "./session.js";

export const REPORT_ACTIONS = ["sort", "filter", "use", "kind", "context", "kv", "detail", "exact", "back", "compare", "training", "refresh", "redraw"] as const;

export type ReportAction = (typeof REPORT_ACTIONS)[number];

function next<T>(list: readonly T[], current: T): T {
  return list[(list.indexOf(current) + 1) % list.length]!;
}

const FOOTER = "q close · <CR> detail · s sort · / filter · u use · k kind · c ctx · v KV · t train · m compare · ? keys";

/** One sizing of the catalog for a view on a machine: done, or under way with its progress. */
interface RecJob {
  readonly key: string;
  readonly hw: Hardware;
  readonly pending: Promise<Recommendations>;
  value?: Recommendations;
  progress: { done: number; total: number };
}

/** How long :LlmFit waits for the table before painting the progress line instead. */
const FIRST_PAINT_WAIT_MS = 30;

export class ReportController {
  private view: ModelsView = DEFAULT_VIEW;
  private screen: Screen = { kind: "models" };
  private runtimes: RuntimesState = { state: "pending", frame: 0 };
  /** Shared with the prompt picker and `llmfit` commands' logic: per-shape work and speeds are cached here. */
  readonly advisor: Advisor;
  private rec: RecJob | undefined;
  private width = 100;
  private seq = 0;
  private sized = false;
  private discovering: Promise<void> | undefined;
  /** Exact GGUF files from cached Hub listings, by "id|quant"; null: none cached. */
  private readonly knownFiles = new Map<string, KnownFile | null>();

  constructor(private readonly session: Session) {
    // judged rows on disk (bundled builds): a new host or `llmfit` process paints without sizing the catalog
    this.advisor = createAdvisor(createSizer(), { store: defaultJudgedStore(session.options.cacheDir) });
  }

  get sizer(): Sizer {
    return this.advisor.sizer;
  }

  /** Work the first :LlmFit would otherwise wait for; run while the host starts. */
  async warm(): Promise<void> {
    // getHardware answers only with the current profile (a detection made stale by setup()'s
    // options is waited past), so the job warmed here is the one :LlmFit will use.
    const hw = await this.session.getHardware();
    await this.recommendations(hw).pending;
  }

  async open(width: number, refresh: boolean): Promise<FloatPayload> {
    this.width = width;
    this.screen = { kind: "models" };
    if (refresh) this.rec = undefined;
    const hw = await this.session.getHardware(refresh);
    this.discover(hw, refresh);
    // Paint at once; a catalog still being sized fills in when it is done. Judged rows on disk
    // (src/advice/judged-store.ts) answer within a turn of the event loop: waiting that long makes
    // the first paint the table, not a progress line replaced a moment later.
    const job = this.recommendations(hw);
    if (!job.value) await Promise.race([job.pending.catch(() => undefined), new Promise((r) => setTimeout(r, FIRST_PAINT_WAIT_MS))]);
    if (!job.value) void job.pending.then(() => this.push(), () => undefined);
    return this.paint(hw);
  }

  async act(action: ReportAction, id: string | undefined, text: string | undefined, width: number): Promise<FloatPayload> {
    this.width = width;
    switch (action) {
      case "sort":
        this.view = { ...this.view, sort: next(SORTS, this.view.sort) };
        break;
      case "filter": {
        const wanted = (text ?? "").trim();
        // Unknown syntax would match nothing without a word: refuse it and keep the old filter.
        const { problems } = parseFilterText(wanted);
        if (problems.length > 0) throw new LlmFitError("bad_args", `filter not changed: ${problems.join("; ")}`);
        this.view = { ...this.view, text: wanted };
        break;
      }
      case "use":
        this.view = { ...this.view, use: next(USES, this.view.use) };
        break;
      case "kind":
        this.view = { ...this.view, kind: next(KIND_FILTERS, this.view.kind) };
        break;
      case "context":
        this.view = { ...this.view, ctx: next(CONTEXTS, this.view.ctx as (typeof CONTEXTS)[number]) };
        break;
      case "kv":
        this.view = { ...this.view, kv: this.view.kv === "f16" ? "q8_0" : "f16" };
        break;
      case "detail": {
        if (!id || !findModel(id)) throw new LlmFitError("bad_args", "no model on this line", "move to a row of the table and press <CR>");
        this.screen = { kind: "detail", id };
        this.lookUpFile(id);
        break;
      }
      case "exact": {
        // Asked for by a key: the one read of the network the detail makes (the repo's listing).
        const target = this.entryFor(id);
        const row = target !== undefined ? this.rowFor(target) : undefined;
        const repo = row?.entry.gguf[0];
        if (!row || repo === undefined) throw new LlmFitError("bad_args", "no GGUF repo is known for this model", "open a model whose Get it lists a GGUF repo");
        this.knownFiles.set(`${row.entry.id}|${row.quant}`, await fetchQuantFile(repo, row.quant, process.env));
        this.screen = { kind: "detail", id: row.entry.id };
        break;
      }
      case "back":
        this.screen = { kind: "models" };
        break;
      case "training":
        this.screen = this.screen.kind === "training" ? { kind: "models" } : { kind: "training" };
        break;
      case "compare": {
        if (this.screen.kind === "compare") {
          this.screen = { kind: "models" };
          break;
        }
        const hw = await this.session.getHardware();
        await this.recommendations(hw).pending;
        const cluster = await this.clusterFor(id);
        this.screen = { kind: "compare", rows: compareScreenRows(hw, this.advisor, this.view, this.session.policy), ...(cluster ? { cluster } : {}) };
        break;
      }
      case "refresh":
        return this.open(width, true);
      case "redraw":
        break;
    }
    const hw = await this.session.getHardware();
    await this.recommendations(hw).pending;
    return this.paint(hw);
  }

  /**
   * The compare screen's cluster part, when setup() names a cluster: the best RPC plan for the
   * model under the cursor (else the report's best model) at its row's quant and settings, from
   * the function `llmfit fit MODEL --host …` prints.
   */
  private async clusterFor(id: string | undefined): Promise<ClusterScreen | undefined> {
    const cfg = this.session.config.cluster;
    if (!cfg || cfg.hosts.length === 0) return undefined;
    const rec = this.rec?.value;
    const row = (id ? rec?.rows.find((r) => r.entry.id === id) : undefined) ?? rec?.best ?? rec?.rows[0];
    if (!row) return { error: "no model to plan: the table is empty" };
    try {
      const { hosts, link } = await clusterFrom({ host: cfg.hosts, ...(cfg.link !== undefined ? { link: cfg.link } : {}) });
      return clusterSection({ modelName: row.entry.name, shape: row.shape, quant: row.quant, settings: row.settings, hosts, link, sizer: this.sizer });
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) };
    }
  }

  /** The row the report sized for a model, when the table has it. */
  rowFor(id: string): ModelRow | undefined {
    return this.rec?.value?.rows.find((r) => r.entry.id === id);
  }

  /** The model a key acts on: the one in the detail view, else the row's. */
  entryFor(id: string | undefined): string | undefined {
    return this.screen.kind === "detail" ? this.screen.id : id;
  }

  /** The report as data, for the CLI's --json and text output. */
  async snapshot(opts: { runtimes: boolean }): Promise<Report> {
    const hw = await this.session.getHardware();
    if (opts.runtimes) {
      this.discover(hw, false);
      await this.discovering;
    }
    await this.recommendations(hw).pending;
    return this.report(hw);
  }

  /** The detail's exact file, read from the sources cache (never the network); repaints when found. */
  private lookUpFile(id: string): void {
    const row = this.rec?.value?.rows.find((r) => r.entry.id === id);
    const repo = row?.entry.gguf[0];
    if (!row || repo === undefined) return;
    const key = `${id}|${row.quant}`;
    if (this.knownFiles.has(key)) return;
    this.knownFiles.set(key, null);
    void knownQuantFile(repo, row.quant, process.env).then(
      (file) => {
        if (!file) return;
        this.knownFiles.set(key, file);
        if (this.screen.kind === "detail" && this.screen.id === id) this.push("detail");
      },
      () => undefined, // a bad HF_ENDPOINT: `:LlmFit fit hf:…` says so when asked
    );
  }

  private report(hw: Hardware): Report {
    const job = this.recommendations(hw);
    const screen = this.screen;
    const row = screen.kind === "detail" ? job.value?.rows.find((r) => r.entry.id === screen.id) : undefined;
    const file = row ? this.knownFiles.get(`${row.entry.id}|${row.quant}`) : undefined;
    return {
      version: VERSION,
      hardware: hw,
      runtimes: this.runtimes,
      ...(job.value ? { models: { rec: job.value, view: this.view } } : { modelsProgress: job.progress }),
      screen,
      ...(row && row.verdict !== "no" ? { detailSpeed: estimateSpeed(row.shape, row.estimate, hw) } : {}),
      ...(file ? { detailFile: file } : {}),
    };
  }

  private paint(hw: Hardware): FloatPayload {
    const rendered = renderReport(this.report(hw), { width: this.width });
    const title = this.screen.kind === "detail" ? `llmfit · ${findModel(this.screen.id)?.name ?? this.screen.id}` : "llmfit";
    const footer =
      this.screen.kind === "detail"
        ? "q close · <BS> back · p pull · P use for prompting · x exact file"
        : this.screen.kind === "compare"
          ? "q close · m / <BS> back"
          : this.screen.kind === "training"
            ? "q close · t / <BS> back"
            : FOOTER;
    return { ...floatPayload(title, rendered, footer, rendered.ids), seq: ++this.seq, screen: this.screen.kind, filter: this.view.text };
  }

  private recommendations(hw: Hardware): RecJob {
    const key = JSON.stringify([this.view, this.session.policy]);
    if (this.rec && this.rec.key === key && this.rec.hw === hw) return this.rec;
    // A profile made stale by new options never replaces the current profile's job: its sizing
    // is answered to whoever asked and then dropped.
    const install = this.session.isCurrent(hw) || this.rec === undefined || !this.session.isCurrent(this.rec.hw);
    let lastPush = 0;
    // The first batch reports before `job` exists (it runs synchronously); that step is skipped.
    let job: RecJob | undefined;
    const progress = (done: number, total: number): void => {
      if (!job) return;
      job.progress = { done, total };
      const now = performance.now();
      // Progress is worth showing only while the table has never been painted: later sizings
      // (a new view) are answered by the key's own request once done.
      if (!this.sized && now - lastPush > 150 && this.rec === job) {
        lastPush = now;
        this.push();
      }
    };
    const pending = adviseInSteps(CATALOG, hw, this.advisor, { view: this.view, policy: this.session.policy }, progress).then((value) => {
      created.value = value;
      this.sized = true;
      return value;
    });
    const created: RecJob = { key, hw, progress: { done: 0, total: CATALOG.length }, pending };
    job = created;
    if (install) this.rec = created;
    return created;
  }

  /** A prompt's speed was recorded: the next report finds the runtimes, and reads their measured figures, again. */
  runsRecorded(): void {
    if (this.discovering) void this.discovering.then(() => (this.discovering = undefined));
  }

  /** Find runtimes in the background; the float is repainted when they answer. */
  private discover(hw: Hardware, refresh: boolean): void {
    if (this.discovering && !refresh) return;
    this.runtimes = { state: "pending", frame: 0 };
    const spin = setInterval(() => {
      if (this.runtimes.state !== "pending") return;
      this.runtimes = { state: "pending", frame: this.runtimes.frame + 1 };
      this.push();
    }, 120);
    const cfg = this.session.config.runtimes;
    const cacheDir = this.session.options.cacheDir;
    this.discovering = Promise.all([discoverRuntimes(cfg), readMeasuredSpeeds(cacheDir !== undefined ? { cacheDir } : {})])
      .then(([found, measured]) => {
        const now = this.session.currentHardware() ?? hw;
        const sized = sizeDiscovered(found, runtimeEstimator(this.sizer, now), sizingContext(totalVramBytes(now), cfg, process.env));
        this.runtimes = { state: "done", runtimes: found, sized, speeds: installedSpeeds(sized, now, this.advisor, measured) };
      })
      .catch((err: unknown) => {
        this.session.log.error("runtime discovery failed", err);
        this.runtimes = { state: "done", runtimes: [], sized: new Map() };
      })
      .finally(() => {
        clearInterval(spin);
        this.push();
      });
  }

  /** Repaint `screen` (the list unless told) for the current profile; nothing while a new detection is under way. */
  private push(screen: Screen["kind"] = "models"): void {
    const hw = this.session.currentHardware();
    if (this.screen.kind !== screen || !hw) return;
    this.session.editor?.call("llmfit.report", "on_update", [this.paint(hw)]);
  }
}
