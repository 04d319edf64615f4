// The table of `llmfit` subcommands: drives dispatch, --help and completion.
import type { CliCommand } from "./command.js";
import { reportCommand } from "./report.js";
import { fitCommand } from "./fit.js";
import { runtimesCommand } from "./runtimes.js";
import { pullCommand } from "./pull.js";
import { promptCommand } from "./prompt.js";
import { detectCommand } from "./detect.js";
import { compareCommand } from "./compare.js";
import { listCommand } from "./list.js";
import { trainCommand } from "./train.js";
import { benchCommand } from "./bench.js";

export const COMMANDS: readonly CliCommand[] = [
  reportCommand,
  fitCommand,
  runtimesCommand,
  pullCommand,
  promptCommand,
  detectCommand,
  compareCommand,
  listCommand,
  trainCommand,
  benchCommand,
];
