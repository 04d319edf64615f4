// Models named by where they live (hf:…, hf.co/…, Ollama tags), read header-only from loopback
// servers that speak the Hub API and the Ollama registry, and sized exactly like the same files
// on disk. Failure modes: gated 401/403, 404, 429 with Retry-After, no Range support, a cut body,
// a stalled server, a repo with nothing to size.
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { CATALOG_FALLBACK_TIMEOUT_MS, fitCommand } from "../../src/cli/fit.js";
import { readRemote } from "../../src/cli/fit-remote.js";
import { trainCommand } from "../../src/cli/train.js";
import { simulateHardware } from "../../src/hardware/simulate.js";
import { CATALOG } from "../../src/models/catalog.js";
import { advise, createAdvisor, DEFAULT_VIEW } from "../../src/advice/advise.js";
import { renderReport } from "../../src/report/report.js";
import { createSizer } from "../../src/sizing/search.js";
import { parseConfig } from "../../src/config.js";
import { LlmFitError } from "../../src/errors.js";
import { dispatch } from "../../src/host/dispatch.js";
import { Session } from "../../src/host/session.js";
import { createLogger } from "../../src/log.js";
import { diskCache, mergeSegment } from "../../src/models/sources/cache.js";
import { knownQuantFile } from "../../src/models/sources/known-files.js";
import { parseRemoteRef } from "../../src/models/sources/refs.js";
import { loadRemoteModel } from "../../src/models/sources/remote.js";
import { fit, fitFails } from "../support/fit-cli.js";
import { startFakeHub, startFakeRegistry, type FakeHub, type FakeRegistry, type VirtualFile } from "../support/fake-hub.js";
import { LLAMA_3B_CONFIG, llamaGguf, llamaGgufRepo, llamaSafetensorsTensors, llamaTransformersRepo, elementsOf, sourcesEnvs } from "../support/model-repos.js";

const SHA = "0123456789abcdef0123456789abcdef01234567";
const TOKEN = "hf_test_secret_token_value";
const MIB = 1024 * 1024;

const { files: ggufRepo, q4, q6, q8 } = llamaGgufRepo();

let hub: FakeHub;
let registry: FakeRegistry;
const dir = mkdtempSync(join(tmpdir(), "llmfit-sources-"));
const freshEnv = sourcesEnvs(dir, () => hub.url);

beforeAll(async () => {
  hub = await startFakeHub(
    {
      "test/Llama-3.2-1B-Instruct-GGUF": { sha: SHA, files: ggufRepo },
      "test/Gated-GGUF": { sha: SHA, files: { "gated-Q4_K_M.gguf": q4 }, gated: true },
      "test/Llama-3.2-3B": { sha: SHA, files: llamaTransformersRepo() },
      "test/Odd-Arch": { sha: SHA, files: llamaTransformersRepo({ ...LLAMA_3B_CONFIG, model_type: "frobnicator" }) },
      "test/Empty": { sha: SHA, files: { "README.md": { head: Buffer.from("nothing"), size: 7 } } },
    },
    { token: TOKEN, pageSize: 3 },
  );
  registry = await startFakeRegistry({
    "library/llama3.2:1b": { model: q4, extra: { "application/vnd.ollama.image.template": "{{ .Prompt }}" } },
    "library/imported:latest": { model: q4, noModelLayer: true },
  });
  // The same files on disk (sparse: header, then a hole up to the full size), to size locally.
  const onDisk: [string, VirtualFile][] = [["q4.gguf", q4], ["q6.gguf", q6], ["q8-00001-of-00002.gguf", q8[0] as VirtualFile], ["q8-00002-of-00002.gguf", q8[1] as VirtualFile]];
  for (const [name, f] of onDisk) {
    writeFileSync(join(dir, name), f.head);
    truncateSync(join(dir, name), f.size);
  }
});
afterAll(async () => {
  await hub.close();
  await registry.close();
});

const fails = (args: string[], env: Record<string, string>): Promise<string> => fitFails(args, env, TOKEN);

const SETTINGS = ["--ctx", "8192", "--device", "cpu", "--ram", "64", "--json"];
const Memory = z.object({ memory: z.record(z.string(), z.number()), quant: z.string(), source: z.object({ bytes_read: z.number(), from_cache: z.boolean(), files: z.array(z.object({ path: z.string(), bytes: z.number() })) }).optional() });
const memoryOf = (out: string): z.infer<typeof Memory> => Memory.parse(JSON.parse(out));

describe("model names that point somewhere", () => {
  it.each([
    ["hf:bartowski/Qwen3-8B-GGUF", { kind: "hf", repo: "bartowski/Qwen3-8B-GGUF", revision: "main" }],
    ["hf:bartowski/Qwen3-8B-GGUF:q4_k_m", { kind: "hf", repo: "bartowski/Qwen3-8B-GGUF", revision: "main", tag: "Q4_K_M" }],
    ["hf:unsloth/Qwen3-8B-GGUF:UD-Q4_K_XL", { kind: "hf", repo: "unsloth/Qwen3-8B-GGUF", revision: "main", tag: "UD-Q4_K_XL" }],
    ["hf:org/repo/sub/model-Q8_0.gguf#v2", { kind: "hf", repo: "org/repo", revision: "v2", file: "sub/model-Q8_0.gguf" }],
    ["hf.co/org/repo:Q6_K", { kind: "hf-registry", host: "hf.co", repo: "org/repo", tag: "Q6_K" }],
    ["huggingface.co/org/repo", { kind: "hf-registry", host: "huggingface.co", repo: "org/repo", tag: "latest" }],
    ["hf.co/org/repo:model-iq3_m.gguf", { kind: "hf-registry", host: "hf.co", repo: "org/repo", tag: "model-iq3_m.gguf" }],
    ["hf.co/org/repo/sub/m.gguf", { kind: "hf", repo: "org/repo", revision: "main", file: "sub/m.gguf" }],
    ["https://huggingface.co/org/repo", { kind: "hf", repo: "org/repo", revision: "main" }],
    ["ollama:qwen3", { kind: "ollama", namespace: "library", name: "qwen3", tag: "latest" }],
    ["qwen3:8b", { kind: "ollama", namespace: "library", name: "qwen3", tag: "8b" }],
    ["someone/model:q4", { kind: "ollama", namespace: "someone", name: "model", tag: "q4" }],
  ])("%s", (name, want) => {
    expect(parseRemoteRef(name, { bareTags: true })).toEqual(want);
  });
  it("leaves catalog ids, paths and plain URLs alone, and bare tags unless asked", () => {
    expect(parseRemoteRef("llama-3.1-8b", { bareTags: true })).toBeUndefined();
    expect(parseRemoteRef("./model.gguf", { bareTags: true })).toBeUndefined();
    expect(parseRemoteRef("https://huggingface.co/org/repo/resolve/main/m.gguf")).toBeUndefined();
    expect(parseRemoteRef("qwen3:8b")).toBeUndefined();
  });
  it("refuses malformed names in one line", () => {
    expect(() => parseRemoteRef("hf:onlyorg")).toThrow(/needs ORG\/REPO/);
    expect(() => parseRemoteRef("hf:org/repo/../../etc")).toThrow(/climbs out/);
  });
});

describe("fit hf:ORG/REPO (GGUF)", () => {
  it.each([
    ["Q4_K_M", "q4.gguf"],
    ["Q6_K", "q6.gguf"],
    ["Q8_0", "q8-00001-of-00002.gguf"],
  ])("%s gives the same bytes as the file on disk, reading only its header", async (quant, local) => {
    const env = freshEnv();
    const remote = memoryOf((await fit([`hf:test/Llama-3.2-1B-Instruct-GGUF:${quant}`, ...SETTINGS], env)).out);
    const disk = memoryOf((await fit([join(dir, local), ...SETTINGS], env)).out);
    expect(remote.memory).toEqual(disk.memory);
    expect(remote.quant).toBe(quant);
    const src = remote.source!;
    const shards = quant === "Q8_0" ? 2 : 1;
    expect(src.files).toHaveLength(shards);
    // header only: the GGUF reader's first 1 MiB window per file, and never more than 2 MB
    expect(src.bytes_read).toBeLessThanOrEqual(shards * 2_000_000 + 64 * 1024);
    expect(src.bytes_read).toBeLessThan(src.files.reduce((s, f) => s + f.bytes, 0) / 100);
  });
  it("lists every quant (shards gathered, projector left out), each sized like its own file", async () => {
    const env = freshEnv();
    const { out, code } = await fit(["hf:test/Llama-3.2-1B-Instruct-GGUF", ...SETTINGS], env);
    expect(code).toBe(0);
    const j = z.object({ quants: z.array(z.object({ quant: z.string(), total: z.number(), file_bytes: z.number(), verdict: z.string() })) }).parse(JSON.parse(out));
    expect(j.quants.map((q) => q.quant)).toEqual(["Q4_K_M", "Q6_K", "Q8_0"]);
    const q8total = memoryOf((await fit([join(dir, "q8-00001-of-00002.gguf"), ...SETTINGS], env)).out).memory["total"];
    expect(j.quants[2]!.total).toBe(q8total);
    expect(j.quants[2]!.file_bytes).toBe((q8[0] as VirtualFile).size + (q8[1] as VirtualFile).size);
    const text = (await fit(["hf:test/Llama-3.2-1B-Instruct-GGUF", "--ctx", "8192", "--device", "cpu", "--ram", "64"], env)).out;
    expect(text).toMatch(/source: hf:test\/Llama-3\.2-1B-Instruct-GGUF@0123456, 4 files/);
    expect(text).toMatch(/headers from cache/);
    expect(text.split("\n").filter((l) => /^\s+Q\d/.test(l))).toHaveLength(3);
  });
  it("pages through the tree listing and answers a second time from the cache", async () => {
    const env = freshEnv();
    const before = hub.log.length;
    await fit(["hf:test/Llama-3.2-1B-Instruct-GGUF:Q6_K", ...SETTINGS], env);
    const trees = hub.log.slice(before).filter((l) => l.url.includes("/tree/"));
    expect(trees.length).toBe(2); // 6 files, 3 per page
    const mid = hub.log.length;
    const again = memoryOf((await fit(["hf:test/Llama-3.2-1B-Instruct-GGUF:Q6_K", ...SETTINGS], env)).out);
    expect(hub.log.length).toBe(mid);
    expect(again.source!.from_cache).toBe(true);
    expect(again.source!.bytes_read).toBe(0);
  });
  it("names a file by path, and says which quants exist when the asked one does not", async () => {
    const env = freshEnv();
    const one = memoryOf((await fit(["hf:test/Llama-3.2-1B-Instruct-GGUF/Llama-3.2-1B-Instruct-Q6_K.gguf", ...SETTINGS], env)).out);
    expect(one.quant).toBe("Q6_K");
    expect(await fails(["hf:test/Llama-3.2-1B-Instruct-GGUF:Q2_K"], env)).toMatch(/has no Q2_K file \(it has Q4_K_M, Q6_K, Q8_0\)/);
  });
  it("sends the token to the Hub only, never to the CDN it redirects to, and never prints it", async () => {
    const env = freshEnv({ HF_TOKEN: TOKEN });
    const before = hub.log.length;
    const { out } = await fit(["hf:test/Gated-GGUF:Q4_K_M", ...SETTINGS], env);
    expect(out).not.toContain(TOKEN);
    const seen = hub.log.slice(before);
    expect(seen.some((l) => l.server === "cdn")).toBe(true);
    expect(seen.filter((l) => l.server === "cdn").every((l) => l.authorization === undefined)).toBe(true);
    expect(seen.filter((l) => l.server === "hub").every((l) => l.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });
  it("reads the huggingface-cli token file when HF_TOKEN is unset", async () => {
    const home = join(dir, "hf-home");
    mkdirSync(home, { recursive: true });
    writeFileSync(join(home, "token"), `${TOKEN}\n`);
    const { code } = await fit(["hf:test/Gated-GGUF:Q4_K_M", ...SETTINGS], freshEnv({ HF_HOME: home }));
    expect(code).toBe(0);
  });
  it("says a gated repo needs its licence accepted and HF_TOKEN (401 without a token, 403 with one that lacks access)", async () => {
    expect(await fails(["hf:test/Gated-GGUF:Q4_K_M"], freshEnv())).toMatch(/is gated \(HTTP 401\).*accept its licence at http:\/\/127\.0\.0\.1:\d+\/test\/Gated-GGUF, then set HF_TOKEN/);
    expect(await fails(["hf:test/Gated-GGUF:Q4_K_M"], freshEnv({ HF_TOKEN: "hf_wrong" }))).toMatch(/is gated \(HTTP 403\): your token has no access yet/);
  });
  it("turns a missing repo, a missing revision and a repo with nothing to size into one line each", async () => {
    expect(await fails(["hf:test/No-Such-Repo"], freshEnv())).toMatch(/was not found or is private \(HTTP 401\) — check the name; for a private repo set HF_TOKEN/);
    expect(await fails(["hf:test/No-Such-Repo"], freshEnv({ HF_TOKEN: TOKEN }))).toMatch(/was not found or is private \(HTTP 401\) — check the name, and that your token/);
    expect(await fails(["hf:test/Llama-3.2-1B-Instruct-GGUF/x.gguf#v9"], freshEnv())).toMatch(/has no that revision|no that revision/);
    expect(await fails(["hf:test/Empty"], freshEnv())).toMatch(/has no GGUF files and no config\.json with safetensors weights/);
  });
  it("passes on a 429's Retry-After", async () => {
    hub.faults.rateLimit = "30";
    try {
      expect(await fails(["hf:test/Llama-3.2-1B-Instruct-GGUF:Q4_K_M"], freshEnv())).toMatch(/rate-limiting requests \(HTTP 429\) — try again in 30 s, or set HF_TOKEN/);
    } finally {
      delete hub.faults.rateLimit;
    }
  });
  it("refuses a server that ignores Range instead of downloading the file", async () => {
    hub.faults.noRange = true;
    try {
      const before = hub.log.length;
      expect(await fails(["hf:test/Llama-3.2-1B-Instruct-GGUF:Q4_K_M"], freshEnv())).toMatch(/does not answer range requests.*refused/);
      // the whole-file answer was dropped at its head: a few socket buffers at most, not the 800 MB file
      const sent = hub.log.slice(before).filter((l) => l.server === "cdn").reduce((s, l) => s + l.bytes, 0);
      expect(sent).toBeLessThan(q4.size / 10);
    } finally {
      delete hub.faults.noRange;
    }
  });
  it("says so when the body is cut mid-response", async () => {
    hub.faults.cutAfter = 1000;
    try {
      expect(await fails(["hf:test/Llama-3.2-1B-Instruct-GGUF:Q4_K_M"], freshEnv())).toMatch(/closed the connection mid-response/);
    } finally {
      delete hub.faults.cutAfter;
    }
  });
  it("gives up on a server that does not answer, in one line", async () => {
    hub.faults.stallMs = 2000;
    try {
      const ref = parseRemoteRef("hf:test/Llama-3.2-1B-Instruct-GGUF:Q4_K_M")!;
      await expect(loadRemoteModel(ref, { env: freshEnv(), timeoutMs: 200, cacheDir: false })).rejects.toThrow(/did not answer within 0 s|did not answer/);
    } finally {
      delete hub.faults.stallMs;
    }
  });
  it("prints progress on stderr once a read has taken over a second", async () => {
    let t = 0;
    const now = (): number => (t += 400);
    const lines: string[] = [];
    const io = { stdout: () => {}, stderr: (s: string) => void lines.push(s), isTty: false, env: freshEnv() };
    await readRemote(parseRemoteRef("hf:test/Llama-3.2-1B-Instruct-GGUF:Q4_K_M")!, io, {}, now);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]).toMatch(/^llmfit: reading hf:test\/Llama-3\.2-1B-Instruct-GGUF .* MiB\n$/);
  });
});

describe("fit hf:ORG/REPO (safetensors)", () => {
  it("reads config.json and every shard's header for exact counts, and sizes each quant llama.cpp would make", async () => {
    const env = freshEnv();
    const { out } = await fit(["hf:test/Llama-3.2-3B", ...SETTINGS], env);
    const j = z
      .object({
        arch: z.string(),
        safetensors: z.object({ params: z.number(), converted_params: z.number(), dtype: z.string(), tensors: z.object({ source: z.string(), count: z.number(), dropped: z.record(z.string(), z.number()), unknown: z.array(z.string()), differences: z.array(z.string()) }) }),
        quants: z.array(z.object({ quant: z.string(), total: z.number() })),
      })
      .parse(JSON.parse(out));
    expect(j.arch).toBe("llama");
    // sized from the headers' own tensors, as the converter names them; llmfit's list agrees
    expect(j.safetensors.tensors).toEqual({ source: "checkpoint", unknown: [], differences: [], count: 1 + 9 * LLAMA_3B_CONFIG.num_hidden_layers + 2, dropped: {} });
    expect(j.safetensors.params).toBe(elementsOf(llamaSafetensorsTensors()));
    expect(j.safetensors.dtype).toBe("BF16");
    // the converter adds Llama 3's rope_freqs (head_dim / 2 floats) and nothing else
    expect(j.safetensors.converted_params - j.safetensors.params).toBe(LLAMA_3B_CONFIG.head_dim / 2);
    expect(j.quants.map((q) => q.quant)).toEqual(["F16", "Q8_0", "Q6_K", "Q5_K_M", "Q4_K_M", "IQ4_XS", "Q3_K_M", "Q2_K"]);
    const totals = j.quants.map((q) => q.total);
    expect([...totals].sort((a, b) => b - a)).toEqual(totals);
  });
  it("sizes one quant the same as the catalog's Llama 3.2 3B at that quant", async () => {
    const env = freshEnv();
    const remote = memoryOf((await fit(["hf:test/Llama-3.2-3B:Q4_K_M", ...SETTINGS], env)).out);
    const catalog = memoryOf((await fit(["llama-3.2-3b", "--quant", "Q4_K_M", ...SETTINGS], env)).out);
    expect(remote.memory).toEqual(catalog.memory);
    // two safetensors headers (8 bytes + JSON each), config.json and the index: a few tens of KB
    expect(remote.source!.bytes_read).toBeLessThan(256 * 1024);
  });
  it("gives the same bytes for the repo as for the same files in a local directory", async () => {
    const local = join(dir, "Llama-3.2-3B");
    mkdirSync(local, { recursive: true });
    for (const [name, f] of Object.entries(llamaTransformersRepo())) {
      writeFileSync(join(local, name), f.head);
      truncateSync(join(local, name), f.size);
    }
    const env = freshEnv();
    const remote = memoryOf((await fit(["hf:test/Llama-3.2-3B", "--quant", "Q5_K_M", ...SETTINGS], env)).out);
    const disk = memoryOf((await fit([local, "--quant", "Q5_K_M", ...SETTINGS], env)).out);
    expect(remote.memory).toEqual(disk.memory);
    const table = (await fit([local, "--ctx", "8192", "--device", "cpu", "--ram", "64"], env)).out;
    expect(table).toMatch(/source: local directory, 2 files, 6.43 GB — headers read from disk/);
    expect(table).toMatch(/safetensors: 3,212,749,824 parameters, mostly BF16/);
  });
  it("plans fine-tuning from the same headers (llmfit train hf:…)", async () => {
    const run = async (model: string): Promise<unknown> => {
      let out = "";
      await trainCommand.run([model, "--method", "qlora", "--gpu", "T4", "--json"], { stdout: (t) => (out += t), stderr: () => {}, isTty: false, env: freshEnv() });
      return (JSON.parse(out) as { machines: { memory: unknown }[] }).machines[0]!.memory;
    };
    const remote = await run("hf:test/Llama-3.2-3B");
    expect(remote).toMatchObject({ weights: expect.any(Number), total: expect.any(Number) });
    // the GGUF repo's shape plans the same as its file on disk
    expect(await run("hf:test/Llama-3.2-1B-Instruct-GGUF:Q4_K_M")).toEqual(await run(join(dir, "q4.gguf")));
  });
  it("says in one line when the architecture is not one it can convert", async () => {
    expect(await fails(["hf:test/Odd-Arch"], freshEnv())).toMatch(/cannot convert model_type "frobnicator"/);
  });
});

describe("fit TAG (Ollama registry)", () => {
  it("reads the manifest and the model blob's header: the same bytes as the file on disk", async () => {
    const env = freshEnv();
    const before = registry.log.length;
    const remote = memoryOf((await fit(["llama3.2:1b", "--registry", registry.url, ...SETTINGS], env)).out);
    const disk = memoryOf((await fit([join(dir, "q4.gguf"), ...SETTINGS], env)).out);
    expect(remote.memory).toEqual(disk.memory);
    expect(remote.quant).toBe("Q4_K_M");
    const seen = registry.log.slice(before);
    expect(seen.map((l) => l.server)).toEqual(["registry", "registry", "cdn"]);
    expect(seen[2]!.range).toMatch(/^bytes=0-/);
    expect(remote.source!.bytes_read).toBeLessThanOrEqual(2_000_000 + 64 * 1024);
  });
  it("reads a tag Ollama has already pulled from its own store, with no request at all", async () => {
    const store = join(dir, "ollama-store");
    const digest = registry.digestOf("library/llama3.2:1b");
    const host = new URL(registry.url).host;
    mkdirSync(join(store, "manifests", host, "library", "llama3.2"), { recursive: true });
    mkdirSync(join(store, "blobs"), { recursive: true });
    writeFileSync(join(store, "manifests", host, "library", "llama3.2", "1b"), JSON.stringify({ schemaVersion: 2, layers: [{ mediaType: "application/vnd.ollama.image.model", digest, size: q4.size }] }));
    // Sparse, at the full size: the header reader checks the declared tensors against the file.
    const blob = join(store, "blobs", digest.replace(":", "-"));
    writeFileSync(blob, q4.head);
    truncateSync(blob, q4.size);
    const before = registry.log.length;
    const { out } = await fit(["llama3.2:1b", "--registry", registry.url, ...SETTINGS], freshEnv({ OLLAMA_MODELS: store }));
    expect(registry.log.length).toBe(before);
    expect(memoryOf(out).source!.bytes_read).toBe(0);
  });
  it("turns an unknown tag, a manifest without a GGUF layer and a 429 into one line each", async () => {
    expect(await fails(["llama3.2:99b", "--registry", registry.url], freshEnv())).toMatch(/has no model llama3\.2:99b \(HTTP 404\) — check the tag on https:\/\/ollama\.com\/library\/llama3\.2\/tags/);
    expect(await fails(["imported:latest", "--registry", registry.url], freshEnv())).toMatch(/no GGUF model layer/);
    registry.faults.rateLimit = "12";
    try {
      expect(await fails(["llama3.2:1b", "--registry", registry.url], freshEnv())).toMatch(/rate-limiting.*try again in 12 s/);
    } finally {
      delete registry.faults.rateLimit;
    }
  });
  it("falls back to the catalog when the registry is out of reach and the catalog knows the tag", async () => {
    const { out, err } = await fit(["llama3.2:1b", "--registry", "http://127.0.0.1:9", ...SETTINGS], freshEnv());
    expect(err).toMatch(/cannot reach 127\.0\.0\.1:9.*sizing the catalog's/);
    expect(memoryOf(out).quant).toBe("Q4_K_M");
  });
  it("gives a registry that never answers a short deadline when the catalog knows the tag, and falls back", async () => {
    const silent = createServer(() => undefined); // takes the request, never answers
    const sockets = new Set<import("node:net").Socket>();
    silent.on("connection", (s) => (sockets.add(s), s.on("close", () => sockets.delete(s))));
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(silent.address() as import("node:net").AddressInfo).port}`;
    try {
      const { out, err } = await fit(["llama3.2:1b", "--registry", url, "--no-cache", ...SETTINGS], freshEnv());
      expect(err).toMatch(new RegExp(`did not answer within ${CATALOG_FALLBACK_TIMEOUT_MS / 1000} s.*sizing the catalog's llama-3\\.2-1b`));
      expect(memoryOf(out).quant).toBe("Q4_K_M");
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });
});

describe(":LlmFit fit in the editor", () => {
  it("reads an Ollama tag from runtimes.ollama.registry", async () => {
    // the editor's fit runs with the host's environment: keep its cache and Ollama store in the test's dir
    const saved = { XDG_CACHE_HOME: process.env["XDG_CACHE_HOME"], OLLAMA_MODELS: process.env["OLLAMA_MODELS"] };
    process.env["XDG_CACHE_HOME"] = join(dir, "editor-cache");
    process.env["OLLAMA_MODELS"] = join(dir, "no-ollama-store");
    try {
      const session = new Session(createLogger(undefined));
      session.configure(parseConfig({ runtimes: { ollama: { registry: registry.url } } }).config);
      const before = registry.log.length;
      const env = await dispatch("command", { name: "fit", args: ["llama3.2:1b", "--ctx", "8192", "--device", "cpu", "--ram", "64"], width: 120, height: 40 }, session);
      expect(env.ok ? "ok" : JSON.stringify(env)).toBe("ok");
      if (!env.ok) return;
      const lines = (env.value as { lines: string[] }).lines;
      expect(lines.join("\n")).toMatch(/source: 127\.0\.0\.1:\d+ sha256:/);
      expect(registry.log.length).toBeGreaterThan(before);
      // notes (and progress) on fit's stderr become notifications in the editor
      const calls: unknown[][] = [];
      const noted = new Session(createLogger(undefined), {}, { call: (module, fn, args) => void calls.push([module, fn, ...args]) });
      noted.configure(parseConfig({ runtimes: { ollama: { registry: "http://127.0.0.1:9" } } }).config);
      const fallback = await dispatch("command", { name: "fit", args: ["llama3.2:1b", "--ctx", "8192"], width: 120, height: 40 }, noted);
      expect(fallback.ok).toBe(true);
      expect(calls).toEqual([["llmfit.util", "notify", expect.stringMatching(/^llama3\.2:1b: cannot reach 127\.0\.0\.1:9 .*sizing the catalog's/)]]);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});

describe("the report's Get it", () => {
  it("names the quant judged here, the key that reads its exact file and the command that sizes it, fetching nothing", () => {
    const hw = simulateHardware("RTX 4090");
    const rec = advise(CATALOG, hw, createAdvisor(createSizer()));
    const row = rec.rows.find((r) => r.entry.gguf.length > 0)!;
    const { lines } = renderReport({ version: "1", hardware: hw, models: { rec, view: DEFAULT_VIEW }, screen: { kind: "detail", id: row.entry.id } }, { width: 160 });
    const at = lines.findIndex((l) => l.includes("the exact file"));
    expect(lines[at]).toMatch(new RegExp(`${row.quant} is about .* the exact file: x reads the Hub listing$`));
    expect(lines[at + 1]).toContain(`(its header too: :LlmFit fit hf:${row.entry.gguf[0]}:${row.quant})`);
  });

  it("gives the exact file size once the repo's listing is in the cache, still fetching nothing to paint it", async () => {
    const env = freshEnv();
    const repo = "test/Llama-3.2-1B-Instruct-GGUF";
    expect(await knownQuantFile(repo, "Q8_0", env)).toBeUndefined(); // never listed
    await fit([`hf:${repo}:Q4_K_M`, ...SETTINGS], env); // what the detail's hint runs
    const before = hub.log.length;
    const q8file = await knownQuantFile(repo, "Q8_0", env);
    expect(hub.log.length).toBe(before);
    expect(q8file).toMatchObject({ quant: "Q8_0", path: "Q8_0/Llama-3.2-1B-Instruct-Q8_0-00001-of-00002.gguf", files: 2, bytes: q8[0]!.size + q8[1]!.size });
    const hw = simulateHardware("RTX 4090");
    const rec = advise(CATALOG, hw, createAdvisor(createSizer()));
    const row = rec.rows.find((r) => r.entry.gguf.length > 0)!;
    const file = { ...q8file!, quant: row.quant };
    const { lines } = renderReport({ version: "1", hardware: hw, models: { rec, view: DEFAULT_VIEW }, screen: { kind: "detail", id: row.entry.id }, detailFile: file }, { width: 160 });
    expect(lines.find((l) => l.includes(`${row.quant} file: `))).toContain(`${(file.bytes / 1e9).toFixed(2)} GB in 2 files  Q8_0/Llama-3.2-1B-Instruct-Q8_0-00001-of-00002.gguf (from the Hub listing read earlier)`);
    expect(lines.some((l) => l.includes("the exact file"))).toBe(false);
  });
});

describe("the byte cache", () => {
  const seg = (start: number, ...bytes: number[]) => ({ start, bytes: Uint8Array.from(bytes) });
  it("merges touching and overlapping ranges and keeps gaps", () => {
    const merged = mergeSegment([seg(0, 1, 2, 3), seg(10, 9)], seg(3, 4, 5));
    expect(merged.map((x) => [x.start, [...x.bytes]])).toEqual([[0, [1, 2, 3, 4, 5]], [10, [9]]]);
    expect(mergeSegment(merged, seg(4, 7, 7, 7)).map((x) => [x.start, [...x.bytes]])).toEqual([[0, [1, 2, 3, 4, 5, 7, 7]], [10, [9]]]);
  });
  it("reads back what it stored, and a damaged index as a miss", async () => {
    const c = diskCache(join(dir, "byte-cache"));
    await c.putRanges("k", { segments: [seg(0, 1, 2), seg(100, 3)], total: 500 });
    const back = await c.getRanges("k");
    expect(back?.total).toBe(500);
    expect(back?.segments.map((x) => [x.start, [...x.bytes]])).toEqual([[0, [1, 2]], [100, [3]]]);
    expect(await c.getRanges("other")).toBeUndefined();
  });
});

describe("reads are bounded", () => {
  it("a small GGUF header over the Hub costs at most 2 MiB per file", async () => {
    const env = freshEnv();
    const m = await loadRemoteModel(parseRemoteRef("hf:test/Llama-3.2-1B-Instruct-GGUF:Q8_0")!, { env, cacheDir: false });
    expect(m.source.bytesRead / MIB).toBeLessThanOrEqual(2 * 2);
  });
});
