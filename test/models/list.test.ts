// `llmfit list` and the pure filter behind it.
import { describe, expect, it } from "vitest";
import { catalogTable, formatParams, listCommand } from "../../src/cli/list.js";
import { COMMANDS } from "../../src/cli/commands.js";
import { CATALOG, filterCatalog } from "../../src/models/catalog.js";
import { LlmFitError } from "../../src/errors.js";

async function run(argv: string[]) {
  let out = "";
  let err = "";
  const code = await listCommand.run(argv, { stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTty: false, env: {} });
  return { code, out, err };
}

describe("filterCatalog", () => {
  it("matches a family and its sub-families", () => {
    const ids = filterCatalog(CATALOG, { family: "llama" }).map((e) => e.family);
    expect(new Set(ids)).toEqual(new Set(["llama-1", "llama-2", "llama-3", "llama-3.1", "llama-3.2", "llama-3.3", "llama-4"]));
    expect(filterCatalog(CATALOG, { family: "qwen3" }).some((e) => e.family === "qwen3-coder")).toBe(true);
  });

  it("a family without its generation names every generation, and never a longer word", () => {
    const families = new Set(filterCatalog(CATALOG, { family: "qwen" }).map((e) => e.family));
    expect([...families]).toEqual(expect.arrayContaining(["qwen2", "qwen2.5", "qwen2.5-coder", "qwen3", "qwen3-coder"]));
    expect(filterCatalog(CATALOG, { family: "gemma" }).map((e) => e.family).every((f) => /^gemma[\d.-]/.test(f) || f === "gemma")).toBe(true);
  });

  it("combines kind, license, capability and size", () => {
    const found = filterCatalog(CATALOG, { kind: "moe", license: "Apache-2.0", capability: "reasoning", minParamsB: 20, maxParamsB: 40 });
    expect(found.map((e) => e.id)).toContain("qwen3-30b-a3b");
    for (const e of found) {
      expect(e.kind).toBe("moe");
      expect(e.params.total).toBeGreaterThanOrEqual(20e9);
      expect(e.params.total).toBeLessThanOrEqual(40e9);
    }
  });

  it("returns everything for an empty filter, without touching its input", () => {
    expect(filterCatalog(CATALOG, {})).toHaveLength(CATALOG.length);
  });
});

describe("llmfit list", () => {
  it("is registered", () => {
    expect(COMMANDS).toContain(listCommand);
  });

  it("prints a table of the matching entries", async () => {
    const { code, out } = await run(["--family", "gpt-oss"]);
    expect(code).toBe(0);
    const lines = out.trim().split("\n");
    expect(lines[0]).toMatch(/^ID\s+KIND\s+PARAMS\s+CTX\s+LICENSE\s+OLLAMA$/);
    expect(lines.slice(1).map((l) => l.split(/\s+/)[0])).toEqual(["gpt-oss-20b", "gpt-oss-120b"]);
    expect(out).toMatch(/gpt-oss-20b\s+moe\s+20\.9B \(3\.61B active\)\s+128k\s+apache-2\.0\s+gpt-oss:20b/);
  });

  it("prints JSON entries with --json", async () => {
    const { code, out } = await run(["--kind", "diffusion", "--capability", "video", "--json"]);
    expect(code).toBe(0);
    const ids = (JSON.parse(out) as { id: string }[]).map((e) => e.id);
    expect(ids).toEqual(["wan2.1-t2v-1.3b", "wan2.1-t2v-14b", "wan2.1-i2v-14b-480p"]);
  });

  it("shows a diffusion pipeline's own model size apart from the whole pipeline's (encoders and VAE), in the table and --json", async () => {
    const { out } = await run(["--family", "wan"]);
    // Wan 2.1 1.3B is its 1.3B DiT; the UMT5 text encoder and the VAE make the pipeline 7.11B.
    expect(out).toMatch(/wan2\.1-t2v-1\.3b\s+diffusion\s+1\.30B \(7\.11B pipeline\)\s/);
    const json = JSON.parse((await run(["--family", "wan", "--json"])).out) as { id: string; model_params: number; pipeline_params: number; params: { total: number } }[];
    const small = json.find((e) => e.id === "wan2.1-t2v-1.3b")!;
    expect(small.model_params).toBe(1_300_000_000);
    expect(small.pipeline_params).toBe(small.params.total);
    expect(small.pipeline_params).toBeGreaterThan(7e9);
  });

  it("shows each entry's release date and the day it was last checked in --json", async () => {
    const { out } = await run(["--family", "deepseek-v3", "--json"]);
    const entries = JSON.parse(out) as { id: string; released: string; checked: string; hp: { ctx: number; positionLimit?: number } }[];
    const v3 = entries.find((e) => e.id === "deepseek-v3");
    expect(v3).toMatchObject({ released: "2024-12-26", checked: "2026-12-03", hp: { ctx: 131072, positionLimit: 163840 } });
  });

  it("filters by size in billions", async () => {
    const { out } = await run(["--kind", "ssm", "--max-params", "0.5", "--json"]);
    const totals = (JSON.parse(out) as { params: { total: number } }[]).map((e) => e.params.total);
    expect(totals.length).toBeGreaterThan(0);
    expect(Math.max(...totals)).toBeLessThanOrEqual(0.5e9);
  });

  it("exits 3 (\"no\") with one line naming the flags when nothing matches", async () => {
    const { code, out, err } = await run(["--family", "nonexistent"]);
    expect([code, out]).toEqual([3, ""]);
    expect(err).toBe("llmfit: list: no catalog entry matches those filters — loosen --family, --kind, --license, --capability or the size bounds\n");
  });

  it("rejects a bad kind or size as a user error naming the flag", async () => {
    await expect(run(["--kind", "transformer"])).rejects.toThrow(LlmFitError);
    await expect(run(["--kind", "transformer"])).rejects.toThrow(/--kind/);
    await expect(run(["--min-params", "lots"])).rejects.toThrow(/--min-params/);
  });

  it("formats sizes the way model cards do", () => {
    expect([formatParams(494_000_000), formatParams(8_030_261_248), formatParams(46.7e9), formatParams(671e9), formatParams(1e12)]).toEqual([
      "494M", "8.03B", "46.7B", "671B", "1.0T",
    ]);
    expect(catalogTable([]).trim()).toMatch(/^ID/);
  });
});
