#!/usr/bin/env node
// Bundles the two entry points that start a process (the host and the CLI) into single files.
// tsc still emits every module to dist/ (the rplugin door and the tests import them); the
// bundles are what dist/host.cjs and dist/cli.cjs (and their ES module twins dist/host.js and
// dist/cli.js) run, because one file loads in about half the time of the module graph, which is
// most of a cold :LlmFit (numbers in `npm run bench`).
//
// Each bundle is a plain script, dist/<name>.bundle.js: one function expression taking what a
// CommonJS module gets, so that dist/<name>.js (written here, a few lines) can compile it with
// V8's code cache (src/boot/code-cache.ts says why and how the cache is checked).
import { build } from "esbuild";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { defaultConfig } from "../dist/config.js";
import { hash53, hashBytes } from "../dist/models/content-hash.js";

const root = fileURLToPath(new URL("..", import.meta.url));

// What judged rows on disk are keyed by (src/advice/judged-store.ts): every source file and the
// build-made tables, so any change to the code or the data makes a process judge afresh.
const sources = readdirSync(`${root}/src`, { recursive: true })
  .filter((f) => f.endsWith(".ts"))
  .sort()
  .map((f) => `${f}\n${readFileSync(`${root}/src/${f}`, "utf8")}`);
const sourceStamp = hash53([...sources, readFileSync(`${root}/dist/catalog.json`, "utf8"), readFileSync(`${root}/dist/shape-tables.json`, "utf8")].join("\0"));

// The `neovim` package requires winston as it loads, but uses it only when attach() is given no
// logger, and the host always gives one (src/host/package-logger.ts). So the bundle gets, in
// its place, a module that says so if that ever changes: ~200 KiB of modules (winston, logform,
// colours, streams) the host would otherwise parse, run at start and keep.
const noWinston = {
  name: "no-winston",
  setup(b) {
    b.onResolve({ filter: /^winston$/ }, (args) => {
      if (!/[\\/]neovim[\\/]lib[\\/]utils[\\/]logger\.js$/.test(args.importer)) throw new Error(`winston required by ${args.importer}: only the neovim package's logger is stood in for`);
      return { path: "winston", namespace: "no-winston" };
    });
    b.onLoad({ filter: /.*/, namespace: "no-winston" }, () => ({
      contents: 'exports.createLogger = () => { throw new Error("winston is not bundled: pass attach() a logger (src/host/package-logger.ts)"); };',
      loader: "js",
    }));
  },
};

// The parsed default config, for src/config.ts defaultConfig(): it must survive JSON as it is.
const defaults = defaultConfig();
if (!isDeepStrictEqual(JSON.parse(JSON.stringify(defaults)), defaults)) throw new Error("the default config does not round-trip through JSON");

const result = await build({
  plugins: [noWinston],
  entryPoints: { host: `${root}/src/host.ts`, cli: `${root}/src/cli.ts` },
  outdir: `${root}/dist`,
  write: false,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  // Native code and optional packages stay outside: loaded only when a feature needs them.
  // yaml (cluster files only) is required from node_modules when a cluster file is read, so the
  // bundles, which V8 keeps in memory whole, do not carry it.
  external: ["node-llama-cpp", "yaml"],
  // src/sizing/shape-tables.ts finds dist/shape-tables.json next to the bundle, not one folder up;
  // src/models/catalog.ts trusts dist/catalog.json only with the stamp of the file this build wrote.
  // import.meta.url is the bundle's URL, passed in by the loader.
  define: {
    LLMFIT_BUNDLED: "true",
    LLMFIT_CATALOG_STAMP: JSON.stringify(hashBytes(readFileSync(`${root}/dist/catalog.json`))),
    LLMFIT_SOURCE_STAMP: JSON.stringify(sourceStamp),
    LLMFIT_DEFAULT_CONFIG: JSON.stringify(defaults),
    "import.meta.url": "__llmfitUrl",
  },
  // Whitespace and syntax only (names stay, for stack traces): a third less for V8 to scan at start.
  minifyWhitespace: process.env.LLMFIT_BUNDLE_READABLE !== "1",
  minifySyntax: true,
  logLevel: "warning",
});

for (const out of result.outputFiles) {
  const name = out.path.endsWith("/host.js") ? "host" : "cli";
  // A script cannot import(): the loader's import() stands in for the optional packages' (ESM only).
  // A Node built-in loaded late (node:child_process on the first tool run) is a plain require.
  const text = out.text
    .replace(/^#!.*\n/, "")
    .replaceAll('import("node-llama-cpp")', '__llmfitImport("node-llama-cpp")')
    .replace(/\bimport\("(node:[a-z_/]+|yaml)"\)/g, 'Promise.resolve().then(() => require("$1"))');
  if (/\bimport\(/.test(text.replaceAll("__llmfitImport(", ""))) throw new Error(`${name} bundle: an import() the loader does not stand in for`);
  // V8 keeps a script's source for as long as its functions may compile, and one non-ASCII
  // character makes all of it a two-byte string: 4 MiB of the host's heap instead of 2. esbuild
  // escapes strings but leaves regular expression literals as written (a "×" or "®" in a pattern),
  // so escape what is left; \uXXXX is the same code unit in a string, a template or a pattern.
  const ascii = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  const script = `(function (exports, module, require, __filename, __dirname, __llmfitUrl, __llmfitImport, __llmfitBoot) {\n${ascii}\n})`;
  writeFileSync(`${root}/dist/${name}.bundle.js`, script);
  writeFileSync(
    `${root}/dist/${name}.js`,
    [
      ...(name === "cli" ? ["#!/usr/bin/env node"] : []),
      "// Written by scripts/bundle.mjs: runs the bundle through V8's code cache (src/boot/code-cache.ts).",
      'import { startBundle } from "./boot/code-cache.js";',
      `startBundle(${JSON.stringify(name)}, new URL("./${name}.bundle.js", import.meta.url), ${JSON.stringify(hash53(script))});`,
      "",
    ].join("\n"),
  );
  // The same loader as CommonJS, what `llmfit` (package.json bin) and the Lua shim start: Node's
  // ES module loader (resolving, linking, a facade per built-in imported) is ~8 ms of a short
  // command that a CommonJS entry never pays (npm run bench: process).
  writeFileSync(
    `${root}/dist/${name}.cjs`,
    [
      ...(name === "cli" ? ["#!/usr/bin/env node"] : []),
      '"use strict";',
      "// Written by scripts/bundle.mjs: runs the bundle through V8's code cache (src/boot/code-cache.ts, bundled as dist/boot.cjs).",
      `require("./boot.cjs").startBundle(${JSON.stringify(name)}, require("node:url").pathToFileURL(require("node:path").join(__dirname, "${name}.bundle.js")), ${JSON.stringify(hash53(script))});`,
      "",
    ].join("\n"),
    { mode: 0o755 },
  );
}

// The loaders' own code, as one CommonJS file (the import() it hands the bundle stays an import()).
await build({
  entryPoints: [`${root}/src/boot/code-cache.ts`],
  outfile: `${root}/dist/boot.cjs`,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  minifySyntax: true,
  logLevel: "warning",
});
