// The model the picker offers to download when nothing can answer: the advice's best small chat
// model (one truth), as one GGUF file of its Hub repo with the listing's size and sha256 —
// against a loopback Hub.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advise, createAdvisor, DEFAULT_VIEW } from "../../src/advice/advise.js";
import { CATALOG } from "../../src/models/catalog.js";
import { defaultCandidates, DownloadOfferSchema, offerFor, offerLabel } from "../../src/prompt/default-model.js";
import { startFakeHub, type FakeHub, type HubRepo, type VirtualFile } from "../support/fake-hub.js";
import { closedPort } from "../support/fake-servers.js";
import { desktopWithRtx3070 } from "../support/hardware.js";
import { tinyGguf } from "../support/tiny-gguf.js";

const advisor = createAdvisor();
const view = { ...DEFAULT_VIEW, use: "chat" as const, ctx: 4096 };
const cpuOnly = { ...desktopWithRtx3070(), gpus: [], backend: "cpu" as const };
const tiny = tinyGguf();
const whole = (b: Buffer): VirtualFile => ({ head: b, size: b.length });

describe("the default model", () => {
  it("is the advice's best-scoring small chat model with a GGUF repo (≤ ~4B on a CPU machine)", () => {
    const recs = advise(CATALOG, cpuOnly, advisor, { view });
    const picks = defaultCandidates(recs);
    expect(picks.length).toBeGreaterThan(0);
    for (const r of picks) {
      expect(r.entry.capabilities).toContain("chat");
      expect(r.entry.gguf.length).toBeGreaterThan(0);
      expect(r.entry.params.total).toBeLessThanOrEqual(4.5e9);
      expect(r.usable).toBe(true);
    }
    const eligible = recs.rows.filter((r) => r.entry.capabilities.includes("chat") && !r.entry.capabilities.includes("reasoning") && r.entry.gguf.length > 0 && r.usable && r.verdict === "cpu" && r.entry.params.total <= 4.5e9);
    expect(picks[0]!.score).toBe(Math.max(...eligible.map((r) => r.score)));
  });

  it("may be bigger with a GPU, never past ~9B", () => {
    const picks = defaultCandidates(advise(CATALOG, desktopWithRtx3070(), advisor, { view }));
    expect(picks.length).toBeGreaterThan(0);
    for (const r of picks) expect(r.entry.params.total).toBeLessThanOrEqual(9e9);
    // a model that thinks aloud (the R1 distills, Qwen3's thinking mode) is never offered before one that answers
    const firstThinker = picks.findIndex((r) => r.entry.capabilities.includes("reasoning"));
    expect(picks[0]!.entry.capabilities).not.toContain("reasoning");
    if (firstThinker >= 0) expect(picks.slice(firstThinker).every((r) => r.entry.capabilities.includes("reasoning"))).toBe(true);
  });
});

describe("the offer from the Hub listing", () => {
  let hub: FakeHub;
  const recs = advise(CATALOG, cpuOnly, advisor, { view });
  const [first, second] = defaultCandidates(recs);
  beforeAll(async () => {
    const repos: Record<string, HubRepo> = {};
    // the first pick's repos are gated (skipped); the second's first repo lists Q4_K_M whole and a
    // split Q8_0 (the sized quant may be Q8_0: a split set is not one download, so Q4_K_M is offered);
    // its other repos are not on this Hub at all (a 401/404 is skipped, not an error)
    repos[first!.entry.gguf[0]!] = { sha: "a".repeat(40), gated: true, files: { "m-Q4_K_M.gguf": whole(tiny) } };
    for (const repo of first!.entry.gguf.slice(1)) repos[repo] = { sha: "c".repeat(40), gated: true, files: { "m-Q4_K_M.gguf": whole(tiny) } };
    repos[second!.entry.gguf[0]!] = {
      sha: "b".repeat(40),
      files: { "README.md": { head: Buffer.from("hi"), size: 2 }, "x-Q4_K_M.gguf": whole(tiny), "x-Q8_0-00001-of-00002.gguf": whole(tiny), "x-Q8_0-00002-of-00002.gguf": whole(tiny) },
    };
    hub = await startFakeHub(repos);
  });
  afterAll(async () => hub?.close());

  it("names the file, its exact size and its sha256, at the listed commit", async () => {
    const offer = await offerFor([first!, second!], { env: { HF_ENDPOINT: hub.url } });
    expect(offer).toEqual({
      name: second!.entry.name,
      repo: second!.entry.gguf[0],
      revision: "b".repeat(40),
      file: "x-Q4_K_M.gguf",
      quant: "Q4_K_M",
      bytes: tiny.length,
      sha256: createHash("sha256").update(tiny).digest("hex"),
    });
    expect(DownloadOfferSchema.parse(offer)).toEqual(offer);
    expect(offerLabel(offer!)).toBe(`download ${second!.entry.name} Q4_K_M (0.5 MiB) from Hugging Face and run it in-process`);
  });

  it("no Hub: one line with the offline fix", async () => {
    const port = await closedPort();
    await expect(offerFor([second!], { env: { HF_ENDPOINT: `http://127.0.0.1:${port}` } })).rejects.toThrow(
      new RegExp(`^could not reach 127\\.0\\.0\\.1:${port}$`),
    );
    const err = await offerFor([second!], { env: { HF_ENDPOINT: `http://127.0.0.1:${port}` } }).catch((e: { oneLine(): string }) => e.oneLine());
    expect(err).toBe(`could not reach 127.0.0.1:${port} — set prompt.embedded_model to a GGUF file, or start Ollama`);
  });
});
