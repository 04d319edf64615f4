// hf.co/ORG/REPO[:TAG] read the way `ollama pull` reads it: the Hub's Ollama-style registry
// (manifest → model layer → blob, redirected to the CDN, read by range) from a loopback Hub, sized
// exactly like the same file on disk. The tag's case, no tag ("latest"), a file name as tag, the
// cache keyed by the blob digest, the token rule, and the failure modes.
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { fitCommand } from "../../src/cli/fit.js";
import { LlmFitError } from "../../src/errors.js";
import { fit, fitFails } from "../support/fit-cli.js";
import { oidOf, startFakeHub, type FakeHub, type VirtualFile } from "../support/fake-hub.js";
import { llamaGguf, llamaGgufRepo, sourcesEnvs } from "../support/model-repos.js";

const SHA = "89abcdef0123456789abcdef0123456789abcdef";
const TOKEN = "hf_registry_test_secret";
const REPO = "test/Llama-3.2-1B-Instruct-GGUF";

const { files, q4, q6, q8 } = llamaGgufRepo();

let hub: FakeHub;
const dir = mkdtempSync(join(tmpdir(), "llmfit-hf-registry-"));
const freshEnv = sourcesEnvs(dir, () => hub.url);

beforeAll(async () => {
  hub = await startFakeHub(
    {
      [REPO]: { sha: SHA, files },
      "test/Only-Q6": { sha: SHA, files: { "only-Q6_K.gguf": q6 } },
      "test/Gated-GGUF": { sha: SHA, files: { "gated-Q4_K_M.gguf": q4 }, gated: true },
    },
    { token: TOKEN },
  );
  for (const [name, f] of [["q4.gguf", q4], ["q6.gguf", q6]] as const) {
    writeFileSync(join(dir, name), f.head);
    truncateSync(join(dir, name), f.size);
  }
});
afterAll(async () => {
  await hub.close();
});

const fails = (args: string[], env: Record<string, string>): Promise<string> => fitFails(args, env, TOKEN);

const SETTINGS = ["--ctx", "8192", "--device", "cpu", "--ram", "64", "--json"];
const Memory = z.object({
  memory: z.record(z.string(), z.number()),
  quant: z.string(),
  source: z.object({ ref: z.string(), where: z.string(), bytes_read: z.number(), requests: z.number(), from_cache: z.boolean(), files: z.array(z.object({ path: z.string(), bytes: z.number() })) }),
});
const memoryOf = (out: string): z.infer<typeof Memory> => Memory.parse(JSON.parse(out));
const diskMemory = async (name: string): Promise<Record<string, number>> =>
  z.object({ memory: z.record(z.string(), z.number()) }).parse(JSON.parse((await fit([join(dir, name), ...SETTINGS], freshEnv())).out)).memory;

describe("fit hf.co/ORG/REPO:TAG (the Hub's Ollama registry)", () => {
  it("reads the manifest and the model blob's header only: the same bytes as the file on disk", async () => {
    const before = hub.log.length;
    const m = memoryOf((await fit([`hf.co/${REPO}:Q6_K`, ...SETTINGS], freshEnv())).out);
    expect(m.memory).toEqual(await diskMemory("q6.gguf"));
    expect(m.quant).toBe("Q6_K");
    // exactly the file Ollama would pull: the layer's digest is the file's LFS sha256
    expect(m.source.files).toEqual([{ path: `sha256:${oidOf(q6)}`, bytes: q6.size }]);
    expect(m.source.where).toMatch(new RegExp(`^127\\.0\\.0\\.1:\\d+ registry sha256:${oidOf(q6).slice(0, 12)}$`));
    const seen = hub.log.slice(before);
    expect(seen.map((l) => `${l.server} ${l.url.replace(/sha256:[0-9a-f]+|\/blobs\/[0-9a-f]+/, "<digest>")}`)).toEqual([
      `hub /v2/${REPO}/manifests/Q6_K`,
      `hub /v2/${REPO}/blobs/<digest>`,
      "cdn <digest>",
    ]);
    expect(seen[0]!.accept).toBe("application/vnd.docker.distribution.manifest.v2+json");
    expect(seen[1]!.range).toMatch(/^bytes=0-\d+$/);
    expect(seen.some((l) => l.url.startsWith("/api/"))).toBe(false); // no listing: the registry names the file
    expect(m.source.bytes_read).toBeLessThanOrEqual(2_000_000 + 64 * 1024);
    expect(m.source.bytes_read).toBeLessThan(q6.size / 100);
  });

  it("takes the quant in any case, and a file name as the tag, as the Hub does", async () => {
    const disk = await diskMemory("q4.gguf");
    for (const tag of ["q4_k_m", "Q4_k_M", "Llama-3.2-1B-Instruct-Q4_K_M.gguf"]) {
      const m = memoryOf((await fit([`hf.co/${REPO}:${tag}`, ...SETTINGS], freshEnv())).out);
      expect(m.memory).toEqual(disk);
      expect(m.quant).toBe("Q4_K_M");
      expect(m.source.ref).toBe(`hf.co/${REPO}:${tag}`);
    }
  });

  it("with no tag asks for latest: Q4_K_M when the repo has it, else the file the Hub picks", async () => {
    const before = hub.log.length;
    const m = memoryOf((await fit([`huggingface.co/${REPO}`, ...SETTINGS], freshEnv())).out);
    expect(hub.log[before]!.url).toBe(`/v2/${REPO}/manifests/latest`);
    expect(m.quant).toBe("Q4_K_M");
    expect(m.memory).toEqual(await diskMemory("q4.gguf"));
    const only = memoryOf((await fit(["hf.co/test/Only-Q6", ...SETTINGS], freshEnv())).out);
    expect(only.quant).toBe("Q6_K");
    expect(only.memory).toEqual(await diskMemory("q6.gguf"));
    // --quant names the tag when the name has none
    expect(memoryOf((await fit([`hf.co/${REPO}`, "--quant", "Q6_K", ...SETTINGS], freshEnv())).out).quant).toBe("Q6_K");
  });

  it("answers again from the cache, and shares header bytes with hf: reads of the same file (keyed by digest)", async () => {
    const env = freshEnv();
    await fit([`hf.co/${REPO}:Q4_K_M`, ...SETTINGS], env);
    const mid = hub.log.length;
    const again = memoryOf((await fit([`hf.co/${REPO}:q4_k_m`, ...SETTINGS], env)).out);
    expect(hub.log.length).toBe(mid);
    expect(again.source).toMatchObject({ from_cache: true, bytes_read: 0, requests: 0 });
    const text = (await fit([`hf.co/${REPO}:Q4_K_M`, "--ctx", "8192", "--device", "cpu", "--ram", "64"], env)).out;
    expect(text).toMatch(/source: 127\.0\.0\.1:\d+ registry sha256:[0-9a-f]{12}, 1 file, .* — headers from cache/);

    const shared = freshEnv();
    await fit([`hf:${REPO}:Q4_K_M`, ...SETTINGS], shared);
    const before = hub.log.length;
    const viaRegistry = memoryOf((await fit([`hf.co/${REPO}:Q4_K_M`, ...SETTINGS], shared)).out);
    // only the manifest went over the network: the blob's header came from the hf: read's cache
    expect(hub.log.slice(before).map((l) => l.url)).toEqual([`/v2/${REPO}/manifests/Q4_K_M`]);
    expect(viaRegistry.source.from_cache).toBe(false);
    expect(viaRegistry.memory).toEqual(await diskMemory("q4.gguf"));
  });

  it("sends HF_TOKEN to the Hub only, never to the CDN, and never prints it", async () => {
    const before = hub.log.length;
    const { out, err } = await fit(["hf.co/test/Gated-GGUF:Q4_K_M", ...SETTINGS], freshEnv({ HF_TOKEN: TOKEN }));
    expect(memoryOf(out).memory).toEqual(await diskMemory("q4.gguf"));
    expect(out + err).not.toContain(TOKEN);
    const seen = hub.log.slice(before).filter((l) => l.url.startsWith("/v2/") || l.server === "cdn");
    expect(seen.filter((l) => l.server === "hub")).toHaveLength(2);
    expect(seen.filter((l) => l.server === "hub").every((l) => l.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(seen.filter((l) => l.server === "cdn").length).toBeGreaterThan(0);
    expect(seen.filter((l) => l.server === "cdn").every((l) => l.authorization === undefined)).toBe(true);
  });

  it("says a gated repo needs its licence and a token (401 without, 403 with one that lacks access)", async () => {
    expect(await fails(["hf.co/test/Gated-GGUF:Q4_K_M"], freshEnv())).toMatch(/hf\.co\/test\/Gated-GGUF:Q4_K_M is gated \(HTTP 401\) — accept its licence at http:\/\/127\.0\.0\.1:\d+\/test\/Gated-GGUF, then set HF_TOKEN/);
    expect(await fails(["hf.co/test/Gated-GGUF:Q4_K_M"], freshEnv({ HF_TOKEN: "hf_wrong" }))).toMatch(/is gated \(HTTP 403\): your token has no access yet/);
  });

  it("an unknown quant: the Hub's reason and the quants the repo has, or where to look when the listing is out of reach", async () => {
    expect(await fails([`hf.co/${REPO}:Q2_K`], freshEnv())).toMatch(
      /hf\.co\/test\/Llama-3\.2-1B-Instruct-GGUF:Q2_K: the Hub has no GGUF for the tag "Q2_K" \(HTTP 400: The specified tag is not a valid quantization scheme\. .*\); the repo has Q4_K_M, Q6_K, Q8_0 — pick one: hf\.co\/test\/Llama-3\.2-1B-Instruct-GGUF:Q4_K_M/,
    );
    hub.faults.apiDown = true;
    try {
      expect(await fails([`hf.co/${REPO}:Q2_K`], freshEnv())).toMatch(/has no GGUF for the tag "Q2_K" \(HTTP 400: .*\) — check the repo's files at http:\/\/127\.0\.0\.1:\d+\/test\/Llama-3\.2-1B-Instruct-GGUF$/);
    } finally {
      delete hub.faults.apiDown;
    }
  });

  it("passes on the Hub's refusal of a split GGUF, and says a missing repo is missing", async () => {
    expect(await fails([`hf.co/${REPO}:Q8_0`], freshEnv())).toMatch(/no GGUF for the tag "Q8_0" \(HTTP 400: The specified tag is a sharded GGUF\..*\); the repo has Q4_K_M, Q6_K, Q8_0/);
    expect(await fails(["hf.co/test/No-Such-Repo:Q4_K_M"], freshEnv())).toMatch(/hf\.co\/test\/No-Such-Repo:Q4_K_M was not found or is private \(HTTP 401\)/);
  });

  it("passes on a 429's Retry-After, and refuses a CDN that ignores Range", async () => {
    hub.faults.rateLimit = "45";
    try {
      expect(await fails([`hf.co/${REPO}:Q4_K_M`], freshEnv())).toMatch(/rate-limiting requests \(HTTP 429\) — try again in 45 s, or set HF_TOKEN/);
    } finally {
      delete hub.faults.rateLimit;
    }
    hub.faults.noRange = true;
    try {
      const before = hub.log.length;
      expect(await fails([`hf.co/${REPO}:Q4_K_M`], freshEnv())).toMatch(/does not answer range requests.*refused/);
      expect(hub.log.slice(before).filter((l) => l.server === "cdn").reduce((s, l) => s + l.bytes, 0)).toBeLessThan(q4.size / 10);
    } finally {
      delete hub.faults.noRange;
    }
  });

  it("reads a tag Ollama already pulled from its store, under the host as typed, with no request", async () => {
    const store = join(dir, "ollama-store");
    const host = new URL(hub.url).host;
    const digest = `sha256:${oidOf(q6)}`;
    mkdirSync(join(store, "manifests", host, "test", "Only-Q6"), { recursive: true });
    mkdirSync(join(store, "blobs"), { recursive: true });
    writeFileSync(join(store, "manifests", host, "test", "Only-Q6", "latest"), JSON.stringify({ schemaVersion: 2, layers: [{ mediaType: "application/vnd.ollama.image.model", digest, size: q6.size }] }));
    const blob = join(store, "blobs", digest.replace(":", "-"));
    writeFileSync(blob, q6.head);
    truncateSync(blob, q6.size);
    const before = hub.log.length;
    const m = memoryOf((await fit(["hf.co/test/Only-Q6", ...SETTINGS], freshEnv({ OLLAMA_MODELS: store }))).out);
    expect(hub.log.length).toBe(before);
    expect(m.source.where).toMatch(/^local Ollama store sha256:/);
    expect(m.memory).toEqual(await diskMemory("q6.gguf"));
  });
});
