// Judged rows kept on disk: a new process with the same code, catalog, machine and view gets
// exactly the advice a fresh advisor gives, sizing nothing; anything else about the key, or a
// damaged file, means judging afresh. The real CLI prints the same with and without the store.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { advise, createAdvisor, DEFAULT_VIEW, type ModelRow, type Recommendations } from "../../src/advice/advise.js";
import { defaultJudgedStore, judgedStore, storeKey } from "../../src/advice/judged-store.js";
import { DEFAULT_POLICY, planningHardware } from "../../src/advice/policy.js";
import type { Calibration } from "../../src/calibration/schema.js";
import { simulateHardware } from "../../src/hardware/simulate.js";
import { CATALOG, shapeOf } from "../../src/models/catalog.js";
import { createSizer, type Sizer } from "../../src/sizing/search.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "llmfit-judged-"));
  dirs.push(d);
  return d;
}

function countingSizer(): { sizer: Sizer; calls: () => number } {
  const inner = createSizer();
  let n = 0;
  return { sizer: { weights: inner.weights, estimate: (...args) => (n++, inner.estimate(...args)), verdict: (...args) => (n++, inner.verdict(...args)) }, calls: () => n };
}

/** Everything a view renders from a row. */
function facts(r: ModelRow) {
  return {
    id: r.entry.id, quant: r.quant, settings: r.settings, estimate: { quant: r.estimate.quant, settings: r.estimate.settings, memory: r.estimate.memory, placement: r.estimate.placement },
    verdict: r.verdict, ctxMax: r.ctxMax, tps: r.tps, tpsRange: r.tpsRange, usable: r.usable, quantWhy: r.quantWhy, score: r.score,
  };
}
function adviceFacts(rec: Recommendations) {
  return {
    rows: rec.rows.map(facts), best: rec.best && facts(rec.best), nearMisses: rec.nearMisses.map((m) => [m.entry.id, m.fix, m.needBytes]),
    considered: rec.considered, leftOut: rec.leftOut, warnings: rec.warnings,
  };
}

const machines = [
  simulateHardware("RTX 4090", { ramGb: 32 }),
  simulateHardware("Apple M1", { ramGb: 8 }),
  simulateHardware([], { ramGb: 16, cpu: "Intel Core i7-1165G7" }),
];

describe("judged rows on disk", () => {
  for (const hw of machines) {
    it(`a new advisor gets the same advice without sizing anything (${hw.gpus[0]?.name ?? "no GPU"})`, () => {
      const dir = tempDir();
      for (const view of [DEFAULT_VIEW, { ...DEFAULT_VIEW, ctx: 32768, kv: "q8_0" as const }]) {
        const fresh = advise(CATALOG, hw, createAdvisor(), { view });
        const first = advise(CATALOG, hw, createAdvisor(createSizer(), { store: judgedStore(dir, "stamp") }), { view });
        const { sizer, calls } = countingSizer();
        const again = advise(CATALOG, hw, createAdvisor(sizer, { store: judgedStore(dir, "stamp") }), { view: { ...view, sort: "speed" } });
        expect(calls()).toBe(0);
        expect(adviceFacts(first)).toEqual(adviceFacts(fresh));
        const resorted = advise(CATALOG, hw, createAdvisor(), { view: { ...view, sort: "speed" } });
        expect(adviceFacts(again)).toEqual(adviceFacts(resorted));
        // the shape a stored row hands the detail screen is the catalog's
        const row = again.rows[0]!;
        expect(row.shape).toEqual(shapeOf(row.entry));
      }
      expect(readdirSync(dir).filter((f) => f.endsWith(".json"))).toHaveLength(2);
    });
  }

  it("another stamp, machine, reserve, calibration or view is another key; the detection time is not", () => {
    const hw = planningHardware(machines[0]!, DEFAULT_POLICY);
    const base = storeKey("s", hw, "8192|f16|5");
    expect(storeKey("s", { ...hw, detectedAt: "2020-01-01T00:00:00Z", notes: ["x"] }, "8192|f16|5")).toBe(base);
    const others = [
      storeKey("t", hw, "8192|f16|5"),
      storeKey("s", hw, "4096|f16|5"),
      storeKey("s", planningHardware(machines[0]!, { ...DEFAULT_POLICY, reserveBytes: 4 * 1024 ** 3 }), "8192|f16|5"),
      storeKey("s", { ...hw, calibration: { date: "2026-01-02" } as unknown as Calibration }, "8192|f16|5"),
      storeKey("s", planningHardware(simulateHardware("RTX 4090", { ramGb: 64 }), DEFAULT_POLICY), "8192|f16|5"),
    ];
    for (const k of others) expect(k).not.toBe(base);
  });

  it("a file for another key, or a damaged one, is ignored, judged afresh and rewritten", () => {
    const dir = tempDir();
    const hw = machines[1]!;
    advise(CATALOG, hw, createAdvisor(createSizer(), { store: judgedStore(dir, "stamp") }));
    const [file] = readdirSync(dir);
    const path = join(dir, file!);
    const good = readFileSync(path, "utf8");
    const damaged = [
      good.slice(0, good.length / 2),
      good.replace('"format":1', '"format":0'),
      good.replace(/"score":[0-9.e+-]+/, '"score":"high"'),
      "",
    ];
    for (const text of damaged) {
      writeFileSync(path, text);
      const { sizer, calls } = countingSizer();
      const rec = advise(CATALOG, hw, createAdvisor(sizer, { store: judgedStore(dir, "stamp") }));
      expect(calls()).toBeGreaterThan(0);
      expect(adviceFacts(rec)).toEqual(adviceFacts(advise(CATALOG, hw, createAdvisor())));
      expect(readFileSync(path, "utf8")).toBe(good);
    }
    // the same file under another stamp's name: its own key does not match, so it is not used
    const other = judgedStore(dir, "another");
    expect(other.load(planningHardware(hw, DEFAULT_POLICY), "8192|f16|5").size).toBe(0);
  });

  it("keeps the 12 newest files", () => {
    const dir = tempDir();
    const order: string[] = [];
    for (let i = 0; i < 14; i++) {
      advise(CATALOG.slice(0, 12), machines[2]!, createAdvisor(createSizer(), { store: judgedStore(dir, `stamp${i}`) }));
      const added = readdirSync(dir).find((f) => !order.includes(f))!;
      order.push(added);
      const t = new Date(Date.UTC(2026, 0, 1, 0, i)); // written in this order, a minute apart
      utimesSync(join(dir, added), t, t);
    }
    expect(readdirSync(dir).sort()).toEqual(order.slice(2).sort());
  });

  it("is off in unbundled code and with LLMFIT_JUDGED_CACHE=off", () => {
    expect(defaultJudgedStore(tempDir(), {})).toBeUndefined();
    expect(defaultJudgedStore(tempDir(), { LLMFIT_JUDGED_CACHE: "off" })).toBeUndefined();
    expect(defaultJudgedStore(tempDir(), { LLMFIT_SHAPE_TABLES: "off" })).toBeUndefined();
  });
});

describe("the bundled CLI", () => {
  const cli = join(import.meta.dirname, "..", "..", "dist", "cli.js");
  const run = (args: string[], env: Record<string, string>) => {
    const r = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", env: { ...process.env, ...env, LLMFIT_CODE_CACHE: "off" } });
    expect(r.status, r.stderr).toBe(0);
    return r.stdout;
  };
  const flags = ["--no-runtimes", "--gpu", "RTX 3070", "--ram", "32", "--cpu", "AMD Ryzen 7 5800X", "--width", "160"];

  it("prints the same report from the store, from a fresh judgement and with the store off", () => {
    const cache = tempDir();
    const env = { XDG_CACHE_HOME: cache };
    const first = run(flags, env);
    const judged = join(cache, "llmfit", "judged");
    const files = readdirSync(judged);
    expect(files).toHaveLength(1);
    const stored = readFileSync(join(judged, files[0]!), "utf8");
    const second = run(flags, env);
    expect(second).toBe(first);
    // the second run judged nothing new, so it left the file as it was
    expect(readFileSync(join(judged, files[0]!), "utf8")).toBe(stored);
    expect(run(flags, { ...env, LLMFIT_JUDGED_CACHE: "off" })).toBe(first);
    const json = (s: string) => JSON.parse(s.replace(/"detectedAt": "[^"]*"/g, '"detectedAt": ""')) as unknown;
    expect(json(run([...flags, "--json"], env))).toEqual(json(run([...flags, "--json"], { ...env, LLMFIT_JUDGED_CACHE: "off" })));
  });
});
