// entryFromConfig on saved config.json files (test/fixtures/configs, see its README for where each
// came from): the regenerated hyperparameters must give the same shape as the catalog entry that
// cites the same config.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOG, shapeOf } from "../../src/models/catalog.js";
import type { LlmEntry } from "../../src/models/catalog.js";
import { LlmEntrySchema } from "../../src/models/catalog-schema.js";
import { compressPattern, entryFromConfig } from "../../src/models/from-config.js";
import { LlmFitError } from "../../src/errors.js";

const DIR = resolve(import.meta.dirname, "../fixtures/configs");

function config(name: string): unknown {
  return JSON.parse(readFileSync(join(DIR, `${name}.json`), "utf8"));
}

function entry(id: string): LlmEntry {
  const e = CATALOG.find((x) => x.id === id);
  if (e === undefined || e.kind === "diffusion") throw new Error(`no LLM entry ${id}`);
  return e;
}

/** The catalog entry with its architecture fields replaced by the regenerated ones. */
function regenerated(e: LlmEntry, cfg: unknown): LlmEntry {
  const derived = entryFromConfig(cfg, { id: e.id, ctx: e.hp.ctx });
  return LlmEntrySchema.parse({ ...e, kind: derived.kind, arch: derived.arch, hp: derived.hp });
}

const CASES: readonly [fixture: string, id: string][] = [
  ["meta-llama__Llama-3.1-8B", "llama-3.1-8b"],
  ["meta-llama__Llama-3.2-3B", "llama-3.2-3b"],
  ["meta-llama__Llama-2-7b-hf", "llama-2-7b"],
  ["mistralai__Ministral-8B-Instruct-2410", "ministral-8b-instruct-2410"],
  ["Qwen__Qwen2.5-3B", "qwen2.5-3b"],
  ["Qwen__Qwen2.5-7B", "qwen2.5-7b"],
  ["Qwen__Qwen3-4B", "qwen3-4b"],
  ["Qwen__Qwen3-8B", "qwen3-8b"],
  ["Qwen__Qwen3-30B-A3B", "qwen3-30b-a3b"],
  ["tiiuae__falcon-mamba-7b", "falcon-mamba-7b"],
  ["mistralai__Mamba-Codestral-7B-v0.1", "mamba-codestral-7b-v0.1"],
];

describe("entryFromConfig", () => {
  it.each(CASES)("%s regenerates %s", (fixture, id) => {
    const e = entry(id);
    const fresh = regenerated(e, config(fixture));
    expect(fresh.arch).toBe(e.arch);
    expect(fresh.kind).toBe(e.kind);
    expect(shapeOf(fresh)).toEqual(shapeOf(e));
    expect(fresh.hp.rope).toEqual(e.hp.rope);
  });

  it("reads the MoE fields of qwen3_moe", () => {
    const { kind, arch, hp } = entryFromConfig(config("Qwen__Qwen3-30B-A3B"));
    expect([kind, arch]).toEqual(["moe", "qwen3moe"]);
    expect(hp.moe).toEqual({ experts: 128, used: 8, expertFfn: 768 });
    expect(hp.headDim).toBe(128);
  });

  it("derives Mamba-2 heads and groups", () => {
    const { kind, hp } = entryFromConfig(config("mistralai__Mamba-Codestral-7B-v0.1"), { ctx: 262144 });
    expect(kind).toBe("ssm");
    expect(hp.ssm).toEqual({ dConv: 4, dInner: 8192, dState: 128, nGroup: 8, heads: 128 });
  });

  it("reads Gemma 3's text_config with its class defaults and the 5:1 sliding pattern", () => {
    // The shape of google/gemma-3-4b-it's config.json: most text fields are left to defaults.
    const cfg = {
      model_type: "gemma3",
      text_config: { hidden_size: 2560, intermediate_size: 10240, model_type: "gemma3_text", num_hidden_layers: 34, rope_scaling: { factor: 8.0, rope_type: "linear" }, sliding_window: 1024 },
      vision_config: { hidden_size: 1152 },
    };
    const { arch, hp } = entryFromConfig(cfg);
    expect(arch).toBe("gemma3");
    expect(hp).toMatchObject({ heads: 8, kvHeads: 4, headDim: 256, vocab: 262208, ctx: 131072, tied: true, swa: { window: 1024, pattern: { globalEvery: 6 } } });
    expect(shapeOf(LlmEntrySchema.parse({ ...entry("gemma-3-4b-it"), hp }))).toEqual(shapeOf(entry("gemma-3-4b-it")));
  });

  it("turns hybrid layer_types into a layer pattern", () => {
    const layerTypes = [...Array(5).fill("mamba"), "attention", ...Array(9).fill("mamba"), "attention", ...Array(9).fill("mamba"), "attention", ...Array(9).fill("mamba"), "attention", ...Array(4).fill("mamba")];
    // Granite-4.0-H-Tiny's fields as its config.json states them.
    const cfg = {
      model_type: "granitemoehybrid", hidden_size: 1536, num_hidden_layers: 40, num_attention_heads: 12, num_key_value_heads: 4,
      intermediate_size: 512, shared_intermediate_size: 1024, num_local_experts: 64, num_experts_per_tok: 6, vocab_size: 100352,
      tie_word_embeddings: true, mamba_d_state: 128, mamba_n_groups: 1, mamba_n_heads: 48, mamba_d_head: 64, mamba_expand: 2,
      mamba_d_conv: 4, max_position_embeddings: 131072, layer_types: layerTypes,
    };
    const fresh = LlmEntrySchema.parse({ ...entry("granite-4.0-h-tiny"), ...entryFromConfig(cfg) });
    expect(fresh.kind).toBe("hybrid");
    expect(shapeOf(fresh)).toEqual(shapeOf(entry("granite-4.0-h-tiny")));
  });

  it("names the entry and the problem when a config cannot be read", () => {
    expect(() => entryFromConfig({ model_type: "bloom", hidden_size: 1 }, { id: "x" })).toThrow(LlmFitError);
    expect(() => entryFromConfig({ model_type: "bloom" }, { id: "x" })).toThrow(/config.json for x: model_type "bloom"/);
    expect(() => entryFromConfig({ model_type: "llama", hidden_size: 8 }, { id: "y" })).toThrow(/missing num_hidden_layers/);
    expect(() => entryFromConfig("not an object")).toThrow(/config.json/);
  });

  it("compresses repeating layer patterns", () => {
    expect(compressPattern("MMMAMMMA")).toBe("MMMA*2");
    expect(compressPattern("CCACCACCACACACAC")).toBe("CCACCACCACACACAC");
  });
});

describe("entryFromConfig on configs quoted in public code", () => {
  it("regenerates GLM-4.5-Air (zai-org/GLM-4.5-Air config.json fields)", () => {
    const cfg = {
      architectures: ["Glm4MoeForCausalLM"], head_dim: 128, hidden_size: 4096, intermediate_size: 10944, max_position_embeddings: 131072,
      model_type: "glm4_moe", moe_intermediate_size: 1408, num_attention_heads: 96, n_routed_experts: 128, n_shared_experts: 1,
      num_experts_per_tok: 8, first_k_dense_replace: 1, num_hidden_layers: 46, num_key_value_heads: 8, partial_rotary_factor: 0.5,
      rope_scaling: null, rope_theta: 10000, tie_word_embeddings: false, vocab_size: 151552,
    };
    const air = entry("glm-4.5-air");
    const fresh = LlmEntrySchema.parse({ ...air, ...entryFromConfig(cfg) });
    expect(shapeOf(fresh)).toEqual(shapeOf(air));
    expect(fresh.hp.rope).toEqual(air.hp.rope);
  });

  it("keeps DeepSeek-V3's config limit as positionLimit when the published context is given (deepseek-ai/DeepSeek-V3 config.json fields)", () => {
    const cfg = {
      model_type: "deepseek_v3", hidden_size: 7168, intermediate_size: 18432, moe_intermediate_size: 2048, num_hidden_layers: 61,
      num_attention_heads: 128, num_key_value_heads: 128, n_shared_experts: 1, n_routed_experts: 256, num_experts_per_tok: 8,
      first_k_dense_replace: 3, topk_method: "noaux_tc", q_lora_rank: 1536, kv_lora_rank: 512, qk_nope_head_dim: 128, qk_rope_head_dim: 64, v_head_dim: 128,
      max_position_embeddings: 163840, rope_theta: 10000, tie_word_embeddings: false, vocab_size: 129280,
      rope_scaling: { type: "yarn", factor: 40, original_max_position_embeddings: 4096, beta_fast: 32, beta_slow: 1, mscale: 1, mscale_all_dim: 1 },
    };
    const v3 = entry("deepseek-v3");
    const published = entryFromConfig(cfg, { ctx: 131072 });
    expect([published.hp.ctx, published.hp.positionLimit]).toEqual([131072, 163840]);
    expect(entryFromConfig(cfg).hp).not.toHaveProperty("positionLimit");
    const fresh = LlmEntrySchema.parse({ ...v3, ...published });
    expect(shapeOf(fresh)).toEqual(shapeOf(v3));
    expect(fresh.hp.positionLimit).toBe(v3.hp.positionLimit);
  });
});
