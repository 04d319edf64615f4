// The advice sizes a shape once for all the entries that share it (a base and an instruct model):
// every row is what judging that model alone gives (adviseModel, `llmfit fit`'s path).
import { describe, expect, it } from "vitest";
import { advise, adviseModel, createAdvisor, DEFAULT_VIEW, type ModelRow } from "../../src/advice/advise.js";
import { simulateHardware } from "../../src/hardware/simulate.js";
import { CATALOG, type LlmEntry } from "../../src/models/catalog.js";
import { desktopWithRtx3070 } from "../support/hardware.js";

const facts = (r: ModelRow | undefined) =>
  r && { id: r.entry.id, quant: r.quant, settings: r.settings, verdict: r.verdict, ctxMax: r.ctxMax, tps: r.tps, tpsRange: r.tpsRange, usable: r.usable, quantWhy: r.quantWhy, score: r.score, placement: r.estimate.placement, memory: r.estimate.memory };

describe("entries that share a shape", () => {
  for (const [label, hw] of [["RTX 3070 desktop", desktopWithRtx3070()], ["CPU only, 16 GB", simulateHardware([], { ramGb: 16, cpu: "Intel Core i7-1165G7" })]] as const) {
    it(`${label}: each row is the model judged alone`, () => {
      const rec = advise(CATALOG, hw, createAdvisor(), { view: DEFAULT_VIEW });
      const alone = createAdvisor();
      const byShape = new Map<object, number>();
      for (const r of rec.rows) {
        byShape.set(r.shape, (byShape.get(r.shape) ?? 0) + 1);
        expect(facts(r), r.entry.id).toEqual(facts(adviseModel(r.entry as LlmEntry, hw, DEFAULT_VIEW, alone)));
      }
      // shapes are shared in the table: the per-shape sizing is exercised
      expect([...byShape.values()].some((n) => n > 1)).toBe(true);
      // and models the table has no row for have none alone either
      const shown = new Set(rec.rows.map((r) => r.entry.id));
      for (const e of CATALOG) if (e.kind !== "diffusion" && !shown.has(e.id) && rec.nearMisses.some((m) => m.entry.id === e.id)) expect(adviseModel(e, hw, DEFAULT_VIEW, alone), e.id).toBeUndefined();
    });
  }
});
