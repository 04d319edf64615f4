// gpuPartTimes builds each feature vector once for the estimate; it must give exactly what the
// four separate functions give (the fit, vLLM's plan and the estimate share them), for constants
// that differ per object (a refit makes new ones; the unknowns are kept per constants object).
import { describe, expect, it } from "vitest";
import { simulateHardware } from "../../src/hardware/simulate.js";
import { findModel, shapeOf } from "../../src/models/catalog.js";
import { SPEED_CONSTANTS } from "../../src/speed/constants.js";
import { gpuPartWork } from "../../src/speed/estimate.js";
import { gpuDecodeSeconds, gpuDecodeTerms, gpuPartTimes, gpuPrefillSeconds, gpuPrefillTerms, type GpuConstants } from "../../src/speed/model.js";
import { createSizer } from "../../src/sizing/search.js";
import { DEFAULT_RUN_SETTINGS } from "../../src/sizing/types.js";

const GPUS = ["RTX 4090", "Apple M2", "RX 7900 XTX", "Arc A770", "H100 SXM5"];
const MODELS = ["llama-3.1-8b-instruct", "qwen3-30b-a3b", "gemma-3-27b-it"];

describe("gpuPartTimes", () => {
  it("gives what the separate decode and prompt functions give, part by part", () => {
    const sizer = createSizer();
    let parts = 0;
    for (const gpu of GPUS) {
      const hw = simulateHardware(gpu, { ramGb: 64 });
      for (const id of MODELS) {
        const entry = findModel(id);
        expect(entry, id).toBeDefined();
        const shape = shapeOf(entry!);
        const est = sizer.estimate(shape, "Q4_K_M", { ...DEFAULT_RUN_SETTINGS, ctx: 8192 }, hw);
        for (const ctx of [512, 32768]) {
          for (const w of gpuPartWork(shape, est, hw, ctx)) {
            parts++;
            const t = gpuPartTimes(SPEED_CONSTANTS.gpu, w);
            expect(t.decode).toBe(gpuDecodeSeconds(SPEED_CONSTANTS.gpu, w));
            expect(t.prefill).toBe(gpuPrefillSeconds(SPEED_CONSTANTS.gpu, w));
            expect(t.decodeTerms).toEqual(gpuDecodeTerms(SPEED_CONSTANTS.gpu, w));
            expect(t.prefillTerms).toEqual(gpuPrefillTerms(SPEED_CONSTANTS.gpu, w));
            expect(t.decode).toBeGreaterThan(0);
            expect(t.prefill).toBeGreaterThan(0);
          }
        }
      }
    }
    expect(parts).toBeGreaterThanOrEqual(GPUS.length * MODELS.length);
  });

  it("reads each constants object's own terms (kept per object, not once for all)", () => {
    const hw = simulateHardware("RTX 4090", { ramGb: 64 });
    const shape = shapeOf(findModel("llama-3.1-8b-instruct")!);
    const est = createSizer().estimate(shape, "Q4_K_M", { ...DEFAULT_RUN_SETTINGS, ctx: 8192 }, hw);
    const [w] = gpuPartWork(shape, est, hw, 512);
    const base = gpuPartTimes(SPEED_CONSTANTS.gpu, w!);
    const slow: GpuConstants = {
      ...SPEED_CONSTANTS.gpu,
      secPerLayer: Object.fromEntries(Object.entries(SPEED_CONSTANTS.gpu.secPerLayer).map(([k, v]) => [k, v + 1e-4])) as GpuConstants["secPerLayer"],
      attentionFactor: SPEED_CONSTANTS.gpu.attentionFactor * 2 + 1,
    };
    const other = gpuPartTimes(slow, w!);
    expect(other.decodeTerms.launch).toBeGreaterThan(base.decodeTerms.launch);
    expect(other.prefillTerms.attention).toBeGreaterThan(base.prefillTerms.attention);
    expect(other.decode).toBe(gpuDecodeSeconds(slow, w!));
    // and the first object's answer is unchanged by the second's
    expect(gpuPartTimes(SPEED_CONSTANTS.gpu, w!)).toEqual(base);
  });
});
