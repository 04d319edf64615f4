// The context guard. Ollama and LM Studio expose no tokenizer over HTTP, so without one we
// estimate: one token per 3 UTF-8 bytes. English prose runs about 4 characters per token with
// Llama/Qwen tokenizers and code about 3; CJK text is 3 bytes a character and about one token
// each. Erring high refuses a little early rather than letting the runtime silently truncate.
import { LlmFitError } from "../errors.js";

export const BYTES_PER_TOKEN = 3;

export function estimateTokens(text: string): number {
  return Math.ceil(Buffer.byteLength(text, "utf8") / BYTES_PER_TOKEN);
}

export interface ContextCheck {
  readonly promptTokens: number;
  /** How the count was made: the runtime's tokenizer, or the estimate above. */
  readonly counted: "tokenizer" | "estimate";
  readonly maxAnswerTokens: number;
  readonly contextLength: number;
}

/** Refuse, with the numbers and what to do, when prompt + answer cannot fit the context. */
export function guardContext(c: ContextCheck): void {
  const need = c.promptTokens + c.maxAnswerTokens;
  if (need <= c.contextLength) return;
  const how = c.counted === "estimate" ? "≈" : "";
  throw new LlmFitError(
    "bad_args",
    `the prompt is ${how}${c.promptTokens} tokens and the answer may take ${c.maxAnswerTokens}, more than the model's context of ${c.contextLength}`,
    "select less text, lower prompt.max_tokens, or pick a model run with a longer context",
  );
}
