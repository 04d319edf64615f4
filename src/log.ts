// The host's log file. stdout is the RPC channel, so nothing may be printed there: everything
// worth keeping goes to this file (`:LlmFit log` opens it). Rotates at 1 MiB, keeps one old file.
import { appendFileSync, mkdirSync, renameSync, statSync } from "node:fs";
import { dirname } from "node:path";

export type LogLevel = "error" | "warn" | "info" | "debug";
const RANK: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };
const MAX_BYTES = 1024 * 1024;

export interface Logger {
  readonly path: string | undefined;
  error(msg: string, err?: unknown): void;
  warn(msg: string): void;
  info(msg: string): void;
  debug(msg: string): void;
}

/** A logger that appends to `path`; with no path it drops everything (the CLI's default). */
export function createLogger(path: string | undefined, level: LogLevel = "info"): Logger {
  let checkedRotation = false;
  const write = (lvl: LogLevel, msg: string, err?: unknown): void => {
    if (!path || RANK[lvl] > RANK[level]) return;
    try {
      if (!checkedRotation) {
        checkedRotation = true;
        mkdirSync(dirname(path), { recursive: true });
        rotateIfLarge(path);
      }
      const stack = err instanceof Error && err.stack ? `\n${err.stack}` : err === undefined ? "" : `\n${String(err)}`;
      appendFileSync(path, `${new Date().toISOString()} ${lvl.toUpperCase()} [${process.pid}] ${msg}${stack}\n`);
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

function rotateIfLarge(path: string): void {
  try {
    if (statSync(path).size > MAX_BYTES) renameSync(path, `${path}.1`);
  } catch {
    // no file yet
  }
}
