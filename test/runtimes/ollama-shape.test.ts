import { describe, expect, it } from "vitest";
import { ollamaDefaultContext, ollamaShowSchema, shapeFromOllamaShow, tryShapeFromOllamaShow } from "../../src/runtimes/ollama-shape.js";
import { fixtureJson } from "../support/fake-servers.js";
import { CATALOG, shapeOf } from "../../src/models/catalog.js";
import { kvCacheSize } from "../../src/sizing/kv-cache.js";
import { DEFAULT_RUN_SETTINGS } from "../../src/sizing/types.js";

const GiB = 1024 ** 3;
const show = (info: Record<string, unknown>, extra: Record<string, unknown> = {}) => ollamaShowSchema.parse({ model_info: info, ...extra });

describe("ollamaDefaultContext (docs/context-length.mdx)", () => {
  it.each([
    [8 * GiB, 4096],
    [23.9 * GiB, 4096],
    [24 * GiB, 32768],
    [47.9 * GiB, 32768],
    [48 * GiB, 262144],
    [192 * GiB, 262144],
  ])("%d bytes of VRAM → %d", (vram, ctx) => {
    expect(ollamaDefaultContext(vram)).toBe(ctx);
  });
  it("num_ctx wins, then OLLAMA_CONTEXT_LENGTH", () => {
    expect(ollamaDefaultContext(8 * GiB, { numCtx: 16384, envContextLength: "65536" })).toBe(16384);
    expect(ollamaDefaultContext(8 * GiB, { envContextLength: "65536" })).toBe(65536);
    expect(ollamaDefaultContext(8 * GiB, { envContextLength: "junk" })).toBe(4096);
  });
});

describe("shapeFromOllamaShow", () => {
  it("builds a dense llama from the documented /api/show answer", () => {
    const s = shapeFromOllamaShow(ollamaShowSchema.parse(fixtureJson("ollama/show-llama3.2.json")));
    expect(s).toMatchObject({ arch: "llama", kind: "dense", nEmbd: 4096, nVocab: 128256, nCtxTrain: 8192, headDimK: 128, headDimV: 128, swaWindow: 0, params: { total: 8030261248, active: 8030261248 }, fileType: "Q4_0" });
    expect(s?.layers).toHaveLength(32);
    expect(s?.layers[0]).toEqual({ mixer: "attention", nHead: 32, nHeadKv: 8, swa: false, nFf: 14336 });
  });

  it("reads DeepSeek's MLA and DeepSeek-V3.2's indexer keys, so the latent and indexer caches are sized as from the file", () => {
    const s = shapeFromOllamaShow(ollamaShowSchema.parse(fixtureJson("ollama/show-deepseek-v3.2.json")));
    expect(s).toMatchObject({ arch: "deepseek32", kind: "moe", nEmbd: 7168, nVocab: 129280, nCtxTrain: 163840 });
    expect(s?.mla).toEqual({ qLoraRank: 1536, kvLoraRank: 512, qkNopeHeadDim: 128, qkRopeHeadDim: 64, vHeadDim: 128 });
    expect(s?.indexer).toEqual({ heads: 64, headDim: 128, topK: 2048 });
    const entry = CATALOG.find((e) => e.id === "deepseek-v3.2");
    if (!s || !entry) throw new Error("no shape or no catalog entry");
    const settings = { ...DEFAULT_RUN_SETTINGS, ctx: 32768 };
    const fromServer = kvCacheSize(s, settings);
    const fromCatalog = kvCacheSize(shapeOf(entry), settings);
    // the latent (512 + 64 per token and layer) and the indexer keys (128), not 128 heads of 576 / 512
    expect(fromServer.k + fromServer.v).toBe(fromCatalog.k + fromCatalog.v);
    expect(fromServer.k + fromServer.v).toBeLessThan(61 * 32768 * (576 + 128) * 2 * 1.01);
  });

  it("asks for verbose when per-layer arrays or the vocabulary were elided", () => {
    const info = { "general.architecture": "llama", "llama.block_count": 2, "llama.embedding_length": 64, "llama.attention.head_count": 4, "llama.attention.head_count_kv": [], "tokenizer.ggml.tokens": [] };
    expect(tryShapeFromOllamaShow(show(info))).toBe("needs-verbose");
    expect(tryShapeFromOllamaShow(show({ "general.architecture": "llama" }))).toBe("unusable");
  });

  it("reads per-layer head counts and marks a hybrid's recurrent layers", () => {
    const s = shapeFromOllamaShow(
      show({
        "general.architecture": "nemotron_h",
        "general.parameter_count": 9e9,
        "nemotron_h.block_count": 4,
        "nemotron_h.embedding_length": 4480,
        "nemotron_h.vocab_size": 131072,
        "nemotron_h.context_length": 131072,
        "nemotron_h.attention.head_count": 40,
        "nemotron_h.attention.head_count_kv": [0, 8, 0, 0],
        "nemotron_h.attention.key_length": 128,
        "nemotron_h.feed_forward_length": [0, 0, 15680, 0],
        "nemotron_h.ssm.conv_kernel": 4,
        "nemotron_h.ssm.inner_size": 8960,
        "nemotron_h.ssm.state_size": 128,
        "nemotron_h.ssm.group_count": 8,
        "nemotron_h.ssm.time_step_rank": 112,
      }),
    );
    expect(s?.kind).toBe("hybrid");
    // llama.cpp's rule (src/models/nemotron-h.cpp): recurrent iff no KV heads and no FFN, so layer 2
    // (FFN 15680, no KV heads) is an MLP layer with neither a cache nor a state
    expect(s?.layers.map((l) => l.mixer)).toEqual(["recurrent", "attention", "none", "recurrent"]);
    expect(s?.layers.map((l) => l.nFf)).toEqual([0, 0, 15680, 0]);
    expect(s?.ssm).toEqual({ dConv: 4, dInner: 8960, dState: 128, nGroup: 8, dtRank: 112, nHead: 112 });
  });

  it("marks LFM2's convolution layers, and treats an unknown arch's window as full attention", () => {
    const s = shapeFromOllamaShow(
      show({
        "general.architecture": "lfm2",
        "lfm2.block_count": 3,
        "lfm2.embedding_length": 1024,
        "lfm2.vocab_size": 65536,
        "lfm2.attention.head_count": 16,
        "lfm2.attention.head_count_kv": [0, 8, 0],
        "lfm2.feed_forward_length": 6656,
        "lfm2.shortconv.l_cache": 3,
      }),
    );
    expect(s?.layers.map((l) => l.mixer)).toEqual(["shortconv", "attention", "shortconv"]);
    expect(s?.kind).toBe("hybrid");
    const w = shapeFromOllamaShow(
      show({ "general.architecture": "phi3", "phi3.block_count": 2, "phi3.embedding_length": 64, "phi3.vocab_size": 10, "phi3.attention.head_count": 4, "phi3.attention.sliding_window": 2047 }),
    );
    expect(w?.layers.map((l) => l.swa)).toEqual([false, false]);
    expect(w?.swaWindow).toBe(0);
  });

  it("reads a pure Mamba as ssm, with Mamba-1 heads = 0", () => {
    const s = shapeFromOllamaShow(
      show({
        "general.architecture": "mamba",
        "mamba.block_count": 2,
        "mamba.embedding_length": 768,
        "mamba.vocab_size": 50280,
        "mamba.ssm.conv_kernel": 4,
        "mamba.ssm.inner_size": 1536,
        "mamba.ssm.state_size": 16,
        "mamba.ssm.time_step_rank": 48,
      }),
    );
    expect(s?.kind).toBe("ssm");
    expect(s?.layers.every((l) => l.mixer === "recurrent")).toBe(true);
    expect(s?.ssm?.nHead).toBe(0);
  });

  it("reads MoE experts and counts active parameters", () => {
    const s = shapeFromOllamaShow(
      show({
        "general.architecture": "qwen3moe",
        "general.parameter_count": 30532122624,
        "qwen3moe.block_count": 48,
        "qwen3moe.embedding_length": 2048,
        "qwen3moe.vocab_size": 151936,
        "qwen3moe.attention.head_count": 32,
        "qwen3moe.attention.head_count_kv": 4,
        "qwen3moe.attention.key_length": 128,
        "qwen3moe.attention.value_length": 128,
        "qwen3moe.feed_forward_length": 6144,
        "qwen3moe.expert_count": 128,
        "qwen3moe.expert_used_count": 8,
        "qwen3moe.expert_feed_forward_length": 768,
      }),
    );
    expect(s?.kind).toBe("moe");
    expect(s?.experts).toEqual({ count: 128, used: 8, shared: 0, nFfExp: 768, nFfShexp: 0, leadingDense: 0 });
    // 30.5B total, ~3.3B active (Qwen3-30B-A3B)
    expect(s?.params.active).toBeGreaterThan(3.0e9);
    expect(s?.params.active).toBeLessThan(3.6e9);
  });

  it("uses a bool sliding-window pattern array, the tensor list and the vocab from tokens", () => {
    const s = shapeFromOllamaShow(
      show(
        {
          "general.architecture": "gpt-oss",
          "gpt-oss.block_count": 4,
          "gpt-oss.embedding_length": 2880,
          "gpt-oss.attention.head_count": 64,
          "gpt-oss.attention.head_count_kv": 8,
          "gpt-oss.attention.key_length": 64,
          "gpt-oss.attention.sliding_window": 128,
          "gpt-oss.attention.sliding_window_pattern": [true, false, true, false],
          "tokenizer.ggml.tokens": ["a", "b", "c"],
        },
        { tensors: [{ name: "token_embd.weight", type: "Q8_0", shape: [2880, 3] }] },
      ),
    );
    expect(s?.layers.map((l) => l.swa)).toEqual([true, false, true, false]);
    expect(s?.swaWindow).toBe(128);
    expect(s?.nVocab).toBe(3);
    expect(s?.tiedEmbeddings).toBe(true);
    expect(s?.tensors).toEqual([{ name: "token_embd.weight", ne: [2880, 3], type: "Q8_0" }]);
  });
});
