#!/usr/bin/env node
// Bundles the two entry points that start a process (the host and the CLI) into single files.
// tsc still emits every module to dist/ (the rplugin door and the tests import them); the
// bundles replace dist/host.js and dist/cli.js because one file loads in about half the time
// of the module graph, which is most of a cold :LlmFit (numbers in `npm run bench`).
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { hash53 } from "../dist/models/content-hash.js";

const root = fileURLToPath(new URL("..", import.meta.url));

await build({
  entryPoints: { host: `${root}/src/host.ts`, cli: `${root}/src/cli.ts` },
  outdir: `${root}/dist`,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  // Native code and optional packages stay outside: loaded only when a feature needs them.
  external: ["node-llama-cpp"],
  // Some bundled CommonJS packages call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __llmfitRequire } from 'node:module'; const require = __llmfitRequire(import.meta.url);" },
  // src/sizing/shape-tables.ts finds dist/shape-tables.json next to the bundle, not one folder up;
  // src/models/catalog.ts trusts dist/catalog.json only with the stamp of the file this build wrote.
  define: {
    LLMFIT_BUNDLED: "true",
    LLMFIT_CATALOG_STAMP: JSON.stringify(hash53(readFileSync(`${root}/dist/catalog.json`, "utf8"))),
  },
  // Whitespace and syntax only (names stay, for stack traces): a third less for V8 to scan at start.
  minifyWhitespace: process.env.LLMFIT_BUNDLE_READABLE !== "1",
  minifySyntax: true,
  logLevel: "warning",
});
