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
    throw new LlmFitError("bad_args", `${command}: ${flagProblem(err, argv)}`, `see \`llmfit ${command} --help\``);
  }
}

/** node:util's parseArgs messages, said as a person would: which flag, what it wanted. */
function flagProblem(err: unknown, argv: readonly string[]): string {
  const msg = err instanceof Error ? (err.message.split("\n")[0] ?? "") : String(err);
  const flag = /Option '(-{1,2}[\w-]+)/.exec(msg)?.[1];
  if (flag && /argument is ambiguous/.test(msg)) {
    const value = argv[argv.indexOf(flag) + 1] ?? "";
    if (/^-[\d.]+$/.test(value)) return `${flag} expects a positive number, got "${value}"`;
    return `${flag} expects a value, and "${value}" starts with a dash (write ${flag}=${value} if that is really the value)`;
  }
  if (flag && /argument missing/.test(msg)) return `${flag} needs a value`;
  const unknown = /Unknown option '([^']+)'/.exec(msg)?.[1];
  if (unknown) return `unknown flag ${unknown}`;
  if (/Unexpected argument '([^']+)'/.test(msg)) return `unexpected argument '${/Unexpected argument '([^']+)'/.exec(msg)?.[1]}' (this command takes flags only)`;
  return msg.replace(/\. To specify a positional.*$/, "");
}
