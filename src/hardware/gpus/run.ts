// Running a probe tool with the context's timeout (or a longer leash for slow starters).
import type { ProbeContext } from "../context.js";
import type { ExecResult } from "../exec.js";

export const run = (ctx: ProbeContext, cmd: string, args: readonly string[], timeoutMs = ctx.timeoutMs): Promise<ExecResult> =>
  ctx.exec(cmd, args, { timeoutMs });
