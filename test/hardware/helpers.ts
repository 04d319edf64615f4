// Fakes for detection tests: a machine is a set of fixture files, tool outputs and os figures.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SiLike, OsLike } from "../../src/hardware/context.js";
import type { ExecFn, ExecResult } from "../../src/hardware/exec.js";

export const FIXTURES = join(import.meta.dirname, "..", "fixtures", "hardware");

export function fixture(machine: string, file: string): string {
  return readFileSync(join(FIXTURES, machine, file), "utf8");
}

export type ToolTable = Readonly<Record<string, ExecResult | string>>;

/** Tools keyed by "cmd" or "cmd arg1 arg2…"; the longest matching key wins; others are missing. */
export function fakeExec(tools: ToolTable, calls: string[] = []): ExecFn {
  return async (cmd, args) => {
    const full = [cmd, ...args].join(" ");
    calls.push(full);
    const key = Object.keys(tools)
      .filter((k) => full === k || full.startsWith(`${k} `) || k === cmd)
      .sort((a, b) => b.length - a.length)[0];
    const hit = key === undefined ? undefined : tools[key];
    if (hit === undefined) return { ok: false, reason: `${cmd}: not found`, stdout: "", stderr: "" };
    return typeof hit === "string" ? { ok: true, stdout: hit, stderr: "" } : hit;
  };
}

export function fakeOs(totalmem: number, freemem = totalmem / 2, model = "Test CPU"): OsLike {
  return { hostname: () => "testhost", totalmem: () => totalmem, freemem: () => freemem, cpus: () => Array.from({ length: 8 }, () => ({ model })) };
}

export const fakeSi: SiLike = {
  async cpu() {
    return { brand: "Core i7-12700H", manufacturer: "Intel", physicalCores: 14, cores: 20, flags: "sse4_2 avx avx2 fma f16c", cache: { l1d: 49152, l2: 1310720, l3: 25165824 } };
  },
  async memLayout() {
    return [
      { type: "DDR5", clockSpeed: 4800, size: 16 * 2 ** 30 },
      { type: "DDR5", clockSpeed: 4800, size: 16 * 2 ** 30 },
    ];
  },
};
