import { afterEach, describe, expect, it } from "vitest";
import { LmStudioClient } from "../../src/runtimes/lmstudio.js";
import { OpenAiCompatClient, openAiApiBase } from "../../src/runtimes/openai.js";
import type { ChatChunk } from "../../src/runtimes/types.js";
import { fixtureJson, json, openaiChatStream, startFakeLmStudio, startServer, type FakeServer } from "../support/fake-servers.js";

const servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function all(it: AsyncIterable<ChatChunk>): Promise<ChatChunk[]> {
  const out: ChatChunk[] = [];
  for await (const c of it) out.push(c);
  return out;
}

describe("LM Studio (payloads from lmstudio.ai REST and OpenAI-compatible docs)", () => {
  it("lists chat models with quantization, max context and load state", async () => {
    const s = await startFakeLmStudio();
    servers.push(s);
    const status = await new LmStudioClient({ url: s.url }).status();
    if (status.state !== "up") throw new Error(status.reason);
    expect(status.installed).toEqual([
      { name: "qwen2-vl-7b-instruct", runtime: "lmstudio", family: "qwen2_vl", quantization: "4bit", contextLength: 32768 },
      { name: "meta-llama-3.1-8b-instruct", runtime: "lmstudio", family: "llama", quantization: "Q4_K_M", contextLength: 131072 },
    ]);
    expect(status.loaded).toEqual([{ name: "meta-llama-3.1-8b-instruct", runtime: "lmstudio" }]);
  });

  it("reads LM Studio 0.4's /api/v1/models with loaded instances and their context", async () => {
    const s = await startFakeLmStudio({ apiV1Models: fixtureJson("lmstudio/api-v1-models.json") });
    servers.push(s);
    const status = await new LmStudioClient({ url: s.url }).status();
    if (status.state !== "up") throw new Error(status.reason);
    expect(status.installed).toEqual([
      { name: "qwen/qwen3-4b-2507", runtime: "lmstudio", sizeBytes: 2497280256, family: "qwen3", parameterSize: "4B", quantization: "Q4_K_M", contextLength: 262144 },
      { name: "openai/gpt-oss-20b", runtime: "lmstudio", sizeBytes: 12109566560, family: "gpt-oss", parameterSize: "20B", quantization: "MXFP4", contextLength: 131072 },
    ]);
    expect(status.loaded).toEqual([{ name: "qwen/qwen3-4b-2507", runtime: "lmstudio", contextLength: 8192 }]);
    expect(s.requests.map((r) => r.path)).toEqual(["/api/v1/models"]);
  });

  it("falls back to /v1/models when the REST API is missing", async () => {
    const s = await startFakeLmStudio();
    servers.push(s);
    s.route("GET /api/v0/models", json({ error: "Unexpected endpoint or method. (GET /api/v0/models)" }, 404));
    const status = await new LmStudioClient({ url: s.url }).status();
    expect(status.state === "up" && status.installed.map((m) => m.name)).toEqual(["qwen2-vl-7b-instruct", "meta-llama-3.1-8b-instruct", "text-embedding-nomic-embed-text-v1.5"]);
  });

  it("streams a chat", async () => {
    const s = await startFakeLmStudio();
    servers.push(s);
    const chunks = await all(new LmStudioClient({ url: s.url }).chat({ model: "meta-llama-3.1-8b-instruct", messages: [{ role: "user", content: "hi" }] }));
    expect(chunks.filter((c) => c.type === "text").map((c) => (c.type === "text" ? c.text : ""))).toEqual(["Hi", " there"]);
    expect(chunks.at(-1)).toEqual({ type: "done", usage: { promptTokens: 12, completionTokens: 5 }, reason: "stop" });
  });
});

describe("OpenAI-compatible server", () => {
  it("adds /v1 only when the URL has no version", () => {
    expect(openAiApiBase("http://box:8000")).toBe("http://box:8000/v1");
    expect(openAiApiBase("http://box:8000/v1/")).toBe("http://box:8000/v1");
    expect(openAiApiBase("http://box/openai/v2")).toBe("http://box/openai/v2");
  });

  it("lists models and streams with the key", async () => {
    const s = await startServer({
      "GET /v1/models": json({ object: "list", data: [{ id: "Qwen/Qwen3-8B", object: "model" }] }),
    });
    servers.push(s);
    s.route("POST /v1/chat/completions", (_req, res) => {
      res.writeHead(200, { "Content-Type": "text/event-stream" });
      res.end(openaiChatStream(["ok"], "Qwen/Qwen3-8B", false).join(""));
    });
    const c = new OpenAiCompatClient({ name: "vllm", url: s.url, apiKey: "k1" });
    const status = await c.status();
    expect(status.state === "up" && status.installed).toEqual([{ name: "Qwen/Qwen3-8B", runtime: "openai" }]);
    const chunks = await all(c.chat({ model: "Qwen/Qwen3-8B", messages: [{ role: "user", content: "x" }] }));
    expect(chunks[0]).toEqual({ type: "text", text: "ok" });
    expect(s.requests.every((r) => r.headers.authorization === "Bearer k1")).toBe(true);
  });
});
