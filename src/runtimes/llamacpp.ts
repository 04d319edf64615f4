// llama.cpp's own server (llama-server): /health, /props, /v1/models, /slots, /metrics, and
// streaming over /v1/chat/completions and its native /completion (tools/server/README.md in
// ggml-org/llama.cpp). One process serves one model (or a few in router mode); what it loaded
// is what /v1/models lists.
import * as z from "zod";
import { lazySchema } from "../lazy-schema.js";
import { LlmFitError } from "../errors.js";
import { streamBroken, type Endpoint } from "./errors.js";
import { normalizeBaseUrl, openRequest, requestJson, requestText, parseJsonWith, type Transport } from "./http.js";
import { errorFieldError, inBandError, openAiSampling, streamOpenAiChat, timingsOf } from "./openai-compat.js";
import { sseItems } from "./sse.js";
import type { ChatChunk, ChatRequest, ChatRuntime, FetchLike, InstalledModel, LoadedModel, RuntimeStatus } from "./types.js";
import { directFetch } from "./loopback.js";

export const LLAMACPP_DEFAULT_PORTS = [8080, 9931] as const;

export function llamacppEndpoint(url: string): Endpoint {
  return {
    label: "llama.cpp",
    url: normalizeBaseUrl(url),
    startHint: "start it with `llama-server -m MODEL.gguf` or set `runtimes.llamacpp.urls`",
    missingModelHint: () => "llama-server serves the model it was started with; see /v1/models",
    authHint: "set runtimes.llamacpp.api_key (or LLMFIT_LLAMACPP_API_KEY); it is sent only to the URLs in runtimes.llamacpp.urls",
  };
}

export const llamacppPropsSchema = lazySchema(() => z.object({
  default_generation_settings: z.object({ n_ctx: z.number().int().nonnegative().optional() }).loose().optional(),
  total_slots: z.number().int().optional(),
  model_path: z.string().optional(),
  chat_template: z.string().optional(),
  build_info: z.string().optional(),
  modalities: z.record(z.string(), z.boolean()).optional(),
}));
export type LlamaCppProps = z.infer<typeof llamacppPropsSchema>;

export const llamacppModelsSchema = lazySchema(() => z.object({
  data: z.array(
    z.object({
      id: z.string(),
      meta: z
        .object({
          vocab_type: z.number().optional(),
          n_vocab: z.number().optional(),
          n_ctx_train: z.number().optional(),
          // Newer servers also give the loaded context here.
          n_ctx: z.number().optional(),
          n_embd: z.number().optional(),
          n_params: z.number().optional(),
          size: z.number().optional(),
        })
        .nullish(),
      // Router mode (several models behind one server) says which are loaded.
      status: z.object({ value: z.string() }).loose().optional(),
    }),
  ),
}));

export const llamacppSlotsSchema = lazySchema(() => z.array(
  z.object({ id: z.number(), n_ctx: z.number().optional(), is_processing: z.boolean().optional() }).loose(),
));

const healthSchema = lazySchema(() => z.object({ status: z.string() }));
const tokenizeSchema = lazySchema(() => z.object({ tokens: z.array(z.union([z.number(), z.object({ id: z.number() }).loose()])) }));

const completionEvent = lazySchema(() => z.object({
  content: z.string().optional(),
  stop: z.boolean().optional(),
  stop_type: z.string().optional(),
  tokens_predicted: z.number().optional(),
  tokens_evaluated: z.number().optional(),
  timings: z.object({ prompt_n: z.number().optional(), predicted_n: z.number().optional(), prompt_per_second: z.number().optional(), predicted_per_second: z.number().optional() }).optional(),
}));

export interface LlamaCppClientOptions {
  readonly url: string;
  readonly fetch?: FetchLike;
  readonly timeoutMs?: number;
  readonly streamTimeoutMs?: number;
  /** Sent as `Authorization: Bearer` (llama-server --api-key). */
  readonly apiKey?: string;
}

export type LlamaCppHealth = "ok" | "loading";

/** Quantization as it usually appears in a GGUF file name ("…-Q4_K_M.gguf"). */
export function quantFromFileName(name: string): string | undefined {
  const m = name.match(/(?:^|[-_.])((?:I?Q\d(?:_[A-Z0-9]+)*)|BF16|F16|F32|MXFP4)(?:[-_.]|\.gguf$|$)/i);
  return m?.[1]?.toUpperCase();
}

/** A metric value from Prometheus text (`llamacpp:predicted_tokens_seconds 81.2`). */
export function metricValue(text: string, name: string): number | undefined {
  for (const line of text.split("\n")) {
    if (line.startsWith("#")) continue;
    const [key, value] = line.trim().split(/\s+/);
    if (key === name && value !== undefined) {
      const n = Number(value);
      return Number.isFinite(n) ? n : undefined;
    }
  }
  return undefined;
}

export class LlamaCppClient implements ChatRuntime {
  readonly kind = "llamacpp" as const;
  readonly endpoint: Endpoint;
  private readonly transport: Transport;
  private readonly streamTimeoutMs: number;

  constructor(opts: LlamaCppClientOptions) {
    this.endpoint = llamacppEndpoint(opts.url);
    this.transport = {
      fetch: opts.fetch ?? directFetch,
      timeoutMs: opts.timeoutMs ?? 2000,
      ...(opts.apiKey ? { headers: { Authorization: `Bearer ${opts.apiKey}` } } : {}),
    };
    this.streamTimeoutMs = opts.streamTimeoutMs ?? 300_000;
  }

  /** "ok", or "loading" while the server answers 503 during model load. */
  async health(): Promise<LlamaCppHealth> {
    try {
      const h = await requestJson(this.endpoint, this.transport, { path: "/health" }, healthSchema);
      return h.status === "ok" ? "ok" : "loading";
    } catch (err) {
      if (err instanceof LlmFitError && err.code === "http" && /error 503/.test(err.message)) return "loading";
      throw err;
    }
  }

  props(): Promise<LlamaCppProps> {
    return requestJson(this.endpoint, this.transport, { path: "/props" }, llamacppPropsSchema);
  }

  models(): Promise<z.infer<typeof llamacppModelsSchema>> {
    return requestJson(this.endpoint, this.transport, { path: "/v1/models" }, llamacppModelsSchema);
  }

  slots(): Promise<z.infer<typeof llamacppSlotsSchema>> {
    return requestJson(this.endpoint, this.transport, { path: "/slots" }, llamacppSlotsSchema);
  }

  /** Prometheus text, or undefined when the server runs without --metrics (501). */
  async metrics(): Promise<string | undefined> {
    try {
      return await requestText(this.endpoint, this.transport, { path: "/metrics", maxBytes: 1024 * 1024 });
    } catch (err) {
      if (err instanceof LlmFitError && /error 501/.test(err.message)) return undefined;
      throw err;
    }
  }

  /** How many tokens `text` is for the served model (POST /tokenize), for the prompt's context guard. */
  async countTokens(text: string, signal?: AbortSignal): Promise<number> {
    const r = await requestJson(
      this.endpoint,
      this.transport,
      { method: "POST", path: "/tokenize", body: { content: text, add_special: true }, ...(signal ? { signal } : {}) },
      tokenizeSchema,
    );
    return r.tokens.length;
  }

  async status(): Promise<RuntimeStatus> {
    const base = { kind: "llamacpp" as const, name: "llama.cpp", url: this.endpoint.url };
    let health: LlamaCppHealth;
    try {
      health = await this.health();
    } catch (err) {
      return { ...base, state: "down", reason: lineOf(err) };
    }
    const warnings: string[] = health === "loading" ? ["llama.cpp is still loading its model"] : [];
    const [props, models] = await Promise.all([
      this.props().catch((err: unknown) => void warnings.push(lineOf(err))),
      this.models().catch((err: unknown) => void warnings.push(lineOf(err))),
    ]);
    const nCtx = props?.default_generation_settings?.n_ctx;
    const installed: InstalledModel[] = [];
    const loaded: LoadedModel[] = [];
    for (const m of models?.data ?? []) {
      const quant = quantFromFileName(m.id);
      installed.push({
        name: m.id,
        runtime: "llamacpp",
        ...(m.meta?.size !== undefined ? { sizeBytes: m.meta.size } : {}),
        ...(m.meta?.n_params !== undefined ? { parameterCount: m.meta.n_params } : {}),
        ...(m.meta?.n_ctx_train !== undefined ? { contextLength: m.meta.n_ctx_train } : {}),
        ...(quant ? { quantization: quant } : {}),
        ...((m.meta?.n_ctx ?? nCtx) ? { runContext: m.meta?.n_ctx ?? nCtx } : {}),
      });
      if (m.status === undefined || m.status.value === "loaded") {
        const ctx = m.meta?.n_ctx ?? nCtx;
        loaded.push({ name: m.id, runtime: "llamacpp", ...(ctx ? { contextLength: ctx } : {}) });
      }
    }
    return {
      ...base,
      state: "up",
      ...(props?.build_info ? { version: props.build_info } : {}),
      installed,
      loaded,
      warnings,
    };
  }

  chat(req: ChatRequest): AsyncGenerator<ChatChunk> {
    const o = req.options ?? {};
    return streamOpenAiChat(this.endpoint, this.transport, req, {
      path: "/v1/chat/completions",
      streamTimeoutMs: this.streamTimeoutMs,
      extraBody: o.topK !== undefined ? { top_k: o.topK } : {},
    });
  }

  /** The native /completion endpoint: a raw prompt, events until `stop: true` (no [DONE] there). */
  async *complete(prompt: string, req: Omit<ChatRequest, "messages" | "model"> & { model?: string }): AsyncGenerator<ChatChunk> {
    const o = req.options ?? {};
    const model = req.model ?? "";
    const { response, guard } = await openRequest(this.endpoint, this.transport, {
      method: "POST",
      path: "/completion",
      timeoutMs: this.streamTimeoutMs,
      ...(req.signal ? { signal: req.signal } : {}),
      body: {
        prompt,
        stream: true,
        ...(o.maxTokens !== undefined ? { n_predict: o.maxTokens } : {}),
        ...(o.topK !== undefined ? { top_k: o.topK } : {}),
        ...openAiSampling({ model, messages: [], options: { ...o, maxTokens: undefined } }),
      },
    });
    try {
      if (!response.body) throw streamBroken(this.endpoint, "the response had no body");
      guard.arm(this.streamTimeoutMs, "idle-timeout");
      for await (const item of sseItems(response.body, { endpoint: this.endpoint, guard, idleMs: this.streamTimeoutMs })) {
        const data = item.kind === "event" ? item.event.data : item.value;
        if (item.kind === "error-field") throw errorFieldError(this.endpoint, data, model);
        if (data.trim() === "[DONE]") continue;
        const err = inBandError(this.endpoint, data, model);
        if (err) throw err;
        const ev = parseJsonWith(this.endpoint, "stream event", data, completionEvent);
        if (ev.content) yield { type: "text", text: ev.content };
        if (ev.stop) {
          const timings = timingsOf(ev.timings);
          const promptN = ev.timings?.prompt_n ?? ev.tokens_evaluated;
          const predictedN = ev.timings?.predicted_n ?? ev.tokens_predicted;
          yield {
            type: "done",
            ...(promptN !== undefined && predictedN !== undefined ? { usage: { promptTokens: promptN, completionTokens: predictedN } } : {}),
            ...(timings ? { timings } : {}),
            ...(ev.stop_type ? { reason: ev.stop_type } : {}),
          };
          return;
        }
      }
      throw streamBroken(this.endpoint, "it ended before the final event");
    } catch (err) {
      throw guard.toError(err);
    } finally {
      guard.abort("caller");
      guard.dispose();
    }
  }
}

function lineOf(err: unknown): string {
  return err instanceof LlmFitError ? err.oneLine() : err instanceof Error ? err.message : String(err);
}
