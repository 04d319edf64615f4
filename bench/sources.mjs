// Bytes read to size a model named by where it lives (hf:ORG/REPO:QUANT, an Ollama tag, a
// safetensors repo), through the real source code with an in-memory Hub / registry / CDN behind
// an injected fetch (nothing leaves the process). GGUF headers are written by the project's
// writer at real tensor lists; the tokenizer arrays are what makes a header big, so each model is
// measured twice: with a 256-token stub, and with vocab-length token, token-type and merge arrays
// (synthetic strings of typical length: the real lists are of that order). Run after
// `npm run build`. Prints numbers; never fails on a size or a time.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { ggufHeader, shapeHyperparams } from "../dist/models/gguf-write.js";
import { safetensorsHeader } from "../dist/models/safetensors-write.js";
import { parseRemoteRef } from "../dist/models/sources/refs.js";
import { loadRemoteModel } from "../dist/models/sources/remote.js";
import { applyQuantMix } from "../dist/sizing/quant-mix.js";
import { referenceShape } from "../dist/sizing/reference-shapes.js";
import { tensorsForShape } from "../dist/sizing/tensors.js";
import { printTable, ms } from "./table.mjs";

const HUB = "https://hub.bench";
const CDN = "https://cdn.bench";
const REG = "https://registry.bench";
const SHA = "f".repeat(40);
const FTYPE = { Q4_K_M: 15, Q8_0: 7 };

function kvsFor(shape, quant, tokens) {
  const a = shape.arch;
  const kv = [
    ["general.architecture", { str: a }],
    ["general.file_type", { u32: FTYPE[quant] }],
    ...shapeHyperparams(shape),
    ...(shape.swaWindow > 0 ? [[`${a}.attention.sliding_window`, { u32: shape.swaWindow }]] : []),
    ["tokenizer.ggml.model", { str: "gpt2" }],
  ];
  if (tokens === "stub") return [...kv, ["tokenizer.ggml.tokens", { strs: Array.from({ length: 256 }, (_, i) => `t${i}`) }]];
  // vocab-length arrays: tokens of ~7 bytes, an i32 type per token, merges of ~11 bytes
  const V = shape.nVocab;
  return [
    ...kv,
    ["tokenizer.ggml.tokens", { strs: Array.from({ length: V }, (_, i) => `Ġtok${i}`.slice(0, 7)) }],
    ["tokenizer.ggml.token_type", { i32s: new Array(V).fill(1) }],
    ["tokenizer.ggml.merges", { strs: Array.from({ length: V }, (_, i) => `Ġa${i} b${i}`.slice(0, 11)) }],
  ];
}

/** In-memory servers: files are a real header followed by virtual zeros. */
function world() {
  const blobs = new Map();
  const repos = new Map();
  const manifests = new Map();
  const oid = (f) => createHash("sha256").update(f.head).update(String(f.size)).digest("hex");
  const addRepo = (repo, files) => {
    for (const f of Object.values(files)) blobs.set(oid(f), f);
    repos.set(repo, files);
  };
  const addTag = (path, file) => {
    blobs.set(oid(file), file);
    manifests.set(path, { schemaVersion: 2, layers: [{ mediaType: "application/vnd.ollama.image.model", digest: `sha256:${oid(file)}`, size: file.size }] });
  };
  const json = (v, headers = {}) => new Response(JSON.stringify(v), { status: 200, headers: { "content-type": "application/json", ...headers } });
  const serve = (f, range) => {
    const m = /^bytes=(\d+)-(\d+)$/.exec(range ?? "");
    if (!m) return new Response(f.head, { status: 200 });
    const a = Number(m[1]);
    const b = Math.min(Number(m[2]), f.size - 1);
    const out = Buffer.alloc(b - a + 1);
    if (a < f.head.length) f.head.copy(out, 0, a, Math.min(b + 1, f.head.length));
    return new Response(out, { status: 206, headers: { "content-range": `bytes ${a}-${b}/${f.size}` } });
  };
  const fetchImpl = async (input, init) => {
    const u = new URL(String(input));
    const range = new Headers(init?.headers).get("range");
    const p = decodeURIComponent(u.pathname);
    if (u.origin === CDN) return serve(blobs.get(p.replace("/blobs/", "")), range);
    if (u.origin === REG) {
      const man = /^\/v2\/(.+)\/manifests\/(.+)$/.exec(p);
      if (man) return json(manifests.get(`${man[1]}:${man[2]}`));
      const blob = /\/blobs\/sha256:(.+)$/.exec(p);
      return new Response(null, { status: 307, headers: { location: `${CDN}/blobs/${blob[1]}` } });
    }
    // The Hub's Ollama registry (hf.co/ORG/REPO:TAG): the tag names a file by its quant, any case.
    const hfMan = /^\/v2\/([^/]+\/[^/]+)\/manifests\/(.+)$/.exec(p);
    if (hfMan) {
      const tag = (hfMan[2] === "latest" ? "Q4_K_M" : hfMan[2]).toUpperCase();
      const [, f] = Object.entries(repos.get(hfMan[1])).find(([path]) => path.toUpperCase().includes(tag));
      return json({ schemaVersion: 2, layers: [{ mediaType: "application/vnd.ollama.image.model", digest: `sha256:${oid(f)}`, size: f.size }] });
    }
    const hfBlob = /^\/v2\/[^/]+\/[^/]+\/blobs\/sha256:(.+)$/.exec(p);
    if (hfBlob) return new Response(null, { status: 302, headers: { location: `${CDN}/blobs/${hfBlob[1]}` } });
    const api = /^\/api\/models\/([^/]+\/[^/]+)\/(revision|tree)\//.exec(p);
    if (api) {
      const files = repos.get(api[1]);
      if (api[2] === "revision") return json({ sha: SHA, siblings: Object.keys(files).map((rfilename) => ({ rfilename })) });
      return json(Object.entries(files).map(([path, f]) => ({ type: "file", path, size: f.size, ...(f.size > 4096 ? { lfs: { oid: oid(f), size: f.size } } : {}) })));
    }
    const res = /^\/([^/]+\/[^/]+)\/resolve\/[^/]+\/(.+)$/.exec(p);
    const f = repos.get(res[1])[res[2]];
    if (f.size <= 4096) return serve(f, range);
    return new Response(null, { status: 302, headers: { location: `${CDN}/blobs/${oid(f)}` } });
  };
  return { addRepo, addTag, fetch: fetchImpl };
}

const w = world();
const cases = [];
for (const id of ["llama-3.2-1b", "llama-3.1-8b", "qwen3-8b", "gemma-3-4b"]) {
  const shape = referenceShape(id);
  for (const tokens of ["stub", "full"]) {
    const { header, fileBytes } = ggufHeader(kvsFor(shape, "Q4_K_M", tokens), applyQuantMix(shape, tensorsForShape(shape), "Q4_K_M"));
    const repo = `bench/${id}-${tokens}-GGUF`;
    w.addRepo(repo, { [`${id}-Q4_K_M.gguf`]: { head: header, size: fileBytes } });
    cases.push({ label: `hf:${id} Q4_K_M (${tokens} tokenizer)`, ref: `hf:${repo}:Q4_K_M`, header: header.length, file: fileBytes });
    if (tokens === "full") {
      cases.push({ label: `hf.co/${id} Q4_K_M (Hub registry, full tokenizer)`, ref: `hf.co/${repo}:q4_k_m`, header: header.length, file: fileBytes });
      w.addTag(`library/${id}:q4`, { head: header, size: fileBytes });
      cases.push({ label: `${id}:q4 (Ollama tag, full tokenizer)`, ref: `ollama:${id}:q4`, header: header.length, file: fileBytes });
    }
  }
}
// A transformers repo: Llama 3.1 8B's tensors in four BF16 shards.
{
  const s = referenceShape("llama-3.1-8b");
  const H = s.nEmbd, q = s.layers[0].nHead * s.headDimK, kv = s.layers[0].nHeadKv * s.headDimK, I = s.layers[0].nFf;
  const t = [{ name: "model.embed_tokens.weight", dtype: "BF16", shape: [s.nVocab, H] }];
  s.layers.forEach((_, i) => {
    const p = `model.layers.${i}`;
    t.push(
      { name: `${p}.input_layernorm.weight`, dtype: "BF16", shape: [H] }, { name: `${p}.self_attn.q_proj.weight`, dtype: "BF16", shape: [q, H] },
      { name: `${p}.self_attn.k_proj.weight`, dtype: "BF16", shape: [kv, H] }, { name: `${p}.self_attn.v_proj.weight`, dtype: "BF16", shape: [kv, H] },
      { name: `${p}.self_attn.o_proj.weight`, dtype: "BF16", shape: [H, q] }, { name: `${p}.post_attention_layernorm.weight`, dtype: "BF16", shape: [H] },
      { name: `${p}.mlp.gate_proj.weight`, dtype: "BF16", shape: [I, H] }, { name: `${p}.mlp.up_proj.weight`, dtype: "BF16", shape: [I, H] },
      { name: `${p}.mlp.down_proj.weight`, dtype: "BF16", shape: [H, I] },
    );
  });
  t.push({ name: "model.norm.weight", dtype: "BF16", shape: [H] }, { name: "lm_head.weight", dtype: "BF16", shape: [s.nVocab, H] });
  const files = {};
  const map = {};
  let headers = 0;
  let total = 0;
  const per = Math.ceil(t.length / 4);
  for (let i = 0; i < 4; i++) {
    const name = `model-0000${i + 1}-of-00004.safetensors`;
    const part = t.slice(i * per, (i + 1) * per);
    const { header, fileBytes } = safetensorsHeader(part);
    files[name] = { head: header, size: fileBytes };
    headers += header.length;
    total += fileBytes;
    for (const x of part) map[x.name] = name;
  }
  const config = { model_type: "llama", hidden_size: H, num_hidden_layers: s.layers.length, num_attention_heads: 32, num_key_value_heads: 8, intermediate_size: I, vocab_size: s.nVocab, max_position_embeddings: 131072, rope_theta: 500000, tie_word_embeddings: false, rope_scaling: { rope_type: "llama3", factor: 8, original_max_position_embeddings: 8192 } };
  const text = (v) => { const b = Buffer.from(JSON.stringify(v)); return { head: b, size: b.length }; };
  files["config.json"] = text(config);
  files["model.safetensors.index.json"] = text({ metadata: { total_size: total }, weight_map: map });
  w.addRepo("bench/Llama-3.1-8B", files);
  cases.push({ label: "hf:Llama-3.1-8B (safetensors, 4 shards)", ref: "hf:bench/Llama-3.1-8B:Q4_K_M", header: headers, file: total });
}

const MiB = 1024 ** 2;
const rows = [];
for (const c of cases) {
  // A cache of its own per model: files shared between cases (the Ollama tag is the HF file) would hit.
  const cacheDir = mkdtempSync(join(tmpdir(), "llmfit-bench-sources-"));
  const deps = { env: { HF_ENDPOINT: HUB, HOME: cacheDir, OLLAMA_MODELS: join(cacheDir, "none") }, fetch: w.fetch, registry: REG, cacheDir };
  const t0 = performance.now();
  const cold = await loadRemoteModel(parseRemoteRef(c.ref), deps);
  const t1 = performance.now();
  const warm = await loadRemoteModel(parseRemoteRef(c.ref), deps);
  const t2 = performance.now();
  const files = cold.source.files.length;
  rows.push([
    c.label, files, (c.file / 1e9).toFixed(2), (c.header / MiB).toFixed(2), (cold.source.bytesRead / MiB).toFixed(2),
    (cold.source.bytesRead / files / MiB).toFixed(2), cold.source.requests, warm.source.bytesRead, ms(t1 - t0), ms(t2 - t1),
  ]);
  rmSync(cacheDir, { recursive: true, force: true });
}
printTable(
  "Bytes read to size one model from where it lives (header only; second run from the cache)",
  ["model", "files", "file GB", "header MiB", "read MiB", "read/file MiB", "requests", "2nd run bytes", "cold ms", "cached ms"],
  rows,
);
process.stdout.write(
  "\nThe GGUF reader asks for 1 MiB windows from where it stands, so a header costs about its own size rounded up to the next MiB:\n" +
    "the tokenizer arrays come before the tensor list and are length-prefixed strings, so a header cannot be read with fewer\n" +
    "bytes than it has. Times include parsing, not only the transfer.\n",
);
