// `llmfit report` (also plain `llmfit`): the same report as the :LlmFit float.
import { detectHardware } from "../hardware/detect.js";
import { toTerminal } from "../report/ansi.js";
import { renderReport, reportJson } from "../report/report.js";
import { VERSION } from "../version.js";
import type { CliCommand } from "./command.js";
import { parseFlags } from "./flags.js";

export const reportCommand: CliCommand = {
  name: "report",
  summary: "the machine and what fits on it (the default command)",
  usage: "llmfit [report] [--json] [--refresh] [--width N]",
  async run(argv, io) {
    const { values } = parseFlags("report", argv, {
      json: { type: "boolean" },
      refresh: { type: "boolean" },
      width: { type: "string" },
    });
    const hardware = await detectHardware({ refresh: values.refresh === true });
    const report = { version: VERSION, hardware };
    if (values.json) {
      io.stdout(JSON.stringify(reportJson(report), null, 2) + "\n");
      return 0;
    }
    const width = values.width ? Number.parseInt(values.width, 10) : (io.columns ?? 100);
    io.stdout(toTerminal(renderReport(report, { width: Number.isFinite(width) ? width : 100 }), io.isTty));
    return 0;
  },
};
