// LM Studio's server (:1234): its REST API says which models are downloaded, loaded, their
// quantization and context — /api/v1/models since LM Studio 0.4, /api/v0/models before — and
// chat goes through its OpenAI-compatible /v1 (lmstudio.ai/docs/developer/rest/list,
// lmstudio.ai/docs/app/api/endpoints/rest).
import * as z from "zod";
import { lazySchema } from "../lazy-schema.js";
import { LlmFitError } from "../errors.js";
import type { Endpoint } from "./errors.js";
import { normalizeBaseUrl, requestJson, type Transport } from "./http.js";
import { streamOpenAiChat } from "./openai-compat.js";
import type { ChatChunk, ChatRequest, ChatRuntime, FetchLike, InstalledModel, LoadedModel, RuntimeStatus } from "./types.js";
import { directFetch } from "./loopback.js";

export const LMSTUDIO_DEFAULT_URL = "http://127.0.0.1:1234";

export function lmstudioEndpoint(url: string): Endpoint {
  return {
    label: "LM Studio",
    url: normalizeBaseUrl(url),
    startHint: "start its server (`lms server start`) or set `runtimes.lmstudio.url`",
    missingModelHint: (model) => `download it in LM Studio or with \`lms get ${model}\``,
    authHint: "check LM Studio's server settings (authentication)",
  };
}

export const lmstudioModelsSchema = lazySchema(() => z.object({
  data: z.array(
    z.object({
      id: z.string(),
      type: z.string().optional(),
      publisher: z.string().optional(),
      arch: z.string().optional(),
      compatibility_type: z.string().optional(),
      quantization: z.string().optional(),
      state: z.string().optional(),
      max_context_length: z.number().optional(),
      loaded_context_length: z.number().optional(),
    }),
  ),
}));

export const lmstudioV1ModelsSchema = lazySchema(() => z.object({
  models: z.array(
    z.object({
      type: z.string(),
      key: z.string(),
      architecture: z.string().nullish(),
      quantization: z.object({ name: z.string().nullish(), bits_per_weight: z.number().nullish() }).nullish(),
      size_bytes: z.number().optional(),
      params_string: z.string().nullish(),
      loaded_instances: z.array(z.object({ id: z.string(), config: z.object({ context_length: z.number().optional() }).loose() })).default([]),
      max_context_length: z.number().optional(),
    }),
  ),
}));

export const openAiModelsSchema = lazySchema(() => z.object({ data: z.array(z.object({ id: z.string() }).loose()) }));

export interface LmStudioClientOptions {
  readonly url?: string;
  readonly fetch?: FetchLike;
  readonly timeoutMs?: number;
  readonly streamTimeoutMs?: number;
}

export class LmStudioClient implements ChatRuntime {
  readonly kind = "lmstudio" as const;
  readonly endpoint: Endpoint;
  private readonly transport: Transport;
  private readonly streamTimeoutMs: number;

  constructor(opts: LmStudioClientOptions = {}) {
    this.endpoint = lmstudioEndpoint(opts.url ?? LMSTUDIO_DEFAULT_URL);
    this.transport = { fetch: opts.fetch ?? directFetch, timeoutMs: opts.timeoutMs ?? 2000 };
    this.streamTimeoutMs = opts.streamTimeoutMs ?? 300_000;
  }

  v1Models(): Promise<z.infer<typeof lmstudioV1ModelsSchema>> {
    return requestJson(this.endpoint, this.transport, { path: "/api/v1/models" }, lmstudioV1ModelsSchema);
  }

  restModels(): Promise<z.infer<typeof lmstudioModelsSchema>> {
    return requestJson(this.endpoint, this.transport, { path: "/api/v0/models" }, lmstudioModelsSchema);
  }

  openAiModels(): Promise<z.infer<typeof openAiModelsSchema>> {
    return requestJson(this.endpoint, this.transport, { path: "/v1/models" }, openAiModelsSchema);
  }

  async status(): Promise<RuntimeStatus> {
    const base = { kind: "lmstudio" as const, name: "LM Studio", url: this.endpoint.url };
    try {
      const v1 = await this.v1Models();
      const installed: InstalledModel[] = [];
      const loaded: LoadedModel[] = [];
      for (const m of v1.models) {
        // Embedding models cannot chat; they are not offered for prompts or sized as LLMs.
        if (m.type === "embedding") continue;
        installed.push({
          name: m.key,
          runtime: "lmstudio",
          ...(m.size_bytes !== undefined ? { sizeBytes: m.size_bytes } : {}),
          ...(m.architecture ? { family: m.architecture } : {}),
          ...(m.params_string ? { parameterSize: m.params_string } : {}),
          ...(m.quantization?.name ? { quantization: m.quantization.name } : {}),
          ...(m.max_context_length !== undefined ? { contextLength: m.max_context_length } : {}),
        });
        for (const inst of m.loaded_instances) {
          const ctx = inst.config.context_length;
          loaded.push({ name: m.key, runtime: "lmstudio", ...(ctx !== undefined ? { contextLength: ctx } : {}) });
        }
      }
      return { ...base, state: "up", installed, loaded, warnings: [] };
    } catch (err) {
      if (!(err instanceof LlmFitError) || err.code === "runtime_down" || err.code === "timeout") {
        return { ...base, state: "down", reason: err instanceof LlmFitError ? err.oneLine() : String(err) };
      }
    }
    // LM Studio before 0.4: the v0 REST API.
    try {
      const rest = await this.restModels();
      const installed: InstalledModel[] = [];
      const loaded: LoadedModel[] = [];
      for (const m of rest.data) {
        // Embedding models cannot chat; they are not offered for prompts or sized as LLMs.
        if (m.type === "embeddings") continue;
        installed.push({
          name: m.id,
          runtime: "lmstudio",
          ...(m.arch ? { family: m.arch } : {}),
          ...(m.quantization ? { quantization: m.quantization } : {}),
          ...(m.max_context_length !== undefined ? { contextLength: m.max_context_length } : {}),
        });
        if (m.state === "loaded") {
          loaded.push({
            name: m.id,
            runtime: "lmstudio",
            ...(m.loaded_context_length !== undefined ? { contextLength: m.loaded_context_length } : {}),
          });
        }
      }
      return { ...base, state: "up", installed, loaded, warnings: [] };
    } catch (err) {
      if (!(err instanceof LlmFitError) || err.code === "runtime_down" || err.code === "timeout") {
        return { ...base, state: "down", reason: err instanceof LlmFitError ? err.oneLine() : String(err) };
      }
    }
    // Older LM Studio (or an OpenAI-only server on :1234): the plain model list still works.
    try {
      const v1 = await this.openAiModels();
      return {
        ...base,
        state: "up",
        installed: v1.data.map((m) => ({ name: m.id, runtime: "lmstudio" as const })),
        loaded: [],
        warnings: ["LM Studio REST API (/api/v0) unavailable: no load state or quantization"],
      };
    } catch (err) {
      return { ...base, state: "down", reason: err instanceof LlmFitError ? err.oneLine() : String(err) };
    }
  }

  chat(req: ChatRequest): AsyncGenerator<ChatChunk> {
    return streamOpenAiChat(this.endpoint, this.transport, req, { path: "/v1/chat/completions", streamTimeoutMs: this.streamTimeoutMs });
  }
}
