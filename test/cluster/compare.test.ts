// The report's compare screen, cluster part, and `llmfit fit MODEL --host … --json` state the same
// plan: the same hosts, the same bytes per host and the same decode tok/s. And setup's `cluster`
// option refuses a host or link the CLI would refuse, with one line.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fitCommand } from "../../src/cli/fit.js";
import { clusterFrom } from "../../src/cluster/cli.js";
import { clusterSection } from "../../src/cluster/compare.js";
import { parseConfig } from "../../src/config.js";
import { findModel, shapeOf } from "../../src/models/catalog.js";
import { renderReport } from "../../src/report/report.js";
import { createSizer } from "../../src/sizing/search.js";
import { DEFAULT_RUN_SETTINGS } from "../../src/sizing/types.js";
import { simulateHardware } from "../../src/hardware/simulate.js";

const HOSTS = ["RTX 3090", "RTX 3090@10.0.0.2", "Apple M2 Max 64GB@10.0.0.3"];

const FitJson = z.object({
  rpc: z.object({
    best: z.object({
      hosts: z.array(z.object({ name: z.string() })),
      main: z.object({ total: z.number(), freeBytes: z.number(), layers: z.number() }),
      devices: z.array(z.object({ host: z.string().optional(), layers: z.number(), output: z.boolean(), total: z.number() })),
      speed: z.array(z.object({ decode_tps: z.number() })),
    }),
  }),
});

async function fitJson(args: string[]): Promise<z.infer<typeof FitJson>> {
  let out = "";
  const code = await fitCommand.run(args, { stdout: (t) => (out += t), stderr: () => {}, isTty: false, env: {} });
  expect(code).toBe(0);
  return FitJson.parse(JSON.parse(out));
}

describe("the compare screen's cluster plan is `llmfit fit --host`'s", () => {
  for (const [id, quant, ctx] of [["llama-3.3-70b-instruct", "Q4_K_M", 8192], ["qwen2.5-32b-instruct", "Q5_K_M", 32768]] as const) {
    it(`${id} ${quant} at ${ctx} over 10gbe`, async () => {
      const entry = findModel(id);
      expect(entry).toBeDefined();
      if (!entry) return;
      const { hosts, link } = await clusterFrom({ host: HOSTS, link: "10gbe" });
      const screen = clusterSection({ modelName: entry.name, shape: shapeOf(entry), quant, settings: { ...DEFAULT_RUN_SETTINGS, ctx }, hosts, link, sizer: createSizer() });
      const cli = await fitJson([id, "--quant", quant, "--ctx", String(ctx), "--link", "10gbe", "--json", ...HOSTS.flatMap((h) => ["--host", h])]);
      const best = cli.rpc.best;
      expect(screen.hosts.map((h) => h.name)).toEqual(best.hosts.map((h) => h.name));
      for (const h of screen.hosts) {
        const devs = best.devices.filter((d) => d.host === h.name && (d.layers > 0 || d.output));
        expect(Math.abs(h.deviceBytes - devs.reduce((a, d) => a + d.total, 0))).toBeLessThan(devs.length + 1);
        if (h.main) expect(Math.abs(h.ramBytes - best.main.total)).toBeLessThan(1);
      }
      expect(Math.round((screen.decodeTps ?? 0) * 10) / 10).toBe(best.speed[0]?.decode_tps);
      // and the painted screen says it: each host's column and the plan's speed
      const hw = simulateHardware(["RTX 3090"]);
      const text = renderReport({ version: "t", hardware: hw, screen: { kind: "compare", rows: [["", "this machine"]], cluster: screen } }, { width: 160 }).lines.join("\n");
      for (const h of screen.hosts) expect(text).toContain(h.name);
      expect(text).toContain(`${(screen.decodeTps ?? 0) >= 100 ? (screen.decodeTps ?? 0).toFixed(0) : (screen.decodeTps ?? 0).toFixed(1)} tok/s decode`);
    });
  }
});

describe("setup's cluster option", () => {
  it("takes hosts in the --host grammar and a link preset", () => {
    const { config, problems } = parseConfig({ cluster: { hosts: HOSTS, link: "10gbe" } });
    expect(problems).toEqual([]);
    expect(config.cluster).toEqual({ hosts: HOSTS, link: "10gbe" });
  });
  it("refuses an unknown GPU, a bad option and an unknown link, one line each, and keeps the rest", () => {
    const bad = parseConfig({ cluster: { hosts: ["RTX 9999 Ultra"] }, log_level: "debug" });
    expect(bad.problems).toHaveLength(1);
    expect(bad.problems[0]).toMatch(/^option cluster\.hosts\.0: .*RTX 9999 Ultra/);
    expect(bad.config.log_level).toBe("debug");
    expect(parseConfig({ cluster: { hosts: ["RTX 3090, vram=3"] } }).problems[0]).toMatch(/unknown option "vram=3"/);
    expect(parseConfig({ cluster: { hosts: ["RTX 3090"], link: "carrier pigeon" } }).problems[0]).toMatch(/^option cluster\.link: a link is one of wifi, 1gbe/);
  });
});
