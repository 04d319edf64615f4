import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ollamaUrlFromHost, runtimesConfigSchema } from "../../src/runtimes/config.js";
import { chatRuntimeFor, clearDiscoveryCache, discoverRuntimes, runtimeClients } from "../../src/runtimes/discovery.js";
import { sizeInstalledModels } from "../../src/runtimes/sizing.js";
import type { Estimate } from "../../src/sizing/types.js";
import { DEFAULT_RUN_SETTINGS } from "../../src/sizing/types.js";
import { closedPort, hang, startFakeLlamaCpp, startFakeLmStudio, startFakeOllama, startServer, type FakeServer } from "../support/fake-servers.js";

const servers: FakeServer[] = [];
beforeEach(() => clearDiscoveryCache());
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
const keep = <T extends FakeServer>(s: T): T => (servers.push(s), s);

describe("runtimes config", () => {
  it("fills every default from an empty object", () => {
    expect(runtimesConfigSchema.parse({})).toEqual({
      ollama: { url: "http://127.0.0.1:11434", enabled: true, registry: "https://registry.ollama.ai" },
      llamacpp: { urls: [], enabled: true },
      lmstudio: { url: "http://127.0.0.1:1234", enabled: true },
      openai: [],
      timeout_ms: 1500,
      stream_timeout_ms: 300000,
    });
  });
  it("rejects a bad URL with the key in the message", () => {
    const r = runtimesConfigSchema.safeParse({ ollama: { url: "localhost:11434" } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["ollama", "url"]);
  });
});

describe("discoverRuntimes", () => {
  it("finds every runtime in parallel and says which are down, in one line each", async () => {
    const ollama = keep(await startFakeOllama({ tags: { models: [] } }));
    const llama = keep(await startFakeLlamaCpp());
    const lms = keep(await startFakeLmStudio());
    const dead = await closedPort();
    const config = runtimesConfigSchema.parse({
      ollama: { url: ollama.url },
      lmstudio: { url: lms.url },
      llamacpp: { urls: [llama.url] },
      openai: [{ name: "box", url: `http://127.0.0.1:${dead}` }],
    });
    const deadA = await closedPort();
    const deadB = await closedPort();
    const found = await discoverRuntimes(config, { llamacppDefaultPorts: [deadA, deadB] });
    expect(found.map((s) => [s.kind, s.state])).toEqual([
      ["ollama", "up"],
      ["llamacpp", "up"],
      ["lmstudio", "up"],
      ["openai", "down"],
    ]);
    const box = found[3];
    expect(box?.state === "down" && box.reason).toMatch(/^box is not running on 127.0.0.1:\d+ — check `runtimes.openai` entry "box"/);
  });

  it("merges the unanswered default llama.cpp ports into one line", async () => {
    const [a, b] = [await closedPort(), await closedPort()];
    const config = runtimesConfigSchema.parse({ ollama: { enabled: false }, lmstudio: { enabled: false } });
    const found = await discoverRuntimes(config, { llamacppDefaultPorts: [a, b] });
    expect(found).toHaveLength(1);
    expect(found[0]?.state === "down" && found[0].reason).toBe(
      `llama.cpp is not running on 127.0.0.1:${a} or :${b} — start it with \`llama-server -m MODEL.gguf\` or set \`runtimes.llamacpp.urls\``,
    );
  });

  it("costs at most the timeout when a runtime hangs", async () => {
    const hung = keep(await startServer({ "GET /api/version": hang() }));
    const config = runtimesConfigSchema.parse({ ollama: { url: hung.url }, lmstudio: { enabled: false }, llamacpp: { enabled: false }, timeout_ms: 200 });
    const t0 = Date.now();
    const found = await discoverRuntimes(config);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(found[0]?.state === "down" && found[0].reason).toMatch(/did not answer within 200 ms/);
  });

  it("reuses a recent result, then probes again", async () => {
    const ollama = keep(await startFakeOllama({ tags: { models: [] } }));
    const config = runtimesConfigSchema.parse({ ollama: { url: ollama.url }, lmstudio: { enabled: false }, llamacpp: { enabled: false } });
    let now = 1000;
    const deps = { clock: () => now, cacheMs: 3000 };
    await discoverRuntimes(config, deps);
    await discoverRuntimes(config, deps);
    const versions = () => ollama.requests.filter((r) => r.path === "/api/version").length;
    expect(versions()).toBe(1);
    now += 3001;
    await discoverRuntimes(config, deps);
    expect(versions()).toBe(2);
  });

  it("hands back the client that can chat with a found runtime", async () => {
    const llama = keep(await startFakeLlamaCpp());
    const config = runtimesConfigSchema.parse({ llamacpp: { urls: [llama.url] } });
    const clients = runtimeClients(config, { llamacppDefaultPorts: [] });
    expect(chatRuntimeFor(clients, { kind: "llamacpp", url: llama.url })?.kind).toBe("llamacpp");
    expect(chatRuntimeFor(clients, { kind: "ollama", url: "" })?.kind).toBe("ollama");
  });
});

describe("sizeInstalledModels (the seam to src/sizing)", () => {
  const fakeEstimate = (ctx: number): Estimate => ({
    quant: "Q4_0",
    settings: { ...DEFAULT_RUN_SETTINGS, ctx },
    memory: { weights: 1, kv: ctx, recurrent: 0, compute: 0, output: 0, overhead: 0, total: 1 + ctx },
    placement: { verdict: "gpu", layersOnGpu: 1, layersTotal: 1, devices: [], reason: "fits" },
  });

  it("sizes Ollama models at Ollama's default context for this VRAM, capped at the trained length", async () => {
    const ollama = keep(await startFakeOllama({ tags: { models: [{ name: "llama3.2", size: 1 }] } }));
    const config = runtimesConfigSchema.parse({ ollama: { url: ollama.url }, lmstudio: { enabled: false }, llamacpp: { enabled: false } });
    const [status] = await discoverRuntimes(config);
    if (status?.state !== "up") throw new Error("down");
    const seen: number[] = [];
    const size = (_shape: unknown, ctx: number) => (seen.push(ctx), fakeEstimate(ctx));
    const at = (vram: number) => sizeInstalledModels(status.installed, size, { vramBytes: vram })[0];
    expect(at(8 * 1024 ** 3)).toMatchObject({ ctx: 4096, ctxSource: "vram-default", estimate: { settings: { ctx: 4096 } } });
    // 32k default on a 32 GiB card, but llama3.2 here was trained for 8192.
    expect(at(32 * 1024 ** 3)).toMatchObject({ ctx: 8192 });
    expect(sizeInstalledModels(status.installed, size, { vramBytes: 8 * 1024 ** 3, ollamaNumCtx: 2048 })[0]).toMatchObject({ ctx: 2048, ctxSource: "config" });
    expect(sizeInstalledModels(status.installed, size, { vramBytes: 8 * 1024 ** 3, ollamaEnvContext: "6144" })[0]).toMatchObject({ ctx: 6144, ctxSource: "env" });
  });

  it("explains why a model without metadata is not sized, and pairs loaded models", () => {
    const sized = sizeInstalledModels(
      [{ name: "m", runtime: "lmstudio" }],
      () => fakeEstimate(1),
      { vramBytes: 0 },
      [{ name: "m", runtime: "lmstudio", contextLength: 8192 }],
    );
    expect(sized[0]).toEqual({ model: { name: "m", runtime: "lmstudio" }, ctx: 8192, ctxSource: "server", loaded: { name: "m", runtime: "lmstudio", contextLength: 8192 }, unsizedReason: "lmstudio gave no layer metadata for m" });
  });
});

describe("ollamaUrlFromHost (OLLAMA_HOST)", () => {
  it.each([
    ["127.0.0.1", "http://127.0.0.1:11434"],
    ["0.0.0.0:11434", "http://127.0.0.1:11434"],
    [":8000", "http://127.0.0.1:8000"],
    ["http://box.lan:11434", "http://box.lan:11434"],
    ["https://ollama.example.com", "https://ollama.example.com"],
    ["", undefined],
  ])("%s → %s", (host, url) => {
    expect(ollamaUrlFromHost(host)).toBe(url);
  });
});
