// Hostile and broken GGUF headers: every count a file claims is bounded before anything is built
// for it, truncation is called "truncated", and big valid values are read. The fuzz case mutates a
// real header (llama-3.2-1b's 147 tensors) with a fixed seed.
import { describe, expect, it } from "vitest";
import { LlmFitError } from "../../src/errors.js";
import { readGgufShapeFrom } from "../../src/models/gguf.js";
import type { ByteSource } from "../../src/models/gguf-source.js";
import { ggufHeader, type GgufWriteValue } from "../../src/models/gguf-write.js";
import { printable } from "../../src/models/printable.js";
import type { ModelShape } from "../../src/models/shape.js";
import { applyQuantMix } from "../../src/sizing/quant-mix.js";
import { referenceShape } from "../../src/sizing/reference-shapes.js";
import { tensorsForShape } from "../../src/sizing/tensors.js";
import { rng } from "../support/rng.js";

const MIB = 1024 * 1024;

/** A file of `size` bytes whose first bytes are `head` and the rest zeros (a sparse data region). */
function virtualFile(head: Uint8Array, size: number, where = "model.gguf"): ByteSource {
  return {
    where,
    size,
    read: async (offset, length) => {
      const end = Math.min(offset + length, size);
      const out = new Uint8Array(Math.max(0, end - offset));
      if (offset < head.length) out.set(head.subarray(offset, Math.min(end, head.length)));
      return out;
    },
    close: async () => {},
  };
}

const llama1b = referenceShape("llama-3.2-1b") as ModelShape;
const tensors = applyQuantMix(llama1b, tensorsForShape(llama1b), "Q4_K_M");
type Kvs = readonly (readonly [string, GgufWriteValue])[];
const baseKvs: Kvs = [
  ["general.architecture", { str: "llama" }],
  ["general.name", { str: "Llama 3.2 1B" }],
  ["general.file_type", { u32: 15 }],
  ["llama.block_count", { u32: 16 }],
  ["llama.context_length", { u32: 131072 }],
  ["llama.embedding_length", { u32: 2048 }],
  ["llama.feed_forward_length", { u32: 8192 }],
  ["llama.attention.head_count", { u32: 32 }],
  ["llama.attention.head_count_kv", { u32: 8 }],
  ["tokenizer.ggml.tokens", { strs: ["a", "b", "c"] }],
];
const withKv = (key: string, v: GgufWriteValue): Kvs => [...baseKvs.filter(([k]) => k !== key), [key, v]];
const base = ggufHeader(baseKvs, tensors);

async function outcome(src: ByteSource): Promise<{ shape?: ModelShape; error?: LlmFitError; ms: number; heap: number }> {
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  try {
    const shape = await readGgufShapeFrom(src);
    return { shape, ms: performance.now() - t0, heap: process.memoryUsage().heapUsed - heap0 };
  } catch (e) {
    if (!(e instanceof LlmFitError)) throw e; // an untyped error is a failure of the test
    return { error: e, ms: performance.now() - t0, heap: process.memoryUsage().heapUsed - heap0 };
  }
}

async function refused(kvs: Kvs, t = tensors): Promise<string> {
  const h = ggufHeader(kvs, t);
  const r = await outcome(virtualFile(h.header, h.fileBytes));
  expect(r.shape).toBeUndefined();
  expect(r.error?.code).toBe("bad_gguf");
  const line = r.error?.oneLine() ?? "";
  expect(line).not.toMatch(/\n/);
  // generous bounds that only catch the unbounded behaviour (seconds and gigabytes before)
  expect(r.ms).toBeLessThan(1000);
  expect(r.heap).toBeLessThan(100 * MIB);
  return line;
}

/** The base header with the u64 at `at` overwritten. */
function patchU64(buf: Buffer, at: number, v: bigint): Buffer {
  const b = Buffer.from(buf);
  b.writeBigUInt64LE(v, at);
  return b;
}

describe("hostile counts are refused before anything is built", () => {
  it.each([10_000_000, 100_000_000, 2 ** 32 - 1])("llama.block_count = %d", async (n) => {
    expect(await refused(withKv("llama.block_count", { u32: n }))).toMatch(/llama\.block_count is more than 512 \(llama\.cpp's LLAMA_MAX_LAYERS\)/);
  });
  it("llama.block_count at or past 2^53 (a u64)", async () => {
    expect(await refused(withKv("llama.block_count", { u64: 2 ** 60 }))).toMatch(/block_count is more than 512/);
    expect(await refused(withKv("llama.block_count", { u64: 2 ** 53 }))).toMatch(/block_count is more than 512/);
  });
  it("per-layer arrays longer than LLAMA_MAX_LAYERS", async () => {
    const long = Array.from({ length: 600 }, () => 32);
    expect(await refused(withKv("llama.attention.head_count", { i32s: long }))).toMatch(/head_count has more than 512 entries/);
  });
  it("a 3 KB file claiming 10^7 or 10^5 tensors", async () => {
    const small = ggufHeader(baseKvs, tensors.slice(0, 2)).header;
    // the tensor count is the u64 right after the magic and version
    for (const [n, says] of [[10_000_000n, /claims 10000000 tensors \(at most 1048576\)/], [100_000n, /is truncated: it declares 10 keys and 100000 tensors/]] as const) {
      const r = await outcome(virtualFile(patchU64(small, 8, n), small.length));
      expect(small.length).toBeLessThan(3000);
      expect(r.error?.oneLine()).toMatch(says);
      expect(r.ms).toBeLessThan(1000);
      expect(r.heap).toBeLessThan(100 * MIB);
    }
  });
  it("string and array lengths past the end of the file, and nested arrays", async () => {
    const h = ggufHeader(withKv("general.name", { str: "x" }), tensors).header;
    // general.name's value length: after the key and its type
    const at = h.indexOf("general.name") + "general.name".length + 4;
    expect(h.readBigUInt64LE(at)).toBe(1n);
    for (const n of [2n ** 62n, 2n ** 64n - 1n]) {
      const r = await outcome(virtualFile(patchU64(h, at, n), 1e9));
      expect(r.error?.oneLine()).toMatch(/claims \d+ bytes/);
    }
    const r = await outcome(virtualFile(patchU64(h, at, 50n * 1024n), h.length));
    expect(r.error?.oneLine()).toMatch(/is truncated/);
  });
});

describe("truncated and big files", () => {
  it("a header cut inside its tensor list is called truncated, not sized as another model", async () => {
    for (const cut of [Math.floor(base.header.length * 0.6), base.header.length - 40, 30, 4]) {
      const r = await outcome(virtualFile(base.header.subarray(0, cut), cut));
      expect(r.error?.oneLine()).toMatch(/ is truncated: /);
    }
  });
  it("a header whose data region is missing is truncated", async () => {
    const r = await outcome(virtualFile(base.header, base.fileBytes - 1));
    expect(r.error?.oneLine()).toMatch(/is truncated: its tensors need 762\.8 MiB but the file holds 762\.8 MiB/);
  });
  it("reads a valid file with a 4.5 MB tokenizer.huggingface.json", async () => {
    const json = JSON.stringify({ model: { vocab: Object.fromEntries(Array.from({ length: 150_000 }, (_, i) => [`token_${i}_abcdefghij`, i])) } });
    expect(json.length).toBeGreaterThan(4.5e6);
    const h = ggufHeader([...baseKvs, ["tokenizer.huggingface.json", { str: json }]], tensors);
    const s = await readGgufShapeFrom(virtualFile(h.header, h.fileBytes));
    expect(s.layers).toHaveLength(16);
    expect(s.params.total).toBe(1235814432);
  });
  it("escapes terminal escapes and NULs in names", async () => {
    expect(printable("ok\u001b]0;pwned\u0007\u0000\u009b")).toBe("ok\\x1b]0;pwned\\x07\\x00\\x9b");
    const evil = tensors.map((t, i) => (i === 0 ? { ...t, name: "tok\u001b[2J" } : t));
    const h = ggufHeader(baseKvs, evil);
    const s = await readGgufShapeFrom(virtualFile(h.header, h.fileBytes));
    expect(s.tensors?.[0]?.name).toBe("tok\\x1b[2J");
  });
});


const INTERESTING = [0n, 1n, 0x7fn, 0xffn, 0xffffn, 0xffff_ffffn, 0x1_0000_0000n, 2n ** 53n, 2n ** 63n, 2n ** 64n - 1n];

describe("fuzz: mutated headers", () => {
  it("every one of 3,000 mutations parses or gives one typed line, fast and in bounded heap", async () => {
    const rand = rng(17);
    const int = (n: number): number => Math.floor(rand() * n);
    const h = base.header;
    const tally = { parsed: 0, truncated: 0, corrupt: 0 };
    let slowest = 0;
    let peakHeap = 0;
    const heap0 = process.memoryUsage().heapUsed;
    for (let i = 0; i < 3000; i++) {
      const b = Buffer.from(h);
      let size = base.fileBytes;
      const kind = i % 4;
      if (kind === 0) for (let f = 1 + int(8); f > 0; f--) { const at = int(b.length); b[at] = (b[at] ?? 0) ^ (1 << int(8)); }
      else if (kind === 1) b.writeBigUInt64LE(INTERESTING[int(INTERESTING.length)] ?? 0n, int(b.length - 8));
      else if (kind === 2) b.writeUInt32LE(int(2) ? 0xffff_ffff : int(64), int(b.length - 4));
      else size = int(h.length + 64);
      const r = await outcome(virtualFile(b, size));
      slowest = Math.max(slowest, r.ms);
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed - heap0);
      if (r.shape) tally.parsed++;
      else {
        expect(r.error?.code).toBe("bad_gguf");
        expect(r.error?.oneLine()).not.toMatch(/\n/);
        if (/ is truncated: /.test(r.error?.message ?? "")) tally.truncated++;
        else tally.corrupt++;
        // a cut file is always called truncated
        if (kind === 3) expect(r.error?.message).toMatch(/ is truncated: /);
      }
    }
    if (process.env.LLMFIT_FUZZ_REPORT) process.stderr.write(`${JSON.stringify({ ...tally, slowest, peakHeap })}\n`);
    expect(tally.parsed + tally.truncated + tally.corrupt).toBe(3000);
    expect(tally.parsed).toBeGreaterThan(0);
    expect(slowest).toBeLessThan(1000);
    expect(peakHeap).toBeLessThan(100 * MIB);
  });
});
