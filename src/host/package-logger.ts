// What the `neovim` package logs through, and where console.* goes. The package's own logger is
// winston, set up when attach() is given none: a dozen modules (formats, colours, transports,
// streams) that the host would load, initialise and keep only to drop everything below a warning
// into our log file. The host hands attach() this instead (the bundle leaves winston out:
// scripts/bundle.mjs), and keeps console.* off stdout itself, which winston's setup used to do:
// stdout is the RPC channel, and one stray console.log from a dependency would corrupt it.
import { format } from "node:util";
import type { Logger } from "../log.js";

/** The package's logger interface: printf-style messages, and the level it checks before costly debug output. */
export interface PackageLogger {
  readonly level: string;
  info(msg: unknown, ...args: unknown[]): void;
  warn(msg: unknown, ...args: unknown[]): void;
  error(msg: unknown, ...args: unknown[]): void;
  debug(msg: unknown, ...args: unknown[]): void;
}

const text = (msg: unknown, args: readonly unknown[]): string => format(msg, ...args);

/** The package's warnings and errors, in our log; its per-message info and debug lines are dropped. */
export function packageLogger(log: Logger): PackageLogger {
  return {
    level: "warn",
    info: () => {},
    debug: () => {},
    warn: (msg, ...args) => log.warn(`neovim: ${text(msg, args)}`),
    error: (msg, ...args) => log.error(`neovim: ${text(msg, args)}`),
  };
}

/** Sends console.* to the log file: nothing but the RPC channel may write to stdout. */
export function consoleToLog(log: Logger, target: Console = console): void {
  const to = (write: (line: string) => void) => (...args: unknown[]) => write(`console: ${format(...args)}`);
  target.log = to(log.info);
  target.info = to(log.info);
  target.debug = to(log.debug);
  target.warn = to(log.warn);
  target.error = to((line) => log.error(line));
  target.trace = to(log.debug);
  target.dir = to(log.info);
  target.assert = (condition?: unknown, ...args: unknown[]) => {
    if (!condition) log.error(`console: assertion failed ${format(...args)}`);
  };
}
