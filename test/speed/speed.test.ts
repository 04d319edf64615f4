import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { simulateHardware } from "../../src/hardware/simulate.js";
import { findModel, shapeOf } from "../../src/models/catalog.js";
import type { ModelShape } from "../../src/models/shape.js";
import { cpuMachine, fitSpeedConstants, predictCpuRows, predictPublishedRows } from "../../src/speed/calibration.js";
import { SPEED_CONSTANTS } from "../../src/speed/constants.js";
import { estimateSpeed, gpuFigures, gpuPartWork, speedJson, speedLines } from "../../src/speed/estimate.js";
import { fitNonNegative } from "../../src/speed/fit.js";
import { parseCpuMeasurements, parseCsv, parsePublished } from "../../src/speed/measurements.js";
import { DEQUANT_FAMILIES, DEVICE_CLASSES, LAUNCH_GROUPS, decodeGroup, expertKernel, gpuDecodeFeatures, gpuDecodeSeconds, launchGroup, prefillGroup, type SpeedConstants } from "../../src/speed/model.js";
import { crossValidate, summarize } from "../../src/speed/validation.js";
import { CATALOG } from "../../src/models/catalog.js";
import { activationBytesPerLayer, expertsHit, kvReadPerLayer, promptMatmulFlops, tokenTraffic } from "../../src/speed/traffic.js";
import { parseQuantName } from "../../src/sizing/quant-mix.js";
import { createSizer } from "../../src/sizing/search.js";
import { DEFAULT_RUN_SETTINGS } from "../../src/sizing/types.js";
import { typedTensors } from "../../src/sizing/weights.js";

function shape(id: string): ModelShape {
  const e = findModel(id);
  if (!e) throw new Error(`no ${id}`);
  return shapeOf(e);
}

/** Ideal hardware: full spec bandwidth, no per-layer cost, so results are checkable by hand. */
const IDEAL: SpeedConstants = {
  cpu: { bytesPerSecPerThread: 10e9, secPerWeightPerThread: 0, secPerLayer: 0, prefillFlopsPerThread: { f16: 1e11, q8: 1e11, quant: 1e11 }, prefillExpertFlopsPerThread: 1e11, prefillSimdFactor: { avx512: 1, avx2: 1, neon: 1 }, prefillSecPerSsmElemPerThread: { mamba1: 0, mamba2: 0 }, ramEfficiency: 1 },
  gpu: {
    bandwidthEfficiency: Object.fromEntries(DEVICE_CLASSES.map((c) => [c, 1])) as SpeedConstants["gpu"]["bandwidthEfficiency"],
    dequantFlopsPerWeight: Object.fromEntries(DEQUANT_FAMILIES.map((f) => [f, 0])) as SpeedConstants["gpu"]["dequantFlopsPerWeight"],
    expertGatherFactor: Object.fromEntries(LAUNCH_GROUPS.map((l) => [l, 0])) as SpeedConstants["gpu"]["expertGatherFactor"],
    secPerMoeLayer: 0,
    secPerLayer: Object.fromEntries(LAUNCH_GROUPS.map((l) => [l, 0])) as SpeedConstants["gpu"]["secPerLayer"],
    secPerToken: Object.fromEntries(LAUNCH_GROUPS.map((l) => [l, 0])) as SpeedConstants["gpu"]["secPerToken"],
    matrixEfficiency: Object.fromEntries(LAUNCH_GROUPS.map((l) => [l, { f16: 1, bf16: 1, quant: 1 }])) as SpeedConstants["gpu"]["matrixEfficiency"],
    secPerLayerClass: Object.fromEntries(DEVICE_CLASSES.map((c) => [c, 0])) as SpeedConstants["gpu"]["secPerLayerClass"],
    trafficFactor: Object.fromEntries(LAUNCH_GROUPS.map((l) => [l, 0])) as SpeedConstants["gpu"]["trafficFactor"],
    expertMatmulFactor: 1,
    attentionFactor: 1,
    matrixClassFactor: Object.fromEntries(DEVICE_CLASSES.map((c) => [c, 0])) as SpeedConstants["gpu"]["matrixClassFactor"],
    expertKernelFactor: 1,
    promptReadFactor: 0,
    activationFactor: 0,
    joulesPerFlop: 0,
    appleEarlyFactor: 0,
    rocblasGfx1151Factor: 0,
  },
  ranges: {},
};
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const settings = { ...DEFAULT_RUN_SETTINGS, ctx: 4096 };

describe("decode is bandwidth-bound", () => {
  const s = shape("llama-2-7b");
  const hw = simulateHardware("RTX 3070"); // 448 GB/s
  const est = createSizer().estimate(s, "Q4_K_M", settings, hw);
  const t = tokenTraffic(s, typedTensors(s, "Q4_K_M"));
  const weightBytes = sum(t.layerBytes) + t.outputBytes;

  it("a 7B Q4_K_M (≈4.1 GB read per token) on a 448 GB/s GPU: 448 / 4.1 × efficiency", () => {
    expect(est.placement.verdict).toBe("gpu");
    // Q4_K_M of Llama 2 7B: 3.80 GiB file (TheBloke's card), minus the gathered token embedding
    expect(weightBytes / 1e9).toBeGreaterThan(3.8);
    expect(weightBytes / 1e9).toBeLessThan(4.1);
    const kv512 = sum(kvReadPerLayer(s, 512)); // 32 layers × 512 cells × 4096 × (K+V) × 2 bytes = 268 MB
    expect(kv512).toBe(32 * 512 * 4096 * 2 * 2);
    const sp = estimateSpeed(s, est, hw, { constants: IDEAL, contexts: [512] });
    expect(sp.decodeTps).toBeCloseTo(448e9 / (weightBytes + kv512), 6);
    const real = estimateSpeed(s, est, hw, { contexts: [512] });
    const [work] = gpuPartWork(s, est, hw, 512);
    expect(work!.bytes).toBe(weightBytes + kv512);
    expect(work!.layers).toBe(32);
    expect(real.decodeTps).toBeCloseTo(1 / gpuDecodeSeconds(SPEED_CONSTANTS.gpu, work!), 6);
    // under the spec bandwidth's ceiling, and not absurdly far below it
    expect(real.decodeTps).toBeLessThanOrEqual(448e9 / (weightBytes + kv512));
    expect(real.decodeTps).toBeGreaterThan(40);
  });

  it("the single-token steps of a micro-batch-1 prompt skip the output matrix (only the last token's logits are asked for)", () => {
    const [gen] = gpuPartWork(s, est, hw, 512);
    const [steps] = gpuPartWork(s, est, hw, 512, { logitsPerStep: false });
    expect(gen!.bytes - steps!.bytes).toBe(t.outputBytes);
    expect(gen!.weights - steps!.weights).toBe(t.outputParams);
    expect(steps!.last).toBe(true);
    const fast = estimateSpeed(s, est, hw, { constants: IDEAL, contexts: [512], logitsPerStep: false });
    expect(fast.decodeTps).toBeCloseTo(448e9 / (weightBytes - t.outputBytes + sum(kvReadPerLayer(s, 512))), 6);
  });

  it("is slower at a long context (the KV read grows), and reports 512 and 4096 (the trained max)", () => {
    const sp = estimateSpeed(s, est, hw);
    expect(sp.at.map((a) => a.ctx)).toEqual([512, 4096]);
    const [short, long] = sp.at;
    expect(long!.decodeTps).toBeLessThan(short!.decodeTps);
    expect(long!.prefillTps).toBeLessThan(short!.prefillTps);
    const j = speedJson(sp);
    expect(j.decode_tps).toBeCloseTo(sp.decodeTps, 0);
    expect(Object.keys(j)).toEqual(["decode_tps", "prefill_tps", "at", "decode_range", "prefill_range", "decode_bound", "prefill_bound", "source"]);
    expect(j.decode_range[0]).toBeLessThanOrEqual(j.decode_tps);
    expect(j.decode_range[1]).toBeGreaterThanOrEqual(j.decode_tps);
    expect(j.at[1]?.prefill_range[1]).toBeGreaterThanOrEqual(j.at[1]?.prefill_tps ?? Number.NaN);
  });

  it("prefill: 2 FLOPs per layer weight, the output matrix once per prompt (+ attention), over the matrix-engine rate", () => {
    const sp = estimateSpeed(s, est, hw, { constants: IDEAL, contexts: [512] });
    // RTX 3070: Ampere tensor cores, FP16 with FP16 accumulate = 4 × 20.31 TFLOPS FP32 (GA102 whitepaper ratio)
    expect(gpuFigures(hw.gpus[0]!).matrix).toBeCloseTo(81.24, 2);
    // only the last token's logits: the output matrix's FLOPs are shared by the 512 prompt tokens
    const flops = 2 * (t.activeParams - t.outputParams) + (2 * t.outputParams) / 512 + 32 * 2 * 32 * 256 * (128 + 128);
    expect(sp.prefillTps).toBeCloseTo(81.24e12 / flops, 3);
  });

  it("names the bounding term and gives a range around every tok/s", () => {
    const sp = estimateSpeed(s, est, hw);
    expect(["memory bandwidth", "dequant compute", "launch overhead", "expert gather"]).toContain(sp.decodeBound);
    expect(sp.prefillBound).toBe("matrix throughput");
    expect(sp.bound).toContain(sp.decodeBound);
    for (const a of sp.at) {
      expect(a.decodeRange.low).toBeLessThanOrEqual(a.decodeTps);
      expect(a.decodeRange.high).toBeGreaterThanOrEqual(a.decodeTps);
      expect(a.prefillRange.low).toBeLessThanOrEqual(a.prefillTps);
    }
    expect(speedLines(sp)[0]).toMatch(/\d tok\/s \(\d+(\.\d)?–\d+(\.\d)?\) decode/);
  });
});

describe("placement", () => {
  const s = shape("llama-3.1-8b");
  it("partial offload adds the GPU part and the CPU part, each at its own bandwidth", () => {
    const hw = { ...simulateHardware("RTX 3070"), memory: { ...simulateHardware("RTX 3070").memory } };
    const est = createSizer().estimate(s, "Q8_0", settings, hw);
    expect(est.placement.verdict).toBe("partial");
    const t = tokenTraffic(s, typedTensors(s, "Q8_0"));
    const onGpu = est.placement.layersOnGpu;
    const n = s.layers.length;
    const kv = kvReadPerLayer(s, 512);
    const gpuBytes = sum(t.layerBytes.slice(n - onGpu)) + sum(kv.slice(n - onGpu));
    const cpuBytes = sum(t.layerBytes.slice(0, n - onGpu)) + sum(kv.slice(0, n - onGpu)) + t.outputBytes;
    const threads = 8; // the simulated host
    const cpuBw = Math.min(threads * IDEAL.cpu.bytesPerSecPerThread, 76.8e9); // assumed dual-channel DDR5-4800
    const sp = estimateSpeed(s, est, hw, { constants: IDEAL, contexts: [512], threads });
    expect(sp.decodeTps).toBeCloseTo(1 / (gpuBytes / 448e9 + cpuBytes / cpuBw), 6);
    const cpuOnly = estimateSpeed(s, createSizer().estimate(s, "Q8_0", settings, hw, { device: "cpu" }), hw, { constants: IDEAL, contexts: [512], threads });
    expect(sp.decodeTps).toBeGreaterThan(cpuOnly.decodeTps);
  });

  it("two GPUs split the layers; each reads its own share at its own bandwidth (times add)", () => {
    const one = simulateHardware("RTX 3090");
    const two = simulateHardware(["RTX 3090", "RTX 3090"]);
    const big = shape("llama-3.1-70b");
    const e2 = createSizer().estimate(big, "Q4_K_M", settings, two);
    expect(e2.placement.verdict).toBe("gpu");
    const sp2 = estimateSpeed(big, e2, two, { constants: IDEAL, contexts: [512] });
    const t = tokenTraffic(big, typedTensors(big, "Q4_K_M"));
    const bytes = sum(t.layerBytes) + t.outputBytes + sum(kvReadPerLayer(big, 512));
    expect(sp2.decodeTps).toBeCloseTo(936.2e9 / bytes, 3);
    expect(one.gpus.length).toBe(1);
  });

  it("a shape read from a GGUF file (its own tensor list) gives the same speed as the catalog shape at that quantization", () => {
    const s = shape("llama-3.2-3b");
    const hw = simulateHardware("RTX 3070");
    const fromFile: ModelShape = { ...s, tensors: typedTensors(s, "Q8_0"), fileType: "Q8_0" };
    const sizer = createSizer();
    const a = estimateSpeed(s, sizer.estimate(s, "Q8_0", settings, hw), hw);
    const b = estimateSpeed(fromFile, sizer.estimate(fromFile, undefined, settings, hw), hw);
    expect(b.decodeTps).toBeCloseTo(a.decodeTps, 6);
    expect(b.prefillTps).toBeCloseTo(a.prefillTps, 6);
  });

  it("a GPU known only by name and VRAM (fit --gpu NAME --vram GB) takes its bandwidth from the spec table", () => {
    const s = shape("llama-3.2-3b");
    const hw = simulateHardware("RTX 3070");
    const g = hw.gpus[0]!;
    const bare = { ...hw, gpus: [{ index: 0, vendor: g.vendor, name: "RTX 3070", backend: g.backend, unified: false, vramTotalBytes: g.vramTotalBytes, vramFreeBytes: g.vramFreeBytes }] };
    const sizer = createSizer();
    const a = estimateSpeed(s, sizer.estimate(s, "Q4_K_M", settings, hw), hw);
    const b = estimateSpeed(s, sizer.estimate(s, "Q4_K_M", settings, bare), bare);
    expect(b.decodeTps).toBeCloseTo(a.decodeTps, 6);
  });

  it("MoE decode reads only the used experts", () => {
    const moe = shape("qwen3-30b-a3b");
    const t = tokenTraffic(moe, typedTensors(moe, "Q4_K_M"));
    // 3.3 B active of 30.5 B (Qwen3 model card): the weights read per token are about a tenth of the file
    expect(t.activeParams / 1e9).toBeGreaterThan(2.9);
    expect(t.activeParams / 1e9).toBeLessThan(3.4);
  });

  it("CPU threads: more threads are faster until the RAM bandwidth caps decode", () => {
    const small = shape("llama-3.2-1b");
    const hw2 = cpuMachine(2, 76.8);
    const est = createSizer().estimate(small, "Q4_K_M", settings, hw2, { device: "cpu" });
    const t2 = estimateSpeed(small, est, hw2, { threads: 2, contexts: [512] }).decodeTps;
    const t8 = estimateSpeed(small, est, hw2, { threads: 8, contexts: [512] }).decodeTps;
    const t64 = estimateSpeed(small, est, hw2, { threads: 64, contexts: [512] }).decodeTps;
    expect(t8).toBeGreaterThan(t2);
    expect(t64 / t8).toBeLessThan(64 / 8);
  });
});

describe("calibration", () => {
  const cpu = parseCpuMeasurements(readFileSync("data/speed/cpu-measurements.csv", "utf8"));
  const pub = parsePublished(readFileSync("data/speed/gpu-published.csv", "utf8"));
  const median = (xs: number[]): number => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)] ?? Number.NaN;
  };

  const validation = crossValidate(cpu, pub);

  it("the committed constants are the refit of the committed tables (within 2 %; scripts/fit-speed-constants.mjs)", () => {
    const fitted = { ...fitSpeedConstants(cpu, pub).constants, ranges: validation.ranges };
    const leaves = (v: unknown, path: string, out: Map<string, number>): Map<string, number> => {
      if (typeof v === "number") out.set(path, v);
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) leaves(x, `${path}.${k}`, out);
      return out;
    };
    const want = leaves(fitted, "", new Map());
    const have = leaves(SPEED_CONSTANTS, "", new Map());
    expect([...have.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [k, b] of want) {
      const a = have.get(k) ?? Number.NaN;
      if (Math.abs(b) < 1e-30) expect(Math.abs(a), k).toBeLessThan(1e-30);
      else expect(Math.abs(a - b) / Math.abs(b), `${k}: committed ${a}, refit ${b}`).toBeLessThan(0.02);
    }
  });

  it("held-out (leave-one-source-out) error stays in the band the bench reports: catches a broken model, not a target", () => {
    for (const test of ["decode", "prefill"] as const) {
      const s = summarize(validation.rows.filter((r) => r.test === test).map((r) => r.errorPct));
      expect(s.n).toBeGreaterThan(60);
      expect(s.median).toBeLessThan(40);
    }
    // every backend with held-out rows has a range, and each range contains 1
    for (const b of ["cpu", "cuda", "metal", "rocm", "vulkan"] as const) {
      const r = validation.ranges[b];
      expect(r, b).toBeDefined();
      expect(r!.decode[0]).toBeLessThanOrEqual(1);
      expect(r!.decode[1]).toBeGreaterThanOrEqual(1);
    }
  });

  it("reproduces this machine's CPU measurements: median |error| under 12 %, every row within ±75 %", () => {
    const rows = predictCpuRows(cpu, SPEED_CONSTANTS);
    expect(rows.length).toBeGreaterThanOrEqual(14);
    for (const test of ["decode", "prefill"]) {
      const errs = rows.filter((r) => r.test === test).map((r) => Math.abs(r.errorPct));
      expect(median(errs)).toBeLessThan(12);
    }
    for (const r of rows) expect(Math.abs(r.errorPct), r.label).toBeLessThan(75);
  });

  it("every published row is estimated (the catalog has its model, the spec table its device)", () => {
    const rows = predictPublishedRows(pub, SPEED_CONSTANTS);
    expect(rows.length).toBe(pub.length);
    expect(median(rows.map((r) => Math.abs(r.errorPct)))).toBeLessThan(35);
  });

  it("no estimate exceeds the device's physical peak: spec bandwidth for decode, the prompt engine's FLOPS for prefill", () => {
    const sizer = createSizer();
    const models = CATALOG.filter((e): e is Exclude<typeof e, { kind: "diffusion" }> => e.kind !== "diffusion").filter((_, i) => i % 12 === 0);
    for (const name of ["RTX 3090", "Apple M2 Ultra", "Radeon RX 7900 XTX", "DGX Spark", "Tesla P40", "MI50"]) {
      const hw = simulateHardware(name, { ramGb: 256 });
      const g = hw.gpus[0]!;
      const { bw, matrix, int8 } = gpuFigures(g);
      for (const e of models) {
        const sh = shapeOf(e);
        const est = sizer.estimate(sh, "Q4_K_M", settings, hw);
        if (est.placement.verdict !== "gpu") continue;
        const sp = estimateSpeed(sh, est, hw, { contexts: [512] });
        const [w] = gpuPartWork(sh, est, hw, 512);
        expect(sp.decodeTps, `${name} ${e.id}`).toBeLessThanOrEqual((bw * 1e9) / w!.bytes + 1e-9);
        // quantized prompts on DP4A parts (P40, MI50) run on the INT8 engine, faster than their vector rate
        const engine = Math.max(matrix, int8);
        expect(sp.prefillTps, `${name} ${e.id}`).toBeLessThanOrEqual((engine * 1e12) / (w!.denseFlops + w!.expertFlops + w!.attnFlops) + 1e-9);
      }
    }
  });

  it("every published row names its source", () => {
    for (const r of pub) expect(r.source_url).toMatch(/^https:\/\/github\.com\//);
  });
});

describe("pieces", () => {
  it("parses quoted CSV fields", () => {
    expect(parseCsv('a,b\n1,"x, ""y"""\n')).toEqual([["a", "b"], ["1", 'x, "y"']]);
  });
  it("non-negative least squares recovers exact coefficients", () => {
    const obs = [1, 2, 3, 5].map((a) => ({ features: [a, 1], time: 2 * a + 0.5 }));
    const f = fitNonNegative(obs, 2);
    expect(f.x[0]).toBeCloseTo(2, 9);
    expect(f.x[1]).toBeCloseTo(0.5, 9);
  });
  it("non-negative least squares clamps a coefficient the data would make negative, and fits the rest", () => {
    // time = 3a − 0.2b: the best non-negative answer drops b and refits a alone
    const obs = [1, 2, 3, 4].map((a) => ({ features: [a, a % 2], time: 3 * a - 0.2 * (a % 2) }));
    const f = fitNonNegative(obs, 2);
    expect(f.x[1]).toBe(0);
    expect(f.x[0]).toBeGreaterThan(2.8);
    expect(f.x[0]).toBeLessThan(3);
  });
});

describe("prefill terms", () => {
  it("a micro-batch reads each expert it routes to: all 128 of a top-8 model at 512 tokens, 8 at one token", () => {
    expect(expertsHit(128, 8, 512)).toBeCloseTo(128, 6);
    expect(expertsHit(128, 8, 1)).toBeCloseTo(8, 9);
    expect(expertsHit(128, 8, 16)).toBeLessThan(128 * 0.7);
    expect(expertsHit(0, 0, 512)).toBe(0);
  });

  it("the output matrix counts once per prompt", () => {
    expect(promptMatmulFlops(1e9, 2e8, 1)).toBe(2 * 1e9 + 2 * 2e8);
    expect(promptMatmulFlops(1e9, 2e8, 512)).toBeCloseTo(2 * 1e9 + (2 * 2e8) / 512, 0);
  });

  it("SYCL prompts run the reordered group's GEMMs; HIP F16/BF16 experts run one GEMM each", () => {
    expect(prefillGroup("sycl-dmmv")).toBe("sycl");
    expect(prefillGroup("cuda")).toBe("cuda");
    expect(expertKernel("rocm", "bf16")).toBe("per-expert");
    expect(expertKernel("rocm", "quant")).toBe("grouped");
    expect(expertKernel("cuda", "bf16")).toBe("grouped");
  });

  it("a ROCm 6 build on Strix Halo whose GEMMs run rocBLAS's gfx1151 kernels (flag rocblas-gfx1151) prompts slower; decode and other backends are untouched", () => {
    const m = shape("llama-2-7b");
    const q = parseQuantName("Q4_0")!;
    const on = (backend: "rocm" | "vulkan") => {
      const base = simulateHardware("Radeon 8060S", { ramGb: 128 });
      return { ...base, backend, gpus: base.gpus.map((g) => ({ ...g, backend })) };
    };
    const hip = on("rocm");
    const est = createSizer().estimate(m, q, { ...DEFAULT_RUN_SETTINGS, ctx: 4096 }, hip);
    const opts = { contexts: [512], buildYear: 2025 };
    const plain = estimateSpeed(m, est, hip, opts);
    const flagged = estimateSpeed(m, est, hip, { ...opts, flags: ["rocblas-gfx1151"] });
    expect(SPEED_CONSTANTS.gpu.rocblasGfx1151Factor).toBeGreaterThan(0);
    expect(flagged.prefillTps).toBeLessThan(plain.prefillTps * 0.8);
    expect(flagged.decodeTps).toBeCloseTo(plain.decodeTps, 6);
    const vk = on("vulkan");
    const vest = createSizer().estimate(m, q, { ...DEFAULT_RUN_SETTINGS, ctx: 4096 }, vk);
    expect(estimateSpeed(m, vest, vk, { ...opts, flags: ["rocblas-gfx1151"] }).prefillTps).toBeCloseTo(estimateSpeed(m, vest, vk, opts).prefillTps, 6);
  });

  it("Vulkan on NVIDIA Turing prompts with the KHR coopmat1 group and decodes with vulkan-nv's kernels", () => {
    expect(launchGroup("vulkan", 2025, "nvidia", [], "rtx-2080-ti")).toBe("vulkan-nv-turing");
    expect(launchGroup("vulkan", 2025, "nvidia", [], "rtx-3090")).toBe("vulkan-nv");
    expect(launchGroup("cuda", 2025, "nvidia", [], "rtx-2080-ti")).toBe("cuda");
    expect(prefillGroup("vulkan-nv-turing")).toBe("vulkan");
    expect(decodeGroup("vulkan-nv-turing")).toBe("vulkan-nv");
    const m = shape("llama-3.2-3b");
    const base = simulateHardware("GeForce RTX 2080 Ti", { ramGb: 64 });
    const hw = { ...base, backend: "vulkan" as const, gpus: base.gpus.map((g) => ({ ...g, backend: "vulkan" as const })) };
    const [w] = gpuPartWork(m, createSizer().estimate(m, parseQuantName("Q4_K_M")!, { ...DEFAULT_RUN_SETTINGS, ctx: 4096 }, hw), hw, 512);
    expect(w!.group).toBe("vulkan-nv-turing");
    expect(gpuDecodeFeatures(w!)).toEqual(gpuDecodeFeatures({ ...w!, group: "vulkan-nv" }));
    // the prompt runs at the coopmat1 group's share of the tensor rate, below coopmat2's
    const k = SPEED_CONSTANTS.gpu.matrixEfficiency;
    expect(k.vulkan.quant).toBeLessThan(k["vulkan-nv"].quant);
  });

  it("a prompt token's activation bytes grow with the width while its FLOPs grow with its square, and only SYCL adds an F16 copy of quantized weights", () => {
    // per FLOP, a 1.1B model moves several times the activation bytes of an 8B one
    const perFlop = (id: string): number => {
      const m = shape(id);
      const t = tokenTraffic(m, typedTensors(m, parseQuantName("Q4_K_M")!));
      return activationBytesPerLayer(m).reduce((a, b) => a + b, 0) / promptMatmulFlops(t.activeParams - t.outputParams, t.outputParams, 512);
    };
    expect(perFlop("tinyllama-1.1b-chat")).toBeGreaterThan(1.5 * perFlop("llama-3.1-8b"));
    // Llama 3.1 8B, one layer: 6 × 4096 model-width values, Q/K/V and the attention output (2 × 32 + 2 × 8 heads of 128), 3 × 14336 FFN values; F32, written and read
    expect(activationBytesPerLayer(shape("llama-3.1-8b"))[0]).toBe(2 * 4 * (6 * 4096 + (2 * 32 + 2 * 8) * 128 + 3 * 14336));
    const m = shape("llama-2-7b");
    const q = parseQuantName("Q4_0")!;
    const on = (backend: "sycl" | "cuda", name: string) => {
      const base = simulateHardware(name, { ramGb: 64 });
      const hw = { ...base, backend, gpus: base.gpus.map((g) => ({ ...g, backend })) };
      const [w] = gpuPartWork(m, createSizer().estimate(m, q, { ...DEFAULT_RUN_SETTINGS, ctx: 4096 }, hw), hw, 512);
      return w!.activationBytes;
    };
    const act = activationBytesPerLayer(m).reduce((a, b) => a + b, 0);
    expect(on("cuda", "GeForce RTX 3090")).toBe(act);
    // SYCL: the weights again as F16, written and read once per 512-token micro-batch
    expect(on("sycl", "Arc B580")).toBeGreaterThan(act * 1.5);
  });

  it("an MoE prompt on ROCm in BF16 is named by its expert matmuls, and reads fewer expert bytes per token with a larger micro-batch", () => {
    const m = shape("qwen3-30b-a3b");
    const hwR = simulateHardware("Radeon 8060S", { ramGb: 128 });
    const hw = { ...hwR, backend: "rocm" as const, gpus: hwR.gpus.map((g) => ({ ...g, backend: "rocm" as const })) };
    const e = createSizer().estimate(m, parseQuantName("BF16")!, { ...DEFAULT_RUN_SETTINGS, ctx: 4096 }, hw);
    const [w512] = gpuPartWork(m, e, hw, 2048);
    const [w2048] = gpuPartWork(m, e, hw, 2048, { ubatch: 2048 });
    expect(w512!.expertKernel).toBe("per-expert");
    expect(w2048!.promptBytes).toBeLessThan(w512!.promptBytes / 3);
    expect(estimateSpeed(m, e, hw, { contexts: [512] }).prefillBound).toBe("expert matmuls");
  });
});
