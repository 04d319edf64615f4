// `llmfit pull NAME`: Ollama's /api/pull with a progress bar on stderr; Ctrl-C cancels the
// download (Ollama keeps what it has and resumes next time).
import { LlmFitError, isCancelled } from "../errors.js";
import { ollamaUrlFromHost } from "../runtimes/config.js";
import { OllamaClient, OLLAMA_DEFAULT_URL } from "../runtimes/ollama.js";
import type { PullProgress } from "../runtimes/types.js";
import type { CliCommand, CliIo } from "./command.js";
import { parseFlags } from "./flags.js";
import { formatBytes } from "./runtimes.js";

/** `[#####.....]  45%  1.0 GB / 2.1 GB`, or the status alone when there is nothing to count. */
export function progressLine(p: PullProgress, width = 30): string {
  if (p.total === undefined || p.total <= 0) return p.status;
  const done = Math.min(p.completed ?? 0, p.total);
  const frac = done / p.total;
  const filled = Math.round(frac * width);
  const pct = `${Math.floor(frac * 100)}`.padStart(3);
  const what = p.digest ? p.digest.replace(/^sha256:/, "").slice(0, 12) : p.status;
  return `${what} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${pct}%  ${formatBytes(done)} / ${formatBytes(p.total)}`;
}

export interface PullDeps {
  readonly client?: OllamaClient;
  readonly signal?: AbortSignal;
}

export async function runPull(name: string, url: string, io: CliIo, deps: PullDeps = {}): Promise<number> {
  const client = deps.client ?? new OllamaClient({ url });
  const ac = new AbortController();
  const onSigint = (): void => ac.abort();
  deps.signal?.addEventListener("abort", onSigint, { once: true });
  if (!deps.signal) process.once("SIGINT", onSigint);
  let lastStatus = "";
  let lastPct = -1;
  try {
    for await (const p of client.pull(name, ac.signal)) {
      if (io.isTty) {
        io.stderr(`\r\x1b[2K${progressLine(p)}`);
      } else {
        // Not a terminal: one line per step and per 10 %, so logs stay short.
        const pct = p.total ? Math.floor(((p.completed ?? 0) / p.total) * 10) : -1;
        if (p.status !== lastStatus || pct !== lastPct) io.stderr(`${progressLine(p)}\n`);
        lastStatus = p.status;
        lastPct = pct;
      }
    }
    if (io.isTty) io.stderr("\n");
    io.stdout(`pulled ${name}\n`);
    return 0;
  } catch (err) {
    if (io.isTty) io.stderr("\n");
    if (isCancelled(err)) {
      io.stderr(`llmfit: pull of ${name} cancelled (Ollama resumes it next time)\n`);
      return 130;
    }
    throw err;
  } finally {
    process.removeListener("SIGINT", onSigint);
    deps.signal?.removeEventListener("abort", onSigint);
  }
}

export const pullCommand: CliCommand = {
  name: "pull",
  summary: "download a model into Ollama, with progress",
  usage: "llmfit pull NAME [--ollama-url U]",
  async run(argv, io) {
    const { values, positionals } = parseFlags("pull", argv, { "ollama-url": { type: "string" } }, true);
    const name = positionals[0];
    if (!name || positionals.length > 1) {
      throw new LlmFitError("bad_args", "pull: give one model name, e.g. `llmfit pull llama3.2`", "see `llmfit pull --help`");
    }
    const fromEnv = io.env.OLLAMA_HOST ? ollamaUrlFromHost(io.env.OLLAMA_HOST) : undefined;
    return runPull(name, values["ollama-url"] ?? fromEnv ?? OLLAMA_DEFAULT_URL, io);
  },
};
