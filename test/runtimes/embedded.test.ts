// The embedded runtime for real: llama.cpp in-process (node-llama-cpp) on the tiny random GGUF.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LlmFitError } from "../../src/errors.js";
import { EmbeddedRuntime } from "../../src/runtimes/embedded.js";
import type { ChatChunk } from "../../src/runtimes/types.js";
import { writeTinyGguf } from "../support/tiny-gguf.js";

const dir = mkdtempSync(join(tmpdir(), "llmfit-embedded-"));
const path = writeTinyGguf(join(dir, "tiny.gguf"));
// One thread: the test machine is small and shared, and llama.cpp's spinning threads starve each other.
const runtime = new EmbeddedRuntime({ model: path, gpu: false, threads: 1, contextSize: 1024 });
afterAll(async () => {
  await runtime.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const ask = (content: string, extra: Partial<Parameters<EmbeddedRuntime["chat"]>[0]> = {}) => ({
  model: "tiny",
  messages: [{ role: "user" as const, content }],
  options: { maxTokens: 24, temperature: 0.8, seed: 7 },
  ...extra,
});

describe("embedded runtime (node-llama-cpp, tiny GGUF)", () => {
  it("streams many text chunks, then done with token counts", async () => {
    const chunks: ChatChunk[] = [];
    for await (const c of runtime.chat(ask("hello"))) chunks.push(c);
    const texts = chunks.filter((c) => c.type === "text");
    expect(texts.length).toBeGreaterThanOrEqual(8);
    const done = chunks.at(-1);
    expect(done?.type).toBe("done");
    if (done?.type !== "done") return;
    expect(done.usage?.completionTokens).toBeGreaterThanOrEqual(8);
    expect(done.usage?.promptTokens).toBeGreaterThan(0);
  }, 60_000);

  it("times the prompt and the answer on its own clock: prompt tok/s as the servers report it", async () => {
    const t0 = performance.now();
    let done: ChatChunk | undefined;
    for await (const c of runtime.chat(ask("the cat sat on the mat and the sky is blue, hello world", { options: { maxTokens: 40, seed: 5 } }))) done = c;
    const wallMs = performance.now() - t0;
    expect(done?.type).toBe("done");
    if (done?.type !== "done") return;
    const { promptTps, decodeTps } = done.timings ?? {};
    const prompt = done.usage?.promptTokens ?? 0;
    const answer = done.usage?.completionTokens ?? 0;
    expect(prompt).toBeGreaterThanOrEqual(8);
    expect(promptTps).toBeGreaterThan(0);
    expect(decodeTps).toBeGreaterThan(0);
    // the two spans the rates come from lie inside the chat's wall time (a rate in the wrong unit would not)
    const spansMs = (prompt / (promptTps ?? 1)) * 1000 + ((answer - 1) / (decodeTps ?? 1)) * 1000;
    expect(spansMs).toBeLessThanOrEqual(wallMs);
    expect(spansMs).toBeGreaterThan(0.2 * wallMs);
  }, 60_000);

  it("keeps a conversation (system + history)", async () => {
    let text = "";
    for await (const c of runtime.chat({
      model: "tiny",
      messages: [
        { role: "system", content: "be brief" },
        { role: "user", content: "hi" },
        { role: "assistant", content: "the cat" },
        { role: "user", content: "more" },
      ],
      options: { maxTokens: 8, seed: 1 },
    })) if (c.type === "text") text += c.text;
    expect(text.length).toBeGreaterThan(0);
  }, 60_000);

  it("stops when aborted mid-stream and says cancelled", async () => {
    const ac = new AbortController();
    let n = 0;
    const err = await (async () => {
      for await (const c of runtime.chat(ask("hello", { signal: ac.signal, options: { maxTokens: 200, seed: 3 } }))) {
        if (c.type === "text" && ++n === 3) ac.abort();
      }
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmFitError);
    expect((err as LlmFitError).code).toBe("cancelled");
    expect(n).toBeLessThan(20);
  }, 60_000);

  it("stops generating when the consumer breaks out", async () => {
    let n = 0;
    for await (const c of runtime.chat(ask("hello", { options: { maxTokens: 200 } }))) {
      if (c.type === "text" && ++n === 2) break;
    }
    // The next chat works: the first one released its context.
    let more = 0;
    for await (const c of runtime.chat(ask("again"))) if (c.type === "text") more++;
    expect(more).toBeGreaterThan(0);
  }, 60_000);

  it("never opens a context beyond the model's trained context (the tiny model: 2048)", async () => {
    for await (const c of runtime.chat(ask("hi", { options: { maxTokens: 2, numCtx: 8192 } }))) void c;
    expect(runtime.openedContext).toBe(2048);
    for await (const c of runtime.chat(ask("hi", { options: { maxTokens: 2, numCtx: 512 } }))) void c;
    expect(runtime.openedContext).toBe(512);
  }, 60_000);

  it("says what to do when node-llama-cpp is missing or the file is not there", async () => {
    const missing = new EmbeddedRuntime({
      model: path,
      importModule: () => Promise.reject(Object.assign(new Error("Cannot find package 'node-llama-cpp'"), { code: "ERR_MODULE_NOT_FOUND" })),
    });
    await expect(missing.chat(ask("x")).next()).rejects.toMatchObject({
      code: "runtime_down",
      message: "the embedded runtime needs node-llama-cpp, which is not installed",
    });
    await expect(new EmbeddedRuntime({ model: join(dir, "nope.gguf") }).chat(ask("x")).next()).rejects.toMatchObject({ code: "not_found" });
  });
});
