// Learning from real use: finished prompts (through PromptService, against loopback fake runtimes)
// land in this machine's runs store, feed the CPU calibration's observations, and every view reads
// them back through the same summary.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { calibratedCpuConstants } from "../../src/calibration/apply.js";
import { deriveCpuFigures, cpuWork, predictCpu } from "../../src/calibration/derive.js";
import { measuredOf, measuredWords, summarizeRuns } from "../../src/calibration/measured.js";
import { createRunRecorder, isLocal, measuredFigures, MIN_TOKENS, observationOf, type FinishedPrompt } from "../../src/calibration/record.js";
import { appendRun, MAX_RUNS, readRuns, RUNS_FILE, type RealRun } from "../../src/calibration/runs.js";
import type { Calibration } from "../../src/calibration/schema.js";
import { readCalibrationFile, writeCalibration } from "../../src/calibration/store.js";
import { parseConfig } from "../../src/config.js";
import type { Hardware } from "../../src/hardware/types.js";
import { findModel, shapeOf } from "../../src/models/catalog.js";
import { PromptService } from "../../src/prompt/service.js";
import { cpuMachine } from "../../src/speed/calibration.js";
import { SPEED_CONSTANTS } from "../../src/speed/constants.js";
import { estimateSpeed } from "../../src/speed/estimate.js";
import type { CpuConstants } from "../../src/speed/model.js";
import { createSizer } from "../../src/sizing/search.js";
import { DEFAULT_RUN_SETTINGS } from "../../src/sizing/types.js";
import { typedTensors } from "../../src/sizing/weights.js";
import { fixtureJson, openaiDelta, sse, startFakeLlamaCpp, startFakeOllama, type FakeOllama, type FakeSseServer } from "../support/fake-servers.js";

const dirs: string[] = [];
const tmp = (): string => {
  const d = mkdtempSync(join(tmpdir(), "llmfit-runs-test-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const sizer = createSizer();
const haveLlama = await import("node-llama-cpp").then(
  () => true,
  () => false,
);

/** A bench result for a machine whose CPU terms are `truth`: what `llmfit bench` would store there. */
function benchOn(truth: CpuConstants, date = "2026-01-02"): Calibration {
  const runs = [["qwen3-0.6b", "Q8_0"], ["qwen3-0.6b", "F16"], ["llama-3.2-1b", "Q4_K_M"], ["qwen3-1.7b", "Q4_K_M"]].map(([id, q]) => {
    const s = shapeOf(findModel(id!)!);
    const w = cpuWork(s, typedTensors(s, q as never), q!, 128, 128);
    const p = predictCpu(truth, w, 1, "avx512");
    return { work: w, decodeSec: 1 / p.decodeTps, prefillSecPerToken: 1 / p.prefillTps };
  });
  return { date, threads: 1, cpuBackend: "test", gpu: "false", runs: [], cpu: deriveCpuFigures(runs, 1, SPEED_CONSTANTS.cpu, "avx512"), observations: [] };
}

const cpuOnly = (cal?: Calibration): Hardware => ({ ...cpuMachine(1, undefined, ["avx512f"]), ...(cal ? { calibration: cal } : {}) });

const run = (over: Partial<RealRun> = {}): RealRun => ({
  runtime: "ollama",
  model: "m",
  placement: "cpu",
  decodeTps: 10,
  generatedTokens: 100,
  at: "2026-03-04T05:06:07.000Z",
  ...over,
});

describe("the runs store", () => {
  it("reads back this machine's runs only; another machine's file is ignored and replaced", async () => {
    const d = tmp();
    await appendRun(d, "fp-a", run({ decodeTps: 11 }));
    expect((await readRuns(d, "fp-a")).map((r) => r.decodeTps)).toEqual([11]);
    expect(await readRuns(d, "fp-b")).toEqual([]);
    await appendRun(d, "fp-b", run({ decodeTps: 22 }));
    expect((await readRuns(d, "fp-b")).map((r) => r.decodeTps)).toEqual([22]);
    expect(await readRuns(d, "fp-a")).toEqual([]);
  });
  it("ignores a corrupt or wrongly shaped file and rewrites it on the next run", async () => {
    const d = tmp();
    writeFileSync(join(d, RUNS_FILE), "{ not json");
    expect(await readRuns(d, "fp")).toEqual([]);
    writeFileSync(join(d, RUNS_FILE), JSON.stringify({ version: 1, fingerprint: "fp", runs: [{ model: 3 }] }));
    expect(await readRuns(d, "fp")).toEqual([]);
    await appendRun(d, "fp", run());
    expect(await readRuns(d, "fp")).toHaveLength(1);
  });
  it("keeps the newest MAX_RUNS", async () => {
    const d = tmp();
    const many = Array.from({ length: MAX_RUNS }, (_, i) => run({ decodeTps: i + 1 }));
    writeFileSync(join(d, RUNS_FILE), JSON.stringify({ version: 1, fingerprint: "fp", runs: many }));
    await appendRun(d, "fp", run({ decodeTps: 999 }));
    const back = await readRuns(d, "fp");
    expect(back).toHaveLength(MAX_RUNS);
    expect(back[0]?.decodeTps).toBe(2);
    expect(back.at(-1)?.decodeTps).toBe(999);
  });
});

describe("what is worth recording", () => {
  const f = (over: Partial<FinishedPrompt>): FinishedPrompt => ({ runtime: "ollama", url: "http://127.0.0.1:11434", model: "m", generatedTokens: 100, elapsedMs: 5000, timings: { decodeTps: 20, promptTps: 80 }, promptTokens: 50, ...over });
  it("skips runs too short to mean anything, and prefill rates of a cached prompt", () => {
    expect(measuredFigures(f({}))).toEqual({ decodeTps: 20, prefillTps: 80 });
    expect(measuredFigures(f({ generatedTokens: 7 }))).toBeUndefined();
    // 10 tokens at 100 tok/s: 0.1 s of decoding
    expect(measuredFigures(f({ generatedTokens: 10, timings: { decodeTps: 100 } }))).toBeUndefined();
    expect(measuredFigures(f({ promptTokens: 3 }))).toEqual({ decodeTps: 20 });
    expect(measuredFigures(f({ timings: {} }))).toBeUndefined();
  });
  it("keeps runs on this machine only", () => {
    expect(isLocal({ runtime: "ollama", url: "http://127.0.0.1:11434" })).toBe(true);
    expect(isLocal({ runtime: "llamacpp", url: "http://localhost:8080" })).toBe(true);
    expect(isLocal({ runtime: "llamacpp", url: "http://[::1]:8080" })).toBe(true);
    expect(isLocal({ runtime: "embedded", url: "" })).toBe(true);
    expect(isLocal({ runtime: "ollama", url: "http://gpu-box.lan:11434" })).toBe(false);
  });
});

describe("measured figures for the views", () => {
  it("are each model's median over its newest runs, with the count and the last date", () => {
    const runs = [run({ decodeTps: 30, at: "2026-12-01T00:00:00Z" }), run({ decodeTps: 20, at: "2026-12-03T10:00:00Z" }), run({ decodeTps: 23.4, at: "2026-12-02T00:00:00Z" }), run({ model: "other", decodeTps: 5 })];
    const m = measuredOf(summarizeRuns(runs), "ollama", "m");
    expect(m).toEqual({ decodeTps: 23.4, runs: 3, last: "2026-12-03" });
    expect(measuredWords(m!)).toBe("measured 23.4 tok/s (3 runs, last 2026-12-03)");
    expect(measuredOf(summarizeRuns(runs), "llamacpp", "m")).toBeUndefined();
  });
});

describe("learning from real runs (pure)", () => {
  // the machine really is 3× slower in bandwidth than the reference CPU ...
  const truth: CpuConstants = { ...SPEED_CONSTANTS.cpu, bytesPerSecPerThread: SPEED_CONSTANTS.cpu.bytesPerSecPerThread / 3, prefillSimdFactor: { avx512: 1, avx2: 1, neon: 1 } };
  // ... but the bench ran while something else held the cores: it measured half the real speed
  const wrong = benchOn({ ...truth, bytesPerSecPerThread: truth.bytesPerSecPerThread / 2, secPerWeightPerThread: truth.secPerWeightPerThread * 2, secPerLayer: truth.secPerLayer * 2 });
  const shape = shapeOf(findModel("llama-3.1-8b")!);

  it("moves a wrong calibration's estimate toward what the real runs measured", () => {
    const hw = cpuOnly(wrong);
    const est = sizer.estimate(shape, "Q4_K_M", { ...DEFAULT_RUN_SETTINGS, ctx: 4096 }, hw);
    const real = estimateSpeed(shape, est, cpuMachine(1, undefined, ["avx512f"]), { constants: { ...SPEED_CONSTANTS, cpu: truth }, contexts: [250] }).at[0]!.decodeTps;
    const benchOnly = estimateSpeed(shape, est, hw, { contexts: [250] }).at[0]!.decodeTps;
    expect(benchOnly / real).toBeLessThan(0.6);
    const observations = Array.from({ length: 6 }, (_, i) =>
      observationOf(run({ model: "llama3.1:8b", quant: "Q4_K_M", ctx: 4096, decodeTps: real, promptTokens: 200, generatedTokens: 100, at: `2026-03-0${i + 1}T00:00:00Z` }), shape, hw, sizer, 1)!,
    );
    expect(observations[0]?.estDecodeTps).toBeCloseTo(benchOnly, 0);
    const learned = cpuOnly({ ...wrong, observations });
    const after = estimateSpeed(shape, est, learned, { contexts: [250] }).at[0]!.decodeTps;
    // six runs against a bench worth four: 60 % of the way there in log terms
    expect(Math.abs(Math.log(after / real))).toBeLessThan(Math.abs(Math.log(benchOnly / real)) * 0.45);
    expect(after).toBeGreaterThan(benchOnly);
    expect(calibratedCpuConstants(learned)!.bytesPerSecPerThread).toBeGreaterThan(calibratedCpuConstants(learned, { learned: false })!.bytesPerSecPerThread);
  });
  it("never calibrates from a GPU machine's runs, a simulated machine or a machine without a bench", () => {
    const r = run({ quant: "Q4_K_M", promptTokens: 100 });
    expect(observationOf({ ...r, placement: "gpu" }, shape, cpuOnly(wrong), sizer)).toBeUndefined();
    expect(observationOf(r, shape, { ...cpuOnly(wrong), simulated: true }, sizer)).toBeUndefined();
    expect(observationOf(r, shape, cpuOnly(), sizer)).toBeUndefined();
  });
});

describe("recording through PromptService against loopback runtimes", () => {
  let ollama: FakeOllama;
  let llama: FakeSseServer;
  beforeAll(async () => {
    const tags = fixtureJson("ollama/tags.json") as { models: Record<string, unknown>[] };
    ollama = await startFakeOllama({ tags: { models: [{ ...tags.models[1], name: "llama3.2", model: "llama3.2" }] }, show: { "llama3.2": fixtureJson("ollama/show-llama3.2.json") } });
    llama = await startFakeLlamaCpp();
  });
  afterAll(async () => {
    await ollama?.close();
    await llama?.close();
  });

  const context = { text: "def f(a, b): return a + b", filetype: "python", filename: "", register: "", diagnostics: "" };

  async function ask(urls: { ollama?: string; llamacpp?: string }, model: { runtime: "ollama" | "llamacpp"; url: string; model: string }, hw: Hardware, dir: string) {
    const { config } = parseConfig({
      runtimes: { ollama: urls.ollama ? { url: urls.ollama } : { enabled: false }, lmstudio: { enabled: false }, llamacpp: urls.llamacpp ? { urls: [urls.llamacpp] } : { enabled: false } },
    });
    const events = { chunk: () => undefined, done: () => undefined, failed: () => undefined };
    const svc = new PromptService(() => config, events, async () => 0).recordWith(
      createRunRecorder({ key: async () => ({ dir, fingerprint: "fp" }), hardware: async () => hw, sizer, now: () => new Date("2026-12-03T12:00:00Z") }),
    );
    await svc.models();
    expect(await svc.start({ id: 1, template: "explain", input: "", context, model: { ...model, context: 4096 } })).toMatchObject({ state: "started" });
    await svc.run(1).settled();
    return readRuns(dir, "fp");
  }

  it("Ollama: eval_count / eval_duration and prompt_eval_* become a run, and a CPU run an observation", async () => {
    const dir = tmp();
    await writeCalibration(dir, "fp", benchOn(SPEED_CONSTANTS.cpu));
    const runs = await ask({ ollama: ollama.url }, { runtime: "ollama", url: ollama.url, model: "llama3.2" }, cpuOnly((await readCalibrationFile(dir, "fp")).calibration), dir);
    expect(runs).toHaveLength(1);
    const r = runs[0]!;
    // the fake's final chunk: 282 tokens in 4.535599 s, 26 prompt tokens in 0.342546 s
    expect(r).toMatchObject({ runtime: "ollama", model: "llama3.2", quant: "Q4_0", ctx: 4096, placement: "cpu", generatedTokens: 282, promptTokens: 26, at: "2026-12-03T12:00:00.000Z" });
    expect(r.decodeTps).toBeCloseTo(282 / 4.535599, 3);
    expect(r.prefillTps).toBeCloseTo(26 / 0.342546, 3);
    const obs = (await readCalibrationFile(dir, "fp")).calibration?.observations ?? [];
    expect(obs).toHaveLength(1);
    expect(obs[0]).toMatchObject({ runtime: "ollama", model: "llama3.2", placement: "cpu" });
    expect(obs[0]?.estDecodeTps).toBeGreaterThan(0);
  });

  it.skipIf(!haveLlama)("the embedded runtime (llama.cpp in-process, the tiny GGUF): decode and prompt tok/s from its own clock become a run", async () => {
    const { writeTinyGguf } = await import("../support/tiny-gguf.js");
    const dir = tmp();
    const path = writeTinyGguf(join(dir, "tiny.gguf"));
    const { config } = parseConfig({
      runtimes: { ollama: { enabled: false }, lmstudio: { enabled: false }, llamacpp: { enabled: false } },
      // one thread on the small shared test machine; enough answer tokens for MIN_SECONDS of decoding
      prompt: { embedded_threads: 1, max_tokens: 400 },
    });
    const events = { chunk: () => undefined, done: () => undefined, failed: () => undefined };
    const svc = new PromptService(() => config, events, async () => 0).recordWith(
      createRunRecorder({ key: async () => ({ dir, fingerprint: "fp" }), hardware: async () => cpuOnly(), sizer, now: () => new Date("2026-12-06T12:00:00Z") }),
    );
    expect(await svc.start({ id: 1, template: "explain", input: "", context, model: { runtime: "embedded", url: "", model: path, context: 1024 } })).toMatchObject({ state: "started" });
    await svc.run(1).settled();
    const runs = await readRuns(dir, "fp");
    expect(runs).toHaveLength(1);
    const r = runs[0]!;
    expect(r).toMatchObject({ runtime: "embedded", model: path, placement: "cpu", at: "2026-12-06T12:00:00.000Z" });
    expect(r.generatedTokens).toBeGreaterThanOrEqual(MIN_TOKENS);
    expect(r.promptTokens).toBeGreaterThanOrEqual(MIN_TOKENS);
    expect(r.decodeTps).toBeGreaterThan(0);
    expect(r.prefillTps).toBeGreaterThan(0);
  }, 120_000);

  it("a running host takes a run's calibration at once, and its report reads the runs again", async () => {
    const { Session } = await import("../../src/host/session.js");
    const { createLogger } = await import("../../src/log.js");
    const { machineKey } = await import("../../src/calibration/machine.js");
    const dir = tmp();
    const key = await machineKey({ cacheDir: dir });
    // a bench that measured twice this machine's real speed: the first real run pulls it down
    await writeCalibration(key.dir, key.fingerprint, benchOn({ ...SPEED_CONSTANTS.cpu, bytesPerSecPerThread: SPEED_CONSTANTS.cpu.bytesPerSecPerThread * 2 }));
    const cal = (await readCalibrationFile(key.dir, key.fingerprint)).calibration!;
    const session = new Session(createLogger(undefined), { cacheDir: dir, detect: async () => cpuOnly(cal) });
    const { config } = parseConfig({ runtimes: { ollama: { url: ollama.url }, lmstudio: { enabled: false }, llamacpp: { enabled: false } } });
    session.configure(config);
    const before = await session.getHardware();
    const speedsIn = async () => {
      const r = await session.report.snapshot({ runtimes: true });
      return r.runtimes?.state === "done" ? [...(r.runtimes.speeds?.values() ?? [])].map((x) => [x.model, x.measured?.runs]) : [];
    };
    expect(await speedsIn()).toEqual([]);
    const shape = shapeOf(findModel("llama-3.2-3b-instruct")!);
    const est = sizer.estimate(shape, "Q4_K_M", { ...DEFAULT_RUN_SETTINGS, ctx: 4096 }, before);
    const svc = session.prompts;
    await svc.models();
    expect(await svc.start({ id: 1, template: "explain", input: "", context, model: { runtime: "ollama", url: ollama.url, model: "llama3.2", context: 4096 } })).toMatchObject({ state: "started" });
    await svc.run(1).settled();
    await new Promise((r) => setTimeout(r, 50));
    const after = await session.getHardware();
    expect(after).not.toBe(before);
    expect(after.calibration?.observations).toHaveLength(1);
    expect(session.currentHardware()).toBe(after);
    expect(estimateSpeed(shape, est, after).decodeTps).not.toBeCloseTo(estimateSpeed(shape, est, before).decodeTps, 3);
    expect(await speedsIn()).toEqual([["llama3.2", 1]]);
  });

  it("llama-server: its `timings`; a run of 4 tokens is skipped", async () => {
    const dir = tmp();
    const id = "../models/Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf";
    const tokens = Array.from({ length: 12 }, (_, i) => `t${i}`);
    const final = sse({ choices: [{ finish_reason: "stop", index: 0, delta: {} }], object: "chat.completion.chunk", usage: { completion_tokens: 12, prompt_tokens: 40, total_tokens: 52 }, timings: { prompt_n: 40, prompt_per_second: 393.4, predicted_n: 12, predicted_per_second: 22.5 } });
    llama.setChat([...tokens.map((t) => openaiDelta(t)), final, sse("[DONE]")]);
    const runs = await ask({ llamacpp: llama.url }, { runtime: "llamacpp", url: llama.url, model: id }, cpuOnly(), dir);
    expect(runs).toMatchObject([{ runtime: "llamacpp", model: id, placement: "cpu", decodeTps: 22.5, prefillTps: 393.4, generatedTokens: 12, promptTokens: 40 }]);
    // no bench here: the run is kept for the views, nothing is calibrated
    expect(JSON.parse(readFileSync(join(dir, RUNS_FILE), "utf8"))).toMatchObject({ fingerprint: "fp" });
    expect((await readCalibrationFile(dir, "fp")).calibration).toBeUndefined();

    const short = tmp();
    llama.setChat([...["Hello", ",", " world", "!"].map((t) => openaiDelta(t)), sse({ choices: [{ finish_reason: "stop", index: 0, delta: {} }], usage: { completion_tokens: 4, prompt_tokens: 12 }, timings: { predicted_per_second: 80.5 } }), sse("[DONE]")]);
    expect(await ask({ llamacpp: llama.url }, { runtime: "llamacpp", url: llama.url, model: id }, cpuOnly(), short)).toEqual([]);
  });
});

describe("measured beside the estimate in the views", () => {
  const tag = { name: "llama3.2", model: "llama3.2", modified_at: "2024-09-25T00:00:00Z", size: 2019393189, digest: "a80c4f17acd5", details: { format: "gguf", family: "llama", families: ["llama"], parameter_size: "3.2B", quantization_level: "Q4_K_M" } };
  const recorded = [run({ model: "llama3.2", decodeTps: 23.4, at: "2026-12-03T09:00:00Z" }), run({ model: "llama3.2", decodeTps: 30, at: "2026-12-01T09:00:00Z" }), run({ model: "llama3.2", decodeTps: 20, at: "2026-12-02T09:00:00Z" })];
  let server: FakeOllama;
  beforeAll(async () => {
    server = await startFakeOllama({ tags: { models: [tag] }, ps: { models: [] } });
  });
  afterAll(async () => server?.close());

  /** The fake Ollama found and its models sized on a CPU machine, as the report does. */
  async function discoveredHere() {
    const { createAdvisor } = await import("../../src/advice/advise.js");
    const { discoverRuntimes, clearDiscoveryCache } = await import("../../src/runtimes/discovery.js");
    const { sizeDiscovered, sizingContext } = await import("../../src/runtimes/sizing.js");
    const { runtimeEstimator } = await import("../../src/sizing/runtime-estimator.js");
    const { config } = parseConfig({ runtimes: { ollama: { url: server.url }, lmstudio: { enabled: false }, llamacpp: { enabled: false } } });
    clearDiscoveryCache();
    const found = await discoverRuntimes(config.runtimes, { llamacppDefaultPorts: [] });
    const hw = cpuOnly();
    const advisor = createAdvisor(sizer);
    const sized = sizeDiscovered(found, runtimeEstimator(sizer, hw), sizingContext(0, config.runtimes, {}));
    return { found, hw, advisor, sized };
  }

  it("`llmfit runtimes` shows the measured figure and its --json carries it", async () => {
    const { makeRuntimesCommand } = await import("../../src/cli/runtimes.js");
    const { clearDiscoveryCache } = await import("../../src/runtimes/discovery.js");
    const cmd = makeRuntimesCommand({ discovery: { llamacppDefaultPorts: [] }, hardware: async () => cpuOnly(), measured: async () => summarizeRuns(recorded) });
    const io = (out: string[]) => ({ stdout: (t: string) => void out.push(t), stderr: () => undefined, isTty: false, env: {} });
    const text: string[] = [];
    clearDiscoveryCache();
    await cmd.run(["--ollama-url", server.url, "--lmstudio-url", "http://127.0.0.1:9", "--timeout", "2000"], io(text));
    expect(text.join("")).toMatch(/installed {2}llama3\.2 .* {2}est ~\d+(\.\d)? tok\/s · measured 23\.4 tok\/s \(3 runs, last 2026-12-03\)/);
    const json: string[] = [];
    clearDiscoveryCache();
    await cmd.run(["--json", "--ollama-url", server.url, "--lmstudio-url", "http://127.0.0.1:9", "--timeout", "2000"], io(json));
    const parsed = JSON.parse(json.join("")) as { sizing: { model: string; speed?: { estimated_tps?: number; measured?: unknown } }[] };
    const s = parsed.sizing.find((x) => x.model === "llama3.2");
    expect(s?.speed?.measured).toEqual({ decode_tps: 23.4, runs: 3, last: "2026-12-03", source: "measured" });
    expect(s?.speed?.estimated_tps).toBeGreaterThan(0);
  });

  it("the report's runtimes section and its --json show the same figure", async () => {
    const { installedSpeeds } = await import("../../src/advice/installed-speed.js");
    const { renderReport, reportJson } = await import("../../src/report/report.js");
    const { found, hw, advisor, sized } = await discoveredHere();
    const speeds = installedSpeeds(sized, hw, advisor, summarizeRuns(recorded));
    const report = { version: "t", hardware: hw, runtimes: { state: "done" as const, runtimes: found, sized, speeds } };
    const painted = renderReport(report, { width: 200 }).lines.join("\n");
    expect(painted).toMatch(/llama3\.2 .*est ~\d+(\.\d)? tok\/s · measured 23\.4 tok\/s \(3 runs, last 2026-12-03\)/);
    expect((reportJson(report) as { installed_speeds: unknown[] }).installed_speeds).toEqual([
      { runtime: server.url, model: "llama3.2", estimated_tps: expect.any(Number), measured: { decode_tps: 23.4, runs: 3, last: "2026-12-03", source: "measured" } },
    ]);
    // a model nothing was measured for shows no such figure
    const none = renderReport({ ...report, runtimes: { ...report.runtimes, speeds: installedSpeeds(sized, hw, advisor, new Map()) } }, { width: 200 }).lines.join("\n");
    expect(none).not.toMatch(/measured \d/);
  });

  it("the catalog model's detail lists its installed copy with the same figure", async () => {
    const { installedSpeeds } = await import("../../src/advice/installed-speed.js");
    const { advise, DEFAULT_VIEW } = await import("../../src/advice/advise.js");
    const { CATALOG } = await import("../../src/models/catalog.js");
    const { renderReport } = await import("../../src/report/report.js");
    const { found, hw, advisor, sized } = await discoveredHere();
    const rec = advise(CATALOG, hw, advisor);
    const id = findModel("llama3.2")!.id;
    expect(rec.rows.some((r) => r.entry.id === id)).toBe(true);
    const detail = (speeds: ReturnType<typeof installedSpeeds>, screenId = id) =>
      renderReport(
        { version: "t", hardware: hw, runtimes: { state: "done" as const, runtimes: found, sized, speeds }, models: { rec, view: DEFAULT_VIEW }, screen: { kind: "detail", id: screenId } },
        { width: 200 },
      ).lines.join("\n");
    const painted = detail(installedSpeeds(sized, hw, advisor, summarizeRuns(recorded)));
    expect(painted).toMatch(/Installed here[^\n]*\n\s+Ollama\s+llama3\.2 .* · est ~\d+(\.\d)? tok\/s · measured 23\.4 tok\/s \(3 runs, last 2026-12-03\)/);
    expect(detail(installedSpeeds(sized, hw, advisor, new Map()))).toMatch(/Ollama\s+llama3\.2 .* · no prompt measured yet/);
    // another model's detail has no such section
    const other = rec.rows.find((r) => r.entry.id !== id)!.entry.id;
    expect(detail(installedSpeeds(sized, hw, advisor, summarizeRuns(recorded)), other)).not.toMatch(/Installed here/);
  });
});
