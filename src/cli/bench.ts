// `llmfit bench`: measure llama.cpp on this machine with sparse models (no download) and store
// the figures every estimate then uses. Progress on stderr; Ctrl-C cancels (exit 130).
import { runBench, BENCH_PLAN } from "../calibration/bench.js";
import { benchReport } from "../calibration/describe.js";
import { machineKey, saveCalibration } from "../calibration/machine.js";
import { detectHardware } from "../hardware/detect.js";
import { LlmFitError } from "../errors.js";
import type { CliCommand } from "./command.js";
import { parseFlags } from "./flags.js";

export const benchCommand: CliCommand = {
  name: "bench",
  summary: "measure llama.cpp on this machine (about 30 s, nothing downloaded) and calibrate every speed estimate",
  usage: "llmfit bench [--json] [--threads N] [--cache DIR]",
  async run(argv, io) {
    const { values } = parseFlags("bench", argv, { json: { type: "boolean" }, threads: { type: "string" }, cache: { type: "string" } });
    const threads = values.threads === undefined ? undefined : Number(values.threads);
    if (threads !== undefined && (!Number.isInteger(threads) || threads < 1)) throw new LlmFitError("bad_args", `--threads must be a whole number ≥ 1, not "${values.threads}"`, "e.g. --threads 2");
    // --cache: the editor's host keeps its profile (and so the calibration) in its own cache dir
    const cacheDir = values.cache;
    const hw = await detectHardware({ env: io.env, ...(cacheDir ? { cacheDir } : {}) });
    const key = await machineKey({ env: io.env, ...(cacheDir ? { cacheDir } : {}) });
    const ac = new AbortController();
    const onAbort = (): void => ac.abort();
    io.signal?.addEventListener("abort", onAbort, { once: true });
    if (!io.signal) process.once("SIGINT", onAbort);
    try {
      const cal = await runBench(hw, {
        ...(threads !== undefined ? { threads } : {}),
        signal: ac.signal,
        onProgress: (done, total, label) => io.stderr(`${io.isTty ? "\r\x1b[2K" : ""}bench ${done}/${total} ${label}${io.isTty ? "" : "\n"}`),
      });
      if (io.isTty) io.stderr("\r\x1b[2K");
      const file = await saveCalibration(key, cal);
      io.stdout(values.json ? `${JSON.stringify({ file, fingerprint: key.fingerprint, plan: BENCH_PLAN, ...cal }, undefined, 2)}\n` : `${benchReport(cal, file).join("\n")}\n`);
      return 0;
    } finally {
      process.removeListener("SIGINT", onAbort);
      io.signal?.removeEventListener("abort", onAbort);
    }
  },
};
