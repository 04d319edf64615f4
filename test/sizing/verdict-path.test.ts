// The searches' verdict-only path (Sizer.verdict: no devices list, no reason in words) against the
// full estimate it stands for, over the whole catalog at every ladder quantization, on the hardware
// fixtures: a CPU-only box, one GPU, two GPUs, unified memory, a GPU too small for most models.
// The advice judged with the fast searches must also be the advice the full estimates give.
import { describe, expect, it } from "vitest";
import { advise, createAdvisor, DEFAULT_VIEW } from "../../src/advice/advise.js";
import { planningHardware, DEFAULT_POLICY } from "../../src/advice/policy.js";
import type { Hardware } from "../../src/hardware/types.js";
import { simulateHardware } from "../../src/hardware/simulate.js";
import { CATALOG, shapeOf } from "../../src/models/catalog.js";
import { createSizer, QUANT_LADDER, type Sizer } from "../../src/sizing/search.js";
import { DEFAULT_RUN_SETTINGS, type RunSettings } from "../../src/sizing/types.js";
import { desktopWithRtx3070, macbookM1 } from "../support/hardware.js";
import { gpu, machine } from "./hardware-fixture.js";

const MACHINES: readonly [string, Hardware][] = [
  ["CPU only, 16 GB", simulateHardware([], { ramGb: 16, cpu: "Intel Core i7-1165G7" })],
  ["RTX 3070 desktop", desktopWithRtx3070()],
  ["MacBook M1 (unified)", macbookM1()],
  ["2x RTX 3090", simulateHardware("2x RTX 3090", { ramGb: 128 })],
  ["4 GiB GPU, 8 GiB RAM", machine(8, [gpu(0, "small", 4)])],
];

const shapes = CATALOG.filter((e) => e.kind !== "diffusion").map((e) => ({ id: e.id, shape: shapeOf(e) }));

/** The sizer as it was before the fast path: every search answer read off a full estimate. */
function fullPathSizer(): Sizer {
  const inner = createSizer();
  return { weights: inner.weights, estimate: inner.estimate, verdict: (...args) => inner.estimate(...args).placement.verdict };
}

describe("the verdict-only path", () => {
  for (const [label, hw] of MACHINES) {
    it(`${label}: the same verdict as the full estimate, every model, quantization and setting`, () => {
      const sizer = createSizer();
      const planned = planningHardware(hw, DEFAULT_POLICY);
      let compared = 0;
      const verdicts = new Set<string>();
      for (const { id, shape } of shapes) {
        const settings: RunSettings[] = [
          { ...DEFAULT_RUN_SETTINGS, ctx: 256 },
          { ...DEFAULT_RUN_SETTINGS, ctx: Math.min(8192, shape.nCtxTrain) },
          { ...DEFAULT_RUN_SETTINGS, ctx: shape.nCtxTrain },
          { ...DEFAULT_RUN_SETTINGS, ctx: 8192, kvTypeK: "q8_0", kvTypeV: "q8_0" },
        ];
        for (const quant of QUANT_LADDER) {
          for (const s of settings) {
            for (const opts of [{}, { device: "cpu" as const }]) {
              const full = sizer.estimate(shape, quant, s, planned, opts).placement.verdict;
              expect(sizer.verdict(shape, quant, s, planned, opts), `${id} ${quant} ctx ${s.ctx} ${s.kvTypeK} ${opts.device ?? ""}`).toBe(full);
              verdicts.add(full);
              compared++;
            }
          }
        }
      }
      expect(compared).toBe(shapes.length * QUANT_LADDER.length * 8);
      // the machines reach more than one verdict each: the comparison is not between two "no"s
      expect(verdicts.size).toBeGreaterThan(1);
    });

    it(`${label}: the advice is the advice full estimates give`, () => {
      const fast = advise(CATALOG, hw, createAdvisor(createSizer()), { view: DEFAULT_VIEW });
      const full = advise(CATALOG, hw, createAdvisor(fullPathSizer()), { view: DEFAULT_VIEW });
      const facts = (r: (typeof fast.rows)[number]) => ({ id: r.entry.id, quant: r.quant, verdict: r.verdict, ctxMax: r.ctxMax, tps: r.tps, score: r.score, placement: r.estimate.placement, memory: r.estimate.memory });
      expect(fast.rows.map(facts)).toEqual(full.rows.map(facts));
      expect(fast.nearMisses).toEqual(full.nearMisses);
      expect(fast.best?.entry.id).toBe(full.best?.entry.id);
    });
  }
});
