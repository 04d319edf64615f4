// The host's log file. stdout is the RPC channel, so nothing may be printed there: everything
// worth keeping goes to this file (`:LlmFit log` opens it). Rotates at 1 MiB, keeps one old file;
// the size is tracked with every line (and re-read now and then, as several hosts may share the
// file), so a long-lived host never grows it past the cap.
import { appendFileSync, mkdirSync, renameSync, statSync } from "node:fs";
import { dirname } from "node:path";

export type LogLevel = "error" | "warn" | "info" | "debug";
const RANK: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };
const MAX_BYTES = 1024 * 1024;
/** Lines between re-reading the file's size (other writers). */
const RESTAT_EVERY = 500;

export const LOG_LEVELS: readonly LogLevel[] = ["error", "warn", "info", "debug"];
export const isLogLevel = (s: unknown): s is LogLevel => typeof s === "string" && (LOG_LEVELS as readonly string[]).includes(s);

export interface Logger {
  readonly path: string | undefined;
  error(msg: string, err?: unknown): void;
  warn(msg: string): void;
  info(msg: string): void;
  debug(msg: string): void;
}

/** A logger that appends to `path`; with no path it drops everything (the CLI's default). */
export function createLogger(path: string | undefined, level: LogLevel = "info", maxBytes = MAX_BYTES): Logger {
  let size: number | undefined;
  let lines = 0;
  const write = (lvl: LogLevel, msg: string, err?: unknown): void => {
    if (!path || RANK[lvl] > RANK[level]) return;
    try {
      if (size === undefined) mkdirSync(dirname(path), { recursive: true });
      if (size === undefined || lines++ % RESTAT_EVERY === 0) size = sizeOf(path);
      const stack = err instanceof Error && err.stack ? `\n${err.stack}` : err === undefined ? "" : `\n${String(err)}`;
      const line = `${new Date().toISOString()} ${lvl.toUpperCase()} [${process.pid}] ${msg}${stack}\n`;
      const bytes = Buffer.byteLength(line);
      if (size + bytes > maxBytes && size > 0) {
        renameSync(path, `${path}.1`);
        size = 0;
      }
      appendFileSync(path, line);
      size += bytes;
    } catch {
      // A log that cannot be written must never take the host down.
    }
  };
  return {
    path,
    error: (m, e) => write("error", m, e),
    warn: (m) => write("warn", m),
    info: (m) => write("info", m),
    debug: (m) => write("debug", m),
  };
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // no file yet
  }
}
