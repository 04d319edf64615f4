import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fitCommand } from "../../src/cli/fit.js";
import { LlmFitError } from "../../src/errors.js";
import type { ModelShape } from "../../src/models/shape.js";
import { applyQuantMix } from "../../src/sizing/quant-mix.js";
import { referenceShape } from "../../src/sizing/reference-shapes.js";
import { tensorsForShape } from "../../src/sizing/tensors.js";
import { writeGguf } from "./gguf-writer.js";

const MIB = 1024 * 1024;

async function fit(args: string[]): Promise<{ code: number; out: string }> {
  let out = "";
  const code = await fitCommand.run(args, { stdout: (t) => (out += t), stderr: () => {}, isTty: false, env: {} });
  return { code, out };
}

const Json = z.object({
  quant: z.string(), ctx: z.number(), verdict: z.enum(["gpu", "partial", "cpu", "no"]),
  placement: z.object({ verdict: z.string(), reason: z.string() }),
  memory: z.object({
    weights: z.number().int(), kv: z.number().int(), recurrent: z.number().int(), compute: z.number().int(),
    output: z.number().int(), overhead: z.number().int(), total: z.number().int(),
  }),
});

describe("llmfit fit", () => {
  it("sizes a GGUF file like llama.cpp's CPU backend (llama-3.2-1b Q4_K_M @ 8192)", async () => {
    const shape = referenceShape("llama-3.2-1b") as ModelShape;
    const dir = mkdtempSync(join(tmpdir(), "llmfit-fit-"));
    const file = join(dir, "m.gguf");
    writeFileSync(file, writeGguf(
      [["general.architecture", "llama"], ["general.file_type", 15], ["llama.block_count", 16], ["llama.context_length", 131072],
        ["llama.embedding_length", 2048], ["llama.feed_forward_length", 8192], ["llama.attention.head_count", 32],
        ["llama.attention.head_count_kv", 8]],
      applyQuantMix(shape, tensorsForShape(shape), "Q4_K_M"),
    ));
    const { code, out } = await fit([file, "--ctx", "8192", "--device", "cpu", "--ram", "64", "--json"]);
    expect(code).toBe(0);
    const j = Json.parse(JSON.parse(out));
    const m = j.memory;
    expect(m.total).toBe(m.weights + m.kv + m.recurrent + m.compute + m.output + m.overhead);
    expect(m.overhead).toBe(0);
    expect(m.kv / MIB).toBe(256);
    expect(Math.abs(m.compute / MIB - 258.5)).toBeLessThan(1);
    // llama.cpp: 1268.8 MiB total with the mapped buffer 9 MiB short of the tensor data
    expect(Math.abs(m.total / MIB - 1268.8) / 1268.8).toBeLessThan(0.03);
    expect(j.verdict).toBe("cpu");
  });
  it("places a catalog or reference model on a GPU given by flags", async () => {
    const { out } = await fit(["llama-3.1-8b", "--quant", "q4_k_m", "--ctx", "8192", "--gpu", "RTX 4090", "--vram", "24", "--ram", "64", "--json"]);
    const j = Json.parse(JSON.parse(out));
    expect(j.quant).toBe("Q4_K_M");
    expect(j.verdict).toBe("gpu");
    expect(j.memory.overhead).toBeGreaterThan(0);
  });
  it("rejects bad flags and unknown models with one line", async () => {
    await expect(fit(["llama-3.1-8b", "--kv-type", "q5_k"])).rejects.toBeInstanceOf(LlmFitError);
    await expect(fit(["no-such-model-xyz"])).rejects.toThrow(/unknown model/);
    await expect(fit(["llama-3.1-8b", "--quant", "Q9"])).rejects.toThrow(/unknown quantization/);
  });
});
