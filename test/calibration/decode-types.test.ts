// Decode cost per ggml weight type: a machine whose decode kernels differ by type (as llama.cpp's
// one-thread CPU decode does: Q5_0 far slower per weight than Q4_K) is recovered from the bench's
// dense runs, a held-out mix the bench never ran is priced by its own mix, and a calibration file
// without the costs behaves exactly as before.
import { describe, expect, it } from "vitest";
import { BENCH_PLAN, typeScaledWork } from "../../src/calibration/bench.js";
import { decodeTypeScale, decodeTypeWeights, decodeWeightsFor, deriveDecodeTypes, withDecodeTypes } from "../../src/calibration/decode-types.js";
import { constantsFromFigures, cpuWork, deriveCpuFigures, predictCpu } from "../../src/calibration/derive.js";
import { CalibrationSchema, type Calibration, type CpuFigures } from "../../src/calibration/schema.js";
import { MOE_PROBE_ID, sparseModel } from "../../src/calibration/sparse-model.js";
import { parseHardware } from "../../src/hardware/schema.js";
import { findModel, shapeOf } from "../../src/models/catalog.js";
import { cpuMachine } from "../../src/speed/calibration.js";
import { SPEED_CONSTANTS } from "../../src/speed/constants.js";
import { estimateSpeed } from "../../src/speed/estimate.js";
import { createSizer } from "../../src/sizing/search.js";
import { DEFAULT_RUN_SETTINGS } from "../../src/sizing/types.js";

/** The simulated machine, one thread: bytes at 30 GB/s, 150 µs a layer, and a per-weight cost by type (Q5_0 slow, as measured here). */
const TRUE = { bw: 30e9, layer: 150e-6, cost: { F16: 6e-12, F32: 6e-12, Q8_0: 8e-12, Q4_K: 10e-12, Q6_K: 7e-12, Q5_0: 30e-12 } as Record<string, number> };

function trueDecodeSec(id: string, quant: string): number {
  const m = sparseModel(id, quant);
  const w = cpuWork(m.shape, m.tensors, m.quant, 128, 128);
  let sec = w.bytes / TRUE.bw + w.layers * TRUE.layer;
  for (const [t, n] of decodeTypeWeights(m.shape, m.tensors)) sec += n * (TRUE.cost[t] ?? 10e-12);
  return sec;
}

const dense = BENCH_PLAN.filter((p) => p.id !== MOE_PROBE_ID);

function figures(): { single: CpuFigures; typed: CpuFigures } {
  const runs = dense.map((p) => {
    const m = sparseModel(p.id, p.quant);
    const work = cpuWork(m.shape, m.tensors, m.quant, 128, 128);
    // prefill is not under test here: any positive time
    return { m, work, decodeSec: trueDecodeSec(p.id, p.quant), prefillSecPerToken: 0.01 };
  });
  const single = deriveCpuFigures(runs, 1, SPEED_CONSTANTS.cpu, "avx512");
  const fit = deriveDecodeTypes(
    runs.map((r) => ({ weights: decodeTypeWeights(r.m.shape, r.m.tensors), bytes: r.work.bytes, layers: r.work.layers, decodeSec: r.decodeSec })),
    SPEED_CONSTANTS.cpu,
    1,
  );
  return { single, typed: withDecodeTypes(single, fit) };
}

/** Relative error of the calibrated decode tok/s for a model, at the figures given. */
function decodeError(f: CpuFigures, id: string, quant: string): number {
  const m = sparseModel(id, quant);
  const k = constantsFromFigures(SPEED_CONSTANTS.cpu, f, 1, undefined);
  const est = predictCpu(k, typeScaledWork(f, m, cpuWork(m.shape, m.tensors, m.quant, 128, 128)), 1, "avx512");
  return est.decodeTps * trueDecodeSec(id, quant) - 1;
}

describe("decode cost per weight type", () => {
  it("splits a token's decode weights by type, summing to the weights the estimate counts (MoE: the used experts)", () => {
    for (const [id, q] of [["llama-3.1-8b", "Q4_K_M"], ["qwen2.5-0.5b", "Q4_K_M"], ["qwen3-30b-a3b", "Q4_K_M"]] as const) {
      const m = sparseModel(id, q);
      const by = decodeTypeWeights(m.shape, m.tensors);
      const sum = [...by.values()].reduce((a, b) => a + b, 0);
      expect(sum / cpuWork(m.shape, m.tensors, m.quant, 128, 128).weights, `${id}`).toBeCloseTo(1, 6);
      expect(decodeWeightsFor(m.shape, q)).toEqual(by);
    }
    // the 8B's Q4_K_M is Q4_K and Q6_K only; the 0.5B's mostly Q5_0 and Q8_0 (fallback for 896-wide rows)
    const s8 = decodeWeightsFor(shapeOf(findModel("llama-3.1-8b")!), "Q4_K_M");
    expect([...s8.keys()].sort()).toEqual(["Q4_K", "Q6_K"]);
    const s05 = decodeWeightsFor(shapeOf(findModel("qwen2.5-0.5b")!), "Q4_K_M");
    expect(((s05.get("Q5_0") ?? 0) + (s05.get("Q8_0") ?? 0)) / [...s05.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0.7);
  });

  it("recovers a slow type from the bench's runs and prices held-out mixes by it, where one cost per weight misses", () => {
    const { single, typed } = figures();
    const c = typed.decodeTypeSecPerWeight ?? {};
    expect(c.Q5_0).toBeGreaterThan(2 * (c.Q4_K ?? Infinity));
    expect(c.Q5_0).toBeGreaterThan(2 * (c.Q8_0 ?? Infinity));
    // the plan's own runs: one cost per weight cannot fit the Q5_0 run and the rest at once (+21 %
    // here); five dense runs do not pin seven unknowns either, so the ridge leaves a few per cent
    expect(Math.abs(decodeError(single, "qwen3-0.6b", "Q5_0"))).toBeGreaterThan(0.15);
    expect(Math.abs(decodeError(typed, "qwen3-0.6b", "Q5_0"))).toBeLessThan(0.08);
    // held out: the Q5_0-heavy 0.5B (the single fit +11 %), and the Q4_K-heavy 8B and a Q8_0 3B it already had
    expect(Math.abs(decodeError(single, "qwen2.5-0.5b", "Q4_K_M"))).toBeGreaterThan(0.09);
    for (const [id, q] of [["qwen2.5-0.5b", "Q4_K_M"], ["llama-3.1-8b", "Q4_K_M"], ["llama-3.2-3b", "Q8_0"]] as const) {
      expect(Math.abs(decodeError(typed, id, q)), `${id}:${q}`).toBeLessThan(0.06);
    }
  });

  it("prices a type no run measured at the single fit's cost, and is 1 without per-type costs", () => {
    const { single, typed } = figures();
    expect(decodeTypeScale(single, new Map([["Q4_K", 1]]))).toBe(1);
    expect(decodeTypeScale(typed, new Map([["IQ4_XS", 5]]))).toBe(1);
    const c = typed.decodeTypeSecPerWeight ?? {};
    const mix = decodeTypeScale(typed, new Map([["Q5_0", 1], ["IQ4_XS", 1]]));
    expect(mix).toBeCloseTo(((c.Q5_0 ?? 0) / typed.secPerWeightPerThread + 1) / 2, 9);
  });

  it("moves a calibrated estimate's decode, and only a calibrated one's; a file without the costs behaves as before", () => {
    const sizer = createSizer();
    const shape = shapeOf(findModel("qwen2.5-0.5b")!);
    const plain = cpuMachine(1, undefined, ["avx512f"]);
    const est = sizer.estimate(shape, "Q4_K_M", { ...DEFAULT_RUN_SETTINGS, ctx: 4096 }, plain);
    const { single, typed } = figures();
    const cal = (cpu: CpuFigures): Calibration => ({ date: "2026-01-02", threads: 1, cpuBackend: "test", gpu: "false", runs: [], cpu, observations: [] });
    // an older file: the schema takes it, and its estimate is the single fit's terms with no scale
    const old = CalibrationSchema.parse(JSON.parse(JSON.stringify(cal(single))));
    expect(old.cpu.decodeTypeSecPerWeight).toBeUndefined();
    const s = estimateSpeed(shape, est, parseHardware({ ...plain, calibration: old }), { threads: 1, contexts: [128] });
    const k = constantsFromFigures(SPEED_CONSTANTS.cpu, single, 1, plain.memory.bandwidthGBs?.value);
    const m = sparseModel("qwen2.5-0.5b", "Q4_K_M");
    const w = cpuWork(m.shape, m.tensors, m.quant, 128, 128);
    expect(s.decodeTps).toBeCloseTo(predictCpu(k, w, 1, "avx512", plain.memory.bandwidthGBs?.value).decodeTps, 6);
    // the typed file: the decode the bench's own pricing (typeScaledWork) gives, and slower (Q5_0 is slow)
    const t = estimateSpeed(shape, est, parseHardware({ ...plain, calibration: CalibrationSchema.parse(cal(typed)) }), { threads: 1, contexts: [128] });
    const kt = constantsFromFigures(SPEED_CONSTANTS.cpu, typed, 1, plain.memory.bandwidthGBs?.value);
    expect(t.decodeTps).toBeCloseTo(predictCpu(kt, typeScaledWork(typed, m, w), 1, "avx512", plain.memory.bandwidthGBs?.value).decodeTps, 6);
    expect(t.decodeTps).toBeLessThan(s.decodeTps);
    // the spec estimate is not the calibration's to move
    const spec = estimateSpeed(shape, est, plain, { threads: 1, contexts: [128] });
    expect(estimateSpeed(shape, est, parseHardware({ ...plain, calibration: cal(typed) }), { threads: 1, contexts: [128], calibrated: false }).decodeTps).toBeCloseTo(spec.decodeTps, 9);
  });
});

describe("the bench's report", () => {
  it("lists the per-type decode costs when the bench measured them, and nothing for older files", async () => {
    const { benchReport } = await import("../../src/calibration/describe.js");
    const { single, typed } = figures();
    const cal = (cpu: CpuFigures): Calibration => ({ date: "2026-01-02", threads: 1, cpuBackend: "test", gpu: "false", runs: [], cpu, observations: [] });
    const q5 = ((typed.decodeTypeSecPerWeight?.Q5_0 ?? 0) * 1e12).toFixed(1);
    expect(benchReport(cal(typed), "/tmp/x/calibration.json").join("\n")).toMatch(new RegExp(`Decode per tensor type[^\\n]*Q5_0 ${q5.replace(".", "\\.")} ·`));
    expect(benchReport(cal(single), "/tmp/x/calibration.json").join("\n")).not.toMatch(/Decode per tensor type/);
  });
});
