// The embedded runtime's tok/s, from its own clock: node-llama-cpp reports no timings, so the
// chat notes when it asked for the answer, when the first token came and when the last did. The
// prompt is evaluated (in one or more batches) before the first token can be sampled, so the time
// to the first token is the prompt's time — the figure Ollama's prompt_eval_duration and
// llama-server's timings.prompt_ms report; tokenising and the chat template are a few ms of it.
// Pure, so the arithmetic is tested on a hand-made clock.
import type { ChatTimings } from "./types.js";

export interface EmbeddedClock {
  /** Milliseconds (any origin) when the prompt was handed to node-llama-cpp. */
  readonly startMs: number;
  /** When the first generated token arrived; undefined when none did. */
  readonly firstTokenMs: number | undefined;
  readonly endMs: number;
  /**
   * node-llama-cpp's token meter: every token decoded without logits is "input", every one
   * decoded with logits "output". The prompt's last token is decoded with logits (its logits give
   * the first answer token), so the prompt is input + 1 tokens, and the answer is the output count.
   */
  readonly inputTokens: number;
  readonly outputTokens: number;
}

/** Tokens of the prompt the runtime evaluated (see EmbeddedClock.inputTokens). */
export const promptTokensOf = (c: Pick<EmbeddedClock, "inputTokens" | "outputTokens">): number => c.inputTokens + (c.outputTokens > 0 ? 1 : 0);

/** Prompt and decode tok/s; a figure is left out when its span is empty (no token came, one token, no time). */
export function embeddedTimings(c: EmbeddedClock): ChatTimings | undefined {
  if (c.firstTokenMs === undefined) return undefined;
  const promptMs = c.firstTokenMs - c.startMs;
  const prompt = promptTokensOf(c);
  const decodeMs = c.endMs - c.firstTokenMs;
  // the first token's time is the prompt's: the decode rate counts the tokens after it
  const promptTps = promptMs > 0 && prompt > 0 ? (prompt * 1000) / promptMs : undefined;
  const decodeTps = decodeMs > 0 && c.outputTokens > 1 ? ((c.outputTokens - 1) * 1000) / decodeMs : undefined;
  if (promptTps === undefined && decodeTps === undefined) return undefined;
  return { ...(promptTps !== undefined ? { promptTps } : {}), ...(decodeTps !== undefined ? { decodeTps } : {}) };
}
