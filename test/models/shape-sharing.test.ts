// Catalog entries made from the same inputs share one shape (and with it the sizer's per-shape
// work); entries made from different inputs never do, and a shared shape is what a fresh build
// of any of its entries gives.
import { describe, expect, it } from "vitest";
import { CATALOG, shapeOf, type LlmEntry } from "../../src/models/catalog.js";
import { shapeKey } from "../../src/models/shape-key.js";

const llms = CATALOG.filter((e): e is LlmEntry => e.kind !== "diffusion");
const inputsOf = (e: LlmEntry) => JSON.stringify([e.kind, e.arch, e.hp, { total: e.params.total, active: e.params.active ?? e.params.total }]);

describe("shapes made from the same inputs", () => {
  it("are one object, and only then", () => {
    const byInputs = new Map<string, LlmEntry[]>();
    for (const e of llms) byInputs.set(inputsOf(e), [...(byInputs.get(inputsOf(e)) ?? []), e]);
    // the catalog has base and instruct pairs: the sharing is exercised
    expect([...byInputs.values()].some((g) => g.length > 1)).toBe(true);
    const seen = new Map<object, string>();
    for (const [inputs, group] of byInputs) {
      const shape = shapeOf(group[0]!);
      for (const e of group) expect(shapeOf(e), e.id).toBe(shape);
      expect(seen.get(shape), group[0]!.id).toBeUndefined();
      seen.set(shape, inputs);
    }
  });

  it("hold what a fresh build holds, and distinct inputs get distinct keys", () => {
    const keys = new Map<string, string>();
    for (const e of llms) {
      const copy = structuredClone(shapeOf(e));
      // a clone is a shape of its own: keyed by its whole content, equal in every field
      expect(copy, e.id).toEqual(shapeOf(e));
      const k = shapeKey(shapeOf(e));
      const prior = keys.get(k);
      if (prior !== undefined) expect(prior, e.id).toBe(inputsOf(e));
      keys.set(k, inputsOf(e));
      expect(shapeKey(copy)).not.toBe(k);
    }
  });
});
