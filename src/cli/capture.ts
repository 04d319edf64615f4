// Run a CLI command with its output captured as lines, so the editor can show any `llmfit`
// subcommand in a float without a second implementation of it.
import { LlmFitError } from "../errors.js";
import { printable } from "../models/printable.js";
import type { Painted } from "../report/canvas.js";
import type { CliCommand } from "./command.js";

export async function runCommandCaptured(
  command: CliCommand,
  args: readonly string[],
  opts: {
    readonly width: number;
    readonly signal?: AbortSignal;
    /** Each stderr line as it comes (progress, notes), e.g. to notify the editor. */
    readonly onStderrLine?: (line: string) => void;
  },
): Promise<Painted> {
  let out = "";
  let err = "";
  const code = await command.run(args, {
    stdout: (t) => void (out += t),
    stderr: (t) => {
      err += t;
      for (const line of t.split("\n")) if (line.trim() !== "") opts.onStderrLine?.(printable(line.replace(/^llmfit: /, "")));
    },
    isTty: false,
    columns: opts.width,
    env: process.env,
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  if (code !== 0 && out.trim() === "") {
    // the CLI's own "llmfit: " prefix; the editor adds its own
    const line = (err.trim().split("\n")[0] ?? "").replace(/^llmfit: /, "");
    throw new LlmFitError("bad_args", line || `${command.name} failed (exit ${code})`);
  }
  // isTty is false, so no colour was meant: any control character left came from a server or a file
  const lines = out.replace(/\n$/, "").split("\n").map(printable);
  return { lines, spans: [] };
}
