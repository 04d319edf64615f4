// Credentials and text go only where the user pointed them: the llama.cpp key to the configured
// llama.cpp URLs (never to the default ports probed on a guess), a prompt to a configured runtime.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { configFromFlags } from "../../src/cli/runtimes.js";
import { withEnvKeys } from "../../src/runtimes/config.js";
import { PromptService } from "../../src/prompt/service.js";
import { clearDiscoveryCache, discoverRuntimes } from "../../src/runtimes/discovery.js";
import { startFakeLlamaCpp, startFakeOllama, type FakeOllama, type FakeSseServer, type RecordedRequest } from "../support/fake-servers.js";

const KEY = "sk-test-only-for-the-configured-server";
let MODEL = ""; // what both fake llama.cpp servers list (fixtures/runtimes/llamacpp/v1-models.json)
const SECRET_TEXT = "the selected text, private to the configured runtime";

let configured: FakeSseServer; // in runtimes.llamacpp.urls, wants the key
let guessed: FakeSseServer; // stands for 127.0.0.1:8080 / :9931, probed on a guess
let ollama: FakeOllama; // set with --ollama-url, without the model
beforeAll(async () => {
  [configured, guessed, ollama] = await Promise.all([
    startFakeLlamaCpp({ apiKey: KEY }),
    startFakeLlamaCpp(),
    startFakeOllama({ tags: { models: [] }, ps: { models: [] } }),
  ]);
  const found = await discoverRuntimes(configFromFlags({ "llamacpp-url": [guessed.url] }), { llamacppDefaultPorts: [], cacheMs: 0 });
  const up = found.find((s) => s.kind === "llamacpp");
  MODEL = up?.state === "up" ? (up.installed[0]?.name ?? "") : "";
  expect(MODEL).not.toBe("");
});
afterAll(async () => Promise.all([configured, guessed, ollama].map((s) => s?.close())));

const authOf = (reqs: readonly RecordedRequest[]): unknown[] => reqs.map((r) => r.headers.authorization);
const carriesText = (reqs: readonly RecordedRequest[]): boolean => reqs.some((r) => r.body.includes(SECRET_TEXT));

function runtimes(withConfiguredUrl: boolean) {
  // the key comes from the environment, as LLMFIT_LLAMACPP_API_KEY, not from argv
  return configFromFlags({ "ollama-url": ollama.url, ...(withConfiguredUrl ? { "llamacpp-url": [configured.url] } : {}) }, { LLMFIT_LLAMACPP_API_KEY: KEY });
}

function service(withConfiguredUrl: boolean) {
  const { config } = parseConfig({ prompt: { model: MODEL } });
  const rt = runtimes(withConfiguredUrl);
  const cfg = { ...config, runtimes: { ...rt, lmstudio: { ...rt.lmstudio, enabled: false } } };
  let done!: () => void;
  const finished = new Promise<void>((r) => (done = r));
  const events = { chunk: () => undefined, done: () => done(), failed: () => done() };
  return { svc: new PromptService(() => cfg, events, async () => 0, undefined, undefined, { llamacppDefaultPorts: [guessed.port], cacheMs: 0 }), finished };
}

describe("credentials and prompts reach only their configured URL", () => {
  it("reads the key from the environment and sends it only to runtimes.llamacpp.urls", async () => {
    clearDiscoveryCache();
    const cfg = runtimes(true);
    expect(cfg.llamacpp.api_key).toBe(KEY);
    const found = await discoverRuntimes({ ...cfg, lmstudio: { ...cfg.lmstudio, enabled: false } }, { llamacppDefaultPorts: [guessed.port], cacheMs: 0 });
    expect(found.filter((s) => s.state === "up").map((s) => s.url)).toEqual(expect.arrayContaining([configured.url, guessed.url]));
    expect(authOf(configured.requests).filter((a) => a !== undefined).length).toBeGreaterThan(0);
    expect(authOf(configured.requests).filter((a) => a !== undefined).every((a) => a === `Bearer ${KEY}`)).toBe(true);
    expect(authOf(guessed.requests).every((a) => a === undefined)).toBe(true);
    expect(authOf(ollama.requests).every((a) => a === undefined)).toBe(true);
  });

  it("sends a prompt by model name to the configured server, not to a default port that lists the same name", async () => {
    clearDiscoveryCache();
    const { svc, finished } = service(true);
    const started = await svc.start({ id: 1, template: "explain", input: "", context: { text: SECRET_TEXT, filetype: "", filename: "", register: "", diagnostics: "" } });
    expect(started).toMatchObject({ state: "started", model: { runtime: "llamacpp", url: configured.url } });
    await finished;
    expect(carriesText(configured.requests)).toBe(true);
    expect(carriesText(guessed.requests)).toBe(false);
    expect(carriesText(ollama.requests)).toBe(false);
    expect(authOf(guessed.requests).every((a) => a === undefined)).toBe(true);
  });

  it("refuses with one line when only a guessed default port has the model", async () => {
    clearDiscoveryCache();
    const before = guessed.requests.length;
    const { svc } = service(false);
    await expect(
      svc.start({ id: 2, template: "explain", input: "", context: { text: SECRET_TEXT, filetype: "", filename: "", register: "", diagnostics: "" } }),
    ).rejects.toMatchObject({
      code: "not_found",
      message: `model "${MODEL}" is not in a runtime you configured; llama.cpp on 127.0.0.1:${guessed.port} lists it`,
      hint: expect.stringContaining(`add ${guessed.url} to runtimes.llamacpp.urls`),
    });
    expect(carriesText(guessed.requests.slice(before))).toBe(false);
    expect(carriesText(ollama.requests)).toBe(false);
  });
});

describe("OpenAI-compatible keys from the environment", () => {
  it("reads api_key_env for its own entry only, and sends that key only to its url", async () => {
    const [withKey, without] = await Promise.all([startFakeLlamaCpp({ apiKey: KEY }), startFakeLlamaCpp()]);
    try {
      const { config } = parseConfig({
        runtimes: {
          ollama: { enabled: false },
          lmstudio: { enabled: false },
          openai: [
            { name: "box", url: withKey.url, api_key_env: "LLMFIT_TEST_BOX_KEY" },
            { name: "other", url: without.url },
          ],
        },
      });
      const rt = withEnvKeys(config.runtimes, { LLMFIT_TEST_BOX_KEY: KEY, LLMFIT_LLAMACPP_API_KEY: "not-for-openai" });
      expect(rt.openai.map((o) => o.api_key)).toEqual([KEY, undefined]);
      clearDiscoveryCache();
      const found = await discoverRuntimes(rt, { llamacppDefaultPorts: [], cacheMs: 0 });
      expect(found.filter((s) => s.kind === "openai").map((s) => [s.name, s.state])).toEqual([["box", "up"], ["other", "up"]]);
      expect(authOf(withKey.requests).length).toBeGreaterThan(0);
      expect(authOf(withKey.requests).every((a) => a === `Bearer ${KEY}`)).toBe(true);
      expect(authOf(without.requests).every((a) => a === undefined)).toBe(true);
      // an unset variable leaves the entry without a key; the server's 401 hint names api_key_env
      const unset = withEnvKeys(config.runtimes, {});
      expect(unset.openai[0]?.api_key).toBeUndefined();
      clearDiscoveryCache();
      const down = (await discoverRuntimes(unset, { llamacppDefaultPorts: [], cacheMs: 0 })).find((s) => s.name === "box");
      expect(down).toMatchObject({ state: "down", reason: expect.stringMatching(/401.*api_key_env/) });
    } finally {
      await Promise.all([withKey.close(), without.close()]);
    }
  });

  it("refuses a variable name that is not one", () => {
    expect(parseConfig({ runtimes: { openai: [{ name: "x", url: "http://127.0.0.1:1", api_key_env: "$HOME" }] } }).problems.join("\n")).toMatch(/api_key_env.*environment variable name/);
  });
});

describe("hints name the setting that applies", () => {
  it("Ollama's 401 does not suggest the llama.cpp key; a stalled stream names stream_timeout_ms", async () => {
    const { ollamaEndpoint } = await import("../../src/runtimes/ollama.js");
    const { runtimeError, timedOut } = await import("../../src/runtimes/errors.js");
    const e = runtimeError(ollamaEndpoint("http://10.0.0.2:11434"), 401, "unauthorized");
    expect(e.hint).not.toMatch(/llamacpp/);
    expect(e.hint).toMatch(/proxy in front of runtimes\.ollama\.url/);
    expect(timedOut(ollamaEndpoint("http://10.0.0.2:11434"), 300_000, "stream", "stream_timeout_ms").hint).toMatch(/runtimes\.stream_timeout_ms` \(llmfit prompt --stream-timeout MS\)/);
    expect(configFromFlags({ "stream-timeout": "5000" }).stream_timeout_ms).toBe(5000);
    expect(() => configFromFlags({ "stream-timeout": "5s" })).toThrow(/stream_timeout_ms/);
  });
});
