// How long Neovim takes to answer another client (what typing would feel) while a host call
// waits on I/O: a GGUF URL that never answers, a cold report whose GPU tool takes 1.2 s per call,
// and :checkhealth probing an Ollama that never answers. Each row: 40 trivial requests to Neovim
// from a second RPC client while the call is in flight. Printed, never asserted.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { headlessNvim } from "./nvim.mjs";
import { ms, printTable, stats } from "./table.mjs";

const SAMPLES = 40;

function silentServer() {
  const sockets = new Set();
  const server = createServer(() => undefined); // takes the request, never answers
  server.on("connection", (s) => (sockets.add(s), s.on("close", () => sockets.delete(s))));
  return new Promise((r) =>
    server.listen(0, "127.0.0.1", () =>
      r({ url: `http://127.0.0.1:${server.address().port}`, close: () => (sockets.forEach((s) => s.destroy()), new Promise((d) => server.close(d))) }),
    ),
  );
}

async function editor(env, setup) {
  const e = headlessNvim("llmfit-responsive-", env);
  await e.nvim.lua(setup);
  return e;
}

/** Starts `trigger` (deferred, so our request does not wait for the command itself), then samples. */
async function sample(nvim, trigger) {
  await nvim.lua(`vim.defer_fn(function() ${trigger} end, 0)`);
  await new Promise((r) => setTimeout(r, 100));
  const waits = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t0 = performance.now();
    await nvim.lua("return 1");
    waits.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 10));
  }
  return waits;
}

const off = "llamacpp = { enabled = false }, lmstudio = { enabled = false }";
const silent = await silentServer();
const bin = mkdtempSync(join(tmpdir(), "llmfit-slow-smi-"));
writeFileSync(join(bin, "nvidia-smi"), "#!/bin/sh\nsleep 1.2\nexit 1\n");
chmodSync(join(bin, "nvidia-smi"), 0o755);

const cases = [
  {
    name: ":LlmFit fit URL, server never answers",
    env: {},
    setup: `require("llmfit").setup({ runtimes = { ollama = { enabled = false }, ${off} } }); require("llmfit.host").request("ping")`,
    trigger: `vim.cmd("LlmFit fit ${silent.url}/m.gguf")`,
  },
  {
    name: ":LlmFit, cold host, nvidia-smi takes 1.2 s",
    env: { PATH: `${bin}:${process.env.PATH}` },
    setup: `require("llmfit").setup({ runtimes = { ollama = { enabled = false }, ${off} } })`,
    trigger: `vim.cmd("LlmFit")`,
  },
  {
    name: ":checkhealth, Ollama never answers (3 s deadline)",
    env: {},
    setup: `require("llmfit").setup({ runtimes = { ollama = { url = "${silent.url}" }, ${off}, timeout_ms = 3000 } }); require("llmfit.host").request("ping")`,
    trigger: `vim.cmd("checkhealth llmfit")`,
  },
];

const rows = [];
for (const c of cases) {
  const e = await editor(c.env, c.setup);
  try {
    const s = stats(await sample(e.nvim, c.trigger));
    rows.push([c.name, s.n, ms(s.median), ms(s.p95), ms(s.max)]);
  } finally {
    await e.close();
  }
}
await silent.close();
rmSync(bin, { recursive: true, force: true });
printTable("Neovim's answer to another client while a host call waits (ms)", ["case", "n", "median", "p95", "max"], rows);
process.exit(0);
