// Options fall back one by one, the host log stays under its cap however long the host runs,
// and the raw texts Node and proxies produce become lines a person can read.
import { mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultConfig, parseConfig } from "../../src/config.js";
import { errorLine } from "../../src/errors.js";
import { createLogger } from "../../src/log.js";
import { runtimeError } from "../../src/runtimes/errors.js";
import { ollamaEndpoint } from "../../src/runtimes/ollama.js";

describe("options fall back one by one", () => {
  it("a bad nested option keeps its section's other options", () => {
    const { config, problems } = parseConfig({
      runtimes: { ollama: { url: "not a url", enabled: false }, llamacpp: { enabled: false }, lmstudio: { enabled: false } },
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^option runtimes\.ollama\.url: /);
    expect(config.runtimes.ollama.url).toBe(defaultConfig().runtimes.ollama.url);
    // the probes the user disabled stay disabled
    expect([config.runtimes.ollama.enabled, config.runtimes.llamacpp.enabled, config.runtimes.lmstudio.enabled]).toEqual([false, false, false]);
  });
  it("values of the right type but wrong value fall back to their default, the rest is kept", () => {
    const { config, problems } = parseConfig({ border: "fancy", log_level: "verbose", width: 0.5, keys: { accept: [1], close: ["x"] }, nosuch: 1 });
    expect(problems).toHaveLength(4);
    expect(config.border).toBe("rounded");
    expect(config.log_level).toBe("info");
    expect(config.width).toBe(0.5);
    expect(config.keys.accept).toEqual(["a"]);
    expect(config.keys.close).toEqual(["x"]);
  });
});

describe("the host log", () => {
  it("never passes its cap, checked with every line", () => {
    const dir = mkdtempSync(join(tmpdir(), "llmfit-log-"));
    const path = join(dir, "llmfit.log");
    const log = createLogger(path, "debug", 64 * 1024);
    let largest = 0;
    for (let i = 0; i < 4000; i++) {
      log.info(`request ${i} ok in 1.0 ms ${"x".repeat(40)}`);
      if (i % 97 === 0) largest = Math.max(largest, statSync(path).size);
    }
    largest = Math.max(largest, statSync(path).size);
    expect(largest).toBeLessThanOrEqual(64 * 1024);
    expect(readdirSync(dir).sort()).toEqual(["llmfit.log", "llmfit.log.1"]);
    expect(statSync(`${path}.1`).size).toBeLessThanOrEqual(64 * 1024);
  });
});

describe("raw error texts", () => {
  it("a proxy's 502 HTML page is named by its title, not echoed", () => {
    const page = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";
    const e = runtimeError(ollamaEndpoint("http://10.0.0.2:11434"), 502, page);
    expect(e.oneLine()).toBe("Ollama error 502: an HTML page: 502 Bad Gateway — check the Ollama log");
  });
  it("undici's and Node's terse messages say what happened", () => {
    expect(errorLine(new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:1") }))).toBe("a network request failed (connect ECONNREFUSED 127.0.0.1:1)");
    expect(errorLine(new TypeError("terminated"))).toBe("the connection closed mid-response");
    expect(errorLine(new RangeError("offset is out of bounds"))).toBe("the data ended early or is corrupt");
  });
});

describe("text from servers is printed escaped", () => {
  // a model name and an error body as a hostile server could send them
  const EVIL = "evil\u001b]0;pwned\u0007\u001b[2J\u0000:latest";
  const seen = (s: string): boolean => /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/.test(s.replace(/\n/g, ""));

  it("`llmfit runtimes` and the report show a server's model name with its control characters escaped", async () => {
    const { main } = await import("../../src/cli/main.js");
    const { startFakeOllama } = await import("../support/fake-servers.js");
    const ollama = await startFakeOllama({
      version: "0.12.6\u001b[31m",
      tags: { models: [{ name: EVIL, model: EVIL, modified_at: "2025-01-01T00:00:00Z", size: 4_000_000_000, digest: "a".repeat(64), details: { format: "gguf", family: "llama", parameter_size: "8B", quantization_level: "Q4_K_M" } }] },
      ps: { models: [] },
    });
    try {
      for (const argv of [["runtimes"], ["--gpu", "RTX 4090"]]) {
        let out = "";
        let err = "";
        await main(argv, { stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTty: false, env: { OLLAMA_HOST: ollama.url }, columns: 200 });
        expect(out).toContain("evil\\x1b]0;pwned\\x07\\x1b[2J\\x00:latest");
        expect(seen(out)).toBe(false);
        expect(seen(err)).toBe(false);
      }
    } finally {
      await ollama.close();
    }
  });

  it("floats, captured commands and error lines never carry a raw escape", async () => {
    const { Canvas } = await import("../../src/report/canvas.js");
    const { runCommandCaptured } = await import("../../src/cli/capture.js");
    const painted = new Canvas().line("model ", [EVIL, "LlmFitValue"]).done();
    expect(painted.lines[0]).toBe("model evil\\x1b]0;pwned\\x07\\x1b[2J\\x00:latest");
    // the span covers the escaped text
    expect(painted.spans[0]).toMatchObject({ start: 6, end: painted.lines[0]!.length });
    const echo = { name: "echo", summary: "", run: async (_a: readonly string[], io: { stdout: (t: string) => void; stderr: (t: string) => void }) => (io.stdout(`${EVIL}\n`), io.stderr(`llmfit: ${EVIL}\n`), 0) };
    const lines: string[] = [];
    const got = await runCommandCaptured(echo as never, [], { width: 80, onStderrLine: (l) => lines.push(l) });
    expect(got.lines.some(seen)).toBe(false);
    expect(lines.some(seen)).toBe(false);
  });
});
