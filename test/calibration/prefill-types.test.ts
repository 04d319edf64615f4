// Prompt rates per ggml weight type: a machine whose kernels differ by type (as llama.cpp's CPU
// backend does: repacked Q4_K fast, Q5_0 and Q6_K slow) is recovered from the bench's dense runs,
// and a held-out model whose mix the bench never ran (Qwen2.5-0.5B at Q4_K_M: mostly Q5_0 and
// Q8_0 by fallback) is priced by its own mix, through estimateSpeed as the report calls it.
import { describe, expect, it } from "vitest";
import { BENCH_PLAN } from "../../src/calibration/bench.js";
import { cpuWork, deriveCpuFigures } from "../../src/calibration/derive.js";
import { deriveTypeFlops, matmulTypeShares, prefillTypeScale, typeSharesFor } from "../../src/calibration/prefill-types.js";
import type { Calibration, CpuFigures } from "../../src/calibration/schema.js";
import { MOE_PROBE_ID, sparseModel } from "../../src/calibration/sparse-model.js";
import { parseHardware } from "../../src/hardware/schema.js";
import { findModel, shapeOf } from "../../src/models/catalog.js";
import { cpuMachine } from "../../src/speed/calibration.js";
import { SPEED_CONSTANTS } from "../../src/speed/constants.js";
import { estimateSpeed } from "../../src/speed/estimate.js";
import { createSizer } from "../../src/sizing/search.js";
import { DEFAULT_RUN_SETTINGS } from "../../src/sizing/types.js";

/** FLOP/s of one thread per weight type on the simulated machine (zen4-like ratios, measured here). */
const TRUE_RATE: Record<string, number> = { F16: 60e9, F32: 60e9, Q8_0: 110e9, Q4_K: 200e9, Q6_K: 80e9, Q5_0: 95e9 };

const truePrefillSec = (id: string, quant: string): { shares: Map<string, number>; denseFlops: number; sec: number } => {
  const m = sparseModel(id, quant);
  const shares = matmulTypeShares(m.shape, m.tensors);
  const denseFlops = cpuWork(m.shape, m.tensors, m.quant, 128, 128).denseFlops;
  let sec = 0;
  for (const [t, s] of shares) sec += (s * denseFlops) / (TRUE_RATE[t] ?? 100e9);
  return { shares, denseFlops, sec };
};

function figures(): CpuFigures {
  const dense = BENCH_PLAN.filter((p) => p.id !== MOE_PROBE_ID).map((p) => ({ p, t: truePrefillSec(p.id, p.quant) }));
  const base = deriveCpuFigures(
    dense.map(({ p, t }) => {
      const m = sparseModel(p.id, p.quant);
      // decode is not under test here: any positive time
      return { work: cpuWork(m.shape, m.tensors, m.quant, 128, 128), decodeSec: 0.05, prefillSecPerToken: t.sec };
    }),
    1,
    SPEED_CONSTANTS.cpu,
    "avx512",
  );
  return { ...base, prefillTypeFlops: deriveTypeFlops(dense.map(({ t }) => ({ shares: t.shares, denseFlops: t.denseFlops, prefillSecPerToken: t.sec })), base.prefillFlops) };
}

describe("prompt rates per weight type", () => {
  it("the 0.5B's Q4_K_M is mostly Q5_0 and Q8_0 (fallback), the 8B's Q4_K and Q6_K", () => {
    const s05 = typeSharesFor(shapeOf(findModel("qwen2.5-0.5b")!), "Q4_K_M");
    expect((s05.get("Q5_0") ?? 0) + (s05.get("Q8_0") ?? 0)).toBeGreaterThan(0.7);
    const s8 = typeSharesFor(shapeOf(findModel("llama-3.1-8b")!), "Q4_K_M");
    expect([...s8.keys()].sort()).toEqual(["Q4_K", "Q6_K"]);
    expect([...s8.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });

  it("recovers held-out mixes the bench never ran, where the family's single rate misses one of them", () => {
    const f = figures();
    expect(f.prefillTypeFlops?.Q5_0).toBeLessThan(f.prefillTypeFlops?.Q4_K ?? 0);
    const familyErr: number[] = [];
    for (const [id, q] of [["qwen2.5-0.5b", "Q4_K_M"], ["llama-3.1-8b", "Q4_K_M"], ["qwen3-0.6b", "Q8_0"]] as const) {
      const t = truePrefillSec(id, q);
      const family = t.denseFlops / f.prefillFlops[q === "Q8_0" ? "q8" : "quant"];
      const typed = family * prefillTypeScale(f, t.shares, q);
      expect(Math.abs(typed / t.sec - 1), `${id}:${q}`).toBeLessThan(0.1);
      familyErr.push(Math.abs(family / t.sec - 1));
    }
    // one rate for every Q4_K_M cannot price both a Q5_0-heavy 0.5B and a Q4_K-heavy 8B
    expect(Math.max(...familyErr)).toBeGreaterThan(0.2);
  });

  it("moves a calibrated estimate, and only a calibrated one; a file without the rates behaves as before", () => {
    const sizer = createSizer();
    const shape = shapeOf(findModel("qwen2.5-0.5b")!);
    const plain = cpuMachine(1, undefined, ["avx512f"]);
    const est = sizer.estimate(shape, "Q4_K_M", { ...DEFAULT_RUN_SETTINGS, ctx: 4096 }, plain);
    const f = figures();
    const cal = (cpu: CpuFigures): Calibration => ({ date: "2026-01-02", threads: 1, cpuBackend: "test", gpu: "false", runs: [], cpu, observations: [] });
    const typed = estimateSpeed(shape, est, parseHardware({ ...plain, calibration: cal(f) }), { threads: 1 });
    const { prefillTypeFlops: _, ...old } = f;
    const untyped = estimateSpeed(shape, est, parseHardware({ ...plain, calibration: cal(old) }), { threads: 1 });
    const scale = prefillTypeScale(f, typeSharesFor(shape, "Q4_K_M"), "Q4_K_M");
    // Q5_0 and Q8_0 run slower than the Q4_K_M runs' blend; the 8B's Q4_K and Q6_K faster
    expect(scale).toBeGreaterThan(1.03);
    expect(prefillTypeScale(f, typeSharesFor(shapeOf(findModel("llama-3.1-8b")!), "Q4_K_M"), "Q4_K_M")).toBeLessThan(0.9);
    // the dense matmuls are nearly all of a prompt token: the estimate slows by nearly the scale
    expect(untyped.prefillTps / typed.prefillTps).toBeGreaterThan(1 + (scale - 1) * 0.8);
    expect(untyped.prefillTps / typed.prefillTps).toBeLessThan(scale * 1.01);
    expect(untyped.decodeTps).toBeCloseTo(typed.decodeTps);
  });
});

describe("the bench's report", () => {
  it("lists the per-type prompt rates when the bench measured them, and nothing for older files", async () => {
    const { benchReport } = await import("../../src/calibration/describe.js");
    const f = figures();
    const cal = (cpu: CpuFigures): Calibration => ({ date: "2026-01-02", threads: 1, cpuBackend: "test", gpu: "false", runs: [], cpu, observations: [] });
    const text = benchReport(cal(f), "/tmp/x/calibration.json").join("\n");
    expect(text).toMatch(/per tensor type[^\n]*Q5_0 86\.0 · Q6_K/);
    const { prefillTypeFlops: _, ...old } = f;
    expect(benchReport(cal(old), "/tmp/x/calibration.json").join("\n")).not.toMatch(/per tensor type/);
  });
});
