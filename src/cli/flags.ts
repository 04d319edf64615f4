// Flag parsing shared by the subcommands: node:util parseArgs, with every failure turned into
// one line that names the flag and points at --help.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { LlmFitError } from "../errors.js";

export function parseFlags<T extends NonNullable<ParseArgsConfig["options"]>>(
  command: string,
  argv: readonly string[],
  options: T,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals, strict: true });
  } catch (err) {
    const msg = err instanceof Error ? err.message.split("\n")[0]!.replace(/\. To specify a positional.*$/, "") : String(err);
    throw new LlmFitError("bad_args", `${command}: ${msg}`, `see \`llmfit ${command} --help\``);
  }
}
