// The catalog's data: schema, ids, download names, and the per-layer shapes the sizing engine sees.
import { describe, expect, it } from "vitest";
import { CATALOG, expandPattern, findModel, loadCatalog, parseCatalog, shapeOf } from "../../src/models/catalog.js";
import { CatalogEntrySchema, HF_REPO, OLLAMA_TAG } from "../../src/models/catalog-schema.js";
import type { CatalogEntryInput } from "../../src/models/catalog-schema.js";
import type { LlmEntry } from "../../src/models/catalog.js";

function byId(id: string): LlmEntry {
  const entry = CATALOG.find((e) => e.id === id);
  if (entry === undefined || entry.kind === "diffusion") throw new Error(`no LLM entry ${id}`);
  return entry;
}

describe("catalog data", () => {
  it("holds at least 250 entries, every one valid against the schema", () => {
    expect(CATALOG.length).toBeGreaterThanOrEqual(250);
    for (const entry of CATALOG) {
      const parsed = CatalogEntrySchema.safeParse(entry);
      expect(parsed.success, `${entry.id}: ${parsed.error?.message ?? ""}`).toBe(true);
    }
  });

  it("has unique ids", () => {
    const ids = CATALOG.map((e) => e.id);
    expect(ids.length - new Set(ids).size).toBe(0);
  });

  it("has well-formed Ollama tags, each naming one entry", () => {
    const owner = new Map<string, string>();
    for (const entry of CATALOG) {
      for (const tag of entry.ollama) {
        expect(tag, entry.id).toMatch(OLLAMA_TAG);
        expect(tag, entry.id).toBe(tag.toLowerCase());
        expect(owner.get(tag), `${tag} is claimed by ${owner.get(tag)} and ${entry.id}`).toBeUndefined();
        owner.set(tag, entry.id);
      }
    }
  });

  it("names Hugging Face repos as owner/name", () => {
    for (const entry of CATALOG) {
      for (const repo of [...entry.gguf, ...(entry.hf === undefined ? [] : [entry.hf])]) expect(repo, entry.id).toMatch(HF_REPO);
    }
  });

  it("cites a source for every entry and for published counts that differ", () => {
    for (const entry of CATALOG) {
      expect(entry.source, entry.id).toMatch(/^https:\/\//);
      if (entry.params.text !== undefined) expect(entry.paramsNote, entry.id).toBeDefined();
    }
  });

  it("cites where every entry's shape came from: a config.json / model index, a model page or a paper", () => {
    const SHAPE_SOURCE = /^https:\/\/(huggingface\.co\/[\w.-]+\/[\w.-]+(\/blob\/main\/(config|model_index|params)\.json)?|arxiv\.org\/abs\/\d{4}\.\d{4,5})$/;
    for (const entry of CATALOG) expect(entry.source, entry.id).toMatch(SHAPE_SOURCE);
    const { source: _dropped, ...withoutSource } = byId("llama-3.2-1b-instruct");
    expect(CatalogEntrySchema.safeParse(withoutSource).success).toBe(false);
    expect(CatalogEntrySchema.safeParse({ ...byId("llama-3.2-1b-instruct"), source: "see the model card" }).success).toBe(false);
  });

  it("dates every entry: released, and last checked on or after its release", () => {
    for (const entry of CATALOG) {
      expect(entry.checked, entry.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(entry.checked >= entry.released, `${entry.id}: checked ${entry.checked} before its release ${entry.released}`).toBe(true);
    }
    const { checked: _dropped, ...undated } = byId("llama-3.2-1b-instruct");
    expect(CatalogEntrySchema.safeParse(undated).success).toBe(false);
  });

  it("keeps a config's position limit apart from the published context, citing where the latter is published", () => {
    for (const entry of CATALOG) {
      if (entry.kind === "diffusion" || entry.hp.positionLimit === undefined) continue;
      expect(entry.hp.positionLimit, entry.id).not.toBe(entry.hp.ctx);
      expect(entry.ctxSource, entry.id).toMatch(/^https:\/\//);
      expect(shapeOf(entry).nCtxTrain, entry.id).toBe(entry.hp.ctx);
    }
    expect([byId("deepseek-v3").hp.ctx, byId("deepseek-v3").hp.positionLimit]).toEqual([131072, 163840]);
    expect([byId("deepseek-v2-lite-chat").hp.ctx, byId("deepseek-coder-v2-lite-instruct").hp.ctx]).toEqual([32768, 131072]);
    expect(byId("mistral-nemo-instruct-2407").hp.ctx).toBe(131072);
    const v3 = byId("deepseek-v3");
    expect(() => parseCatalog([[{ ...v3, ctxSource: undefined }]])).toThrow(/deepseek-v3: hp.positionLimit/);
  });

  it("covers the families the issue asks for", () => {
    const families = new Set(CATALOG.map((e) => e.family));
    for (const f of ["gpt-2", "gpt-j", "gpt-neox", "llama-1", "llama-2", "llama-3.1", "llama-3.2", "llama-3.3", "falcon", "bloom", "opt", "gpt-3",
      "mistral", "mixtral", "mistral-small", "mistral-nemo", "qwen2.5", "qwen3", "qwen2.5-coder", "gemma-2", "gemma-3", "gemma-3n",
      "phi-3", "phi-3.5", "phi-4", "deepseek-v3", "deepseek-r1", "gpt-oss", "granite-3", "granite-4", "smollm", "smollm2", "smollm3",
      "olmo", "olmo-2", "command-r", "glm-4", "glm-4.5", "mamba", "mamba-2", "falcon-mamba", "falcon3", "jamba", "lfm2",
      "deepseek-coder", "starcoder2", "codellama", "nomic-embed", "bge", "flux", "stable-diffusion", "wan"]) {
      expect(families.has(f), f).toBe(true);
    }
  });

  it("sums diffusion pipelines into their totals", () => {
    for (const entry of CATALOG) {
      if (entry.kind !== "diffusion") continue;
      expect(entry.pipeline.reduce((n, p) => n + p.params, 0), entry.id).toBe(entry.params.total);
    }
  });

  // How long it takes is printed by `npm run bench`; a timed assertion here would only measure
  // how busy the test machine is.
  it("validates the whole catalog again from its own entries", () => {
    const sources = [[...CATALOG] as CatalogEntryInput[]];
    expect(parseCatalog(sources).map((e) => e.id)).toEqual(CATALOG.map((e) => e.id));
  });

  it("is a read-only view of the validated, cached array", () => {
    expect(loadCatalog()).toBe(loadCatalog());
    expect(Array.isArray(CATALOG)).toBe(true);
    expect([...CATALOG]).toEqual(loadCatalog());
    expect(JSON.parse(JSON.stringify(CATALOG.slice(0, 2)))).toHaveLength(2);
    expect(() => (CATALOG as unknown as unknown[]).push(1)).toThrow(TypeError);
  });

  it("rejects a duplicate id and a per-layer list of the wrong length, naming the entry", () => {
    const entry = byId("llama-3.2-1b-instruct");
    expect(() => parseCatalog([[entry, entry]])).toThrow(/llama-3.2-1b-instruct: duplicate id/);
    expect(() => parseCatalog([[{ ...entry, hp: { ...entry.hp, ffnPerLayer: [1, 2] } }]])).toThrow(/ffnPerLayer has 2 layers/);
  });
});

describe("findModel", () => {
  it.each([
    ["llama-3.1-8b-instruct", "llama-3.1-8b-instruct"],
    ["LLAMA3.1:8B", "llama-3.1-8b-instruct"],
    ["qwen3:30b-a3b", "qwen3-30b-a3b"],
    ["nomic-embed-text:latest", "nomic-embed-text-v1.5"],
    ["bartowski/Meta-Llama-3.1-8B-Instruct-GGUF", "llama-3.1-8b-instruct"],
    ["hf.co/unsloth/Qwen3-8B-GGUF", "qwen3-8b"],
    ["Qwen/Qwen2.5-Coder-7B-Instruct", "qwen2.5-coder-7b-instruct"],
    ["openai/gpt-oss-20b", "gpt-oss-20b"],
  ])("%s → %s", (query, id) => {
    expect(findModel(query)?.id).toBe(id);
  });

  it("returns undefined for an unknown model", () => {
    expect(findModel("no-such-model:1b")).toBeUndefined();
  });
});

describe("shapeOf", () => {
  it("expands Gemma 3's 5 local : 1 global pattern", () => {
    const shape = shapeOf(byId("gemma-3-27b-it"));
    expect(shape.swaWindow).toBe(1024);
    expect(shape.layers.filter((l) => !l.swa).length).toBe(10);
    expect(shape.layers.map((l) => (l.swa ? "s" : "g")).join("").slice(0, 12)).toBe("sssssgsssssg");
    expect(shape.headDimK).toBe(128);
  });

  it("alternates gpt-oss's sliding layers, starting with a sliding one", () => {
    const shape = shapeOf(byId("gpt-oss-20b"));
    expect(shape.layers.slice(0, 4).map((l) => l.swa)).toEqual([true, false, true, false]);
    expect(shape.experts).toMatchObject({ count: 32, used: 4, nFfExp: 2880 });
  });

  it("builds Jamba's 1:7 attention and every-other-layer MoE", () => {
    const shape = shapeOf(byId("jamba-1.5-mini"));
    expect(shape.layers.filter((l) => l.mixer === "attention").map((_, i) => i).length).toBe(4);
    expect(shape.layers[4]).toMatchObject({ mixer: "attention", nHeadKv: 8, moe: false, nFf: 14336 });
    expect(shape.layers[1]).toMatchObject({ mixer: "recurrent", nHead: 0, nHeadKv: 0, moe: true, nFf: 0 });
    expect(shape.ssm).toMatchObject({ dInner: 8192, dState: 16, dtRank: 256, nHead: 0 });
  });

  it("places Granite 4.0-H's four attention layers", () => {
    const shape = shapeOf(byId("granite-4.0-h-tiny"));
    const attention = shape.layers.flatMap((l, i) => (l.mixer === "attention" ? [i] : []));
    expect(attention).toEqual([5, 15, 25, 35]);
    expect(shape.kind).toBe("hybrid");
  });

  it("keeps DeepSeek's leading dense layers dense and gives MLA head dims", () => {
    const shape = shapeOf(byId("deepseek-v3"));
    expect(shape.layers.slice(0, 4).map((l) => l.moe)).toEqual([false, false, false, true]);
    expect([shape.headDimK, shape.headDimV]).toEqual([192, 128]);
    expect(shape.params).toEqual({ total: 671_000_000_000, active: 37_000_000_000 });
  });

  it("marks Llama 3.x rope_freqs, LFM2's conv cache and Gemma 3n's shared-KV layers", () => {
    expect(shapeOf(byId("llama-3.1-8b-instruct")).ropeFreqs).toBe(true);
    expect(shapeOf(byId("llama-2-7b-chat")).ropeFreqs).toBeUndefined();
    expect(shapeOf(byId("lfm2-1.2b")).shortConvLCache).toBe(3);
    const e2b = shapeOf(byId("gemma-3n-e2b-it"));
    expect(e2b.layers.filter((l) => l.mixer === "none").length).toBe(10);
  });

  it("gives Mamba no attention at all", () => {
    const shape = shapeOf(byId("mamba-2.8b"));
    expect(shape.layers.every((l) => l.mixer === "recurrent" && l.nHead === 0)).toBe(true);
    expect(shape.headDimK).toBe(0);
  });

  it("gives a diffusion pipeline an empty layer list and its total", () => {
    const flux = CATALOG.find((e) => e.id === "flux.1-dev");
    expect(flux).toBeDefined();
    if (flux === undefined) return;
    const shape = shapeOf(flux);
    expect(shape.kind).toBe("diffusion");
    expect(shape.layers).toEqual([]);
    expect(shape.params.total).toBeGreaterThan(16e9);
  });

  it("expands compact layer patterns", () => {
    expect(expandPattern("MMA*2 C").join("")).toBe("MMAMMAC");
  });
});
