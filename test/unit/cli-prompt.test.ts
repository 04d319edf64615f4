// `llmfit prompt` from a terminal: stdin through a template to a loopback fake Ollama, the answer
// streamed to stdout; a runtime error is one line on stderr.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { json, ollamaChatStream, startFakeOllama, type FakeOllama } from "../support/fake-servers.js";

let ollama: FakeOllama;
// the measured runs go to this cache dir, never the user's
const cache = mkdtempSync(join(tmpdir(), "llmfit-cli-prompt-cache-"));
beforeAll(async () => {
  ollama = await startFakeOllama({ chat: ollamaChatStream(["Adds", " two", " numbers."], "llama3:latest") });
});
afterAll(async () => {
  await ollama?.close();
  rmSync(cache, { recursive: true, force: true });
});

async function run(argv: string[], input: string) {
  let out = "";
  let err = "";
  const code = await main(argv, {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    isTty: false,
    stdin: Readable.from([input]),
    env: { XDG_CACHE_HOME: cache },
  });
  return { code, out, err };
}

describe("llmfit prompt", () => {
  it("streams the answer to stdout", async () => {
    const { code, out } = await run(["prompt", "--model", "llama3:latest", "--template", "explain", "--filetype", "python", "--ollama-url", ollama.url], "def f(a, b): return a + b\n");
    expect(code).toBe(0);
    expect(out).toBe("Adds two numbers.\n");
    const body = ollama.requests.find((r) => r.path === "/api/chat")!.json as { model: string; messages: { content: string }[] };
    expect(body.model).toBe("llama3:latest");
    expect(body.messages.at(-1)!.content).toContain("```python\ndef f(a, b): return a + b\n\n```");
    // the final chunk's eval_count / eval_duration, recorded for this machine before the command returns
    const { readFileSync } = await import("node:fs");
    const stored = JSON.parse(readFileSync(join(cache, "llmfit", "runs.json"), "utf8")) as { runs: { model: string; decodeTps: number; generatedTokens: number }[] };
    expect(stored.runs.at(-1)).toMatchObject({ model: "llama3:latest", generatedTokens: 282 });
    expect(stored.runs.at(-1)?.decodeTps).toBeCloseTo(282 / 4.535599, 3);
  });

  it("says in one line when the model is missing", async () => {
    ollama.route("POST /api/chat", json({ error: "model 'nope' not found" }, 404));
    const { code, err } = await run(["prompt", "--model", "llama3:latest", "--ollama-url", ollama.url], "x");
    expect(code).toBe(4); // a runtime without the model: "unavailable"
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toMatch(/^llmfit: Ollama has no model "llama3:latest"/);
  });

  it("needs a model", async () => {
    const { code, err } = await run(["prompt"], "x");
    expect(code).toBe(2);
    expect(err).toMatch(/^llmfit: prompt: --model is required — /);
  });

  it("caps the answer with --max-tokens and refuses a bad number in one line", async () => {
    ollama.route("POST /api/chat", (req, res) => {
      res.writeHead(200, { "Content-Type": "application/x-ndjson" });
      for (const line of ollamaChatStream(["ok"], "llama3:latest")) res.write(line);
      res.end();
    });
    const before = ollama.requests.length;
    const { code } = await run(["prompt", "--model", "llama3:latest", "--max-tokens", "7", "--ollama-url", ollama.url], "x");
    expect(code).toBe(0);
    const body = ollama.requests.slice(before).find((r) => r.path === "/api/chat")!.json as { options?: { num_predict?: number } };
    expect(body.options?.num_predict).toBe(7);
    const bad = await run(["prompt", "--model", "llama3:latest", "--threads", "two"], "x");
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^llmfit: prompt: --threads takes a whole number of at least 1, not "two" — e\.g\. --threads 256\n$/);
  });

  it("runs --model FILE.gguf in-process with the threads asked for, and names a missing file", async () => {
    const { mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { writeTinyGguf } = await import("../support/tiny-gguf.js");
    const file = writeTinyGguf(join(mkdtempSync(join(tmpdir(), "llmfit-cli-gguf-")), "tiny.gguf"));
    const { code, out, err } = await run(["prompt", "--model", file, "--threads", "1", "--max-tokens", "8"], "hello");
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out.length).toBeGreaterThan(1);
    const missing = await run(["prompt", "--model", "/nonexistent/model.gguf"], "x");
    expect(missing.code).not.toBe(0);
    expect(missing.err).toMatch(/^llmfit: prompt: no GGUF file at \/nonexistent\/model\.gguf — /);
  }, 60_000);
});
