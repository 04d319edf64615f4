// Which bench runs waited for a core, which are run again, which are kept marked, and what the
// user is told: the pure decisions of src/calibration/waits.ts on clocks given by hand.
import { describe, expect, it } from "vitest";
import { benchReport } from "../../src/calibration/describe.js";
import type { Calibration } from "../../src/calibration/schema.js";
import { computeThreadsWait, keepRuns, WAIT_LIMIT, waitedSec, waitedShare, waitedTooLong, waitWarning, type RunClock } from "../../src/calibration/waits.js";

const run = (id: string, prefill: [number, number], decode: [number, number]): RunClock & { id: string } => ({
  id,
  prefillSec: prefill[0],
  prefillNetSec: prefill[1],
  decodeSec: decode[0],
  decodeNetSec: decode[1],
});

describe("waited for a core", () => {
  it("takes the runqueue wait where /proc gives it, capped at the wall time", () => {
    expect(waitedSec({ wallSec: 2, runqueueSec: 0.5, cpuSec: 0.1, threads: 1 })).toBe(0.5);
    expect(waitedSec({ wallSec: 2, runqueueSec: 3, cpuSec: 0, threads: 1 })).toBe(2);
  });

  it("counts the compute threads' wait, not a bystander's", () => {
    const ms = (cpu: number, wait: number) => ({ cpuNs: cpu * 1e6, waitNs: wait * 1e6 });
    // one compute thread ran the whole 8 ms step; Node's main thread waited 4 ms for nothing
    expect(computeThreadsWait([ms(8, 0), ms(0.1, 4), ms(0, 0)], 1)).toBe(0);
    // the compute thread itself was held off its core for 3 ms
    expect(computeThreadsWait([ms(5, 3), ms(0.1, 4)], 1)).toBeCloseTo(0.003, 12);
    // two compute threads: the step waits for the slower
    expect(computeThreadsWait([ms(8, 0.5), ms(6, 2), ms(0.2, 5)], 2)).toBeCloseTo(0.002, 12);
    expect(computeThreadsWait([], 1)).toBe(0);
  });

  it("elsewhere counts the CPU time the threads did not get", () => {
    // 2 threads for 1 s would use 2 CPU s; they got 1.2: each was off a core 0.4 s
    expect(waitedSec({ wallSec: 1, cpuSec: 1.2, threads: 2 })).toBeCloseTo(0.4, 9);
    // the process's other threads can push CPU time past wall × threads: no negative wait
    expect(waitedSec({ wallSec: 1, cpuSec: 1.1, threads: 1 })).toBe(0);
  });

  it("judges a run by the worse of its prefill and decode", () => {
    expect(waitedShare(run("a", [1, 0.9], [0.1, 0.04]))).toBeCloseTo(0.6, 9);
    expect(waitedTooLong(run("a", [1, 0.9], [0.1, 0.04]))).toBe(true);
    expect(waitedTooLong(run("b", [1, 0.6], [0.1, 0.06]))).toBe(false);
    expect(WAIT_LIMIT).toBe(0.5);
  });
});

describe("reruns", () => {
  const key = (r: { id: string }): string => r.id;
  const quiet = run("quiet", [1, 1], [0.1, 0.1]);
  const busy = run("busy", [1, 0.3], [0.1, 0.1]);

  it("keeps a run that did not wait as it is, and replaces one that did by its quieter rerun", () => {
    const rerun = run("busy", [0.4, 0.35], [0.1, 0.1]);
    const kept = keepRuns([quiet, busy], [rerun], key);
    expect(kept.map((k) => k.run)).toEqual([quiet, rerun]);
    expect(kept.map((k) => [k.waited, k.reran])).toEqual([
      [false, false],
      [false, true],
    ]);
  });

  it("marks a run that waited again, keeping the try that waited less", () => {
    const worse = run("busy", [1, 0.1], [0.1, 0.1]);
    const better = run("busy", [1, 0.45], [0.1, 0.1]);
    expect(keepRuns([busy], [worse], key)[0]).toEqual({ run: busy, waited: true, reran: true });
    expect(keepRuns([busy], [better], key)[0]).toEqual({ run: better, waited: true, reran: true });
  });

  it("marks a waited run whose rerun failed", () => {
    expect(keepRuns([busy], [], key)[0]).toEqual({ run: busy, waited: true, reran: false });
  });

  it("says which runs to distrust and how to fix it, in one line, only when there are some", () => {
    expect(waitWarning([], 6)).toBeUndefined();
    const w = waitWarning(["qwen3-0.6b:Q8_0", "qwen3-1.7b:Q4_K_M"], 6) ?? "";
    expect(w).toMatch(/^2 of 6 bench runs waited over 50 % of their time for a core, even when run again \(qwen3-0\.6b:Q8_0, qwen3-1\.7b:Q4_K_M\)/);
    expect(w).toContain("close other work");
    expect(w).toContain("run `llmfit bench` again");
    expect(w).not.toContain("\n");
  });
});

describe("the bench table", () => {
  const cal: Calibration = {
    date: "2026-12-06",
    threads: 1,
    cpuBackend: "zen4",
    gpu: "false",
    runs: [
      { id: "qwen3-0.6b", quant: "Q8_0", decodeTps: 30, prefillTps: 110, decodeWallTps: 29, prefillWallTps: 100, specDecodeTps: 35, specPrefillTps: 150, waitedShare: 0.7, waited: true, reran: true },
      { id: "qwen3-1.7b", quant: "Q4_K_M", decodeTps: 18, prefillTps: 45, decodeWallTps: 18, prefillWallTps: 45, specDecodeTps: 20, specPrefillTps: 60, waitedShare: 0.05, reran: true },
    ],
    cpu: { bandwidthGBs: 38, secPerWeightPerThread: 5e-12, secPerLayer: 4e-4, prefillFlops: { f16: 4e10, q8: 1e11, quant: 1.1e11 }, measuredFamilies: ["q8", "quant"], prefillExpertFlops: 5e10 },
    warning: waitWarning(["qwen3-0.6b:Q8_0"], 2),
    seconds: 27.4,
    observations: [],
  };

  it("marks the runs that waited, says how long the bench took and prints the warning", () => {
    const lines = benchReport(cal, "/tmp/calibration.json");
    expect(lines.find((l) => l.startsWith("qwen3-0.6b:Q8_0"))).toMatch(/waited 70 % for a core \(unreliable\)$/);
    expect(lines.find((l) => l.startsWith("qwen3-1.7b:Q4_K_M"))).toMatch(/\(rerun: the first try waited for a core\)$/);
    expect(lines).toContain("The bench took 27 s here, reruns included.");
    expect(lines.filter((l) => l.startsWith("Warning: 1 of 2 bench runs waited"))).toHaveLength(1);
  });

  it("prints no warning and no marks for a quiet bench", () => {
    const quiet: Calibration = { ...cal, runs: cal.runs.map(({ waited, reran, ...r }) => r), seconds: 24 };
    delete (quiet as { warning?: string }).warning;
    const lines = benchReport(quiet, "/tmp/calibration.json");
    expect(lines.some((l) => l.includes("waited") || l.includes("rerun") || l.startsWith("Warning"))).toBe(false);
    expect(lines).toContain("The bench took 24 s here.");
  });

  it("says in one place how much waiting was taken out, and only the warning when a run stayed over the limit", () => {
    const quiet: Calibration = { ...cal, runs: cal.runs.map(({ waited, reran, ...r }) => r), seconds: 24, waitedTakenOut: 0.23 };
    delete (quiet as { warning?: string }).warning;
    const lines = benchReport(quiet, "/tmp/calibration.json");
    expect(lines).toContain("The bench took 24 s here; other processes held the cores for 23 % of decode time, taken out of the figures.");
    expect(lines.filter((l) => /waiting|held the cores|waited/.test(l))).toHaveLength(1);
    // under a tenth: nothing worth a word
    expect(benchReport({ ...quiet, waitedTakenOut: 0.04 }, "/tmp/calibration.json")).toContain("The bench took 24 s here.");
    // a run kept over the limit: the warning is the one message
    const warned = benchReport({ ...cal, waitedTakenOut: 0.4 }, "/tmp/calibration.json");
    expect(warned.filter((l) => l.includes("held the cores"))).toHaveLength(0);
    expect(warned.filter((l) => l.startsWith("Warning:"))).toHaveLength(1);
  });
});
