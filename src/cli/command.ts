// A subcommand of the `llmfit` program. src/cli.ts holds the table; each command parses its own
// flags (with node:util parseArgs and a zod schema) and writes through `io`, so tests can run it.

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** True when stdout is a terminal (ANSI colours allowed). */
  readonly isTty: boolean;
  /** Terminal (or float) width in columns, when known. */
  readonly columns?: number;
  readonly stdin?: NodeJS.ReadableStream;
  readonly env: NodeJS.ProcessEnv;
  /** Aborted when the caller (the editor) gives up; commands that wait on I/O pass it on. */
  readonly signal?: AbortSignal;
}

export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  /** Returns the exit code. Throw LlmFitError for bad input: the CLI prints one line and exits 2. */
  run(argv: readonly string[], io: CliIo): Promise<number>;
}
