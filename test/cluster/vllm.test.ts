// The vLLM plan: its memory model against published vLLM start-up logs (data/vllm/startup-logs.csv),
// the TP × PP search and the commands.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { simulatedHost } from "../../src/cluster/hosts.js";
import { checkLogRow, parseFp8Kept, parseLogCsv, v0SamplerPeakBytes } from "../../src/cluster/vllm-check.js";
import { adviseVllm, indexerCacheBytes, quantBytesPerWeight, v1SamplerPeakBytes, kvElemsPerTokenLayer, stageLayers, vllmCommands, vllmGpuMemory, vllmPlanOn, vllmShapeParts } from "../../src/cluster/vllm-plan.js";
import { vllmJson, vllmLines } from "../../src/cluster/vllm-render.js";
import { findModel, shapeOf } from "../../src/models/catalog.js";

const rows = parseLogCsv(readFileSync(new URL("../../data/vllm/startup-logs.csv", import.meta.url), "utf8"));
const checks = rows.map(checkLogRow);
const rel = (a: number, b: number): number => Math.abs(a - b) / b;
const host = (spec: string, i: number) => simulatedHost(spec, i, () => new Date("2026-01-01T00:00:00Z"));

describe("vLLM memory model against published start-up logs", () => {
  it("the table has every row, each with its source", () => {
    expect(rows.length).toBeGreaterThanOrEqual(11);
    for (const r of rows) expect(r.source.length).toBeGreaterThan(10);
  });
  it("weights per rank within 1.5 %, standard attention and MLA (BF16 at TP 1, 2, 4 and 8, FP8 at TP 8)", () => {
    const sized = checks.filter((c) => c.row.weights_gib !== undefined && c.row.unmodelled === "");
    expect(sized.length).toBeGreaterThanOrEqual(8);
    expect(sized.some((c) => c.row.dtype === "fp8")).toBe(true);
    expect(sized.filter((c) => c.shape.mla).length).toBeGreaterThanOrEqual(3);
    for (const c of sized) expect(rel(c.weightsGib, c.row.weights_gib!), `${c.row.served_model} TP ${c.row.tp}`).toBeLessThan(0.015);
  });
  it("MLA: vLLM caches the 576-element latent per token and layer, whole on every TP rank (Kimi K2 at TP 8, DeepSeek-V2-Lite at TP 2 × PP 2)", () => {
    const shape = shapeOf(findModel("kimi-k2-thinking")!);
    const p = vllmShapeParts(shape);
    for (const tp of [1, 2, 8]) expect(kvElemsPerTokenLayer(shape, p, tp)).toBe(512 + 64);
    // rows of the stage whose blocks the engine takes (a later PP stage's row is checked below)
    const mlaKv = checks.filter((c) => c.shape.mla && c.blocksFromLogKv !== undefined && c.logBlocks !== undefined && !c.row.stage);
    expect([...new Set(mlaKv.map((c) => c.row.served_model))].sort()).toEqual(["deepseek-ai/DeepSeek-R1-0528", "deepseek-ai/DeepSeek-V2-Lite", "deepseek-ai/DeepSeek-V3.2", "moonshotai/Kimi-K2-Thinking", "moonshotai/Kimi-K2.5"]);
    // the KV GiB is printed to 2 decimals: at most 0.1 % of rounding at 12 GiB
    for (const c of mlaKv) expect(rel(c.blocksFromLogKv!, c.logBlocks!), c.row.served_model).toBeLessThan(0.001);
    const kimi = mlaKv.find((c) => c.row.tp === 8)!;
    expect(kimi.kvBytesPerToken).toBe(61 * 576 * 2);
  });
  it("pipeline stages: the first stage of DeepSeek-V2-Lite at PP 2 caches 14 of its 27 layers (with the remainder on the last stage, 13: the blocks 7 % off)", () => {
    const c = checks.find((x) => x.row.pp === 2 && x.shape.mla && !x.row.stage)!;
    expect(c.kvBytesPerToken).toBe(14 * 576 * 2);
    const thirteen = Math.floor((c.row.kv_gib! * 1024 ** 3) / (13 * 576 * 2 * 16));
    expect(rel(thirteen, c.logBlocks!)).toBeGreaterThan(0.05);
  });
  it("PP: the last stage's ranks (13 layers, 11.33 GiB) hold more blocks than the first's; the engine takes the first stage's, the fewest", () => {
    const last = checks.find((x) => x.row.pp === 2 && x.row.stage === 1)!;
    expect(last.kvBytesPerToken).toBe(13 * 576 * 2);
    expect(last.blocksFromLogKv!).toBeGreaterThan(last.logBlocks!);
    const first = checks.find((x) => x.row.pp === 2 && !x.row.stage && x.row.served_model === last.row.served_model)!;
    expect(Math.min(first.blocksFromLogKv!, last.blocksFromLogKv!)).toBe(first.blocksFromLogKv);
    expect(rel(first.blocksFromLogKv!, last.logBlocks!)).toBeLessThan(0.001);
  });
  it("DeepSeek-R1-0528 at TP 8 (vLLM V1, the checkpoint's FP8): weights within 0.5 % on H200 and B200, the log's KV memory gives its token count", () => {
    const r1 = checks.filter((c) => c.row.model_id === "deepseek-r1-0528");
    expect(r1.map((c) => c.row.gpu).sort()).toEqual(["8x B200", "8x H200"]);
    for (const c of r1) {
      expect(rel(c.weightsGib, c.row.weights_gib!), c.row.gpu).toBeLessThan(0.005);
      expect(c.kvBytesPerToken).toBe(61 * 576 * 2);
      expect(rel(c.blocksFromLogKv!, c.logBlocks!), c.row.gpu).toBeLessThan(0.0005);
    }
  });
  it("DeepSeek-V3.2 at TP 8: the indexer's 132-byte key beside the latent per token and layer, its projections whole on every rank", () => {
    const v32 = checks.filter((c) => c.row.model_id === "deepseek-v3.2");
    expect(v32.length).toBe(2);
    const shape = v32[0]!.shape;
    expect(indexerCacheBytes(shape)).toBe(128 + 4);
    for (const c of v32) {
      expect(c.kvBytesPerToken).toBe(61 * (576 * 2 + 132));
      expect(rel(c.blocksFromLogKv!, c.logBlocks!), c.row.gpu).toBeLessThan(0.0005);
      // without the indexer's cache the same memory would hold 11 % more blocks than the engine made
      expect(Math.floor((c.row.kv_gib! * 1024 ** 3) / (61 * 576 * 2 * 16)) / c.logBlocks!).toBeGreaterThan(1.1);
      expect(rel(c.weightsGib, c.row.weights_gib!), c.row.gpu).toBeLessThan(0.01);
    }
    // replicated: 7 of 8 ranks' copies more than split by TP (wq_b, wk FP8; weights_proj BF16), 61 layers
    const p = vllmShapeParts(shape);
    const g = { pp: 1, stage: 0, gpuBytes: 141 * 1024 ** 3, utilization: 0.92, dtype: "fp8" as const, kvBytesPerElem: 2, batchedTokens: 8192 };
    const at = (tp: number) => vllmGpuMemory(shape, p, { ...g, tp }).weights;
    const r1 = shapeOf(findModel("deepseek-r1-0528")!);
    const p1 = vllmShapeParts(r1);
    const perLayer = p.indexerParams.quantized + 2 * p.indexerParams.bf16;
    expect(p.indexerParams.quantized).toBe(1536 * 64 * 128 + 7168 * 128);
    expect(at(8) - vllmGpuMemory(r1, p1, { ...g, tp: 8 }).weights).toBeCloseTo(61 * perLayer - 61 * (p.indexerParams.quantized + p.indexerParams.bf16) / 8, -6);
  });
  it("MLA weights: the latent down-projections and the router whole on every rank; V0's absorbed decode matrices", () => {
    const shape = shapeOf(findModel("deepseek-coder-v2-lite-instruct")!);
    const p = vllmShapeParts(shape);
    // kv_a_proj_with_mqa (2048 × 576) and the latent's norm: replicated, not split
    expect(p.attnReplicated).toBe(2048 * 576 + 512);
    const g = { pp: 1, stage: 0, gpuBytes: 40 * 1024 ** 3, utilization: 0.9, dtype: "bf16" as const, kvBytesPerElem: 2, batchedTokens: 2048 };
    const at = (tp: number, mlaDecode?: "absorbed" | "views") => vllmGpuMemory(shape, p, { ...g, tp, ...(mlaDecode && { mlaDecode }) }).weights;
    const moe = p.moeLayers.filter(Boolean).length;
    expect(at(8) * 8 - at(1)).toBeCloseTo(7 * 2 * (27 * p.attnReplicated + moe * p.routerParams + p.ropeElems), -3);
    // W_Q_UK (2048 × 2 heads × 512), W_UV_O (2 × 512 × 2048), W_QR (2048 × 2 × 64) per layer at TP 8, BF16
    expect(at(8, "absorbed") - at(8)).toBe(27 * 2 * (2048 * 2 * 512 + 2 * 512 * 2048 + 2048 * 2 * 64));
    // the V0 log at TP 8 (vLLM 0.7.1): without the absorbed matrices 5.6 % under, with them within 0.5 %
    const c = checks.find((x) => x.row.model_id === "deepseek-coder-v2-lite-instruct" && x.row.tp === 8)!;
    expect(c.row.mla_decode).toBe("absorbed");
    expect(rel(checkLogRow({ ...c.row, mla_decode: "" }).weightsGib, c.row.weights_gib!)).toBeGreaterThan(0.05);
    expect(rel(c.weightsGib, c.row.weights_gib!)).toBeLessThan(0.005);
  });
  it("a checkpoint's duplicated K/V heads: Llama-3.1-405B-FP8 as first published had 16 (for 16-way model parallel), 1 GiB per rank at TP 8", () => {
    const c = checks.find((x) => x.row.served_model.includes("405B"))!;
    expect(c.row.kv_heads).toBe(16);
    const eight = checkLogRow({ ...c.row, kv_heads: undefined });
    // 8 more heads × (K + V) × 128 × 16384 × 126 layers / 8 ranks, BF16 (the checkpoint keeps attention BF16)
    expect((c.weightsGib - eight.weightsGib) * 1024 ** 3).toBeCloseTo((8 * 2 * 128 * 16384 * 126 * 2) / 8, -3);
    expect(rel(eight.weightsGib, c.row.weights_gib!)).toBeGreaterThan(0.01);
    expect(rel(c.weightsGib, c.row.weights_gib!)).toBeLessThan(0.005);
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
  const gib = 1024 ** 3;
  const stageInputs = { tp: 8, gpuBytes: 141 * gib, utilization: 0.9, dtype: "fp8" as const, kvBytesPerElem: 2, batchedTokens: 8192 };
  it("PP weights per stage: a stage holds its own layers' FFNs, so DeepSeek-R1's first stage (its 3 dense layers) is the lighter one", () => {
    const shape = shapeOf(findModel("deepseek-r1-0528")!);
    const p = vllmShapeParts(shape);
    // a MoE layer's FFN (256 experts + 1 shared of 2048) against a dense one's (18432)
    expect(p.ffnLayerParams[3]! / p.ffnLayerParams[0]!).toBeCloseTo((256 * 2048 + 2048) / 18432, 6);
    const [s0, s1] = [0, 1].map((stage) => vllmGpuMemory(shape, p, { ...stageInputs, pp: 2, stage }));
    expect([s0!.layers, s1!.layers, s0!.firstLayer, s1!.firstLayer]).toEqual([31, 30, 0, 31]);
    // stage 0: 3 dense + 28 MoE layers and the embedding; stage 1: 30 MoE layers and the LM head: 2 MoE layers less 3 dense ones
    const moe = p.ffnLayerParams[3]!, dense = p.ffnLayerParams[0]!;
    expect((s1!.weights - s0!.weights) / gib).toBeCloseTo(((2 * moe - 3 * dense) / 8 - (1 * (p.attnParams / p.nLayer))/ 8) / gib, 0);
    expect(s1!.weights).toBeGreaterThan(s0!.weights + 2 * gib);
    // the stages together hold what one stage of all layers holds, less one per-rank rotary table
    const one = vllmGpuMemory(shape, p, { ...stageInputs, pp: 1, stage: 0 });
    expect(s0!.weights + s1!.weights - 2 * p.ropeElems).toBeCloseTo(one.weights, -4);
  });
  it("PP on a uniform dense model: both stages of Llama 3.3 70B hold 40 layers; the embedding and the LM head are the only difference", () => {
    const p = vllmShapeParts(shape70);
    const [s0, s1] = [0, 1].map((stage) => vllmGpuMemory(shape70, p, { ...stageInputs, tp: 2, dtype: "bf16", pp: 2, stage }));
    expect(s0!.weights).toBeCloseTo(s1!.weights, -3);
    expect([s0!.embedding, s0!.lmHead, s1!.embedding, s1!.lmHead]).toEqual([true, false, false, true]);
  });
  it("a tied embedding under PP: the last stage holds a second copy for its LM head", () => {
    const shape = shapeOf(findModel("llama-3.2-1b")!);
    expect(shape.tiedEmbeddings).toBe(true);
    const p = vllmShapeParts(shape);
    const g = { ...stageInputs, tp: 1, dtype: "bf16" as const };
    const [s0, s1] = [0, 1].map((stage) => vllmGpuMemory(shape, p, { ...g, pp: 2, stage }));
    const one = vllmGpuMemory(shape, p, { ...g, pp: 1, stage: 0 });
    expect(s0!.weights + s1!.weights - 2 * p.ropeElems * 2 - (one.weights - p.ropeElems * 2)).toBeCloseTo(p.embedParams * 2, -4);
  });
  it("the stage with the fewest blocks bounds the plan: its KV tokens, --max-model-len and concurrency; the render names it", () => {
    const shape = shapeOf(findModel("deepseek-r1-0528")!);
    // on H200 the first stage's extra layer (31 against 30) costs more blocks than the last stage's heavier weights
    const h200 = vllmPlanOn(shape, [host("8x H200@10.0.0.1", 0), host("8x H200@10.0.0.2", 1)], 8, { ctx: 8192, dtype: "fp8" })!;
    expect(h200.boundingStage).toBe(0);
    expect(h200.stages[1]!.weights).toBeGreaterThan(h200.stages[0]!.weights);
    // on H100, with less KV memory, the last stage's 2.5 GiB more weights cost more
    const hosts = [host("8x H100@10.0.0.1", 0), host("8x H100@10.0.0.2", 1)];
    const plan = vllmPlanOn(shape, hosts, 8, { ctx: 8192, dtype: "fp8" })!;
    expect(plan.boundingStage).toBe(1);
    expect(plan.blocks).toBe(plan.stages[1]!.blocks);
    expect(plan.kvTokens).toBe(plan.stages[1]!.blocks * 16);
    expect(plan.concurrency).toBeCloseTo((plan.stages[1]!.blocks * 16) / 8192, 6);
    const lines = vllmLines(plan, [plan], "deepseek-ai/DeepSeek-R1-0528", 2);
    expect(lines.find((l) => l.includes("stage 1 on"))).toMatch(/layers 31–60, final norm, LM head.*this stage bounds the plan/);
    expect(lines.find((l) => l.includes("stage 0 on"))).toMatch(/layers 0–30, embedding\)/);
    const json = vllmJson(plan, "deepseek-ai/DeepSeek-R1-0528") as { bounding_stage: number; stages: { kv_tokens: number; first_layer: number }[] };
    expect(json.bounding_stage).toBe(1);
    expect(json.stages.map((s) => s.first_layer)).toEqual([0, 31]);
    expect(json.stages[1]!.kv_tokens).toBe(plan.kvTokens);
    expect(json.stages[0]!.kv_tokens).toBeGreaterThan(plan.kvTokens);
  });
  it("pipeline stages split the layers as vLLM's get_pp_indices: the remainder on the stages before the last", () => {
    expect(stageLayers(80, 2)).toEqual([40, 40]);
    expect(stageLayers(81, 4)).toEqual([20, 20, 21, 20]);
    expect(stageLayers(27, 2)).toEqual([14, 13]);
    expect(stageLayers(63, 4)).toEqual([16, 16, 16, 15]);
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
  it("an FP8 checkpoint (DeepSeek R1) is planned in its own FP8: no BF16 plan that was never published, no --quantization flag", () => {
    const entry = findModel("deepseek-r1-0528")!;
    expect(entry.checkpoint).toBe("fp8");
    const shape = shapeOf(entry);
    const hosts = [host("8x H200@10.0.0.1", 0), host("8x H200@10.0.0.2", 1)];
    // read as a BF16 checkpoint, two hosts of 8 H200 hold it in BF16
    const asBf16 = adviseVllm(shape, hosts, { ctx: 8192 }).best!;
    expect([asBf16.tp, asBf16.pp, asBf16.dtype]).toEqual([8, 2, "bf16"]);
    const { best, tried } = adviseVllm(shape, hosts, { ctx: 8192, checkpoint: "fp8" });
    expect(tried.every((p) => p.dtype === "fp8")).toBe(true);
    expect([best!.tp, best!.pp, best!.dtype, best!.quantizedOnLoad]).toEqual([8, 1, "fp8", false]);
    const serve = vllmCommands(best!, entry.hf!).flatMap((c) => c.lines).at(-1)!;
    expect(serve).toMatch(/^vllm serve deepseek-ai\/DeepSeek-R1-0528 --tensor-parallel-size 8 /);
    expect(serve).not.toContain("--quantization");
    expect(vllmLines(best!, tried, entry.hf, 2)[0]).toContain("fp8 (the checkpoint's own FP8)");
    expect(vllmJson(best!, entry.hf)).toMatchObject({ dtype: "fp8", quantized_on_load: false });
  });
  it("V1's profile run samples on the last pipeline stage only: most of DeepSeek-V2-Lite's 0.80 GiB less KV memory there (TP 2 × PP 2, pull 20665)", () => {
    const shape = shapeOf(findModel("deepseek-v2-lite-chat")!);
    const p = vllmShapeParts(shape, { ropePositions: 163840 });
    const G = 2 ** 30;
    const at = (stage: number, sampler: number) => vllmGpuMemory(shape, p, { tp: 2, pp: 2, stage, gpuBytes: 22 * G, utilization: 0.9, dtype: "bf16", kvBytesPerElem: 2, batchedTokens: 2048, samplerBytes: sampler });
    const logGap = 12.13 - 11.33;
    // 256 dummy requests (V1's default --max-num-seqs below 70 GiB) × 102,400 vocab × 8 float32 arrays
    expect(v1SamplerPeakBytes(256, shape.nVocab) / G).toBeCloseTo(0.78125, 6);
    const first = at(0, 0);
    const withSampler = (first.kvBytes - at(1, v1SamplerPeakBytes(256, shape.nVocab)).kvBytes) / G;
    const without = (first.kvBytes - at(1, 0).kvBytes) / G;
    // without it the last stage would have more KV memory (its weights are lighter); with it 0.61 of the 0.80 GiB
    expect(without).toBeLessThan(0);
    expect(withSampler).toBeGreaterThan(0.55);
    expect(withSampler).toBeLessThan(logGap);
    const note = checks.find((c) => c.row.pp > 1 && c.row.stage === 1)!.notes.join("; ");
    expect(note).toMatch(/last stage: V1's profile run samples here only, 0\.78 GiB/);
  });
  it("a hybrid's pipeline stages hold their own layers' attention and KV (Qwen3.5-397B-A17B: 15 full-attention layers of 60, 7 and 8 on two stages)", () => {
    const shape = shapeOf(findModel("qwen3.5-397b-a17b")!);
    const p = vllmShapeParts(shape);
    const at = (pp: number, stage: number) => vllmGpuMemory(shape, p, { tp: 1, pp, stage, gpuBytes: 1024 * 2 ** 30, utilization: 0.9, dtype: "bf16", kvBytesPerElem: 2, batchedTokens: 8192 });
    const [s0, s1, whole] = [at(2, 0), at(2, 1), at(1, 0)];
    const attnIn = (from: number, n: number) => shape.layers.slice(from, from + n).filter((l) => l.mixer === "attention").length;
    expect([attnIn(s0.firstLayer, s0.layers), attnIn(s1.firstLayer, s1.layers)]).toEqual([7, 8]);
    // only the full-attention layers cache per token: 7 : 8, and the two stages together are the whole model's
    expect(s0.kvBytesPerToken / s1.kvBytesPerToken).toBeCloseTo(7 / 8, 12);
    expect(s0.kvBytesPerToken + s1.kvBytesPerToken).toBeCloseTo(whole.kvBytesPerToken, 6);
    const layer = shape.layers.find((l) => l.mixer === "attention")!;
    expect(whole.kvBytesPerToken).toBe(15 * 2 * layer.nHeadKv * shape.headDimK * 2);
    // weights: attention on the 15 attention layers, the DeltaNet mixers on the other 45; conserved over the stages (one more rotary table)
    expect(p.attnLayerParams.filter((x) => x > 0).length).toBe(15);
    expect(p.mixerLayerParams.filter((x) => x > 0).length).toBe(45);
    expect(s0.weights + s1.weights - whole.weights).toBeCloseTo(p.ropeElems * 2, -3);
    // the stage's share of attention is its own layers': moving one attention layer's weights between them
    const one = p.attnLayerParams.find((x) => x > 0)!;
    const sum = (xs: readonly number[], from: number, n: number) => xs.slice(from, from + n).reduce((a, b) => a + b, 0);
    expect(sum(p.attnLayerParams, s1.firstLayer, s1.layers) - sum(p.attnLayerParams, s0.firstLayer, s0.layers)).toBeCloseTo(one, -3);
  });
  it("an INT4 checkpoint of routed experts (Kimi K2.5 at TP 8, K2 Thinking's text model): 4-bit experts with group-32 BF16 scales, the rest BF16", () => {
    const c = checks.find((x) => x.row.served_model === "moonshotai/Kimi-K2.5")!;
    expect(c.limits.some((l) => /weights not modelled/.test(l))).toBe(false);
    // the log's rank also holds K2.5's vision tower and projector (BF16, whole on every rank with --mm-encoder-tp-mode data),
    // about 0.45B parameters: ours is below the log by less than 1.2 GiB and more than 0.5
    const gap = c.row.weights_gib! - c.weightsGib;
    expect(gap).toBeGreaterThan(0.5);
    expect(gap).toBeLessThan(1.2);
    // the same rank sized with every linear layer INT4, or all BF16, is nowhere near
    const shape = shapeOf(findModel("kimi-k2-thinking")!);
    const p = vllmShapeParts(shape, { paramsTotal: 1_026_408_232_448 });
    const at = (dtype: "bf16" | "int4", scope: "routed-experts" | "linear") =>
      vllmGpuMemory(shape, p, { tp: 8, pp: 1, stage: 0, gpuBytes: 140 * 2 ** 30, utilization: 0.92, dtype, kvBytesPerElem: 2, batchedTokens: 8192, int4: { groupSize: 32, scope, zeroPoints: false } }).weights / 2 ** 30;
    expect(at("int4", "routed-experts")).toBeCloseTo(c.weightsGib, 6);
    expect(at("int4", "linear")).toBeLessThan(c.row.weights_gib! - 2.5);
    expect(at("bf16", "linear")).toBeGreaterThan(200);
    expect(quantBytesPerWeight("int4", { groupSize: 32, scope: "routed-experts", zeroPoints: false })).toBe(0.5625);
    expect(quantBytesPerWeight("int4", { groupSize: 128, scope: "linear", zeroPoints: true })).toBeCloseTo(0.5 + 2 / 128 + 0.5 / 128, 12);
  });
  it("an INT4 checkpoint (Kimi K2 Thinking) is planned as published: int4 only, no --quantization flag", () => {
    const entry = findModel("kimi-k2-thinking")!;
    expect(entry.checkpoint).toEqual({ int4: { groupSize: 32, scope: "routed-experts", zeroPoints: false } });
    const shape = shapeOf(entry);
    const hosts = [host("8x H200@10.0.0.1", 0), host("8x H200@10.0.0.2", 1)];
    const { best, tried } = adviseVllm(shape, hosts, { ctx: 8192, checkpoint: entry.checkpoint!, paramsTotal: 1_026_408_232_448 });
    expect(tried.every((p) => p.dtype === "int4")).toBe(true);
    expect([best!.tp, best!.pp, best!.dtype, best!.quantizedOnLoad]).toEqual([8, 1, "int4", false]);
    const serve = vllmCommands(best!, entry.hf!).flatMap((c) => c.lines).at(-1)!;
    expect(serve).not.toContain("--quantization");
    expect(vllmLines(best!, tried, entry.hf, 2)[0]).toContain("int4 (the checkpoint's own INT4)");
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
    // the rotary cos/sin table: one BF16 buffer per rank, whole
    expect(p.ropeElems).toBe(131072 * 128);
    expect(fp8.weights).toBeCloseTo((p.layerParams + 2 * (p.embedParams + p.headParams)) / 2 + 2 * p.ropeElems, -4);
    expect(bf16.weights).toBeCloseTo((2 * (p.layerParams + p.embedParams + p.headParams)) / 2 + 2 * p.ropeElems, -4);
  });
  it("Apple and CPU-only hosts are not vLLM hosts", () => {
    const { best, tried } = adviseVllm(shape70, [host("Apple M2 Max 64GB", 0), host("cpu, ram=256@b", 1)], { ctx: 4096 });
    expect(best).toBeUndefined();
    expect(tried).toEqual([]);
  });
});
