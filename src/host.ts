// The host process the Lua shim starts with jobstart({'node', 'dist/host.cjs'}, {rpc = true}).
// stdin/stdout are the msgpack-RPC channel: nothing else may write to stdout, so console.* and
// the `neovim` package's logging go to our log file (src/host/package-logger.ts).
import { createLogger, isLogLevel } from "./log.js";
import { consoleToLog, packageLogger } from "./host/package-logger.js";
import { AsyncCalls } from "./host/async-calls.js";
import { dispatch } from "./host/dispatch.js";
import { setFlagsFromString } from "node:v8";
import { idleCollector, idleWork, RELEASING_GC } from "./host/idle-gc.js";
import { Session } from "./host/session.js";
import type { Boot } from "./boot/code-cache.js";

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const logPath = flag("--log") ?? process.env.LLMFIT_LOG;
const cacheDir = flag("--cache");
// the shim passes the option before the host has validated it: an unknown value means "info"
const level = isLogLevel(process.env.LLMFIT_LOG_LEVEL) ? process.env.LLMFIT_LOG_LEVEL : "info";
const log = createLogger(logPath, level);
consoleToLog(log);

// Set once the RPC client exists; prompt events before that have nowhere to go anyway.
let push: ((module: string, fn: string, args: readonly unknown[]) => void) | undefined;
const session = new Session(log, cacheDir ? { cacheDir } : {}, {
  call: (module, fn, args) => push?.(module, fn, args),
});
// Detect the hardware and size the catalog while the RPC channel comes up: the first :LlmFit
// then finds both done. A failure here is reported by the request that needs the result.
// Idle is also when the bundle's compiled code is worth keeping for the next start (src/boot/code-cache.ts).
declare const __llmfitBoot: Boot | undefined;
const gc = (globalThis as { gc?: (options?: typeof RELEASING_GC) => void }).gc;
const boot = typeof __llmfitBoot === "undefined" ? undefined : __llmfitBoot;
const worked = idleCollector(1000, gc || boot ? idleWork(gc, setFlagsFromString, () => boot?.saveCodeCache()) : undefined);
session.report
  .warm()
  .catch(() => undefined)
  .finally(worked);

void import("neovim").then(({ attach }) => {
  // winston's type for the same four methods and a level; ours keeps the package's printf-style calls
  const logger = packageLogger(log) as unknown as NonNullable<NonNullable<Parameters<typeof attach>[0]["options"]>["logger"]>;
  const nvim = attach({ reader: process.stdin, writer: process.stdout, options: { logger } });
  // package.loaded, never require: a require interrupted by <C-c> would leave the module broken,
  // and every module the host talks to was loaded by the command that started the talk.
  push = (module, fn, args) =>
    nvim.notify("nvim_exec_lua", [`local m = package.loaded[${JSON.stringify(module)}] if type(m) == "table" then m.${fn}(...) end`, [...args]]);
  const calls = new AsyncCalls(session, (id, envelope) => push?.("llmfit.host", "on_reply", [id, envelope]));

  nvim.on("request", (method: string, args: unknown[], resp: { send: (v: unknown, isError?: boolean) => void }) => {
    worked();
    void dispatch(method, args[0], session).then((envelope) => {
      resp.send(envelope);
      worked();
    });
  });

  nvim.on("notification", (method: string, args: unknown[]) => {
    worked();
    if (method === "call") return calls.start(args[0]);
    if (method === "call_cancel") return calls.cancel(args[0]);
    void dispatch(method, args[0], session).then((envelope) => {
      if (!envelope.ok && envelope.level !== "info") log.warn(`notification ${method}: ${envelope.message}`);
    });
  });
});

process.on("uncaughtException", (err) => log.error("uncaught exception", err));
process.on("unhandledRejection", (err) => log.error("unhandled rejection", err));
// Neovim closes our stdin when it exits or calls jobstop(); leave then.
process.stdin.on("end", () => process.exit(0));
process.on("SIGTERM", () => process.exit(0));

log.info(`host ${process.pid} started (node ${process.versions.node}${boot ? `, code ${boot.codeFrom === "seed" ? "from the build's seed" : boot.codeFrom === "cache" ? "from cache" : "compiled"}` : ""})`);
