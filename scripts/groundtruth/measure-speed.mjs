#!/usr/bin/env node
// Measure real CPU decode and prefill speed of llama.cpp (as bundled in node-llama-cpp 3.22.1)
// on sparse, all-zero GGUF files of real model shapes. All-zero weights cost the same compute and
// memory traffic as real ones (ggml has no data-dependent shortcuts in its matmuls), so tokens/s
// are those of the real model on this CPU.
//
//   node scripts/groundtruth/measure-speed.mjs [--runs id:WEIGHTS,...] [--threads 2]
//        [--out data/speed/cpu-measurements.csv] [--append]
//
// Each model runs in its own child process, one at a time. Method per model:
// - load with gpuLayers 0, mmap on; context 2048 cells, n_batch = n_ubatch = 512, flash attention
//   auto, f16 KV, 1 sequence, `threads` threads;
// - tokens are fed directly to the context (no sampling: a zero-weight model would emit EOS or
//   one token forever), with ids spread over the vocabulary;
// - warm-up: one 512-token prefill (touches every weight page once), then the sequence is cleared;
// - prefill: decode one 512-token batch (logits only for the last token), timed, best of 3:
//   prefill_tps;
// - decode: then 48 single-token decode calls at positions 512..559, each timed; decode_tps =
//   1 / median step time, decode_p10_tps = 1 / 10th-percentile step time (the least disturbed
//   steps on a shared machine), decode_mean_tps = steps / total. Decode at a short context
//   (positions 0..31 after clearing) is recorded too (median).
// Only llama_decode calls are timed (ctx.decodeBatch()).
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { writeModel, loadShapes, REPO } from "./write-sparse-gguf.mjs";
import { tensorBytes } from "./gguf-writer.mjs";

const SELF = fileURLToPath(import.meta.url);

export const COLUMNS = ["model_id", "arch", "hf_source", "weights", "n_params", "active_params", "model_bytes",
  "bytes_read_per_token", "threads", "n_ctx", "n_ubatch", "prefill_tokens", "prefill_tps", "prefill_cpu_tps", "decode_tokens",
  "decode_tps", "decode_mean_tps", "decode_p10_tps", "decode_cpu_tps", "decode_ms_per_token", "decode_short_tps", "decode_ctx_start", "cpu_model", "cpu_flags", "cpu_backend",
  "logical_cpus", "loadavg_1m", "llama_cpp", "date"];

const DEFAULT_RUNS = [
  "llama-3.2-1b:F16", "llama-3.2-1b:Q8_0", "llama-3.2-1b:Q4_K_M",
  "qwen2.5-0.5b:F16", "qwen2.5-0.5b:Q8_0", "qwen2.5-0.5b:Q4_K_M",
  "llama-3.2-3b:Q4_K_M", "mamba-130m:F16", "qwen3-1.7b:Q4_K_M", "gemma-3-1b:Q4_K_M",
  "phi-3-mini-4k:Q4_K_M", "lfm2-1.2b:Q4_K_M", "granite-4.0-h-tiny:Q4_K_M", "llama-3.1-8b:Q4_K_M",
  "qwen3-30b-a3b:Q8_0", "llama-3.2-3b:Q8_0", "mamba-370m:Q4_K_M",
];

function cpuInfo() {
  const txt = fs.readFileSync("/proc/cpuinfo", "utf8");
  const model = /model name\s*:\s*(.*)/.exec(txt)?.[1]?.trim() ?? "unknown";
  const flags = (/flags\s*:\s*(.*)/.exec(txt)?.[1] ?? "").split(/\s+/);
  const simd = flags.filter((f) => /^(sse4_2|avx|avx2|fma|f16c|avx512f|avx512bw|avx512vl|avx512_vnni|avx512_bf16|avx_vnni|amx_tile|amx_int8|amx_bf16|avx512_fp16)$/.test(f));
  return { model, simd: simd.join(" "), logical: os.cpus().length };
}

/** Bytes of weights a single decode step reads: every tensor, except that token_embd is only
 * gathered (one row) when a separate output.weight exists, and MoE expert tensors count
 * n_expert_used / n_expert of their size. Also the active parameter count on the same basis. */
export function perTokenWeights(shape, weights) {
  const types = shape.tensor_types[weights];
  const names = new Set(shape.tensors.map(([n]) => n));
  const frac = shape.spec?.n_expert ? shape.spec.n_expert_used / shape.spec.n_expert : 1;
  let bytes = 0, active = 0, total = 0, all = 0;
  for (const [n, sh] of shape.tensors) {
    const nel = sh.reduce((a, b) => a * b, 1);
    const b = tensorBytes(sh, types[n]);
    total += nel; all += b;
    let f = 1;
    if (n === "token_embd.weight" && names.has("output.weight")) f = 0;
    if (/_exps\.weight$/.test(n)) f = frac;
    bytes += b * f;
    active += nel * (n === "token_embd.weight" && names.has("output.weight") ? 0 : f);
  }
  return { bytes: Math.round(bytes), active: Math.round(active), params: total, modelBytes: all };
}

async function child(file, threads, vocab) {
  const { getLlama, LlamaLogLevel } = await import("node-llama-cpp");
  const lines = [];
  const llama = await getLlama({ gpu: false, build: "never", logLevel: LlamaLogLevel.debug, logger: (_l, m) => lines.push(String(m)) });
  const model = await llama.loadModel({ modelPath: file, gpuLayers: 0, useMmap: true, ignoreMemorySafetyChecks: true });
  const ctx = new llama._bindings.AddonContext(model._model, { contextSize: 2048, batchSize: 512, sequences: 1, flashAttention: "auto", threads });
  if (!(await ctx.init())) throw new Error("context not created");
  const tok = (i) => 300 + ((i * 7919) % Math.max(1, Math.min(vocab, 30000) - 400));
  const prefill = async () => {
    ctx.initBatch(512);
    ctx.addToBatch(0, 0, Uint32Array.from({ length: 512 }, (_, i) => tok(i)), Uint32Array.from([511]));
    const t0 = process.hrtime.bigint(), c0 = process.cpuUsage();
    await ctx.decodeBatch();
    const c = process.cpuUsage(c0);
    return { wall: Number(process.hrtime.bigint() - t0) / 1e9, cpu: (c.user + c.system) / 1e6 };
  };
  const decode = async (start, n) => {
    const ts = [], cs = [];
    for (let i = 0; i < n; i++) {
      ctx.initBatch(1);
      ctx.addToBatch(0, start + i, Uint32Array.from([tok(start + i + 1000)]), Uint32Array.from([0]));
      const t0 = process.hrtime.bigint(), c0 = process.cpuUsage();
      await ctx.decodeBatch();
      const c = process.cpuUsage(c0);
      ts.push(Number(process.hrtime.bigint() - t0) / 1e9);
      cs.push((c.user + c.system) / 1e6);
    }
    decodeCpu.push(...cs);
    return ts;
  };
  const quantile = (a, q) => { const b = [...a].sort((x, y) => x - y); return b[Math.min(b.length - 1, Math.floor(q * b.length))]; };
  const median = (a) => quantile(a, 0.5);
  const decodeCpu = [];
  await prefill(); // warm-up: page in every weight
  ctx.disposeSequence(0);
  const loadavg = os.loadavg()[0];
  // prefill: best of 3 (the machine is shared; the best run is the least disturbed one)
  let tPre = Infinity, cPre = Infinity;
  for (let rep = 0; rep < 3; rep++) {
    ctx.disposeSequence(0);
    const p = await prefill();
    tPre = Math.min(tPre, p.wall);
    cPre = Math.min(cPre, p.cpu);
  }
  const dec = await decode(512, 48);
  const decCpu = decodeCpu.splice(0);
  ctx.disposeSequence(0);
  const short = await decode(0, 32);
  const sum = (a) => a.reduce((x, y) => x + y, 0);
  // decode: the median token time (robust to the odd token slowed by another process), and the mean
  const tDec = median(dec) * 32, tDecMean = (sum(dec) / dec.length) * 32, tShort = median(short) * 32;
  const tDecP10 = quantile(dec, 0.1) * 32;
  // CPU seconds per step / threads: the time the step would take with the threads alone on
  // their cores (ggml's spin-waiting counts too, so this is still conservative)
  const cDec = median(decCpu) / threads;
  await ctx.dispose();
  await model.dispose();
  const backend = /loaded CPU backend from \S*libggml-cpu-(\S+)\.so/.exec(lines.join("\n"))?.[1] ?? "";
  process.stdout.write("@@RESULT@@" + JSON.stringify({ tPre, cPre: cPre / threads, tDec, tDecMean, tDecP10, cDec, tShort, loadavg, backend }) + "\n");
}

async function parent(args) {
  const opt = { runs: DEFAULT_RUNS, threads: 2, out: path.join(REPO, "data/speed/cpu-measurements.csv"), append: false };
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--runs") opt.runs = args[++i].split(",");
    else if (args[i] === "--threads") opt.threads = +args[++i];
    else if (args[i] === "--out") opt.out = path.resolve(args[++i]);
    else if (args[i] === "--append") opt.append = true;
    else throw new Error(`unknown argument ${args[i]}`);
  }
  const shapes = loadShapes();
  const cpu = cpuInfo();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "llmfit-speed-"));
  const rows = [];
  try {
    for (const run of opt.runs) {
      const [id, weights] = run.split(":");
      const shape = shapes[id];
      if (!shape?.tensor_types?.[weights]) { console.error(`skip ${run}: no shape/types (run measure.mjs for it first)`); continue; }
      const file = path.join(tmp, `${id}-${weights}.gguf`);
      writeModel(id, weights, file, shapes);
      const r = spawnSync(process.execPath, [SELF, "--child", file, String(opt.threads), String(shape.tensors.find(([n]) => n === "token_embd.weight")[1][1])], { encoding: "utf8", maxBuffer: 1 << 28, timeout: 600_000 });
      fs.rmSync(file, { force: true });
      const line = (r.stdout || "").split("\n").find((l) => l.startsWith("@@RESULT@@"));
      if (!line) { console.error(`FAIL ${run}: ${(r.stderr || "").slice(-800)}`); continue; }
      const x = JSON.parse(line.slice(10));
      const w = perTokenWeights(shape, weights);
      const row = {
        model_id: id, arch: shape.arch, hf_source: shape.hf_source, weights, n_params: w.params, active_params: w.active,
        model_bytes: w.modelBytes, bytes_read_per_token: w.bytes, threads: opt.threads, n_ctx: 2048, n_ubatch: 512,
        prefill_tokens: 512, prefill_tps: +(512 / x.tPre).toFixed(2), prefill_cpu_tps: +(512 / x.cPre).toFixed(2), decode_tokens: 48, decode_tps: +(32 / x.tDec).toFixed(2), decode_mean_tps: +(32 / x.tDecMean).toFixed(2),
        decode_p10_tps: +(32 / x.tDecP10).toFixed(2), decode_cpu_tps: +(1 / x.cDec).toFixed(2),
        decode_ms_per_token: +((x.tDecMean / 32) * 1000).toFixed(2), decode_short_tps: +(32 / x.tShort).toFixed(2),
        decode_ctx_start: 512, cpu_model: cpu.model, cpu_flags: cpu.simd, cpu_backend: x.backend, logical_cpus: cpu.logical,
        loadavg_1m: +x.loadavg.toFixed(2), llama_cpp: "node-llama-cpp 3.22.1 (llama.cpp v0.5.0, ggml 0.25.1)",
        date: new Date().toISOString().slice(0, 10),
      };
      rows.push(row);
      writeOut();
      console.error(`${run}: prefill ${row.prefill_tps} tok/s, decode ${row.decode_tps} tok/s (short ${row.decode_short_tps}), ${(w.bytes / 2 ** 20).toFixed(0)} MiB/token, load ${row.loadavg_1m}`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  function writeOut() {
    const cell = (v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
    let existing = [];
    if (opt.append && fs.existsSync(opt.out)) {
      existing = fs.readFileSync(opt.out, "utf8").trim().split(/\r?\n/).slice(1)
        .filter((l) => !rows.some((r) => l.startsWith(`${r.model_id},${r.arch},${r.hf_source},${r.weights},`)));
    }
    fs.mkdirSync(path.dirname(opt.out), { recursive: true });
    const body = rows.map((r) => COLUMNS.map((k) => cell(r[k])).join(","));
    fs.writeFileSync(opt.out, [COLUMNS.join(","), ...existing, ...body].join("\n") + "\n");
    return existing.length;
  }
  const kept = writeOut();
  console.log(`wrote ${rows.length} rows (+${kept} kept) to ${path.relative(process.cwd(), opt.out)}`);
}

if (path.resolve(process.argv[1] ?? "") === SELF) {
  const args = process.argv.slice(2);
  if (args[0] === "--child") await child(args[1], +args[2], +args[3]);
  else await parent(args);
}
