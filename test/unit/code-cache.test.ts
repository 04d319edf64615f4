// The start-up loader's V8 code cache: a good cache is used, anything else (another bundle,
// a rewritten bundle, a damaged file) is ignored and replaced, and the real CLI prints the same
// with and without it.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { bundleKey, cacheHeader, cacheNameFor, cliCommandOf, codeCacheDir, openCache, runBundle, sealCache, seedDirOf } from "../../src/boot/code-cache.js";
import { hashBytes } from "../../src/models/content-hash.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "llmfit-code-cache-"));
  dirs.push(d);
  return d;
}

// A bundle in the shape scripts/bundle.mjs writes: one function expression; it records its arguments.
const BUNDLE = `(function (exports, module, require, __filename, __dirname, __llmfitUrl, __llmfitImport, __llmfitBoot) {
  function work(n) { let s = 0; for (let i = 0; i < n; i++) s += i; return s; }
  globalThis.__codeCacheTest = { sum: work(100), file: __filename, dir: __dirname, url: __llmfitUrl, os: require("node:os") === require("os"), boot: __llmfitBoot };
})`;

type Seen = { sum: number; file: string; dir: string; url: string; os: boolean };
const seen = (): Seen => (globalThis as unknown as { __codeCacheTest: Seen }).__codeCacheTest;

describe("code cache files", () => {
  it("opens what it sealed, for the same key only", () => {
    const data = Buffer.from("compiled code, as V8 would hand it over");
    const sealed = sealCache("k1", data);
    expect(sealed.subarray(0, cacheHeader("k1").length).toString("latin1")).toBe(cacheHeader("k1"));
    expect(openCache("k1", sealed)?.equals(data)).toBe(true);
    expect(openCache("k2", sealed)).toBeUndefined();
  });

  it("starts the data on a four-byte boundary, so its hash reads words", () => {
    for (const key of ["k", "k1", "k12", "k123"]) {
      const data = Buffer.from("abcdefgh");
      const sealed = sealCache(key, data);
      expect((sealed.length - data.length) % 4).toBe(0);
      expect(openCache(key, sealed)?.equals(data)).toBe(true);
    }
  });

  it("refuses a damaged or cut file", () => {
    const sealed = sealCache("k1", Buffer.alloc(4096, 7));
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 100]! ^= 0xff;
    expect(openCache("k1", flipped)).toBeUndefined();
    expect(openCache("k1", sealed.subarray(0, sealed.length - 1))).toBeUndefined();
    expect(openCache("k1", sealed.subarray(0, 10))).toBeUndefined();
    expect(openCache("k1", Buffer.alloc(0))).toBeUndefined();
  });

  it("is kept in llmfit's cache directory, the host's --cache first, and can be turned off", () => {
    expect(codeCacheDir(["--log", "x", "--cache", "/c/llmfit"], { XDG_CACHE_HOME: "/x" })).toBe("/c/llmfit");
    expect(codeCacheDir([], { XDG_CACHE_HOME: "/x" })).toBe(join("/x", "llmfit"));
    expect(codeCacheDir(["--cache", "/c"], { LLMFIT_CODE_CACHE: "off" })).toBeUndefined();
  });
});

describe("runBundle", () => {
  it("compiles, saves, then starts from the cache; a damaged or stale cache is replaced", () => {
    const dir = tempDir();
    const cacheDir = join(dir, "cache");
    const path = join(dir, "b.bundle.js");
    writeFileSync(path, BUNDLE);
    const opts = { bundle: pathToFileURL(path), name: "b", stamp: "s1", cacheDir };
    const cacheFile = join(cacheDir, "code", "b.v8");

    const first = runBundle(opts);
    expect(seen()).toEqual({ sum: 4950, file: path, dir, url: pathToFileURL(path).href, os: true, boot: first });
    expect(first.fromCache).toBe(false);
    expect(existsSync(cacheFile)).toBe(false); // written only when asked (the CLI: at exit)
    first.saveCodeCache();
    expect(openCache(bundleKey(path, "s1"), readFileSync(cacheFile))).toBeDefined();

    const second = runBundle(opts);
    expect(second.fromCache).toBe(true);
    expect(seen().sum).toBe(4950);

    // damaged: ignored, the bundle still runs, and the next save repairs the file
    const damaged = readFileSync(cacheFile);
    damaged[damaged.length - 1]! ^= 0xff;
    writeFileSync(cacheFile, damaged);
    const third = runBundle(opts);
    expect(third.fromCache).toBe(false);
    third.saveCodeCache();
    expect(runBundle(opts).fromCache).toBe(true);

    // another build's stamp: not this bundle's cache
    expect(runBundle({ ...opts, stamp: "s2" }).fromCache).toBe(false);
  });

  it("does not use a cache for a rewritten bundle of the same length", () => {
    const dir = tempDir();
    const path = join(dir, "b.bundle.js");
    writeFileSync(path, BUNDLE);
    const opts = { bundle: pathToFileURL(path), name: "b", stamp: "s1", cacheDir: join(dir, "cache") };
    runBundle(opts).saveCodeCache();
    const before = bundleKey(path, "s1");
    rmSync(path);
    writeFileSync(path, BUNDLE.replace("work(100)", "work(200)")); // same length, edited by hand (the build's stamp unchanged)
    // a file system may hand the same inode back within the same millisecond: an edit a person
    // makes comes later, so give it a later time, as it would have
    const later = new Date(statSync(path).mtimeMs + 10_000);
    utimesSync(path, later, later);
    expect(bundleKey(path, "s1")).not.toBe(before);
    expect(runBundle(opts).fromCache).toBe(false);
    expect(seen().sum).toBe(19900);
  });

  it("starts from the build's seed when this user has no cache yet, and still leaves its own", () => {
    const dir = tempDir();
    const path = join(dir, "b.bundle.js");
    writeFileSync(path, BUNDLE);
    const bundle = pathToFileURL(path);
    // the build's run: its own cache, copied beside the bundle as the seed
    const build = runBundle({ bundle, name: "b", stamp: "s1", cacheDir: join(dir, "build-cache") });
    expect(build.codeFrom).toBe("compiled");
    build.saveCodeCache();
    const seedDir = seedDirOf(bundle);
    expect(seedDir).toBe(join(dir, "code"));
    mkdirSync(seedDir);
    copyFileSync(join(dir, "build-cache", "code", "b.v8"), join(seedDir, "b.v8"));

    const cacheDir = join(dir, "user-cache");
    const own = join(cacheDir, "code", "b.v8");
    const first = runBundle({ bundle, name: "b", stamp: "s1", cacheDir, seedDir });
    expect([first.fromCache, first.codeFrom]).toEqual([true, "seed"]);
    expect(seen().sum).toBe(4950);
    first.saveCodeCache();
    expect(openCache(bundleKey(path, "s1"), readFileSync(own))).toBeDefined();
    // the user's own cache comes first from now on
    expect(runBundle({ bundle, name: "b", stamp: "s1", cacheDir, seedDir }).codeFrom).toBe("cache");

    // a seed for another build, or for a rewritten bundle, is not used; nor any with the cache off
    rmSync(cacheDir, { recursive: true });
    expect(runBundle({ bundle, name: "b", stamp: "s2", cacheDir, seedDir }).codeFrom).toBe("compiled");
    rmSync(cacheDir, { recursive: true, force: true });
    expect(runBundle({ bundle, name: "b", stamp: "s1", cacheDir: undefined, seedDir }).codeFrom).toBe("compiled");
    const damaged = readFileSync(join(seedDir, "b.v8"));
    damaged[damaged.length - 1]! ^= 0xff;
    writeFileSync(join(seedDir, "b.v8"), damaged);
    expect(runBundle({ bundle, name: "b", stamp: "s1", cacheDir, seedDir }).codeFrom).toBe("compiled");
    expect(seen().sum).toBe(4950);
  });

  it("runs without a cache directory and saves nothing", () => {
    const dir = tempDir();
    const path = join(dir, "b.bundle.js");
    writeFileSync(path, BUNDLE);
    const boot = runBundle({ bundle: pathToFileURL(path), name: "b", stamp: "s1", cacheDir: undefined });
    boot.saveCodeCache();
    expect(boot.fromCache).toBe(false);
    expect(seen().sum).toBe(4950);
  });
});

describe("the CLI through its code cache", () => {
  it("prints the same JSON compiled and from the cache, and leaves a cache file", () => {
    const home = tempDir();
    const cli = new URL("../../dist/cli.cjs", import.meta.url).pathname; // package.json's bin
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: join(home, "cache") };
    delete env["LLMFIT_CODE_CACHE"];
    const run = () => execFileSync(process.execPath, [cli, "fit", "llama-3.1-8b-instruct", "--gpu", "RTX 3070", "--vram", "8", "--ram", "32", "--json"], { encoding: "utf8", env });
    execFileSync(process.execPath, [cli, "--help"], { encoding: "utf8", env });
    const file = join(home, "cache", "llmfit", "code", "cli-fit.v8");
    expect(existsSync(file)).toBe(false); // a help run compiles too little to be worth keeping
    const compiled = run();
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file).subarray(0, 18).toString("latin1")).toBe("llmfit code cache ");
    const written = statSync(file).mtimeMs;
    expect(run()).toBe(compiled);
    // another command keeps its own file; running it leaves fit's as it was
    execFileSync(process.execPath, [cli, "list", "--json"], { encoding: "utf8", env });
    expect(existsSync(join(home, "cache", "llmfit", "code", "cli-list.v8"))).toBe(true);
    expect(run()).toBe(compiled);
    expect(statSync(file).mtimeMs).toBe(written);
    // a run that fails (an unknown command) keeps nothing
    expect(spawnSync(process.execPath, [cli, "nosuchcommand"], { encoding: "utf8", env }).status).not.toBe(0);
    expect(existsSync(join(home, "cache", "llmfit", "code", "cli-nosuchcommand.v8"))).toBe(false);
  });
});

describe("the build's seeds (scripts/seed-code-cache.mjs)", () => {
  it("are there for the first commands and the host, each for this build's bundle file", () => {
    const dist = new URL("../../dist/", import.meta.url).pathname;
    for (const [bundle, names] of [["cli", ["cli-report", "cli-fit", "cli-detect"]], ["host", ["host"]]] as const) {
      // the stamp the loader passes (dist/<bundle>.cjs, written by scripts/bundle.mjs)
      const stamp = /\.bundle\.js"\)\), "([^"]+)"\)/.exec(readFileSync(join(dist, `${bundle}.cjs`), "utf8"))?.[1];
      expect(stamp).toBeDefined();
      const key = bundleKey(join(dist, `${bundle}.bundle.js`), stamp!);
      for (const name of names) expect(openCache(key, readFileSync(join(dist, "code", `${name}.v8`))), name).toBeDefined();
    }
  });
});

describe("hashBytes", () => {
  it("reads words where it can and bytes where it must, to the same hash", () => {
    const bytes = Buffer.from(Array.from({ length: 1031 }, (_, i) => (i * 37 + 11) & 0xff));
    const shifted = Buffer.alloc(bytes.length + 1);
    bytes.copy(shifted, 1);
    const unaligned = shifted.subarray(1); // byteOffset 1: no Int32Array view
    expect(hashBytes(unaligned)).toBe(hashBytes(bytes));
  });

  it("changes with any one bit, with the length, and with the order of words", () => {
    const bytes = Buffer.alloc(4096, 0x5a);
    const seen = new Set([hashBytes(bytes)]);
    for (const at of [0, 1, 2, 3, 2048, 4095]) {
      const flipped = Buffer.from(bytes);
      flipped[at]! ^= 1;
      seen.add(hashBytes(flipped));
    }
    seen.add(hashBytes(bytes.subarray(0, 4095)));
    seen.add(hashBytes(Buffer.concat([bytes, Buffer.alloc(4)])));
    const swapped = Buffer.from(bytes);
    swapped.writeUInt32LE(1, 0);
    swapped.writeUInt32LE(2, 4);
    const swapped2 = Buffer.from(bytes);
    swapped2.writeUInt32LE(2, 0);
    swapped2.writeUInt32LE(1, 4);
    seen.add(hashBytes(swapped)).add(hashBytes(swapped2));
    expect(seen.size).toBe(11);
  });
});

describe("a short command's start", () => {
  it("loads neither node:crypto nor Node's ES module translators once its caches are warm", () => {
    const dir = tempDir();
    const probe = join(dir, "modules.cjs");
    // preloaded: prints the built-in modules the process loaded, as it exits
    writeFileSync(probe, `process.on("exit", () => process.stderr.write("@@" + process.moduleLoadList.join(",") + "\\n"));\n`);
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: join(dir, "cache") };
    delete env["LLMFIT_CODE_CACHE"];
    const bin = new URL("../../dist/cli.cjs", import.meta.url).pathname;
    const args = ["fit", "llama-3.1-8b-instruct", "--json"];
    const first = execFileSync(process.execPath, [bin, ...args], { encoding: "utf8", env }); // writes the profile and the code cache
    const r = spawnSync(process.execPath, ["--require", probe, bin, ...args], { encoding: "utf8", env });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(first);
    const loaded = (/@@(.*)/.exec(r.stderr)?.[1] ?? "").split(",");
    expect(loaded).toContain("NativeModule vm"); // the probe saw the start
    expect(loaded).not.toContain("NativeModule crypto");
    expect(loaded.filter((m) => m.startsWith("NativeModule internal/modules/esm/translators"))).toEqual([]);
    // the ES module loader prints the same
    expect(execFileSync(process.execPath, [new URL("../../dist/cli.js", import.meta.url).pathname, ...args], { encoding: "utf8", env })).toBe(first);
  });
});

describe("cache names", () => {
  it("are one per CLI command (the report when none is named), and one for the host", () => {
    expect(cliCommandOf([])).toBe("report");
    expect(cliCommandOf(["--json"])).toBe("report");
    expect(cliCommandOf(["fit", "x"])).toBe("fit");
    expect(cacheNameFor("cli", ["fit", "x"])).toBe("cli-fit");
    expect(cacheNameFor("cli", ["--no-runtimes"])).toBe("cli-report");
    expect(cacheNameFor("cli", ["../x"])).toBe("cli");
    expect(cacheNameFor("host", ["--cache", "/c"])).toBe("host");
  });
});

describe("the CLI's young generation", () => {
  it("stays at its starting size while the report sizes the catalog (a smaller peak RSS)", () => {
    const dir = tempDir();
    const probe = join(dir, "new-space.mjs");
    // preloaded: prints the young generation's size as the CLI exits
    writeFileSync(probe, `import v8 from "node:v8";\nprocess.on("exit", () => process.stderr.write("@@" + v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size + "\\n"));\n`);
    const cli = new URL("../../dist/cli.js", import.meta.url).pathname;
    const r = spawnSync(process.execPath, ["--import", pathToFileURL(probe).href, cli, "--no-runtimes", "--json"], { encoding: "utf8", env: { ...process.env, XDG_CACHE_HOME: join(dir, "cache") } });
    expect(r.status).toBe(0);
    const bytes = Number(/@@(\d+)/.exec(r.stderr)?.[1]);
    // V8 starts with 1 MiB semi-spaces (2 MiB in all) and doubles them up to 16 MiB each when left alone
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(4 * 1024 ** 2);
  });
});
