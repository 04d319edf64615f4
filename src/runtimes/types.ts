// What the rest of llmfit sees of a runtime: its status, its models, and a chat stream.
// Every runtime (Ollama, llama.cpp server, LM Studio, any OpenAI-compatible server, the
// embedded node-llama-cpp) speaks this one shape, so the prompt feature and the report do not
// care which one answered.
import type { ModelShape } from "../models/shape.js";

export type RuntimeKind = "ollama" | "llamacpp" | "lmstudio" | "openai";

/** The `fetch` we call; injected so tests, timeouts and proxies can stand in for the global one. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Milliseconds since an arbitrary origin; injected so caching and timings are testable. */
export type Clock = () => number;

export interface InstalledModel {
  /** The name to send in a chat request (Ollama tag, llama.cpp model id, LM Studio key). */
  readonly name: string;
  readonly runtime: RuntimeKind;
  /** Bytes on disk, when the runtime says. */
  readonly sizeBytes?: number;
  readonly family?: string;
  /** Parameter count, when known exactly (GGUF general.parameter_count, llama.cpp n_params). */
  readonly parameterCount?: number;
  /** The runtime's own label, e.g. "8.0B", for display when the exact count is unknown. */
  readonly parameterSize?: string;
  /** Quantization label as the runtime reports it: Q4_K_M, Q4_0, F16 … */
  readonly quantization?: string;
  /** Trained context (GGUF `<arch>.context_length`, llama.cpp n_ctx_train). */
  readonly contextLength?: number;
  /** Built from the GGUF metadata the runtime returned; absent when it returned too little. */
  readonly shape?: ModelShape;
  /** The context the runtime will run it at when asked with no options (num_ctx, n_ctx). */
  readonly runContext?: number;
}

export interface LoadedModel {
  readonly name: string;
  readonly runtime: RuntimeKind;
  /** Total bytes the runtime holds for it (weights + KV + buffers), when reported. */
  readonly sizeBytes?: number;
  /** Of which on the GPU. */
  readonly sizeVramBytes?: number;
  readonly contextLength?: number;
  /** When the runtime will unload it (Ollama keep_alive), ISO 8601. */
  readonly expiresAt?: string;
}

interface RuntimeStatusBase {
  readonly kind: RuntimeKind;
  /** Display name: "Ollama", "llama.cpp", "LM Studio" or the configured OpenAI-compatible name. */
  readonly name: string;
  /** Base URL probed, without a trailing slash. */
  readonly url: string;
}

export interface RuntimeUp extends RuntimeStatusBase {
  readonly state: "up";
  readonly version?: string;
  readonly installed: readonly InstalledModel[];
  readonly loaded: readonly LoadedModel[];
  /** Non-fatal problems while listing (a model whose /api/show failed), one line each. */
  readonly warnings: readonly string[];
}

export interface RuntimeDown extends RuntimeStatusBase {
  readonly state: "down";
  /** One line for a person: what and how to fix it. */
  readonly reason: string;
}

export type RuntimeStatus = RuntimeUp | RuntimeDown;

export type ChatRole = "system" | "user" | "assistant";

export interface ChatMessage {
  readonly role: ChatRole;
  readonly content: string;
}

export interface ChatOptions {
  readonly temperature?: number;
  readonly topP?: number;
  readonly topK?: number;
  readonly seed?: number;
  /** Context size to load the model with (Ollama num_ctx; ignored where the server fixed it). */
  readonly numCtx?: number;
  /** Most tokens to generate (Ollama num_predict, OpenAI max_tokens, llama.cpp n_predict). */
  readonly maxTokens?: number;
  readonly stop?: readonly string[];
}

export interface ChatRequest {
  readonly model: string;
  readonly messages: readonly ChatMessage[];
  readonly options?: ChatOptions;
  /** Aborting it stops this stream only; the iterator then throws a `cancelled` LlmFitError. */
  readonly signal?: AbortSignal;
}

export interface ChatUsage {
  readonly promptTokens: number;
  readonly completionTokens: number;
}

export interface ChatTimings {
  /** Prompt processing speed, tokens per second. */
  readonly promptTps?: number;
  /** Generation speed, tokens per second. */
  readonly decodeTps?: number;
}

export type ChatChunk =
  | { readonly type: "text"; readonly text: string }
  | {
      readonly type: "done";
      readonly usage?: ChatUsage;
      readonly timings?: ChatTimings;
      /** Why generation stopped, as the runtime says ("stop", "length" …). */
      readonly reason?: string;
    };

/** Something that can stream a chat. Errors are LlmFitError (runtime_down, http, not_found, timeout, cancelled). */
export interface ChatRuntime {
  readonly kind: RuntimeKind | "embedded";
  chat(req: ChatRequest): AsyncIterable<ChatChunk>;
}

export interface PullProgress {
  readonly status: string;
  readonly digest?: string;
  readonly completed?: number;
  readonly total?: number;
}
