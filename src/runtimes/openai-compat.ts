// Streaming chat over the OpenAI-compatible `/chat/completions` that llama.cpp's server, LM
// Studio, vLLM and LocalAI all speak. llama.cpp adds `timings` to the last chunk; OpenAI and
// LM Studio send `usage` when asked with stream_options.include_usage.
import * as z from "zod";
import { lazySchema } from "../lazy-schema.js";
import { LlmFitError } from "../errors.js";
import { errorMessageOf, runtimeError, streamBroken, type Endpoint } from "./errors.js";
import { openRequest, parseJsonWith, type Transport } from "./http.js";
import { sseItems } from "./sse.js";
import type { ChatChunk, ChatRequest, ChatTimings, ChatUsage } from "./types.js";

const chunkSchema = lazySchema(() => z.object({
  choices: z
    .array(
      z.object({
        delta: z.object({ content: z.string().nullish(), reasoning_content: z.string().nullish() }).partial().nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .optional(),
  usage: z.object({ prompt_tokens: z.number(), completion_tokens: z.number() }).nullish(),
  timings: z.object({ prompt_per_second: z.number().optional(), predicted_per_second: z.number().optional() }).nullish(),
}));

const errorEvent = lazySchema(() => z.object({ error: z.union([z.string(), z.object({ message: z.string(), code: z.number().optional() })]) }));

export interface StreamSettings {
  /** Deadline for the head (a model may be loading) and between chunks. */
  readonly streamTimeoutMs: number;
}

/** Request body fields shared by the OpenAI-style endpoints. */
export function openAiSampling(req: ChatRequest): Record<string, unknown> {
  const o = req.options ?? {};
  return {
    ...(o.temperature !== undefined ? { temperature: o.temperature } : {}),
    ...(o.topP !== undefined ? { top_p: o.topP } : {}),
    ...(o.seed !== undefined ? { seed: o.seed } : {}),
    ...(o.maxTokens !== undefined ? { max_tokens: o.maxTokens } : {}),
    ...(o.stop !== undefined ? { stop: [...o.stop] } : {}),
  };
}

export function timingsOf(t: { prompt_per_second?: number | undefined; predicted_per_second?: number | undefined } | null | undefined): ChatTimings | undefined {
  if (!t) return undefined;
  const out = {
    ...(t.prompt_per_second !== undefined ? { promptTps: t.prompt_per_second } : {}),
    ...(t.predicted_per_second !== undefined ? { decodeTps: t.predicted_per_second } : {}),
  };
  return Object.keys(out).length > 0 ? out : undefined;
}

/** An in-band error event (`data: {"error": ...}` or an old llama.cpp `error: {...}` line) → LlmFitError. */
export function inBandError(endpoint: Endpoint, data: string, model: string): LlmFitError | undefined {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return undefined;
  }
  const e = errorEvent.safeParse(value);
  if (!e.success) return undefined;
  const msg = typeof e.data.error === "string" ? e.data.error : e.data.error.message;
  const status = typeof e.data.error === "string" ? undefined : e.data.error.code;
  return runtimeError(endpoint, status, msg, model);
}

/** Old llama.cpp wrote `error: {"code":500,"message":...}` (not an SSE field) instead of a data event. */
export function errorFieldError(endpoint: Endpoint, value: string, model: string): LlmFitError {
  return inBandError(endpoint, `{"error":${value}}`, model) ?? runtimeError(endpoint, undefined, errorMessageOf(value, value), model);
}

export async function* streamOpenAiChat(
  endpoint: Endpoint,
  transport: Transport,
  req: ChatRequest,
  settings: StreamSettings & { readonly path: string; readonly extraBody?: Record<string, unknown> },
): AsyncGenerator<ChatChunk> {
  const { response, guard } = await openRequest(endpoint, transport, {
    method: "POST",
    path: settings.path,
    model: req.model,
    timeoutMs: settings.streamTimeoutMs,
    ...(req.signal ? { signal: req.signal } : {}),
    body: {
      model: req.model,
      messages: req.messages.map((m) => ({ role: m.role, content: m.content })),
      stream: true,
      stream_options: { include_usage: true },
      ...openAiSampling(req),
      ...settings.extraBody,
    },
  });
  let usage: ChatUsage | undefined;
  let timings: ChatTimings | undefined;
  let reason: string | undefined;
  try {
    if (!response.body) throw streamBroken(endpoint, "the response had no body");
    guard.arm(settings.streamTimeoutMs, "idle-timeout");
    for await (const item of sseItems(response.body, { endpoint, guard, idleMs: settings.streamTimeoutMs })) {
      if (item.kind === "error-field") {
        throw errorFieldError(endpoint, item.value, req.model);
      }
      const data = item.event.data;
      if (data.trim() === "[DONE]") {
        yield { type: "done", ...(usage ? { usage } : {}), ...(timings ? { timings } : {}), ...(reason ? { reason } : {}) };
        return;
      }
      const err = inBandError(endpoint, data, req.model);
      if (err) throw err;
      const chunk = parseJsonWith(endpoint, "stream event", data, chunkSchema);
      for (const choice of chunk.choices ?? []) {
        const text = choice.delta?.content;
        if (text) yield { type: "text", text };
        if (choice.finish_reason) reason = choice.finish_reason;
      }
      if (chunk.usage) usage = { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens };
      timings = timingsOf(chunk.timings) ?? timings;
    }
    if (guard.signal.aborted) throw guard.toError(undefined);
    throw streamBroken(endpoint, "it ended before [DONE]");
  } catch (err) {
    throw guard.toError(err);
  } finally {
    // Runs on early exit too: aborting closes the socket so the server stops generating.
    guard.abort("caller");
    guard.dispose();
  }
}
