// Drains a chat stream for a test: the text, every chunk, and the typed error that ended it.
import { LlmFitError } from "../../src/errors.js";
import type { ChatChunk } from "../../src/runtimes/types.js";

export const textOf = (chunks: readonly ChatChunk[]): string => chunks.map((c) => (c.type === "text" ? c.text : "")).join("");

export async function collect(it: AsyncIterable<ChatChunk>): Promise<{ text: string; chunks: ChatChunk[]; error?: LlmFitError }> {
  const chunks: ChatChunk[] = [];
  try {
    for await (const c of it) chunks.push(c);
  } catch (err) {
    if (!(err instanceof LlmFitError)) throw err;
    return { text: textOf(chunks), chunks, error: err };
  }
  return { text: textOf(chunks), chunks };
}
