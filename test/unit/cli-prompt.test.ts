// `llmfit prompt` from a terminal: stdin through a template to a loopback fake Ollama, the answer
// streamed to stdout; a runtime error is one line on stderr.
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { json, ollamaChatStream, startFakeOllama, type FakeOllama } from "../support/fake-servers.js";

let ollama: FakeOllama;
beforeAll(async () => {
  ollama = await startFakeOllama({ chat: ollamaChatStream(["Adds", " two", " numbers."], "llama3:latest") });
});
afterAll(async () => ollama?.close());

async function run(argv: string[], input: string) {
  let out = "";
  let err = "";
  const code = await main(argv, {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    isTty: false,
    stdin: Readable.from([input]),
    env: {},
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
  });

  it("says in one line when the model is missing", async () => {
    ollama.route("POST /api/chat", json({ error: "model 'nope' not found" }, 404));
    const { code, err } = await run(["prompt", "--model", "llama3:latest", "--ollama-url", ollama.url], "x");
    expect(code).toBe(1);
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toMatch(/^llmfit: Ollama has no model "llama3:latest"/);
  });

  it("needs a model", async () => {
    const { code, err } = await run(["prompt"], "x");
    expect(code).toBe(2);
    expect(err).toMatch(/^llmfit: prompt: --model is required — /);
  });
});
