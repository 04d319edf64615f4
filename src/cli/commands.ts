// The table of `llmfit` subcommands: drives dispatch, --help and completion.
import type { CliCommand } from "./command.js";
import { reportCommand } from "./report.js";
import { detectCommand } from "./detect.js";
import { compareCommand } from "./compare.js";

export const COMMANDS: readonly CliCommand[] = [
  reportCommand,
  detectCommand,
  compareCommand,
];
