// Errors a person can act on. Each carries what went wrong and how to fix it; the RPC boundary
// and the CLI turn them into one line ("llmfit: what — fix"). Stacks go to the log only.

export type ErrorCode =
  | "bad_args"
  | "bad_config"
  | "not_found"
  | "unknown_gpu"
  | "bad_gguf"
  | "http"
  | "runtime_down"
  | "timeout"
  | "cancelled"
  | "does_not_fit"
  | "internal";

export class LlmFitError extends Error {
  override readonly name = "LlmFitError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** How to fix it, for a person. */
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** "what — fix", the one line shown in the editor and on stderr. */
  oneLine(): string {
    return this.hint ? `${this.message} — ${this.hint}` : this.message;
  }
}

/** One line for any thrown value; unknown errors keep their message, never their stack. */
export function errorLine(err: unknown): string {
  if (err instanceof LlmFitError) return err.oneLine();
  if (err instanceof Error) return err.message.split("\n")[0] ?? String(err);
  return String(err);
}

export function isCancelled(err: unknown): boolean {
  return (
    (err instanceof LlmFitError && err.code === "cancelled") ||
    (err instanceof Error && err.name === "AbortError")
  );
}
