// `llmfit runtimes`: which runtimes answer, what they have installed and loaded, and the
// context each installed model would run at here (what the report sizes it at).
import { LlmFitError } from "../errors.js";
import { detectHardware } from "../hardware/detect.js";
import { ollamaUrlFromHost, runtimesConfigSchema, withEnvKeys, type RuntimesConfig } from "../runtimes/config.js";
import { discoverRuntimes, type DiscoveryDeps } from "../runtimes/discovery.js";
import { runContextFor, sizeDiscovered, sizingContext, type SizingContext } from "../runtimes/sizing.js";
import { totalVramBytes } from "../hardware/describe.js";
import type { Hardware } from "../hardware/types.js";
import { runtimeEstimator } from "../sizing/runtime-estimator.js";
import { createSizer } from "../sizing/search.js";
import type { RuntimeStatus } from "../runtimes/types.js";
import type { CliCommand, CliIo } from "./command.js";
import { parseFlags } from "./flags.js";
import { printable } from "../models/printable.js";
import { createAdvisor } from "../advice/advise.js";
import { installedKey, installedSpeedJson, installedSpeeds, installedSpeedWords, type InstalledSpeed } from "../advice/installed-speed.js";
import { readMeasuredSpeeds, type MeasuredSpeeds } from "../calibration/measured.js";

export interface RuntimesCommandDeps {
  readonly discovery?: DiscoveryDeps;
  /** The machine models are sized on (and whose VRAM sets Ollama's default context). */
  readonly hardware?: () => Promise<Hardware>;
  /** What real prompts measured here (default: this machine's runs store, src/calibration/runs.ts). */
  readonly measured?: () => Promise<MeasuredSpeeds>;
}

export function formatBytes(n: number | undefined): string {
  if (n === undefined) return "?";
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(0)} MB`;
  return `${n} B`;
}

/** The config from flags; flags only add to or replace the defaults, nothing is read from disk here. */
export function configFromFlags(
  values: { "ollama-url"?: string; "llamacpp-url"?: string[]; "lmstudio-url"?: string; "llamacpp-key"?: string; timeout?: string; "stream-timeout"?: string },
  env: NodeJS.ProcessEnv = {},
): RuntimesConfig {
  const ms = (v: string | undefined): number | undefined => (v === undefined ? undefined : /^\d+$/.test(v.trim()) ? Number(v) : Number.NaN);
  const timeout = ms(values.timeout);
  const streamTimeout = ms(values["stream-timeout"]);
  // Like Ollama's own CLI, OLLAMA_HOST says where the server is when no flag does.
  const ollamaUrl = values["ollama-url"] ?? (env.OLLAMA_HOST ? ollamaUrlFromHost(env.OLLAMA_HOST) : undefined);
  const parsed = runtimesConfigSchema.safeParse({
    ...(ollamaUrl ? { ollama: { url: ollamaUrl } } : {}),
    llamacpp: { urls: values["llamacpp-url"] ?? [], ...(values["llamacpp-key"] ? { api_key: values["llamacpp-key"] } : {}) },
    ...(values["lmstudio-url"] ? { lmstudio: { url: values["lmstudio-url"] } } : {}),
    ...(timeout !== undefined ? { timeout_ms: timeout } : {}),
    ...(streamTimeout !== undefined ? { stream_timeout_ms: streamTimeout } : {}),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LlmFitError("bad_args", `runtimes: ${issue?.path.join(".") ?? "flags"}: ${issue?.message ?? "invalid"}`, "see `llmfit runtimes --help`");
  }
  return withEnvKeys(parsed.data, env);
}

export function runtimesText(found: readonly RuntimeStatus[], ctx: SizingContext, speeds?: ReadonlyMap<string, InstalledSpeed>): string {
  const lines: string[] = [];
  for (const s of found) {
    if (s.state === "down") {
      lines.push(`down  ${s.reason}`);
      continue;
    }
    lines.push(`${s.name}${s.version ? ` ${s.version}` : ""}  ${s.url}`);
    if (s.installed.length === 0) lines.push("  no models installed");
    for (const m of s.installed) {
      const { ctx: runCtx } = runContextFor(m, ctx);
      const bits = [m.parameterSize ?? (m.parameterCount ? `${(m.parameterCount / 1e9).toFixed(1)}B` : undefined), m.quantization, m.family].filter(Boolean);
      const speed = speeds?.get(installedKey(s.url, m.name));
      lines.push(`  installed  ${m.name}  ${formatBytes(m.sizeBytes)}  ${bits.join(" ")}  runs at ctx ${runCtx}${m.shape ? "" : "  (no layer metadata)"}${speed ? `  ${installedSpeedWords(speed)}` : ""}`);
    }
    for (const m of s.loaded) {
      const vram = m.sizeVramBytes !== undefined ? ` (${formatBytes(m.sizeVramBytes)} on GPU)` : "";
      const ctx = m.contextLength !== undefined ? `  ctx ${m.contextLength}` : "";
      const until = m.expiresAt ? `  until ${m.expiresAt}` : "";
      lines.push(`  loaded     ${m.name}  ${m.sizeBytes !== undefined ? formatBytes(m.sizeBytes) : ""}${vram}${ctx}${until}`);
    }
    for (const w of s.warnings) lines.push(`  warning: ${w}`);
  }
  // names, versions and warnings come from servers: control characters are shown escaped
  return `${lines.map(printable).join("\n")}\n`;
}

/** The flags that say where the runtimes are; `runtimes`, `report` and `prompt` take them. */
export const RUNTIME_FLAGS = {
  "ollama-url": { type: "string" },
  "llamacpp-url": { type: "string", multiple: true },
  "llamacpp-key": { type: "string" },
  "lmstudio-url": { type: "string" },
  timeout: { type: "string" },
} as const;
export const RUNTIME_USAGE = "[--ollama-url U] [--llamacpp-url U]... [--llamacpp-key K] [--lmstudio-url U] [--timeout MS]";

export function makeRuntimesCommand(deps: RuntimesCommandDeps = {}): CliCommand {
  return {
    name: "runtimes",
    summary: "local runtimes (Ollama, llama.cpp, LM Studio) with installed and loaded models",
    usage: `llmfit runtimes [--json] ${RUNTIME_USAGE}`,
    async run(argv: readonly string[], io: CliIo): Promise<number> {
      const { values } = parseFlags("runtimes", argv, {
        json: { type: "boolean" },
        ...RUNTIME_FLAGS,
      });
      const config = configFromFlags(values, io.env);
      const [found, hw, measured] = await Promise.all([
        discoverRuntimes(config, deps.discovery ?? {}),
        (deps.hardware ?? (() => detectHardware()))(),
        (deps.measured ?? (() => readMeasuredSpeeds({ env: io.env })))(),
      ]);
      const vram = totalVramBytes(hw);
      const ctx = sizingContext(vram, config, io.env);
      const advisor = createAdvisor(createSizer());
      const sized = sizeDiscovered(found, runtimeEstimator(advisor.sizer, hw), ctx);
      const speeds = installedSpeeds(sized, hw, advisor, measured);
      if (values.json) {
        const sizing = [...sized].flatMap(([url, models]) =>
          models.map((m) => ({
            runtime: url,
            model: m.model.name,
            ctx: m.ctx,
            ctx_source: m.ctxSource,
            ...(m.estimate ? { quant: m.estimate.quant, memory: m.estimate.memory, verdict: m.estimate.placement.verdict, reason: m.estimate.placement.reason } : { unsized: m.unsizedReason }),
            ...(m.loaded ? { loaded: m.loaded } : {}),
            ...(speeds.has(installedKey(url, m.model.name)) ? { speed: installedSpeedJson(speeds.get(installedKey(url, m.model.name))!) } : {}),
          })),
        );
        io.stdout(`${JSON.stringify({ vramBytes: vram, runtimes: found, sizing }, null, 2)}\n`);
      } else {
        io.stdout(runtimesText(found, ctx, speeds));
      }
      return 0;
    },
  };
}

export const runtimesCommand: CliCommand = makeRuntimesCommand();
