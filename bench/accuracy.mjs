// Accuracy of our memory estimate against llama.cpp's own buffers, beside the estimators people
// use: @huggingface/gguf's gguf-view estimate, node-llama-cpp's GgufInsights, and the naive
// params × bits-per-weight + KV + 0.5 GiB formula. Run after `npm run build` (imports dist/).
// Prints one row per ground-truth configuration, then median / max |error| per estimator and arch.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { estimateMemory } from "../dist/sizing/memory.js";
import { parseQuantName } from "../dist/sizing/quant-mix.js";
import { shapeFromGguf } from "../dist/models/gguf-shape.js";
import { ggufHeader } from "../dist/models/gguf-write.js";
import { fileTypeId } from "../dist/models/gguf-file-type.js";
import { DEFAULT_RUN_SETTINGS } from "../dist/sizing/types.js";

const run = promisify(execFile);
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const groundtruthDir = join(root, "data/groundtruth");
const MIB = 1024 * 1024;
const GIB = 1024 ** 3;

function parseCsv(text) {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const head = lines[0].split(",");
  return lines.slice(1).map((l) => Object.fromEntries(l.split(",").map((c, i) => [head[i], c])));
}

function loadGroundTruth() {
  const shapes = {};
  const rows = [];
  for (const f of readdirSync(groundtruthDir).sort()) {
    if (f.endsWith(".csv")) rows.push(...parseCsv(readFileSync(join(groundtruthDir, f), "utf8")));
    if (f.startsWith("shapes") && f.endsWith(".json")) Object.assign(shapes, JSON.parse(readFileSync(join(groundtruthDir, f), "utf8")));
  }
  return { shapes, rows: rows.filter((r) => (r.status ?? "ok") === "ok") };
}

function metadataOf(id, entry) {
  const meta = { "general.architecture": entry.arch, ...entry.gguf_hparams };
  const v = entry.spec?.V;
  if (v !== undefined && meta[`${entry.arch}.vocab_size`] === undefined) meta[`${entry.arch}.vocab_size`] = v;
  return meta;
}

function kvOf(meta, quant) {
  const kvs = [["general.name", { str: "bench" }], ["general.file_type", { u32: fileTypeId(quant) ?? 1 }]];
  for (const [k, v] of Object.entries(meta)) {
    if (typeof v === "string") kvs.push([k, { str: v }]);
    else if (typeof v === "boolean") kvs.push([k, { bool: v }]);
    else if (Array.isArray(v)) kvs.push([k, { i32s: v }]);
    else if (Number.isInteger(v)) kvs.push([k, { u32: v }]);
    else kvs.push([k, { f32: v }]);
  }
  kvs.push(["tokenizer.ggml.model", { str: "gpt2" }], ["tokenizer.ggml.tokens", { strs: ["a", "b"] }]);
  return kvs;
}

/** A sparse GGUF with the real tensor list and the types llama-quantize chose. */
function writeModelFile(dir, id, entry, quant) {
  const types = Object.fromEntries(Object.entries(entry.tensor_types?.[quant] ?? {}).map(([n, t]) => [n, t.toUpperCase()]));
  const tensors = entry.tensors.map(([name, ne]) => ({ name, ne, type: types[name] ?? (ne.length > 1 ? quant : "F32") }));
  const { header, fileBytes } = ggufHeader(kvOf(metadataOf(id, entry), quant), tensors);
  const file = join(dir, `${id}-${quant}.gguf`);
  writeFileSync(file, header);
  truncateSync(file, fileBytes);
  return file;
}

const BPW = { F16: 16, BF16: 16, Q8_0: 8.5, Q6_K: 6.56, Q5_K_M: 5.69, Q4_K_M: 4.85, Q4_0: 4.55, IQ4_XS: 4.25, Q3_K_M: 3.91, Q2_K: 2.96 };
const KV_BYTES = { f16: 2, q8_0: 1, q4_0: 0.5 };
function naive(shape, quant, s) {
  const kvHeads = shape.layers.filter((l) => l.mixer === "attention").reduce((a, l) => a + l.nHeadKv, 0);
  const kv = 2 * s.ctx * kvHeads * shape.headDimK * (KV_BYTES[s.kvTypeK] ?? 2);
  return (shape.params.total * (BPW[quant] ?? 8)) / 8 + kv + 0.5 * GIB;
}

async function hfEstimate(file, ctx, cache) {
  const key = `${file}@${ctx}`;
  if (!cache.has(key)) {
    const cli = join(dirname(createRequire(import.meta.url).resolve("@huggingface/gguf")), "cli.js");
    cache.set(key, run(process.execPath, [cli, "-c", String(ctx), file], { maxBuffer: 64 * MIB }).then(
      ({ stdout }) => {
        const m = /TOTAL\s*\|?\s*([\d.]+) GB/.exec(stdout);
        return m ? Number(m[1]) * 1e9 : undefined;
      },
      () => undefined,
    ));
  }
  return cache.get(key);
}

async function insightsEstimate(nlc, file, s, fa) {
  try {
    const info = await nlc.readGgufFileInfo(file, { logWarnings: false });
    const insights = await nlc.GgufInsights.from(info);
    const model = insights.estimateModelResourceRequirements({ gpuLayers: 0 });
    const kvType = s.kvTypeK === "q8_0" ? nlc.GgmlType.Q8_0 : s.kvTypeK === "q4_0" ? nlc.GgmlType.Q4_0 : nlc.GgmlType.F16;
    const ctx = insights.estimateContextResourceRequirements({
      contextSize: s.ctx, modelGpuLayers: 0, batchSize: s.nUbatch, sequences: s.nSeq, flashAttention: fa,
      kvCacheKeyType: kvType, kvCacheValueType: kvType,
    });
    return model.cpuRam + ctx.cpuRam;
  } catch (err) {
    if (process.env.BENCH_DEBUG) console.error(err);
    return undefined;
  }
}

const pct = (ours, truth) => (ours === undefined ? undefined : ((ours - truth) / truth) * 100);
const fmt = (e) => (e === undefined ? "   n/a" : `${e >= 0 ? "+" : ""}${e.toFixed(2)}%`.padStart(8));

function summary(errors) {
  const xs = errors.filter((e) => e !== undefined).map(Math.abs).sort((a, b) => a - b);
  if (xs.length === 0) return { median: "n/a", max: "n/a", n: 0 };
  const mid = xs.length >> 1;
  const median = xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
  return { median: `${median.toFixed(2)}%`, max: `${xs[xs.length - 1].toFixed(2)}%`, n: xs.length };
}

async function main() {
  const { shapes, rows } = loadGroundTruth();
  let nlc;
  try { nlc = await import("node-llama-cpp"); } catch { nlc = undefined; }
  const dir = mkdtempSync(join(tmpdir(), "llmfit-accuracy-"));
  const files = new Map();
  const hfCache = new Map();
  const table = [];
  try {
    for (const r of rows) {
      const entry = shapes[r.model_id];
      const quant = parseQuantName(r.weights);
      if (!entry || !quant) continue;
      const meta = metadataOf(r.model_id, entry);
      const shape = shapeFromGguf({ metadata: meta, tensorShapes: entry.tensors.map(([name, ne]) => ({ name, ne })) });
      const s = {
        ...DEFAULT_RUN_SETTINGS, ctx: Number(r.ctx), nSeq: Number(r.n_seq || 1), kvTypeK: r.ctk || "f16", kvTypeV: r.ctv || "f16",
        flashAttn: r.fa, kvUnified: r.kv_unified === "true",
      };
      const truth = Number(r.total_mib) * MIB;
      const est = estimateMemory(shape, quant, s, "cpu");
      const fileKey = `${r.model_id}-${r.weights}`;
      if (!files.has(fileKey) && entry.tensor_types?.[r.weights]) files.set(fileKey, writeModelFile(dir, r.model_id, entry, r.weights));
      const file = files.get(fileKey);
      const fa = (r.fa_resolved || r.fa) === "on";
      const hf = file ? await hfEstimate(file, s.ctx, hfCache) : undefined;
      const ins = file && nlc ? await insightsEstimate(nlc, file, s, fa) : undefined;
      table.push({
        label: `${r.model_id} ${r.weights} c=${r.ctx} fa=${r.fa} k=${s.kvTypeK} np=${s.nSeq}`,
        arch: r.arch, truth, ours: pct(est.memory.total - est.memory.overhead, truth), hf: pct(hf, truth),
        insights: pct(ins, truth), naive: pct(naive(shape, quant, s), truth),
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const w = Math.max(...table.map((t) => t.label.length));
  console.log(`${"configuration".padEnd(w)}  llama.cpp MiB      ours  hf/gguf  GgufInsights   naive`);
  for (const t of table) {
    console.log(`${t.label.padEnd(w)}  ${(t.truth / MIB).toFixed(1).padStart(13)}  ${fmt(t.ours)} ${fmt(t.hf)} ${fmt(t.insights).padStart(13)} ${fmt(t.naive)}`);
  }
  console.log("\nmedian / max |error| per estimator");
  const groups = [["all", table], ...[...new Set(table.map((t) => t.arch))].map((a) => [a, table.filter((t) => t.arch === a)])];
  console.log(`${"arch".padEnd(14)}${"rows".padStart(5)}  ${["ours", "hf/gguf", "GgufInsights", "naive"].map((n) => n.padStart(20)).join("")}`);
  for (const [name, ts] of groups) {
    const cells = ["ours", "hf", "insights", "naive"].map((k) => {
      const s = summary(ts.map((t) => t[k]));
      return `${s.median} / ${s.max}`.padStart(20);
    });
    console.log(`${name.padEnd(14)}${String(ts.length).padStart(5)}  ${cells.join("")}`);
  }
}

await main();
