// The seam between the runtimes and the sizing engine: an installed model + the context its
// runtime will use → an Estimate, computed by whatever sizing function the caller passes
// (src/sizing, written separately). Loaded models' real memory use sits beside the estimate.
import type { ModelShape } from "../models/shape.js";
import type { RuntimesConfig } from "./config.js";
import type { Estimate } from "../sizing/types.js";
import { ollamaDefaultContext } from "./ollama-shape.js";
import type { InstalledModel, LoadedModel, RuntimeStatus } from "./types.js";

export type SizeModel = (shape: ModelShape, ctx: number) => Estimate;

/** Where the context we sized at came from, so the report can say it. */
export type ContextSource = "modelfile" | "config" | "env" | "vram-default" | "server" | "trained" | "assumed";

export interface SizedModel {
  readonly model: InstalledModel;
  readonly ctx: number;
  readonly ctxSource: ContextSource;
  /** Absent when the runtime gave too little metadata to size the model. */
  readonly estimate?: Estimate;
  readonly unsizedReason?: string;
  /** The runtime's own figures when the model is loaded right now. */
  readonly loaded?: LoadedModel;
}

export interface SizingContext {
  /** Total VRAM of this machine (Ollama picks its default context from it). */
  readonly vramBytes: number;
  /** `runtimes.ollama.num_ctx` from the config. */
  readonly ollamaNumCtx?: number;
  /** OLLAMA_CONTEXT_LENGTH as this process sees it (the server usually shares the environment). */
  readonly ollamaEnvContext?: string;
}

/** The sizing context: the machine's VRAM, the configured num_ctx and OLLAMA_CONTEXT_LENGTH. */
export function sizingContext(vramBytes: number, config: RuntimesConfig, env: NodeJS.ProcessEnv): SizingContext {
  return {
    vramBytes,
    ...(config.ollama.num_ctx !== undefined ? { ollamaNumCtx: config.ollama.num_ctx } : {}),
    ...(env.OLLAMA_CONTEXT_LENGTH ? { ollamaEnvContext: env.OLLAMA_CONTEXT_LENGTH } : {}),
  };
}

/** The context a runtime will load `model` with when a request sets none. */
export function runContextFor(model: InstalledModel, ctx: SizingContext): { ctx: number; source: ContextSource } {
  let chosen: { ctx: number; source: ContextSource };
  switch (model.runtime) {
    case "ollama": {
      const envN = ctx.ollamaEnvContext === undefined ? Number.NaN : Number.parseInt(ctx.ollamaEnvContext, 10);
      const vram = ollamaDefaultContext(ctx.vramBytes);
      chosen =
        model.runContext !== undefined
          ? { ctx: model.runContext, source: "modelfile" }
          : ctx.ollamaNumCtx !== undefined
            ? { ctx: ctx.ollamaNumCtx, source: "config" }
            : Number.isInteger(envN) && envN > 0
              ? { ctx: envN, source: "env" }
              : { ctx: vram, source: "vram-default" };
      break;
    }
    case "llamacpp":
      chosen = model.runContext !== undefined ? { ctx: model.runContext, source: "server" } : { ctx: model.contextLength ?? 4096, source: "trained" };
      break;
    default:
      // LM Studio and OpenAI-style servers do not say; 4096 is LM Studio's load default.
      chosen = model.runContext !== undefined ? { ctx: model.runContext, source: "server" } : { ctx: 4096, source: "assumed" };
  }
  // Ollama caps a larger num_ctx at the trained length (llm/server.go); the others would waste it.
  const trained = model.contextLength ?? model.shape?.nCtxTrain;
  if (trained !== undefined && trained > 0 && chosen.ctx > trained) return { ctx: trained, source: chosen.source };
  return chosen;
}

export function sizeInstalledModels(
  models: readonly InstalledModel[],
  size: SizeModel,
  ctx: SizingContext,
  loaded: readonly LoadedModel[] = [],
): SizedModel[] {
  return models.map((model) => {
    const { ctx: n, source } = runContextFor(model, ctx);
    const live = loaded.find((l) => l.runtime === model.runtime && l.name === model.name);
    const base = { model, ctx: live?.contextLength ?? n, ctxSource: live?.contextLength !== undefined ? ("server" as const) : source, ...(live ? { loaded: live } : {}) };
    if (!model.shape) return { ...base, unsizedReason: `${model.runtime} gave no layer metadata for ${model.name}` };
    try {
      return { ...base, estimate: size(model.shape, base.ctx) };
    } catch (err) {
      return { ...base, unsizedReason: err instanceof Error ? err.message : String(err) };
    }
  });
}

/** Sizes a runtime's model at a quantization label and context; the sizing engine plugs in here. */
export type EstimateAt = (shape: ModelShape, quantization: string | undefined, ctx: number) => Estimate;

/** Every installed model of every runtime that is up, sized on this machine, keyed by runtime URL. */
export function sizeDiscovered(
  found: readonly RuntimeStatus[],
  estimate: EstimateAt,
  ctx: SizingContext,
): Map<string, readonly SizedModel[]> {
  const out = new Map<string, readonly SizedModel[]>();
  for (const s of found) {
    if (s.state !== "up") continue;
    const quantOf = new Map(s.installed.map((m) => [m.shape, m.quantization] as const));
    out.set(s.url, sizeInstalledModels(s.installed, (shape, n) => estimate(shape, quantOf.get(shape), n), ctx, s.loaded));
  }
  return out;
}
