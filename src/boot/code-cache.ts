// Starts a bundle (dist/cli.bundle.js, dist/host.bundle.js) with V8's code cache. Node 20 has no
// module compile cache, and parsing and compiling the 1.7 MB bundle is a third of a short
// command's time (npm run bench: process). So the bundle is a plain script — one function
// expression that takes what a CommonJS module gets — compiled through vm.Script with the
// cached data a previous run left in the cache directory, and the cache is written again when it
// was missing or V8 turned it down.
//
// V8 trusts cached data it accepts: a damaged file can crash the process, and its own check only
// compares the source's length. So a cache file carries a header naming the exact bundle (the
// build's stamp, the file's size, modification time and inode, the Node version and the CPU
// architecture) and a hash of the data (src/models/content-hash.ts hashBytes: damage, not forgery,
// is what it is for); anything that does not match is ignored and replaced.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import vm from "node:vm";
import { defaultCacheDir } from "../cache-dir.js";
import { hashBytes } from "../models/content-hash.js";

/** What a bundle can ask of the loader that started it (src/host.ts: `__llmfitBoot`). */
export interface Boot {
  /** Writes the code cache if this start had none (or V8 refused it); once, errors ignored. */
  saveCodeCache(): void;
  /** Whether V8 compiled this start from cached data (this user's, or the build's seed). */
  readonly fromCache: boolean;
  /** Where the code came from: this user's cache, the seed the build left beside the bundle, or compiled now. */
  readonly codeFrom: "cache" | "seed" | "compiled";
}

/** The bundle's function: the arguments a CommonJS module gets, the bundle's URL, import() and the boot. */
type BundleMain = (
  exports: object,
  module: { exports: object },
  require: NodeJS.Require,
  filename: string,
  dirname: string,
  url: string,
  importModule: (specifier: string) => Promise<unknown>,
  boot: Boot,
) => void;

/** The first line of a cache file: a file for another bundle, build or Node never matches. */
export function cacheHeader(key: string): string {
  return `llmfit code cache 2 ${key} ${process.version} ${process.arch}\n`;
}

/**
 * The digest field after the header: the data's hash, padded so the data starts at a multiple of
 * four bytes (readFileSync gives a large file a buffer of its own, so the hash reads it by words).
 */
function digestField(headerBytes: number, hash: string): string {
  const field = `${hash.padStart(11, "0")}\n`;
  return field.padEnd(field.length + ((4 - ((headerBytes + field.length) % 4)) % 4), " ");
}

/** Header, digest of the data, the data. */
export function sealCache(key: string, data: Buffer): Buffer {
  const header = Buffer.from(cacheHeader(key), "latin1");
  return Buffer.concat([header, Buffer.from(digestField(header.length, hashBytes(data)), "latin1"), data]);
}

/** The cached data in a cache file for this key; undefined if it is for something else or damaged. */
export function openCache(key: string, file: Buffer): Buffer | undefined {
  const header = Buffer.from(cacheHeader(key), "latin1");
  const width = digestField(header.length, "").length;
  if (file.length <= header.length + width || !file.subarray(0, header.length).equals(header)) return undefined;
  const digest = file.subarray(header.length, header.length + width).toString("latin1");
  const data = file.subarray(header.length + width);
  return digest === digestField(header.length, hashBytes(data)) ? data : undefined;
}

/** The key of a bundle file as it is on disk now: any rewrite of the file changes it. */
export function bundleKey(path: string, stamp: string): string {
  const s = statSync(path);
  return `${stamp}-${s.size}-${Math.trunc(s.mtimeMs)}-${s.ino}`;
}

export interface RunOptions {
  /** The bundle script, next to the loader. */
  readonly bundle: URL;
  /** "cli" or "host": the cache file's name. */
  readonly name: string;
  /** The build's hash of the bundle's text (scripts/bundle.mjs). */
  readonly stamp: string;
  /** Where the cache file lives (…/llmfit); undefined: no cache. */
  readonly cacheDir: string | undefined;
  /**
   * Where the build left its seed files (dist/code, scripts/seed-code-cache.mjs): what a start
   * uses when this user has no good cache yet — the first start after an install or an update,
   * which would otherwise compile the whole bundle. Undefined: none.
   */
  readonly seedDir?: string | undefined;
}

function readIfThere(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Compiles and runs the bundle (from the cache when it is good); returns the bundle's boot. */
export function runBundle(opts: RunOptions): Boot {
  const path = fileURLToPath(opts.bundle);
  const source = readFileSync(path, "utf8");
  const key = opts.cacheDir === undefined ? undefined : bundleKey(path, opts.stamp);
  const file = opts.cacheDir === undefined ? undefined : join(opts.cacheDir, "code", `${opts.name}.v8`);
  const sealed = file === undefined ? undefined : readIfThere(file);
  const own = sealed && key ? openCache(key, sealed) : undefined;
  // The seed is checked exactly as the user's file is: the key names this very bundle file, so a
  // copied or rebuilt bundle never meets a seed made for another. With no cache directory (turned
  // off), the seed is not used either: "off" means compile.
  const seedFile = own || key === undefined || opts.seedDir === undefined ? undefined : readIfThere(join(opts.seedDir, `${opts.name}.v8`));
  const seeded = seedFile && key ? openCache(key, seedFile) : undefined;
  const cachedData = own ?? seeded;
  const script = new vm.Script(source, { filename: path, ...(cachedData ? { cachedData } : {}) });
  const fromCache = cachedData !== undefined && script.cachedDataRejected !== true;
  // A start from the seed still leaves a cache of its own: the seed holds what the build's runs
  // compiled, this user's commands may compile more, and the next start then finds it first.
  let pending = file !== undefined && key !== undefined && (!fromCache || own === undefined);
  const boot: Boot = {
    fromCache,
    codeFrom: !fromCache ? "compiled" : own !== undefined ? "cache" : "seed",
    saveCodeCache() {
      if (!pending || file === undefined || key === undefined) return;
      pending = false;
      try {
        mkdirSync(dirname(file), { recursive: true });
        // a temporary name per writer, then rename: two processes starting at once never see half a file
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, sealCache(key, script.createCachedData()));
        renameSync(tmp, file);
      } catch {
        // a read-only or full disk only costs the next start its compile time
      }
    },
  };
  const main = script.runInThisContext() as BundleMain;
  const module = { exports: {} };
  main(module.exports, module, createRequire(path), path, dirname(path), opts.bundle.href, (specifier) => import(specifier), boot);
  return boot;
}

/** The cache directory a start uses: the host's `--cache` (the shim passes it), else the default; LLMFIT_CODE_CACHE=off: none. */
export function codeCacheDir(argv: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  if (env["LLMFIT_CODE_CACHE"] === "off") return undefined;
  const i = argv.indexOf("--cache");
  return i >= 0 && argv[i + 1] ? argv[i + 1] : defaultCacheDir(env, process.platform);
}

const THIN_ARGS = new Set(["--help", "-h", "help", "--version", "-V"]);

/** The command a CLI run starts, as src/cli/main.ts picks it: the first argument unless it is a flag, else the report. */
export function cliCommandOf(args: readonly string[]): string {
  const first = args[0];
  return first !== undefined && !first.startsWith("-") ? first : "report";
}

/** The code cache file a start uses: one per CLI command, since each holds the code its command ran. */
export function cacheNameFor(name: "cli" | "host", args: readonly string[]): string {
  if (name === "host") return "host";
  const command = cliCommandOf(args);
  return /^[a-z]{1,16}$/.test(command) ? `cli-${command}` : "cli";
}

/** The build's seed files beside a bundle: dist/code for dist/<name>.bundle.js. */
export function seedDirOf(bundle: URL): string {
  return join(dirname(fileURLToPath(bundle)), "code");
}

/** What the generated dist/cli.js and dist/host.js call. The CLI saves its cache as it exits (all it ran is compiled by then); the host when idle. */
export function startBundle(name: "cli" | "host", bundle: URL, stamp: string): void {
  const args = process.argv.slice(2);
  // The report's young generation stays at its starting size instead of doubling to 16 MiB
  // semi-spaces while it judges the catalog: ~10 MiB less peak RSS and no slower (npm run bench:
  // process). `fit` judges one model, and what it allocates (the catalog, the tables) lives to the
  // end: a small young generation only copies it again and again (~11 ms of a 0.13 s run for
  // 4 MiB of peak), so its young generation grows to the cap at the first scavenge instead of
  // doubling four times: 2 scavenges instead of 6, the same peak. The host gets --max-semi-space-size=1 from the shim;
  // a command line flag is not an option for `llmfit` (a shebang takes one argument on Linux). V8
  // reads this flag each time it grows the space, so setting it now works; set before compiling,
  // so the cache sees the same flags (V8 rejects a cache made under other flags: one file per command).
  if (name === "cli") setFlagsFromString(cliCommandOf(args) === "fit" ? "--semi-space-growth-factor=16" : "--semi-space-growth-factor=1");
  const boot = runBundle({ bundle, name: cacheNameFor(name, args), stamp, cacheDir: codeCacheDir(args, process.env), seedDir: seedDirOf(bundle) });
  // A help or version run compiles next to nothing: a cache written then would serve every later
  // run of the command with little but the top level, and it is not rewritten while V8 accepts it.
  // A run that failed (a typo for a command) keeps nothing either.
  const thin = args.some((a) => THIN_ARGS.has(a));
  if (name === "cli" && !thin) process.once("exit", (code) => code === 0 && boot.saveCodeCache());
}
