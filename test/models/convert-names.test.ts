// A transformers checkpoint's tensors as llama.cpp's converter writes them: names mapped from the
// safetensors headers (written here by the project's safetensors header writer), shapes taken from
// the headers, the converter's drops (rotary inv_freq, Gemma's lm_head, a vision tower), experts
// stacked, unknown names reported, and llmfit's own tensor list kept as the cross-check.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { quantTable, tensorsLine } from "../../src/cli/fit-remote.js";
import { simulateHardware } from "../../src/hardware/simulate.js";
import { safetensorsHeader, type SafetensorsTensor } from "../../src/models/safetensors-write.js";
import { convertCheckpoint } from "../../src/models/sources/convert-names.js";
import { readSafetensorsHeader } from "../../src/models/sources/safetensors.js";
import { shapeFromSafetensors, type SafetensorsModel } from "../../src/models/sources/safetensors-shape.js";
import { createSizer } from "../../src/sizing/search.js";
import { tensorsForShape } from "../../src/sizing/tensors.js";
import { DEFAULT_RUN_SETTINGS } from "../../src/sizing/types.js";
import { LLAMA_3B_CONFIG, llamaSafetensorsTensors } from "../support/model-repos.js";

const CONFIGS = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "configs");
const config = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(CONFIGS, name), "utf8")) as Record<string, unknown>;

/** The header bytes the writer makes, read back by the reader the Hub and disk paths use. */
async function modelOf(cfg: unknown, tensors: readonly SafetensorsTensor[]): Promise<SafetensorsModel> {
  const { header, fileBytes } = safetensorsHeader(tensors);
  const read = async (a: number, b: number): Promise<Uint8Array> => header.subarray(a, Math.min(b + 1, header.length));
  return shapeFromSafetensors(cfg, await readSafetensorsHeader(read, "test", fileBytes), "test");
}

const sameList = (m: SafetensorsModel): void => {
  const own = tensorsForShape(m.shape).map((t) => `${t.name} ${t.ne.join("x")}`).sort();
  expect(m.shape.convertedTensors!.map((t) => `${t.name} ${t.ne.join("x")}`).sort()).toEqual(own);
};

/** Per-layer tensors transformers saves for a Qwen-style (or Llama-style) decoder. */
function decoder(c: { hidden: number; layers: number; q: number; kv: number; ff: number; vocab: number; tied: boolean; bias?: boolean; qkNorm?: number; prefix?: string }): SafetensorsTensor[] {
  const H = c.hidden, dtype = "BF16", p0 = c.prefix ?? "model";
  const out: SafetensorsTensor[] = [{ name: `${p0}.embed_tokens.weight`, dtype, shape: [c.vocab, H] }];
  for (let i = 0; i < c.layers; i++) {
    const p = `${p0}.layers.${i}`;
    out.push({ name: `${p}.input_layernorm.weight`, dtype, shape: [H] });
    for (const [n, rows] of [["q", c.q], ["k", c.kv], ["v", c.kv]] as const) {
      out.push({ name: `${p}.self_attn.${n}_proj.weight`, dtype, shape: [rows, H] });
      if (c.bias) out.push({ name: `${p}.self_attn.${n}_proj.bias`, dtype, shape: [rows] });
    }
    if (c.qkNorm) out.push({ name: `${p}.self_attn.q_norm.weight`, dtype, shape: [c.qkNorm] }, { name: `${p}.self_attn.k_norm.weight`, dtype, shape: [c.qkNorm] });
    out.push(
      { name: `${p}.self_attn.o_proj.weight`, dtype, shape: [H, c.q] },
      { name: `${p}.post_attention_layernorm.weight`, dtype, shape: [H] },
      { name: `${p}.mlp.gate_proj.weight`, dtype, shape: [c.ff, H] },
      { name: `${p}.mlp.up_proj.weight`, dtype, shape: [c.ff, H] },
      { name: `${p}.mlp.down_proj.weight`, dtype, shape: [H, c.ff] },
    );
  }
  out.push({ name: `${p0}.norm.weight`, dtype, shape: [H] });
  if (!c.tied) out.push({ name: "lm_head.weight", dtype, shape: [c.vocab, H] });
  return out;
}

describe("checkpoint names → GGUF tensors (convert_hf_to_gguf.py's mapping)", () => {
  it("Llama: the converter's list is llmfit's own, rotary inv_freq dropped, Llama 3's rope_freqs generated", async () => {
    const c = LLAMA_3B_CONFIG;
    const inv = Array.from({ length: c.num_hidden_layers }, (_, i): SafetensorsTensor => ({ name: `model.layers.${i}.self_attn.rotary_emb.inv_freq`, dtype: "F32", shape: [c.head_dim / 2] }));
    const m = await modelOf(c, [...llamaSafetensorsTensors(), ...inv]);
    expect(m.tensors).toMatchObject({ source: "checkpoint", dropped: { "rotary inv_freq": c.num_hidden_layers }, unknown: [], differences: [] });
    sameList(m);
    expect(m.shape.convertedTensors!.some((t) => t.name === "rope_freqs.weight")).toBe(true);
    expect(m.shape.convertedTensors!.find((t) => t.name === "blk.3.attn_q.weight")).toEqual({ name: "blk.3.attn_q.weight", ne: [c.hidden_size, c.num_attention_heads * c.head_dim], layer: 3 });
    expect(tensorsLine({ kind: "safetensors", model: m, source: {} as never })).toBe(
      `tensors: ${m.tensors.count} as the converter writes them, shaped by the headers (dropped: ${c.num_hidden_layers} rotary inv_freq); llmfit's own list agrees`,
    );
  });

  it("sizes what the headers hold: a padded embedding is weighed at its real rows, and the cross-check names it", async () => {
    const c = LLAMA_3B_CONFIG;
    const pad = 64;
    const tensors = llamaSafetensorsTensors().map((t) => (t.name === "model.embed_tokens.weight" ? { ...t, shape: [c.vocab_size + pad, c.hidden_size] } : t));
    const m = await modelOf(c, tensors);
    expect(m.tensors.differences).toEqual([`1 of another size: token_embd.weight [${c.hidden_size}, ${c.vocab_size + pad}] vs [${c.hidden_size}, ${c.vocab_size}]`]);
    const plain = await modelOf(c, llamaSafetensorsTensors());
    const sizer = createSizer();
    // F16 keeps token_embd at 2 bytes an element: the extra rows, exactly (6144 bytes a row is 32-aligned)
    expect(sizer.weights(m.shape, "F16").total - sizer.weights(plain.shape, "F16").total).toBe(pad * c.hidden_size * 2);
    expect(m.convertedParams - plain.convertedParams).toBe(pad * c.hidden_size);
  });

  it("Qwen2 (q/k/v biases, tied) and Qwen3 (q/k norms) map to llmfit's lists", async () => {
    const q2 = config("Qwen__Qwen2.5-3B.json") as { hidden_size: number; num_hidden_layers: number; num_attention_heads: number; num_key_value_heads: number; intermediate_size: number; vocab_size: number };
    const hd2 = q2.hidden_size / q2.num_attention_heads;
    const m2 = await modelOf(q2, decoder({ hidden: q2.hidden_size, layers: q2.num_hidden_layers, q: q2.num_attention_heads * hd2, kv: q2.num_key_value_heads * hd2, ff: q2.intermediate_size, vocab: q2.vocab_size, tied: true, bias: true }));
    expect(m2.tensors).toMatchObject({ source: "checkpoint", unknown: [], differences: [] });
    sameList(m2);
    expect(m2.shape.convertedTensors!.filter((t) => t.name.endsWith(".bias"))).toHaveLength(3 * q2.num_hidden_layers);
    const q3 = config("Qwen__Qwen3-4B.json") as typeof q2 & { head_dim: number };
    const m3 = await modelOf(q3, decoder({ hidden: q3.hidden_size, layers: q3.num_hidden_layers, q: q3.num_attention_heads * q3.head_dim, kv: q3.num_key_value_heads * q3.head_dim, ff: q3.intermediate_size, vocab: q3.vocab_size, tied: true, qkNorm: q3.head_dim }));
    expect(m3.tensors.differences).toEqual([]);
    sameList(m3);
  });

  it("Qwen3 MoE: one matrix per expert is stacked into ffn_*_exps, as the converter merges them", async () => {
    const cfg = { ...config("Qwen__Qwen3-30B-A3B.json"), num_hidden_layers: 2 } as unknown as Record<string, number> & { num_experts: number };
    const H = cfg["hidden_size"]!, hd = cfg["head_dim"]!, E = cfg.num_experts, ff = cfg["moe_intermediate_size"]!;
    const dense = decoder({ hidden: H, layers: 2, q: cfg["num_attention_heads"]! * hd, kv: cfg["num_key_value_heads"]! * hd, ff: 1, vocab: cfg["vocab_size"]!, tied: false, qkNorm: hd }).filter((t) => !t.name.includes(".mlp."));
    const experts: SafetensorsTensor[] = [];
    for (let l = 0; l < 2; l++) {
      experts.push({ name: `model.layers.${l}.mlp.gate.weight`, dtype: "BF16", shape: [E, H] });
      for (let x = 0; x < E; x++) {
        experts.push(
          { name: `model.layers.${l}.mlp.experts.${x}.gate_proj.weight`, dtype: "BF16", shape: [ff, H] },
          { name: `model.layers.${l}.mlp.experts.${x}.up_proj.weight`, dtype: "BF16", shape: [ff, H] },
          { name: `model.layers.${l}.mlp.experts.${x}.down_proj.weight`, dtype: "BF16", shape: [H, ff] },
        );
      }
    }
    const m = await modelOf(cfg, [...dense, ...experts]);
    expect(m.tensors).toMatchObject({ source: "checkpoint", unknown: [], differences: [] });
    sameList(m);
    expect(m.shape.convertedTensors!.find((t) => t.name === "blk.1.ffn_down_exps.weight")?.ne).toEqual([ff, H, E]);
    // an expert missing from the checkpoint cannot be stacked: reported, and llmfit's list is sized instead
    const gap = await modelOf(cfg, [...dense, ...experts.filter((t) => t.name !== "model.layers.0.mlp.experts.7.up_proj.weight")]);
    expect(gap.tensors.source).toBe("llmfit");
    expect(gap.tensors.unknown).toEqual(["blk.0.ffn_up_exps.weight (experts of uneven shapes or numbering)"]);
  });

  it("Gemma 3 (multimodal checkpoint): language_model. prefix stripped, vision tower and lm_head dropped, its four norms named", () => {
    const H = 64;
    const t = (name: string, ...shape: number[]) => ({ name, shape });
    const header = [
      t("language_model.model.embed_tokens.weight", 1000, H),
      t("language_model.model.layers.0.input_layernorm.weight", H),
      t("language_model.model.layers.0.post_attention_layernorm.weight", H),
      t("language_model.model.layers.0.pre_feedforward_layernorm.weight", H),
      t("language_model.model.layers.0.post_feedforward_layernorm.weight", H),
      t("language_model.model.layers.0.self_attn.q_norm.weight", 16),
      t("model.language_model.layers.1.mlp.down_proj.weight", H, 128),
      t("language_model.lm_head.weight", 1000, H),
      t("vision_tower.vision_model.encoder.layers.0.mlp.fc1.weight", 10, 10),
      t("multi_modal_projector.mm_input_projection_weight", 10, 10),
    ];
    const conv = convertCheckpoint("gemma3", header);
    expect(conv.tensors.map((x) => x.name)).toEqual([
      "token_embd.weight", "blk.0.attn_norm.weight", "blk.0.post_attention_norm.weight", "blk.0.ffn_norm.weight",
      "blk.0.post_ffw_norm.weight", "blk.0.attn_q_norm.weight", "blk.1.ffn_down.weight",
    ]);
    expect(conv.dropped).toEqual({ "lm_head (tied)": 1, "vision tower (mmproj file)": 2 });
    // the same name is the FFN's norm in Llama
    expect(convertCheckpoint("llama", [t("model.layers.0.post_attention_layernorm.weight", H)]).tensors[0]!.name).toBe("blk.0.ffn_norm.weight");
  });

  it("Mixtral (the llama architecture): block_sparse_moe's w1/w3/w2 per expert become ffn_gate/up/down_exps", () => {
    const t = (name: string, ...shape: number[]) => ({ name, shape });
    const header = [t("model.layers.0.block_sparse_moe.gate.weight", 8, 64)];
    for (let x = 0; x < 8; x++) header.push(t(`model.layers.0.block_sparse_moe.experts.${x}.w1.weight`, 224, 64), t(`model.layers.0.block_sparse_moe.experts.${x}.w2.weight`, 64, 224), t(`model.layers.0.block_sparse_moe.experts.${x}.w3.weight`, 224, 64));
    expect(convertCheckpoint("llama", header).tensors).toEqual([
      { name: "blk.0.ffn_gate_inp.weight", ne: [64, 8], layer: 0 },
      { name: "blk.0.ffn_gate_exps.weight", ne: [64, 224, 8], layer: 0 },
      { name: "blk.0.ffn_down_exps.weight", ne: [224, 64, 8], layer: 0 },
      { name: "blk.0.ffn_up_exps.weight", ne: [64, 224, 8], layer: 0 },
    ]);
  });

  it("names no rule maps: reported in one line, and llmfit's own list is sized instead", async () => {
    const c = LLAMA_3B_CONFIG;
    const odd = [...llamaSafetensorsTensors(), { name: "model.layers.0.self_attn.frobnicator.weight", dtype: "BF16", shape: [4, 4] }, { name: "extra_head.weight", dtype: "BF16", shape: [4] }];
    const m = await modelOf(c, odd);
    expect(m.tensors).toMatchObject({ source: "llmfit", unknown: ["model.layers.0.self_attn.frobnicator.weight", "extra_head.weight"] });
    expect(m.shape.convertedTensors).toBeUndefined();
    const line = tensorsLine({ kind: "safetensors", model: m, source: {} as never });
    expect(line).toBe(`tensors: llmfit's list for llama (${tensorsForShape(m.shape).length}); the converter maps no name for 2 in the headers: model.layers.0.self_attn.frobnicator.weight, extra_head.weight`);
    // the quant table's JSON carries the same report
    const table = quantTable({ kind: "safetensors", model: m, source: { ref: "x", where: "x", files: [], bytesRead: 0, bytesCached: 0, requests: 0, fromCache: false } }, { ...DEFAULT_RUN_SETTINGS, ctx: 4096 }, simulateHardware("RTX 4090"), {}, true);
    expect(JSON.parse(table.text).safetensors.tensors).toMatchObject({ source: "llmfit", unknown: ["model.layers.0.self_attn.frobnicator.weight", "extra_head.weight"] });
  });
});
