// measureWithReruns: which runs the bench measures twice, and which it keeps (src/calibration/run.ts).
import { describe, expect, it } from "vitest";
import { measureWithReruns, type BenchRunSpec, type MeasureResult, type RunTiming } from "../../src/calibration/run.js";

// a timing with only what the policy reads: the model's id/quant and the four clocks
const timing = (id: string, waitShare: number): RunTiming =>
  ({ model: { id, quant: "Q4_K_M" }, prefillTokens: 64, prefillSec: 1, prefillNetSec: 1 - waitShare, decodeSec: 0.1, decodeNetSec: 0.1 }) as unknown as RunTiming;
const result = (runs: RunTiming[]): MeasureResult => ({ runs, cpuBackend: "zen4", gpu: "false", errors: [], probes: [] });

describe("measureWithReruns", () => {
  it("runs again only the runs that waited over half their time, keeps the quieter try in the plan's order, and marks one that waited twice", async () => {
    const plan: BenchRunSpec[] = [{ id: "a", quant: "Q4_K_M" }, { id: "b", quant: "Q4_K_M" }, { id: "c", quant: "Q4_K_M" }];
    const calls: { specs: readonly BenchRunSpec[]; rerun: boolean }[] = [];
    const { measured, kept, reran } = await measureWithReruns(plan, async (specs, rerun) => {
      calls.push({ specs, rerun });
      return rerun ? result([timing("b", 0.1), timing("c", 0.7)]) : result([timing("a", 0.2), timing("b", 0.6), timing("c", 0.8)]);
    });
    expect(calls.map((c) => [c.specs.map((s) => s.id), c.rerun])).toEqual([[["a", "b", "c"], false], [["b", "c"], true]]);
    expect(reran).toBe(2);
    expect(measured.runs.map((r) => [r.model.id, r.prefillNetSec])).toEqual([["a", 0.8], ["b", 0.9], ["c", 0.30000000000000004]]);
    expect(kept.map((k) => [k.reran, k.waited])).toEqual([[false, false], [true, false], [true, true]]);
  });
  it("runs a run again with the plan's own prompt length", async () => {
    const plan: BenchRunSpec[] = [{ id: "a", quant: "Q4_K_M", prefill: 32 }, { id: "b", quant: "Q4_K_M" }];
    const reruns: (readonly BenchRunSpec[])[] = [];
    await measureWithReruns(plan, async (specs, rerun) => {
      if (rerun) reruns.push(specs);
      return result([timing("a", 0.7), timing("b", 0.7)]);
    });
    expect(reruns).toEqual([[{ id: "a", quant: "Q4_K_M", prefill: 32 }, { id: "b", quant: "Q4_K_M" }]]);
  });
  it("a quiet plan is measured once", async () => {
    let passes = 0;
    const { kept, reran } = await measureWithReruns([{ id: "a", quant: "Q4_K_M" }], async () => (passes++, result([timing("a", 0)])));
    expect([passes, reran, kept[0]!.reran]).toEqual([1, 0, false]);
  });
});
