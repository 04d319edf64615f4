import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";

async function run(argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    isTty: false,
    env: {},
  });
  return { code, out, err };
}

describe("the llmfit program", () => {
  it("prints help listing the commands", async () => {
    const { code, out } = await run(["--help"]);
    expect(code).toBe(0);
    expect(out).toMatch(/Usage: llmfit \[COMMAND\]/);
    expect(out).toMatch(/report\s+the machine/);
  });

  it("the report takes the runtime flags and names flags, not setup() options, in its hints", async () => {
    const { code, out } = await run(["--ollama-url", "http://127.0.0.1:1", "--llamacpp-url", "http://127.0.0.1:2", "--lmstudio-url", "http://127.0.0.1:3", "--gpu", "T4"]);
    expect(code).toBe(0);
    expect(out).toMatch(/Ollama +not running.*127\.0\.0\.1:1\b|Ollama +not running/);
    expect(out).toContain("pass `--ollama-url URL`");
    expect(out).not.toMatch(/runtimes\.(ollama|lmstudio|llamacpp)\.urls?`/);
  });

  it("exits 2 with one line on stderr for a bad flag", async () => {
    const { code, out, err } = await run(["--frobnicate"]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toMatch(/^llmfit: report: unknown flag --frobnicate — see `llmfit report --help`/);
  });

  it("exits 2 for an unknown command", async () => {
    const { code, err } = await run(["frobnicate"]);
    expect(code).toBe(2);
    expect(err).toBe('llmfit: unknown command "frobnicate" — run `llmfit --help` for the list\n');
  });

  it("prints the report as JSON", async () => {
    const { code, out } = await run(["--json"]);
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as { hardware: { cpu: { threads: { value: number } } } };
    expect(parsed.hardware.cpu.threads.value).toBeGreaterThan(0);
  });
});
