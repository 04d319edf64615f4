// `llmfit report` (also plain `llmfit`): the same report as the :LlmFit float.
import { Session } from "../host/session.js";
import { createLogger } from "../log.js";
import { toTerminal } from "../report/ansi.js";
import { renderReport, reportJson } from "../report/report.js";
import type { CliCommand } from "./command.js";
import { parseFlags } from "./flags.js";

export const reportCommand: CliCommand = {
  name: "report",
  summary: "the machine, the runtimes and the models that fit (the default command)",
  usage: "llmfit [report] [--json] [--refresh] [--no-runtimes] [--width N]",
  async run(argv, io) {
    const { values } = parseFlags("report", argv, {
      json: { type: "boolean" },
      refresh: { type: "boolean" },
      "no-runtimes": { type: "boolean" },
      width: { type: "string" },
    });
    const session = new Session(createLogger(undefined));
    if (values.refresh) await session.getHardware(true);
    const report = await session.report.snapshot({ runtimes: values["no-runtimes"] !== true });
    if (values.json) {
      io.stdout(JSON.stringify(reportJson(report), null, 2) + "\n");
      return 0;
    }
    const width = values.width ? Number.parseInt(values.width, 10) : (io.columns ?? 100);
    io.stdout(toTerminal(renderReport(report, { width: Number.isFinite(width) ? width : 100 }), io.isTty));
    return 0;
  },
};
