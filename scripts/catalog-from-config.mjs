#!/usr/bin/env node
// A catalog entry from a Hugging Face config.json — a saved file, a config.json or model page URL,
// or a repo id (owner/name, fetched from the Hub) — in the catalog's compact form.
//
//   node scripts/catalog-from-config.mjs <config.json | URL | owner/name> [--id ID] [--ctx N]
//        [--name NAME --family F --license L --released YYYY-MM[-DD] --params N [--active N]
//         --capabilities chat,tools,... --quality 1-10 [--ollama tag,...] [--gguf repo,...] [--ctx-source URL]
//         [--hf owner/name (the repo of a saved config.json)] [--source URL]]
//
// With --id of an existing entry it compares the config's shape with the entry's and exits 1
// listing the differences (0 when they match). For a new model it prints a complete entry when the
// model card's facts are given (--name … --quality), checked against the catalog schema and the
// published parameter count; without them it prints the architecture fields and names the flags
// still needed (exit 1). The entry's `checkpoint` comes from the config's quantization_config
// (FP8, or INT4 with its group size and scope: src/cluster/checkpoint-config.ts); a config of BF16
// weights gets none. Needs the build: `npm run build` first (it reads dist/).
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { isDeepStrictEqual, parseArgs } from "node:util";
import { catalogEntryFrom, entryFromConfig } from "../dist/models/from-config.js";
import { CATALOG, parseCatalog, shapeOf } from "../dist/models/catalog.js";
import { checkpointFromConfig } from "../dist/cluster/checkpoint-config.js";
import { HF_REPO, LlmEntrySchema } from "../dist/models/catalog-schema.js";
import { countParams, tensorsForShape } from "../dist/sizing/tensors.js";

const USAGE =
  "usage: node scripts/catalog-from-config.mjs <config.json | URL | owner/name> [--id ID] [--ctx N] " +
  "[--name N --family F --license L --released DATE --params N [--active N] --capabilities a,b --quality Q] [--ollama t,...] [--gguf r,...] [--ctx-source URL] [--hf owner/name] [--source URL]";
const CARD_FLAGS = ["id", "name", "family", "license", "released", "params", "capabilities", "quality"];

/** A model page or blob URL becomes the raw config.json URL. */
function configUrl(input) {
  const url = new URL(input);
  if (url.hostname !== "huggingface.co" && url.hostname !== "hf.co") return url.href;
  const parts = url.pathname.split("/").filter(Boolean);
  if (parts.length === 2) return `https://huggingface.co/${parts[0]}/${parts[1]}/resolve/main/config.json`;
  return url.href.replace("/blob/", "/resolve/");
}

/** The repo a source names, when it names one (owner/name or a Hugging Face URL). */
function repoOf(source) {
  if (!/^https?:\/\//.test(source)) return !existsSync(source) && HF_REPO.test(source) ? source : undefined;
  const url = new URL(source);
  if (url.hostname !== "huggingface.co" && url.hostname !== "hf.co") return undefined;
  const [owner, name] = url.pathname.split("/").filter(Boolean);
  return owner && name ? `${owner}/${name}` : undefined;
}

async function load(source) {
  const repo = repoOf(source);
  if (!/^https?:\/\//.test(source) && repo === undefined) return JSON.parse(await readFile(source, "utf8"));
  const url = repo !== undefined && !/^https?:\/\//.test(source) ? `https://huggingface.co/${repo}/resolve/main/config.json` : configUrl(source);
  const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}${res.status === 401 ? " (a gated repo: save its config.json and pass the file)" : ""}`);
  return res.json();
}

function differences(a, b, path = "") {
  if (isDeepStrictEqual(a, b)) return [];
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a)) {
    return [...new Set([...Object.keys(a), ...Object.keys(b)])].flatMap((k) => differences(a[k], b[k], path ? `${path}.${k}` : k));
  }
  return [`${path}: catalog ${JSON.stringify(b)} → config ${JSON.stringify(a)}`];
}

const list = (v) => (v === undefined ? undefined : v.split(",").map((x) => x.trim()).filter(Boolean));
const count = (name, v) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} ${v}: give a positive number (1e9 and 8030261248 both work)`);
  return Math.round(n);
};

async function main() {
  const str = { type: "string" };
  const { values, positionals } = parseArgs({
    options: {
      id: str, ctx: str, name: str, family: str, license: str, released: str, params: str, active: str,
      capabilities: str, quality: str, ollama: str, gguf: str, "ctx-source": str, source: str, hf: str,
    },
    allowPositionals: true,
  });
  if (positionals.length !== 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const input = positionals[0];
  const current = values.id === undefined ? undefined : CATALOG.find((e) => e.id === values.id);
  const ctx = values.ctx !== undefined ? count("ctx", values.ctx) : current?.kind === "diffusion" ? undefined : current?.hp.ctx;
  const config = await load(input);
  const checkpoint = checkpointFromConfig(config);
  const derived = { ...entryFromConfig(config, { id: values.id, ctx }), ...(checkpoint !== undefined && { checkpoint }) };

  if (current !== undefined && current.kind !== "diffusion") {
    process.stdout.write(`${JSON.stringify(derived, null, 2)}\n`);
    // the config alone says what the checkpoint is: an entry's mark the config does not carry shows as a difference
    const { checkpoint: _marked, ...unmarked } = current;
    const fresh = LlmEntrySchema.parse({ ...unmarked, ...derived });
    const diff = [...differences(shapeOf(fresh), shapeOf(current)), ...differences({ checkpoint: fresh.checkpoint }, { checkpoint: current.checkpoint })];
    process.stderr.write(diff.length === 0 ? `${current.id}: the catalog's shape matches this config\n` : `${current.id} differs:\n  ${diff.join("\n  ")}\n`);
    return diff.length === 0 ? 0 : 1;
  }

  const missing = CARD_FLAGS.filter((f) => values[f] === undefined);
  if (missing.length > 0) {
    process.stdout.write(`${JSON.stringify(derived, null, 2)}\n`);
    process.stderr.write(`for a complete entry also give ${missing.map((f) => `--${f}`).join(" ")} (from the model card)\n`);
    return 1;
  }
  // a saved config.json names no repo: --hf gives it (the source then defaults to its config.json)
  const hf = values.hf ?? repoOf(input);
  if (hf !== undefined && !HF_REPO.test(hf)) throw new Error(`--hf ${hf}: not a Hugging Face repo id (owner/name)`);
  const entry = catalogEntryFrom(derived, {
    id: values.id, name: values.name, family: values.family, license: values.license, released: values.released,
    checked: new Date().toISOString().slice(0, 10), params: count("params", values.params),
    ...(values.active !== undefined && { active: count("active", values.active) }),
    capabilities: list(values.capabilities), quality: count("quality", values.quality),
    ...(hf !== undefined && { hf }), ...(values.source !== undefined && { source: values.source }),
    ...(values["ctx-source"] !== undefined && { ctxSource: values["ctx-source"] }),
    ollama: list(values.ollama), gguf: list(values.gguf),
  });
  if (checkpoint !== undefined) entry.checkpoint = checkpoint;
  // the catalog's own checks: schema, per-layer lists, positionLimit with its ctxSource
  const [parsed] = parseCatalog([[entry]]);
  process.stdout.write(`${JSON.stringify(entry, null, 2)}\n`);
  const counted = countParams(tensorsForShape(shapeOf(parsed)));
  const off = counted / parsed.params.total - 1;
  process.stderr.write(
    `${parsed.id}: ${(counted / 1e9).toFixed(3)}B from the shape vs ${(parsed.params.total / 1e9).toFixed(3)}B published (${(off * 100).toFixed(2)} %)` +
      (Math.abs(off) > 0.02 ? ": more than the catalog's 2 %; if the card's count includes a vision tower or MTP layers, add params.text and paramsNote\n" : "\n"),
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`catalog-from-config: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  },
);
