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
