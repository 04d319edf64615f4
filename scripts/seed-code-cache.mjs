#!/usr/bin/env node
// Leaves V8 code caches for the bundles in dist/code (src/boot/code-cache.ts: the "seed"), made by
// running what a user runs first: the terminal report, `fit`, `detect`, and the editor's host up to
// its idle save after it has detected the machine and sized the catalog. The first start after an
// install or an update (a plugin manager runs the build) then reads compiled code instead of
// compiling the whole bundle (npm run bench: editor, "first start after an update").
//
// Each run gets an empty cache directory of its own, so nothing of this machine's user cache is
// read or written; the report's runtime discovery is turned off and neither `fit`, `detect` nor
// the host's start-up work looks for runtimes: a build talks to no server.
// A seed that could not be made only costs that first start its compile time, so a failure is
// a warning, not a failed build.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");
const seeds = join(dist, "code");
rmSync(seeds, { recursive: true, force: true });
mkdirSync(seeds, { recursive: true });
const work = mkdtempSync(join(tmpdir(), "llmfit-seed-"));

function envFor(cache) {
  const env = { ...process.env, XDG_CACHE_HOME: cache };
  delete env.LLMFIT_CODE_CACHE;
  return env;
}

function warn(what) {
  process.stderr.write(`seed-code-cache: ${what} (the first start compiles instead)\n`);
}

// The CLI writes its cache as it exits; one file per command (src/boot/code-cache.ts cacheNameFor).
const cliRuns = [
  ["report", ["--no-runtimes"]],
  // `fit` saves its cache only when it exits 0 (the model fits): a stated machine it fits on
  ["fit", ["fit", "llama-3.1-8b-instruct", "--ram", "64"]],
  ["detect", ["detect"]],
];
for (const [name, args] of cliRuns) {
  const cache = join(work, `cli-${name}`);
  const r = spawnSync(process.execPath, [join(dist, "cli.cjs"), ...args], { env: envFor(cache), encoding: "utf8", timeout: 60_000 });
  const file = join(cache, "llmfit", "code", `cli-${name}.v8`);
  if (r.status === 0 && existsSync(file)) copyFileSync(file, join(seeds, `cli-${name}.v8`));
  else warn(`\`llmfit ${args.join(" ")}\` left no code cache (exit ${r.status}: ${(r.stderr || "").trim().split("\n").pop()})`);
}

// The host saves its cache once idle after its start-up work (src/host.ts); stdin is held open
// (closing it is how Neovim stops the host) until the file is there. The flags are the shim's
// (lua/llmfit/host.lua): V8 refuses cached data made under other flags.
async function seedHost() {
  const cache = join(work, "host");
  const file = join(cache, "code", "host.v8");
  const host = spawn(process.execPath, ["--max-semi-space-size=1", "--expose-gc", join(dist, "host.cjs"), "--log", join(work, "host.log"), "--cache", cache], {
    env: envFor(join(work, "host-xdg")),
    stdio: ["pipe", "ignore", "ignore"],
  });
  const deadline = Date.now() + 30_000;
  while (!existsSync(file) && host.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  // renamed into place whole (src/boot/code-cache.ts), so existing means complete
  const made = existsSync(file);
  host.stdin.end();
  await new Promise((r) => (host.exitCode !== null ? r() : host.once("exit", r)));
  if (made) copyFileSync(file, join(seeds, "host.v8"));
  else warn(`the host saved no code cache within 30 s (exit ${host.exitCode})`);
}
await seedHost();
rmSync(work, { recursive: true, force: true });
process.stdout.write(`seed-code-cache: ${readdirSync(seeds).sort().join(", ") || "none"}\n`);
