// One HTTP exchange with a runtime: a deadline for the answer, an idle deadline while a stream
// flows, the caller's AbortSignal, a cap on how much we read, and every failure turned into a
// typed LlmFitError (errors.ts). The runtime clients build on `openRequest` and `getJson`.
import type * as z from "zod";
import { LlmFitError, plainMessage } from "../errors.js";
import {
  badResponse,
  cancelled,
  errorMessageOf,
  runtimeDown,
  runtimeError,
  streamBroken,
  timedOut,
  type Endpoint,
} from "./errors.js";
import type { FetchLike } from "./types.js";

/** Bodies we read whole (lists, /props, error texts). Ollama's /api/tags for hundreds of models is ~100 KB. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

export interface Transport {
  readonly fetch: FetchLike;
  /** Deadline for the response head (connect + first byte). */
  readonly timeoutMs: number;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface RequestSpec {
  readonly method?: "GET" | "POST";
  readonly path: string;
  readonly body?: unknown;
  readonly signal?: AbortSignal;
  /** Overrides the transport's head deadline (a chat may wait for a model to load). */
  readonly timeoutMs?: number;
  /** The model the request is about, so a 404 says which model is missing. */
  readonly model?: string;
  readonly maxBytes?: number;
}

type AbortCause = "caller" | "head-timeout" | "idle-timeout";
/** The option that sets a deadline, named in the hint when it passes. */
export type TimeoutSetting = "timeout_ms" | "stream_timeout_ms";

/**
 * Owns one request's AbortController: the caller's signal, the head deadline and the idle
 * deadline all abort it, and `toError` says which one did, so a timeout never reads as a cancel.
 */
export class RequestGuard {
  readonly controller = new AbortController();
  private cause: AbortCause | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerMs = 0;
  private timerSetting: TimeoutSetting = "timeout_ms";
  private readonly onCallerAbort = (): void => this.abort("caller");

  constructor(
    readonly endpoint: Endpoint,
    private readonly callerSignal: AbortSignal | undefined,
  ) {
    if (callerSignal?.aborted) this.abort("caller");
    else callerSignal?.addEventListener("abort", this.onCallerAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get callerAborted(): boolean {
    return this.cause === "caller";
  }

  /** (Re)starts the deadline; called before the head and after every chunk of a stream. */
  arm(ms: number, kind: "head-timeout" | "idle-timeout", setting: TimeoutSetting = kind === "idle-timeout" ? "stream_timeout_ms" : "timeout_ms"): void {
    this.clearTimer();
    this.timerMs = ms;
    this.timerSetting = setting;
    if (ms > 0 && ms < Number.POSITIVE_INFINITY) {
      this.timer = setTimeout(() => this.abort(kind), ms);
      // A pending deadline must not keep the CLI alive after everything else finished.
      this.timer.unref?.();
    }
  }

  abort(cause: AbortCause): void {
    if (this.controller.signal.aborted) return;
    this.cause = cause;
    this.clearTimer();
    this.controller.abort(cause);
  }

  dispose(): void {
    this.clearTimer();
    this.callerSignal?.removeEventListener("abort", this.onCallerAbort);
  }

  /** Any failure while the request ran → the LlmFitError a person should see. */
  toError(err: unknown): LlmFitError {
    if (this.cause === "caller") return cancelled();
    if (this.cause === "head-timeout") return timedOut(this.endpoint, this.timerMs, "answer", this.timerSetting);
    if (this.cause === "idle-timeout") return timedOut(this.endpoint, this.timerMs, "stream", this.timerSetting);
    if (err instanceof LlmFitError) return err;
    return networkError(this.endpoint, err);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** undici puts the system error under `cause` (ECONNREFUSED) or names the socket error (UND_ERR_SOCKET). */
function errnoOf(err: unknown): string | undefined {
  let cur: unknown = err;
  for (let depth = 0; depth < 4 && cur !== undefined && cur !== null; depth++) {
    if (typeof cur === "object" && "code" in cur && typeof cur.code === "string") return cur.code;
    cur = typeof cur === "object" && "cause" in cur ? cur.cause : undefined;
  }
  return undefined;
}

function networkError(ep: Endpoint, err: unknown): LlmFitError {
  const code = errnoOf(err);
  switch (code) {
    case "ECONNREFUSED":
      return runtimeDown(ep);
    case "ECONNRESET":
    case "UND_ERR_SOCKET":
    case "EPIPE":
      return streamBroken(ep, "the connection closed mid-response");
    case undefined: {
      const raw = err instanceof Error ? err.message : String(err);
      if (raw === "terminated") return streamBroken(ep, "the connection closed mid-response");
      const msg = err instanceof Error ? plainMessage(err) : raw;
      return runtimeDown(ep, msg);
    }
    default:
      return runtimeDown(ep, code);
  }
}

/** Reads a body into a string, refusing more than `maxBytes` (a runaway server cannot fill memory). */
export async function readTextBounded(
  response: Response,
  maxBytes: number,
  guard: RequestGuard,
  what: string,
): Promise<string> {
  const body = response.body;
  if (!body) return "";
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let total = 0;
  let text = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw badResponse(guard.endpoint, what, `larger than ${maxBytes} bytes`);
      }
      text += decoder.decode(value, { stream: true });
    }
    return text + decoder.decode();
  } catch (err) {
    throw guard.toError(err);
  } finally {
    reader.releaseLock();
  }
}

function buildInit(transport: Transport, spec: RequestSpec, signal: AbortSignal): RequestInit {
  const headers: Record<string, string> = { Accept: "application/json", ...transport.headers };
  const init: RequestInit = { method: spec.method ?? (spec.body === undefined ? "GET" : "POST"), headers, signal };
  if (spec.body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(spec.body);
  }
  return init;
}

/**
 * Sends a request and waits for a 2xx head. A non-2xx becomes the typed error the runtime's
 * body describes. The caller owns `guard` from here (read the body, then `dispose()`).
 */
export async function openRequest(
  endpoint: Endpoint,
  transport: Transport,
  spec: RequestSpec,
): Promise<{ response: Response; guard: RequestGuard }> {
  const guard = new RequestGuard(endpoint, spec.signal);
  // only streaming requests override the head deadline, with runtimes.stream_timeout_ms
  guard.arm(spec.timeoutMs ?? transport.timeoutMs, "head-timeout", spec.timeoutMs !== undefined ? "stream_timeout_ms" : "timeout_ms");
  try {
    if (guard.signal.aborted) throw guard.toError(undefined);
    const response = await transport.fetch(`${endpoint.url}${spec.path}`, buildInit(transport, spec, guard.signal));
    if (!response.ok) {
      const text = await readTextBounded(response, 64 * 1024, guard, "error body");
      const message = errorMessageOf(text, response.statusText || `HTTP ${response.status}`);
      throw runtimeError(endpoint, response.status, message, spec.model);
    }
    return { response, guard };
  } catch (err) {
    const typed = guard.toError(err);
    guard.dispose();
    throw typed;
  }
}

/** A whole JSON response, parsed with `schema`; any mismatch is a typed "bad response". */
export async function requestJson<S extends z.ZodType>(
  endpoint: Endpoint,
  transport: Transport,
  spec: RequestSpec,
  schema: S,
): Promise<z.infer<S>> {
  const { response, guard } = await openRequest(endpoint, transport, spec);
  try {
    const text = await readTextBounded(response, spec.maxBytes ?? DEFAULT_MAX_BODY_BYTES, guard, `${spec.path} response`);
    return parseJsonWith(endpoint, `${spec.path} response`, text, schema);
  } finally {
    guard.dispose();
  }
}

/** Plain text response (Prometheus /metrics). */
export async function requestText(endpoint: Endpoint, transport: Transport, spec: RequestSpec): Promise<string> {
  const { response, guard } = await openRequest(endpoint, transport, spec);
  try {
    return await readTextBounded(response, spec.maxBytes ?? DEFAULT_MAX_BODY_BYTES, guard, `${spec.path} response`);
  } finally {
    guard.dispose();
  }
}

export function parseJsonWith<S extends z.ZodType>(endpoint: Endpoint, what: string, text: string, schema: S): z.infer<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw badResponse(endpoint, what, `not JSON: ${text.slice(0, 80)}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join(".") || "(root)"}: ${issue.message}` : "wrong shape";
    throw badResponse(endpoint, what, where);
  }
  return parsed.data;
}

/** Trailing slashes off, so `${url}${path}` never doubles them. */
export function normalizeBaseUrl(url: string): string {
  return url.replace(/\/+$/, "");
}
