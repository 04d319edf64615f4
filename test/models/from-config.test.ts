// entryFromConfig on saved config.json files (test/fixtures/configs, see its README for where each
// came from): the regenerated hyperparameters must give the same shape as the catalog entry that
// cites the same config.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOG, shapeOf } from "../../src/models/catalog.js";
import type { LlmEntry } from "../../src/models/catalog.js";
import { LlmEntrySchema } from "../../src/models/catalog-schema.js";
import { catalogEntryFrom, compressPattern, entryFromConfig } from "../../src/models/from-config.js";
import { parseCatalog } from "../../src/models/catalog.js";
import { LlmFitError } from "../../src/errors.js";
import { checkpointFromConfig } from "../../src/cluster/checkpoint-config.js";
import { HyperparamsSchema } from "../../src/models/catalog-schema.js";
import { llmShape } from "../../src/models/catalog.js";
import { tensorsForShape } from "../../src/sizing/tensors.js";
import { loadAllShapes } from "../sizing/groundtruth-data.js";

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
  ["google__gemma-4-31B-it", "gemma-4-31b-it"],
  ["google__gemma-4-12B-it", "gemma-4-12b-it"],
  ["Qwen__Qwen3-VL-2B-Instruct", "qwen3-vl-2b-instruct"],
  ["Qwen__Qwen3-VL-4B-Instruct", "qwen3-vl-4b-instruct"],
  ["deepseek-ai__DeepSeek-V3.2", "deepseek-v3.2"],
  ["Qwen__Qwen3-VL-30B-A3B-Instruct", "qwen3-vl-30b-a3b-instruct"],
  // a Qwen3.6-35B-A3B-derived model's config (see the fixtures' README): the same text shape
  ["teutonic__qwen3.6-35b-a3b-genesis", "qwen3.6-35b-a3b"],
  ["nvidia__NVIDIA-Nemotron-3-Nano-30B-A3B-BF16", "nemotron-3-nano-30b-a3b"],
  ["Qwen__Qwen3.5-9B", "qwen3.5-9b"],
  // a transformers 5 config: its YaRN parameters sit in rope_parameters, not rope_scaling
  ["mistralai__Devstral-2-123B-Instruct-2512", "devstral-2-123b-instruct-2512"],
  // glm4_moe_lite: MLA + experts, llama.cpp deepseek2
  ["zai-org__GLM-4.7-Flash", "glm-4.7-flash"],
  // kimi_k25: K2 Thinking's decoder under text_config, beside MoonViT
  ["moonshotai__Kimi-K2.5", "kimi-k2.5"],
  // glm_moe_dsa (an assembled config, see the fixtures' README): llama.cpp glm-dsa
  ["zai-org__GLM-5", "glm-5"],
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

  it("reads DeepSeek-V3.2's lightning indexer into deepseek32", () => {
    const { kind, arch, hp } = entryFromConfig(config("deepseek-ai__DeepSeek-V3.2"), { ctx: 131072 });
    expect([kind, arch]).toEqual(["moe", "deepseek32"]);
    expect(hp.indexer).toEqual({ heads: 64, headDim: 128, topK: 2048 });
    expect(hp.positionLimit).toBe(163840);
  });

  it("reads Kimi K2.5's text_config (K2's decoder) and leaves its MoonViT tower out", () => {
    const k25 = config("moonshotai__Kimi-K2.5") as { text_config: Record<string, unknown> };
    const { kind, arch, hp } = entryFromConfig(k25);
    expect([kind, arch, hp.layers, hp.vocab, hp.moe?.experts]).toEqual(["moe", "deepseek2", 61, 163840, 384]);
    expect(hp.rope).toEqual({ theta: 50000, scaling: { type: "yarn", factor: 64, originalCtx: 4096 } });
    // a text_config that leaves its model_type to the wrapper reads as kimi_k2, the same shape
    const { model_type: _, ...bare } = k25.text_config;
    expect(entryFromConfig({ ...k25, text_config: bare }).hp).toEqual(hp);
    expect(checkpointFromConfig(k25)).toEqual({ int4: { groupSize: 32, scope: "routed-experts", zeroPoints: false } });
  });

  it("reads GLM-5's MLA, experts and lightning indexer into glm-dsa", () => {
    const { kind, arch, hp } = entryFromConfig(config("zai-org__GLM-5"));
    expect([kind, arch]).toEqual(["moe", "glm-dsa"]);
    expect(hp.indexer).toEqual({ heads: 32, headDim: 128, topK: 2048 });
    expect(hp.mla).toEqual({ qLoraRank: 2048, kvLoraRank: 512, qkNopeHeadDim: 192, qkRopeHeadDim: 64, vHeadDim: 256 });
    // transformers 5's rope_parameters with rope_type "default": a theta and no scaling
    expect(hp.rope).toEqual({ theta: 1000000 });
    expect(hp.moe).toMatchObject({ experts: 256, used: 8, leadingDense: 3, selectionBias: true });
  });

  it("reads Nemotron-H's one-block-per-layer pattern (M, *, E) into nemotron_h_moe", () => {
    const { kind, arch, hp } = entryFromConfig(config("nvidia__NVIDIA-Nemotron-3-Nano-30B-A3B-BF16"));
    expect([kind, arch]).toEqual(["hybrid", "nemotron_h_moe"]);
    const shape = llmShape(kind, arch, HyperparamsSchema.parse(hp), { total: 0, active: 0 });
    const count = (f: (l: (typeof shape.layers)[number]) => boolean): number => shape.layers.filter(f).length;
    // 23 Mamba-2, 23 MoE, 6 attention layers; none of them with a dense FFN
    expect([count((l) => l.mixer === "recurrent"), count((l) => l.moe === true), count((l) => l.mixer === "attention")]).toEqual([23, 23, 6]);
    expect(count((l) => l.nFf > 0)).toBe(0);
    expect(hp.ssm).toEqual({ dConv: 4, dInner: 4096, dState: 128, nGroup: 8, heads: 64 });
    expect(hp.rope).toBeUndefined();
    expect(() => entryFromConfig({ ...(config("nvidia__NVIDIA-Nemotron-3-Nano-30B-A3B-BF16") as object), hybrid_override_pattern: "M*E" })).toThrow(/hybrid_override_pattern/);
  });

  it("reads Gemma 4's global heads, K = V and sliding layout", () => {
    const { kind, arch, hp } = entryFromConfig(config("google__gemma-4-31B-it"));
    expect([kind, arch]).toEqual(["dense", "gemma4"]);
    expect([hp.headDim, hp.globalHeadDim, hp.kvHeads, hp.kEqV]).toEqual([256, 512, 16, { globalKvHeads: 4 }]);
    expect(hp.swa).toEqual({ window: 1024, pattern: { globalEvery: 6 } });
    expect(hp.rope).toEqual({ theta: 1000000 });
  });

  // Gemma 4 E2B and 26B A4B text_config values as transformers' conversion script sets them
  // (convert_gemma4_weights.py _VARIANTS); the rest are Gemma4TextConfig defaults, left out as a
  // config.json may leave them out
  it("reads Gemma 4 E2B's per-layer embeddings, shared KV and double-wide FFN", () => {
    const e2b = {
      model_type: "gemma4",
      text_config: {
        model_type: "gemma4_text", hidden_size: 1536, hidden_size_per_layer_input: 256, intermediate_size: 6144,
        num_hidden_layers: 35, num_attention_heads: 8, num_key_value_heads: 1, num_global_key_value_heads: null,
        attention_k_eq_v: false, num_kv_shared_layers: 20, use_double_wide_mlp: true,
        layer_types: Array.from({ length: 35 }, (_, i) => ((i + 1) % 5 === 0 ? "full_attention" : "sliding_attention")),
        rope_parameters: { full_attention: { rope_theta: 1000000, rope_type: "proportional", partial_rotary_factor: 0.25 }, sliding_attention: { rope_theta: 10000 } },
      },
    };
    const e = entry("gemma-4-e2b-it");
    const fresh = regenerated(e, e2b);
    expect(shapeOf(fresh)).toEqual(shapeOf(e));
    expect(fresh.hp.kvSharedLayers).toBe(20);
    expect(fresh.hp.perLayerInput).toBe(256);
    expect(fresh.hp.ffnPerLayer?.slice(13, 17)).toEqual([6144, 6144, 12288, 12288]);
  });

  it("reads Gemma 4 26B A4B's experts beside the dense FFN", () => {
    const moe = {
      model_type: "gemma4_text", hidden_size: 2816, hidden_size_per_layer_input: 0, intermediate_size: 2112,
      num_hidden_layers: 30, num_attention_heads: 16, num_key_value_heads: 8, num_global_key_value_heads: 2,
      attention_k_eq_v: true, enable_moe_block: true, num_experts: 128, moe_intermediate_size: 704, top_k_experts: 8,
      sliding_window: 1024, max_position_embeddings: 262144,
      layer_types: Array.from({ length: 30 }, (_, i) => ((i + 1) % 6 === 0 ? "full_attention" : "sliding_attention")),
    };
    const e = entry("gemma-4-26b-a4b-it");
    const fresh = regenerated(e, moe);
    expect(fresh.kind).toBe("moe");
    expect(shapeOf(fresh)).toEqual(shapeOf(e));
  });

  // the only qwen3_5_moe config found (test/fixtures/configs/README.md): its shape must be the one
  // whose sparse GGUF the bundled llama.cpp loaded for data/groundtruth (qwen3.5-35b-a3b-shape)
  it("reads Qwen3.5 MoE into the tensors llama.cpp loaded", () => {
    const { kind, arch, hp } = entryFromConfig(config("teutonic__qwen3.6-35b-a3b-genesis"));
    expect([kind, arch]).toEqual(["hybrid", "qwen35moe"]);
    expect(hp.layerPattern).toBe("MMMA*10");
    expect(hp.rope).toEqual({ theta: 10000000, partial: 0.25 });
    const shape = llmShape(kind, arch, HyperparamsSchema.parse(hp), { total: 0, active: 0 });
    const ours = Object.fromEntries(tensorsForShape(shape).map((t) => [t.name, t.ne]));
    const loaded = loadAllShapes()["qwen3.5-35b-a3b-shape"];
    expect(loaded).toBeDefined();
    expect(ours).toEqual(Object.fromEntries((loaded?.tensors ?? []).map(([n, ne]) => [n, ne])));
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

  it("reads Qwen3-Next's gated DeltaNet layers as recurrent, with llama.cpp's state sizes (Qwen/Qwen3-Next-80B-A3B-Instruct config.json fields)", () => {
    const cfg = {
      model_type: "qwen3_next", decoder_sparse_step: 1, full_attention_interval: 4, head_dim: 256, hidden_size: 2048, intermediate_size: 5120,
      linear_conv_kernel_dim: 4, linear_key_head_dim: 128, linear_num_key_heads: 16, linear_num_value_heads: 32, linear_value_head_dim: 128,
      max_position_embeddings: 262144, moe_intermediate_size: 512, num_attention_heads: 16, num_experts: 512, num_experts_per_tok: 10,
      num_hidden_layers: 48, num_key_value_heads: 2, partial_rotary_factor: 0.25, rope_theta: 10000000, shared_expert_intermediate_size: 512,
      tie_word_embeddings: false, vocab_size: 151936,
    };
    const next = entry("qwen3-next-80b-a3b-instruct");
    const derived = entryFromConfig(cfg);
    expect([derived.kind, derived.arch, derived.hp.layerPattern]).toEqual(["hybrid", "qwen3next", "MMMA*12"]);
    expect(derived.hp.ssm).toEqual({ dConv: 4, dInner: 4096, dState: 128, nGroup: 16, heads: 32 });
    const fresh = LlmEntrySchema.parse({ ...next, ...derived });
    expect(shapeOf(fresh)).toEqual(shapeOf(next));
    expect(fresh.hp.rope).toEqual(next.hp.rope);
  });

  it("reads Llama 4's text_config: chunked attention, shared expert, interleaved MoE (meta-llama/Llama-4-* config.json fields)", () => {
    const text = {
      model_type: "llama4_text", hidden_size: 5120, head_dim: 128, intermediate_size: 8192, intermediate_size_mlp: 16384, num_hidden_layers: 48,
      num_attention_heads: 40, num_key_value_heads: 8, vocab_size: 202048, rope_theta: 500000, attention_chunk_size: 8192, no_rope_layer_interval: 4,
      num_local_experts: 16, num_experts_per_tok: 1, interleave_moe_layer_step: 1, max_position_embeddings: 10485760,
      rope_scaling: { factor: 16, high_freq_factor: 1, low_freq_factor: 1, original_max_position_embeddings: 8192, rope_type: "llama3" },
    };
    const scout = entry("llama-4-scout-17b-16e-instruct");
    const fromScout = entryFromConfig({ model_type: "llama4", text_config: text, tie_word_embeddings: false, vision_config: { hidden_size: 1408 } });
    expect([fromScout.kind, fromScout.arch]).toEqual(["moe", "llama4"]);
    expect(fromScout.hp.swa).toEqual({ window: 8192, pattern: { globalEvery: 4 } });
    expect(shapeOf(LlmEntrySchema.parse({ ...scout, ...fromScout }))).toEqual(shapeOf(scout));

    const maverickText = { ...text, num_local_experts: 128, interleave_moe_layer_step: 2, max_position_embeddings: 1048576, rope_scaling: null };
    const maverick = entry("llama-4-maverick-17b-128e-instruct");
    const fromMaverick = entryFromConfig({ model_type: "llama4", text_config: maverickText });
    expect(fromMaverick.hp.moe).toMatchObject({ experts: 128, every: 2, offset: 1 });
    expect(shapeOf(LlmEntrySchema.parse({ ...maverick, ...fromMaverick }))).toEqual(shapeOf(maverick));
  });

  it("reads MiniMax-M2's routing bias and partial rotary (MiniMaxAI/MiniMax-M2 config.json fields)", () => {
    const cfg = {
      model_type: "minimax_m2", hidden_size: 3072, intermediate_size: 1536, num_hidden_layers: 62, num_attention_heads: 48, num_key_value_heads: 8,
      head_dim: 128, rotary_dim: 64, num_local_experts: 256, num_experts_per_tok: 8, use_routing_bias: true, vocab_size: 200064,
      max_position_embeddings: 196608, rope_theta: 5000000, tie_word_embeddings: false,
    };
    const m2 = entry("minimax-m2");
    const derived = entryFromConfig(cfg);
    expect(derived.hp.moe).toEqual({ experts: 256, used: 8, expertFfn: 1536, selectionBias: true });
    expect(derived.hp.rope).toEqual({ theta: 5000000, partial: 0.5 });
    expect(shapeOf(LlmEntrySchema.parse({ ...m2, ...derived }))).toEqual(shapeOf(m2));
  });

  it("reads Ministral 3's text_config as llama.cpp's mistral3 (mistralai/Ministral-3-14B-Instruct-2512 fields)", () => {
    const cfg = {
      model_type: "mistral3",
      text_config: {
        model_type: "ministral3", hidden_size: 5120, intermediate_size: 16384, num_hidden_layers: 40, num_attention_heads: 32, num_key_value_heads: 8,
        head_dim: 128, vocab_size: 131072, max_position_embeddings: 262144, rope_theta: 1000000000, tie_word_embeddings: false,
        rope_scaling: { rope_type: "yarn", factor: 16, original_max_position_embeddings: 16384, beta_fast: 32, beta_slow: 1 },
      },
    };
    const m14 = entry("ministral-3-14b-instruct-2512");
    const derived = entryFromConfig(cfg);
    expect(derived.arch).toBe("mistral3");
    expect(shapeOf(LlmEntrySchema.parse({ ...m14, ...derived }))).toEqual(shapeOf(m14));
    expect(derived.hp.rope).toEqual(m14.hp.rope);
  });
});

describe("scripts/catalog-from-config.mjs (one command to add a model)", () => {
  const SCRIPT = resolve(import.meta.dirname, "../../scripts/catalog-from-config.mjs");
  const run = (args: string[]) => spawnSync(process.execPath, [SCRIPT, ...args], { encoding: "utf8" });
  const CARD = ["--name", "Qwen3 8B (copy)", "--family", "qwen3", "--license", "apache-2.0", "--released", "2025-04-29", "--params", "8.19e9",
    "--capabilities", "chat,tools,reasoning", "--quality", "6", "--source", "https://huggingface.co/Qwen/Qwen3-8B/blob/main/config.json"];

  it("prints a complete, valid entry from a saved config.json and the card's facts", () => {
    const r = run([join(DIR, "Qwen__Qwen3-8B.json"), "--id", "qwen3-8b-copy", ...CARD]);
    expect(r.status, r.stderr).toBe(0);
    const [parsed] = parseCatalog([[JSON.parse(r.stdout)]]);
    expect(parsed?.id).toBe("qwen3-8b-copy");
    expect(parsed?.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    if (parsed === undefined || parsed.kind === "diffusion") throw new Error("not an LLM entry");
    const { params: _mine, ...mine } = shapeOf(parsed);
    const { params: _theirs, ...theirs } = shapeOf(entry("qwen3-8b"));
    expect(mine).toEqual(theirs);
    expect(r.stderr).toMatch(/qwen3-8b-copy: 8\.191B from the shape vs 8\.190B published/);
  });

  it("takes the repo of a saved config.json from --hf, and refuses one that is not owner/name", () => {
    const file = join(DIR, "mistralai__Devstral-2-123B-Instruct-2512.json");
    const card = ["--id", "devstral-2-copy", ...CARD.slice(0, 14)];
    const r = run([file, "--hf", "mistralai/Devstral-2-123B-Instruct-2512", ...card]);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect([out.hf, out.source, out.checkpoint]).toEqual(["mistralai/Devstral-2-123B-Instruct-2512", "https://huggingface.co/mistralai/Devstral-2-123B-Instruct-2512/blob/main/config.json", "fp8"]);
    expect(out.hp.rope).toEqual({ theta: 1000000, scaling: { type: "yarn", factor: 64, originalCtx: 4096 } });
    const bad = run([file, "--hf", "devstral 2", ...card]);
    expect([bad.status, bad.stderr]).toEqual([2, "catalog-from-config: --hf devstral 2: not a Hugging Face repo id (owner/name)\n"]);
  });

  it("names the card facts still missing, and compares with an existing entry", () => {
    const partial = run([join(DIR, "Qwen__Qwen3-8B.json"), "--id", "qwen3-8b-copy"]);
    expect(partial.status).toBe(1);
    expect(partial.stderr).toMatch(/also give --name --family --license --released --params --capabilities --quality/);
    const same = run([join(DIR, "Qwen__Qwen3-8B.json"), "--id", "qwen3-8b"]);
    expect([same.status, same.stderr]).toEqual([0, "qwen3-8b: the catalog's shape matches this config\n"]);
    const bad = run([join(DIR, "Qwen__Qwen3-8B.json"), "--id", "x", ...CARD.slice(0, 8), "--params", "lots", ...CARD.slice(10)]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--params lots: give a positive number/);
  });

  it("sets checkpoint from the config's quantization_config: INT4 routed experts (Kimi K2 Thinking), FP8 (DeepSeek V3.2), none for BF16", () => {
    const k2 = run([join(DIR, "moonshotai__Kimi-K2-Thinking.json"), "--id", "kimi-k2-thinking"]);
    expect(JSON.parse(k2.stdout).checkpoint).toEqual({ int4: { groupSize: 32, scope: "routed-experts", zeroPoints: false } });
    expect([k2.status, k2.stderr]).toEqual([0, "kimi-k2-thinking: the catalog's shape matches this config\n"]);
    const v32 = run([join(DIR, "deepseek-ai__DeepSeek-V3.2.json"), "--id", "deepseek-v3.2"]);
    expect(JSON.parse(v32.stdout).checkpoint).toBe("fp8");
    const qwen = run([join(DIR, "Qwen__Qwen3-8B.json"), "--id", "qwen3-8b-copy", ...CARD]);
    expect(qwen.status, qwen.stderr).toBe(0);
    expect(JSON.parse(qwen.stdout)).not.toHaveProperty("checkpoint");
    // the same shape as K2 Instruct 0905, whose checkpoint is FP8: the one difference is the checkpoint
    const other = run([join(DIR, "moonshotai__Kimi-K2-Thinking.json"), "--id", "kimi-k2-instruct-0905"]);
    expect(other.status).toBe(1);
    expect(other.stderr).toBe('kimi-k2-instruct-0905 differs:\n  checkpoint: catalog "fp8" → config {"int4":{"groupSize":32,"scope":"routed-experts","zeroPoints":false}}\n');
  });
  it("reads the quantization_config formats vLLM loads, and refuses what the plan would size wrong", () => {
    const ct = (weights: object, ignore: string[]) => ({ quantization_config: { quant_method: "compressed-tensors", config_groups: { group_0: { targets: ["Linear"], weights } }, ignore } });
    const w4 = { num_bits: 4, type: "int", strategy: "group", group_size: 128, symmetric: true };
    expect(checkpointFromConfig(ct(w4, ["lm_head"]))).toEqual({ int4: { groupSize: 128, scope: "linear", zeroPoints: false } });
    expect(checkpointFromConfig(ct({ ...w4, symmetric: false }, ["lm_head"]))).toEqual({ int4: { groupSize: 128, scope: "linear", zeroPoints: true } });
    expect(checkpointFromConfig(ct({ num_bits: 8, type: "float", strategy: "channel" }, ["lm_head"]))).toBe("fp8");
    // channel-wise INT4, 8-bit int, attention alone kept BF16: not sized
    expect(checkpointFromConfig(ct({ ...w4, strategy: "channel", group_size: null }, ["lm_head"]))).toBeUndefined();
    expect(checkpointFromConfig(ct({ ...w4, num_bits: 8 }, ["lm_head"]))).toBeUndefined();
    expect(checkpointFromConfig(ct(w4, ["lm_head", "re:.*self_attn.*"]))).toBeUndefined();
    expect(checkpointFromConfig({ quantization_config: { quant_method: "awq", bits: 4, group_size: 128, zero_point: true } })).toEqual({ int4: { groupSize: 128, scope: "linear", zeroPoints: true } });
    expect(checkpointFromConfig({ quantization_config: { quant_method: "gptq", bits: 4, group_size: 128, sym: true } })).toEqual({ int4: { groupSize: 128, scope: "linear", zeroPoints: false } });
    expect(checkpointFromConfig({ quantization_config: { quant_method: "mxfp4" } })).toBeUndefined();
    expect(checkpointFromConfig({ text_config: { quantization_config: { quant_method: "fp8" } } })).toBe("fp8");
    expect(checkpointFromConfig(config("Qwen__Qwen3-8B"))).toBeUndefined();
  });

  it("builds the entry from the same pure function the tests can call", () => {
    const derived = entryFromConfig(config("Qwen__Qwen3-4B"));
    const e = catalogEntryFrom(derived, {
      id: "q4", name: "Q4", family: "qwen3", license: "apache-2.0", released: "2025-04-29", checked: "2026-12-03", params: 4.02e9,
      capabilities: ["chat"], quality: 4, hf: "Qwen/Qwen3-4B",
    });
    expect(e).toMatchObject({ hf: "Qwen/Qwen3-4B", source: "https://huggingface.co/Qwen/Qwen3-4B/blob/main/config.json", quants: ["Q2_K", "Q3_K_M", "Q4_K_M", "Q5_K_M", "Q6_K", "Q8_0", "F16"] });
    expect(() => catalogEntryFrom(derived, { id: "q", name: "Q", family: "q", license: "x", released: "2025-01", checked: "2026-12-03", params: 1, capabilities: ["chat"], quality: 1 })).toThrow(/no source/);
  });
});
