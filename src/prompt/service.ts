// Prompting, host side: templates, the model list for the picker, resolving which model and
// runtime answer, the context guard, and the conversations in flight (one PromptRun each).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import * as z from "zod";
import { lazySchema } from "../lazy-schema.js";
import type { Config } from "../config.js";
import { LlmFitError } from "../errors.js";
import { chatRuntimeFor, discoverRuntimes, runtimeClients, type DiscoveryDeps } from "../runtimes/discovery.js";
import { hostOf } from "../runtimes/errors.js";
import { normalizeBaseUrl } from "../runtimes/http.js";
import { EmbeddedRuntime } from "../runtimes/embedded.js";
import { runContextFor, sizingContext } from "../runtimes/sizing.js";
import type { ChatMessage, ChatRuntime, InstalledModel } from "../runtimes/types.js";
import type { RunRecorder } from "../calibration/record.js";
import { PromptRun, type PromptEvents, type PromptRunOptions } from "./run.js";
import { findTemplate, mergeTemplates, needsInput, renderPrompt, type Template, type TemplateContext } from "./templates.js";
import { estimateTokens, guardContext } from "./tokens.js";
import { findOnDiskModels, nodeLlamaCppModelsDir, onDiskDirs, type OnDiskModel } from "../runtimes/on-disk.js";
import { gib, offerFileName, offerLabel, type DownloadOffer } from "./default-model.js";

export const ModelRefSchema = lazySchema(() => z
  .object({
    runtime: z.enum(["ollama", "llamacpp", "lmstudio", "openai", "embedded"]),
    url: z.string(),
    model: z.string().min(1),
    /** The context the runtime runs it with, when known. */
    context: z.number().int().positive().optional(),
  })
  .strict());
export type ModelRef = z.infer<typeof ModelRefSchema>;

export interface ModelChoice extends ModelRef {
  /** What the picker shows: name, runtime and, when sized, fit and speed. */
  readonly label: string;
  readonly installed?: InstalledModel;
  /** Not on disk yet: choosing it means downloading this first (after the user says yes). */
  readonly download?: DownloadOffer;
}

/** What the picker falls back on when no runtime answers: models on disk, else a download. */
export interface FallbackModels {
  readonly onDisk?: () => Promise<readonly OnDiskModel[]>;
  /** The advice's default small chat model as a Hub file; throws one line when the Hub is unreachable. */
  readonly offer?: () => Promise<DownloadOffer | undefined>;
  /** Where a download goes (node-llama-cpp's models dir). */
  readonly modelsDir?: string;
}

/** Rates an installed model on this machine (the sizing engine): verdict words and decode tok/s. */
/** An installed model judged by the advice: `summary` is the report's phrase for it (adviceSummary). */
export type RateModel = (m: InstalledModel, ctx: number) => { verdict: string; summary: string; tps?: number; slow: boolean; fits: boolean } | undefined;

const EMBEDDED_CONTEXT = 4096;
const RUNTIME_NAMES = { ollama: "Ollama", llamacpp: "llama.cpp", lmstudio: "LM Studio", openai: "OpenAI-compatible", embedded: "embedded" };

export interface StartArgs {
  readonly id: number;
  readonly template: string;
  readonly input: string;
  readonly context: Omit<TemplateContext, "input">;
  readonly model?: ModelRef;
}

export type StartResult =
  | { readonly state: "needs_model" }
  | { readonly state: "started"; readonly model: ModelRef; readonly label: string; readonly replace: boolean; readonly extract: boolean; readonly promptTokens: number };

/** A runtime that can count tokens itself (llama.cpp's /tokenize). */
interface Tokenizing {
  countTokens(text: string, signal?: AbortSignal): Promise<number>;
}

const hasTokenizer = (r: ChatRuntime): r is ChatRuntime & Tokenizing =>
  typeof (r as Partial<Tokenizing>).countTokens === "function";

/** The runtime's own count when it offers one (within a second), else the documented estimate. */
async function countPromptTokens(runtime: ChatRuntime, text: string): Promise<{ tokens: number; counted: "tokenizer" | "estimate" }> {
  if (hasTokenizer(runtime)) {
    try {
      return { tokens: await runtime.countTokens(text, AbortSignal.timeout(1000)), counted: "tokenizer" };
    } catch {
      // an old server without /tokenize, or a slow one: fall back to the estimate
    }
  }
  return { tokens: estimateTokens(text), counted: "estimate" };
}

/**
 * Threads for the embedded runtime when the user set none: llama.cpp spin-waits, so more threads
 * than physical cores (or all of them while the editor needs one) make it crawl — on a busy
 * 2-core machine the default streamed ~1.2 tok/s where 1 thread streamed 31 tokens in 0.04 s.
 * Physical cores are taken as half the logical CPUs above 4 (2-way SMT, an estimate), minus one
 * for the editor and the host.
 */
export function embeddedThreads(logical: number = availableParallelism()): number {
  const physical = logical > 4 ? Math.ceil(logical / 2) : logical;
  return Math.max(1, physical - 1);
}

export class PromptService {
  private readonly runs = new Map<number, PromptRun>();
  private embedded: { model: string; threads: number; runtime: EmbeddedRuntime } | undefined;
  private last: ModelRef | undefined;
  private recorder: RunRecorder | undefined;
  /** What the runtimes listed at the last models(), for the recorder (quantization, shape). */
  private listed = new Map<string, InstalledModel>();

  constructor(
    private readonly config: () => Config,
    private readonly events: PromptEvents,
    private readonly vramBytes: () => Promise<number>,
    private readonly lastChoiceFile?: string,
    private readonly rate?: RateModel,
    /** Injected for tests (which llama.cpp ports count as the defaults). */
    private readonly discovery: DiscoveryDeps = {},
    private readonly fallback: FallbackModels = {},
  ) {
    this.last = this.readLast();
  }

  /** Record every finished prompt's measured speed (src/calibration/record.ts). */
  recordWith(recorder: RunRecorder): this {
    this.recorder = recorder;
    return this;
  }

  templates(): Record<string, Template> {
    return mergeTemplates(this.config().prompt.templates);
  }

  /**
   * Every model a running runtime has, plus the embedded default when configured. With
   * `offerDefault` (the picker), when neither gives anything: GGUF files already on disk, else
   * the download of the advice's default model.
   */
  async models(opts: { offerDefault?: boolean } = {}): Promise<ModelChoice[]> {
    const cfg = this.config();
    const [statuses, vram] = await Promise.all([discoverRuntimes(cfg.runtimes, this.discovery), this.vramBytes()]);
    const out: ModelChoice[] = [];
    for (const s of statuses) {
      if (s.state !== "up") continue;
      for (const m of s.installed) {
        const { ctx } = runContextFor(m, sizingContext(vram, cfg.runtimes, process.env));
        const rating = this.rate?.(m, ctx);
        const facts = [s.name, `${Math.round(ctx / 1024)}k ctx`, rating?.summary];
        out.push({
          runtime: s.kind,
          url: s.url,
          model: m.name,
          context: ctx,
          label: `${m.name}  (${facts.filter(Boolean).join(" · ")})`,
          installed: m,
        });
        this.listed.set(`${s.kind} ${s.url} ${m.name}`, m);
      }
    }
    // Only a file that is there: the picker must not offer what cannot load.
    if (cfg.prompt.embedded_model && existsSync(cfg.prompt.embedded_model)) {
      out.push({
        runtime: "embedded",
        url: "",
        model: cfg.prompt.embedded_model,
        context: EMBEDDED_CONTEXT,
        label: `${cfg.prompt.embedded_model}  (embedded node-llama-cpp · ${EMBEDDED_CONTEXT / 1024}k ctx)`,
      });
    }
    if (out.length > 0 || cfg.prompt.embedded_model || !opts.offerDefault) return out;
    return this.fallbackModels();
  }

  private async fallbackModels(): Promise<ModelChoice[]> {
    const embedded = (model: string, label: string): ModelChoice => ({ runtime: "embedded", url: "", model, context: EMBEDDED_CONTEXT, label });
    const onDisk = await (this.fallback.onDisk ?? (() => findOnDiskModels(onDiskDirs(process.env))))();
    if (onDisk.length > 0) return onDisk.map((m) => embedded(m.path, `on disk: ${m.path} (${gib(m.bytes)}${m.source === "Ollama" ? `, Ollama ${m.name}` : `, ${m.source}`})`));
    const offer = await this.fallback.offer?.();
    if (!offer) return [];
    const dir = this.fallback.modelsDir ?? nodeLlamaCppModelsDir(process.env);
    return [{ ...embedded(join(dir, offerFileName(offer)), offerLabel(offer)), download: offer }];
  }

  /** Whether the picker should warn before sending to this model. */
  warningFor(choice: ModelChoice): string | undefined {
    if (!choice.installed || !this.rate) return undefined;
    const r = this.rate(choice.installed, choice.context ?? EMBEDDED_CONTEXT);
    if (!r) return undefined;
    if (!r.fits) return `${choice.model} does not fit in this machine's memory (${r.verdict})`;
    if (r.slow) return `${choice.model} will be slow here (${r.verdict}${r.tps ? `, ~${r.tps.toFixed(1)} tok/s` : ""})`;
    return undefined;
  }

  async start(args: StartArgs): Promise<StartResult> {
    const cfg = this.config();
    const template = findTemplate(this.templates(), args.template);
    const ref = args.model ?? (await this.defaultModel(template));
    if (!ref) return { state: "needs_model" };
    const runtime = this.runtimeFor(ref);
    const prompt = renderPrompt(template.prompt, { ...args.context, input: args.input });
    const system = template.system ? renderPrompt(template.system, { ...args.context, input: args.input }) : undefined;
    const messages: ChatMessage[] = [...(system ? [{ role: "system" as const, content: system }] : []), { role: "user", content: prompt }];
    const maxTokens = template.options.max_tokens ?? cfg.prompt.max_tokens;
    const { tokens: promptTokens, counted } = await countPromptTokens(runtime, messages.map((m) => m.content).join("\n"));
    const contextLength = template.options.num_ctx ?? ref.context;
    if (contextLength) guardContext({ promptTokens, counted, maxAnswerTokens: maxTokens, contextLength });

    this.runs.get(args.id)?.cancel();
    const run = new PromptRun({
      id: args.id,
      runtime,
      model: ref.model,
      messages,
      options: {
        maxTokens,
        ...(template.options.temperature !== undefined ? { temperature: template.options.temperature } : {}),
        ...(template.options.num_ctx !== undefined ? { numCtx: template.options.num_ctx } : {}),
      },
      events: this.events,
      extract: template.extract,
      ...(this.recorder ? { onFinished: this.finishedHook(ref, this.recorder) } : {}),
    });
    this.runs.set(args.id, run);
    // An embedded model that fails before its first token (a missing or broken file) must not
    // stay the default: the next prompt asks for a model instead of failing the same way.
    void run.start().then(() => {
      if (run.outcome?.state === "failed" && run.outcome.tokens === 0 && ref.runtime === "embedded") this.forget(ref);
    });
    this.remember(ref);
    return {
      state: "started",
      model: ref,
      label: `${ref.model} · ${RUNTIME_NAMES[ref.runtime]}`,
      replace: template.replace,
      extract: template.extract,
      promptTokens,
    };
  }

  /** Use this model for prompts from now on (until another is chosen). */
  choose(ref: ModelRef): void {
    if (ref.runtime === "embedded" && !existsSync(ref.model)) {
      throw new LlmFitError("not_found", `no GGUF file at ${ref.model}`, "check prompt.embedded_model, or pick a model a runtime has");
    }
    this.remember(ref);
  }

  run(id: number): PromptRun {
    const run = this.runs.get(id);
    if (!run) throw new LlmFitError("not_found", `no prompt #${id} in this host`, "start a new one with :LlmFit prompt");
    return run;
  }

  idle(id: number): PromptRun {
    const run = this.run(id);
    if (run.streaming) throw new LlmFitError("bad_args", "the answer is still streaming", "wait for it, or cancel it first");
    return run;
  }

  cancel(id: number): void {
    this.runs.get(id)?.cancel();
  }

  close(id: number): void {
    this.runs.get(id)?.cancel();
    this.runs.delete(id);
  }

  templateNeedsInput(name: string): boolean {
    return needsInput(findTemplate(this.templates(), name));
  }

  private async defaultModel(template: Template): Promise<ModelRef | undefined> {
    const wanted = template.model ?? this.config().prompt.model;
    if (wanted === undefined) return this.last;
    // A name alone goes only to a runtime the user configured: llama.cpp's default ports are
    // probed on a guess, and a selection must not reach whatever server happens to list the name.
    const configured = new Set(this.config().runtimes.llamacpp.urls.map(normalizeBaseUrl));
    const named = (await this.models()).filter((m) => m.model === wanted);
    const found = named.find((m) => m.runtime !== "llamacpp" || configured.has(m.url));
    if (found) return found;
    const guessed = named[0];
    if (guessed) {
      throw new LlmFitError(
        "not_found",
        `model "${wanted}" is not in a runtime you configured; llama.cpp on ${hostOf(guessed.url)} lists it`,
        `add ${guessed.url} to runtimes.llamacpp.urls (llmfit prompt --llamacpp-url ${guessed.url}), or choose it in the model picker`,
      );
    }
    throw new LlmFitError(
      "not_installed",
      `model "${wanted}" is not installed in any running runtime`,
      `pull it (\`:LlmFit pull ${wanted}\`), start its runtime, or change prompt.model`,
    );
  }

  private finishedHook(ref: ModelRef, recorder: RunRecorder): NonNullable<PromptRunOptions["onFinished"]> {
    const threads = ref.runtime === "embedded" ? this.embedded?.threads : undefined;
    return async (s) => {
      // a model chosen in an earlier host was never listed here: ask the runtimes once
      if (ref.runtime !== "embedded" && !this.listed.has(`${ref.runtime} ${ref.url} ${ref.model}`)) await this.models().catch(() => undefined);
      const installed = this.listed.get(`${ref.runtime} ${ref.url} ${ref.model}`);
      await recorder({ ...ref, ...s, ...(installed ? { installed } : {}), ...(threads !== undefined ? { threads } : {}) });
    };
  }

  private runtimeFor(ref: ModelRef): ChatRuntime {
    if (ref.runtime === "embedded") {
      const threads = this.config().prompt.embedded_threads ?? embeddedThreads();
      // A new thread count from setup() takes effect on the next prompt, on a running host too.
      if (this.embedded?.model !== ref.model || this.embedded.threads !== threads) {
        this.embedded = {
          model: ref.model,
          threads,
          runtime: new EmbeddedRuntime({ model: ref.model, contextSize: ref.context ?? EMBEDDED_CONTEXT, threads }),
        };
      }
      return this.embedded.runtime;
    }
    const clients = runtimeClients(this.config().runtimes, this.discovery);
    const runtime = chatRuntimeFor(clients, { kind: ref.runtime, url: ref.url });
    if (runtime) return runtime;
    throw new LlmFitError("runtime_down", `${RUNTIME_NAMES[ref.runtime]} at ${ref.url} is not configured`, "pick another model, or add its URL under runtimes in setup()");
  }

  private remember(ref: ModelRef): void {
    this.last = ref;
    if (!this.lastChoiceFile) return;
    try {
      mkdirSync(dirname(this.lastChoiceFile), { recursive: true });
      writeFileSync(this.lastChoiceFile, JSON.stringify(ref));
    } catch {
      // remembering is a convenience; failing to is not worth an error
    }
  }

  /** Drop a remembered choice that failed to load, so the next prompt asks instead of failing again. */
  private forget(ref: ModelRef): void {
    if (this.last?.runtime !== ref.runtime || this.last.model !== ref.model) return;
    this.last = undefined;
    if (this.lastChoiceFile) rmSync(this.lastChoiceFile, { force: true });
    if (this.embedded?.model === ref.model) this.embedded = undefined;
  }

  private readLast(): ModelRef | undefined {
    if (!this.lastChoiceFile) return undefined;
    try {
      const parsed = ModelRefSchema.safeParse(JSON.parse(readFileSync(this.lastChoiceFile, "utf8")));
      // A remembered embedded file that has since gone is not a choice any more.
      if (parsed.success && parsed.data.runtime === "embedded" && !existsSync(parsed.data.model)) return undefined;
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }
}
