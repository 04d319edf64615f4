import { describe, expect, it } from "vitest";
import { LlmFitError } from "../../src/errors.js";
import { applyOverrides, parseOverrides } from "../../src/hardware/overrides.js";
import { HardwareSchema } from "../../src/hardware/schema.js";
import { simulateHardware } from "../../src/hardware/simulate.js";
import { GiB } from "../../src/hardware/units.js";

describe("simulateHardware", () => {
  it("Apple M1 8GB: unified, ≈5.3 GiB usable, Metal", () => {
    const hw = simulateHardware("Apple M1 8GB");
    expect(hw.simulated).toBe(true);
    expect(hw.backend).toBe("metal");
    expect(hw.memory.totalBytes.value).toBe(8 * GiB);
    expect(hw.gpus[0]?.vramFreeBytes.value! / GiB).toBeCloseTo(5.33, 2);
    expect(() => HardwareSchema.parse(hw)).not.toThrow();
  });

  it("T4, RTX 3070, K80 (two devices)", () => {
    expect(simulateHardware("T4").gpus[0]).toMatchObject({ backend: "cuda", vramTotalBytes: { value: 16 * GiB, source: "spec" } });
    expect(simulateHardware("RTX 3070").gpus[0]?.fp32Tflops?.value).toBe(20.31);
    const k80 = simulateHardware("Tesla K80");
    expect(k80.gpus.map((g) => g.vramTotalBytes.value)).toEqual([12 * GiB, 12 * GiB]);
    expect(k80.gpus.map((g) => g.index)).toEqual([0, 1]);
  });

  it("several names make one multi-GPU machine", () => {
    expect(simulateHardware(["RTX 3090", "RTX 3090"], { ramGb: 128 }).gpus).toHaveLength(2);
  });

  it("unknown names throw unknown_gpu", () => {
    expect(() => simulateHardware("Voodoo 5 6000")).toThrow(LlmFitError);
  });
});

describe("overrides", () => {
  const host = simulateHardware("RTX 3060", { ramGb: 32 });

  it("--vram and --ram replace figures, marked as override", () => {
    const hw = applyOverrides(host, parseOverrides({ vramGb: 10, ramGb: 64 }));
    expect(hw.gpus[0]?.vramTotalBytes).toMatchObject({ value: 10 * GiB, source: "override" });
    expect(hw.memory.totalBytes).toMatchObject({ value: 64 * GiB, source: "override" });
  });

  it("--gpu replaces the GPUs with the spec row; --unified shares RAM", () => {
    expect(applyOverrides(host, parseOverrides({ gpu: "RTX 4090" })).gpus[0]?.specId).toBe("rtx-4090");
    const uni = applyOverrides(host, parseOverrides({ unified: true }));
    expect(uni.gpus[0]).toMatchObject({ unified: true, vramTotalBytes: { value: 32 * GiB, source: "override" } });
  });

  it("bad values are one bad_args line; an unknown GPU names its neighbours", () => {
    expect(() => parseOverrides({ vramGb: -1 })).toThrow(/vramGb/);
    expect(() => parseOverrides({ vram: 8 })).toThrow(LlmFitError);
    expect(() => applyOverrides(host, parseOverrides({ gpu: "RTX 9999" }))).toThrow(expect.objectContaining({ code: "unknown_gpu", hint: expect.stringMatching(/^nearest known: /) }));
  });

  it("--vram with no GPU asks for --gpu", () => {
    const cpuOnly = { ...host, gpus: [] };
    expect(() => applyOverrides(cpuOnly, { vramGb: 8 })).toThrow(expect.objectContaining({ code: "bad_args", hint: expect.stringContaining("--gpu") }));
  });
});
