// Ollama streams newline-delimited JSON. ollama-js parses it, but it skips a malformed line
// with console.warn and, if a line is cut, only notices that `done` never came. We check the
// stream before it gets there: every line must be JSON within a size cap, an in-band
// `{"error": ...}` line and a cut line become typed errors, and each chunk re-arms the idle
// deadline. ollama-js then only ever sees clean lines.
import * as z from "zod";
import { lazySchema } from "../lazy-schema.js";
import type { LlmFitError } from "../errors.js";
import { badResponse, runtimeError, streamBroken, type Endpoint } from "./errors.js";

/** One line of a chat or pull stream; 1 MiB is far above any real token or progress line. */
export const MAX_LINE_BYTES = 1024 * 1024;

const inBandError = lazySchema(() => z.object({ error: z.string() }));
const endMarker = lazySchema(() => z.union([z.object({ done: z.literal(true) }), z.object({ status: z.literal("success") })]));

export interface NdjsonCheckOptions {
  readonly endpoint: Endpoint;
  /** The model in question, so "model not found" mid-stream says which. */
  readonly model?: string;
  readonly maxLineBytes?: number;
  /** Called for every chunk that arrives (re-arms the idle deadline). */
  readonly onChunk?: () => void;
}

export function checkedNdjson(opts: NdjsonCheckOptions): TransformStream<Uint8Array, Uint8Array> {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const maxLine = opts.maxLineBytes ?? MAX_LINE_BYTES;
  let partial = "";
  let sawEnd = false;

  const check = (line: string): LlmFitError | undefined => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return badResponse(opts.endpoint, "stream line", `not JSON: ${line.slice(0, 80)}`);
    }
    const err = inBandError.safeParse(value);
    if (err.success) return runtimeError(opts.endpoint, undefined, err.data.error, opts.model);
    if (endMarker.safeParse(value).success) sawEnd = true;
    return undefined;
  };

  return new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      opts.onChunk?.();
      partial += decoder.decode(chunk, { stream: true });
      const lines = partial.split("\n");
      partial = lines.pop() ?? "";
      if (partial.length > maxLine) throw badResponse(opts.endpoint, "stream line", `longer than ${maxLine} bytes`);
      for (const raw of lines) {
        const line = raw.trim();
        if (line === "") continue;
        if (line.length > maxLine) throw badResponse(opts.endpoint, "stream line", `longer than ${maxLine} bytes`);
        const problem = check(line);
        if (problem) throw problem;
        controller.enqueue(encoder.encode(`${line}\n`));
      }
    },
    flush(controller) {
      const rest = (partial + decoder.decode()).trim();
      if (rest !== "") {
        // A last line without its newline is fine if whole; a cut one is not JSON.
        let whole = true;
        try {
          JSON.parse(rest);
        } catch {
          whole = false;
        }
        if (!whole) throw streamBroken(opts.endpoint, "it ended in the middle of a line");
        const problem = check(rest);
        if (problem) throw problem;
        controller.enqueue(encoder.encode(`${rest}\n`));
      }
      if (!sawEnd) throw streamBroken(opts.endpoint, "it ended before the final message");
    },
  });
}
