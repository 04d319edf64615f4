// A real short bench: the bench plan through llama.cpp (node-llama-cpp, in the worker process the
// built dist/ holds), then a shape the plan does not run (Qwen2.5-0.5B at Q4_K_M, mostly Q5_0 and
// Q8_0 by fallback) in the same worker. Its calibrated estimate must land within 2× of its run,
// decode and prefill: a bound loose enough for a loaded 2-core machine, tight enough to catch a
// calibration that is broken (wrong units, wrong thread count, a term fitted to nonsense). The
// ±12 % target is checked by `npm run bench` (bench/calibration.mjs), which prints the table.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";

const dist = new URL("../../dist/calibration/", import.meta.url);
const built = existsSync(new URL("child.js", dist));
const haveLlama = await import("node-llama-cpp").then(
  () => true,
  () => false,
);

describe.skipIf(!built || !haveLlama)("a real short bench (llama.cpp on this machine)", () => {
  it("calibrates a held-out shape to within 2× of its own run, decode and prefill", { timeout: 300_000 }, async () => {
    const bench = await import(new URL("bench.js", dist).href);
    const derive = await import(new URL("derive.js", dist).href);
    const run = await import(new URL("run.js", dist).href);
    const types = await import(new URL("prefill-types.js", dist).href);
    const { SPEED_CONSTANTS } = await import(new URL("../speed/constants.js", dist).href);
    const held = { id: "qwen2.5-0.5b", quant: "Q4_K_M" };
    const prefill = 64;
    const threads = 1;
    const r = await run.measureModels([...bench.BENCH_PLAN, held], { threads, prefill, decode: 6, prefillReps: 1, probeSteps: 2 });
    expect(r.errors).toEqual([]);
    // the reference probe (steady.ts): one reading before each run after the first (whose model it
    // keeps) and one at the end, each a positive step no longer on the net clock than on the wall one
    expect(r.probes.map((p: { before: string }) => p.before)).toEqual([...bench.BENCH_PLAN.slice(1).map((s: { id: string; quant: string }) => `${s.id}:${s.quant}`), `${held.id}:${held.quant}`, "end"]);
    for (const p of r.probes as { sec: number; netSec: number }[]) expect(p.netSec > 0 && p.netSec <= p.sec).toBe(true);
    const isHeld = (t: { model: { id: string } }): boolean => t.model.id === held.id;
    const benchRuns = r.runs.filter((t: { model: { id: string } }) => !isHeld(t));
    const heldRun = r.runs.find(isHeld);
    expect(benchRuns).toHaveLength(bench.BENCH_PLAN.length);
    const work = (t: unknown) => bench.runWork(t);
    const figures = bench.withTypeFlops(
      derive.deriveCpuFigures(
        benchRuns.map((t: { decodeNetSec: number; prefillNetSec: number; prefillTokens: number; model: never }) => ({ work: work(t), decodeSec: t.decodeNetSec, prefillSecPerToken: t.prefillNetSec / t.prefillTokens })),
        threads,
        SPEED_CONSTANTS.cpu,
        "avx512",
      ),
      benchRuns,
    );
    const k = derive.constantsFromFigures(SPEED_CONSTANTS.cpu, figures, threads, undefined);
    const w = work(heldRun);
    const scale = types.prefillTypeScale(figures, types.matmulTypeShares(heldRun.model.shape, heldRun.model.tensors), held.quant);
    const est = derive.predictCpu(k, { ...w, denseFlops: w.denseFlops * scale }, threads, "avx512");
    const measured = { decodeTps: 1 / heldRun.decodeNetSec, prefillTps: heldRun.prefillTokens / heldRun.prefillNetSec };
    for (const test of ["decodeTps", "prefillTps"] as const) {
      const ratio = est[test] / measured[test];
      expect(ratio, `${test}: estimated ${est[test].toFixed(1)}, measured ${measured[test].toFixed(1)} tok/s`).toBeGreaterThan(0.5);
      expect(ratio, `${test}: estimated ${est[test].toFixed(1)}, measured ${measured[test].toFixed(1)} tok/s`).toBeLessThan(2);
    }
  });
});
