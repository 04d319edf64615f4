// Everything detection touches outside the process, in one injectable bundle.
import { readFile } from "node:fs/promises";
import * as os from "node:os";
import { DEFAULT_TOOL_TIMEOUT_MS, execTool, onPath, type ExecFn } from "./exec.js";
import { realFs, type ProbeFs } from "./fsio.js";

/** The slice of systeminformation detection uses (memory layout and non-Linux CPU details). */
export interface SiLike {
  cpu(): Promise<{
    readonly brand: string;
    readonly manufacturer: string;
    readonly physicalCores: number;
    readonly cores: number;
    readonly flags: string;
    readonly cache?: { readonly l1d?: number; readonly l2?: number; readonly l3?: number };
  }>;
  memLayout(): Promise<readonly { readonly type: string; readonly clockSpeed?: unknown; readonly size: number }[]>;
}

export interface OsLike {
  hostname(): string;
  totalmem(): number;
  freemem(): number;
  cpus(): readonly { readonly model: string }[];
}

export interface ProbeContext {
  readonly platform: NodeJS.Platform;
  readonly arch: string;
  readonly exec: ExecFn;
  readonly fs: ProbeFs;
  readonly si: SiLike;
  readonly os: OsLike;
  readonly timeoutMs: number;
  readonly env: NodeJS.ProcessEnv;
}

export interface ContextOptions {
  readonly platform?: NodeJS.Platform;
  readonly arch?: string;
  readonly exec?: ExecFn;
  readonly fs?: ProbeFs;
  readonly si?: SiLike;
  readonly os?: OsLike;
  readonly timeoutMs?: number;
  readonly env?: NodeJS.ProcessEnv;
}

// systeminformation is a large module; load it only when a probe needs it, so a cached profile
// (the common case in the editor) never pays for it.
const lazySi: SiLike = {
  cpu: async () => (await import("systeminformation")).cpu(),
  memLayout: async () => (await dmidecodeCannotRun()) ? [noDimmLayout()] : (await import("systeminformation")).memLayout(),
};

/**
 * On Linux, systeminformation's memLayout is dmidecode run through a shell; without dmidecode on
 * PATH it answers one row (the RAM total, no type, no speed), after checking for a Raspberry Pi
 * (whose memory it names from /proc/cpuinfo). Those are told here without loading the module (~30
 * ms), a shell (~25 ms) or its synchronous `cat /proc/cpuinfo` (~25 ms with the event loop
 * stopped): most of a cold start without the hardware cache (npm run bench: editor). A Pi, or a
 * PATH that cannot be read, still asks systeminformation.
 */
async function dmidecodeCannotRun(): Promise<boolean> {
  if (process.platform !== "linux" || onPath("dmidecode") !== false) return false;
  const cpuinfo = await readFile("/proc/cpuinfo", "utf8").catch(() => undefined);
  return cpuinfo !== undefined && !/BCM2\d{3}|raspberry pi/i.test(cpuinfo);
}

/** systeminformation's row when dmidecode gives nothing (lib/memory.js memLayout, Linux): all memory, nothing known of it. */
function noDimmLayout(): { readonly type: string; readonly clockSpeed: number; readonly size: number } {
  return { size: os.totalmem(), type: "", clockSpeed: 0 };
}

export function probeContext(o: ContextOptions = {}): ProbeContext {
  return {
    platform: o.platform ?? process.platform,
    arch: o.arch ?? process.arch,
    exec: o.exec ?? execTool,
    fs: o.fs ?? realFs,
    si: o.si ?? lazySi,
    os: o.os ?? os,
    timeoutMs: o.timeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS,
    env: o.env ?? process.env,
  };
}

/** A promise that gives up after `ms`: systeminformation runs its own tools without timeouts. */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    t.unref?.();
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
