// One answer everywhere: for every machine of the matrix, the report (--json), `llmfit compare`
// (--json and text), `:LlmFit compare` (the host's command handler), `llmfit fit` and the prompt
// picker's rating name the same best model, quantization, verdict and tok/s — because they all
// render src/advice. The report's compare screen shows the same cells as `llmfit compare`.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createAdvisor, rateModel } from "../../src/advice/advise.js";
import type { CliCommand } from "../../src/cli/command.js";
import { compareCommand, formatTable } from "../../src/cli/compare.js";
import { fitCommand } from "../../src/cli/fit.js";
import { reportCommand } from "../../src/cli/report.js";
import { HANDLERS } from "../../src/host/handlers.js";
import { Session } from "../../src/host/session.js";
import { createLogger } from "../../src/log.js";
import { findModel, shapeOf } from "../../src/models/catalog.js";
import { detectHardware } from "../../src/hardware/detect.js";

async function run(cmd: CliCommand, args: string[]): Promise<{ code: number; out: string }> {
  let out = "";
  const code = await cmd.run(args, { stdout: (t) => void (out += t), stderr: () => undefined, isTty: false, env: process.env });
  return { code, out };
}

const Row = z.object({ id: z.string(), name: z.string(), quant: z.string(), ctx: z.number(), verdict: z.string(), decode_tps: z.number().optional() });
const ReportJson = z.object({ best: Row, models: z.array(Row) });
const CompareJson = z.object({ machines: z.array(z.object({ label: z.string(), best: Row })), rows: z.array(z.array(z.string())) });
const FitJson = z.object({ quant: z.string(), ctx: z.number(), verdict: z.string(), speed: z.object({ decode_tps: z.number() }).optional() });

/** The machines of issue 15: [label, hardware flags for report/fit, the same machine for compare]. */
const MACHINES: readonly { label: string; flags: string[]; compare: string[] }[] = [
  { label: "this machine", flags: [], compare: [] },
  { label: "T4", flags: ["--gpu", "T4", "--ram", "32", "--cpu", "Ryzen 7 5800X"], compare: ["--gpu", "T4", "--ram", "32", "--cpu", "Ryzen 7 5800X"] },
  { label: "RTX 3070", flags: ["--gpu", "RTX 3070", "--ram", "32", "--cpu", "Ryzen 7 5800X"], compare: ["--gpu", "RTX 3070", "--ram", "32", "--cpu", "Ryzen 7 5800X"] },
  { label: "RTX 4090", flags: ["--gpu", "RTX 4090", "--ram", "64", "--cpu", "Ryzen 9 7950X"], compare: ["--gpu", "RTX 4090", "--ram", "64", "--cpu", "Ryzen 9 7950X"] },
  { label: "Apple M1 8GB", flags: ["--gpu", "Apple M1 8GB"], compare: ["--gpu", "Apple M1 8GB"] },
  { label: "Apple M2 Max 64GB", flags: ["--gpu", "Apple M2 Max 64GB"], compare: ["--gpu", "Apple M2 Max 64GB"] },
  { label: "Intel iGPU laptop, 16 GB", flags: ["--gpu", "UHD Graphics G1 (Ice Lake)", "--cpu", "i5-1035G1", "--ram", "16"], compare: ["--gpu", "UHD Graphics G1 (Ice Lake)", "--cpu", "i5-1035G1", "--ram", "16"] },
  { label: "2-GPU box", flags: ["--gpu", "2x RTX 3090", "--ram", "128", "--cpu", "Ryzen 9 5950X"], compare: ["--gpu", "2x RTX 3090", "--ram", "128", "--cpu", "Ryzen 9 5950X"] },
];

/** A column of the compare table by its row label. */
function cell(rows: readonly (readonly string[])[], label: string, column: number): string | undefined {
  return rows.find((r) => r[0] === label)?.[column];
}

const tps1 = (x: number | undefined): string => (x === undefined ? "—" : x >= 100 ? String(Math.round(x)) : x.toFixed(1));

describe("one answer everywhere: the machine matrix × every view", () => {
  for (const m of MACHINES) {
    it(`${m.label}: report, compare, :LlmFit compare, fit and the picker agree`, async () => {
      const report = ReportJson.parse(JSON.parse((await run(reportCommand, ["--json", "--no-runtimes", ...m.flags])).out));
      const best = report.best;
      expect(report.models[0]).toEqual(best);

      const compare = CompareJson.parse(JSON.parse((await run(compareCommand, ["--json", ...m.compare])).out));
      const col = compare.machines[0]!;
      expect({ id: col.best.id, quant: col.best.quant, verdict: col.best.verdict, tps: col.best.decode_tps, ctx: col.best.ctx }).toEqual({
        id: best.id, quant: best.quant, verdict: best.verdict, tps: best.decode_tps, ctx: best.ctx,
      });
      expect(cell(compare.rows, "Best model", 1)).toBe(`${best.name} ${best.quant}`);
      expect(cell(compare.rows, "  its tok/s", 1)).toBe(tps1(best.decode_tps));

      // :LlmFit compare runs the same command inside the host; its text is the table --json carries.
      const painted = (await HANDLERS.command.run({ name: "compare", args: m.compare, width: 160, height: 40 }, new Session(createLogger(undefined)))) as { lines: string[] };
      expect(painted.lines).toEqual(formatTable(compare.rows).split("\n"));

      // llmfit fit BEST: the same quantization (picked the same way), verdict and tok/s.
      const fit = await run(fitCommand, [best.id, "--json", ...m.flags]);
      const f = FitJson.parse(JSON.parse(fit.out));
      expect({ quant: f.quant, ctx: f.ctx, verdict: f.verdict, tps: f.speed?.decode_tps }).toEqual({ quant: best.quant, ctx: best.ctx, verdict: best.verdict, tps: best.decode_tps });
      expect(fit.code).toBe(0);

      // …and so does every other model of the table, sampled across it.
      const sample = report.models.filter((_, i) => i < 4 || i % 40 === 0);
      for (const row of sample) {
        const g = FitJson.parse(JSON.parse((await run(fitCommand, [row.id, "--json", ...m.flags])).out));
        expect({ id: row.id, quant: g.quant, verdict: g.verdict, tps: g.speed?.decode_tps }).toEqual({ id: row.id, quant: row.quant, verdict: row.verdict, tps: row.decode_tps });
      }

      // The picker rates an installed model through the same advice.
      const entry = findModel(best.id);
      if (!entry || entry.kind === "diffusion") throw new Error(`${best.id} is not an LLM`);
      const hw = await machineFor(m.flags);
      const r = rateModel(shapeOf(entry), best.quant, best.ctx, hw, createAdvisor());
      expect({ verdict: r.verdict, tps: r.tps === undefined ? undefined : Math.round(r.tps * 10) / 10 }).toEqual({ verdict: best.verdict, tps: best.decode_tps });
    }, 240_000);
  }

  it("the report's compare screen shows the cells `llmfit compare` prints for the same machines", async () => {
    const session = new Session(createLogger(undefined));
    await session.report.snapshot({ runtimes: false });
    await session.report.act("compare", undefined, undefined, 160);
    const screen = (session.report as unknown as { screen: { kind: string; rows?: string[][] } }).screen;
    expect(screen.kind).toBe("compare");
    const cli = CompareJson.parse(JSON.parse((await run(compareCommand, ["--json"])).out));
    for (const label of ["Best model", "  its context", "  its tok/s", "Models that run"]) {
      expect(screen.rows?.find((r) => r[0] === label)).toEqual(cli.rows.find((r) => r[0] === label));
    }
  }, 240_000);
});

async function machineFor(flags: readonly string[]) {
  const get = (name: string) => flags.filter((_, i) => flags[i - 1] === name);
  const gpu = get("--gpu");
  const ram = get("--ram")[0];
  const cpu = get("--cpu")[0];
  return detectHardware({
    overrides: {
      ...(gpu.length === 1 ? { gpu: gpu[0] } : gpu.length > 1 ? { gpu } : {}),
      ...(ram !== undefined ? { ramGb: Number(ram) } : {}),
      ...(cpu !== undefined ? { cpu } : {}),
    },
  });
}
