// House rules that a reviewer would otherwise have to catch by eye.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");

function files(dir: string, ext: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, ext) : path.endsWith(ext) ? [path] : [];
  });
}

describe("conventions", () => {
  it("no console.* in src/: stdout is the RPC channel", () => {
    const offenders = files(join(ROOT, "src"), ".ts").filter((f) => /\bconsole\.(log|info|warn|error|debug)\(/.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });

  it("the Lua shim stays thin: no file in lua/ over 250 lines", () => {
    const long = files(join(ROOT, "lua"), ".lua")
      .map((f) => [f, readFileSync(f, "utf8").split("\n").length] as const)
      .filter(([, n]) => n > 250);
    expect(long).toEqual([]);
  });

  it("the option tables in README.md and doc/llmfit.txt are generated from the current schema", () => {
    execFileSync(process.execPath, [join(ROOT, "scripts/gen-docs.mjs"), "--check"], { stdio: "pipe" });
  });

  it("lua/llmfit/defaults.lua is generated from the current schema", () => {
    // Throws (exit 1, one line on stderr) when the committed file is stale.
    execFileSync(process.execPath, [join(ROOT, "scripts/gen-defaults.mjs"), "--check"], { stdio: "pipe" });
  });
});
