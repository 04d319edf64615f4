// Issue 15's items, each against the behaviour that was wrong: simulated whole machines, the
// report's hardware flags, trained context, names, best-means-usable, headroom, the CPU table,
// training on a CPU, the smaller ones, and the CLI's own words and exit codes.
import { describe, expect, it } from "vitest";
import { advise, createAdvisor, DEFAULT_VIEW } from "../../src/advice/advise.js";
import { planningHardware, DEFAULT_POLICY } from "../../src/advice/policy.js";
import { pullChoice, tagQuant } from "../../src/advice/pull.js";
import type { CliCommand } from "../../src/cli/command.js";
import { fitCommand } from "../../src/cli/fit.js";
import { main } from "../../src/cli/main.js";
import { reportCommand } from "../../src/cli/report.js";
import { EDITOR_TO_CLI, inCliWords, MARKS } from "../../src/cli/vocabulary.js";
import { EXIT_CODE_TABLE } from "../../src/cli/exit-codes.js";
import { CPU_SPECS, matchCpu, requireCpu } from "../../src/hardware/cpu-specs.js";
import { detectHardware } from "../../src/hardware/detect.js";
import { matchGpu, requireGpu } from "../../src/hardware/match.js";
import { simulateHardware } from "../../src/hardware/simulate.js";
import type { Hardware } from "../../src/hardware/types.js";
import { CATALOG, findModel } from "../../src/models/catalog.js";
import { resolveModel, tryResolveModel } from "../../src/models/resolve.js";
import { planTraining } from "../../src/training/plan.js";
import { DEFAULT_TRAIN_OPTIONS } from "../../src/training/memory.js";
import { shapeOf } from "../../src/models/catalog.js";
import { readFileSync } from "node:fs";
import { errorLine } from "../../src/errors.js";

const GiB = 1024 ** 3;

/** The one line a thrown error becomes. */
function lineOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return errorLine(e);
  }
  return "(no error)";
}

async function run(cmd: CliCommand, args: string[]): Promise<{ code: number; out: string }> {
  let out = "";
  const code = await cmd.run(args, { stdout: (t) => void (out += t), stderr: () => undefined, isTty: false, env: process.env });
  return { code, out };
}

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTty: false, env: process.env });
  return { code, out, err };
}

describe("simulated machines are whole machines", () => {
  it("--gpu \"Apple M1 8GB\" brings 8 GB of unified memory and the M1's CPU, whatever this host has", async () => {
    const hw = await detectHardware({ overrides: { gpu: "Apple M1 8GB" } });
    expect(hw.memory.totalBytes.value).toBe(8 * GiB);
    expect(hw.cpu.brand.value).toBe("Apple M1");
    expect(hw.cpu.arch).toBe("arm64");
    expect(hw.cpu.flags).not.toContain("avx2");
    expect(hw.memory.bandwidthGBs?.value).toBe(68.25);
    expect(hw.gpus[0]?.unified).toBe(true);
  });

  it("an 8 GB Mac is not told qwen3-32b runs, nor Qwen3 30B-A3B at 20 tok/s", async () => {
    const j = JSON.parse((await run(fitCommand, ["qwen3-32b", "--gpu", "Apple M1 8GB", "--json"])).out) as { verdict: string };
    expect(j.verdict).toBe("no");
    const rec = advise(CATALOG, await detectHardware({ overrides: { gpu: "Apple M1 8GB" } }), createAdvisor());
    expect(rec.rows.find((r) => r.entry.id === "qwen3-30b-a3b")).toBeUndefined();
    expect(rec.rows.find((r) => r.entry.id === "qwen3-32b")).toBeUndefined();
  });

  it("a laptop iGPU shares the RAM it is given, and brings a usual CPU of its generation", () => {
    const hw = simulateHardware("UHD Graphics G1 (Ice Lake)", { ramGb: 12 });
    expect(hw.memory.totalBytes.value).toBe(12 * GiB);
    expect(hw.gpus[0]?.vramTotalBytes.value).toBe(12 * GiB);
    expect(hw.cpu.brand.value).toBe("Core i5-1035G1");
    expect(hw.cpu.flags).toContain("avx512f");
  });

  it("prints no CPU_REPACK note for an Apple chip (it is an AVX2 x86 buffer)", async () => {
    const apple = (await run(fitCommand, ["qwen3-8b", "--quant", "Q4_K_M", "--device", "cpu", "--gpu", "Apple M2 Max 64GB"])).out;
    expect(apple).not.toMatch(/CPU_REPACK/);
    const x86 = (await run(fitCommand, ["qwen3-8b", "--quant", "Q4_K_M", "--device", "cpu", "--gpu", "RTX 3070", "--cpu", "Ryzen 7 5800X", "--ram", "32"])).out;
    expect(x86).toMatch(/CPU_REPACK on AVX2 CPUs/);
  });

  it("the terminal report takes the same hardware flags as fit", async () => {
    const r = await cli(["--gpu", "Apple M1 8GB", "--no-runtimes", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { hardware: Hardware };
    expect(j.hardware.memory.totalBytes.value).toBe(8 * GiB);
    const two = JSON.parse((await run(reportCommand, ["--gpu", "RTX 3090", "--gpu", "RTX 3090", "--cpu", "Ryzen 9 5950X", "--ram", "128", "--no-runtimes", "--json"])).out) as { hardware: Hardware };
    expect(two.hardware.gpus.map((g) => g.name)).toEqual(["GeForce RTX 3090", "GeForce RTX 3090"]);
    expect(two.hardware.cpu.cores.value).toBe(16);
  });
});

describe("trained context", () => {
  it("caps the default context at what the model was trained on, and says so", async () => {
    const gpt2 = JSON.parse((await run(fitCommand, ["gpt2-xl", "--json"])).out) as { ctx: number; ctx_note?: string };
    expect(gpt2.ctx).toBe(1024);
    expect(gpt2.ctx_note).toMatch(/capped at the trained context/);
    const llama = JSON.parse((await run(fitCommand, ["llama-7b", "--json"])).out) as { ctx: number };
    expect(llama.ctx).toBe(2048);
  });

  it("refuses --ctx beyond the trained context unless --rope-scaling is asked for", async () => {
    await expect(run(fitCommand, ["qwen3-8b", "--ctx", "10000000"])).rejects.toMatchObject({ code: "bad_args", message: expect.stringMatching(/beyond qwen3-8b's trained context of 40960/) });
    const j = JSON.parse((await run(fitCommand, ["llama-7b", "--ctx", "4096", "--rope-scaling", "--json"])).out) as { ctx: number; ctx_note: string };
    expect(j.ctx).toBe(4096);
    expect(j.ctx_note).toMatch(/beyond the trained 2048/);
  });
});

describe("model names", () => {
  it("resolves ids, display names, Ollama tags, HF repos and unambiguous short forms", () => {
    expect(tryResolveModel("Llama 3.1 8B Instruct")?.id).toBe("llama-3.1-8b-instruct");
    expect(tryResolveModel("mistral-7b")?.id).toBe("mistral-7b-instruct-v0.3");
    expect(tryResolveModel("gemma3-12b")?.id).toBe("gemma-3-12b-it");
    expect(tryResolveModel("qwen2.5:7b")?.id).toBe("qwen2.5-7b-instruct");
    expect(tryResolveModel("meta-llama/Llama-3.1-8B-Instruct")?.id).toBe("llama-3.1-8b-instruct");
    expect(tryResolveModel("Llama-3.1-8B-Instruct")?.id).toBe("llama-3.1-8b-instruct");
  });

  it("suggests the nearest three for a typo, and names the candidates of an ambiguous short form", () => {
    expect(lineOf(() => resolveModel("llama-3.1-8b-instrct", "fit"))).toMatch(/unknown model "llama-3.1-8b-instrct" — nearest: llama-3\.1-8b-instruct, [a-z0-9.-]+, [a-z0-9.-]+ \(/);
    expect(lineOf(() => resolveModel("mistral-7b-instruct", "fit"))).toMatch(/names \d+ models — say which: mistral-7b-instruct-v0\.\d/);
  });

  it("llmfit fit accepts the names the report prints", async () => {
    const j = JSON.parse((await run(fitCommand, ["Llama 3.1 8B Instruct", "--json"])).out) as { id: string };
    expect(j.id).toBe("llama-3.1-8b-instruct");
  });
});

describe("best means usable", () => {
  const laptop = simulateHardware([], { cpu: "Core i5-8250U", ramGb: 16 });

  it("prefers a quantization fast enough to read over a larger one that is not", () => {
    const rec = advise(CATALOG, laptop, createAdvisor());
    const llama = rec.rows.find((r) => r.entry.id === "llama-3.1-8b-instruct")!;
    expect(llama.quant).not.toBe("F16");
    expect(llama.tps).toBeGreaterThanOrEqual(DEFAULT_POLICY.minTps);
    expect(llama.quantWhy).toMatch(/minimum usable speed/);
  });

  it("ranks every usable model above every unusable one; the minimum is configurable", () => {
    const hw = simulateHardware("UHD Graphics 620", { ramGb: 16 });
    const rec = advise(CATALOG, hw, createAdvisor());
    expect(rec.best?.usable).toBe(true);
    expect(rec.best!.tps!).toBeGreaterThanOrEqual(5);
    const firstSlow = rec.rows.findIndex((r) => !r.usable);
    if (firstSlow >= 0) expect(rec.rows.slice(firstSlow).every((r) => !r.usable)).toBe(true);
    const strict = advise(CATALOG, hw, createAdvisor(), { policy: { ...DEFAULT_POLICY, minTps: 15 } });
    expect(strict.best!.tps!).toBeGreaterThanOrEqual(15);
  });
});

describe("headroom and stability", () => {
  const base = simulateHardware("RTX 3070", { ramGb: 32 });
  const withFree = (gb: number): Hardware => ({ ...base, simulated: false, memory: { ...base.memory, availableBytes: { value: gb * GiB, source: "detected" } } });

  it("judges against total RAM less the reserve, so momentary free RAM does not move the picks", () => {
    const a = advise(CATALOG, withFree(20), createAdvisor());
    const b = advise(CATALOG, withFree(26), createAdvisor());
    expect(a.rows.map((r) => [r.entry.id, r.quant, r.ctxMax])).toEqual(b.rows.map((r) => [r.entry.id, r.quant, r.ctxMax]));
    expect(planningHardware(base, DEFAULT_POLICY).memory.availableBytes.value).toBe(30 * GiB);
  });

  it("shows momentary free memory as a warning, and the reserve is configurable", () => {
    const cpu = { ...withFree(1), gpus: [], backend: "cpu" as const };
    const rec = advise(CATALOG, cpu, createAdvisor());
    expect(rec.warnings[0]).toMatch(/GiB of RAM planned, 1\.0 GiB free right now/);
    const tight = advise(CATALOG, cpu, createAdvisor(), { policy: { ...DEFAULT_POLICY, reserveBytes: 24 * GiB } });
    expect(tight.rows.length).toBeLessThan(rec.rows.length);
  });
});

describe("the CPU spec table", () => {
  it("knows the seed laptop's CPU and reads brand strings as tools print them", () => {
    expect(requireCpu("Core i5-1035G1")).toMatchObject({ cores: 4, threads: 8, memory: { bandwidthGBs: 58.3 } });
    expect(matchCpu("Intel(R) Core(TM) i5-1035G1 CPU @ 1.00GHz")?.id).toBe("i5-1035g1");
    expect(matchCpu("1035G1")?.id).toBe("i5-1035g1");
    expect(matchCpu("Apple M2 Max")?.id).toBe("apple-m2-max");
    expect(matchCpu("AMD Ryzen 7 7840U w/ Radeon 780M Graphics")?.id).toBe("ryzen-7-7840u");
    expect(matchCpu("Apple M4 Ultra")).toBeUndefined();
  });

  it("an unknown CPU is one line with the three nearest names", () => {
    expect(lineOf(() => requireCpu("Core i5-1035G9"))).toMatch(/^unknown CPU "Core i5-1035G9" — nearest known: Core i5-1035G1, Core i5-1035G4, /);
  });

  it("every CPU's iGPU is a row of the GPU table (Ice Lake, Tiger Lake and Meteor Lake included)", () => {
    for (const c of CPU_SPECS) if (c.igpu) expect(matchGpu(c.igpu)?.spec.name, c.name).toBe(c.igpu);
    expect(matchGpu("Intel Corporation Iris Plus Graphics G1 (Ice Lake)")?.spec.id).toBe("uhd-g1-ice-lake");
    expect(matchGpu("Iris Plus Graphics G7")?.spec.id).toBe("iris-plus-g7");
    expect(matchGpu("TigerLake-LP GT2")?.spec.id).toBe("iris-xe-96eu");
    expect(matchGpu("Meteor Lake-P Arc Graphics")?.spec.id).toBe("arc-meteor-lake");
  });

  it('--gpu "Intel UHD" suggests Intel iGPUs, never data-centre cards', () => {
    let msg = "";
    try {
      requireGpu("Intel UHD");
    } catch (e) {
      msg = (e as Error).message + String((e as { hint?: string }).hint);
    }
    expect(msg).toMatch(/UHD Graphics/);
    expect(msg).not.toMatch(/\b(T4|A10|K80|A100|H100|V100)\b/);
  });

  it("--cpu replaces this machine's CPU and memory bandwidth", async () => {
    const hw = await detectHardware({ overrides: { cpu: "i5-1035G1", ramGb: 16 } });
    expect(hw.cpu.cores.value).toBe(4);
    expect(hw.memory.bandwidthGBs?.value).toBe(58.3);
  });
});

describe("training on a CPU", () => {
  it("QLoRA needs a GPU; LoRA runs on the CPU", () => {
    const cpu = simulateHardware([], { cpu: "Ryzen 9 7950X", ramGb: 64 });
    const shape = shapeOf(findModel("qwen3-8b") as Parameters<typeof shapeOf>[0]);
    const q = planTraining(shape, { ...DEFAULT_TRAIN_OPTIONS, method: "qlora" }, cpu);
    expect(q.verdict).toBe("needs-gpu");
    expect(q.reason).toMatch(/QLoRA needs a GPU.*LoRA runs/);
    expect(q.tokensPerSec).toBe(0);
    expect(planTraining(shape, { ...DEFAULT_TRAIN_OPTIONS, method: "lora" }, cpu).verdict).not.toBe("needs-gpu");
  });
});

describe("pull what was sized", () => {
  it("reads a tag's quantization, bare tags being Ollama's Q4_K_M", () => {
    expect(tagQuant("qwen3:30b-a3b-instruct-2507-q8_0")).toBe("Q8_0");
    expect(tagQuant("llama3.1:8b-instruct-q4_K_M")).toBe("Q4_K_M");
    expect(tagQuant("qwen3:8b")).toBe("Q4_K_M");
  });

  it("never pulls a tag that does not fit: a q8_0-only model sized at Q5_K_M on 24 GB", () => {
    const hw = simulateHardware("RTX 4090", { ramGb: 16 });
    const advisor = createAdvisor();
    const rec = advise(CATALOG, hw, advisor);
    const entry = findModel("qwen3-30b-a3b-instruct-2507");
    if (!entry || entry.kind === "diffusion") throw new Error("catalog changed");
    const row = rec.rows.find((r) => r.entry.id === entry.id);
    const choice = pullChoice(entry, row, hw, advisor, DEFAULT_POLICY);
    if (row && row.quant !== "Q8_0") {
      expect(choice.note).toMatch(new RegExp(`the report sized ${row.quant}`));
      if (choice.tag) expect(choice.quant).toBe("Q8_0");
    }
    const bare = findModel("qwen3-8b");
    if (!bare || bare.kind === "diffusion") throw new Error("catalog changed");
    const bareRow = rec.rows.find((r) => r.entry.id === "qwen3-8b");
    const c2 = pullChoice(bare, bareRow, hw, advisor, DEFAULT_POLICY);
    // A bare tag is Q4_K_M: pulled with a note when the report sized something else.
    if (bareRow && bareRow.quant !== "Q4_K_M") expect(c2.note).toMatch(/holds Q4_K_M/);
  });
});

describe("the smaller ones", () => {
  it("embedding models show no decode tok/s", () => {
    const rec = advise(CATALOG, simulateHardware("RTX 3070"), createAdvisor(), { view: { ...DEFAULT_VIEW, use: "embedding" } });
    expect(rec.rows.length).toBeGreaterThan(0);
    for (const r of rec.rows.filter((x) => !x.entry.capabilities.includes("chat"))) expect(r.tps).toBeUndefined();
  });

  it("says what was left out of the table and why", () => {
    const rec = advise(CATALOG, simulateHardware("T4"), createAdvisor());
    const reasons = rec.leftOut.map((l) => l.reason).join(" | ");
    expect(reasons).toMatch(/architectures llama\.cpp cannot load/);
    expect(reasons).toMatch(/embedding models/);
    const total = rec.rows.length + rec.nearMisses.length + rec.leftOut.reduce((s, l) => s + l.ids.length, 0);
    expect(total).toBe(CATALOG.length);
  });

  it("fit prints GiB like the report, and a \"no\" comes with what would make it run", async () => {
    const r = await run(fitCommand, ["qwen3-32b", "--quant", "Q8_0", "--gpu", "RTX 3070", "--cpu", "Ryzen 7 5800X", "--ram", "16"]);
    expect(r.out).toMatch(/^ {2}weights {2}\d+\.\d\d GiB$/m);
    expect(r.out).not.toMatch(/MiB/);
    expect(r.out).toMatch(/^no: /m);
    expect(r.out).toMatch(/^ {2}(almost: |try --quant )/m);
  });
});

describe("the CLI speaks CLI", () => {
  it("errors name flags and llmfit commands, not setup() keys and :LlmFit", () => {
    expect(inCliWords("Ollama is not running on 127.0.0.1:11434 — start it with `ollama serve` or set `runtimes.ollama.url`")).toBe(
      "Ollama is not running on 127.0.0.1:11434 — start it with `ollama serve` or pass `--ollama-url URL`",
    );
    expect(inCliWords('pull it (`:LlmFit pull qwen3:8b`), start its runtime, or change prompt.model')).toBe("pull it (`llmfit pull qwen3:8b`), start its runtime, or pass another --model");
  });

  it("every editor phrase holds one of the marks that let other lines pass untouched", () => {
    // what a pattern matches, read off its source: regex escapes dropped
    for (const [re] of EDITOR_TO_CLI) expect(MARKS.some((m) => re.source.replace(/\\/g, "").includes(m)), re.source).toBe(true);
    expect(inCliWords("  qwen3-8b   Q4_K_M   8k   gpu")).toBe("  qwen3-8b   Q4_K_M   8k   gpu");
  });

  it("--vram -3 is one line naming the flag; bad sizes too", async () => {
    const a = await cli(["fit", "qwen3-8b", "--vram", "-3"]);
    expect([a.code, a.err]).toEqual([2, 'llmfit: fit: --vram expects a positive number, got "-3" — see `llmfit fit --help`\n']);
    const b = await cli(["detect", "--ram", "lots"]);
    expect([b.code, b.err]).toEqual([2, 'llmfit: detect: --ram expects a size in GB, got "lots" — e.g. --ram 16\n']);
  });

  it("exit codes are the documented ones: fit \"no\" is 3 with and without --json, for LLMs and pipelines", async () => {
    const args = ["qwen3-32b", "--quant", "Q8_0", "--gpu", "RTX 3070", "--cpu", "Ryzen 7 5800X", "--ram", "16"];
    expect((await cli(["fit", ...args])).code).toBe(3);
    expect((await cli(["fit", ...args, "--json"])).code).toBe(3);
    expect((await cli(["fit", "flux.1-dev", "--gpu", "RTX 3070", "--ram", "8"])).code).toBe(3);
    expect((await cli(["fit", "qwen3-0.6b", "--gpu", "RTX 4090"])).code).toBe(0);
    expect((await cli(["fit", "no-such-model"])).code).toBe(2);
    expect((await cli(["list", "--family", "nonexistent"])).code).toBe(3);
    expect((await cli(["prompt", "--model", "m", "--ollama-url", "http://127.0.0.1:9"])).code).toBe(4);
  });

  it("--help, README and :help list the same exit codes", async () => {
    const help = (await cli(["--help"])).out;
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const doc = readFileSync(new URL("../../doc/llmfit.txt", import.meta.url), "utf8");
    for (const [code, meaning] of EXIT_CODE_TABLE) {
      expect(help).toContain(`  ${String(code).padEnd(3)}  ${meaning}`);
      expect(readme).toContain(`| ${code} | ${meaning} |`);
      expect(doc).toContain(`${String(code).padEnd(5)}${meaning}`);
    }
    expect((await cli(["fit", "--help"])).out).toMatch(/Exit codes:/);
  });
});
