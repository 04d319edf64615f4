// What the host keeps between requests: the parsed config, the log, and the caches that make a
// warm :LlmFit paint in milliseconds (the hardware profile is detected once per host).
import { defaultConfig, type Config } from "../config.js";
import { detectHardware } from "../hardware/detect.js";
import { totalVramBytes } from "../hardware/describe.js";
import type { Hardware } from "../hardware/types.js";
import type { Calibration } from "../calibration/schema.js";
import type { Logger } from "../log.js";
import type { PromptEvents } from "../prompt/run.js";
import { PromptService, type RateModel } from "../prompt/service.js";
import type { InstalledModel } from "../runtimes/types.js";
import { VERDICT_WORD, adviceSummary } from "../report/models.js";
import { adviseInSteps, DEFAULT_VIEW, rateModel } from "../advice/advise.js";
import { CATALOG } from "../models/catalog.js";
import { defaultCandidates, offerFor, type DownloadOffer } from "../prompt/default-model.js";
import { DownloadService } from "./downloads.js";
import { policyFrom, type AdvicePolicy } from "../advice/policy.js";
import type { HardwareOverrides } from "../hardware/overrides.js";
import { machineKey } from "../calibration/machine.js";
import { createRunRecorder } from "../calibration/record.js";
import { PullService } from "./pulls.js";
import { ReportController } from "./report-controller.js";

/** What the host can push to the editor: require(module)[fn](...args), without waiting. */
export interface EditorLink {
  call(module: string, fn: string, args: readonly unknown[]): void;
}

export interface HostOptions {
  readonly cacheDir?: string;
  /** Hardware detection; tests pass one they can hold back to force an order. */
  readonly detect?: typeof detectHardware;
  /** Hardware flags (the CLI's --gpu, --cpu …); when given they replace the config's hardware keys. */
  readonly overrides?: HardwareOverrides;
}

export class Session {
  config: Config = defaultConfig();
  /** The current detection: the one for the hardware overrides now in `config`. */
  private hardware: Promise<Hardware> | undefined;
  /** What the current detection resolved to, for synchronous callers; never an older one's. */
  private detected: Hardware | undefined;

  private promptService: PromptService | undefined;
  private reportController: ReportController | undefined;

  private pullService: PullService | undefined;
  private downloadService: DownloadService | undefined;
  /** The default download for the current hardware, once asked (a Hub round trip). */
  private offer: { hw: Hardware; pending: Promise<DownloadOffer | undefined> } | undefined;

  get downloads(): DownloadService {
    return (this.downloadService ??= new DownloadService(this));
  }

  get pulls(): PullService {
    return (this.pullService ??= new PullService(this));
  }

  get report(): ReportController {
    return (this.reportController ??= new ReportController(this));
  }

  constructor(
    readonly log: Logger,
    readonly options: HostOptions = {},
    readonly editor?: EditorLink,
  ) {}

  /** Prompting; events go to the editor (or nowhere when there is none, as in unit tests). */
  get prompts(): PromptService {
    if (!this.promptService) {
      const editor = this.editor;
      const events: PromptEvents = {
        chunk: (id, text, stats) => editor?.call("llmfit.answer", "on_event", ["chunk", id, { text, ...stats }]),
        done: (id, answer, accept, stats) => editor?.call("llmfit.answer", "on_event", ["done", id, { answer, accept, ...stats }]),
        failed: (id, message, level, stats) =>
          editor?.call("llmfit.answer", "on_event", ["failed", id, { message, level, ...stats }]),
      };
      const vram = async () => {
        const hw = await this.getHardware().catch(() => undefined);
        return hw ? totalVramBytes(hw) : 0;
      };
      const lastFile = this.options.cacheDir ? `${this.options.cacheDir}/last-model.json` : undefined;
      this.promptService = new PromptService(() => this.config, events, vram, lastFile, (m, ctx) => this.rateInstalled(m, ctx), {}, { offer: () => this.defaultOffer() }).recordWith(
        createRunRecorder({
          key: () => machineKey(this.options.cacheDir !== undefined ? { cacheDir: this.options.cacheDir } : {}),
          hardware: () => this.getHardware().catch(() => undefined),
          sizer: this.report.sizer,
          onRecorded: (calibration) => this.recorded(calibration),
        }),
      );
    }
    return this.promptService;
  }

  /** The advice policy (reserve, minimum usable speed) from the config. */
  get policy(): AdvicePolicy {
    return policyFrom(this.config.advice);
  }

  configure(config: Config): void {
    // Only different hardware overrides make the detected profile stale.
    if (JSON.stringify(config.hardware) !== JSON.stringify(this.config.hardware)) {
      this.hardware = undefined;
      this.detected = undefined;
    }
    this.config = config;
  }

  /**
   * What the picker offers to download when nothing can answer: the advice's best small chat
   * model for this machine (judged at a 4k context, as the embedded runtime opens it) as one Hub
   * file. A failed look-up (no network) is not kept: the next picker asks again.
   */
  private defaultOffer(): Promise<DownloadOffer | undefined> {
    const cached = this.offer;
    return (async () => {
      const hw = await this.getHardware();
      if (cached?.hw === hw) return cached.pending;
      const pending = (async () => {
        const recs = await adviseInSteps(CATALOG, hw, this.report.advisor, { view: { ...DEFAULT_VIEW, use: "chat", ctx: 4096 }, policy: this.policy });
        return offerFor(defaultCandidates(recs), { env: process.env });
      })();
      this.offer = { hw, pending };
      pending.catch(() => {
        if (this.offer?.pending === pending) this.offer = undefined;
      });
      return pending;
    })();
  }

  /** The picker's fit and speed for an installed model, once the hardware is known. */
  private rateInstalled(m: InstalledModel, ctx: number): ReturnType<RateModel> {
    const hw = this.detected;
    if (!m.shape || !hw) return undefined;
    const r = rateModel(m.shape, m.quantization, ctx, hw, this.report.advisor, this.policy);
    return {
      verdict: VERDICT_WORD[r.verdict],
      summary: adviceSummary(r),
      ...(r.tps !== undefined ? { tps: r.tps } : {}),
      fits: r.verdict !== "no",
      // Below the minimum usable speed (advice.min_tps) an answer of a few hundred tokens takes minutes.
      slow: r.tps !== undefined && !r.usable,
    };
  }

  /**
   * The hardware profile for the current config; detected on first use, then reused until
   * `refresh`. A detection started before setup()'s options arrived may finish after the one
   * for those options: its answer is stale, so a caller waiting on it waits on the current one
   * instead, and only the current detection ever sets `detected`.
   */
  async getHardware(refresh = false): Promise<Hardware> {
    for (let fresh = refresh; ; fresh = false) {
      const pending = fresh || !this.hardware ? this.startDetection(fresh) : this.hardware;
      const hw = await pending;
      if (this.hardware === pending) return hw;
    }
  }

  /**
   * A prompt's speed was kept: the report reads the measured figures again when next opened, and
   * a calibration the run moved replaces the profile's (a new profile, so every estimate and the
   * judged rows follow it). A profile without this machine's calibration (simulated, another CPU
   * named) has nothing to update.
   */
  private recorded(calibration: Calibration | undefined): void {
    this.report.runsRecorded();
    const hw = this.detected;
    if (!calibration || !hw?.calibration || this.hardware === undefined) return;
    const next: Hardware = { ...hw, calibration };
    this.detected = next;
    this.hardware = Promise.resolve(next);
  }

  /** The profile of the current detection when it has finished; undefined while it runs. */
  currentHardware(): Hardware | undefined {
    return this.detected;
  }

  /** Whether `hw` is the current detection's profile (not one made stale by new options). */
  isCurrent(hw: Hardware): boolean {
    return this.detected === hw;
  }

  private startDetection(refresh: boolean): Promise<Hardware> {
    const started = performance.now();
    const hw = this.config.hardware;
    const pending = (this.options.detect ?? detectHardware)({
      refresh,
      ...(this.options.cacheDir ? { cacheDir: this.options.cacheDir } : {}),
      overrides: this.options.overrides ?? {
        ...(hw.gpu !== undefined ? { gpu: hw.gpu } : {}),
        ...(hw.cpu !== undefined ? { cpu: hw.cpu } : {}),
        ...(hw.vram_gb !== undefined ? { vramGb: hw.vram_gb } : {}),
        ...(hw.ram_gb !== undefined ? { ramGb: hw.ram_gb } : {}),
        ...(hw.unified !== undefined ? { unified: hw.unified } : {}),
      },
    });
    this.hardware = pending;
    this.detected = undefined;
    pending.then(
      (found) => {
        this.log.debug(`hardware detected in ${(performance.now() - started).toFixed(1)} ms`);
        // Registered before any caller's await, so callers resume with `detected` set.
        if (this.hardware === pending) this.detected = found;
      },
      () => {
        // A failed detection must not stick: the next request tries again.
        if (this.hardware === pending) this.hardware = undefined;
      },
    );
    return pending;
  }
}
