// Every external tool goes through one injectable runner: tests feed recorded outputs, and the
// real one spawns with an argument array (no shell) and a hard timeout, so a hanging
// driver tool costs at most `timeoutMs` and a missing one becomes a note instead of a crash.
import type { spawn as Spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";

export type ExecResult =
  | { readonly ok: true; readonly stdout: string; readonly stderr: string }
  | { readonly ok: false; readonly reason: string; readonly stdout: string; readonly stderr: string };

export type ExecFn = (cmd: string, args: readonly string[], opts?: { timeoutMs?: number }) => Promise<ExecResult>;

export const DEFAULT_TOOL_TIMEOUT_MS = 1500;

const POSIX = process.platform !== "win32";

const MAX_OUTPUT = 8 * 1024 * 1024;

// Loaded on the first tool run: a command answered from the hardware cache (`llmfit fit`, a
// warm report) spawns nothing, and node:child_process costs ~5 ms to load (npm run bench: process).
let spawnFn: typeof Spawn | undefined;

/**
 * Whether `cmd` can be found the way spawn looks it up (execvp over PATH): false only when PATH is
 * set and holds no file of that name, so spawning it could only fail with ENOENT; undefined when
 * that cannot be told (a path, no PATH, Windows and its PATHEXT). A spawn blocks the event loop
 * while the process forks (~20 ms each for a missing tool on a small machine: npm run bench, the
 * editor's cold start), and most machines lack most of the GPU tools probed.
 */
export function onPath(cmd: string, env: NodeJS.ProcessEnv = process.env): boolean | undefined {
  const path = env["PATH"];
  if (!POSIX || path === undefined || cmd.includes("/")) return undefined;
  // an empty entry is the current directory, as execvp reads it
  for (const dir of path.split(delimiter)) if (existsSync(join(dir || ".", cmd))) return true;
  return false;
}

export const execTool: ExecFn = async (cmd, args, opts) => {
  // the answer spawn's ENOENT would give, without forking for it
  if (onPath(cmd) === false) return { ok: false, reason: describeExecError(cmd, Object.assign(new Error("spawn ENOENT"), { code: "ENOENT" }), "", ""), stdout: "", stderr: "" };
  const spawn = (spawnFn ??= (await import("node:child_process")).spawn);
  return new Promise((resolve) => {
    const timeout = opts?.timeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS;
    let settled = false;
    let stdout = "";
    let stderr = "";
    const settle = (r: ExecResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    // spawn (execFile's core) with an argument array and no shell. Own process group on POSIX,
    // so a timeout also kills what a wrapper script started; otherwise a grandchild holding
    // stdout open would keep us waiting past the timeout.
    const child = spawn(cmd, [...args], { windowsHide: true, detached: POSIX, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      if (stdout.length < MAX_OUTPUT) stdout += d;
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      if (stderr.length < MAX_OUTPUT) stderr += d;
    });
    child.on("error", (err: NodeJS.ErrnoException) => settle({ ok: false, reason: describeExecError(cmd, err, stdout, stderr), stdout, stderr }));
    child.on("close", (code, signal) => {
      if (code === 0) settle({ ok: true, stdout, stderr });
      else settle({ ok: false, reason: describeExecError(cmd, new Error(`exited with ${code ?? signal}`), stdout, stderr), stdout, stderr });
    });
    const timer = setTimeout(() => {
      try {
        if (POSIX && child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
        else child.kill("SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
      child.stdout.destroy();
      child.stderr.destroy();
      settle({ ok: false, reason: `${cmd}: no answer within ${timeout} ms`, stdout: "", stderr: "" });
    }, timeout);
  });
};

function describeExecError(cmd: string, err: NodeJS.ErrnoException, stdout: string, stderr: string): string {
  if (err.code === "ENOENT") return `${cmd}: not found`;
  // Tools such as nvidia-smi explain a broken driver on stdout, not stderr.
  const said = firstLine(stderr) ?? firstLine(stdout) ?? err.message.split("\n")[0] ?? "failed";
  return `${cmd}: ${said}`;
}

function firstLine(text: string): string | undefined {
  return text
    .split("\n")
    .map((l) => l.trim())
    .find((l) => l.length > 0);
}
