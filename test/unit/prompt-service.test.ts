// The prompt service's context guard: a runtime's own tokenizer when it has one, else the estimate.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { PromptService } from "../../src/prompt/service.js";
import { startFakeLlamaCpp, type FakeSseServer } from "../support/fake-servers.js";

let server: FakeSseServer;
beforeAll(async () => {
  server = await startFakeLlamaCpp();
});
afterAll(async () => server?.close());

function service(maxTokens: number) {
  const { config } = parseConfig({
    runtimes: { ollama: { enabled: false }, lmstudio: { enabled: false }, llamacpp: { urls: [server.url] } },
    prompt: { max_tokens: maxTokens },
  });
  const events = { chunk: () => undefined, done: () => undefined, failed: () => undefined };
  return new PromptService(() => config, events, async () => 0);
}

const context = { text: "one two three four five six seven eight", filetype: "", filename: "", register: "", diagnostics: "" };

describe("the context guard", () => {
  it("counts with llama.cpp's /tokenize and says so without an ≈", async () => {
    const model = { runtime: "llamacpp" as const, url: server.url, model: "m", context: 64 };
    await expect(service(60).start({ id: 1, template: "summarize", input: "", context, model })).rejects.toMatchObject({
      code: "bad_args",
      message: expect.stringMatching(/^the prompt is \d+ tokens and the answer may take 60, more than the model's context of 64$/),
    });
    expect(server.requests.some((r) => r.path === "/tokenize")).toBe(true);
  });

  it("lets a prompt through that fits", async () => {
    const model = { runtime: "llamacpp" as const, url: server.url, model: "m", context: 4096 };
    const started = await service(256).start({ id: 2, template: "summarize", input: "", context, model });
    expect(started).toMatchObject({ state: "started", label: "m · llama.cpp" });
  });
});

describe("a broken embedded model is not remembered", () => {
  it("forgets a remembered GGUF that fails to load, and the picker never lists a missing file", async () => {
    const { mkdtempSync, writeFileSync, existsSync, readFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = mkdtempSync(join(tmpdir(), "llmfit-forget-"));
    const broken = join(dir, "broken.gguf");
    writeFileSync(broken, "not a gguf at all");
    const lastFile = join(dir, "last-model.json");
    const { config } = parseConfig({
      runtimes: { ollama: { enabled: false }, lmstudio: { enabled: false }, llamacpp: { enabled: false } },
      prompt: { embedded_model: join(dir, "missing.gguf"), embedded_threads: 1 },
    });
    const failures: string[] = [];
    let ended!: () => void;
    const over = new Promise<void>((r) => (ended = r));
    const events = { chunk: () => undefined, done: () => ended(), failed: (_id: number, m: string) => (failures.push(m), ended()) };
    const svc = new PromptService(() => config, events, async () => 0, lastFile);

    // A configured file that is not there is not offered.
    expect((await svc.models()).filter((m) => m.runtime === "embedded")).toEqual([]);
    expect(() => svc.choose({ runtime: "embedded", url: "", model: join(dir, "missing.gguf") })).toThrow(/no GGUF file at .*missing\.gguf/);

    svc.choose({ runtime: "embedded", url: "", model: broken });
    expect(JSON.parse(readFileSync(lastFile, "utf8"))).toMatchObject({ model: broken });
    const started = await svc.start({ id: 9, template: "explain", input: "", context });
    expect(started).toMatchObject({ state: "started" });
    await over;
    await svc.run(9).settled();
    await new Promise((r) => setTimeout(r, 0));
    expect(failures).toHaveLength(1);
    expect(existsSync(lastFile)).toBe(false);
    // The next prompt asks for a model instead of failing the same way.
    expect(await svc.start({ id: 10, template: "explain", input: "", context })).toEqual({ state: "needs_model" });
  }, 30_000);
});

describe("embedded threads", () => {
  it("never oversubscribes: physical cores (half the logical CPUs above 4) minus one for the editor", async () => {
    const { embeddedThreads } = await import("../../src/prompt/service.js");
    expect([1, 2, 4, 8, 16, 32].map((n) => embeddedThreads(n))).toEqual([1, 1, 3, 3, 7, 15]);
  });
});

describe("when nothing answers", () => {
  const { config } = parseConfig({ runtimes: { ollama: { enabled: false }, lmstudio: { enabled: false }, llamacpp: { enabled: false } } });
  const events = { chunk: () => undefined, done: () => undefined, failed: () => undefined };
  const offer = { name: "Qwen3 0.6B", repo: "Qwen/Qwen3-0.6B-GGUF", revision: "a".repeat(40), file: "Qwen3-0.6B-Q8_0.gguf", quant: "Q8_0", bytes: 639_446_688 };
  const onDisk = [{ path: "/m/tiny.gguf", bytes: 3 * 1024 ** 2, source: "LM Studio" as const, name: "tiny.gguf" }, { path: "/o/blobs/sha256-ab", bytes: 2 * 1024 ** 3, source: "Ollama" as const, name: "qwen3:0.6b" }];

  it("offers the models on disk first, without a download", async () => {
    let asked = 0;
    const svc = new PromptService(() => config, events, async () => 0, undefined, undefined, {}, { onDisk: async () => onDisk, offer: async () => (asked++, offer) });
    const models = await svc.models({ offerDefault: true });
    expect(models.map((m) => m.label)).toEqual(["on disk: /m/tiny.gguf (3.0 MiB, LM Studio)", "on disk: /o/blobs/sha256-ab (2.0 GiB, Ollama qwen3:0.6b)"]);
    expect(models.map((m) => [m.runtime, m.model, m.download])).toEqual([["embedded", "/m/tiny.gguf", undefined], ["embedded", "/o/blobs/sha256-ab", undefined]]);
    expect(asked).toBe(0);
  });

  it("else offers the default model's download, saying its size, into the models dir", async () => {
    const svc = new PromptService(() => config, events, async () => 0, undefined, undefined, {}, { onDisk: async () => [], offer: async () => offer, modelsDir: "/home/u/.node-llama-cpp/models" });
    const [m, ...rest] = await svc.models({ offerDefault: true });
    expect(rest).toEqual([]);
    expect(m).toMatchObject({ runtime: "embedded", model: "/home/u/.node-llama-cpp/models/hf_Qwen_Qwen3-0.6B-Q8_0.gguf", download: offer, label: "download Qwen3 0.6B Q8_0 (610 MiB) from Hugging Face and run it in-process" });
    // only the picker asks: resolving a named model never reaches the Hub or the disk
    expect(await svc.models()).toEqual([]);
  });

  it("an unreachable Hub is the picker's one line", async () => {
    const svc = new PromptService(() => config, events, async () => 0, undefined, undefined, {}, {
      onDisk: async () => [],
      offer: async () => {
        throw new Error("could not reach huggingface.co");
      },
    });
    await expect(svc.models({ offerDefault: true })).rejects.toThrow("could not reach huggingface.co");
  });
});
