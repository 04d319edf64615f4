import { createServer, type Server } from "node:http";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LlmFitError } from "../../src/errors.js";
import { readGgufShape } from "../../src/models/gguf.js";
import { referenceShape } from "../../src/sizing/reference-shapes.js";
import { applyQuantMix } from "../../src/sizing/quant-mix.js";
import { tensorsForShape } from "../../src/sizing/tensors.js";
import type { ModelShape } from "../../src/models/shape.js";
import { writeGgufFile } from "./gguf-writer.js";

const dir = mkdtempSync(join(tmpdir(), "llmfit-gguf-"));
const llama1b = referenceShape("llama-3.2-1b") as ModelShape;
const tensors = applyQuantMix(llama1b, tensorsForShape(llama1b), "Q4_K_M");
const kvs = [
  ["general.architecture", "llama"],
  ["general.file_type", 15],
  ["llama.block_count", 16],
  ["llama.context_length", 131072],
  ["llama.embedding_length", 2048],
  ["llama.feed_forward_length", 8192],
  ["llama.attention.head_count", 32],
  ["llama.attention.head_count_kv", 8],
  ["llama.rope.freq_base", 500000, "f32"],
  ["tokenizer.ggml.tokens", ["a", "b", "c"]],
] as const;
const good = join(dir, "llama-1b-q4_k_m.gguf");
const { header, fileBytes } = writeGgufFile(good, kvs, tensors);
const truncated = join(dir, "truncated.gguf");
writeFileSync(truncated, header.subarray(0, Math.floor(header.length / 2)));
const notGguf = join(dir, "readme.gguf");
writeFileSync(notGguf, "<html>not a model</html>".repeat(10));

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    expect(e).toBeInstanceOf(LlmFitError);
    expect((e as LlmFitError).oneLine()).not.toMatch(/\n/);
    return (e as LlmFitError).code;
  }
}

describe("readGgufShape from a file", () => {
  it("reads the shape, the exact tensors and the file type", async () => {
    const s = await readGgufShape(good);
    expect(s.arch).toBe("llama");
    expect(s.layers).toHaveLength(16);
    expect(s.nVocab).toBe(128256);
    expect(s.headDimK).toBe(64);
    expect(s.tiedEmbeddings).toBe(true);
    expect(s.fileType).toBe("Q4_K_M");
    expect(s.tensors).toEqual(tensors.map((t) => ({ ...t, ne: [...t.ne] })));
    expect(s.params.total).toBe(1235814432);
  });
  it("turns a missing, truncated or foreign file into one typed line", async () => {
    expect(await code(readGgufShape(join(dir, "nope.gguf")))).toBe("not_found");
    expect(await code(readGgufShape(truncated))).toBe("bad_gguf");
    expect(await code(readGgufShape(notGguf))).toBe("bad_gguf");
  });
});

describe("readGgufShape of a split model", () => {
  it("reads every shard's tensors from the first shard's name", async () => {
    const half = Math.floor(tensors.length / 2);
    const meta = [
      ["general.architecture", "llama"], ["general.file_type", 15], ["llama.block_count", 16],
      ["llama.context_length", 131072], ["llama.embedding_length", 2048], ["llama.feed_forward_length", 8192],
      ["llama.attention.head_count", 32], ["llama.attention.head_count_kv", 8], ["split.count", 2],
    ] as const;
    const parts = [tensors.slice(0, half), tensors.slice(half)];
    parts.forEach((part, i) => {
      writeGgufFile(join(dir, `big-0000${i + 1}-of-00002.gguf`), i === 0 ? meta : [["general.architecture", "llama"], ["split.count", 2]], part);
    });
    const s = await readGgufShape(join(dir, "big-00001-of-00002.gguf"));
    expect(s.tensors?.length).toBe(tensors.length);
    expect(s.params.total).toBe(1235814432);
  });
});

describe("readGgufShape from a URL (loopback server)", () => {
  let server: Server;
  let base = "";
  const requests: string[] = [];
  beforeAll(async () => {
    // the whole file, its data region all zeros, without holding 760 MB
    const bytesAt = (start: number, end: number): Buffer => {
      const out = Buffer.alloc(end - start);
      if (start < header.length) header.copy(out, 0, start, Math.min(end, header.length));
      return out;
    };
    server = createServer((req, res) => {
      requests.push(`${req.url} ${req.headers.range ?? ""}`);
      if (req.url === "/missing.gguf") return void res.writeHead(404).end("not found");
      if (req.url === "/html.gguf") {
        const body = Buffer.from("<html>hi</html>".repeat(100));
        return void res.writeHead(206, { "content-range": `bytes 0-${body.length - 1}/${body.length}` }).end(body);
      }
      if (req.url === "/norange.gguf") return void res.writeHead(200, { "content-length": header.length }).end(header);
      const m = /bytes=(\d+)-(\d+)/.exec(req.headers.range ?? "");
      const start = Number(m?.[1] ?? 0);
      const end = Math.min(Number(m?.[2] ?? fileBytes - 1), fileBytes - 1);
      res.writeHead(206, { "content-range": `bytes ${start}-${end}/${fileBytes}` }).end(bytesAt(start, end + 1));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const addr = server.address();
    base = typeof addr === "object" && addr ? `http://127.0.0.1:${addr.port}` : "";
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("reads only the header with range requests", async () => {
    let progress = 0;
    const s = await readGgufShape(`${base}/model.gguf`, { onProgress: (n) => (progress = n) });
    expect(s.fileType).toBe("Q4_K_M");
    expect(s.tensors?.length).toBe(tensors.length);
    expect(requests.every((r) => /bytes=\d+-\d+/.test(r))).toBe(true);
    expect(progress).toBeLessThan(4 * 1024 * 1024);
  });
  it("names 404, non-GGUF content and servers without range support", async () => {
    expect(await code(readGgufShape(`${base}/missing.gguf`))).toBe("not_found");
    expect(await code(readGgufShape(`${base}/html.gguf`))).toBe("bad_gguf");
    expect(await code(readGgufShape(`${base}/norange.gguf`))).toBe("http");
  });
});
