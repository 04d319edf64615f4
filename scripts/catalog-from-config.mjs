#!/usr/bin/env node
// Regenerates a catalog entry's architecture fields (kind, arch, hp) from a Hugging Face
// config.json — a local file, a config.json URL, or a model page URL — and prints them in the
// catalog's compact form. With --id, also compares them with that entry's current shape.
// Needs the build: `npm run build` first (it reads dist/).
//
//   node scripts/catalog-from-config.mjs <config.json | URL> [--id ID] [--ctx N]
import { readFile } from "node:fs/promises";
import { isDeepStrictEqual, parseArgs } from "node:util";
import { entryFromConfig } from "../dist/models/from-config.js";
import { CATALOG, shapeOf } from "../dist/models/catalog.js";
import { LlmEntrySchema } from "../dist/models/catalog-schema.js";

const USAGE = "usage: node scripts/catalog-from-config.mjs <config.json path or URL> [--id ID] [--ctx N]";

/** A model page or blob URL becomes the raw config.json URL. */
function configUrl(input) {
  const url = new URL(input);
  if (url.hostname !== "huggingface.co" && url.hostname !== "hf.co") return url.href;
  const parts = url.pathname.split("/").filter(Boolean);
  if (parts.length === 2) return `https://huggingface.co/${parts[0]}/${parts[1]}/resolve/main/config.json`;
  return url.href.replace("/blob/", "/resolve/");
}

async function load(source) {
  if (!/^https?:\/\//.test(source)) return JSON.parse(await readFile(source, "utf8"));
  const res = await fetch(configUrl(source), { signal: AbortSignal.timeout(30_000) });
  if (!res.ok) throw new Error(`${configUrl(source)}: HTTP ${res.status}`);
  return res.json();
}

function differences(a, b, path = "") {
  if (isDeepStrictEqual(a, b)) return [];
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a)) {
    return [...new Set([...Object.keys(a), ...Object.keys(b)])].flatMap((k) => differences(a[k], b[k], path ? `${path}.${k}` : k));
  }
  return [`${path}: catalog ${JSON.stringify(b)} → config ${JSON.stringify(a)}`];
}

async function main() {
  const { values, positionals } = parseArgs({ options: { id: { type: "string" }, ctx: { type: "string" } }, allowPositionals: true });
  if (positionals.length !== 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const current = values.id === undefined ? undefined : CATALOG.find((e) => e.id === values.id);
  if (values.id !== undefined && current === undefined) process.stderr.write(`note: no catalog entry ${values.id}; printing a new one\n`);
  const ctx = values.ctx !== undefined ? Number(values.ctx) : current?.kind === "diffusion" ? undefined : current?.hp.ctx;
  const derived = entryFromConfig(await load(positionals[0]), { id: values.id, ctx });
  process.stdout.write(`${JSON.stringify(derived, null, 2)}\n`);
  if (current !== undefined && current.kind !== "diffusion") {
    const fresh = LlmEntrySchema.parse({ ...current, ...derived });
    const diff = differences(shapeOf(fresh), shapeOf(current));
    process.stderr.write(diff.length === 0 ? `${current.id}: the catalog's shape matches this config\n` : `${current.id} differs:\n  ${diff.join("\n  ")}\n`);
    return diff.length === 0 ? 0 : 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`catalog-from-config: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  },
);
