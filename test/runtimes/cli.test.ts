import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runPull, progressLine } from "../../src/cli/pull.js";
import { makeRuntimesCommand } from "../../src/cli/runtimes.js";
import { simulateHardware } from "../../src/hardware/simulate.js";
import type { CliIo } from "../../src/cli/command.js";
import { OllamaClient } from "../../src/runtimes/ollama.js";
import { clearDiscoveryCache } from "../../src/runtimes/discovery.js";
import { ScriptedStream, closedPort, ollamaLine, startFakeLlamaCpp, startFakeOllama, streamQueue, type FakeServer } from "../support/fake-servers.js";

const servers: FakeServer[] = [];
beforeEach(() => clearDiscoveryCache());
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function captureIo(isTty = false): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), isTty, env: {} };
}

describe("llmfit runtimes", () => {
  it("lists runtimes with installed and loaded models, and down ones in one line", async () => {
    const ollama = await startFakeOllama();
    const llama = await startFakeLlamaCpp();
    servers.push(ollama, llama);
    const dead = await closedPort();
    const cmd = makeRuntimesCommand({ discovery: { llamacppDefaultPorts: [] }, hardware: async () => simulateHardware("RTX 3070") });
    const io = captureIo();
    const code = await cmd.run(["--ollama-url", ollama.url, "--llamacpp-url", llama.url, "--lmstudio-url", `http://127.0.0.1:${dead}`], io);
    expect(code).toBe(0);
    const text = io.out.join("");
    expect(text).toContain(`Ollama 0.12.6  ${ollama.url}`);
    expect(text).toMatch(/installed {2}codellama:13b {2}7\.4 GB {2}13B Q4_0 llama {2}runs at ctx 4096 {2}\(no layer metadata\)/);
    expect(text).toMatch(/loaded {5}mistral:latest {2}5\.1 GB \(5\.1 GB on GPU\) {2}ctx 4096 {2}until 2024-06-04T14:38:31\.83753-07:00/);
    expect(text).toMatch(/installed {2}\.\.\/models\/Meta-Llama-3\.1-8B-Instruct-Q4_K_M\.gguf {2}4\.9 GB {2}8\.0B Q4_K_M {2}runs at ctx 4096/);
    expect(text).toContain(`down  LM Studio is not running on 127.0.0.1:${dead} — start its server (\`lms server start\`) or set \`runtimes.lmstudio.url\``);
  });

  it("sizes each installed model on the machine in --json", async () => {
    const tag = { name: "llama3.2", model: "llama3.2", modified_at: "2024-09-25T00:00:00Z", size: 2019393189, digest: "a80c4f17acd5", details: { format: "gguf", family: "llama", families: ["llama"], parameter_size: "3.2B", quantization_level: "Q4_K_M" } };
    const ollama = await startFakeOllama({ tags: { models: [tag] }, ps: { models: [] } });
    servers.push(ollama);
    const io = captureIo();
    await makeRuntimesCommand({ discovery: { llamacppDefaultPorts: [] }, hardware: async () => simulateHardware("RTX 3070") }).run(["--json", "--ollama-url", ollama.url], io);
    const parsed = JSON.parse(io.out.join("")) as { sizing: { model: string; ctx: number; quant: string; verdict: string; memory: { total: number; weights: number } }[] };
    expect(parsed.sizing).toHaveLength(1);
    const s = parsed.sizing[0]!;
    // 8 GiB of VRAM: Ollama's default context is 4096. The /api/show payload (Ollama's docs
    // example) is an 8.03B Llama in Q4_0: 4.5 bits a weight, a little more for embeddings.
    expect(s).toMatchObject({ model: "llama3.2", ctx: 4096, quant: "Q4_0", verdict: "gpu" }); // /api/show says Q4_0
    expect(s.memory.weights).toBeGreaterThan((8.03e9 * 4.5) / 8);
    expect(s.memory.weights).toBeLessThan((8.03e9 * 5.2) / 8);
  });

  it("prints JSON for scripts", async () => {
    const ollama = await startFakeOllama({ tags: { models: [] } });
    servers.push(ollama);
    const dead = await closedPort();
    const io = captureIo();
    await makeRuntimesCommand({ discovery: { llamacppDefaultPorts: [] }, hardware: async () => simulateHardware([]) }).run(["--json", "--ollama-url", ollama.url, "--lmstudio-url", `http://127.0.0.1:${dead}`], io);
    const parsed = JSON.parse(io.out.join("")) as { runtimes: { kind: string; state: string }[] };
    expect(parsed.runtimes.map((r) => [r.kind, r.state])).toEqual([
      ["ollama", "up"],
      ["lmstudio", "down"],
    ]);
  });

  it("refuses a bad URL flag in one line", async () => {
    await expect(makeRuntimesCommand().run(["--ollama-url", "nope"], captureIo())).rejects.toMatchObject({ code: "bad_args", message: expect.stringMatching(/^runtimes: ollama\.url: /) });
  });
});

describe("llmfit pull", () => {
  it("draws progress and reports success", async () => {
    const ollama = await startFakeOllama();
    servers.push(ollama);
    const io = captureIo();
    expect(await runPull("llama3.2", ollama.url, io, { signal: new AbortController().signal })).toBe(0);
    expect(io.out).toEqual(["pulled llama3.2\n"]);
    expect(io.err.join("")).toContain("digestname [###############...............]  50%  1.1 GB / 2.1 GB\n");
    expect(progressLine({ status: "verifying sha256 digest" })).toBe("verifying sha256 digest");
  });

  it("cancels on Ctrl-C and closes the download", async () => {
    const stream = new ScriptedStream("application/x-ndjson");
    const ollama = await startFakeOllama({ pull: streamQueue(stream) });
    servers.push(ollama);
    const ac = new AbortController();
    const io = captureIo(true);
    const run = runPull("big", ollama.url, io, { client: new OllamaClient({ url: ollama.url }), signal: ac.signal });
    await stream.attached;
    stream.write(ollamaLine({ status: "pulling manifest" }));
    await new Promise((r) => setTimeout(r, 30));
    ac.abort();
    expect(await run).toBe(130);
    expect(io.err.join("")).toContain("pull of big cancelled");
    await stream.closed;
    expect(stream.clientAborted).toBe(true);
  });
});
