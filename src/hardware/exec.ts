// Every external tool goes through one injectable runner: tests feed recorded outputs, and the
// real one uses execFile with an argument array (no shell) and a hard timeout, so a hanging
// driver tool costs at most `timeoutMs` and a missing one becomes a note instead of a crash.
import { execFile, type ExecFileException } from "node:child_process";

export type ExecResult =
  | { readonly ok: true; readonly stdout: string; readonly stderr: string }
  | { readonly ok: false; readonly reason: string; readonly stdout: string; readonly stderr: string };

export type ExecFn = (cmd: string, args: readonly string[], opts?: { timeoutMs?: number }) => Promise<ExecResult>;

export const DEFAULT_TOOL_TIMEOUT_MS = 1500;

export const execTool: ExecFn = (cmd, args, opts) =>
  new Promise((resolve) => {
    const timeout = opts?.timeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS;
    execFile(
      cmd,
      [...args],
      { timeout, killSignal: "SIGKILL", maxBuffer: 8 * 1024 * 1024, windowsHide: true, encoding: "utf8" },
      (err, stdout, stderr) => {
        if (!err) return resolve({ ok: true, stdout, stderr });
        resolve({ ok: false, reason: describeExecError(cmd, err, timeout, stdout, stderr), stdout, stderr });
      },
    );
  });

function describeExecError(
  cmd: string,
  err: ExecFileException,
  timeoutMs: number,
  stdout: string,
  stderr: string,
): string {
  if (err.code === "ENOENT") return `${cmd}: not found`;
  if (err.killed || err.signal === "SIGKILL") return `${cmd}: no answer within ${timeoutMs} ms`;
  // Tools such as nvidia-smi explain a broken driver on stdout, not stderr.
  const said = firstLine(stderr) ?? firstLine(stdout) ?? err.message.split("\n")[0] ?? "failed";
  return `${cmd}: ${said}`;
}

function firstLine(text: string): string | undefined {
  const line = text.split("\n").map((l) => l.trim()).find((l) => l.length > 0);
  return line;
}
