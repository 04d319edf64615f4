import { describe, expect, it } from "vitest";
import { LlmFitError } from "../../src/errors.js";
import { GPU_SPECS } from "../../src/hardware/gpu-specs.js";
import { GpuSpecRowSchema, tierOf } from "../../src/hardware/gpu-spec-schema.js";
import { GPU_SPEC_ROWS } from "../../src/hardware/gpu-specs.data.js";
import { matchGpu, nearestGpuNames, requireGpu } from "../../src/hardware/match.js";

describe("GPU spec table", () => {
  it("has at least 150 rows, unique ids, each citing a source", () => {
    expect(GPU_SPECS.length).toBeGreaterThanOrEqual(150);
    expect(new Set(GPU_SPECS.map((s) => s.id)).size).toBe(GPU_SPECS.length);
    for (const row of GPU_SPEC_ROWS) expect(GpuSpecRowSchema.safeParse(row).success).toBe(true);
    for (const s of GPU_SPECS) expect(s.source.length).toBeGreaterThan(10);
  });

  it("covers every family the issue names", () => {
    const ids = new Set(GPU_SPECS.map((s) => s.id));
    for (const id of [
      "gtx-1080-ti", "rtx-2080-ti", "rtx-3070", "rtx-4090", "rtx-5090", "rtx-3070-laptop", "rtx-4090-laptop", "rtx-5090-laptop",
      "tesla-k80", "tesla-p100-pcie-16gb", "tesla-v100-sxm2", "tesla-t4", "a10", "a100-pcie-40gb", "a100-sxm4-80gb", "l4", "l40s", "h100-pcie", "h100-sxm5", "h200-sxm", "b200",
      "rx-6800-xt", "rx-7900-xtx", "rx-9070-xt", "mi100", "mi210", "mi250x", "mi300x", "radeon-680m", "radeon-780m", "radeon-890m", "radeon-8060s",
      "arc-a770", "arc-b580", "iris-xe-96eu", "apple-m1", "apple-m1-ultra-64c", "apple-m2-max-38c", "apple-m3-ultra-80c", "apple-m4-max-40c",
    ]) expect(ids, id).toContain(id);
  });

  it("holds the comparison the project started from", () => {
    const row = (n: string) => requireGpu(n).spec;
    expect(row("Apple M1")).toMatchObject({ cores: 8, memoryGB: [8, 16], tier: "entry", unified: true });
    expect(row("Apple M1").fp32Tflops).toBeCloseTo(2.617, 2);
    expect(row("RTX 3070")).toMatchObject({ cores: 5888, fp32Tflops: 20.31, memoryGB: [8], tdpWatts: 220, tier: "performance" });
    expect(row("Tesla K80")).toMatchObject({ cores: 4992, fp32Tflops: 8.74, memoryGB: [24], tdpWatts: 300, devices: 2 });
    expect(row("Tesla T4")).toMatchObject({ cores: 2560, fp32Tflops: 8.141, fp16Tflops: 16.28, matrixTflops: 65.13, memoryGB: [16], tdpWatts: 70, tier: "mainstream" });
    expect(row("Tesla P100")).toMatchObject({ cores: 3584, fp32Tflops: 9.526, fp16Tflops: 19.05, memoryGB: [16], tdpWatts: 250, tier: "performance" });
  });

  it("tiers follow bandwidth, capped for small memory", () => {
    expect(tierOf(68, 16)).toBe("entry");
    expect(tierOf(320, 16)).toBe("mainstream");
    expect(tierOf(1008, 24)).toBe("high-end");
    expect(tierOf(3352, 80)).toBe("datacenter");
    expect(tierOf(484, 4)).toBe("mainstream");
  });
});

describe("matchGpu", () => {
  it.each([
    ["NVIDIA GeForce RTX 3070 Laptop GPU", "rtx-3070-laptop"],
    ["NVIDIA GeForce RTX 3070", "rtx-3070"],
    ["GeForce RTX 3070 Ti", "rtx-3070-ti"],
    ["NVIDIA GeForce RTX 4090 Laptop GPU", "rtx-4090-laptop"],
    ["NVIDIA GeForce RTX 2080 with Max-Q Design", "rtx-2080-laptop"],
    ["Tesla T4", "tesla-t4"],
    ["Tesla K80", "tesla-k80"],
    ["Tesla P100-PCIE-16GB", "tesla-p100-pcie-16gb"],
    ["Tesla V100-SXM2-32GB", "tesla-v100-sxm2"],
    ["Apple M1", "apple-m1"],
    ["Apple M1 Pro", "apple-m1-pro-16c"],
    ["Apple M3 Max", "apple-m3-max-40c"],
    ["AMD Radeon RX 7900 XTX", "rx-7900-xtx"],
    ["Radeon RX 7900 XT", "rx-7900-xt"],
    ["Intel(R) Iris(R) Xe Graphics", "iris-xe-96eu"],
    ["Intel(R) Arc(TM) A770 Graphics", "arc-a770"],
    ["NVIDIA H100 80GB HBM3", "h100-sxm5"],
    ["NVIDIA H100 PCIe", "h100-pcie"],
    ["NVIDIA A100-SXM4-40GB", "a100-sxm4-40gb"],
    ["NVIDIA A100 80GB PCIe", "a100-pcie-80gb"],
    ["NVIDIA L40S", "l40s"],
    ["AMD Radeon 780M Graphics", "radeon-780m"],
    ["AMD Instinct MI300X", "mi300x"],
    ["AMD Radeon Graphics 8060S", "radeon-8060s"],
  ])("%s → %s", (name, id) => {
    expect(matchGpu(name)?.spec.id).toBe(id);
  });

  it("never falls back from a variant to the base product", () => {
    expect(matchGpu("NVIDIA GeForce RTX 3090 Ti")?.spec.id).toBe("rtx-3090-ti");
    expect(matchGpu("GeForce RTX 4070 SUPER")?.spec.id).toBe("rtx-4070-super");
    expect(matchGpu("GeForce RTX 1234 Ti")).toBeUndefined();
  });

  it("reads memory variants and picks Apple core variants from a hint", () => {
    expect(matchGpu("Apple M1 8GB")).toMatchObject({ memoryGB: 8 });
    expect(matchGpu("Apple M1 Max", { cores: 24 })?.spec.id).toBe("apple-m1-max-24c");
    expect(matchGpu("Apple M3 Max 30-core GPU")?.spec.id).toBe("apple-m3-max-30c");
  });

  it("an unknown name is one line listing the three nearest known names", () => {
    let err: unknown;
    try {
      requireGpu("RTX 3071");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LlmFitError);
    const line = (err as LlmFitError).oneLine();
    expect(line).not.toContain("\n");
    expect(line).toMatch(/^unknown GPU "RTX 3071" — nearest known: .+, .+, .+$/);
    expect(nearestGpuNames("RTX 3071", 3)).toContain("GeForce RTX 3070");
  });
});
