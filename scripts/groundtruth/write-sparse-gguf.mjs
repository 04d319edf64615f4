#!/usr/bin/env node
// Write a sparse GGUF v3 file with the exact header and tensor list of a real model and an
// all-zero data region (a filesystem hole: no disk used).
//
//   node scripts/groundtruth/write-sparse-gguf.mjs MODEL_ID WEIGHTS OUT.gguf
//
// MODEL_ID: a key of data/groundtruth/shapes-extra.json or data/groundtruth/shapes.json,
// or of CONFIGS in models.mjs (F16 only until quantize-types has recorded the Q types).
// WEIGHTS: F16 | Q8_0 | Q4_K_M (per-tensor types from the shapes file's `tensor_types`,
// which record what llama.cpp's quantizer chose in --dry-run mode; see quantize-types.py).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writeSparseGguf, standInTokenizer, GGUF_TYPE } from "./gguf-writer.mjs";
import { buildShape, ggufFromShape, CONFIGS } from "./models.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(here, "../..");
export const EXTRA_SHAPES = path.join(REPO, "data/groundtruth/shapes-extra.json");
export const BASE_SHAPES = path.join(REPO, "data/groundtruth/shapes.json");

export function loadShapes() {
  const out = {};
  for (const f of [BASE_SHAPES, EXTRA_SHAPES]) {
    if (fs.existsSync(f)) Object.assign(out, JSON.parse(fs.readFileSync(f, "utf8")));
  }
  return out;
}

export function getShape(id, shapes = loadShapes()) {
  if (shapes[id]) return shapes[id];
  if (CONFIGS[id]) return buildShape(id);
  throw new Error(`unknown model ${id}`);
}

export function writeModel(id, weights, outPath, shapes) {
  const shape = getShape(id, shapes);
  const { kv, tensors, vocab } = ggufFromShape(id, shape, weights, GGUF_TYPE);
  return writeSparseGguf(outPath, { kv: [...kv, ...standInTokenizer(vocab)], tensors, alignment: 32 });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [id, weights, out] = process.argv.slice(2);
  if (!id || !weights || !out) {
    console.error("usage: write-sparse-gguf.mjs MODEL_ID F16|Q8_0|Q4_K_M OUT.gguf");
    process.exit(2);
  }
  const r = writeModel(id, weights, out);
  console.log(JSON.stringify({ id, weights, out, ...r }));
}
