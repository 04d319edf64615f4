// A real `nvim --headless` with this checkout on 'runtimepath', driven over RPC from the test.
// Each instance gets its own temp HOME and XDG dirs, so tests never see the user's setup and
// the host's cache and log land in the temp dir.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { attach, type NeovimClient } from "neovim";

export const ROOT = resolve(import.meta.dirname, "../..");

/**
 * The Neovim every editor test starts: LLMFIT_NVIM (a binary or launcher, e.g. the one
 * scripts/nvim-debian13.sh prints), else `nvim` on PATH. One place, so a run can be pointed at
 * another version without touching a test.
 */
export const NVIM_BIN = process.env.LLMFIT_NVIM || "nvim";

export interface Note {
  readonly msg: string;
  readonly level: number;
}

export interface Nvim {
  readonly api: NeovimClient;
  readonly proc: ChildProcess;
  readonly home: string;
  lua<T = unknown>(code: string, args?: unknown[]): Promise<T>;
  cmd(command: string): Promise<void>;
  notes(): Promise<Note[]>;
  clearNotes(): Promise<void>;
  /** Windows that are floats, with their buffers' lines. */
  floats(): Promise<Array<{ win: number; buf: number; lines: string[] }>>;
  close(): Promise<void>;
}

export interface StartOptions {
  readonly columns?: number;
  readonly lines?: number;
  /** Lua run after startup, e.g. require('llmfit').setup{...}. */
  readonly setup?: string;
  /** Extra environment, e.g. NVIM_RPLUGIN_MANIFEST. */
  readonly env?: Readonly<Record<string, string>>;
  /** Ex commands run before plugins load (--cmd). */
  readonly cmd?: readonly string[];
  /**
   * --clean (the default) also skips the remote-plugin manifest; false starts with -u NORC
   * instead: still no user config (HOME is a temp dir), but remote plugins load.
   */
  readonly clean?: boolean;
  /** false keeps Neovim's own vim.notify (notes() then stays empty); default: captured. */
  readonly captureNotify?: boolean;
}

export async function startNvim(opts: StartOptions = {}): Promise<Nvim> {
  const home = mkdtempSync(join(tmpdir(), "llmfit-nvim-"));
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, "config"),
    XDG_DATA_HOME: join(home, "data"),
    XDG_CACHE_HOME: join(home, "cache"),
    XDG_STATE_HOME: join(home, "state"),
    NVIM_LOG_FILE: join(home, "nvim.log"),
    ...opts.env,
  };
  const proc = spawn(
    NVIM_BIN,
    ["--embed", "--headless", ...(opts.clean === false ? ["-u", "NORC", "-i", "NONE"] : ["--clean"]), "-n", "--cmd", `set rtp^=${ROOT}`, "--cmd", "set shortmess+=F", ...(opts.cmd ?? []).flatMap((c) => ["--cmd", c])],
    { cwd: home, env, stdio: ["pipe", "pipe", "pipe"] },
  );
  const api = attach({ proc });
  const lua = <T,>(code: string, args: unknown[] = []) => api.lua(code, args as never) as Promise<T>;
  // Startup ends with VimEnter (it loads the remote-plugin manifest); wait for it like a user would.
  await waitFor(async () => ((await lua<number>("return vim.v.vim_did_enter")) === 1 ? true : undefined), 10_000, "VimEnter");
  await api.command(`set columns=${opts.columns ?? 120} lines=${opts.lines ?? 40}`);
  // Capture vim.notify so tests can count the lines a user would see.
  await lua(`_G.__notes = {}`);
  if (opts.captureNotify !== false) await lua(`vim.notify = function(msg, level) table.insert(_G.__notes, { msg = msg, level = level or 2 }) end`);
  if (opts.setup) await lua(opts.setup);
  return {
    api,
    proc,
    home,
    lua,
    cmd: (c) => api.command(c),
    notes: () => lua<Note[]>("return _G.__notes"),
    clearNotes: () => lua<void>("_G.__notes = {}"),
    floats: () =>
      lua(`
        local out = {}
        for _, w in ipairs(vim.api.nvim_list_wins()) do
          if vim.api.nvim_win_get_config(w).relative ~= "" then
            local b = vim.api.nvim_win_get_buf(w)
            table.insert(out, { win = w, buf = b, lines = vim.api.nvim_buf_get_lines(b, 0, -1, false) })
          end
        end
        return out`),
    async close() {
      try {
        await lua("require('llmfit.host').stop()").catch(() => undefined);
        api.quit();
      } catch {
        // already gone
      }
      await new Promise<void>((done) => {
        if (proc.exitCode !== null) return done();
        const timer = setTimeout(() => {
          proc.kill("SIGKILL");
          done();
        }, 2000);
        proc.once("exit", () => {
          clearTimeout(timer);
          done();
        });
      });
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Poll `check` until it returns a value that is not undefined/false, or fail after `ms`. */
export async function waitFor<T>(check: () => Promise<T | undefined | false>, ms = 10_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
