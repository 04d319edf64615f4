// The vLLM plan: its memory model against published vLLM start-up logs (data/vllm/startup-logs.csv),
// the TP × PP search and the commands.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { simulatedHost } from "../../src/cluster/hosts.js";
import { checkLogRow, parseFp8Kept, parseLogCsv, v0SamplerPeakBytes } from "../../src/cluster/vllm-check.js";
import { adviseVllm, stageLayers, vllmCommands, vllmGpuMemory, vllmPlanOn, vllmShapeParts } from "../../src/cluster/vllm-plan.js";
import { findModel, shapeOf } from "../../src/models/catalog.js";

const rows = parseLogCsv(readFileSync(new URL("../../data/vllm/startup-logs.csv", import.meta.url), "utf8"));
const checks = rows.map(checkLogRow);
const rel = (a: number, b: number): number => Math.abs(a - b) / b;
const host = (spec: string, i: number) => simulatedHost(spec, i, () => new Date("2026-01-01T00:00:00Z"));

describe("vLLM memory model against published start-up logs", () => {
  it("the table has every row, each with its source", () => {
    expect(rows.length).toBeGreaterThanOrEqual(7);
    for (const r of rows) expect(r.source.length).toBeGreaterThan(10);
  });
  it("weights per rank within 2 % for checkpoints of standard attention (BF16 at TP 1 and 2, FP8 at TP 8)", () => {
    const plain = checks.filter((c) => !c.shape.mla && c.row.weights_gib !== undefined);
    expect(plain.length).toBeGreaterThanOrEqual(5);
    expect(plain.some((c) => c.row.dtype === "fp8")).toBe(true);
    for (const c of plain) expect(rel(c.weightsGib, c.row.weights_gib!), c.row.served_model).toBeLessThan(0.02);
  });
  it("an FP8 checkpoint's BF16 modules: Llama-3.1-405B-FP8 keeps attention and its first and last FFNs, and the embedding and LM head stay BF16", () => {
    const c = checks.find((x) => x.row.served_model.includes("405B"))!;
    expect(parseFp8Kept(c.row.fp8_kept)).toEqual({ attention: true, ffnLayers: [0, -1] });
    // counted as all FP8 the rank would hold 18 % less than the log says
    const allFp8 = checkLogRow({ ...c.row, fp8_kept: "" });
    expect(rel(allFp8.weightsGib, c.row.weights_gib!)).toBeGreaterThan(0.1);
    expect(allFp8.weightsGib).toBeLessThan(c.weightsGib);
    expect(() => parseFp8Kept("attention;mlp:0")).toThrow(/unknown part "mlp:0"/);
  });
  it("V0 at TP 2 (DeepSeek-R1-Distill-Qwen-14B): the engine's blocks are the driver's, whose profile run also samples", () => {
    const c = checks.find((x) => x.row.model_id === "deepseek-r1-distill-qwen-14b")!;
    expect(c.row.log_rank).toBe("worker");
    // 10 float32 [256 × 152064] arrays of V0's top-k/top-p sort: 1.45 GiB, 1.26 more than the worker's 0.19
    expect(v0SamplerPeakBytes(256, 152064) / 1024 ** 3).toBeCloseTo(1.45, 2);
    expect(c.driverSamplerGib!).toBeCloseTo(1.26, 2);
    expect(rel(c.blocksFromLogKv!, c.logBlocks!)).toBeLessThan(0.01);
    expect(rel(c.predictedBlocks!, c.logBlocks!)).toBeLessThan(0.01);
    // read as the engine's own rank, the worker's KV memory would overstate the blocks by 16 %
    const asDriver = checkLogRow({ ...c.row, log_rank: "" });
    expect((asDriver.blocksFromLogKv! - c.logBlocks!) / c.logBlocks!).toBeGreaterThan(0.15);
  });
  it("KV blocks from the log's own KV memory: our bytes per block reproduce the log's block count", () => {
    const same = checks.filter((c) => c.row.gpu_blocks !== undefined && c.blocksFromLogKv !== undefined);
    expect(same.length).toBeGreaterThanOrEqual(2);
    // the KV GiB is printed to 2 decimals: 0.005 GiB of rounding
    for (const c of same) expect(rel(c.blocksFromLogKv!, c.row.gpu_blocks!), c.row.served_model).toBeLessThan(0.005);
    // TP 4 with one KV head per rank (Qwen3-235B-A22B): the engine's token count
    const moe = checks.find((c) => c.row.model_id === "qwen3-235b-a22b")!;
    expect(rel(moe.blocksFromLogKv!, moe.logBlocks!)).toBeLessThan(0.02);
  });
  it("the whole model (weights + non-torch + activation estimates) predicts the blocks of single-GPU logs within 3 %", () => {
    const tp1 = checks.filter((c) => c.row.tp === 1 && c.predictedBlocks !== undefined && c.logBlocks !== undefined);
    expect(tp1.length).toBeGreaterThanOrEqual(2);
    for (const c of tp1) expect(rel(c.predictedBlocks!, c.logBlocks!), c.row.served_model).toBeLessThan(0.03);
  });
});

describe("vLLM plan", () => {
  const shape70 = shapeOf(findModel("llama-3.3-70b-instruct")!);
  it("pipeline stages split the layers evenly, the remainder on the last stages", () => {
    expect(stageLayers(80, 2)).toEqual([40, 40]);
    expect(stageLayers(81, 4)).toEqual([20, 20, 20, 21]);
  });
  it("70B over two hosts of 2x RTX 3090: BF16 cannot fit, FP8 at TP 2 × PP 2 does; Ray commands for both hosts", () => {
    const hosts = [host("2x RTX 3090@10.0.0.1", 0), host("2x RTX 3090@10.0.0.2", 1)];
    const bf16 = vllmPlanOn(shape70, hosts, 2, { ctx: 8192, dtype: "bf16" })!;
    expect(bf16.fits).toBe(false);
    const { best } = adviseVllm(shape70, hosts, { ctx: 8192 });
    expect(best).toBeDefined();
    expect([best!.tp, best!.pp, best!.dtype]).toEqual([2, 2, "fp8"]);
    expect(best!.blocks).toBe(Math.min(...best!.stages.map((s) => s.blocks)));
    expect(best!.kvTokens).toBeGreaterThanOrEqual(8192);
    const cmds = vllmCommands(best!, "meta-llama/Llama-3.3-70B-Instruct").flatMap((c) => c.lines);
    expect(cmds).toContain("ray start --address=10.0.0.1:6379");
    expect(cmds.at(-1)).toBe(
      "vllm serve meta-llama/Llama-3.3-70B-Instruct --tensor-parallel-size 2 --pipeline-parallel-size 2 --distributed-executor-backend ray --gpu-memory-utilization 0.9 --max-model-len 8192 --quantization fp8",
    );
  });
  it("an 8B model on one RTX 4090: one GPU, BF16, no Ray", () => {
    const shape = shapeOf(findModel("llama-3.1-8b")!);
    const { best } = adviseVllm(shape, [host("RTX 4090", 0), host("RTX 4090@b", 1)], { ctx: 8192 });
    expect([best!.tp, best!.pp, best!.dtype]).toEqual([1, 1, "bf16"]);
    expect(vllmCommands(best!, "meta-llama/Llama-3.1-8B").map((c) => c.lines[0]!.split(" ")[0])).toEqual(["vllm"]);
  });
  it("FP8 (--quantization fp8): the blocks' linear layers in FP8, the embedding and LM head in BF16", () => {
    const p = vllmShapeParts(shape70);
    const g = { tp: 2, pp: 1, stage: 0, gpuBytes: 80 * 1024 ** 3, utilization: 0.9, kvBytesPerElem: 2, batchedTokens: 8192 };
    const fp8 = vllmGpuMemory(shape70, p, { ...g, dtype: "fp8" });
    const bf16 = vllmGpuMemory(shape70, p, { ...g, dtype: "bf16" });
    expect(fp8.weights).toBeCloseTo((p.layerParams + 2 * (p.embedParams + p.headParams)) / 2, -4);
    expect(bf16.weights).toBeCloseTo((2 * (p.layerParams + p.embedParams + p.headParams)) / 2, -4);
  });
  it("Apple and CPU-only hosts are not vLLM hosts", () => {
    const { best, tried } = adviseVllm(shape70, [host("Apple M2 Max 64GB", 0), host("cpu, ram=256@b", 1)], { ctx: 4096 });
    expect(best).toBeUndefined();
    expect(tried).toEqual([]);
  });
});
