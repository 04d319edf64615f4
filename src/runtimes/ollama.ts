// Ollama through the `ollama` package (ollama-js). We hand it a fetch of our own that applies
// deadlines and the caller's AbortSignal, turns non-2xx answers into typed errors before
// ollama-js's checkOk (which would console.log), bounds what it reads, and checks stream lines
// (ndjson.ts). One Ollama client per call: its abort() cancels every stream it started, so a
// shared client would let one cancelled prompt kill the others.
import { Ollama, type ShowRequest } from "ollama";
import * as z from "zod";
import { lazySchema } from "../lazy-schema.js";
import { LlmFitError } from "../errors.js";
import { runtimeDown, runtimeError, type Endpoint } from "./errors.js";
import { DEFAULT_MAX_BODY_BYTES, RequestGuard, normalizeBaseUrl, parseJsonWith, readTextBounded, type Transport } from "./http.js";
import { checkedNdjson } from "./ndjson.js";
import { ollamaShowSchema, tryShapeFromOllamaShow, type OllamaShow } from "./ollama-shape.js";
import type {
  ChatChunk,
  ChatRequest,
  ChatRuntime,
  FetchLike,
  InstalledModel,
  LoadedModel,
  PullProgress,
  RuntimeStatus,
} from "./types.js";
import { directFetch, loopbackRefuses } from "./loopback.js";

export const OLLAMA_DEFAULT_URL = "http://127.0.0.1:11434";

export function ollamaEndpoint(url: string): Endpoint {
  return {
    label: "Ollama",
    url: normalizeBaseUrl(url),
    startHint: "start it with `ollama serve` or set `runtimes.ollama.url`",
    missingModelHint: (model) => `pull it with \`llmfit pull ${model}\` (or \`ollama pull ${model}\`)`,
    authHint: "Ollama itself has no keys: check the proxy in front of runtimes.ollama.url",
  };
}

const details = lazySchema(() => z
  .object({
    format: z.string(),
    family: z.string(),
    families: z.array(z.string()).nullable(),
    parameter_size: z.string(),
    quantization_level: z.string(),
  })
  .partial());

export const ollamaVersionSchema = lazySchema(() => z.object({ version: z.string() }));
export const ollamaTagsSchema = lazySchema(() => z.object({
  models: z.array(
    z.object({
      name: z.string(),
      model: z.string().optional(),
      modified_at: z.string().optional(),
      size: z.number().nonnegative(),
      digest: z.string().optional(),
      details: details.optional(),
    }),
  ),
}));
export const ollamaPsSchema = lazySchema(() => z.object({
  models: z.array(
    z.object({
      name: z.string(),
      model: z.string().optional(),
      size: z.number().nonnegative(),
      size_vram: z.number().nonnegative().optional(),
      digest: z.string().optional(),
      details: details.optional(),
      expires_at: z.string().optional(),
      context_length: z.number().int().positive().optional(),
    }),
  ),
}));
const chatPart = lazySchema(() => z.object({
  message: z.object({ content: z.string().optional(), thinking: z.string().optional() }).partial().optional(),
  done: z.boolean(),
  done_reason: z.string().optional(),
  prompt_eval_count: z.number().optional(),
  prompt_eval_duration: z.number().optional(),
  eval_count: z.number().optional(),
  eval_duration: z.number().optional(),
}));
const pullPart = lazySchema(() => z.object({
  status: z.string(),
  digest: z.string().optional(),
  total: z.number().optional(),
  completed: z.number().optional(),
}));

export interface OllamaClientOptions {
  readonly url?: string;
  readonly fetch?: FetchLike;
  /** Deadline for quick queries (version, tags, show, ps). */
  readonly timeoutMs?: number;
  /** Deadline for the first byte of a chat/pull (the model may be loading) and between chunks. */
  readonly streamTimeoutMs?: number;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Ollama durations are nanoseconds; tokens per second, or undefined when it did not say. */
function tps(count: number | undefined, durationNs: number | undefined): number | undefined {
  return count !== undefined && durationNs !== undefined && durationNs > 0 ? count / (durationNs / 1e9) : undefined;
}

export class OllamaClient implements ChatRuntime {
  readonly kind = "ollama" as const;
  readonly endpoint: Endpoint;
  private readonly transport: Transport;
  private readonly streamTimeoutMs: number;
  /** The default fetch: a closed loopback port is found before ollama-js builds its Headers (src/runtimes/loopback.ts). */
  private readonly direct: boolean;

  constructor(opts: OllamaClientOptions = {}) {
    this.direct = opts.fetch === undefined;
    this.endpoint = ollamaEndpoint(opts.url ?? OLLAMA_DEFAULT_URL);
    this.transport = {
      fetch: opts.fetch ?? directFetch,
      timeoutMs: opts.timeoutMs ?? 2000,
      ...(opts.headers ? { headers: opts.headers } : {}),
    };
    this.streamTimeoutMs = opts.streamTimeoutMs ?? 300_000;
  }

  /**
   * The fetch ollama-js calls. Non-2xx never reaches ollama-js; whole bodies are read here
   * within a cap; streamed bodies are piped through the NDJSON check.
   */
  private guardedFetch(
    guard: RequestGuard,
    what: string,
    model: string | undefined,
    streamed: { idleMs: number } | undefined,
  ): FetchLike {
    return async (input, init) => {
      const signal = init?.signal ? AbortSignal.any([init.signal, guard.signal]) : guard.signal;
      const headers = new Headers(init?.headers);
      for (const [k, v] of Object.entries(this.transport.headers ?? {})) headers.set(k, v);
      const response = await this.transport.fetch(input, { ...init, headers, signal });
      if (!response.ok) {
        const text = await readTextBounded(response, 64 * 1024, guard, "error body");
        throw runtimeError(this.endpoint, response.status, errorText(text, response), model);
      }
      if (streamed === undefined || !response.body) {
        const text = await readTextBounded(response, DEFAULT_MAX_BODY_BYTES, guard, what);
        // Checked here: ollama-js's response.json() would fail with a SyntaxError that reads like a network fault.
        parseJsonWith(this.endpoint, what, text, z.unknown());
        return new Response(text, { status: response.status, headers: response.headers });
      }
      guard.arm(streamed.idleMs, "idle-timeout");
      const checked = response.body.pipeThrough(
        checkedNdjson({
          endpoint: this.endpoint,
          ...(model !== undefined ? { model } : {}),
          onChunk: () => guard.arm(streamed.idleMs, "idle-timeout"),
        }),
      );
      return new Response(checked, { status: response.status, headers: response.headers });
    };
  }

  /** Runs one non-streamed ollama-js call with its own client and deadline, and parses the result. */
  private async query<S extends z.ZodType>(
    what: string,
    schema: S,
    call: (client: Ollama) => Promise<unknown>,
    model?: string,
  ): Promise<z.infer<S>> {
    if (this.direct && (await loopbackRefuses(this.endpoint.url))) throw runtimeDown(this.endpoint);
    const guard = new RequestGuard(this.endpoint, undefined);
    guard.arm(this.transport.timeoutMs, "head-timeout");
    const client = new Ollama({ host: this.endpoint.url, fetch: this.guardedFetch(guard, what, model, undefined) });
    try {
      const raw = await call(client);
      return parseJsonWith(this.endpoint, what, JSON.stringify(raw), schema);
    } catch (err) {
      throw this.classify(guard, err, model);
    } finally {
      guard.dispose();
    }
  }

  private classify(guard: RequestGuard, err: unknown, model?: string): LlmFitError {
    const typed = guard.toError(err);
    // ollama-js's own stream checks throw plain Errors; ours run first, so this is a backstop.
    if (typed.code === "runtime_down" && err instanceof Error && err.name === "Error") {
      return runtimeError(this.endpoint, undefined, err.message, model);
    }
    return typed;
  }

  version(): Promise<string> {
    return this.query("/api/version response", ollamaVersionSchema, (c) => c.version()).then((v) => v.version);
  }

  tags(): Promise<z.infer<typeof ollamaTagsSchema>> {
    return this.query("/api/tags response", ollamaTagsSchema, (c) => c.list());
  }

  ps(): Promise<z.infer<typeof ollamaPsSchema>> {
    return this.query("/api/ps response", ollamaPsSchema, (c) => c.ps());
  }

  show(model: string, verbose = false): Promise<OllamaShow> {
    // ShowRequest lacks `verbose` in ollama-js's types, but the server reads it and ollama-js passes it on.
    const request: ShowRequest & { verbose?: boolean } = { model, ...(verbose ? { verbose } : {}) };
    return this.query("/api/show response", ollamaShowSchema, (c) => c.show(request), model);
  }

  /**
   * /api/show, asking again with verbose=true only when the short answer elided what sizing
   * needs (Ollama empties metadata arrays longer than 5 — per-layer head counts, the token
   * list — unless verbose).
   */
  async installedModel(model: string, base?: Partial<InstalledModel>): Promise<InstalledModel> {
    let show = await this.show(model);
    let shape = tryShapeFromOllamaShow(show);
    if (shape === "needs-verbose") {
      show = await this.show(model, true);
      shape = tryShapeFromOllamaShow(show);
    }
    const info = show.model_info ?? {};
    const arch = typeof info["general.architecture"] === "string" ? info["general.architecture"] : undefined;
    const ctx = arch ? info[`${arch}.context_length`] : undefined;
    const count = info["general.parameter_count"];
    return {
      ...base,
      name: model,
      runtime: "ollama",
      ...(show.details?.family ? { family: show.details.family } : {}),
      ...(show.details?.parameter_size ? { parameterSize: show.details.parameter_size } : {}),
      ...(show.details?.quantization_level ? { quantization: show.details.quantization_level } : {}),
      ...(typeof count === "number" ? { parameterCount: count } : {}),
      ...(typeof ctx === "number" ? { contextLength: ctx } : {}),
      ...(typeof shape === "object" ? { shape } : {}),
      ...(numCtxFromParameters(show.parameters) !== undefined ? { runContext: numCtxFromParameters(show.parameters) } : {}),
    };
  }

  async loaded(): Promise<LoadedModel[]> {
    const ps = await this.ps();
    return ps.models.map((m) => ({
      name: m.name,
      runtime: "ollama" as const,
      sizeBytes: m.size,
      ...(m.size_vram !== undefined ? { sizeVramBytes: m.size_vram } : {}),
      ...(m.context_length !== undefined ? { contextLength: m.context_length } : {}),
      ...(m.expires_at !== undefined ? { expiresAt: m.expires_at } : {}),
    }));
  }

  /** Version, installed models (with /api/show metadata) and loaded models; never throws. */
  async status(): Promise<RuntimeStatus> {
    const base = { kind: "ollama" as const, name: "Ollama", url: this.endpoint.url };
    let version: string;
    try {
      version = await this.version();
    } catch (err) {
      return { ...base, state: "down", reason: err instanceof LlmFitError ? err.oneLine() : String(err) };
    }
    const warnings: string[] = [];
    const [tags, loaded] = await Promise.all([
      this.tags().catch((err: unknown) => {
        warnings.push(lineOf(err));
        return { models: [] };
      }),
      this.loaded().catch((err: unknown) => {
        warnings.push(lineOf(err));
        return [];
      }),
    ]);
    // A few /api/show calls at a time: fast on loopback, and kind to a remote server with many models.
    const installed = await mapLimited(tags.models, 4, async (t): Promise<InstalledModel> => {
      const base: InstalledModel = {
        name: t.name,
        runtime: "ollama",
        sizeBytes: t.size,
        ...(t.details?.family ? { family: t.details.family } : {}),
        ...(t.details?.parameter_size ? { parameterSize: t.details.parameter_size } : {}),
        ...(t.details?.quantization_level ? { quantization: t.details.quantization_level } : {}),
      };
      try {
        return await this.installedModel(t.name, base);
      } catch (err) {
        warnings.push(`${t.name}: ${lineOf(err)}`);
        return base;
      }
    });
    return { ...base, state: "up", version, installed, loaded, warnings };
  }

  /** Streams a chat. Throws LlmFitError: not_found for a missing model, http for an in-band error, cancelled on abort. */
  async *chat(req: ChatRequest): AsyncGenerator<ChatChunk> {
    const guard = new RequestGuard(this.endpoint, req.signal);
    guard.arm(this.streamTimeoutMs, "head-timeout", "stream_timeout_ms");
    const client = new Ollama({
      host: this.endpoint.url,
      fetch: this.guardedFetch(guard, "chat stream", req.model, { idleMs: this.streamTimeoutMs }),
    });
    const o = req.options ?? {};
    const options = {
      ...(o.temperature !== undefined ? { temperature: o.temperature } : {}),
      ...(o.topP !== undefined ? { top_p: o.topP } : {}),
      ...(o.topK !== undefined ? { top_k: o.topK } : {}),
      ...(o.seed !== undefined ? { seed: o.seed } : {}),
      ...(o.numCtx !== undefined ? { num_ctx: o.numCtx } : {}),
      ...(o.maxTokens !== undefined ? { num_predict: o.maxTokens } : {}),
      ...(o.stop !== undefined ? { stop: [...o.stop] } : {}),
    };
    try {
      if (guard.signal.aborted) throw guard.toError(undefined);
      const stream = await client.chat({
        model: req.model,
        messages: req.messages.map((m) => ({ role: m.role, content: m.content })),
        stream: true,
        options,
      });
      for await (const raw of stream) {
        const part = parseJsonWith(this.endpoint, "chat stream line", JSON.stringify(raw), chatPart);
        const text = part.message?.content;
        if (text) yield { type: "text", text };
        if (part.done) {
          const promptTps = tps(part.prompt_eval_count, part.prompt_eval_duration);
          const decodeTps = tps(part.eval_count, part.eval_duration);
          yield {
            type: "done",
            ...(part.prompt_eval_count !== undefined || part.eval_count !== undefined
              ? { usage: { promptTokens: part.prompt_eval_count ?? 0, completionTokens: part.eval_count ?? 0 } }
              : {}),
            ...(promptTps !== undefined || decodeTps !== undefined
              ? { timings: { ...(promptTps !== undefined ? { promptTps } : {}), ...(decodeTps !== undefined ? { decodeTps } : {}) } }
              : {}),
            ...(part.done_reason ? { reason: part.done_reason } : {}),
          };
          return;
        }
      }
    } catch (err) {
      throw this.classify(guard, err, req.model);
    } finally {
      // Also runs when the consumer stops early: closes the socket so Ollama stops generating.
      client.abort();
      guard.abort("caller");
      guard.dispose();
    }
  }

  /** Streams /api/pull progress until "success". */
  async *pull(model: string, signal?: AbortSignal): AsyncGenerator<PullProgress> {
    const guard = new RequestGuard(this.endpoint, signal);
    guard.arm(this.streamTimeoutMs, "head-timeout", "stream_timeout_ms");
    const client = new Ollama({
      host: this.endpoint.url,
      fetch: this.guardedFetch(guard, "pull stream", model, { idleMs: this.streamTimeoutMs }),
    });
    try {
      if (guard.signal.aborted) throw guard.toError(undefined);
      const stream = await client.pull({ model, stream: true });
      for await (const raw of stream) {
        const p = parseJsonWith(this.endpoint, "pull stream line", JSON.stringify(raw), pullPart);
        yield {
          status: p.status,
          ...(p.digest !== undefined ? { digest: p.digest } : {}),
          ...(p.total !== undefined ? { total: p.total } : {}),
          ...(p.completed !== undefined ? { completed: p.completed } : {}),
        };
        if (p.status === "success") return;
      }
    } catch (err) {
      throw this.classify(guard, err, model);
    } finally {
      client.abort();
      guard.abort("caller");
      guard.dispose();
    }
  }
}

function errorText(text: string, response: Response): string {
  try {
    const parsed = z.object({ error: z.string() }).safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data.error;
  } catch {
    // plain text body
  }
  return text.trim() || response.statusText || `HTTP ${response.status}`;
}

/** `items.map(fn)` with at most `limit` calls in flight; results keep the input order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

function lineOf(err: unknown): string {
  return err instanceof LlmFitError ? err.oneLine() : err instanceof Error ? err.message : String(err);
}

/** `PARAMETER num_ctx N` in the Modelfile (shown as "num_ctx   N" in /api/show `parameters`). */
export function numCtxFromParameters(parameters: string | undefined): number | undefined {
  const m = parameters?.match(/^\s*num_ctx\s+(\d+)\s*$/m);
  return m?.[1] ? Number.parseInt(m[1], 10) : undefined;
}
