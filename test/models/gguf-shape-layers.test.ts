// Layer kinds read from GGUF metadata alone (no tensor list), as llama.cpp's loaders decide them.
import { describe, expect, it } from "vitest";
import { shapeFromGguf, type GgufMetadata } from "../../src/models/gguf-shape.js";

const meta = (arch: string, keys: Record<string, unknown>): GgufMetadata =>
  ({ "general.architecture": arch, ...Object.fromEntries(Object.entries(keys).map(([k, v]) => [`${arch}.${k}`, v])) }) as GgufMetadata;

describe("shapeFromGguf layer kinds", () => {
  it("Nemotron-H: recurrent only where a layer has neither KV heads nor an FFN (nemotron-h.cpp)", () => {
    const s = shapeFromGguf({
      metadata: meta("nemotron_h_moe", {
        block_count: 4, embedding_length: 2688, vocab_size: 131072, context_length: 262144,
        "attention.head_count": 32, "attention.head_count_kv": [0, 2, 0, 0], "attention.key_length": 128,
        feed_forward_length: [0, 0, 1856, 0], expert_count: 128, expert_used_count: 6, expert_feed_forward_length: 1856,
        "ssm.conv_kernel": 4, "ssm.inner_size": 4096, "ssm.state_size": 128, "ssm.group_count": 8, "ssm.time_step_rank": 64,
      }),
    });
    expect(s.layers.map((l) => l.mixer)).toEqual(["recurrent", "attention", "none", "recurrent"]);
    expect(s.kind).toBe("hybrid");
  });

  it("Qwen3.5: DeltaNet layers are recurrent, every 4th attends (qwen35moe.cpp)", () => {
    const s = shapeFromGguf({
      metadata: meta("qwen35moe", {
        block_count: 8, embedding_length: 2048, vocab_size: 248320, "attention.head_count": 16, "attention.head_count_kv": 2,
        "attention.key_length": 256, full_attention_interval: 4, expert_count: 256, expert_used_count: 8,
        "ssm.conv_kernel": 4, "ssm.inner_size": 4096, "ssm.state_size": 128, "ssm.group_count": 16, "ssm.time_step_rank": 32,
      }),
    });
    expect(s.layers.map((l) => l.mixer.charAt(0)).join("")).toBe("rrrarrra");
  });

  it("Gemma 4: the last shared_kv_layers have no cache, SWA layers their own head dim (gemma4.cpp)", () => {
    const s = shapeFromGguf({
      metadata: meta("gemma4", {
        block_count: 6, embedding_length: 1536, vocab_size: 262144, "attention.head_count": 8, "attention.head_count_kv": 1,
        "attention.key_length": 512, "attention.key_length_swa": 256, "attention.sliding_window": 512,
        "attention.sliding_window_pattern": [true, true, true, true, false, true], "attention.shared_kv_layers": 2,
        embedding_length_per_layer_input: 256,
      }),
    });
    expect(s.layers.map((l) => l.mixer)).toEqual(["attention", "attention", "attention", "attention", "none", "none"]);
    expect(s.layers.map((l) => l.swa)).toEqual([true, true, true, true, false, true]);
    expect([s.headDimK, s.headDimKSwa, s.perLayerInput]).toEqual([512, 256, 256]);
  });
});
