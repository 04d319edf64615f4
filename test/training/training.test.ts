import { describe, expect, it } from "vitest";
import { trainCommand } from "../../src/cli/train.js";
import { simulateHardware } from "../../src/hardware/simulate.js";
import { findModel, shapeOf } from "../../src/models/catalog.js";
import type { ModelShape } from "../../src/models/shape.js";
import { denseShape } from "../../src/sizing/reference-shapes.js";
import { activationBytes, DEFAULT_TRAIN_OPTIONS, NF4_BITS_PER_PARAM, paramGroups, trainingMemory, type TrainOptions } from "../../src/training/memory.js";
import { readFileSync } from "node:fs";
import { DEFAULT_MFU, MFU_BY_METHOD, planTraining, TOKENS_PER_MB } from "../../src/training/plan.js";
import { fitTrainingMfu, predictTrainingRuns } from "../../src/training/calibration.js";
import { TRAINING_MFU } from "../../src/training/constants.js";
import { parseTrainingRuns } from "../../src/training/measurements.js";

function shape(id: string): ModelShape {
  const e = findModel(id);
  if (!e) throw new Error(`no ${id}`);
  return shapeOf(e);
}
const GB = 1e9;
const GIB = 1024 ** 3;
const opts = (o: Partial<TrainOptions>): TrainOptions => ({ ...DEFAULT_TRAIN_OPTIONS, ...o });
const states = (m: ReturnType<typeof trainingMemory>) => m.weights + m.gradients + m.optimizer + m.master + m.adapters;

describe("full fine-tuning", () => {
  const s = shape("llama-2-7b");
  it("mixed-precision AdamW is 16 bytes per parameter before activations (ZeRO, Rajbhandari et al. 2020, §3.1)", () => {
    const m = trainingMemory(s, opts({ method: "full" }));
    expect(states(m) / s.params.total).toBeCloseTo(16, 9);
    expect(m.master / s.params.total).toBe(4);
  });
  it("fp32 AdamW is 4 × the fp32 model size (Hugging Face model-memory-usage space / accelerate estimate-memory: '1x for the model, 1x for the gradients, and 2x for the optimizer'; e.g. incoder-1B fp32 4.9 GB → 19.61 GB)", () => {
    const m = trainingMemory(s, opts({ method: "full", mixedPrecision: false }));
    expect(states(m) / (4 * s.params.total)).toBeCloseTo(4, 9);
  });
  it("8-bit Adam stores 2 bytes of state per parameter (Dettmers et al. 2022): 10 bytes/param in mixed precision", () => {
    const m = trainingMemory(s, opts({ method: "full", optimizer: "adamw8bit" }));
    expect(states(m) / s.params.total).toBeCloseTo(10, 9);
  });
  it("a 7B model does not full-fine-tune on a 24 GB GPU but suggests what would fit", () => {
    const p = planTraining(s, opts({ method: "full" }), simulateHardware("RTX 3090"));
    expect(p.verdict).toBe("no");
    expect(p.reason).toMatch(/fits with --method (lora|qlora)/);
  });
});

describe("activations (Korthikanti et al. 2022, eq. 1)", () => {
  // GPT-style layer: FFN 4h, as in the paper
  const g = denseShape({ arch: "llama", E: 4096, L: 32, H: 32, KV: 32, hd: 128, F: 4 * 4096, V: 32000, ctx: 2048, tied: false });
  it("34·s·b·h + 5·a·s²·b bytes per layer without flash attention", () => {
    const a = activationBytes(g, { seq: 2048, batch: 1, checkpointing: false, flashAttention: false, mixedPrecision: true });
    expect(a.layers).toBe(32 * (34 * 2048 * 4096 + 5 * 32 * 2048 * 2048));
    expect(a.logits).toBe(6 * 2048 * 32000);
  });
  it("flash attention drops the score term; checkpointing keeps 2·s·b·h per layer + one layer", () => {
    const fa = activationBytes(g, { seq: 2048, batch: 1, checkpointing: false, flashAttention: true, mixedPrecision: true });
    expect(fa.layers).toBe(32 * 34 * 2048 * 4096);
    const ck = activationBytes(g, { seq: 2048, batch: 1, checkpointing: true, flashAttention: true, mixedPrecision: true });
    expect(ck.layers).toBe(32 * 2 * 2048 * 4096 + 34 * 2048 * 4096);
  });
});

describe("LoRA and QLoRA", () => {
  it("adapter parameters: r × (in + out) per adapted matrix", () => {
    const s = shape("llama-2-7b"); // h 4096, f 11008, MHA
    const p = paramGroups(s, 16, "attention");
    expect(p.adapter).toBe(32 * 4 * 16 * (4096 + 4096));
    const all = paramGroups(s, 16, "all");
    expect(all.adapter).toBe(32 * (4 * 16 * 8192 + 3 * 16 * (4096 + 11008)));
    // Llama 2 7B with rank 16 on every linear layer: 40.0 M trainable params (PEFT's print_trainable_parameters shows 39,976,960)
    expect(all.adapter).toBe(39_976_960);
  });
  it("NF4 with double quantization: 4.127 bits per parameter (Dettmers et al. 2023, §3)", () => {
    expect(NF4_BITS_PER_PARAM).toBeCloseTo(4.127, 3);
  });
  it("QLoRA fine-tunes a 65B model on a single 48 GB GPU (Dettmers et al. 2023, abstract)", () => {
    const s = shape("llama-65b");
    // the paper's 65B setup: rank 64 on all linear layers, gradient checkpointing, paged optimizer
    const o = opts({ method: "qlora", rank: 64, seq: 512, batch: 1, checkpointing: true });
    const p = planTraining(s, o, simulateHardware("RTX A6000"));
    expect(["fits", "fits-paged"]).toContain(p.verdict);
    expect(p.neededBytes - p.memory.pageable).toBeLessThan(48 * GB);
    expect(p.neededBytes - p.memory.pageable).toBeGreaterThan(36 * GB);
    // 16-bit LoRA of the same model needs > 130 GB for the frozen weights alone
    expect(trainingMemory(s, { ...o, method: "lora" }).weights).toBeGreaterThan(130 * GB);
  });
  it("QLoRA of a 7B model takes about 5 GB (a Qwen2.5-7B QLoRA run measured 5.4 GB on a T4: kaggle.com/code/sumannath88/03-qlora-qwen2-5-7b)", () => {
    const m = trainingMemory(shape("qwen2.5-7b-instruct"), opts({ method: "qlora", rank: 16, seq: 512, checkpointing: true }));
    expect(m.total / GB).toBeGreaterThan(4.5);
    expect(m.total / GB).toBeLessThan(7);
  });
  it("full 16-bit fine-tuning of 65B needs more than 780 GB (QLoRA paper, abstract: '>780GB of GPU memory to <48GB')", () => {
    const m = trainingMemory(shape("llama-65b"), opts({ method: "full", seq: 512, checkpointing: true }));
    expect(m.total / GB).toBeGreaterThan(780);
  });
});

describe("training speed", () => {
  it("LoRA tokens/s = MFU × peak / (4 × active params + attention); time per MB at 200,000 tokens", () => {
    const s = shape("llama-2-7b");
    const o = opts({ method: "lora", seq: 2048 });
    const p = planTraining(s, o, simulateHardware("T4"));
    const attn = 32 * 2 * 32 * 1024 * (128 + 128);
    // T4: tensor-core FP16 65.13 TFLOPS (the spec table's matrixTflops), LoRA's default MFU
    const byHand = (65.13e12 * MFU_BY_METHOD.lora) / (2 * (2 * s.params.active + attn));
    expect(p.tokensPerSec).toBeCloseTo(byHand, 6);
    expect(p.secondsPerMB).toBeCloseTo(TOKENS_PER_MB / byHand, 6);
    const full = planTraining(s, { ...o, method: "full" }, simulateHardware("T4"));
    expect(p.tokensPerSec / full.tokensPerSec).toBeCloseTo((1.5 * MFU_BY_METHOD.lora) / MFU_BY_METHOD.full, 6);
    expect(DEFAULT_MFU).toBe(MFU_BY_METHOD.lora);
  });
  it("BF16 with FP32 accumulation: GeForce tensor cores at half their FP16-accumulate rate, workstation and data-centre parts at the full rate; FP8 doubles it where the part has FP8", () => {
    const s = shape("llama-3.1-8b");
    const o = opts({ method: "lora" });
    // Ada whitepaper: RTX 4090 165.2 TFLOPS BF16 with FP32 accumulate (330.3 with FP16 accumulate)
    expect(planTraining(s, o, simulateHardware("RTX 4090")).device.peakTflops).toBeCloseTo(330.32 / 2, 2);
    expect(planTraining(s, o, simulateHardware("RTX A6000")).device.peakTflops).toBeCloseTo(154.84, 2);
    const h100 = simulateHardware("H100 SXM5");
    const bf16 = planTraining(s, o, h100);
    const fp8 = planTraining(s, o, h100, { precision: "fp8" });
    expect(fp8.device.peakTflops).toBeCloseTo(2 * bf16.device.peakTflops, 6);
    expect(fp8.tokensPerSec / bf16.tokensPerSec).toBeCloseTo(2 * TRAINING_MFU.fp8, 6);
    const a100 = planTraining(s, o, simulateHardware("A100 80GB PCIe"), { precision: "fp8" });
    expect(a100.device.peakTflops).toBeCloseTo(312, 0);
    expect(a100.assumptions.join(" ")).toMatch(/no FP8/);
  });

  describe("against measured runs (data/training/finetune-throughput.csv)", () => {
    const runs = parseTrainingRuns(readFileSync("data/training/finetune-throughput.csv", "utf8"));
    it("the committed MFU is the refit of the measured runs (within 2 %; scripts/fit-speed-constants.mjs)", () => {
      const fitted = fitTrainingMfu(runs);
      for (const [k, v] of Object.entries(fitted)) expect(Math.abs(TRAINING_MFU[k as keyof typeof TRAINING_MFU] - v) / v, k).toBeLessThan(0.02);
    });
    it("every run is estimated within ±30 % by planTraining (torchtune's single-GPU table, VectorLM's A100 table, NeMo's H100 table)", () => {
      const p = predictTrainingRuns(runs, TRAINING_MFU);
      expect(p.length).toBe(runs.length);
      expect(new Set(runs.map((r) => r.method))).toEqual(new Set(["full", "lora", "qlora"]));
      for (const x of p) expect(Math.abs(x.errorPct), `${x.run.device} ${x.run.model_id} ${x.run.method} ${x.run.precision}`).toBeLessThanOrEqual(30);
    });
  });

  it("K80 trains at FP32 speed and says Kepler is unsupported by current CUDA", () => {
    const p = planTraining(shape("llama-3.2-1b"), opts({ method: "lora" }), simulateHardware("K80"));
    expect(p.device.precision).toBe("fp32");
    expect(p.assumptions.join(" ")).toMatch(/Kepler/);
  });
});

describe("llmfit train", () => {
  it("prints the machines side by side", async () => {
    let out = "";
    const code = await trainCommand.run(
      ["llama-3.2-1b", "--method", "lora", "--gpu", "T4", "--gpu", "RTX 3070", "--gpu", "Apple M1 8GB", "--gpu", "P100", "--gpu", "K80"],
      { stdout: (t) => void (out += t), stderr: () => {}, isTty: false, env: {} },
    );
    expect(code).toBe(0);
    for (const row of ["Cores", "FP32 TFLOPS", "FP16 TFLOPS", "Memory needed", "Verdict", "Training tok/s", "Time per MB", "Tier", "Watts"]) expect(out).toContain(row);
    expect(out).toContain("RTX 3070");
    expect(out).toContain("200,000 tokens per MB");
  });
  it("--json carries the plan per machine", async () => {
    let out = "";
    await trainCommand.run(["llama-3.2-1b", "--method", "qlora", "--gpu", "T4", "--json"], { stdout: (t) => void (out += t), stderr: () => {}, isTty: false, env: {} });
    const j = JSON.parse(out) as { machines: { verdict: string; tokens_per_sec: number; needed_bytes: number }[] };
    expect(j.machines[0]?.verdict).toBe("fits");
    expect(j.machines[0]?.needed_bytes).toBeLessThan(16 * GIB);
  });
});
