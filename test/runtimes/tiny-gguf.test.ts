// The tiny GGUF fixture must load in real llama.cpp (node-llama-cpp's prebuilt binaries) and
// stream tokens; the embedded runtime's tests and the prompt feature's end-to-end run rely on it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { tinyVocab, writeTinyGguf } from "../support/tiny-gguf.js";

const dir = mkdtempSync(join(tmpdir(), "llmfit-tiny-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("tiny random-weight GGUF", () => {
  it("has 3 specials, 256 byte tokens and the words", () => {
    const v = tinyVocab();
    expect(v.tokens.slice(0, 4)).toEqual(["<unk>", "<s>", "</s>", "<0x00>"]);
    expect(v.tokens.length).toBe(3 + 256 + v.wordIds.length);
  });

  it("loads in llama.cpp and generates a stream of text chunks", async () => {
    const path = writeTinyGguf(join(dir, "tiny.gguf"));
    const { getLlama, LlamaChatSession, LlamaLogLevel } = await import("node-llama-cpp");
    const llama = await getLlama({ gpu: false, build: "never", logLevel: LlamaLogLevel.error });
    const model = await llama.loadModel({ modelPath: path });
    try {
      expect(model.fileInfo.metadata.general.architecture).toBe("llama");
      const ctx = await model.createContext({ contextSize: 1024, threads: 1 });
      const session = new LlamaChatSession({ contextSequence: ctx.getSequence(), systemPrompt: "" });
      const chunks: string[] = [];
      const out = await session.prompt("hello", { maxTokens: 24, temperature: 0.8, seed: 1, onTextChunk: (t) => chunks.push(t) });
      expect(chunks.length).toBeGreaterThanOrEqual(8);
      expect(out.length).toBeGreaterThan(0);
      await ctx.dispose();
    } finally {
      await model.dispose();
    }
  }, 60_000);
});
