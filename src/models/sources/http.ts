// One bounded GET against a model host (the Hub, an Ollama registry, the CDNs they redirect to):
// redirects followed by hand so a token only ever goes to the host it belongs to, a deadline for
// the answer and one between body chunks (a slow server fails instead of hanging), a cap on the
// bytes read (a range read never takes more than it asked for), and a server that ignores Range
// refused rather than downloaded. Every failure is one typed line; the caller names the thing.
import { LlmFitError } from "../../errors.js";

export interface SourceHttp {
  readonly fetch: typeof fetch;
  /** Deadline for the response head (connect + first byte), ms. */
  readonly timeoutMs: number;
  /** Longest pause allowed between two body chunks, ms. */
  readonly idleMs: number;
  readonly signal?: AbortSignal;
  /** Bytes received so far for `what`, as they arrive. */
  readonly onProgress?: (what: string, bytes: number) => void;
  /** Counts every body byte that came over the network. */
  readonly stats: { network: number; requests: number };
}

/** An Authorization header scoped to one origin: it is dropped on a redirect anywhere else. */
export interface Credential {
  readonly origin: string;
  readonly header: string;
}

export interface GetSpec {
  /** What the person asked about, for messages ("hf:org/repo", "qwen3:8b"). */
  readonly what: string;
  readonly accept?: string;
  readonly credential?: Credential;
  /** Inclusive byte range; the answer must be 206 for it. */
  readonly range?: readonly [number, number];
  /** Most body bytes taken (a range's length is its own cap). */
  readonly maxBytes?: number;
  /** Extra request headers (never credentials: those go in `credential`). */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface GetResult {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Uint8Array;
  /** Total size from Content-Range, for range reads. */
  readonly total?: number;
  /** Where the answer came from after redirects (a CDN's URL for an LFS file). */
  readonly finalUrl: string;
}

/** A non-2xx answer: each client turns it into its own one line (gated, missing, rate-limited …). */
export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
    readonly headers: Headers,
    readonly bodyText: string,
  ) {
    super(`HTTP ${status} from ${hostOf(url)}`);
  }

  /** Retry-After in seconds (the header is seconds or an HTTP date). */
  retryAfterSeconds(now = Date.now()): number | undefined {
    const v = this.headers.get("retry-after");
    if (v === null) return undefined;
    if (/^\d+$/.test(v.trim())) return Number(v.trim());
    const at = Date.parse(v);
    return Number.isNaN(at) ? undefined : Math.max(0, Math.round((at - now) / 1000));
  }
}

const MAX_REDIRECTS = 5;
export const DEFAULT_JSON_MAX_BYTES = 16 * 1024 * 1024;

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function networkLine(what: string, url: string, err: unknown): LlmFitError {
  const msg = err instanceof Error ? err.message : String(err);
  let cur: unknown = err;
  let code: string | undefined;
  for (let i = 0; i < 4 && cur !== null && typeof cur === "object"; i++) {
    if ("code" in cur && typeof cur.code === "string") {
      code = cur.code;
      break;
    }
    cur = "cause" in cur ? cur.cause : undefined;
  }
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET" || msg === "terminated") {
    return new LlmFitError("http", `${what}: ${hostOf(url)} closed the connection mid-response`, "try again; a proxy may be cutting long requests");
  }
  return new LlmFitError("http", `${what}: cannot reach ${hostOf(url)} (${code ?? msg})`, "check your connection, or the endpoint (HF_ENDPOINT, --registry)");
}

/** Runs `fn` with an AbortController that the caller's signal and a timer (re-armed with `arm`) abort. */
class Deadline {
  readonly controller = new AbortController();
  cause: "caller" | "head" | "idle" | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly onAbort = (): void => this.fire("caller");
  constructor(private readonly caller: AbortSignal | undefined) {
    if (caller?.aborted) this.fire("caller");
    else caller?.addEventListener("abort", this.onAbort, { once: true });
  }
  arm(ms: number, kind: "head" | "idle"): void {
    this.clear();
    this.timer = setTimeout(() => this.fire(kind), ms);
    this.timer.unref?.();
  }
  private fire(kind: "caller" | "head" | "idle"): void {
    if (this.controller.signal.aborted) return;
    this.cause = kind;
    this.clear();
    this.controller.abort(kind);
  }
  clear(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
  dispose(): void {
    this.clear();
    this.caller?.removeEventListener("abort", this.onAbort);
  }
}

function deadlineError(d: Deadline, http: SourceHttp, what: string, url: string): LlmFitError | undefined {
  if (d.cause === "caller") return new LlmFitError("cancelled", `${what}: cancelled`);
  if (d.cause === "head") return new LlmFitError("timeout", `${what}: ${hostOf(url)} did not answer within ${Math.round(http.timeoutMs / 1000)} s`, "try again later, or check the endpoint");
  if (d.cause === "idle") return new LlmFitError("timeout", `${what}: ${hostOf(url)} stopped sending for ${Math.round(http.idleMs / 1000)} s`, "try again later; the server is too slow");
  return undefined;
}

async function readBody(res: Response, cap: number, d: Deadline, http: SourceHttp, spec: GetSpec, url: string): Promise<Uint8Array> {
  const body = res.body;
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      d.arm(http.idleMs, "idle");
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      http.stats.network += value.byteLength;
      if (total > cap) {
        await reader.cancel().catch(() => undefined);
        throw new LlmFitError("http", `${spec.what}: ${hostOf(url)} sent more than the ${cap} bytes asked for`, "the server is misbehaving; try again later");
      }
      chunks.push(value);
      http.onProgress?.(spec.what, total);
    }
  } catch (err) {
    if (err instanceof LlmFitError) throw err;
    throw deadlineError(d, http, spec.what, url) ?? networkLine(spec.what, url, err);
  } finally {
    reader.releaseLock();
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Content-Range "bytes a-b/total" → [a, b, total]. */
function contentRange(h: string | null): [number, number, number | undefined] | undefined {
  const m = h === null ? null : /^bytes\s+(\d+)-(\d+)\/(\d+|\*)$/i.exec(h.trim());
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2]), m[3] === "*" ? undefined : Number(m[3])];
}

/** GET with manual redirects, deadlines and a byte cap; throws HttpStatusError for a non-2xx. */
export async function boundedGet(http: SourceHttp, url: string, spec: GetSpec): Promise<GetResult> {
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const d = new Deadline(http.signal);
    d.arm(http.timeoutMs, "head");
    const headers: Record<string, string> = { ...spec.headers };
    if (spec.accept) headers["Accept"] = spec.accept;
    if (spec.range) headers["Range"] = `bytes=${spec.range[0]}-${spec.range[1]}`;
    // The token goes to its own origin only, never to the CDN a download redirects to.
    if (spec.credential && new URL(current).origin === spec.credential.origin) headers["Authorization"] = spec.credential.header;
    let res: Response;
    try {
      http.stats.requests += 1;
      res = await http.fetch(current, { headers, redirect: "manual", signal: d.controller.signal });
    } catch (err) {
      d.dispose();
      throw deadlineError(d, http, spec.what, current) ?? networkLine(spec.what, current, err);
    }
    try {
      if (res.status >= 300 && res.status < 400 && res.headers.get("location")) {
        await res.body?.cancel().catch(() => undefined);
        current = new URL(res.headers.get("location") as string, current).toString();
        continue;
      }
      if (!res.ok) {
        const text = new TextDecoder().decode(await readBody(res, 64 * 1024, d, http, { ...spec, what: spec.what }, current).catch(() => new Uint8Array()));
        throw new HttpStatusError(res.status, current, res.headers, text);
      }
      if (spec.range) {
        if (res.status !== 206) {
          await res.body?.cancel().catch(() => undefined);
          throw new LlmFitError(
            "http",
            `${spec.what}: ${hostOf(current)} does not answer range requests (HTTP ${res.status}), so reading the header would download the whole file`,
            "refused; download the file yourself and give its path",
          );
        }
        const cr = contentRange(res.headers.get("content-range"));
        if (!cr || cr[0] !== spec.range[0]) {
          await res.body?.cancel().catch(() => undefined);
          throw new LlmFitError("http", `${spec.what}: ${hostOf(current)} answered a different byte range than asked`, "try again later");
        }
        const want = Math.min(spec.range[1], cr[2] !== undefined ? cr[2] - 1 : spec.range[1]) - spec.range[0] + 1;
        const body = await readBody(res, spec.range[1] - spec.range[0] + 1, d, http, spec, current);
        if (body.byteLength < want) {
          throw new LlmFitError("http", `${spec.what}: ${hostOf(current)} closed the connection mid-response (${body.byteLength} of ${want} bytes)`, "try again");
        }
        return { status: res.status, headers: res.headers, body, finalUrl: current, ...(cr[2] !== undefined ? { total: cr[2] } : {}) };
      }
      const body = await readBody(res, spec.maxBytes ?? DEFAULT_JSON_MAX_BYTES, d, http, spec, current);
      return { status: res.status, headers: res.headers, body, finalUrl: current };
    } finally {
      d.dispose();
    }
  }
  throw new LlmFitError("http", `${spec.what}: more than ${MAX_REDIRECTS} redirects from ${hostOf(url)}`, "check the endpoint");
}

/** A GET whose body is JSON; `parse` is the caller's zod check. */
export async function getJson<T>(http: SourceHttp, url: string, spec: GetSpec, parse: (v: unknown) => T): Promise<{ value: T; headers: Headers }> {
  const r = await boundedGet(http, url, spec);
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(r.body)) as unknown;
  } catch {
    throw new LlmFitError("http", `${spec.what}: ${hostOf(url)} answered something that is not JSON`, "check the endpoint (HF_ENDPOINT, --registry)");
  }
  return { value: parse(raw), headers: r.headers };
}
