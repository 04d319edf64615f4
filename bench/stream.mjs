// What a streamed answer costs the editor: a fake Ollama on 127.0.0.1 streams N tokens at a
// fixed rate into a real headless Neovim running the prompt feature. Per token we report the CPU
// time of Neovim and of the host (from /proc), how many buffer updates the coalescing made, and
// how long a trivial request to Neovim waits meanwhile (what typing would feel).
import { readFileSync } from "node:fs";
import { headlessNvim } from "./nvim.mjs";
import { BENCH_MODEL, fakeOllama } from "./fake-ollama.mjs";
import { printTable, stats } from "./table.mjs";

const MODEL = BENCH_MODEL;
const TICKS = 100; // USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s on Linux

function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS; // utime + stime
}


async function run(rate, tokens) {
  const server = await fakeOllama(tokens, rate);
  const url = `http://127.0.0.1:${server.address().port}`;
  const { nvim, proc, close } = headlessNvim("llmfit-stream-");
  try {
    await nvim.lua(`require("llmfit").setup({
      runtimes = { ollama = { url = "${url}" }, llamacpp = { enabled = false }, lmstudio = { enabled = false } },
      prompt = { model = "${MODEL}", max_tokens = ${tokens * 2} },
    })
    _G.__flushes = 0
    local answer = require("llmfit.answer")
    local on_event = answer.on_event
    answer.on_event = function(kind, ...) if kind == "chunk" then _G.__flushes = _G.__flushes + 1 end return on_event(kind, ...) end
    vim.api.nvim_buf_set_lines(0, 0, -1, false, { "local x = 1" })`);
    const { pid: hostPid } = await nvim.lua("return require('llmfit.host').request('ping')");
    const before = { nvim: cpuMs(proc.pid), host: cpuMs(hostPid) };
    const t0 = performance.now();
    await nvim.command("LlmFit prompt explain");
    const waits = [];
    for (;;) {
      const s = performance.now();
      const state = await nvim.lua("local s = require('llmfit.answer').state(1) return s and s.state or 'none'");
      waits.push(performance.now() - s);
      if (state === "done" || state === "failed") break;
      await new Promise((r) => setTimeout(r, 5));
    }
    const wall = performance.now() - t0;
    const after = { nvim: cpuMs(proc.pid), host: cpuMs(hostPid) };
    const flushes = await nvim.lua("return _G.__flushes");
    const lat = stats(waits);
    return {
      rate,
      tokens,
      wall,
      flushes,
      nvimUs: ((after.nvim - before.nvim) * 1000) / tokens,
      hostUs: ((after.host - before.host) * 1000) / tokens,
      p95: lat.p95,
      max: lat.max,
    };
  } finally {
    await close();
    server.close();
  }
}

const results = [await run(50, 200), await run(500, 2000)];
printTable(
  "Streaming into the editor (CPU per token from /proc; request latency while streaming)",
  ["tok/s", "tokens", "seconds", "buffer updates", "nvim µs/token", "host µs/token", "request p95 ms", "request max ms"],
  results.map((r) => [r.rate, r.tokens, (r.wall / 1000).toFixed(1), r.flushes, r.nvimUs.toFixed(0), r.hostUs.toFixed(0), r.p95.toFixed(1), r.max.toFixed(1)]),
);
