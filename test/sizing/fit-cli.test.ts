import { mkdtempSync } from "node:fs";
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
import { writeGgufFile } from "./gguf-writer.js";

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
    writeGgufFile(file,
      [["general.architecture", "llama"], ["general.file_type", 15], ["llama.block_count", 16], ["llama.context_length", 131072],
        ["llama.embedding_length", 2048], ["llama.feed_forward_length", 8192], ["llama.attention.head_count", 32],
        ["llama.attention.head_count_kv", 8]],
      applyQuantMix(shape, tensorsForShape(shape), "Q4_K_M"),
    );
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
    await expect(fit(["no-such-model-xyz"])).rejects.toThrow(/unknown model "no-such-model-xyz"/);
    await expect(fit(["llama-3.1-8b", "--quant", "Q9"])).rejects.toThrow(/unknown quantization/);
  });
});

describe("llmfit fit: speed and image models", () => {
  it("adds decode and prefill tokens/s at short and long context to --json", async () => {
    const { out } = await fit(["qwen3-8b", "--quant", "Q4_K_M", "--gpu", "RTX 3070", "--vram", "8", "--ram", "32", "--json"]);
    const speed = z
      .object({ decode_tps: z.number(), prefill_tps: z.number(), at: z.array(z.object({ ctx: z.number(), decode_tps: z.number() })) })
      .parse((JSON.parse(out) as { speed: unknown }).speed);
    // 448 GB/s over ~5 GB of weights read per token: bandwidth bound, well under 448/5 ≈ 90 tok/s.
    expect(speed.decode_tps).toBeGreaterThan(30);
    expect(speed.decode_tps).toBeLessThan(90);
    expect(speed.prefill_tps).toBeGreaterThan(speed.decode_tps * 5);
    expect(speed.at.map((a) => a.ctx)).toEqual([512, 32768]);
    expect(speed.at[1]!.decode_tps).toBeLessThan(speed.at[0]!.decode_tps); // reading a longer KV cache costs
  });

  it("sizes a diffusion pipeline and says what makes it fit", async () => {
    const { code, out } = await fit(["flux.1-dev", "--gpu", "RTX 3070", "--vram", "8", "--ram", "32", "--json"]);
    expect(code).toBe(3); // "no" exits 3, as a language model's does
    const j = JSON.parse(out) as { kind: string; verdict: string; fix?: unknown };
    expect(j.kind).toBe("diffusion");
    expect(j.verdict).toBe("no");
    const text = (await fit(["flux.1-dev", "--gpu", "RTX 3070", "--vram", "8", "--ram", "32"])).out;
    expect(text).toMatch(/fits with --dtype \S+ .*--offload/);
  });

  it("refuses image flags on a language model and bad values on an image model, in one line", async () => {
    await expect(fit(["qwen3-8b", "--res", "512x512"])).rejects.toMatchObject({ code: "bad_args", message: expect.stringMatching(/for image\/video models/) });
    await expect(fit(["flux.1-dev", "--res", "12x"])).rejects.toMatchObject({ code: "bad_args", message: expect.stringMatching(/^fit: --res: expects WIDTHxHEIGHT/) });
  });
});
