// Did the machine hold its speed during the bench? The pure reading of the reference probe
// (src/calibration/steady.ts) on readings given by hand, and what the bench table then says.
import { describe, expect, it } from "vitest";
import { benchReport } from "../../src/calibration/describe.js";
import type { ProbeReading } from "../../src/calibration/run.js";
import type { Calibration } from "../../src/calibration/schema.js";
import { probeDrift, probeReference, probeSpread, UNSTEADY_LIMIT, unsteadyWarning } from "../../src/calibration/steady.js";

const p = (before: string, netSec: number, sec = netSec): ProbeReading => ({ before, sec, netSec });

describe("the reference probe", () => {
  it("spreads by the slowest over the fastest net reading, not the wall one", () => {
    expect(probeSpread([p("a", 0.035), p("b", 0.036), p("end", 0.042)])).toBeCloseTo(0.2, 12);
    // another process's wait is waits.ts's business: the wall reading is not the machine's drift
    expect(probeSpread([p("a", 0.035, 0.07), p("b", 0.035)])).toBe(0);
    expect(probeSpread([p("a", 0.035)])).toBe(0);
    expect(probeSpread([])).toBe(0);
  });

  it("takes the plan's reference as the geometric mean and the drift against it", () => {
    const ref = probeReference([p("a", 0.02), p("b", 0.08)]);
    expect(ref).toBeCloseTo(0.04, 12);
    expect(probeDrift(0.04, p("held", 0.05))).toBeCloseTo(0.25, 12);
    expect(probeDrift(0.04, p("held", 0.03))).toBeCloseTo(-0.25, 12);
    expect(probeReference([])).toBeUndefined();
  });

  it("warns past the limit only, in one line", () => {
    expect(unsteadyWarning(UNSTEADY_LIMIT * 0.9)).toBeUndefined();
    expect(unsteadyWarning(Number.NaN)).toBeUndefined();
    const w = unsteadyWarning(0.31);
    expect(w).toContain("31 %");
    expect(w).not.toContain("\n");
  });
});

describe("the bench table", () => {
  const cal: Calibration = {
    date: "2026-12-07",
    threads: 1,
    cpuBackend: "zen4",
    gpu: "false",
    runs: [{ id: "qwen3-0.6b", quant: "Q8_0", decodeTps: 30, prefillTps: 110, decodeWallTps: 29, prefillWallTps: 100, specDecodeTps: 35, specPrefillTps: 150 }],
    cpu: { bandwidthGBs: 38, secPerWeightPerThread: 5e-12, secPerLayer: 4e-4, prefillFlops: { f16: 4e10, q8: 1e11, quant: 1.1e11 }, measuredFamilies: ["q8"], prefillExpertFlops: 5e10 },
    seconds: 28.2,
    observations: [],
  };

  it("says how far the machine's speed moved, and warns when it moved too far", () => {
    expect(benchReport({ ...cal, probeSpread: 0.04 }, "/tmp/c.json")).toContain("The bench took 28 s here; the machine's speed moved 4 % during it (reference probe).");
    expect(benchReport({ ...cal, probeSpread: 0.04 }, "/tmp/c.json").some((l) => l.startsWith("Warning"))).toBe(false);
    const w = unsteadyWarning(0.3);
    const lines = benchReport({ ...cal, probeSpread: 0.3, ...(w ? { warning: w } : {}) }, "/tmp/c.json");
    expect(lines.filter((l) => l.startsWith("Warning: the machine's speed changed by 30 %"))).toHaveLength(1);
  });

  it("reads an older file (no probe) as before", () => {
    expect(benchReport(cal, "/tmp/c.json")).toContain("The bench took 28 s here.");
  });
});
