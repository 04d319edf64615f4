// What keeps the host and the CLI light, checked where a change would quietly undo it: the
// bundles V8 keeps as one-byte strings and without zod's other languages, the host's logging
// without winston, and no ICU on the
// common paths (ids and counts are ordered and written without the locale machinery).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { consoleToLog, packageLogger } from "../../src/host/package-logger.js";
import { RELEASING_GC } from "../../src/host/idle-gc.js";
import type { Logger } from "../../src/log.js";
import { grouped } from "../../src/report/format.js";
import { compareText } from "../../src/text-order.js";

const ROOT = resolve(import.meta.dirname, "../..");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

function recordingLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    path: undefined,
    lines,
    error: (m) => lines.push(`error ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    info: (m) => lines.push(`info ${m}`),
    debug: (m) => lines.push(`debug ${m}`),
  };
}

describe("the bundles", () => {
  for (const name of ["host", "cli"]) {
    it(`dist/${name}.bundle.js is ASCII: one other character makes V8 keep all of it as a two-byte string`, () => {
      const text = readFileSync(join(ROOT, "dist", `${name}.bundle.js`), "latin1");
      expect(text.length).toBeGreaterThan(100_000);
      expect(/[^\x00-\x7f]/.exec(text)?.index).toBeUndefined();
      // what was escaped still means the same: "2× RTX 3090" parses as two cards
      expect(text).toContain("[x\\u00d7]");
    });
  }

  it("src/ imports zod as a namespace, so the bundles keep only the English messages", () => {
    // `import { z }` hands esbuild one object holding all of zod, every language's messages
    // included (~430 KiB of a bundle); `import * as z` lets it keep only what is used
    const named = files(join(ROOT, "src")).filter((f) => /import (type )?\{[^}]*\bz\b[^}]*\} from "zod"/.test(readFileSync(f, "utf8")));
    expect(named).toEqual([]);
    for (const name of ["host", "cli"]) {
      const text = readFileSync(join(ROOT, "dist", `${name}.bundle.js`), "utf8");
      expect(text).not.toContain("fecha y hora ISO"); // the Spanish messages
      expect(text).toContain("Invalid input");
    }
  });

  it("the host bundle has no winston: the neovim package gets the host's logger", () => {
    const text = readFileSync(join(ROOT, "dist", "host.bundle.js"), "utf8");
    // winston's own words, and its formats' package names (in their requires and error messages)
    for (const word of ["Attempt to write logs with no transports", "logform", "colorspace"]) expect(text).not.toContain(word);
    expect(text).toContain("winston is not bundled: pass attach() a logger");
    expect(readFileSync(join(ROOT, "src", "host.ts"), "utf8")).toMatch(/attach\(\{[^}]*options: \{ logger \}/);
  });
});

describe("the host's logging", () => {
  it("keeps the package's warnings and errors, printf-style, and drops its per-message lines", () => {
    const log = recordingLog();
    const pkg = packageLogger(log);
    pkg.info("handleRequest: %s", "nvim_get_api_info");
    pkg.debug("request -> %s", "x");
    pkg.warn("Unhandled event: %s", "foo");
    pkg.error("failed request to \"%s\": %s: %s", "nvim_buf_get_lines", "Error", "bad buffer");
    expect(pkg.level).toBe("warn");
    expect(log.lines).toEqual(['warn neovim: Unhandled event: foo', 'error neovim: failed request to "nvim_buf_get_lines": Error: bad buffer']);
  });

  it("sends console.* to the log, never to stdout", () => {
    const log = recordingLog();
    const target = { ...console };
    consoleToLog(log, target);
    target.log("a %d", 1);
    target.warn({ b: 2 });
    target.error(new Error("boom").message);
    target.assert(false, "c");
    target.assert(true, "not logged");
    expect(log.lines).toEqual(["info console: a 1", "warn console: { b: 2 }", "error console: boom", "error console: assertion failed c"]);
  });

  it("asks V8 for the collection that gives freed pages back", () => {
    expect(RELEASING_GC).toEqual({ type: "major", execution: "sync", flavor: "last-resort" });
  });
});

describe("no ICU on the common paths", () => {
  it("src/ orders and writes numbers without localeCompare, toLocaleString or Intl", () => {
    const offenders = files(join(ROOT, "src")).filter((f) => /\.localeCompare\(|\.toLocaleString\(|\bIntl\./.test(readFileSync(f, "utf8").replace(/^\s*(\/\/|\*).*$/gm, "")));
    expect(offenders).toEqual([]);
  });

  it("grouped writes integers as en-US does", () => {
    for (const n of [0, 7, 999, 1000, 12345, 999999, 1000000, 1234567890, -1234, 65536.4]) expect(grouped(n)).toBe(Math.round(n).toLocaleString("en-US"));
  });

  it("compareText orders without case first, then by code unit, the same in every locale", () => {
    const ids = ["qwen3-8b", "Llama-3.1-8B", "gemma-3-4b", "llama-3.1-70b", "llama-3.1-8b", "deepseek-r1", "Gemma-3-4b"];
    expect([...ids].sort(compareText)).toEqual(["deepseek-r1", "Gemma-3-4b", "gemma-3-4b", "llama-3.1-70b", "Llama-3.1-8B", "llama-3.1-8b", "qwen3-8b"]);
    expect(compareText("a", "a")).toBe(0);
    expect(Math.sign(compareText("b", "A"))).toBe(1);
  });
});
