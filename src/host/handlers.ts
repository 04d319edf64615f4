// The one table of things the editor can ask the host. Both doors — the jobstart host
// (src/host.ts) and the :UpdateRemotePlugins entry (rplugin/node/llmfit) — dispatch here.
// Each handler names a zod schema for its argument; the inside trusts the parsed type.
import * as z from "zod";
import { lazySchema } from "../lazy-schema.js";
import { COMMANDS } from "../cli/commands.js";
import { runCommandCaptured } from "../cli/capture.js";
import { parseConfig } from "../config.js";
import { LlmFitError } from "../errors.js";
import { floatPayload, type FloatPayload } from "./float-payload.js";
import { usableHardwareOptions } from "./hardware-options.js";
import { ModelRefSchema } from "../prompt/service.js";
import { DownloadOfferSchema } from "../prompt/default-model.js";
import { CATALOG, findModel } from "../models/catalog.js";
import { OLLAMA_TAG } from "../models/catalog-schema.js";
import { withEnvKeys } from "../runtimes/config.js";
import { modelIds } from "../models/resolve.js";
import { pullChoice } from "../advice/pull.js";
import { discoverRuntimes } from "../runtimes/discovery.js";
import { REPORT_ACTIONS } from "./report-controller.js";
import { VERSION } from "../version.js";
import { printable } from "../models/printable.js";
import type { Session } from "./session.js";
import { compareText } from "../text-order.js";

// a function, so the fields are built with the handler schemas that spread them (src/lazy-schema.ts)
const Size = () => ({
  width: z.number().int().min(20).max(1000),
  height: z.number().int().min(3).max(1000),
});

type Run<S extends z.ZodType> = (args: z.infer<S>, session: Session, signal?: AbortSignal) => Promise<unknown>;

interface Handler<S extends z.ZodType> {
  readonly schema: S;
  readonly run: Run<S>;
}

/** A handler whose schema is built on its first call: the host starts without building ~30 of them. */
function handler<S extends z.ZodType>(schema: () => S, run: Run<S>): Handler<S> {
  return { schema: lazySchema(schema), run };
}

export const HANDLERS = {
  ping: handler(() => z.object({}).strict(), async () => ({
    version: VERSION,
    pid: process.pid,
    node: process.versions.node,
  })),

  configure: handler(() => z.object({ options: z.unknown() }).strict(), async ({ options }, session) => {
    const parsed = parseConfig(options);
    const { config, problems } = usableHardwareOptions(parsed.config);
    session.configure({ ...config, runtimes: withEnvKeys(config.runtimes, process.env) });
    // the Lua side uses these validated values, never the raw ones it was given
    const { border, width, height, keys, log_level } = config;
    return { problems: [...parsed.problems, ...problems], options: { border, width, height, keys, log_level } };
  }),

  report: handler(() => z.object({ ...Size(), refresh: z.boolean().default(false) }).strict(), async (args, session) =>
    session.report.open(args.width, args.refresh),
  ),

  /** A key pressed in the report float; `id` is the model on the cursor's line, if any. */
  report_action: handler(
    () => z.object({ ...Size(), action: z.enum(REPORT_ACTIONS), id: z.string().optional(), text: z.string().optional() }).strict(),
    async ({ action, id, text, width }, session) => session.report.act(action, id, text, width),
  ),

  /** The catalog model on the cursor's line (or in the detail view), with its Ollama tags. */
  report_entry: handler(() => z.object({ id: z.string().optional() }).strict(), async ({ id: row }, session) => {
    const id = session.report.entryFor(row);
    const entry = id ? findModel(id) : undefined;
    if (!entry) throw new LlmFitError("bad_args", "no model on this line", "move to a row of the table first");
    if (entry.kind === "diffusion") return { id: entry.id, name: entry.name, ollama: entry.ollama };
    // `p` pulls the tag of the quantization the report sized, or says which one it pulls instead.
    const hw = await session.getHardware();
    const pull = pullChoice(entry, session.report.rowFor(entry.id), hw, session.report.advisor, session.policy);
    return { id: entry.id, name: entry.name, ollama: entry.ollama, ...(pull.tag ? { pull: pull.tag } : {}), ...(pull.note ? { pull_note: pull.note } : {}) };
  }),

  /** Every catalog id, for <Tab> after :LlmFit fit. */
  model_ids: handler(() => z.object({}).strict(), async () => modelIds()),

  /** Any `llmfit` subcommand, shown in a float: `:LlmFit compare --gpu T4` runs `llmfit compare --gpu T4`. */
  command: handler(
    () => z.object({ name: z.string().min(1), args: z.array(z.string()).default([]), ...Size() }).strict(),
    async ({ name, args, width }, session, signal) => {
      const command = COMMANDS.find((c) => c.name === name);
      if (!command) {
        throw new LlmFitError(
          "bad_args",
          `unknown subcommand "${name}"`,
          `use one of: ${COMMANDS.map((c) => c.name).join(", ")}`,
        );
      }
      // `fit NAME:TAG` reads an uninstalled Ollama tag from the configured registry.
      const registry = session.config.runtimes.ollama.registry;
      const withRegistry =
        name === "fit" && !args.includes("--registry")
          ? [...args, "--registry", registry]
          : name === "bench" && session.options.cacheDir && !args.includes("--cache")
            ? [...args, "--cache", session.options.cacheDir]
            : args;
      // fit's progress while it reads a remote model's headers, and its notes, reach the editor as they come.
      const onStderrLine = name === "fit" || name === "bench" ? (line: string) => session.editor?.call("llmfit.util", "notify", [line]) : undefined;
      const painted = await runCommandCaptured(command, withRegistry, { width, ...(signal ? { signal } : {}), ...(onStderrLine ? { onStderrLine } : {}) });
      // the bench stored new figures: the next report, fit and detail use them
      if (name === "bench") void session.getHardware(true).catch(() => undefined);
      return floatPayload(`llmfit ${name}`, painted);
    },
  ),

  prompt_templates: handler(() => z.object({}).strict(), async (_args, session) =>
    Object.entries(session.prompts.templates())
      .sort(([a], [b]) => compareText(a, b))
      .map(([name, t]) => ({ name, description: t.description, replace: t.replace, needs_input: session.prompts.templateNeedsInput(name) })),
  ),

  prompt_models: handler(() => z.object({ offer_default: z.boolean().default(false) }).strict(), async (args, session) => {
    const models = await session.prompts.models({ offerDefault: args.offer_default });
    if (models.length === 0) {
      throw new LlmFitError(
        "runtime_down",
        "no local model found: no runtime is running with a model installed",
        "start Ollama (`ollama serve`) and `ollama pull qwen2.5-coder:7b`, start llama-server, or set prompt.embedded_model",
      );
    }
    return models.map((m) => {
      const warning = session.prompts.warningFor(m);
      return {
        label: printable(m.label), // a server's model name may hold control characters
        ref: { runtime: m.runtime, url: m.url, model: m.model, ...(m.context ? { context: m.context } : {}) },
        ...(warning ? { warning } : {}),
        ...(m.download ? { download: m.download } : {}),
      };
    });
  }),

  /** Fetch the picker's offered model (the user said yes); progress goes to llmfit.download. */
  prompt_download: handler(() => z.object({ id: z.number().int().positive(), offer: DownloadOfferSchema }).strict(), async ({ id, offer }, session) => {
    session.downloads.start(id, offer);
    return true;
  }),

  prompt_download_cancel: handler(() => z.object({ id: z.number().int() }).strict(), async ({ id }, session) => {
    session.downloads.cancel(id);
    return true;
  }),

  prompt_start: handler(
    () => z
      .object({
        id: z.number().int().positive(),
        template: z.string().min(1),
        input: z.string().default(""),
        context: z
          .object({
            text: z.string(),
            filetype: z.string().default(""),
            filename: z.string().default(""),
            register: z.string().default(""),
            diagnostics: z.string().default(""),
          })
          .strict(),
        model: ModelRefSchema.optional(),
      })
      .strict(),
    async (args, session, signal) => {
      const got = await session.prompts.start(args);
      const started = got.state === "started" ? { ...got, label: printable(got.label) } : got;
      // the editor gave up while the model was being resolved: stop the answer it no longer shows
      if (signal?.aborted) {
        session.prompts.close(args.id);
        throw new LlmFitError("cancelled", "cancelled");
      }
      return started;
    },
  ),

  prompt_choose: handler(() => z.object({ model: ModelRefSchema }).strict(), async ({ model }, session) => {
    session.prompts.choose(model);
    return true;
  }),

  /** Stop a prompt's stream; nothing to do when it has not started (or has ended). */
  prompt_cancel: handler(() => z.object({ id: z.number().int() }).strict(), async ({ id }, session) => {
    session.prompts.cancel(id);
    return true;
  }),

  prompt_followup: handler(() => z.object({ id: z.number().int(), question: z.string().min(1) }).strict(), async ({ id, question }, session) => {
    void session.prompts.idle(id).followup(question);
    return true;
  }),

  prompt_retry: handler(() => z.object({ id: z.number().int() }).strict(), async ({ id }, session) => {
    void session.prompts.idle(id).retry();
    return true;
  }),

  prompt_close: handler(() => z.object({ id: z.number().int() }).strict(), async ({ id }, session) => {
    session.prompts.close(id);
    return true;
  }),

  pull_start: handler(() => z.object({ id: z.number().int().positive(), name: z.string().regex(OLLAMA_TAG, "not an Ollama model name") }).strict(), async ({ id, name }, session) => {
    session.pulls.start(id, name);
    return true;
  }),

  pull_cancel: handler(() => z.object({ id: z.number().int() }).strict(), async ({ id }, session) => {
    session.pulls.cancel(id);
    return true;
  }),

  /** Every Ollama tag the catalog knows, for completion. */
  pull_tags: handler(() => z.object({}).strict(), async () => [...new Set(CATALOG.flatMap((e) => e.ollama))].sort()),

  /** Which runtimes answer, for :checkhealth. */
  runtimes: handler(() => z.object({}).strict(), async (_args, session) =>
    (await discoverRuntimes(session.config.runtimes)).map((r) =>
      r.state === "up"
        ? { name: r.name, url: r.url, up: true, version: r.version ?? "", installed: r.installed.length, loaded: r.loaded.length }
        : { name: r.name, url: r.url, up: false, reason: r.reason },
    ),
  ),

  log_path: handler(() => z.object({}).strict(), async (_args, session) => ({ path: session.log.path ?? "" })),
} as const;

export type HandlerName = keyof typeof HANDLERS;
