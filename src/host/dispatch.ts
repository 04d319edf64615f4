// Request -> validated arguments -> handler -> envelope. A failure never crosses as an RPC
// exception with a stack: it is an envelope with one line for vim.notify, and the stack is logged.
import * as z from "zod";
import { LlmFitError, errorLine, isCancelled } from "../errors.js";
import { HANDLERS } from "./handlers.js";
import type { Session } from "./session.js";
import { printable } from "../models/printable.js";

export type Envelope =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly message: string; readonly level: "error" | "warn" | "info"; readonly code: string };

/** msgpack turns an empty Lua table into an empty array; treat it as "no arguments". */
function normalize(raw: unknown): unknown {
  if (raw === undefined || raw === null) return {};
  if (Array.isArray(raw) && raw.length === 0) return {};
  return raw;
}

function argumentsLine(method: string, error: z.ZodError): string {
  const first = error.issues[0];
  const where = first && first.path.length ? `${first.path.join(".")}: ` : "";
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : "";
  return `invalid arguments for ${method}: ${where}${first?.message ?? "bad value"}${more}`;
}

/** `signal` aborts a call the editor gave up on (an asynchronous call cancelled with <C-c> or q). */
export async function dispatch(method: string, rawArgs: unknown, session: Session, signal?: AbortSignal): Promise<Envelope> {
  const started = performance.now();
  try {
    if (!Object.hasOwn(HANDLERS, method)) {
      throw new LlmFitError(
        "bad_args",
        `unknown request "${method}"`,
        `the shim and the host disagree; run \`npm run build\` in the plugin directory`,
      );
    }
    const entry = HANDLERS[method as keyof typeof HANDLERS];
    const parsed = entry.schema.safeParse(normalize(rawArgs));
    if (!parsed.success) {
      throw new LlmFitError("bad_args", argumentsLine(method, parsed.error), "see :LlmFit log for the call");
    }
    // The table's entries are each typed with their own schema; the parse above made the match.
    const run = entry.run as (args: unknown, s: Session, signal?: AbortSignal) => Promise<unknown>;
    const value = await run(parsed.data, session, signal);
    session.log.debug(`${method} ok in ${(performance.now() - started).toFixed(1)} ms`);
    return { ok: true, value };
  } catch (err) {
    if (isCancelled(err)) {
      session.log.info(`${method} cancelled`);
      return { ok: false, message: "cancelled", level: "info", code: "cancelled" };
    }
    const typed = err instanceof LlmFitError;
    session.log.error(`${method} failed: ${errorLine(err)}`, typed ? undefined : err);
    return {
      ok: false,
      // server text (a model name, an error body) may hold control characters: never print them raw
      message: printable(typed ? err.oneLine() : `${errorLine(err)} — this is a bug; details in :LlmFit log`),
      level: typed && err.code === "bad_args" ? "warn" : "error",
      code: typed ? err.code : "internal",
    };
  }
}
