// Calibration: storage bound to the fingerprint, the pure derivation from run timings to the
// machine's figures, and how estimates use them (source "measured here (DATE)", learning).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { calibratedCpuConstants } from "../../src/calibration/apply.js";
import { constantsFromFigures, cpuWork, deriveCpuFigures, predictCpu } from "../../src/calibration/derive.js";
import { BENCH_WEIGHT, learnedFactors } from "../../src/calibration/learn.js";
import { recordObservation } from "../../src/calibration/machine.js";
import { BENCH_PLAN } from "../../src/calibration/bench.js";
import type { Calibration, Observation } from "../../src/calibration/schema.js";
import { MOE_PROBE_ID, sparseModel, writeSparseModel } from "../../src/calibration/sparse-model.js";
import { CALIBRATION_FILE, readCalibrationFile, writeCalibration } from "../../src/calibration/store.js";
import { parseHardware } from "../../src/hardware/schema.js";
import { findModel, shapeOf } from "../../src/models/catalog.js";
import { cpuMachine } from "../../src/speed/calibration.js";
import { SPEED_CONSTANTS } from "../../src/speed/constants.js";
import { estimateSpeed, speedJson, speedLines } from "../../src/speed/estimate.js";
import type { CpuConstants } from "../../src/speed/model.js";
import { createSizer } from "../../src/sizing/search.js";
import { DEFAULT_RUN_SETTINGS } from "../../src/sizing/types.js";
import { typedTensors } from "../../src/sizing/weights.js";

const dirs: string[] = [];
const tmp = (): string => {
  const d = mkdtempSync(join(tmpdir(), "llmfit-cal-test-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A machine 3× slower in bandwidth and 2× in per-layer cost than the reference, prompt 0.7×. */
const TRUE: CpuConstants = {
  ...SPEED_CONSTANTS.cpu,
  bytesPerSecPerThread: SPEED_CONSTANTS.cpu.bytesPerSecPerThread / 3,
  secPerLayer: SPEED_CONSTANTS.cpu.secPerLayer * 2,
  prefillFlopsPerThread: { f16: 0.7e11, q8: 1.2e11, quant: 1.5e11 },
  // routed-expert matmuls at 2.5× the reference's rate: only the MoE probe can tell
  prefillExpertFlopsPerThread: SPEED_CONSTANTS.cpu.prefillExpertFlopsPerThread * 2.5,
  prefillSimdFactor: { avx512: 1, avx2: 1, neon: 1 },
};

const work = (id: string, quant: string, ctx = 128) => {
  if (id === MOE_PROBE_ID) {
    const m = sparseModel(id, quant);
    return cpuWork(m.shape, m.tensors, quant, ctx, ctx);
  }
  const e = findModel(id);
  if (!e) throw new Error(id);
  const s = shapeOf(e);
  return cpuWork(s, typedTensors(s, quant as never), quant, ctx, ctx);
};

function syntheticCalibration(date = "2026-01-02", plan: readonly { id: string; quant: string }[] = BENCH_PLAN): Calibration {
  const runs = plan.map(({ id, quant: q }) => {
    const w = work(id, q);
    const p = predictCpu(TRUE, w, 1, "avx512");
    return { work: w, decodeSec: 1 / p.decodeTps, prefillSecPerToken: 1 / p.prefillTps };
  });
  const cpu = deriveCpuFigures(runs, 1, SPEED_CONSTANTS.cpu, "avx512");
  return { date, threads: 1, cpuBackend: "test", gpu: "false", runs: [], cpu, observations: [] };
}

describe("calibration store", () => {
  const cal = syntheticCalibration();
  it("reads back what it wrote, for the same fingerprint only", async () => {
    const d = tmp();
    await writeCalibration(d, "fp-a", cal);
    expect((await readCalibrationFile(d, "fp-a")).calibration?.cpu.bandwidthGBs).toBeCloseTo(cal.cpu.bandwidthGBs);
    expect(await readCalibrationFile(d, "fp-b")).toEqual({ why: "other machine" });
  });
  it("ignores a missing, corrupt or wrongly shaped file", async () => {
    const d = tmp();
    expect(await readCalibrationFile(d, "fp")).toEqual({ why: "none" });
    writeFileSync(join(d, CALIBRATION_FILE), "{ not json");
    expect(await readCalibrationFile(d, "fp")).toEqual({ why: "unreadable" });
    writeFileSync(join(d, CALIBRATION_FILE), JSON.stringify({ version: 1, fingerprint: "fp", calibration: { date: "x" } }));
    expect(await readCalibrationFile(d, "fp")).toEqual({ why: "unreadable" });
  });
  it("records a real run only where a bench result exists", async () => {
    const d = tmp();
    const o: Observation = { runtime: "ollama", model: "m", placement: "cpu", decodeTps: 5, estDecodeTps: 4, at: "2026-01-03T00:00:00Z" };
    expect(await recordObservation({ dir: d, fingerprint: "fp" }, o)).toBeUndefined();
    await writeCalibration(d, "fp", cal);
    const written = await recordObservation({ dir: d, fingerprint: "fp" }, o);
    expect(written?.observations).toEqual([o]);
    const back = JSON.parse(readFileSync(join(d, CALIBRATION_FILE), "utf8")) as { calibration: Calibration };
    expect(back.calibration).toEqual(written);
  });
});

describe("derivation", () => {
  it("recovers a machine's speed on shapes it did not run (8B dense, 30B-A3B MoE)", () => {
    const cal = syntheticCalibration();
    const k = constantsFromFigures(SPEED_CONSTANTS.cpu, cal.cpu, 1, undefined);
    for (const [id, q] of [["llama-3.1-8b", "Q4_K_M"], ["qwen2.5-0.5b", "Q8_0"], ["qwen3-30b-a3b", "Q4_K_M"]] as const) {
      const w = work(id, q, 512);
      const truth = predictCpu(TRUE, w, 1, "avx512");
      const got = predictCpu(k, w, 1, "avx512");
      const spec = predictCpu(SPEED_CONSTANTS.cpu, w, 1, "avx512");
      expect(Math.abs(got.decodeTps / truth.decodeTps - 1)).toBeLessThan(0.1);
      expect(Math.abs(got.prefillTps / truth.prefillTps - 1)).toBeLessThan(0.1);
      // the spec table alone is far off on this machine: the calibration is what closes the gap
      expect(spec.decodeTps / truth.decodeTps).toBeGreaterThan(1.5);
    }
  });
  it("takes the expert matmul rate from the MoE probe; without one, the spec rate scaled", () => {
    const k = (cal: Calibration) => constantsFromFigures(SPEED_CONSTANTS.cpu, cal.cpu, 1, undefined);
    const moe = work("qwen3-30b-a3b", "Q4_K_M", 512);
    const truth = predictCpu(TRUE, moe, 1, "avx512").prefillTps;
    const withProbe = predictCpu(k(syntheticCalibration()), moe, 1, "avx512").prefillTps;
    const without = predictCpu(k(syntheticCalibration("2026-01-02", BENCH_PLAN.filter((p) => p.id !== MOE_PROBE_ID))), moe, 1, "avx512").prefillTps;
    expect(Math.abs(withProbe / truth - 1)).toBeLessThan(0.05);
    expect(syntheticCalibration().cpu.expertsMeasured).toBe(true);
    expect(Math.abs(without / truth - 1)).toBeGreaterThan(0.2);
  });
  it("refuses an empty run list", () => {
    expect(() => deriveCpuFigures([], 1, SPEED_CONSTANTS.cpu, "avx512")).toThrow(/no bench runs/);
  });
});

describe("application", () => {
  const sizer = createSizer();
  const shape = shapeOf(findModel("llama-3.1-8b")!);
  const plain = cpuMachine(1, undefined, ["avx512f"]);
  const est = sizer.estimate(shape, "Q4_K_M", { ...DEFAULT_RUN_SETTINGS, ctx: 4096 }, plain);

  it("a calibrated machine's estimate says measured here (DATE), with the spec figure beside it", () => {
    const cal = syntheticCalibration("2026-01-02");
    const hw = parseHardware({ ...plain, calibration: cal });
    const s = estimateSpeed(shape, est, hw);
    const spec = estimateSpeed(shape, est, plain);
    expect(s.measured?.source).toBe("measured here (2026-01-02)");
    expect(s.measured?.specDecodeTps).toBeCloseTo(spec.decodeTps);
    expect(s.decodeTps).toBeLessThan(spec.decodeTps * 0.6);
    expect(speedJson(s).source).toBe("measured here (2026-01-02)");
    expect(speedLines(s).join("\n")).toMatch(/measured here \(2026-01-02\)[\s\S]*spec-table estimate/);
    expect(speedJson(spec).source).toBe("estimate");
  });
  it("a simulated machine never uses a calibration", () => {
    const hw = { ...plain, simulated: true, calibration: syntheticCalibration() };
    expect(estimateSpeed(shape, est, hw).measured).toBeUndefined();
  });
  it("real runs move the estimate, the bench counting as BENCH_WEIGHT runs", () => {
    const obs = (m: number, e: number): Observation => ({ runtime: "ollama", model: "x", placement: "cpu", decodeTps: m, estDecodeTps: e, prefillTps: m, estPrefillTps: e, at: "t" });
    const one = learnedFactors([obs(2, 1)]);
    expect(one.decode).toBeCloseTo(2 ** (1 / (BENCH_WEIGHT + 1)));
    expect(learnedFactors([{ ...obs(2, 1), placement: "gpu" }]).decodeRuns).toBe(0);
    const cal = { ...syntheticCalibration(), observations: [obs(2, 1), obs(2, 1)] };
    const hw = { ...plain, calibration: cal };
    const before = calibratedCpuConstants(hw, { learned: false })!;
    const after = calibratedCpuConstants(hw)!;
    expect(after.bytesPerSecPerThread / before.bytesPerSecPerThread).toBeCloseTo(2 ** (2 / (BENCH_WEIGHT + 2)));
    expect(estimateSpeed(shape, est, hw).measured?.source).toBe("measured here (2026-01-02, + 2 real runs)");
  });
});

describe("sparse model", () => {
  it("writes a GGUF that is a hole but for its header (dense) and the router rows (MoE)", () => {
    const d = tmp();
    const m = sparseModel("llama-3.2-1b", "Q4_K_M");
    const size = writeSparseModel(m, join(d, "a.gguf"));
    expect(size).toBeGreaterThan(700e6);
    expect(readFileSync(join(d, "a.gguf")).subarray(0, 4).toString()).toBe("GGUF");
    expect(() => sparseModel("no-such-model", "Q4_K_M")).toThrow(/not a language model/);
  });
});
