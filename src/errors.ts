// Errors a person can act on. Each carries what went wrong and how to fix it; the RPC boundary
// and the CLI turn them into one line ("llmfit: what — fix"). Stacks go to the log only.

export type ErrorCode =
  | "bad_args"
  | "bad_config"
  | "not_found"
  | "not_installed"
  | "unknown_gpu"
  | "unknown_cpu"
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

/**
 * Messages Node and undici throw that say nothing to a person, with what they mean. "fetch failed"
 * carries its reason in `cause` (ECONNREFUSED …); "terminated" is a body cut mid-read; an "out of
 * bounds" RangeError is binary data that ended early.
 */
export function plainMessage(err: Error): string {
  const msg = err.message.split("\n")[0] ?? "";
  if (msg === "fetch failed") {
    const cause = err.cause instanceof Error ? err.cause.message.split("\n")[0] : undefined;
    return cause ? `a network request failed (${cause})` : "a network request failed";
  }
  if (msg === "terminated") return "the connection closed mid-response";
  if (err instanceof RangeError && /out of (bounds|range)|beyond|Invalid array length|invalid table size/i.test(msg)) {
    return "the data ended early or is corrupt";
  }
  return msg || err.name;
}

/** One line for any thrown value; unknown errors keep their message, never their stack. */
export function errorLine(err: unknown): string {
  if (err instanceof LlmFitError) return err.oneLine();
  if (err instanceof Error) return plainMessage(err);
  return String(err);
}

export function isCancelled(err: unknown): boolean {
  return (
    (err instanceof LlmFitError && err.code === "cancelled") ||
    (err instanceof Error && err.name === "AbortError")
  );
}
