// The `llmfit` program: `llmfit [COMMAND] [FLAGS]`. Bad input exits 2 with one line on stderr;
// every exit code is in src/cli/exit-codes.ts.
import { COMMANDS } from "./commands.js";
import type { CliIo } from "./command.js";
import { errorLine } from "../errors.js";
import { EXIT, exitCodeFor, exitCodeHelp } from "./exit-codes.js";
import { inCliWords } from "./vocabulary.js";
import { VERSION } from "../version.js";
import { printable } from "../models/printable.js";

function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `llmfit ${VERSION} — which local language models fit this machine, and how well`,
    "",
    "Usage: llmfit [COMMAND] [FLAGS]   (no command: the report)",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `llmfit COMMAND --help` for a command's flags. `--json` prints data for scripts.",
    "",
    ...exitCodeHelp(),
    "",
  ].join("\n");
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === "--help" || first === "-h" || first === "help") {
    io.stdout(helpText());
    return 0;
  }
  if (first === "--version" || first === "-V") {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const named = first !== undefined && !first.startsWith("-");
  const command = named ? COMMANDS.find((c) => c.name === first) : COMMANDS.find((c) => c.name === "report");
  if (!command) {
    io.stderr(`llmfit: unknown command "${first}" — run \`llmfit --help\` for the list\n`);
    return EXIT.usage;
  }
  const args = named ? rest : argv;
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout(`${command.usage}\n\n${command.summary}\n\n${exitCodeHelp().join("\n")}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(args, io);
  } catch (err) {
    io.stderr(`llmfit: ${printable(inCliWords(errorLine(err)))}\n`); // server text may hold escapes
    return exitCodeFor(err);
  }
}

