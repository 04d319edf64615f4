// A headless Neovim for the benchmarks, on this checkout, in a home of its own (nothing of the
// user's config or cache is read or written); close() stops the host, quits and removes the home.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { attach } from "neovim";

export const ROOT = resolve(import.meta.dirname, "..");

export function headlessNvim(prefix, env = {}) {
  const home = mkdtempSync(join(tmpdir(), prefix));
  const dirs = { HOME: home, XDG_CACHE_HOME: join(home, "cache"), XDG_STATE_HOME: join(home, "state"), XDG_CONFIG_HOME: join(home, "config"), XDG_DATA_HOME: join(home, "data") };
  const proc = spawn(process.env.LLMFIT_NVIM || "nvim", ["--embed", "--headless", "--clean", "-n", "--cmd", `set rtp^=${ROOT}`], {
    cwd: home,
    env: { ...process.env, ...dirs, ...env },
  });
  const nvim = attach({ proc });
  const close = async () => {
    await nvim.lua("require('llmfit.host').stop()").catch(() => {});
    nvim.quit();
    await new Promise((r) => (proc.exitCode !== null ? r() : proc.once("exit", r)));
    rmSync(home, { recursive: true, force: true });
  };
  return { nvim, proc, home, close };
}
