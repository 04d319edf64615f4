import { describe, expect, it } from "vitest";
import { CATALOG } from "../../src/models/catalog.js";
import { parseFilterText } from "../../src/report/filter-text.js";
import { advise, createAdvisor, DEFAULT_VIEW } from "../../src/advice/advise.js";
import { simulateHardware } from "../../src/hardware/simulate.js";

describe("the report's text filter", () => {
  it("parses fields, size bounds and free words", () => {
    expect(parseFilterText("family:qwen3 license:Apache-2.0 cap:vision <14b >=3B coder")).toEqual({
      filter: { family: "qwen3", license: "apache-2.0", capability: "vision", maxParamsB: 14, minParamsB: 3 },
      words: ["coder"],
      problems: [],
    });
    expect(parseFilterText("kind:moe size<40 use:code")).toEqual({ filter: { kind: "moe", maxParamsB: 40, capability: "code" }, words: [], problems: [] });
  });

  it("names the unknown field, value or bound and lists the valid ones, instead of matching nothing", () => {
    expect(parseFilterText("foo:bar").problems).toEqual([
      'unknown filter field "foo": the fields are family: kind: license: cap: use:; size bounds are <14b, >=3b or size<8 (billions of parameters)',
    ]);
    expect(parseFilterText("<abc").problems).toEqual(['bad size bound "<abc": size bounds are <14b, >=3b or size<8 (billions of parameters)']);
    expect(parseFilterText("kind:nonsense").problems).toEqual(["unknown kind \"nonsense\": use one of dense, moe, ssm, hybrid, diffusion"]);
    expect(parseFilterText("cap:telepathy").problems[0]).toMatch(/^unknown capability "telepathy": use one of chat, /);
    expect(parseFilterText("family:").problems).toEqual(['"family:" has no value: write family:VALUE']);
  });

  it("narrows the recommendations by license and size like llmfit list", () => {
    const hw = simulateHardware("RTX 4090");
    const rec = advise(CATALOG, hw, createAdvisor(), { view: { ...DEFAULT_VIEW, text: "license:mit <20b" } });
    expect(rec.rows.length).toBeGreaterThan(0);
    for (const r of rec.rows) {
      expect(r.entry.license).toBe("mit");
      expect(r.entry.params.total).toBeLessThanOrEqual(20e9);
    }
  });
});
