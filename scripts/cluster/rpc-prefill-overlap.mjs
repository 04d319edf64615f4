#!/usr/bin/env node
// Do a prompt's micro-batches overlap across RPC devices? Runs prompt processing through two
// ggml-rpc-servers on 127.0.0.1 with pipeline parallelism on (-ngl 99: every layer and the output
// offloaded, which turns it on) and off (-ngl n_layer: llama.cpp keeps the first layer on the main
// host's CPU, which turns it off), and writes data/cluster/rpc-prefill-overlap.csv for
// test/cluster/rpc.test.ts.
//
//   node scripts/cluster/rpc-prefill-overlap.mjs --bin DIR [--out FILE]
//
// DIR: ggml-rpc-server and llama-completion as data/cluster/README.md builds them. Each server runs
// one thread (-t 1); the file is a sparse GGUF of a real shape (zeros: the matmuls cost what real
// weights cost). Wall time comes from llama.cpp's "prompt eval time" line, but on a shared machine
// it moves with the load; what does not is whether both servers have work at once: while the
// prompt is processed (between completion's "generate:" line and its timings), every 2 ms the
// script reads each server's thread states from /proc (R: running or runnable, i.e. computing;
// S: waiting on its socket). overlap = samples with both servers busy / samples with either busy.
// Each setting runs REPEATS times, alternating; the row keeps the median overlap and the fastest wall time.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { writeModel, loadShapes, REPO } from "../groundtruth/write-sparse-gguf.mjs";
import { loaderOrder } from "../groundtruth/measure.mjs";
import { freePort, waitListening } from "./rpc-groundtruth.mjs";

export const RUNS = [
  { id: "qwen25-05b-q8-ub128", model: "qwen2.5-0.5b", weights: "Q8_0", ctx: 4096, words: 300, ubatch: 128 },
  { id: "qwen25-05b-q8-ub512", model: "qwen2.5-0.5b", weights: "Q8_0", ctx: 4096, words: 300, ubatch: 512 },
];
export const COLUMNS = ["run", "model_id", "weights", "servers", "ngl", "pipeline", "n_ubatch", "prompt_tokens", "prompt_ms", "tps", "overlap", "load_avg", "llama_cpp"];
const REPEATS = 3;
const BASE_PORT = 50252;

/** Whether any thread of the process is running or runnable. */
function busy(pid) {
  try {
    return fs.readdirSync(`/proc/${pid}/task`).some((t) => {
      const st = fs.readFileSync(`/proc/${pid}/task/${t}/stat`, "utf8");
      return st[st.lastIndexOf(")") + 2] === "R";
    });
  } catch {
    return false;
  }
}

function completion(bin, args, serverPids) {
  return new Promise((resolve, reject) => {
    const p = spawn(path.join(bin, "llama-completion"), args, { stdio: ["ignore", "pipe", "pipe"] });
    let log = "";
    let phase = "load";
    const c = { both: 0, any: 0 };
    const on = (b) => {
      log += b.toString();
      if (phase === "load" && /generate: n_ctx/.test(log)) phase = "prompt";
      if (phase === "prompt" && /prompt eval time/.test(log)) phase = "done";
    };
    p.stdout.on("data", on);
    p.stderr.on("data", on);
    const timer = setInterval(() => {
      if (phase !== "prompt") return;
      const states = serverPids.map(busy);
      if (states.every(Boolean)) c.both++;
      if (states.some(Boolean)) c.any++;
    }, 2);
    p.on("exit", () => {
      clearInterval(timer);
      const m = /prompt eval time =\s+([\d.]+) ms \/\s+(\d+) tokens/.exec(log);
      if (!m) reject(new Error(`no prompt eval time in the log:\n${log.slice(-3000)}`));
      else resolve({ ms: +m[1], tokens: +m[2], pipeline: /pipeline parallelism enabled/.test(log), overlap: c.any > 0 ? c.both / c.any : 0 });
    });
  });
}

async function main(argv) {
  const opt = { bin: process.env.LLMFIT_RPC_BIN, out: path.join(REPO, "data/cluster/rpc-prefill-overlap.csv") };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--bin") opt.bin = argv[++i];
    else if (argv[i] === "--out") opt.out = path.resolve(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]} (usage: --bin DIR [--out FILE])`);
  }
  if (!opt.bin || !fs.existsSync(path.join(opt.bin, "llama-completion"))) throw new Error("give --bin DIR (data/cluster/README.md says how to build it)");
  const v = /version: (\S+) \((?:build \d+, )?commit ([0-9a-f]+)\)/.exec(spawnSync(path.join(opt.bin, "llama-completion"), ["--version"], { encoding: "utf8" }).stderr ?? "");
  const version = v ? `${v[1]} ${v[2]}` : "unknown";
  const shapes = loadShapes();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "llmfit-rpc-pp-"));
  const lines = [];
  try {
    for (const run of RUNS) {
      const shape = shapes[run.model];
      const file = path.join(tmp, `${run.model}.gguf`);
      writeModel(run.model, run.weights, file, { ...shapes, [run.model]: { ...shape, tensors: loaderOrder(shape.tensors) } });
      const nLayer = shape.gguf_hparams[`${shape.arch}.block_count`];
      const ports = [];
      for (let p = BASE_PORT; ports.length < 2; p++) if (await freePort(p)) ports.push(p);
      const servers = ports.map((p) => spawn(path.join(opt.bin, "ggml-rpc-server"), ["-H", "127.0.0.1", "-p", String(p), "-t", "1"], { stdio: "ignore" }));
      try {
        for (const p of ports) await waitListening(p, 30_000);
        const prompt = Array.from({ length: run.words }, (_, i) => `w${i % 97}`).join(" ");
        const results = new Map();
        for (let k = 0; k < REPEATS; k++) {
          for (const ngl of [99, nLayer]) {
            const args = ["-m", file, "--rpc", ports.map((p) => `127.0.0.1:${p}`).join(","), "-ngl", String(ngl), "-c", String(run.ctx),
              "-b", "2048", "-ub", String(run.ubatch), "-t", "1", "-fit", "off", "--no-warmup", "-no-cnv", "-n", "1", "-nr", "-v", "-p", prompt];
            const r = await completion(opt.bin, args, servers.map((x) => x.pid));
            results.set(ngl, [...(results.get(ngl) ?? []), r]);
          }
        }
        for (const [ngl, rs] of results) {
          const fastest = rs.reduce((a, b) => (b.ms < a.ms ? b : a));
          const overlaps = rs.map((r) => r.overlap).sort((a, b) => a - b);
          const row = { run: run.id, model_id: run.model, weights: run.weights, servers: 2, ngl, pipeline: fastest.pipeline ? 1 : 0, n_ubatch: run.ubatch,
            prompt_tokens: fastest.tokens, prompt_ms: fastest.ms, tps: Math.round((fastest.tokens / fastest.ms) * 1e5) / 100,
            overlap: Math.round((overlaps[Math.floor(overlaps.length / 2)] ?? 0) * 1000) / 1000, load_avg: os.loadavg()[0].toFixed(1), llama_cpp: version };
          lines.push(COLUMNS.map((c) => String(row[c])).join(","));
          console.error(`${run.id} -ngl ${ngl}: pipeline ${row.pipeline ? "on" : "off"}, ${row.prompt_tokens} tokens in ${row.prompt_ms} ms (${row.tps} tok/s), both servers busy ${(row.overlap * 100).toFixed(0)} % of the busy time`);
        }
      } finally {
        for (const s of servers) s.kill("SIGKILL");
        fs.rmSync(file, { force: true });
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  fs.writeFileSync(opt.out, `${COLUMNS.join(",")}\n${lines.join("\n")}\n`);
  console.error(`wrote ${lines.length} rows to ${path.relative(REPO, opt.out)}`);
}

main(process.argv.slice(2)).catch((e) => {
  console.error(String(e?.message ?? e));
  process.exit(1);
});
