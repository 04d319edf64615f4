// Any OpenAI-compatible server the user configured (vLLM, LocalAI, a remote box): a base URL
// and an optional key; we list its models and stream chats.
import type { Endpoint } from "./errors.js";
import { normalizeBaseUrl, requestJson, type Transport } from "./http.js";
import { openAiModelsSchema } from "./lmstudio.js";
import { streamOpenAiChat } from "./openai-compat.js";
import type { ChatChunk, ChatRequest, ChatRuntime, FetchLike, RuntimeStatus } from "./types.js";
import { LlmFitError } from "../errors.js";
import { directFetch } from "./loopback.js";

/** The API root that /models and /chat/completions hang off: `…/v1` is added when no version is in the path. */
export function openAiApiBase(url: string): string {
  const base = normalizeBaseUrl(url);
  return /\/v\d+$/.test(base) ? base : `${base}/v1`;
}

export interface OpenAiClientOptions {
  readonly name: string;
  readonly url: string;
  readonly apiKey?: string;
  readonly fetch?: FetchLike;
  readonly timeoutMs?: number;
  readonly streamTimeoutMs?: number;
}

export class OpenAiCompatClient implements ChatRuntime {
  readonly kind = "openai" as const;
  readonly endpoint: Endpoint;
  private readonly transport: Transport;
  private readonly streamTimeoutMs: number;

  constructor(readonly opts: OpenAiClientOptions) {
    this.endpoint = {
      label: opts.name,
      url: openAiApiBase(opts.url),
      startHint: `check \`runtimes.openai\` entry "${opts.name}" (url, api_key)`,
      authHint: `check the api_key (or the variable api_key_env names) of \`runtimes.openai\` entry "${opts.name}"`,
    };
    this.transport = {
      fetch: opts.fetch ?? directFetch,
      timeoutMs: opts.timeoutMs ?? 2000,
      ...(opts.apiKey ? { headers: { Authorization: `Bearer ${opts.apiKey}` } } : {}),
    };
    this.streamTimeoutMs = opts.streamTimeoutMs ?? 300_000;
  }

  async status(): Promise<RuntimeStatus> {
    const base = { kind: "openai" as const, name: this.opts.name, url: this.endpoint.url };
    try {
      const models = await requestJson(this.endpoint, this.transport, { path: "/models" }, openAiModelsSchema);
      return { ...base, state: "up", installed: models.data.map((m) => ({ name: m.id, runtime: "openai" as const })), loaded: [], warnings: [] };
    } catch (err) {
      return { ...base, state: "down", reason: err instanceof LlmFitError ? err.oneLine() : String(err) };
    }
  }

  chat(req: ChatRequest): AsyncGenerator<ChatChunk> {
    return streamOpenAiChat(this.endpoint, this.transport, req, { path: "/chat/completions", streamTimeoutMs: this.streamTimeoutMs });
  }
}
