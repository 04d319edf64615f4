import { afterEach, describe, expect, it } from "vitest";
import { LlmFitError } from "../../src/errors.js";
import { OllamaClient } from "../../src/runtimes/ollama.js";
import type { ChatChunk } from "../../src/runtimes/types.js";
import {
  ScriptedStream,
  closedPort,
  delayed,
  fixtureText,
  hang,
  huge,
  json,
  ollamaChatDone,
  ollamaChatToken,
  ollamaLine,
  startFakeOllama,
  streamQueue,
  text,
  type FakeServer,
} from "../support/fake-servers.js";
import { collect } from "../support/chat.js";

const servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function fake(...args: Parameters<typeof startFakeOllama>): Promise<Awaited<ReturnType<typeof startFakeOllama>>> {
  const s = await startFakeOllama(...args);
  servers.push(s);
  return s;
}

const ask = { model: "llama3.2", messages: [{ role: "user" as const, content: "why is the sky blue?" }] };


describe("Ollama queries (payloads from docs/api.md)", () => {
  it("reports version, installed models with metadata, and loaded models", async () => {
    const s = await fake({ show: { "codellama:13b": JSON.parse(fixtureText("ollama/show-llama3.2.json")) } });
    const status = await new OllamaClient({ url: s.url }).status();
    expect(status.state).toBe("up");
    if (status.state !== "up") return;
    expect(status.version).toBe("0.12.6");
    expect(status.installed.map((m) => m.name)).toEqual(["codellama:13b", "llama3:latest"]);
    const code = status.installed[0];
    expect(code).toMatchObject({ runtime: "ollama", sizeBytes: 7365960935, family: "llama", quantization: "Q4_0", parameterCount: 8030261248, contextLength: 8192 });
    expect(code?.shape?.layers).toHaveLength(32);
    // llama3:latest has no /api/show answer in this fake: listed without metadata, with a warning.
    expect(status.installed[1]?.shape).toBeUndefined();
    expect(status.warnings.join("\n")).toMatch(/llama3:latest: Ollama has no model "llama3:latest"/);
    expect(status.loaded).toEqual([
      { name: "mistral:latest", runtime: "ollama", sizeBytes: 5137025024, sizeVramBytes: 5137025024, contextLength: 4096, expiresAt: "2024-06-04T14:38:31.83753-07:00" },
    ]);
  });

  it("asks /api/show again with verbose=true when per-layer arrays were elided", async () => {
    const short = {
      details: { family: "gemma3", quantization_level: "Q4_K_M" },
      model_info: {
        "general.architecture": "gemma3",
        "general.parameter_count": 4300079472,
        "gemma3.block_count": 6,
        "gemma3.embedding_length": 2560,
        "gemma3.attention.head_count": 8,
        "gemma3.attention.head_count_kv": 4,
        "gemma3.attention.key_length": 256,
        "gemma3.attention.value_length": 256,
        "gemma3.attention.sliding_window": 1024,
        "gemma3.feed_forward_length": 10240,
        "gemma3.context_length": 131072,
        "tokenizer.ggml.tokens": [],
      },
    };
    const verbose = { ...short, model_info: { ...short.model_info, "tokenizer.ggml.tokens": Array.from({ length: 262144 }, (_, i) => `t${i}`) } };
    const s = await fake({ tags: { models: [{ name: "gemma3:4b", size: 3338801804 }] }, show: { "gemma3:4b": short, "gemma3:4b#verbose": verbose } });
    const status = await new OllamaClient({ url: s.url }).status();
    if (status.state !== "up") throw new Error(status.reason);
    const shape = status.installed[0]?.shape;
    expect(shape?.nVocab).toBe(262144);
    expect(shape?.swaWindow).toBe(1024);
    expect(shape?.layers.map((l) => l.swa)).toEqual([true, true, true, true, true, false]);
    const shows = s.requests.filter((r) => r.path === "/api/show").map((r) => r.json);
    expect(shows).toEqual([{ model: "gemma3:4b" }, { model: "gemma3:4b", verbose: true }]);
  });

  it("says Ollama is not running when the port refuses", async () => {
    const port = await closedPort();
    const t0 = Date.now();
    const status = await new OllamaClient({ url: `http://127.0.0.1:${port}`, timeoutMs: 2000 }).status();
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(status).toEqual({
      kind: "ollama",
      name: "Ollama",
      url: `http://127.0.0.1:${port}`,
      state: "down",
      reason: `Ollama is not running on 127.0.0.1:${port} — start it with \`ollama serve\` or set \`runtimes.ollama.url\``,
    });
  });

  it("gives up on a hung server after the timeout", async () => {
    const s = await fake();
    s.route("GET /api/version", hang());
    const t0 = Date.now();
    const err = await new OllamaClient({ url: s.url, timeoutMs: 150 }).version().catch((e: unknown) => e);
    const took = Date.now() - t0;
    expect(err).toBeInstanceOf(LlmFitError);
    expect((err as LlmFitError).code).toBe("timeout");
    expect((err as LlmFitError).message).toMatch(/did not answer within 150 ms/);
    expect(took).toBeGreaterThanOrEqual(140);
    expect(took).toBeLessThan(1000);
  });

  it("accepts a slow answer inside the timeout", async () => {
    const s = await fake();
    s.route("GET /api/version", delayed(50, json({ version: "0.1.0" })));
    await expect(new OllamaClient({ url: s.url, timeoutMs: 1000 }).version()).resolves.toBe("0.1.0");
  });

  it("rejects malformed JSON and wrong shapes as bad responses", async () => {
    const s = await fake();
    s.route("GET /api/tags", text("{not json", 200, "application/json"));
    s.route("GET /api/ps", json({ models: [{ name: 3 }] }));
    const c = new OllamaClient({ url: s.url });
    await expect(c.tags()).rejects.toMatchObject({ code: "http", message: expect.stringMatching(/Ollama sent a bad \/api\/tags response: not JSON/) });
    await expect(c.ps()).rejects.toMatchObject({ code: "http", message: expect.stringMatching(/bad \/api\/ps response: models\.0\.name/) });
  });

  it("turns a 500 into one line with Ollama's message", async () => {
    const s = await fake();
    s.route("GET /api/tags", json({ error: "something broke" }, 500));
    await expect(new OllamaClient({ url: s.url }).tags()).rejects.toMatchObject({ code: "http", message: "Ollama error 500: something broke" });
    s.route("GET /api/tags", text("<html>Bad Gateway</html>", 502, "text/html"));
    await expect(new OllamaClient({ url: s.url }).tags()).rejects.toMatchObject({ code: "http", message: "Ollama error 502: an HTML page: Bad Gateway" });
  });

  it("refuses a huge response without reading it all", async () => {
    const s = await fake();
    s.route("GET /api/tags", huge(64 * 1024 * 1024));
    const before = process.memoryUsage().rss;
    await expect(new OllamaClient({ url: s.url }).tags()).rejects.toMatchObject({ code: "http", message: expect.stringMatching(/larger than 16777216 bytes/) });
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });
});

describe("Ollama chat stream", () => {
  it("streams tokens and ends with usage and speed", async () => {
    const s = await fake();
    const r = await collect(new OllamaClient({ url: s.url }).chat({ ...ask, options: { temperature: 0, numCtx: 8192, maxTokens: 64 } }));
    expect(r.error).toBeUndefined();
    expect(r.text).toBe("The sky is blue.");
    const done = r.chunks.at(-1);
    expect(done).toMatchObject({ type: "done", usage: { promptTokens: 26, completionTokens: 282 }, reason: "stop" });
    if (done?.type !== "done") throw new Error("no done");
    expect(done.timings?.decodeTps).toBeCloseTo(282 / 4.535599, 3);
    expect(s.requests.at(-1)?.json).toMatchObject({ model: "llama3.2", stream: true, options: { temperature: 0, num_ctx: 8192, num_predict: 64 } });
  });

  it("parses the documented stream fixture", async () => {
    const s = await fake({ chat: fixtureText("ollama/chat-stream.ndjson").split(/(?<=\n)/) });
    const r = await collect(new OllamaClient({ url: s.url }).chat(ask));
    expect(r.text).toBe("The");
    expect(r.chunks.at(-1)).toMatchObject({ type: "done", usage: { promptTokens: 26, completionTokens: 282 } });
  });

  it("turns an {error} line inside a 200 stream into a typed error after the partial text", async () => {
    const s = await fake({ chat: fixtureText("ollama/chat-error-midstream.ndjson").split(/(?<=\n)/) });
    const r = await collect(new OllamaClient({ url: s.url }).chat(ask));
    expect(r.text).toBe("The");
    expect(r.error?.code).toBe("http");
    expect(r.error?.message).toBe("Ollama error: an error was encountered while running the model: unexpected EOF");
  });

  it("says which model is missing on a 404", async () => {
    const s = await fake();
    s.route("POST /api/chat", json({ error: "model 'nope' not found" }, 404));
    const r = await collect(new OllamaClient({ url: s.url }).chat({ ...ask, model: "nope" }));
    expect(r.error?.code).toBe("not_found");
    expect(r.error?.oneLine()).toBe('Ollama has no model "nope" — pull it with `llmfit pull nope` (or `ollama pull nope`)');
  });

  it("fails clearly when the stream ends without done", async () => {
    const s = await fake({ chat: [ollamaChatToken("The"), ollamaChatToken(" sky")] });
    const r = await collect(new OllamaClient({ url: s.url }).chat(ask));
    expect(r.text).toBe("The sky");
    expect(r.error?.message).toBe("Ollama stream broke: it ended before the final message");
  });

  it("fails clearly when the stream is cut mid-line", async () => {
    const s = await fake({ chat: [ollamaChatToken("The"), '{"model":"llama3.2","message":{"role":"assist'] });
    const r = await collect(new OllamaClient({ url: s.url }).chat(ask));
    expect(r.text).toBe("The");
    expect(r.error?.message).toBe("Ollama stream broke: it ended in the middle of a line");
  });

  it("fails clearly when the connection drops mid-stream", async () => {
    const stream = new ScriptedStream("application/x-ndjson");
    const s = await fake({ chat: streamQueue(stream) });
    stream.write(ollamaChatToken("The")).write('{"model":"ll');
    // Cut once the client has the first chunk (a fixed delay races a busy machine).
    async function* cutAfterFirst(it: AsyncIterable<ChatChunk>): AsyncIterable<ChatChunk> {
      for await (const c of it) {
        yield c;
        stream.cut();
      }
    }
    const r = await collect(cutAfterFirst(new OllamaClient({ url: s.url }).chat(ask)));
    expect(r.text).toBe("The");
    expect(r.error?.code).toBe("http");
    expect(r.error?.message).toMatch(/Ollama stream broke: (the connection closed mid-response|it ended in the middle of a line)/);
  });

  it("rejects a malformed line instead of skipping it", async () => {
    const s = await fake({ chat: [ollamaChatToken("The"), "this is not json\n", ollamaChatToken(" sky"), ollamaChatDone()] });
    const r = await collect(new OllamaClient({ url: s.url }).chat(ask));
    expect(r.text).toBe("The");
    expect(r.error?.message).toMatch(/Ollama sent a bad stream line: not JSON: this is not json/);
  });

  it("refuses a runaway line", async () => {
    const s = await fake();
    s.route("POST /api/chat", huge(8 * 1024 * 1024, "application/x-ndjson"));
    const r = await collect(new OllamaClient({ url: s.url }).chat(ask));
    expect(r.error?.message).toMatch(/longer than 1048576 bytes/);
  });

  it("times out when the first byte is too slow (e.g. a model that never finishes loading)", async () => {
    const s = await fake();
    s.route("POST /api/chat", hang());
    const t0 = Date.now();
    const r = await collect(new OllamaClient({ url: s.url, streamTimeoutMs: 120 }).chat(ask));
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(r.error?.code).toBe("timeout");
    expect(r.error?.message).toMatch(/did not answer within 120 ms/);
  });

  it("times out when the stream goes silent", async () => {
    const stream = new ScriptedStream("application/x-ndjson");
    const s = await fake({ chat: streamQueue(stream) });
    stream.write(ollamaChatToken("The"));
    const r = await collect(new OllamaClient({ url: s.url, streamTimeoutMs: 150 }).chat(ask));
    expect(r.text).toBe("The");
    expect(r.error?.code).toBe("timeout");
    await stream.closed;
    expect(stream.clientAborted).toBe(true);
  });

  it("aborts mid-stream: the server sees the socket close and the iterator says cancelled", async () => {
    const stream = new ScriptedStream("application/x-ndjson");
    const s = await fake({ chat: streamQueue(stream) });
    const ac = new AbortController();
    const seen: string[] = [];
    const run = (async () => {
      try {
        for await (const c of new OllamaClient({ url: s.url }).chat({ ...ask, signal: ac.signal })) {
          if (c.type === "text") {
            seen.push(c.text);
            ac.abort();
          }
        }
        return undefined;
      } catch (err) {
        return err;
      }
    })();
    await stream.attached;
    stream.write(ollamaChatToken("The"));
    const err = await run;
    expect(seen).toEqual(["The"]);
    expect(err).toMatchObject({ code: "cancelled" });
    await stream.closed;
    expect(stream.clientAborted).toBe(true);
  });

  it("closes the connection when the consumer stops reading", async () => {
    const stream = new ScriptedStream("application/x-ndjson");
    const s = await fake({ chat: streamQueue(stream) });
    stream.write(ollamaChatToken("The"));
    for await (const c of new OllamaClient({ url: s.url }).chat(ask)) {
      if (c.type === "text") break;
    }
    await stream.closed;
    expect(stream.clientAborted).toBe(true);
  });

  it("aborting one stream leaves another running", async () => {
    const a = new ScriptedStream("application/x-ndjson");
    const b = new ScriptedStream("application/x-ndjson");
    const s = await fake({ chat: streamQueue(a, b) });
    const client = new OllamaClient({ url: s.url });
    const acA = new AbortController();
    const runA = collect(client.chat({ ...ask, signal: acA.signal }));
    await a.attached;
    const runB = collect(client.chat(ask));
    await b.attached;
    a.write(ollamaChatToken("A1"));
    b.write(ollamaChatToken("B1"));
    await new Promise((r) => setTimeout(r, 30));
    acA.abort();
    b.write(ollamaChatToken("B2")).write(ollamaChatDone()).end();
    const [ra, rb] = await Promise.all([runA, runB]);
    expect(ra.error?.code).toBe("cancelled");
    expect(rb.error).toBeUndefined();
    expect(rb.text).toBe("B1B2");
  });

  it("is cancelled before sending when the signal is already aborted", async () => {
    const s = await fake();
    const ac = new AbortController();
    ac.abort();
    const r = await collect(new OllamaClient({ url: s.url }).chat({ ...ask, signal: ac.signal }));
    expect(r.error?.code).toBe("cancelled");
    expect(s.requests.filter((q) => q.path === "/api/chat")).toHaveLength(0);
  });

  it("says Ollama is down when chatting to a closed port", async () => {
    const port = await closedPort();
    const r = await collect(new OllamaClient({ url: `http://127.0.0.1:${port}` }).chat(ask));
    expect(r.error?.code).toBe("runtime_down");
  });
});

describe("Ollama pull", () => {
  it("streams progress until success", async () => {
    const s = await fake();
    const seen = [];
    for await (const p of new OllamaClient({ url: s.url }).pull("llama3.2")) seen.push(p);
    expect(seen[0]).toEqual({ status: "pulling manifest" });
    expect(seen[3]).toEqual({ status: "downloading digestname", digest: "digestname", total: 2142590208, completed: 1071295104 });
    expect(seen.at(-1)).toEqual({ status: "success" });
    expect(s.requests.at(-1)?.json).toMatchObject({ name: "llama3.2", stream: true });
  });

  it("reports an unknown model from the registry", async () => {
    const s = await fake({ pull: [ollamaLine({ status: "pulling manifest" }), ollamaLine({ error: "pull model manifest: file does not exist" })] });
    const err = await (async () => {
      for await (const _ of new OllamaClient({ url: s.url }).pull("nope")) void _;
    })().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "not_found", message: 'Ollama has no model "nope"' });
  });
});
