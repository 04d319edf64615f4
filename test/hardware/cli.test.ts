import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/command.js";
import { compareCommand, formatTable } from "../../src/cli/compare.js";
import { detectCommand } from "../../src/cli/detect.js";
import { LlmFitError } from "../../src/errors.js";
import { HardwareSchema } from "../../src/hardware/schema.js";

function io(): { io: CliIo; out: () => string } {
  let out = "";
  const env = { ...process.env, XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), "llmfit-cli-")) };
  return { io: { stdout: (t) => void (out += t), stderr: () => undefined, isTty: false, env }, out: () => out };
}

describe("llmfit detect", () => {
  it("--json prints a profile that parses with the documented schema", async () => {
    const c = io();
    expect(await detectCommand.run(["--json", "--refresh"], c.io)).toBe(0);
    const hw = HardwareSchema.parse(JSON.parse(c.out()));
    expect(hw.cpu.threads.value).toBeGreaterThan(0);
  });

  it("text output names CPU, memory, GPUs and the backend; overrides show as such", async () => {
    const c = io();
    await detectCommand.run(["--gpu", "RTX 3070", "--ram", "32"], c.io);
    expect(c.out()).toMatch(/^CPU {6}/m);
    expect(c.out()).toMatch(/^Memory {3}32\.0 GiB total \(override\)/m);
    expect(c.out()).toMatch(/^GPU 0 {4}GeForce RTX 3070 · 8\.0 GiB \(spec\)/m);
    expect(c.out()).toMatch(/^Backend  cuda/m);
  });

  it("bad flags are bad_args errors", async () => {
    await expect(detectCommand.run(["--vram", "lots"], io().io)).rejects.toMatchObject({ code: "bad_args" });
    await expect(detectCommand.run(["--frobnicate"], io().io)).rejects.toBeInstanceOf(LlmFitError);
    await expect(detectCommand.run(["--gpu", "RTX 3071"], io().io)).rejects.toMatchObject({ code: "unknown_gpu" });
  });
});

describe("llmfit compare", () => {
  it("prints the machines side by side", async () => {
    const c = io();
    await compareCommand.run(["--gpu", "T4", "--gpu", "RTX 3070", "--gpu", "Apple M1 8GB"], c.io);
    const lines = c.out().split("\n");
    expect(lines[0]).toMatch(/^\s+T4\s+RTX 3070\s+Apple M1 8GB$/);
    expect(c.out()).toMatch(/^Usable for models\s+16\.0 GiB\s+8\.0 GiB\s+5\.3 GiB$/m);
    expect(c.out()).toMatch(/^Bandwidth GB\/s\s+320\s+448\s+68$/m);
    expect(c.out()).toMatch(/^FP16 TFLOPS\s+16\.28\s+20\.31\s+2\.62$/m);
    expect(c.out()).toMatch(/^Cores\s+2560\s+5888\s+8$/m);
    expect(c.out()).toMatch(/^Power W\s+70\s+220\s+15$/m);
    expect(c.out()).toMatch(/^Tier\s+mainstream\s+performance\s+entry$/m);
  });

  it("--json gives one entry per machine with its tier, its best model, and the rows the table prints", async () => {
    const c = io();
    await compareCommand.run(["--gpu", "K80", "--json"], c.io);
    const out = JSON.parse(c.out()) as { machines: { label: string; tier: string; hardware: unknown; best: { name: string; quant: string; decode_tps: number } }[]; rows: string[][] };
    expect(out.machines[0]).toMatchObject({ label: "K80", tier: "performance" });
    expect(HardwareSchema.parse(out.machines[0]?.hardware).gpus).toHaveLength(2);
    const best = out.machines[0]!.best;
    expect(out.rows.find((r) => r[0] === "Best model")).toEqual(["Best model", `${best.name} ${best.quant}`]);
    expect(out.rows.find((r) => r[0] === "  its tok/s")?.[1]).toBe(best.decode_tps.toFixed(1));
    const text = io();
    await compareCommand.run(["--gpu", "K80"], text.io);
    expect(text.out()).toBe(`${formatTable(out.rows)}\n`);
  });

  it("without --gpu: this machine beside the report's reference machines, with speeds", async () => {
    const c = io();
    await compareCommand.run([], c.io);
    expect(c.out().split("\n")[0]).toMatch(/^\s+this machine\s+Apple M1 8GB\s+RTX 3070\s+RTX 4090\s+T4$/);
    expect(c.out()).not.toMatch(/^ {2}its tok\/s.*—/m);
  });

  it("a CPU-only machine's column shows its RAM and cores, not 0", async () => {
    const c = io();
    await compareCommand.run(["--json"], c.io);
    const rows = (JSON.parse(c.out()) as { rows: string[][] }).rows;
    const hw = JSON.parse((await (async () => { const d = io(); await detectCommand.run(["--json"], d.io); return d.out(); })())) as { gpus: unknown[] };
    if (hw.gpus.length > 0) return; // a machine with a GPU shows its GPU
    expect(rows.find((r) => r[0] === "Memory")?.[1]).toMatch(/^\d+\.\d GiB RAM$/);
    expect(rows.find((r) => r[0] === "Memory")?.[1]).not.toBe("0.0 GiB");
    expect(rows.find((r) => r[0] === "Cores")?.[1]).toMatch(/^[1-9]\d* CPU$/);
  });
});
