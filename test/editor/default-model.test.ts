// Prompting with nothing installed, in a real headless Neovim: no runtime answers and no
// prompt.embedded_model is set, so the picker offers the advice's default model from a loopback
// Hub (HF_ENDPOINT) with its size; the user says yes, the download's progress shows, and the
// answer streams from the downloaded tiny GGUF through node-llama-cpp. Saying no fetches nothing;
// <C-c> in the progress float cancels; a GGUF already in LM Studio's dir is offered instead.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CATALOG } from "../../src/models/catalog.js";
import { startFakeHub, type FakeHub, type HubRepo } from "../support/fake-hub.js";
import { closedPort } from "../support/fake-servers.js";
import { startNvim, waitFor, type Nvim } from "../support/nvim.js";
import { tinyGguf } from "../support/tiny-gguf.js";

const tiny = tinyGguf();
let hub: FakeHub;
let port: number;
beforeAll(async () => {
  // Every catalog GGUF repo lists the tiny model as its Q4_K_M: whichever the advice picks on
  // this machine, its repo answers.
  const repos: Record<string, HubRepo> = {};
  for (const e of CATALOG) for (const r of e.gguf) repos[r] = { sha: "d".repeat(40), files: { "README.md": { head: Buffer.from("hi"), size: 2 }, "tiny-Q4_K_M.gguf": { head: tiny, size: tiny.length } } };
  hub = await startFakeHub(repos);
  port = await closedPort();
});
afterAll(async () => hub?.close());

let nvim: Nvim | undefined;
afterEach(async () => {
  await nvim?.close();
  nvim = undefined;
});

const modelFiles = (n: Nvim): string[] => {
  const dir = join(n.home, ".node-llama-cpp", "models");
  return existsSync(dir) ? readdirSync(dir) : [];
};

async function open(confirm: number): Promise<Nvim> {
  const store = mkdtempSync(join(tmpdir(), "llmfit-no-ollama-"));
  const n = await startNvim({
    env: { HF_ENDPOINT: hub.url, OLLAMA_MODELS: store },
    setup: `require("llmfit").setup({
      runtimes = { timeout_ms = 10000, ollama = { url = "http://127.0.0.1:${port}" }, llamacpp = { enabled = false }, lmstudio = { enabled = false } },
      prompt = { embedded_threads = 1, max_tokens = 24 },
    })
    _G.__picked, _G.__confirms, _G.__progress = {}, {}, {}
    vim.ui.select = function(items, opts, cb)
      for _, it in ipairs(items) do table.insert(_G.__picked, opts.format_item and opts.format_item(it) or it) end
      cb(items[1])
    end
    vim.fn.confirm = function(msg) table.insert(_G.__confirms, msg) return ${confirm} end
    local d = require("llmfit.download")
    local on_progress = d.on_progress
    d.on_progress = function(id, p)
      table.insert(_G.__progress, { state = p.state, bytes = p.bytes, total = p.total, line = d.progress_line(vim.tbl_extend("force", { offer = {} }, p)) })
      on_progress(id, p)
    end`,
  });
  await n.lua(`vim.cmd("enew!") vim.api.nvim_buf_set_lines(0, 0, -1, false, { "hello world" })`);
  return n;
}

describe("prompting with nothing installed", () => {
  it("offers the default model, downloads it with progress after a yes, and answers from it", async () => {
    nvim = await open(1);
    await nvim.cmd("LlmFit prompt summarize");
    const picked = await waitFor(async () => {
      const p = await nvim!.lua<string[]>("return _G.__picked");
      return p.length > 0 ? p : undefined;
    }, 60_000, "the model picker");
    expect(picked).toHaveLength(1);
    expect(picked[0]).toMatch(/^download .+ Q4_K_M \(0\.5 MiB\) from Hugging Face and run it in-process$/);
    const done = await waitFor(async () => {
      const s = await nvim!.lua<{ state: string; tokens: number; answer: string } | null>("local a = require('llmfit.answer') for id = 50, 1, -1 do local s = a.state(id) if s and (s.state == 'done' or s.state == 'failed') then return s end end return nil");
      return s ?? undefined;
    }, 90_000, "the answer");
    expect(done.state).toBe("done");
    expect(done.tokens).toBeGreaterThan(4);
    expect(done.answer.length).toBeGreaterThan(0);

    const confirms = await nvim.lua<string[]>("return _G.__confirms");
    expect(confirms).toHaveLength(1);
    expect(confirms[0]).toMatch(/^llmfit: download .+ from Hugging Face and run it in-process\? It goes to ~\/\.node-llama-cpp\/models\.$/);
    const progress = await nvim.lua<Array<{ state: string; bytes?: number; total?: number; line: string }>>("return _G.__progress");
    const running = progress.filter((p) => p.state === "running" && p.bytes !== undefined);
    expect(running.length).toBeGreaterThan(0);
    expect(running.every((p) => p.total === tiny.length)).toBe(true);
    expect(running.some((p) => p.line === "100%  0.5 MiB / 0.5 MiB")).toBe(true);
    expect(progress.at(-1)?.state).toBe("done");

    const files = modelFiles(nvim);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^hf_[^_]+_tiny-Q4_K_M\.gguf$/); // the repo's owner is in the name
    const file = join(nvim.home, ".node-llama-cpp", "models", files[0]!);
    expect(readFileSync(file).equals(tiny)).toBe(true);
    expect(hub.log.some((l) => l.server === "cdn")).toBe(true);
    const notes = (await nvim.notes()).map((n) => n.msg);
    expect(notes.some((m) => m.startsWith("llmfit: downloaded ") && m.endsWith(file))).toBe(true);
    // remembered like any embedded choice: the next prompt asks nothing
    const last = JSON.parse(readFileSync(join(nvim.home, "cache", "nvim", "llmfit", "last-model.json"), "utf8")) as { runtime: string; model: string };
    expect(last).toMatchObject({ runtime: "embedded", model: file });
  }, 180_000);

  it("downloads nothing when the user says no", async () => {
    nvim = await open(2);
    const before = hub.log.filter((l) => l.server === "cdn").length;
    await nvim.cmd("LlmFit prompt summarize");
    await waitFor(async () => ((await nvim!.lua<string[]>("return _G.__confirms")).length > 0 ? true : undefined), 60_000, "the question");
    await new Promise((r) => setTimeout(r, 500));
    expect(hub.log.filter((l) => l.server === "cdn").length).toBe(before);
    expect(modelFiles(nvim).filter((f) => f.endsWith(".gguf"))).toEqual([]);
    expect(await nvim.lua<unknown[]>("return require('llmfit.download').active()")).toEqual([]);
  }, 120_000);

  it("<C-c> in the progress float cancels the download, and nothing is run", async () => {
    nvim = await open(1);
    // each Hub and CDN answer waits 1.5 s: the float is up while the file is being fetched
    hub.faults.stallMs = 1500;
    try {
      await nvim.cmd("LlmFit prompt summarize");
      await waitFor(async () => ((await nvim!.lua<unknown[]>("return require('llmfit.download').active()")).length > 0 ? true : undefined), 60_000, "the download");
      expect(await nvim.lua<string>("return vim.bo.filetype")).toBe("llmfit");
      await nvim.api.input("<C-c>");
      await waitFor(async () => ((await nvim!.notes()).some((n) => n.msg === "llmfit: download cancelled; choosing it again resumes it") ? true : undefined), 30_000, "the cancel");
    } finally {
      hub.faults.stallMs = 0;
    }
    expect(await nvim.lua<unknown[]>("return require('llmfit.download').active()")).toEqual([]);
    expect(modelFiles(nvim).filter((f) => f.endsWith(".gguf"))).toEqual([]);
    expect((await nvim.floats()).length).toBe(0);
  }, 120_000);

  it("offers a GGUF already on disk first, without a download, and answers from it", async () => {
    nvim = await open(1);
    const dir = join(nvim.home, ".lmstudio", "models", "someone", "Tiny-GGUF");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, "tiny-Q8_0.gguf");
    writeFileSync(file, tiny);
    writeFileSync(join(dir, "README.gguf"), "not a model");
    const before = hub.log.length;
    await nvim.cmd("LlmFit prompt summarize");
    const done = await waitFor(async () => {
      const s = await nvim!.lua<{ state: string; tokens: number } | null>("local a = require('llmfit.answer') for id = 50, 1, -1 do local s = a.state(id) if s and (s.state == 'done' or s.state == 'failed') then return s end end return nil");
      return s ?? undefined;
    }, 90_000, "the answer");
    expect(done.state).toBe("done");
    expect(await nvim.lua<string[]>("return _G.__picked")).toEqual([`on disk: ${file} (0.5 MiB, LM Studio)`]);
    expect(await nvim.lua<string[]>("return _G.__confirms")).toEqual([]);
    expect(hub.log.length).toBe(before); // the Hub is not asked
  }, 120_000);
});
