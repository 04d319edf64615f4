import { describe, expect, it } from "vitest";
import { simulateHardware } from "../../src/hardware/simulate.js";
import type { DiffusionEntry } from "../../src/models/catalog-schema.js";
import { CATALOG, findModel } from "../../src/models/catalog.js";
import { diffusionFitJson, diffusionFitText, fitDiffusion } from "../../src/diffusion/fit.js";
import { diffusionOptionsFromFlags } from "../../src/diffusion/flags.js";
import { bytesPerParam, defaultDiffusionOptions, diffusionMemory } from "../../src/diffusion/memory.js";

function entry(id: string): DiffusionEntry {
  const e = findModel(id);
  if (!e || e.kind !== "diffusion") throw new Error(`no diffusion entry ${id}`);
  return e;
}
const GB = 1e9;
const opts = (e: DiffusionEntry, o: object = {}) => ({ ...defaultDiffusionOptions(e), ...o });

describe("weights per part", () => {
  it("every diffusion entry: the parts sum to the catalog total, at the shipped dtype", () => {
    const list = CATALOG.filter((e): e is DiffusionEntry => e.kind === "diffusion");
    expect(list.length).toBeGreaterThanOrEqual(8);
    for (const e of list) {
      const m = diffusionMemory(e, opts(e));
      expect(m.parts.reduce((a, p) => a + p.params, 0)).toBe(e.params.total);
      const shipped = e.pipeline.reduce((a, p) => a + p.params * (p.dtype === "fp32" ? 4 : p.dtype === "fp8" ? 1 : 2), 0);
      expect(m.denoiserBytes + m.encoderBytes + m.vaeBytes).toBe(shipped);
    }
  });
  it("FLUX.1 [dev]: 23.8 GB bf16 transformer (flux1-dev.safetensors), 9.5 GB T5-XXL; GGUF Q8_0 12.7 GB and Q4_K_S 6.8 GB (city96/FLUX.1-dev-gguf files)", () => {
    const e = entry("flux.1-dev");
    const bf16 = diffusionMemory(e, opts(e));
    expect(bf16.denoiserBytes / GB).toBeCloseTo(23.8, 1);
    expect(bf16.parts.find((p) => p.name.startsWith("T5"))!.bytes / GB).toBeCloseTo(9.52, 1);
    const q8 = diffusionMemory(e, opts(e, { dtype: "Q8_0" }));
    expect(q8.denoiserBytes / GB).toBeCloseTo(12.65, 1);
    const q4 = diffusionMemory(e, opts(e, { dtype: "Q4_K_S" }));
    expect(Math.abs(q4.denoiserBytes / GB - 6.81) / 6.81).toBeLessThan(0.03);
    expect(q4.vaeBytes).toBe(bf16.vaeBytes); // the VAE is never quantized
  });
  it("bytes per parameter", () => {
    expect(bytesPerParam("fp8")).toBe(1);
    expect(bytesPerParam("Q8_0")).toBe(34 / 32);
    expect(bytesPerParam("Q4_K_S")).toBe(144 / 256);
  });
});

describe("latent math", () => {
  it("FLUX at 1024×1024: (1024/16)² = 4096 image tokens + 512 T5 tokens", () => {
    const e = entry("flux.1-dev");
    const m = diffusionMemory(e, opts(e));
    expect(m.tokens).toBe(4096 + 512);
    expect(m.denoiserActivations).toBe(4608 * 3072 * 9 * 2);
  });
  it("Wan 2.1 at 832×480, 81 frames: 52 × 30 × (1 + 80/4) = 32,760 tokens", () => {
    const e = entry("wan2.1-t2v-14b");
    const m = diffusionMemory(e, opts(e));
    expect(m.latentFrames).toBe(21);
    expect(m.tokens).toBe(52 * 30 * 21);
  });
  it("resolution grows activations quadratically in the side", () => {
    const e = entry("stable-diffusion-xl-base-1.0");
    const a = diffusionMemory(e, opts(e, { width: 1024, height: 1024 })).denoiserActivations;
    const b = diffusionMemory(e, opts(e, { width: 2048, height: 2048 })).denoiserActivations;
    expect(b / a).toBeCloseTo(4, 6);
  });
});

describe("offload", () => {
  const e = entry("flux.1-dev");
  it("model offload: the peak is the largest part with its activations, not the sum", () => {
    const none = diffusionMemory(e, opts(e));
    const model = diffusionMemory(e, opts(e, { offload: "model" }));
    expect(none.peak).toBeCloseTo(none.denoiserBytes + none.encoderBytes + none.vaeBytes + Math.max(none.denoiserActivations, none.vaeActivations), 0);
    expect(model.peak).toBeCloseTo(Math.max(model.encoderBytes, model.denoiserBytes + model.denoiserActivations, model.vaeBytes + model.vaeActivations), 0);
    expect(model.peak).toBeLessThan(none.peak);
  });
  it("Wan 2.1 T2V-1.3B with model offload needs about 8 GB (Wan2.1 README: 'requires only 8.19 GB VRAM' with offloading)", () => {
    const w = entry("wan2.1-t2v-1.3b");
    const m = diffusionMemory(w, opts(w, { offload: "model" }));
    // the encoder alone (umT5-XXL, 5.7 B in bf16) is the peak part here
    expect(m.peak / GB).toBeGreaterThan(3);
    expect(m.peak / GB).toBeLessThan(12);
  });
});

describe("verdicts", () => {
  const e = entry("flux.1-dev");
  it("FLUX.1 [dev] in bf16 does not fit a 24 GB RTX 4090 with everything loaded; the first setting that fits is offered", () => {
    const f = fitDiffusion(e, {}, simulateHardware("RTX 4090"));
    expect(f.verdict).toBe("no");
    expect(f.suggestion).toBeDefined();
    expect(f.suggestion!.neededBytes).toBeLessThanOrEqual(f.availableBytes);
    expect(f.reason).toMatch(/fits with --/);
  });
  it("fits an 8 GB RTX 3070 only quantized and offloaded", () => {
    const f = fitDiffusion(e, {}, simulateHardware("RTX 3070"));
    expect(f.verdict).toBe("no");
    expect(f.suggestion?.options.dtype).toMatch(/^Q/);
    expect(f.suggestion?.options.offload).not.toBe("none");
  });
  it("text and JSON outputs", () => {
    const hw = simulateHardware("RTX 4090");
    const t = diffusionFitText(e, { dtype: "fp8", offload: "text-encoders" }, hw);
    expect(t).toContain("FLUX.1 [dev]");
    expect(t).toContain("transformer".slice(0, 0) + "denoiser");
    expect(t).toMatch(/^gpu: /m);
    const j = diffusionFitJson(e, {}, hw);
    expect(j.verdict).toBe("no");
    expect(j).toHaveProperty("suggestion.flags");
  });
  it("parses the fit flags", () => {
    expect(diffusionOptionsFromFlags({ res: "832x480", frames: "81", dtype: "fp8", "vae-tiling": true })).toEqual({ width: 832, height: 480, frames: 81, dtype: "fp8", vaeTiling: true });
    expect(() => diffusionOptionsFromFlags({ dtype: "int3" })).toThrow();
  });
});
