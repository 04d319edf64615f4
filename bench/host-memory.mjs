// The host over a session: RSS (idle) after the first report, after 100 more and after 50 prompts (to a
// fake Ollama on 127.0.0.1 that streams 40 tokens), and how long each report key's repaint takes
// once warm (the host's answer to report_action, as the float's keys send it). Prints numbers;
// never fails on a time.
import { readFileSync } from "node:fs";
import { headlessNvim } from "./nvim.mjs";
import { BENCH_MODEL, fakeOllama } from "./fake-ollama.mjs";
import { ms, printTable, stats } from "./table.mjs";

const MODEL = BENCH_MODEL;
const REPORTS = 100;
const PROMPTS = Number(process.env.BENCH_PROMPTS ?? 50);


const rssMiB = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? NaN) / 1024;
// RSS once the host has been idle 1.5 s (it collects garbage 1 s after its last request: src/host/idle-gc.ts)
const idleRss = async (pid) => (await new Promise((r) => setTimeout(r, 1500)), rssMiB(pid));

// :LlmFit asks the host without waiting: wait (running the loop) for the float, then close it
const OPEN_CLOSE = `
  vim.cmd("LlmFit")
  local report = require("llmfit.report")
  vim.wait(10000, function() local r = report.current(); return r ~= nil and r:valid() end, 2)
  local r = report.current()
  if r then vim.api.nvim_win_close(r.win, true) end`;

// One key's round trip: the host's new payload for the float (what the key then paints).
const ACT = `
  local action, text = ...
  local host = require("llmfit.host")
  local t = vim.loop.hrtime()
  host.request("report_action", { action = action, text = text, width = 120, height = 40 })
  return (vim.loop.hrtime() - t) / 1e6`;

const server = await fakeOllama(40);
const url = `http://127.0.0.1:${server.address().port}`;
const { nvim, close } = headlessNvim("llmfit-hostmem-");
try {
  await nvim.lua(`require("llmfit").setup({
    runtimes = { timeout_ms = 10000, ollama = { url = "${url}" }, llamacpp = { enabled = false }, lmstudio = { enabled = false } },
    prompt = { model = "${MODEL}", max_tokens = 80 },
  })
  vim.api.nvim_buf_set_lines(0, 0, -1, false, { "local x = 1" })`);
  await nvim.lua(OPEN_CLOSE);
  const { pid } = await nvim.lua("return require('llmfit.host').request('ping')");
  // let the first sizing and discovery settle
  await nvim.lua("vim.cmd('LlmFit') vim.wait(10000, function() return require('llmfit.report').current() ~= nil end, 2) return 0");
  await new Promise((r) => setTimeout(r, 1500));

  const keys = [["sort"], ["sort"], ["sort"], ["sort"], ["sort"], ["filter", "qwen"], ["filter", ""], ["use"], ["kind"], ["context"], ["context"], ["context"], ["context"], ["kv"], ["kv"]];
  const cold = new Map();
  const warmSamples = new Map();
  for (let round = 0; round < 4; round++) {
    for (const [action, text] of keys) {
      const dt = await nvim.lua(ACT, [action, text ?? ""]);
      const name = text !== undefined ? `${action} "${text}"` : action;
      if (round === 0) cold.set(name, [...(cold.get(name) ?? []), dt]);
      else warmSamples.set(name, [...(warmSamples.get(name) ?? []), dt]);
    }
  }
  await nvim.lua("local r = require('llmfit.report').current() if r then vim.api.nvim_win_close(r.win, true) end");
  const rss = [["after the first report", (await idleRss(pid))]];
  for (let i = 0; i < REPORTS; i++) await nvim.lua(OPEN_CLOSE);
  rss.push([`after ${REPORTS} more reports`, (await idleRss(pid))]);
  for (let i = 1; i <= PROMPTS; i++) {
    await nvim.command("LlmFit prompt explain");
    // prompts are numbered from 1 in a Neovim; wait for this one, then close its float as a
    // reader would (which ends the conversation in the host)
    const t0 = Date.now();
    for (;;) {
      const state = await nvim.lua(`local s = require('llmfit.answer').state(${i}) return s and s.state or 'none'`);
      if (state === "done") break;
      if (state === "failed" || Date.now() - t0 > 20000) throw new Error(`prompt ${i}: ${state}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    await nvim.lua(`for _, w in ipairs(vim.api.nvim_list_wins()) do
      if vim.api.nvim_win_get_config(w).relative ~= "" then vim.api.nvim_win_close(w, true) end
    end`);
    // the first prompt loads the prompt code; growth after that is what "flat" is about
    if (i === 1 || i === PROMPTS / 2) rss.push([`after ${i} prompt${i > 1 ? "s" : ""}`, (await idleRss(pid))]);
  }
  rss.push([`after ${PROMPTS} prompts`, (await idleRss(pid))]);
  for (let i = 0; i < REPORTS; i++) await nvim.lua(OPEN_CLOSE);
  rss.push([`after ${REPORTS} more reports`, (await idleRss(pid))]);
  printTable("Report keys: host answer to report_action (ms); first pass, then warm (3 passes)", ["key", "first", "warm median", "warm max", "aim (warm)"],
    [...warmSamples].map(([name, s]) => { const w = stats(s); return [name, ms(Math.max(...cold.get(name))), ms(w.median), ms(w.max), "<= 10"]; }));
  printTable("Host RSS over a session (MiB)", ["when", "RSS", "aim"], rss.map(([w, v]) => [w, v.toFixed(1), "<= 80, flat"]));
} finally {
  await close();
  server.close();
}
