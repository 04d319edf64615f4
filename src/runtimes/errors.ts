// Turning what goes wrong on the wire into one line a person can act on. Every runtime client
// funnels failures through here, so "not running", "too slow", "no such model" read the same
// whichever runtime said them.
import * as z from "zod";
import { lazySchema } from "../lazy-schema.js";
import { LlmFitError } from "../errors.js";

/** Who we were talking to, for the message and the fix. */
export interface Endpoint {
  /** "Ollama", "llama.cpp", "LM Studio", or a configured name. */
  readonly label: string;
  /** Base URL without trailing slash. */
  readonly url: string;
  /** How to make it reachable: "start it with `ollama serve` or set `runtimes.ollama.url`". */
  readonly startHint: string;
  /** How to get a missing model, given its name. */
  readonly missingModelHint?: (model: string) => string;
  /** What to check when it answers 401/403; each runtime names its own setting. */
  readonly authHint?: string;
}

/** host:port of a base URL, the way people write it. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function runtimeDown(ep: Endpoint, detail?: string): LlmFitError {
  const what = detail
    ? `${ep.label} is not reachable on ${hostOf(ep.url)} (${detail})`
    : `${ep.label} is not running on ${hostOf(ep.url)}`;
  return new LlmFitError("runtime_down", what, ep.startHint);
}

export function timedOut(ep: Endpoint, ms: number, phase: "answer" | "stream", setting: "timeout_ms" | "stream_timeout_ms"): LlmFitError {
  const what =
    phase === "answer"
      ? `${ep.label} on ${hostOf(ep.url)} did not answer within ${ms} ms`
      : `${ep.label} on ${hostOf(ep.url)} went silent for ${ms} ms mid-stream`;
  const raise = setting === "stream_timeout_ms" ? "`runtimes.stream_timeout_ms` (llmfit prompt --stream-timeout MS)" : "`runtimes.timeout_ms`";
  return new LlmFitError("timeout", what, `it may be loading a model or overloaded; raise ${raise}`);
}

export function cancelled(): LlmFitError {
  return new LlmFitError("cancelled", "cancelled");
}

export function streamBroken(ep: Endpoint, detail: string): LlmFitError {
  return new LlmFitError("http", `${ep.label} stream broke: ${detail}`, `check the ${ep.label} log`);
}

/** A body from the server we cannot use (malformed JSON, wrong shape, too large). */
export function badResponse(ep: Endpoint, what: string, detail: string): LlmFitError {
  return new LlmFitError("http", `${ep.label} sent a bad ${what}: ${oneLine(detail)}`, `is ${hostOf(ep.url)} really ${ep.label}?`);
}

/** An error reported by the runtime itself (HTTP status or an in-band `{"error"}` line). */
export function runtimeError(ep: Endpoint, status: number | undefined, message: string, model?: string): LlmFitError {
  const text = oneLine(message);
  if (status === 404 || (model !== undefined && /not found|no such model|model .* does not exist/i.test(text))) {
    if (model !== undefined) {
      return new LlmFitError("not_found", `${ep.label} has no model "${model}"`, ep.missingModelHint?.(model));
    }
    return new LlmFitError("not_found", `${ep.label} on ${hostOf(ep.url)}: not found (${text})`);
  }
  if (status === 401 || status === 403) {
    return new LlmFitError("http", `${ep.label} on ${hostOf(ep.url)} refused the request (${status}: ${text})`, ep.authHint ?? `check ${ep.label}'s access settings`);
  }
  const code = status === undefined ? "" : ` ${status}`;
  return new LlmFitError("http", `${ep.label} error${code}: ${text}`, `check the ${ep.label} log`);
}

const errorBody = lazySchema(() => z.union([
  z.object({ error: z.string() }),
  z.object({ error: z.object({ message: z.string() }) }),
  z.object({ message: z.string() }),
]));

/** The message inside an error body: Ollama's `{"error": "..."}`, OpenAI/llama.cpp's `{"error": {"message"}}`, or text. */
export function errorMessageOf(body: string, fallback: string): string {
  try {
    const parsed = errorBody.safeParse(JSON.parse(body));
    if (parsed.success) {
      const d = parsed.data;
      if ("error" in d) return typeof d.error === "string" ? d.error : d.error.message;
      return d.message;
    }
  } catch {
    // not JSON: the text itself is the message
  }
  return body.trim() === "" ? fallback : body;
}

/** First line, at most 200 characters: error texts end up in a single notify line. */
export function oneLine(text: string): string {
  // a proxy's error page (502 from nginx …): its title, never the markup
  if (/^\s*</.test(text) && /<(html|head|body|title|h1|center)\b/i.test(text)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1] ?? /<h1[^>]*>([^<]*)<\/h1>/i.exec(text)?.[1] ?? text.replace(/<[^>]*>/g, " ");
    const words = title.replace(/\s+/g, " ").trim().slice(0, 120);
    return words ? `an HTML page: ${words}` : "an HTML error page";
  }
  const first = text.split(/\r?\n/, 1)[0] ?? "";
  return first.length > 200 ? `${first.slice(0, 197)}...` : first;
}
