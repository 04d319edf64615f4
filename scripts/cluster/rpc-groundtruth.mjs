#!/usr/bin/env node
// Record the buffers llama.cpp itself allocates per RPC device, for the RPC plan's test
// (test/cluster/rpc-groundtruth.test.ts). Regenerates data/cluster/rpc-groundtruth.csv.
//
//   node scripts/cluster/rpc-groundtruth.mjs --bin DIR [--runs id,id] [--out FILE]
//
// DIR holds `ggml-rpc-server` and `llama-completion` built with GGML_RPC=ON from the llama.cpp
// source node-llama-cpp ships (node_modules/node-llama-cpp/llama/gitRelease.bundle, release
// v0.5.0; see data/cluster/README.md for the build). For every run it writes a sparse GGUF of a
// real model shape (scripts/groundtruth/write-sparse-gguf.mjs), starts one ggml-rpc-server per
// device on 127.0.0.1 (CPU backend), loads the file through `--rpc` with the run's -ngl and
// --tensor-split, and parses llama.cpp's log: the model, KV, recurrent-state and compute buffers
// of every RPC device and of the main host's CPU, the output buffer, and the device each layer
// was assigned to (load_tensors' debug lines, -v), with -nr (no repacked copies). The process is stopped once the context is
// built: nothing here needs a token generated.
//
// This llama.cpp's rpc-server has no memory option (each CPU device reports the machine's RAM),
// so different amounts of free memory are given as --tensor-split shares, which is what the
// default split does with them (src/llama-model.cpp: splits[i] = free memory of device i).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import net from "node:net";
import { spawn, spawnSync } from "node:child_process";
import { writeModel, loadShapes, REPO } from "../groundtruth/write-sparse-gguf.mjs";
import { loaderOrder } from "../groundtruth/measure.mjs";

/** The runs: a few architectures, 2 and 3 devices, default and uneven splits, full and partial offload. */
export const RUNS = [
  { id: "llama1b-q8-2", model: "llama-3.2-1b", weights: "Q8_0", ctx: 4096, servers: 2, ngl: 99 },
  { id: "llama1b-q8-3-532", model: "llama-3.2-1b", weights: "Q8_0", ctx: 4096, servers: 3, ngl: 99, ts: [5, 3, 2] },
  { id: "llama1b-f16-2-31-partial", model: "llama-3.2-1b", weights: "F16", ctx: 2048, servers: 2, ngl: 10, ts: [3, 1] },
  { id: "qwen3-06b-q8-2-12", model: "qwen3-0.6b", weights: "Q8_0", ctx: 8192, servers: 2, ngl: 99, ts: [1, 2] },
  { id: "gemma3-1b-q8-3", model: "gemma-3-1b", weights: "Q8_0", ctx: 8192, servers: 3, ngl: 99 },
  { id: "qwen25-05b-q4km-2-21-partial", model: "qwen2.5-0.5b", weights: "Q4_K_M", ctx: 4096, servers: 2, ngl: 20, ts: [2, 1] },
  { id: "mamba130m-f16-2", model: "mamba-130m", weights: "F16", ctx: 2048, servers: 2, ngl: 99 },
  { id: "lfm2-12b-q8-3-112", model: "lfm2-1.2b", weights: "Q8_0", ctx: 4096, servers: 3, ngl: 99, ts: [1, 1, 2] },
  // Mamba boundaries under pipeline parallelism (src/cluster/rpc-plan.ts mambaBoundaryExtra): a middle
  // device, Mamba-2, a smaller micro-batch, and a hybrid whose MoE layers keep the graph in order
  { id: "mamba130m-f16-3", model: "mamba-130m", weights: "F16", ctx: 2048, servers: 3, ngl: 99 },
  { id: "mamba2-130m-f16-2", model: "mamba2-130m", weights: "F16", ctx: 2048, servers: 2, ngl: 99 },
  { id: "mamba370m-f16-2-ub256", model: "mamba-370m", weights: "F16", ctx: 2048, servers: 2, ngl: 99, ub: 256 },
  { id: "mamba2-130m-f16-2-partial", model: "mamba2-130m", weights: "F16", ctx: 2048, servers: 2, ngl: 20 },
  { id: "granite4h-tiny-q4km-2", model: "granite-4.0-h-tiny", weights: "Q4_K_M", ctx: 4096, servers: 2, ngl: 99 },
];

export const COLUMNS = ["run", "model_id", "arch", "weights", "ctx", "n_ubatch", "servers", "ngl", "ts", "device", "layers",
  "first_layer", "output", "model_mib", "repack_mib", "kv_mib", "rs_mib", "compute_mib", "output_mib", "llama_cpp"];

const BASE_PORT = 50152;

/** Parses one load's log into per-device buffers (device "CPU" is the main host's). */
export function parseRpcLog(text) {
  const dev = new Map();
  const get = (name) => {
    if (!dev.has(name)) dev.set(name, { model: 0, repack: 0, kv: 0, rs: 0, compute: 0, output: 0, layers: [], outputLayer: false });
    return dev.get(name);
  };
  // CPU_Mapped and CPU are the main host's RAM; CPU_REPACK and AMX (extra CPU buffer types) hold
  // copies of CPU layers' weights in a layout for this CPU, as in data/groundtruth (repack_mib)
  const norm = (b) => (/^(CPU|AMX)/.test(b) ? "CPU" : b);
  let nLayer = null;
  const assigned = [];
  const deviceBuffer = new Map();
  for (const l of text.split(/\r?\n/)) {
    let m;
    if ((m = /print_info: n_layer\s+=\s+(\d+)/.exec(l))) nLayer = +m[1];
    else if ((m = /using device (RPC\d+) \((\S+)\)/.exec(l))) deviceBuffer.set(m[1], `RPC0[${m[2]}]`);
    else if ((m = /load_tensors: layer\s+(\d+) assigned to device (\S+?),/.exec(l))) assigned.push([+m[1], m[2]]);
    else if ((m = /load_tensors:\s+(\S+) model buffer size =\s+([\d.]+) MiB/.exec(l))) {
      if (m[1] === "CPU_REPACK" || m[1] === "AMX") get("CPU").repack += +m[2];
      else get(norm(m[1])).model += +m[2];
    }
    else if ((m = /llama_kv_cache:\s+(\S+) KV buffer size =\s+([\d.]+) MiB/.exec(l))) get(norm(m[1])).kv += +m[2];
    else if ((m = /llama_memory_recurrent:\s+(\S+) RS buffer size =\s+([\d.]+) MiB/.exec(l))) get(norm(m[1])).rs += +m[2];
    else if ((m = /sched_reserve:\s+(\S+) compute buffer size =\s+([\d.]+) MiB/.exec(l))) get(norm(m[1])).compute = +m[2];
    else if ((m = /llama_context:\s+(\S+)\s+output buffer size =\s+([\d.]+) MiB/.exec(l))) get(norm(m[1])).output += +m[2];
  }
  // layers are assigned to devices by their own names (RPC0, RPC1 … in --rpc order), buffers are
  // named by buffer type (RPC0[127.0.0.1:50152]: device 0 of that server)
  for (const [il, name] of assigned) {
    const d = get(deviceBuffer.get(name) ?? norm(name));
    if (il === nLayer) d.outputLayer = true;
    else d.layers.push(il);
  }
  return { nLayer, devices: dev };
}

const r2 = (x) => Math.round(x * 100) / 100;

export async function freePort(port) {
  return new Promise((resolve) => {
    const s = net.createServer().once("error", () => resolve(false)).once("listening", () => s.close(() => resolve(true)));
    s.listen(port, "127.0.0.1");
  });
}

export async function waitListening(port, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const ok = await new Promise((resolve) => {
      const c = net.connect(port, "127.0.0.1").once("connect", () => { c.destroy(); resolve(true); }).once("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`ggml-rpc-server on port ${port} did not listen within ${ms} ms`);
}

/** Runs llama-completion until the context is built (its graph line), then stops it; resolves its log. */
function runToContext(bin, args, ms) {
  return new Promise((resolve, reject) => {
    const p = spawn(path.join(bin, "llama-completion"), args, { stdio: ["ignore", "pipe", "pipe"] });
    let log = "";
    let done = false;
    const finish = (err) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      p.kill("SIGKILL");
      err ? reject(err) : resolve(log);
    };
    const timer = setTimeout(() => finish(new Error(`llama-completion did not build its context within ${ms} ms:\n${log.slice(-3000)}`)), ms);
    const onData = (b) => {
      log += b.toString();
      // sched_reserve prints the graph's nodes and splits after the compute buffers
      if (/sched_reserve: graph: nodes = \d+, splits = \d+/.test(log)) setTimeout(() => finish(), 300);
    };
    p.stdout.on("data", onData);
    p.stderr.on("data", onData);
    p.on("exit", (code) => (code === 0 || /graph: nodes/.test(log) ? finish() : finish(new Error(`llama-completion exited ${code}:\n${log.slice(-3000)}`))));
  });
}

function llamaVersion(bin) {
  const r = spawnSync(path.join(bin, "llama-completion"), ["--version"], { encoding: "utf8" });
  // "version: 0.5.0-dev (build 1, commit 0ad4a86)"
  const m = /version: (\S+) \((?:build \d+, )?commit ([0-9a-f]+)\)/.exec(`${r.stdout}${r.stderr}`);
  return m ? `${m[1]} ${m[2]}` : "unknown";
}

async function measure(bin, run, shapes, tmp, version) {
  const file = path.join(tmp, `${run.model}-${run.weights}.gguf`);
  const shape = shapes[run.model];
  if (!shape) throw new Error(`no shape for ${run.model} in data/groundtruth`);
  writeModel(run.model, run.weights, file, { ...shapes, [run.model]: { ...shape, tensors: loaderOrder(shape.tensors) } });
  const ports = [];
  for (let p = BASE_PORT; ports.length < run.servers; p++) if (await freePort(p)) ports.push(p);
  const servers = ports.map((p) => spawn(path.join(bin, "ggml-rpc-server"), ["-H", "127.0.0.1", "-p", String(p), "-t", "1"], { stdio: "ignore" }));
  try {
    for (const p of ports) await waitListening(p, 30_000);
    const args = ["-m", file, "--rpc", ports.map((p) => `127.0.0.1:${p}`).join(","), "-ngl", String(run.ngl), "-c", String(run.ctx),
      "-b", "512", "-ub", String(run.ub ?? 512), "-t", "2", "-fit", "off", "--no-warmup", "-no-cnv", "-n", "1", "-p", "hi", "-v",
      // no extra CPU buffer types: on an AMX or AVX-512 CPU they copy the main host's CPU layers into
      // CPU_REPACK / AMX buffers and shrink the mapped range, a property of that CPU and not of the split
      // (data/groundtruth measures repacking per machine); repack_mib stays as a check that none happened
      "-nr"];
    if (run.ts) args.push("-ts", run.ts.join(","));
    const log = await runToContext(bin, args, 900_000);
    if (process.env.LLMFIT_RPC_LOG_DIR) fs.writeFileSync(path.join(process.env.LLMFIT_RPC_LOG_DIR, `${run.id}.log`), log);
    const { devices } = parseRpcLog(log);
    const rows = [];
    const names = [...ports.map((p, i) => [`RPC0[127.0.0.1:${p}]`, `rpc${i}`]), ["CPU", "main"]];
    for (const [name, label] of names) {
      const d = devices.get(name) ?? { model: 0, repack: 0, kv: 0, rs: 0, compute: 0, output: 0, layers: [], outputLayer: false };
      rows.push({
        run: run.id, model_id: run.model, arch: shape.arch, weights: run.weights, ctx: run.ctx, n_ubatch: run.ub ?? 512, servers: run.servers,
        ngl: run.ngl, ts: run.ts ? run.ts.join(":") : "", device: label, layers: d.layers.length,
        first_layer: d.layers.length ? Math.min(...d.layers) : "", output: d.outputLayer ? 1 : 0,
        model_mib: r2(d.model), repack_mib: r2(d.repack), kv_mib: r2(d.kv), rs_mib: r2(d.rs), compute_mib: r2(d.compute), output_mib: r2(d.output), llama_cpp: version,
      });
    }
    const unknown = [...devices.keys()].filter((k) => !names.some(([n]) => n === k));
    if (unknown.length) throw new Error(`${run.id}: buffers on devices not in the run: ${unknown.join(", ")}`);
    return rows;
  } finally {
    for (const s of servers) s.kill("SIGKILL");
    fs.rmSync(file, { force: true });
  }
}

async function main(argv) {
  const opt = { bin: process.env.LLMFIT_RPC_BIN, runs: null, out: path.join(REPO, "data/cluster/rpc-groundtruth.csv") };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--bin") opt.bin = argv[++i];
    else if (a === "--runs") opt.runs = argv[++i].split(",");
    else if (a === "--out") opt.out = path.resolve(argv[++i]);
    else throw new Error(`unknown argument ${a} (usage: --bin DIR [--runs id,id] [--out FILE])`);
  }
  if (!opt.bin || !fs.existsSync(path.join(opt.bin, "ggml-rpc-server")) || !fs.existsSync(path.join(opt.bin, "llama-completion"))) {
    throw new Error("give --bin DIR with ggml-rpc-server and llama-completion built with GGML_RPC=ON (data/cluster/README.md says how)");
  }
  const version = llamaVersion(opt.bin);
  const shapes = loadShapes();
  const runs = opt.runs ? RUNS.filter((r) => opt.runs.includes(r.id)) : RUNS;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "llmfit-rpc-gt-"));
  // --runs replaces those runs' rows in an existing table and keeps the others
  const kept = opt.runs && fs.existsSync(opt.out)
    ? fs.readFileSync(opt.out, "utf8").trim().split(/\r?\n/).slice(1).filter((l) => !opt.runs.includes(l.split(",")[0]))
    : [];
  const lines = [...kept];
  try {
    for (const run of runs) {
      const t0 = Date.now();
      const rows = await measure(opt.bin, run, shapes, tmp, version);
      lines.push(...rows.map((r) => COLUMNS.map((k) => String(r[k])).join(",")));
      console.error(`${run.id}: ${rows.map((r) => `${r.device} ${r.layers}${r.output ? "+out" : ""} w ${r.model_mib} kv ${r.kv_mib} rs ${r.rs_mib} c ${r.compute_mib}`).join(" | ")} (${Date.now() - t0} ms)`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const order = new Map(RUNS.map((r, i) => [r.id, i]));
  lines.sort((a, b) => (order.get(a.split(",")[0]) ?? 99) - (order.get(b.split(",")[0]) ?? 99));
  fs.mkdirSync(path.dirname(opt.out), { recursive: true });
  fs.writeFileSync(opt.out, `${COLUMNS.join(",")}\n${lines.join("\n")}\n`);
  console.error(`wrote ${lines.length} rows to ${path.relative(REPO, opt.out)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(String(e?.message ?? e));
    process.exit(1);
  });
}
