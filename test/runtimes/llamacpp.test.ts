import { afterEach, describe, expect, it } from "vitest";
import { LlmFitError } from "../../src/errors.js";
import { LlamaCppClient, metricValue, quantFromFileName } from "../../src/runtimes/llamacpp.js";
import {
  ScriptedStream,
  closedPort,
  fixtureText,
  hang,
  json,
  openaiChatStream,
  openaiDelta,
  sse,
  startFakeLlamaCpp,
  streamQueue,
  type FakeServer,
} from "../support/fake-servers.js";
import { collect } from "../support/chat.js";

const servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function fake(...args: Parameters<typeof startFakeLlamaCpp>): Promise<Awaited<ReturnType<typeof startFakeLlamaCpp>>> {
  const s = await startFakeLlamaCpp(...args);
  servers.push(s);
  return s;
}
const ask = { model: "tiny", messages: [{ role: "user" as const, content: "hi" }] };


describe("llama.cpp server (payloads from tools/server/README.md)", () => {
  it("reports build, the served model with its metadata, and the context it runs at", async () => {
    const s = await fake();
    const status = await new LlamaCppClient({ url: s.url }).status();
    if (status.state !== "up") throw new Error(status.reason);
    expect(status.version).toBe("b4381-47fbd5a2");
    expect(status.installed).toEqual([
      {
        name: "../models/Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf",
        runtime: "llamacpp",
        sizeBytes: 4912898304,
        parameterCount: 8030261312,
        contextLength: 131072,
        quantization: "Q4_K_M",
        runContext: 4096,
      },
    ]);
    expect(status.loaded).toEqual([{ name: "../models/Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf", runtime: "llamacpp", contextLength: 4096 }]);
  });

  it("reads /slots and /metrics, and knows metrics may be off (501)", async () => {
    const off = await fake();
    const c = new LlamaCppClient({ url: off.url });
    expect(await c.metrics()).toBeUndefined();
    expect((await c.slots())[0]).toMatchObject({ id: 0, n_ctx: 4096, is_processing: false });
    const on = await fake({ metrics: fixtureText("llamacpp/metrics.txt") });
    const m = await new LlamaCppClient({ url: on.url }).metrics();
    expect(metricValue(m ?? "", "llamacpp:predicted_tokens_seconds")).toBe(81.24);
  });

  it("says the model is loading on 503", async () => {
    const s = await fake({ health: json({ error: { code: 503, message: "Loading model", type: "unavailable_error" } }, 503) });
    const status = await new LlamaCppClient({ url: s.url }).status();
    expect(status.state === "up" && status.warnings).toEqual(["llama.cpp is still loading its model"]);
  });

  it("sends the API key, and explains a 401", async () => {
    const s = await fake({ apiKey: "sekret" });
    await expect(new LlamaCppClient({ url: s.url, apiKey: "sekret" }).props()).resolves.toMatchObject({ total_slots: 1 });
    expect(s.requests.at(-1)?.headers.authorization).toBe("Bearer sekret");
    const err = await new LlamaCppClient({ url: s.url, apiKey: "wrong" }).props().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "http", hint: expect.stringMatching(/^set runtimes.llamacpp.api_key \(or LLMFIT_LLAMACPP_API_KEY\); it is sent only to the URLs in runtimes.llamacpp.urls$/) });
    expect((err as LlmFitError).message).toMatch(/refused the request \(401: Invalid API Key\)/);
  });

  it("is down on a refused port and times out on a hung one", async () => {
    const port = await closedPort();
    const down = await new LlamaCppClient({ url: `http://127.0.0.1:${port}` }).status();
    expect(down.state === "down" && down.reason).toMatch(/^llama.cpp is not running on 127.0.0.1:\d+ — start it with `llama-server/);
    const s = await fake({ health: hang() });
    const t0 = Date.now();
    const hung = await new LlamaCppClient({ url: s.url, timeoutMs: 100 }).status();
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(hung.state === "down" && hung.reason).toMatch(/did not answer within 100 ms/);
  });

  it("counts a prompt's tokens with the server's tokenizer", async () => {
    const s = await fake();
    await expect(new LlamaCppClient({ url: s.url }).countTokens("why is the sky blue")).resolves.toBe(6);
    expect(s.requests.at(-1)?.json).toEqual({ content: "why is the sky blue", add_special: true });
  });

  it("guesses quantization from file names", () => {
    expect(quantFromFileName("Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf")).toBe("Q4_K_M");
    expect(quantFromFileName("qwen2.5-0.5b-instruct-q8_0.gguf")).toBe("Q8_0");
    expect(quantFromFileName("gemma-3-1b-it-BF16.gguf")).toBe("BF16");
    expect(quantFromFileName("model.gguf")).toBeUndefined();
  });
});

describe("llama.cpp streaming", () => {
  it("streams /v1/chat/completions until [DONE] with usage and timings from the last event", async () => {
    const s = await fake();
    const r = await collect(new LlamaCppClient({ url: s.url }).chat({ ...ask, options: { temperature: 0.2, maxTokens: 16, topK: 5 } }));
    expect(r.error).toBeUndefined();
    expect(r.text).toBe("Hello, world!");
    expect(r.chunks.at(-1)).toEqual({ type: "done", usage: { promptTokens: 12, completionTokens: 5 }, timings: { promptTps: 393.4, decodeTps: 80.5 }, reason: "stop" });
    expect(s.requests.at(-1)?.json).toMatchObject({ stream: true, temperature: 0.2, max_tokens: 16, top_k: 5 });
  });

  it("streams the native /completion until stop: true", async () => {
    const s = await fake();
    const r = await collect(new LlamaCppClient({ url: s.url }).complete("Hi", { options: { maxTokens: 3 } }));
    expect(r.text).toBe("Hello, world");
    expect(r.chunks.at(-1)).toEqual({ type: "done", usage: { promptTokens: 6, completionTokens: 3 }, timings: { promptTps: 19.03, decodeTps: 22.82 }, reason: "eos" });
    expect(s.requests.at(-1)?.json).toMatchObject({ prompt: "Hi", stream: true, n_predict: 3 });
  });

  it("turns an error event mid-stream into a typed error (data: and old error: forms)", async () => {
    const s = await fake({ chat: [openaiDelta("Hel"), sse({ error: { code: 500, message: "context shift is disabled", type: "server_error" } })] });
    const r = await collect(new LlamaCppClient({ url: s.url }).chat(ask));
    expect(r.text).toBe("Hel");
    expect(r.error?.message).toBe("llama.cpp error 500: context shift is disabled");
    s.setChat([openaiDelta("Hel"), 'error: {"code":500,"message":"slot unavailable","type":"server_error"}\n\n']);
    const r2 = await collect(new LlamaCppClient({ url: s.url }).chat(ask));
    expect(r2.error?.message).toBe("llama.cpp error 500: slot unavailable");
  });

  it("fails when the stream ends before [DONE] or is cut mid-event", async () => {
    const s = await fake({ chat: [openaiDelta("a"), openaiDelta("b")] });
    const r = await collect(new LlamaCppClient({ url: s.url }).chat(ask));
    expect(r.text).toBe("ab");
    expect(r.error?.message).toBe("llama.cpp stream broke: it ended before [DONE]");
    s.setChat([openaiDelta("a"), 'data: {"choices":[{"delta":{"content":"b']);
    const r2 = await collect(new LlamaCppClient({ url: s.url }).chat(ask));
    expect(r2.text).toBe("a");
    expect(r2.error?.code).toBe("http");
  });

  it("rejects malformed event data", async () => {
    const s = await fake({ chat: [openaiDelta("a"), sse("{oops"), ...openaiChatStream(["b"])] });
    const r = await collect(new LlamaCppClient({ url: s.url }).chat(ask));
    expect(r.error?.message).toMatch(/llama.cpp sent a bad stream event: not JSON/);
  });

  it("refuses an endless event", async () => {
    const stream = new ScriptedStream("text/event-stream");
    const s = await fake({ chat: streamQueue(stream) });
    stream.write(`data: ${"x".repeat(2 * 1024 * 1024)}`);
    const r = await collect(new LlamaCppClient({ url: s.url }).chat(ask));
    expect(r.error?.message).toMatch(/an event longer than/);
  });

  it("aborts mid-stream and the server sees it", async () => {
    const stream = new ScriptedStream("text/event-stream");
    const s = await fake({ chat: streamQueue(stream) });
    const ac = new AbortController();
    const run = collect(
      (async function* () {
        for await (const c of new LlamaCppClient({ url: s.url }).chat({ ...ask, signal: ac.signal })) {
          yield c;
          if (c.type === "text") ac.abort();
        }
      })(),
    );
    await stream.attached;
    stream.write(openaiDelta("tok"));
    const r = await run;
    expect(r.text).toBe("tok");
    expect(r.error?.code).toBe("cancelled");
    await stream.closed;
    expect(stream.clientAborted).toBe(true);
  });

  it("goes silent → timeout; 404 → not_found; 500 → one line", async () => {
    const stream = new ScriptedStream("text/event-stream");
    const s = await fake({ chat: streamQueue(stream) });
    stream.write(openaiDelta("a"));
    const r = await collect(new LlamaCppClient({ url: s.url, streamTimeoutMs: 120 }).chat(ask));
    expect(r.error?.code).toBe("timeout");
    s.route("POST /v1/chat/completions", json({ error: { code: 404, message: "model not found", type: "not_found_error" } }, 404));
    const r404 = await collect(new LlamaCppClient({ url: s.url }).chat(ask));
    expect(r404.error?.code).toBe("not_found");
    s.route("POST /v1/chat/completions", json({ error: { code: 500, message: "boom", type: "server_error" } }, 500));
    const r500 = await collect(new LlamaCppClient({ url: s.url }).chat(ask));
    expect(r500.error?.oneLine()).toBe("llama.cpp error 500: boom — check the llama.cpp log");
  });
});
