// A closed port on this machine is found with one TCP connect, before Node's HTTP client is
// loaded, and it reads exactly as a refused fetch does; a listening one goes on to fetch.
import { spawnSync } from "node:child_process";
import { createServer as createNetServer, type AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { runtimesConfigSchema } from "../../src/runtimes/config.js";
import { LlamaCppClient } from "../../src/runtimes/llamacpp.js";
import { directFetch, loopbackRefuses } from "../../src/runtimes/loopback.js";
import { OllamaClient } from "../../src/runtimes/ollama.js";
import { closedPort, startFakeOllama, type FakeServer } from "../support/fake-servers.js";

const servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe("loopbackRefuses", () => {
  it("is true for a closed loopback port, in every spelling of this machine", async () => {
    const port = await closedPort();
    expect(await loopbackRefuses(`http://127.0.0.1:${port}`)).toBe(true);
    expect(await loopbackRefuses(`http://localhost:${port}/api/version`)).toBe(true);
  });
  it("is false where something listens, and for hosts that are not this machine (nothing is contacted)", async () => {
    const s = await startFakeOllama({ tags: { models: [] } });
    servers.push(s);
    expect(await loopbackRefuses(s.url)).toBe(false);
    expect(await loopbackRefuses("http://192.0.2.1:11434")).toBe(false);
    expect(await loopbackRefuses("not a url")).toBe(false);
  });
});

describe("a port that accepted once", () => {
  it("is not connected to again: fetch answers for it from then on", async () => {
    let connections = 0;
    const server = createNetServer((sock) => {
      connections++;
      sock.destroy();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const { port } = server.address() as AddressInfo;
    try {
      expect(await loopbackRefuses(`http://127.0.0.1:${port}`)).toBe(false);
      expect(await loopbackRefuses(`http://127.0.0.1:${port}/api/tags`)).toBe(false);
      await new Promise((r) => setTimeout(r, 50));
      expect(connections).toBe(1);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

describe("a closed port reads as a refused fetch", () => {
  it("for Ollama (before ollama-js) and llama.cpp, with the same one line", async () => {
    const port = await closedPort();
    const url = `http://127.0.0.1:${port}`;
    const viaFetch = (f: typeof fetch) => new OllamaClient({ url, fetch: f }).status();
    const direct = await new OllamaClient({ url }).status();
    expect(direct).toEqual(await viaFetch((i, init) => fetch(i, init)));
    expect(direct.state === "down" && direct.reason).toBe(`Ollama is not running on 127.0.0.1:${port} — start it with \`ollama serve\` or set \`runtimes.ollama.url\``);
    const llama = await new LlamaCppClient({ url }).status();
    expect(llama).toEqual(await new LlamaCppClient({ url, fetch: (i, init) => fetch(i, init) }).status());
    await expect(directFetch(`${url}/health`)).rejects.toMatchObject({ cause: { code: "ECONNREFUSED" } });
  });
  it("a listening server is fetched as usual", async () => {
    const s = await startFakeOllama({ tags: { models: [] } });
    servers.push(s);
    const status = await new OllamaClient({ url: s.url }).status();
    expect(status.state).toBe("up");
  });
});

describe("discovery with nothing running", () => {
  it("never loads Node's HTTP client", async () => {
    const discovery = pathToFileURL(join(import.meta.dirname, "..", "..", "dist", "runtimes", "discovery.js")).href;
    const [a, b, c, d] = [await closedPort(), await closedPort(), await closedPort(), await closedPort()];
    const config = runtimesConfigSchema.parse({
      ollama: { url: `http://127.0.0.1:${a}` },
      lmstudio: { url: `http://localhost:${b}` },
      openai: [{ name: "box", url: `http://127.0.0.1:${c}` }],
    });
    const script = `
      const { discoverRuntimes } = await import(${JSON.stringify(discovery)});
      const found = await discoverRuntimes(${JSON.stringify(config)}, { llamacppDefaultPorts: [${d}] });
      const loaded = process.moduleLoadList.filter((m) => m.includes("undici"));
      console.log(JSON.stringify({ states: found.map((s) => s.state), loaded }));`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ states: ["down", "down", "down", "down"], loaded: [] });
  });
});
