// `llmfit report` (also plain `llmfit`): the same report as the :LlmFit float, for this machine
// or for the one the hardware flags describe (the same flags as `llmfit fit`).
import { defaultConfig } from "../config.js";
import { Session } from "../host/session.js";
import { createLogger } from "../log.js";
import { toTerminal } from "../report/ansi.js";
import { renderReport, reportJson } from "../report/report.js";
import type { CliCommand } from "./command.js";
import { parseFlags } from "./flags.js";
import { RUNTIME_FLAGS, RUNTIME_USAGE, configFromFlags } from "./runtimes.js";
import { inCliWords } from "./vocabulary.js";
import { ADVICE_FLAGS, ADVICE_USAGE, HARDWARE_FLAGS, HARDWARE_USAGE, overridesFromFlags, policyFromFlags, positiveFlag } from "./hardware-flags.js";

export const reportCommand: CliCommand = {
  name: "report",
  summary: "the machine, the runtimes and the models that fit (the default command)",
  usage: `llmfit [report] [--json] [--no-runtimes] [--width N] ${RUNTIME_USAGE} ${HARDWARE_USAGE} ${ADVICE_USAGE}`,
  async run(argv, io) {
    const { values } = parseFlags("report", argv, {
      json: { type: "boolean" },
      "no-runtimes": { type: "boolean" },
      width: { type: "string" },
      ...RUNTIME_FLAGS,
      ...HARDWARE_FLAGS,
      ...ADVICE_FLAGS,
    });
    const overrides = overridesFromFlags("report", values);
    const policy = policyFromFlags("report", values);
    const width = values.width !== undefined ? positiveFlag("report", "--width", values.width, "a width in columns", "100") : (io.columns ?? 100);
    const session = new Session(createLogger(undefined), { overrides });
    // the runtimes where the flags (or OLLAMA_HOST, LLMFIT_LLAMACPP_API_KEY) say, as `llmfit runtimes` finds them
    session.configure({ ...defaultConfig(), runtimes: configFromFlags(values, io.env), advice: { min_tps: policy.minTps, reserve_gb: policy.reserveBytes / 1024 ** 3 } });
    if (values.refresh) await session.getHardware(true);
    const report = await session.report.snapshot({ runtimes: values["no-runtimes"] !== true });
    if (values.json) {
      io.stdout(JSON.stringify(reportJson(report), null, 2) + "\n");
      return 0;
    }
    io.stdout(toTerminal(renderReport(report, { width: Math.floor(width), words: inCliWords }), io.isTty));
    return 0;
  },
};
