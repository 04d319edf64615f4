#!/usr/bin/env node
// Record llama.cpp's own buffer sizes for sparse GGUF files of real model shapes.
//
//   node scripts/groundtruth/measure.mjs [--models id,id,...] [--weights F16,Q8_0,Q4_K_M]
//        [--out data/groundtruth/llama-cpp-buffers-extra.csv] [--check-base] [--long-ctx N,N,...]
//
// --long-ctx adds, after the usual configurations, one flash-attention f16-cache row per context
// given (DeepSeek-V3.2's sparse-attention compute grows with the context beyond 32k).
//
// Method (mirrors data/groundtruth/README.md): the llama.cpp bundled with node-llama-cpp
// 3.22.1, CPU backend, gpuLayers 0, mmap on, threads 2, no warmup (node-llama-cpp never warms
// up a context), unified KV off, swa_full off. The context is created directly through the
// addon (AddonContext, as LlamaContext does internally, without its +1 batch padding for SWA
// models or its per-sequence context multiplication) with n_batch = n_ubatch = 512: the addon
// sets n_ubatch = n_batch, and llama-cli's defaults are n_batch 2048 / n_ubatch 512; buffer
// sizes depend on n_ubatch only (checked with --check-base, which reproduces the base table's rows).
// The context is disposed right after creation. llama.cpp's log lines are captured through
// getLlama's logger at debug level and parsed.
//
// Each model × weights runs in its own child process (one at a time) so that an abort inside
// llama.cpp cannot take the whole run down.
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { writeModel, loadShapes, getShape, EXTRA_SHAPES, REPO } from "./write-sparse-gguf.mjs";
import { CONFIGS, buildShape } from "./models.mjs";
import { tensorBytes } from "./gguf-writer.mjs";

const SELF = fileURLToPath(import.meta.url);
const HERE = path.dirname(SELF);

export const COLUMNS = ("arch,model_id,hf_source,weights,ctx,fa,fa_resolved,ctk,ctv,n_seq,n_ctx_seq,kv_unified,n_params," +
  "n_params_llama,file_bytes,tensor_data_bytes,llama_file_size,model_buf_mib,cpu_mapped_mib,cpu_mib,repack_mib,kv_mib," +
  "k_mib,v_mib,kv_cells,kv_layers,kv_swa_mib,k_swa_mib,v_swa_mib,kv_swa_cells,kv_swa_layers,rs_mib,rs_r_mib,rs_s_mib," +
  "rs_cells,rs_layers,compute_mib,output_mib,graph_nodes,total_mib,total_incl_repack_mib,status").split(",");

const GGML_TYPE_ID = { f16: 1, q8_0: 8, q4_0: 2 };
const r2 = (x) => Math.round(x * 100) / 100;

/** The configurations measured for every model × weights (as in the base table). */
export function configsFor(weights, { skip32k = false } = {}) {
  const c = [
    { ctx: 2048, fa: "auto", ctk: "f16", ctv: "f16", n_seq: 1 },
    { ctx: 8192, fa: "auto", ctk: "f16", ctv: "f16", n_seq: 1 },
  ];
  if (!skip32k) c.push({ ctx: 32768, fa: "auto", ctk: "f16", ctv: "f16", n_seq: 1 });
  c.push({ ctx: 8192, fa: "off", ctk: "f16", ctv: "f16", n_seq: 1 });
  c.push({ ctx: 8192, fa: "on", ctk: "q8_0", ctv: "q8_0", n_seq: 1 });
  if (weights === "Q8_0") c.push({ ctx: 8192, fa: "auto", ctk: "f16", ctv: "f16", n_seq: 4 });
  return c;
}

/** Parse the log text of one model load (model part) */
export function parseModelLog(lines) {
  const out = { cpu_mapped_mib: 0, cpu_mib: 0, repack_mib: 0, createOrder: [] };
  const seen = new Set();
  for (const l of lines) {
    let m;
    if ((m = /create_tensor: loading tensor (\S+)/.exec(l)) && !seen.has(m[1])) { seen.add(m[1]); out.createOrder.push(m[1]); }
    if ((m = /load_tensors:\s+(\S+) model buffer size =\s+([\d.]+) MiB/.exec(l))) {
      const [, buf, mib] = m;
      if (buf === "CPU_Mapped") out.cpu_mapped_mib += +mib;
      else if (buf === "CPU_REPACK") out.repack_mib += +mib;
      else if (buf === "CPU") out.cpu_mib += +mib;
      else out[`other_${buf}`] = +mib;
    } else if ((m = /print_info: file size\s+=\s+(.*\S)\s*$/.exec(l))) out.llama_file_size = m[1];
    else if ((m = /print_info: model params\s+=\s+(.*\S)\s*$/.exec(l))) out.n_params_llama = m[1];
  }
  return out;
}

/** Parse the log lines of one context creation. */
export function parseContextLog(lines, fa) {
  const o = { kv: [], swa: [], rs: null, compute: null, output: null, nodes: null };
  let swaMode = null; // null = plain cache, "base" / "swa" inside an iSWA cache
  let faDisabled = false, usesFaOp = false, sawAttnOp = false;
  for (const l of lines) {
    let m;
    if (/creating non-SWA KV cache/.test(l)) swaMode = "base";
    else if (/creating\s+SWA KV cache/.test(l)) swaMode = "swa";
    else if ((m = /llama_kv_cache: size =\s+([\d.]+) MiB \(\s*(\d+) cells,\s+(\d+) layers,\s+(\d+)\/(\d+) seqs\), K \((\S+)\):\s+([\d.]+) MiB, V \((\S+)\):\s+([\d.]+) MiB/.exec(l))) {
      const e = { mib: +m[1], cells: +m[2], layers: +m[3], k: +m[7], v: +m[9] };
      (swaMode === "swa" ? o.swa : o.kv).push(e);
    } else if ((m = /llama_memory_recurrent: size =\s+([\d.]+) MiB \(\s*(\d+) cells,\s+(\d+) layers.*R \((\S+)\):\s+([\d.]+) MiB, S \((\S+)\):\s+([\d.]+) MiB/.exec(l))) {
      o.rs = { mib: +m[1], cells: +m[2], layers: +m[3], r: +m[5], s: +m[7] };
    } else if ((m = /^sched_reserve:\s+CPU compute buffer size =\s+([\d.]+) MiB/.exec(l))) o.compute = +m[1];
    else if ((m = /CPU\s+output buffer size =\s+([\d.]+) MiB/.exec(l))) o.output = +m[1];
    else if ((m = /graph: nodes = (\d+)/.exec(l))) o.nodes = +m[1];
    else if ((m = /llama_context: n_ctx_seq\s+=\s+(\d+)/.exec(l))) o.n_ctx_seq = +m[1];
    else if ((m = /llama_context: kv_unified\s+=\s+(\S+)/.exec(l))) o.kv_unified = m[1];
    else if (/Flash Attention not supported, set to disabled/.test(l)) faDisabled = true;
    if (/\(FLASH_ATTN_EXT\)/.test(l)) usesFaOp = true;
    if (/\((SOFT_MAX|FLASH_ATTN_EXT)\)/.test(l)) sawAttnOp = true;
  }
  o.fa_resolved = fa === "off" ? "off" : fa === "on" ? "on" : faDisabled ? "off" : "on";
  o.fa_graph_check = sawAttnOp ? (usesFaOp ? "on" : "off") : null;
  return o;
}

// ---------------------------------------------------------------- child: measure one file
async function child(file, configsJson) {
  const { getLlama, LlamaLogLevel } = await import("node-llama-cpp");
  let lines = [];
  const llama = await getLlama({
    gpu: false, build: "never", logLevel: LlamaLogLevel.debug,
    logger: (_lvl, msg) => { for (const s of String(msg).split("\n")) if (s) lines.push(s); },
  });
  let model;
  try {
    model = await llama.loadModel({ modelPath: file, gpuLayers: 0, useMmap: true, ignoreMemorySafetyChecks: true });
  } catch (e) {
    await new Promise((r) => setTimeout(r, 50));
    process.stderr.write(lines.filter((l) => !/create_tensor|llama_model_loader: - kv|print_info/.test(l)).slice(-15).join("\n") + "\n");
    throw e;
  }
  await new Promise((r) => setTimeout(r, 50));
  const modelInfo = parseModelLog(lines);
  const results = [];
  for (const c of JSON.parse(configsJson)) {
    lines = [];
    const t0 = Date.now();
    const ctx = new llama._bindings.AddonContext(model._model, {
      contextSize: c.ctx, batchSize: 512, sequences: c.n_seq,
      flashAttention: c.fa === "auto" ? "auto" : c.fa === "on",
      threads: 2, swaFullCache: false,
      kvCacheKeyType: GGML_TYPE_ID[c.ctk], kvCacheValueType: GGML_TYPE_ID[c.ctv],
    });
    let ok = false, error = null;
    try { ok = await ctx.init(); } catch (e) { error = String(e?.message ?? e); }
    if (ok) await ctx.dispose();
    await new Promise((r) => setTimeout(r, 50));
    results.push({ config: c, ok, error, ms: Date.now() - t0, ctxInfo: parseContextLog(lines, c.fa) });
  }
  await model.dispose();
  process.stdout.write("@@RESULT@@" + JSON.stringify({ modelInfo, results }) + "\n");
}

// ---------------------------------------------------------------- parent
function mibSum(list, key) { return list.reduce((s, e) => s + e[key], 0); }

export function makeRow({ id, shape, weights, file, modelInfo, config: c, ctxInfo: x }) {
  const typesOf = shape.tensor_types[weights];
  const nParams = shape.tensors.reduce((s, [, sh]) => s + sh.reduce((a, b) => a * b, 1), 0);
  const tdb = shape.tensor_data_bytes?.[weights] ??
    shape.tensors.reduce((s, [n, sh]) => s + Math.ceil(tensorBytes(sh, typesOf[n]) / 32) * 32, 0);
  const modelBuf = modelInfo.cpu_mapped_mib + modelInfo.cpu_mib;
  const kv = x.kv, swa = x.swa;
  const kvMib = mibSum(kv, "mib"), swaMib = mibSum(swa, "mib");
  const rs = x.rs;
  const total = modelBuf + kvMib + swaMib + (rs?.mib ?? 0) + x.compute + x.output;
  const row = {
    arch: shape.arch, model_id: id, hf_source: shape.hf_source, weights, ctx: c.ctx, fa: c.fa,
    fa_resolved: x.fa_resolved, ctk: c.ctk, ctv: c.ctv, n_seq: c.n_seq, n_ctx_seq: x.n_ctx_seq,
    kv_unified: x.kv_unified ?? "false", n_params: nParams, n_params_llama: modelInfo.n_params_llama,
    file_bytes: fs.statSync(file).size, tensor_data_bytes: tdb, llama_file_size: modelInfo.llama_file_size,
    model_buf_mib: r2(modelBuf), cpu_mapped_mib: r2(modelInfo.cpu_mapped_mib), cpu_mib: r2(modelInfo.cpu_mib),
    repack_mib: r2(modelInfo.repack_mib),
    kv_mib: r2(kvMib), k_mib: kv.length ? r2(mibSum(kv, "k")) : "", v_mib: kv.length ? r2(mibSum(kv, "v")) : "",
    kv_cells: kv.length ? kv[0].cells : "", kv_layers: kv.length ? mibSum(kv, "layers") : "",
    kv_swa_mib: r2(swaMib), k_swa_mib: swa.length ? r2(mibSum(swa, "k")) : "", v_swa_mib: swa.length ? r2(mibSum(swa, "v")) : "",
    kv_swa_cells: swa.length ? swa[0].cells : "", kv_swa_layers: swa.length ? mibSum(swa, "layers") : "",
    rs_mib: r2(rs?.mib ?? 0), rs_r_mib: rs ? rs.r : "", rs_s_mib: rs ? rs.s : "", rs_cells: rs ? rs.cells : "",
    rs_layers: rs ? rs.layers : "",
    compute_mib: x.compute, output_mib: x.output, graph_nodes: x.nodes,
    total_mib: r2(total), total_incl_repack_mib: r2(total + modelInfo.repack_mib), status: "ok",
  };
  for (const k of ["n_ctx_seq", "compute_mib", "output_mib", "graph_nodes", "n_params_llama", "llama_file_size"]) {
    if (row[k] == null) row.status = `missing_${k}`;
  }
  return row;
}

// MiB columns are written like the base table writes them (Python floats: 64.0, 0.0, 2357.26)
const csvCell = (v, k = "") => {
  if (v == null) return "";
  if (k.endsWith("_mib") && typeof v === "number" && Number.isInteger(v)) return v.toFixed(1);
  return /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);
};

function ensureShape(id, shapes, tmp) {
  if (shapes[id]?.tensor_types?.Q4_K_M) return shapes[id];
  const shape = buildShape(id);
  const f16 = path.join(tmp, `${id}-F16.gguf`);
  writeModelFromShape(id, shape, "F16", f16, shapes);
  // Put the tensors in the order llama.cpp's loader creates them, as the base table's files
  // have them (only the CPU_Mapped range depends on it): read that order from a first load.
  const probe = spawnSync(process.execPath, [SELF, "--child", f16, "[]"], { encoding: "utf8", maxBuffer: 1 << 30 });
  const line = (probe.stdout || "").split("\n").find((l) => l.startsWith("@@RESULT@@"));
  if (!line) throw new Error(`${id}: llama.cpp could not load the F16 file: ${(probe.stderr || "").split("\n").filter((l) => /error|missing|wrong|assert|fail/i.test(l)).slice(-4).join(" | ")}`);
  const order = JSON.parse(line.slice(10)).modelInfo.createOrder;
  const pos = new Map(order.map((n, i) => [n, i]));
  shape.tensors.sort((a, b) => (pos.get(a[0]) ?? 1e9) - (pos.get(b[0]) ?? 1e9));
  shape.tensor_types.F16 = Object.fromEntries(shape.tensors.map(([n]) => [n, shape.tensor_types.F16[n]]));
  writeModelFromShape(id, shape, "F16", f16, shapes);
  for (const q of ["Q8_0", "Q4_K_M"]) {
    const r = spawnSync("python3", [path.join(HERE, "quantize-types.py"), f16, q], { encoding: "utf8", maxBuffer: 1 << 28 });
    if (r.status !== 0) throw new Error(`quantize-types ${id} ${q}: ${r.stderr.slice(-2000)}`);
    shape.tensor_types[q] = JSON.parse(r.stdout);
  }
  fs.rmSync(f16, { force: true });
  shape.tensor_data_bytes_unpadded = {};
  shape.tensor_data_bytes = {};
  for (const [q, types] of Object.entries(shape.tensor_types)) {
    let u = 0, p = 0;
    for (const [n, sh] of shape.tensors) { const b = tensorBytes(sh, types[n]); u += b; p += Math.ceil(b / 32) * 32; }
    shape.tensor_data_bytes_unpadded[q] = u;
    shape.tensor_data_bytes[q] = p;
  }
  const extra = fs.existsSync(EXTRA_SHAPES) ? JSON.parse(fs.readFileSync(EXTRA_SHAPES, "utf8")) : {};
  extra[id] = shape;
  fs.mkdirSync(path.dirname(EXTRA_SHAPES), { recursive: true });
  fs.writeFileSync(EXTRA_SHAPES, JSON.stringify(extra, null, 1) + "\n");
  shapes[id] = shape;
  return shape;
}

/** Tensors in the order llama.cpp's loader creates them (llama-family: token_embd, output_norm,
 * output, then per block attn_norm, q, k, v, (biases), attn_output, ffn_norm, rope_freqs, ffn_gate,
 * ffn_down, ffn_up). Only the CPU_Mapped range depends on the order (see README). */
export function loaderOrder(tensors) {
  const rank = (n) => {
    const blk = /^blk\.(\d+)\.(.*)$/.exec(n);
    if (!blk) return [n === "token_embd.weight" ? -3 : n === "output_norm.weight" ? -2 : n === "output.weight" ? -1 : -4, 0];
    const order = ["attn_norm.weight", "attn_q.weight", "attn_k.weight", "attn_v.weight", "attn_q.bias", "attn_k.bias", "attn_v.bias",
      "attn_output.weight", "ffn_norm.weight", "ffn_gate.weight", "ffn_down.weight", "ffn_up.weight"];
    const i = order.indexOf(blk[2]);
    return [+blk[1], i < 0 ? 99 : i];
  };
  const rf = tensors.filter(([n]) => n === "rope_freqs.weight");
  const rest = tensors.filter(([n]) => n !== "rope_freqs.weight").sort((a, b) => {
    const [x1, y1] = rank(a[0]), [x2, y2] = rank(b[0]);
    return x1 - x2 || y1 - y2;
  });
  // rope_freqs is created in block 0, after ffn_norm
  const at = rest.findIndex(([n]) => n === "blk.0.ffn_norm.weight");
  if (rf.length) rest.splice(at + 1, 0, ...rf);
  return rest;
}

function writeModelFromShape(id, shape, weights, out, shapes) {
  const merged = { ...shapes, [id]: shape };
  return writeModel(id, weights, out, merged);
}

async function parent(args) {
  const opt = { models: null, weights: ["F16", "Q8_0", "Q4_K_M"], out: path.join(REPO, "data/groundtruth/llama-cpp-buffers-extra.csv"), checkBase: false, append: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--models") opt.models = args[++i].split(",");
    else if (a === "--weights") opt.weights = args[++i].split(",");
    else if (a === "--out") opt.out = path.resolve(args[++i]);
    else if (a === "--check-base") opt.checkBase = true;
    else if (a === "--append") opt.append = true;
    else if (a === "--loader-order") opt.loaderOrder = true;
    else if (a === "--long-ctx") opt.longCtx = args[++i].split(",").map(Number);
    else throw new Error(`unknown argument ${a}`);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "llmfit-gt-"));
  const shapes = loadShapes();
  const models = opt.models ?? (opt.checkBase ? ["llama-3.2-1b"] : Object.keys(CONFIGS));
  const rows = [];
  const problems = [];
  try {
    for (const id of models) {
      let shape = opt.checkBase ? getShape(id, shapes) : ensureShape(id, shapes, tmp);
      if (opt.loaderOrder) shape = { ...shape, tensors: loaderOrder(shape.tensors) };
      for (const weights of opt.weights) {
        const file = path.join(tmp, `${id}-${weights}.gguf`);
        writeModelFromShape(id, shape, weights, file, shapes);
        let cfgs = configsFor(weights);
        for (const ctx of opt.longCtx ?? []) cfgs.push({ ctx, fa: "on", ctk: "f16", ctv: "f16", n_seq: 1 });
        const runOnce = (cs) => {
          const t0 = Date.now();
          const r = spawnSync(process.execPath, [SELF, "--child", file, JSON.stringify(cs)], { encoding: "utf8", maxBuffer: 1 << 30, timeout: 900_000 });
          const line = (r.stdout || "").split("\n").find((l) => l.startsWith("@@RESULT@@"));
          if (!line) {
            const err = (r.stderr || "").split("\n").filter((l) => /error|assert|failed|missing|wrong/i.test(l)).slice(-5).join(" | ");
            return { error: `child exited ${r.status ?? r.signal}: ${err || (r.stderr || "").slice(-500)}`, ms: Date.now() - t0 };
          }
          return { ...JSON.parse(line.slice("@@RESULT@@".length)), ms: Date.now() - t0 };
        };
        const res = runOnce(cfgs);
        if (res.error) { problems.push(`${id} ${weights}: ${res.error}`); console.error(`FAIL ${id} ${weights}: ${res.error}`); fs.rmSync(file, { force: true }); continue; }
        for (const r of res.results) {
          if (!r.ok) { problems.push(`${id} ${weights} ${JSON.stringify(r.config)}: ${r.error ?? "context not created"}`); continue; }
          if (r.ms > 60_000) console.error(`note: ${id} ${weights} ctx ${r.config.ctx} took ${r.ms} ms`);
          const row = makeRow({ id, shape, weights, file, modelInfo: res.modelInfo, config: r.config, ctxInfo: r.ctxInfo });
          if (r.ctxInfo.fa_graph_check && r.ctxInfo.fa_graph_check !== row.fa_resolved) row.status = "fa_mismatch";
          rows.push(row);
          console.error(`${id} ${weights} ctx=${r.config.ctx} fa=${r.config.fa} kv=${r.config.ctk} np=${r.config.n_seq}: total ${row.total_mib} MiB (kv ${row.kv_mib} swa ${row.kv_swa_mib} rs ${row.rs_mib} compute ${row.compute_mib}) ${r.ms} ms`);
        }
        fs.rmSync(file, { force: true });
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const good = rows.filter((r) => r.status === "ok");
  for (const r of rows.filter((r) => r.status !== "ok")) problems.push(`${r.model_id} ${r.weights} ${r.ctx}: status ${r.status}`);
  if (opt.checkBase) {
    const base = fs.readFileSync(path.join(REPO, "data/groundtruth/llama-cpp-buffers.csv"), "utf8").trim().split(/\r?\n/);
    const head = base[0].split(",");
    let same = 0, diff = 0;
    for (const line of base.slice(1)) {
      const v = line.split(",");
      const s = Object.fromEntries(head.map((h, i) => [h, v[i]]));
      const mine = good.find((r) => r.model_id === s.model_id && r.weights === s.weights && String(r.ctx) === s.ctx && r.fa === s.fa && r.ctk === s.ctk && String(r.n_seq) === s.n_seq);
      if (!mine) continue;
      const d = COLUMNS.filter((k) => !["file_bytes"].includes(k) && String(mine[k]) !== s[k] && !(Number(mine[k]) === Number(s[k]) && s[k] !== ""));
      if (d.length) { diff++; console.log(`DIFF ${s.model_id} ${s.weights} ${s.ctx} ${s.fa} np${s.n_seq}: ` + d.map((k) => `${k} ours=${mine[k]} base=${s[k]}`).join("; ")); } else same++;
    }
    console.log(`check-base: ${same} rows identical (except file_bytes), ${diff} differ`);
    return;
  }
  let existing = [];
  if (opt.append && fs.existsSync(opt.out)) {
    const lines = fs.readFileSync(opt.out, "utf8").trim().split(/\r?\n/).slice(1);
    const key = (r) => `${r.model_id}|${r.weights}`;
    const fresh = new Set(good.map(key));
    existing = lines.filter((l) => { const v = l.split(","); return !fresh.has(`${v[1]}|${v[3]}`); });
  }
  fs.mkdirSync(path.dirname(opt.out), { recursive: true });
  const body = good.map((r) => COLUMNS.map((k) => csvCell(r[k], k)).join(","));
  // CRLF line ends, like data/groundtruth/llama-cpp-buffers.csv
  fs.writeFileSync(opt.out, [COLUMNS.join(","), ...existing, ...body].join("\r\n") + "\r\n");
  console.log(`wrote ${good.length} rows (+${existing.length} kept) to ${path.relative(process.cwd(), opt.out)}`);
  if (problems.length) console.log("problems:\n  " + problems.join("\n  "));
}

if (path.resolve(process.argv[1] ?? "") === SELF) {
  const args = process.argv.slice(2);
  if (args[0] === "--child") await child(args[1], args[2]);
  else await parent(args);
}
