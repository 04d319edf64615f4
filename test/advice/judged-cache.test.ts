// The advisor keeps every model it judged per machine and (context, KV type, minimum speed):
// another sort or filter of the same view picks among the same rows and sizes nothing, and a
// new context is judged afresh — with the same numbers a fresh advisor gives. Only the views used
// last are kept, so a long session does not keep the whole catalog for every view it showed.
import { describe, expect, it } from "vitest";
import { advise, createAdvisor, DEFAULT_VIEW, VIEWS_KEPT } from "../../src/advice/advise.js";
import { CATALOG } from "../../src/models/catalog.js";
import { simulateHardware } from "../../src/hardware/simulate.js";
import { createSizer, type Sizer } from "../../src/sizing/search.js";

function countingSizer(): { sizer: Sizer; calls: () => number } {
  const inner = createSizer();
  let n = 0;
  return {
    sizer: { weights: inner.weights, estimate: (...args) => (n++, inner.estimate(...args)), verdict: (...args) => (n++, inner.verdict(...args)) },
    calls: () => n,
  };
}

describe("judged models are kept per view", () => {
  const hw = simulateHardware("RTX 4090", { ramGb: 32 });

  it("sorting and filtering again size nothing and give the same rows", () => {
    const { sizer, calls } = countingSizer();
    const advisor = createAdvisor(sizer);
    const first = advise(CATALOG, hw, advisor, { view: DEFAULT_VIEW });
    const sized = calls();
    expect(sized).toBeGreaterThan(0);
    const byName = advise(CATALOG, hw, advisor, { view: { ...DEFAULT_VIEW, sort: "name" } });
    const qwen = advise(CATALOG, hw, advisor, { view: { ...DEFAULT_VIEW, text: "qwen", use: "code" } });
    expect(calls()).toBe(sized);
    expect(new Set(byName.rows)).toEqual(new Set(first.rows));
    for (const r of qwen.rows) expect(first.rows).toContain(r);
  });

  it("a new context is judged afresh, exactly as a fresh advisor judges it", () => {
    const { sizer, calls } = countingSizer();
    const advisor = createAdvisor(sizer);
    advise(CATALOG, hw, advisor, { view: DEFAULT_VIEW });
    const before = calls();
    const view = { ...DEFAULT_VIEW, ctx: 32768, kv: "q8_0" as const };
    const again = advise(CATALOG, hw, advisor, { view });
    expect(calls()).toBeGreaterThan(before);
    const fresh = advise(CATALOG, hw, createAdvisor(), { view });
    const facts = (r: (typeof fresh.rows)[number]) => [r.entry.id, r.quant, r.verdict, r.ctxMax, r.tps, r.score, r.estimate.memory.total];
    expect(again.rows.map(facts)).toEqual(fresh.rows.map(facts));
    expect(again.nearMisses.map((m) => m.fix)).toEqual(fresh.nearMisses.map((m) => m.fix));
  });

  it(`keeps the ${VIEWS_KEPT} views used last: an older one is judged again, with the same rows`, () => {
    const { sizer, calls } = countingSizer();
    const advisor = createAdvisor(sizer);
    const views = [4096, 8192, 16384, 32768].map((ctx) => ({ ...DEFAULT_VIEW, ctx }));
    expect(views.length).toBe(VIEWS_KEPT + 1);
    const first = advise(CATALOG, hw, advisor, { view: views[0]! });
    for (const view of views.slice(1, VIEWS_KEPT)) advise(CATALOG, hw, advisor, { view });
    // the first view is still kept, and using it makes it the newest
    let n = calls();
    advise(CATALOG, hw, advisor, { view: views[0]! });
    expect(calls()).toBe(n);
    // one more view drops the one used longest ago (views[1]), not the first
    advise(CATALOG, hw, advisor, { view: views[VIEWS_KEPT]! });
    n = calls();
    advise(CATALOG, hw, advisor, { view: views[0]! });
    expect(calls()).toBe(n);
    const again = advise(CATALOG, hw, advisor, { view: views[1]! });
    expect(calls()).toBeGreaterThan(n);
    const fresh = advise(CATALOG, hw, createAdvisor(), { view: views[1]! });
    const facts = (r: (typeof fresh.rows)[number]) => [r.entry.id, r.quant, r.verdict, r.ctxMax, r.tps, r.score, r.estimate.memory.total];
    expect(again.rows.map(facts)).toEqual(fresh.rows.map(facts));
    expect(first.rows.length).toBeGreaterThan(0);
  });
});
