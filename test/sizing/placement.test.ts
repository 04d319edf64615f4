import { describe, expect, it } from "vitest";
import { bestQuant, createSizer, largestContext, ON_GPU } from "../../src/sizing/search.js";
import { referenceShape } from "../../src/sizing/reference-shapes.js";
import { DEFAULT_RUN_SETTINGS } from "../../src/sizing/types.js";
import type { ModelShape } from "../../src/models/shape.js";
import { gpu, machine } from "./hardware-fixture.js";

const sizer = createSizer();
const llama8b = referenceShape("llama-3.1-8b") as ModelShape;
const s = { ...DEFAULT_RUN_SETTINGS, ctx: 8192 };

describe("placement", () => {
  it("puts a Q4_K_M 8B all on a 24 GiB GPU and adds the CUDA overhead", () => {
    const e = sizer.estimate(llama8b, "Q4_K_M", s, machine(64, [gpu(0, "RTX 4090", 23)]));
    expect(e.placement.verdict).toBe("gpu");
    expect(e.placement.layersOnGpu).toBe(32);
    expect(e.memory.overhead).toBeGreaterThan(0);
    expect(e.memory.total).toBe(e.memory.weights + e.memory.kv + e.memory.recurrent + e.memory.compute + e.memory.output + e.memory.overhead);
  });
  it("offloads part of an F16 8B to an 8 GiB GPU", () => {
    const e = sizer.estimate(llama8b, "F16", s, machine(64, [gpu(0, "RTX 3070", 8)]));
    expect(e.placement.verdict).toBe("partial");
    expect(e.placement.layersOnGpu).toBeGreaterThan(5);
    expect(e.placement.layersOnGpu).toBeLessThan(32);
    expect(e.placement.reason).toMatch(/layers on RTX 3070/);
  });
  it("splits layers across two GPUs by free memory", () => {
    const e = sizer.estimate(llama8b, "F16", s, machine(64, [gpu(0, "A", 12), gpu(1, "B", 12)]));
    expect(e.placement.verdict).toBe("gpu");
    const layers = e.placement.devices.filter((d) => d.device !== "cpu").map((d) => d.layers);
    expect(layers).toEqual([16, 16]);
  });
  it("runs on the CPU without a GPU, and says when nothing fits", () => {
    expect(sizer.estimate(llama8b, "Q4_K_M", s, machine(16)).placement.verdict).toBe("cpu");
    const no = sizer.estimate(llama8b, "F16", s, machine(8));
    expect(no.placement.verdict).toBe("no");
    expect(no.placement.reason).toMatch(/RAM/);
  });
  it("uses the working set on unified memory", () => {
    const mac = machine(16, [gpu(0, "Apple M2", 10.7, { vendor: "apple", backend: "metal", unified: true })]);
    expect(sizer.estimate(llama8b, "Q4_K_M", s, mac).placement.verdict).toBe("gpu");
    expect(sizer.estimate(llama8b, "F16", s, mac).placement.verdict).not.toBe("gpu");
  });
});

describe("searches", () => {
  const hw = machine(64, [gpu(0, "RTX 4090", 23)]);
  it("finds the largest context that fits on the GPU", () => {
    const ctx = largestContext(sizer, llama8b, "Q4_K_M", s, hw, ON_GPU);
    expect(ctx).toBeDefined();
    const at = (c: number) => sizer.estimate(llama8b, "Q4_K_M", { ...s, ctx: c }, hw).placement.verdict;
    expect(at(ctx ?? 0)).toBe("gpu");
    if ((ctx ?? 0) < llama8b.nCtxTrain) expect(at((ctx ?? 0) + 256)).not.toBe("gpu");
  });
  it("finds the best quantization at a context", () => {
    expect(bestQuant(sizer, llama8b, s, hw, ON_GPU)).toBe("F16");
    expect(bestQuant(sizer, llama8b, s, machine(64, [gpu(0, "mid", 12)]), ON_GPU)).toBe("Q8_0");
    expect(bestQuant(sizer, llama8b, s, machine(64, [gpu(0, "small", 7)]), ON_GPU)).toBe("Q5_K_M");
  });
});
