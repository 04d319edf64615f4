#!/usr/bin/env node
// `npm start`: open Neovim on this checkout with the plugin loaded and the :LlmFit report open.
// With no terminal attached (CI, a pipe) it prints the same report from the CLI instead.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const interactive = process.stdin.isTTY && process.stdout.isTTY;

if (interactive) {
  // --clean: the checkout alone, so a plugin manager's copy of llmfit cannot shadow it.
  const nvim = spawnSync(process.env.LLMFIT_NVIM || "nvim", ["--clean", "--cmd", `set rtp^=${root}`, "-c", "LlmFit"], { stdio: "inherit" });
  if (nvim.error) {
    process.stderr.write("llmfit: nvim not found — install Neovim >= 0.7.2 (e.g. `apt-get install neovim`)\n");
    process.exit(1);
  }
  process.exit(nvim.status ?? 0);
} else {
  const cli = spawnSync(process.execPath, [`${root}/dist/cli.cjs`, ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(cli.status ?? 1);
}
