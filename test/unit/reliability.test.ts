// Options fall back one by one, the host log stays under its cap however long the host runs,
// and the raw texts Node and proxies produce become lines a person can read.
import { mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, parseConfig } from "../../src/config.js";
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
    expect(config.runtimes.ollama.url).toBe(DEFAULT_CONFIG.runtimes.ollama.url);
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
