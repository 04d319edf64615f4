import { describe, expect, it } from "vitest";
import { ggmlType, ggmlTypeById, tensorBytes } from "../../src/sizing/ggml-types.js";
import { kvCacheSize } from "../../src/sizing/kv-cache.js";
import { recurrentStateSize } from "../../src/sizing/recurrent-state.js";
import { profileShape } from "../../src/sizing/shape-profile.js";
import { denseShape, referenceShape } from "../../src/sizing/reference-shapes.js";
import { DEFAULT_RUN_SETTINGS, type RunSettings } from "../../src/sizing/types.js";
import type { ModelShape } from "../../src/models/shape.js";

const MIB = 1024 * 1024;
const at = (p: Partial<RunSettings>): RunSettings => ({ ...DEFAULT_RUN_SETTINGS, ...p });

describe("ggml types", () => {
  it.each([
    ["Q4_0", 2, 32, 18], ["Q8_0", 8, 32, 34], ["Q4_K", 12, 256, 144], ["Q5_K", 13, 256, 176],
    ["Q6_K", 14, 256, 210], ["Q2_K", 10, 256, 84], ["Q3_K", 11, 256, 110], ["IQ4_XS", 23, 256, 136],
    ["BF16", 30, 1, 2], ["MXFP4", 39, 32, 17], ["IQ1_M", 29, 256, 56], ["TQ1_0", 34, 256, 54],
  ])("%s: id %i, %i elements in %i bytes", (name, id, block, bytes) => {
    const t = ggmlType(name);
    expect(t).toMatchObject({ id, blockSize: block, typeSize: bytes });
    expect(ggmlTypeById(id)?.name).toBe(name);
  });
  it("sizes a tensor row by row", () => {
    expect(tensorBytes([4096, 14336], "Q4_K")).toBe((4096 / 256) * 144 * 14336);
    expect(tensorBytes([4096], "F32")).toBe(16384);
    expect(ggmlType("q4_k")?.name).toBe("Q4_K");
  });
});

describe("KV cache", () => {
  const llama8b = referenceShape("llama-3.1-8b") as ModelShape;
  it("is ctx × layers × kv dim × type size for K and V", () => {
    const kv = kvCacheSize(llama8b, at({ ctx: 8192 }));
    expect((kv.k + kv.v) / MIB).toBe(1024);
    const q8 = kvCacheSize(llama8b, at({ ctx: 8192, kvTypeK: "q8_0", kvTypeV: "q8_0" }));
    expect((q8.k + q8.v) / MIB).toBe(544); // 34/32 bytes per element
  });
  it("splits the context into one stream per sequence", () => {
    const kv = kvCacheSize(llama8b, at({ ctx: 8192, nSeq: 4 }));
    expect(kv.cells).toBe(2048);
    expect(kv.streams).toBe(4);
    expect((kv.k + kv.v) / MIB).toBe(1024);
  });
  it("holds only window + ubatch on sliding-window layers", () => {
    const g = referenceShape("gemma-3-4b") as ModelShape;
    const kv = kvCacheSize(g, at({ ctx: 32768 }));
    expect(kv.cellsSwa).toBe(1536); // 1024 + 512, padded to 256
    expect(kv.layersSwa).toBe(29);
    expect(kv.layers).toBe(5);
    const perCell = 4 * 256 * 2 * 2; // kv heads × head dim × f16 × (K+V)
    expect(kv.k + kv.v).toBe(5 * 32768 * perCell);
    expect(kv.kSwa + kv.vSwa).toBe(29 * 1536 * perCell);
  });
});

describe("recurrent state", () => {
  it("Mamba-1: (d_conv−1)·d_inner + d_state·d_inner f32 per layer and sequence, independent of ctx", () => {
    const base = denseShape({ arch: "mamba", E: 768, L: 24, H: 0, KV: 0, hd: 0, F: 0, V: 50280, ctx: 1 << 20, tied: true });
    const shape: ModelShape = {
      ...base, kind: "ssm",
      layers: base.layers.map((l) => ({ ...l, mixer: "recurrent" as const })),
      ssm: { dConv: 4, dInner: 1536, dState: 16, nGroup: 0, dtRank: 48, nHead: 0 },
    };
    const one = recurrentStateSize(profileShape(shape), at({ ctx: 2048 }));
    expect(one.r).toBe(24 * 3 * 1536 * 4);
    expect(one.s).toBe(24 * 16 * 1536 * 4);
    const four = recurrentStateSize(profileShape(shape), at({ ctx: 65536, nSeq: 4 }));
    expect(four.r + four.s).toBe(4 * (one.r + one.s));
  });
});
