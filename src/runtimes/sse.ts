// Server-sent events from llama.cpp, LM Studio and OpenAI-compatible servers, parsed with
// eventsource-parser (not by hand), with a cap on buffered bytes and the idle deadline
// re-armed on every chunk.
import { createParser, type EventSourceMessage, type ParseError } from "eventsource-parser";
import { LlmFitError } from "../errors.js";
import { badResponse, type Endpoint } from "./errors.js";
import type { RequestGuard } from "./http.js";

/** An event, or an old llama.cpp `error: {...}` line (not an SSE field, so the parser reports it). */
export type SseItem = { readonly kind: "event"; readonly event: EventSourceMessage } | { readonly kind: "error-field"; readonly value: string };

export interface SseOptions {
  readonly endpoint: Endpoint;
  readonly guard: RequestGuard;
  readonly idleMs: number;
  /** Most characters buffered for one unfinished event. */
  readonly maxBufferSize?: number;
}

export async function* sseItems(body: ReadableStream<Uint8Array>, opts: SseOptions): AsyncGenerator<SseItem> {
  const queue: SseItem[] = [];
  let failure: LlmFitError | undefined;
  const limit = opts.maxBufferSize ?? 1024 * 1024;
  const parser = createParser({
    maxBufferSize: limit,
    onEvent: (event) => queue.push({ kind: "event", event }),
    onError: (err: ParseError) => {
      if (err.type === "unknown-field" && err.field === "error" && err.value !== undefined) {
        queue.push({ kind: "error-field", value: err.value });
      } else if (err.type === "max-buffer-size-exceeded") {
        failure ??= badResponse(opts.endpoint, "event stream", `an event longer than ${limit} characters`);
      }
      // Other oddities (a bad retry field, an unknown field) carry no data we use: ignored, as the spec says.
    },
  });
  const reader = body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await reader.read();
      } catch (err) {
        throw opts.guard.toError(err);
      }
      if (chunk.done) break;
      opts.guard.arm(opts.idleMs, "idle-timeout");
      parser.feed(decoder.decode(chunk.value, { stream: true }));
      if (failure) throw failure;
      while (queue.length > 0) {
        const item = queue.shift();
        if (item) yield item;
      }
    }
    parser.feed(decoder.decode());
    // A final event without its blank line still counts; the caller decides whether the end came.
    parser.reset({ consume: true });
    if (failure) throw failure;
    for (const item of queue.splice(0)) yield item;
  } finally {
    await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
