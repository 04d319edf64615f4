// The shim and the host together in a real headless Neovim: the report float, closing it,
// host reuse, host death and restart, one-line errors, :checkhealth and :help.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closedPort } from "../support/fake-servers.js";
import { NVIM_BIN, ROOT, startNvim, waitFor, type Nvim } from "../support/nvim.js";

function cpuModel(): string {
  const line = readFileSync("/proc/cpuinfo", "utf8")
    .split("\n")
    .find((l) => l.startsWith("model name"));
  return line ? line.split(":")[1]!.trim().replace(/\s+/g, " ") : "";
}

const ramTotal = `${(totalmem() / 1024 ** 3).toFixed(1)} GiB total`;

/** :LlmFit asks the host without waiting; the float opens when it answers. */
async function openReport(nvim: Nvim): Promise<void> {
  await nvim.cmd("LlmFit");
  await waitFor(async () => ((await nvim.floats()).length > 0 ? true : undefined), 15_000, "the report float");
}

async function closeReport(nvim: Nvim): Promise<void> {
  await nvim.api.input("q");
  await waitFor(async () => ((await nvim.floats()).length === 0 ? true : undefined), 5000, "the float to close");
}

describe("the :LlmFit float in a real Neovim", () => {
  let nvim: Nvim;
  beforeAll(async () => {
    execFileSync(NVIM_BIN, ["--headless", "--clean", "-c", `helptags ${ROOT}/doc`, "-c", "qa!"]);
    // Runtimes on a port nothing listens on, so health says the same on every machine.
    const port = await closedPort();
    nvim = await startNvim({
      setup: `require("llmfit").setup({ runtimes = { ollama = { url = "http://127.0.0.1:${port}" }, llamacpp = { enabled = false }, lmstudio = { enabled = false } } })`,
    });
  });
  afterAll(async () => nvim?.close());

  it("opens the report with this machine's CPU and RAM, and q closes it leaving the buffers as they were", async () => {
    const before = await nvim.lua<number[]>("return vim.api.nvim_list_bufs()");
    await nvim.cmd("LlmFit");
    const [float] = await waitFor(async () => {
      const f = await nvim.floats();
      return f.length > 0 ? f : undefined;
    }, 15_000, "the report float");
    const text = float!.lines.join("\n");
    expect(text).toContain(cpuModel());
    expect(text).toContain(ramTotal);
    expect(await nvim.notes()).toEqual([]);

    await nvim.api.input("q");
    await waitFor(async () => ((await nvim.floats()).length === 0 ? true : undefined), 5000, "the float to close");
    expect(await nvim.lua<number[]>("return vim.api.nvim_list_bufs()")).toEqual(before);
  });

  it("paints highlight spans from the host", async () => {
    await openReport(nvim);
    const marks = await nvim.lua<number>(`
      local buf = vim.api.nvim_win_get_buf(0)
      local ns = vim.api.nvim_create_namespace("llmfit")
      return #vim.api.nvim_buf_get_extmarks(buf, ns, 0, -1, {})`);
    expect(marks).toBeGreaterThan(3);
    await closeReport(nvim);
  });

  it("reuses the running host for a second :LlmFit", async () => {
    const first = await nvim.lua<{ pid: number }>("return require('llmfit.host').request('ping')");
    await openReport(nvim);
    await closeReport(nvim);
    const second = await nvim.lua<{ pid: number }>("return require('llmfit.host').request('ping')");
    expect(second.pid).toBe(first.pid);
  });

  it("says once that the host died, then works again", async () => {
    const { pid } = await nvim.lua<{ pid: number }>("return require('llmfit.host').request('ping')");
    await nvim.clearNotes();
    process.kill(pid, "SIGKILL");
    await waitFor(async () => !(await nvim.lua<boolean>("return require('llmfit.host').running()")), 5000, "the host to die");
    await openReport(nvim);
    const notes = await nvim.notes();
    expect(notes).toHaveLength(1);
    expect(notes[0]!.msg).toMatch(/host had stopped/);
    expect((await nvim.floats()).length).toBe(1);
    const again = await nvim.lua<{ pid: number }>("return require('llmfit.host').request('ping')");
    expect(again.pid).not.toBe(pid);
    await closeReport(nvim);
    await openReport(nvim);
    expect(await nvim.notes()).toHaveLength(1); // said once, not again
    await closeReport(nvim);
  });

  it("turns invalid handler arguments into one notify line", async () => {
    await nvim.clearNotes();
    const value = await nvim.lua("return require('llmfit.host').request('report', { width = 'wide', height = 10 })");
    expect(value).toBeNull();
    const notes = await nvim.notes();
    expect(notes).toHaveLength(1);
    expect(notes[0]!.msg).toMatch(/^llmfit: invalid arguments for report: width/);
    expect(notes[0]!.msg).not.toContain("\n");
  });

  it("answers an unknown subcommand with one line listing the valid ones", async () => {
    await nvim.clearNotes();
    await nvim.cmd("LlmFit nonsense");
    const notes = await nvim.notes();
    expect(notes).toHaveLength(1);
    expect(notes[0]!.msg).toMatch(/unknown subcommand "nonsense" — use one of: report, refresh/);
  });

  it("completes subcommands", async () => {
    const got = await nvim.lua<string[]>("return vim.fn.getcompletion('LlmFit re', 'cmdline')");
    expect(got).toEqual(["report", "refresh"]);
  });

  it(":checkhealth llmfit reports OK", async () => {
    await nvim.cmd("checkhealth llmfit");
    const text = (await nvim.lua<string[]>("return vim.api.nvim_buf_get_lines(0, 0, -1, false)")).join("\n");
    expect(text).toMatch(/OK:? .*Node\.js v\d+/);
    expect(text).toMatch(/OK:? .*host answers: version \d+\.\d+\.\d+/);
    expect(text).not.toMatch(/ERROR/);
    expect(text).toMatch(/Ollama is not running on 127\.0\.0\.1:\d+ — start it with `ollama serve`/);
    // No runtime answers and no embedded model: prompting would fail, so say so before it does.
    expect(text).toMatch(/WARN(ING)?:? prompting has no model: no runtime answers and `prompt\.embedded_model` is not set/);
    expect(text).not.toMatch(/hardware overrides active/);
    await nvim.cmd("bwipeout!");
  });

  it(":help llmfit opens the help file", async () => {
    await nvim.cmd("help llmfit");
    const name = await nvim.lua<string>("return vim.api.nvim_buf_get_name(0)");
    expect(name).toBe(`${ROOT}/doc/llmfit.txt`);
    await nvim.cmd("helpclose");
  });
});

describe(":checkhealth llmfit on a checkout that was never built", () => {
  it("says ERROR with the command that builds it, and raises nothing", async () => {
    // A copy of the plugin's Lua side without dist/, first on 'runtimepath'.
    const copy = mkdtempSync(join(tmpdir(), "llmfit-unbuilt-"));
    for (const dir of ["lua", "plugin", "doc"]) cpSync(join(ROOT, dir), join(copy, dir), { recursive: true });
    const nvim = await startNvim({ cmd: [`set rtp^=${copy}`] });
    try {
      await nvim.cmd("checkhealth llmfit");
      const text = (await nvim.lua<string[]>("return vim.api.nvim_buf_get_lines(0, 0, -1, false)")).join("\n");
      expect(text).toMatch(/ERROR:? host not built: .*dist\/host\.cjs is missing/);
      expect(text).toContain(`run \`npm install && npm run build\` in ${copy}`);
      expect(text).not.toMatch(/Exception|Failed to run healthcheck/);
      expect(await nvim.notes()).toEqual([]);
    } finally {
      await nvim.close();
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
