// The `llmfit` program's exit codes, defined once: main() maps every outcome through this table,
// `llmfit --help` prints it, and scripts/gen-docs.mjs writes it into README.md and :help llmfit.
import { LlmFitError, type ErrorCode } from "../errors.js";

export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  no: 3,
  unavailable: 4,
  cancelled: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** [code, meaning] for --help and the docs (meanings fit :help's 78 columns). */
export const EXIT_CODE_TABLE: readonly (readonly [ExitCode, string])[] = [
  [EXIT.ok, "done; `fit`/`train`: the model fits here"],
  [EXIT.failed, "llmfit itself failed (a bug; the message says where)"],
  [EXIT.usage, "bad input: unknown flag, command, model, GPU or CPU, or a bad value"],
  [EXIT.no, "no: `fit`/`train` — it does not fit (--json too); `list` — no match"],
  [EXIT.unavailable, "a runtime, server or URL did not answer, or lacks the model"],
  [EXIT.cancelled, "cancelled (Ctrl-C)"],
];

const BY_ERROR: Readonly<Record<ErrorCode, ExitCode>> = {
  bad_args: EXIT.usage,
  bad_config: EXIT.usage,
  not_found: EXIT.usage,
  not_installed: EXIT.unavailable,
  unknown_gpu: EXIT.usage,
  unknown_cpu: EXIT.usage,
  bad_gguf: EXIT.usage,
  does_not_fit: EXIT.no,
  http: EXIT.unavailable,
  runtime_down: EXIT.unavailable,
  timeout: EXIT.unavailable,
  cancelled: EXIT.cancelled,
  internal: EXIT.failed,
};

export function exitCodeFor(err: unknown): ExitCode {
  return err instanceof LlmFitError ? BY_ERROR[err.code] : EXIT.failed;
}

export function exitCodeHelp(): string[] {
  return ["Exit codes:", ...EXIT_CODE_TABLE.map(([c, m]) => `  ${String(c).padEnd(3)}  ${m}`)];
}
