// GGUF URLs against loopback servers that misbehave: a 206 that never stops sending, a server that
// never answers, and split models whose names would fan out to thousands of requests.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LlmFitError } from "../../src/errors.js";
import { readGgufShape } from "../../src/models/gguf.js";
import { ggufHeader, type GgufWriteValue } from "../../src/models/gguf-write.js";
import type { ModelShape, TensorInfo } from "../../src/models/shape.js";
import { applyQuantMix } from "../../src/sizing/quant-mix.js";
import { referenceShape } from "../../src/sizing/reference-shapes.js";
import { tensorsForShape } from "../../src/sizing/tensors.js";

const MIB = 1024 * 1024;
const llama1b = referenceShape("llama-3.2-1b") as ModelShape;
const tensors = applyQuantMix(llama1b, tensorsForShape(llama1b), "Q4_K_M");
const meta = (extra: readonly (readonly [string, GgufWriteValue])[] = []): (readonly [string, GgufWriteValue])[] => [
  ["general.architecture", { str: "llama" }],
  ["llama.block_count", { u32: 16 }],
  ["llama.embedding_length", { u32: 2048 }],
  ["llama.feed_forward_length", { u32: 8192 }],
  ["llama.attention.head_count", { u32: 32 }],
  ["llama.attention.head_count_kv", { u32: 8 }],
  ...extra,
];

/** A file served from its header; the data region reads as zeros. */
interface Served {
  readonly header: Buffer;
  readonly size: number;
}
const served = (t: readonly TensorInfo[], extra: readonly (readonly [string, GgufWriteValue])[] = []): Served => {
  const h = ggufHeader(meta(extra), t);
  return { header: h.header, size: h.fileBytes };
};

function slice(f: Served, start: number, end: number): Buffer {
  const out = Buffer.alloc(end - start);
  if (start < f.header.length) f.header.copy(out, 0, start, Math.min(end, f.header.length));
  return out;
}

const code = async (p: Promise<unknown>): Promise<LlmFitError> => {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(LlmFitError);
    expect((e as LlmFitError).oneLine()).not.toMatch(/\n/);
    return e as LlmFitError;
  }
  throw new Error("expected an error");
};

describe("GGUF over HTTP: bounded reads", () => {
  let server: Server;
  let base = "";
  const files = new Map<string, Served>();
  const requests: string[] = [];
  let oversizedSent = 0;
  const open = new Set<ServerResponse>();

  function handle(req: IncomingMessage, res: ServerResponse): void {
    requests.push(req.url ?? "");
    if (req.url === "/silent.gguf") {
      open.add(res); // accepts the connection and never answers
      return;
    }
    const name = (req.url ?? "").replace(/^\/(oversized\/)?/, "");
    const f = files.get(name);
    if (!f) return void res.writeHead(404).end("not found");
    const m = /bytes=(\d+)-(\d+)/.exec(req.headers.range ?? "");
    const start = Number(m?.[1] ?? 0);
    const end = Math.min(Number(m?.[2] ?? f.size - 1), f.size - 1);
    res.writeHead(206, { "content-range": `bytes ${start}-${end}/${f.size}` });
    if (!req.url?.startsWith("/oversized/")) return void res.end(slice(f, start, end + 1));
    // the range, then garbage without end, as long as the client keeps reading
    res.write(slice(f, start, end + 1));
    const junk = Buffer.alloc(MIB, 0xab);
    const pump = (): void => {
      while (!res.destroyed && oversizedSent < 600 * MIB) {
        oversizedSent += junk.length;
        if (!res.write(junk)) return void res.once("drain", pump);
      }
      res.end();
    };
    pump();
  }

  beforeAll(async () => {
    files.set("model.gguf", served(tensors));
    const half = Math.floor(tensors.length / 2);
    for (let i = 1; i <= 5; i++) {
      if (i === 3) continue; // shard 3 of 5 is missing
      files.set(`gap-0000${i}-of-00005.gguf`, served(i === 1 ? tensors.slice(0, half) : tensors.slice(half + i, half + i + 1), [["split.count", { u32: 5 }]]));
    }
    files.set("pair-00001-of-00002.gguf", served(tensors.slice(0, half), [["split.count", { u32: 2 }]]));
    files.set("pair-00002-of-00002.gguf", served(tensors.slice(half), [["split.count", { u32: 2 }]]));
    files.set("liar-00001-of-00002.gguf", served(tensors, [["split.count", { u32: 7 }]]));
    server = createServer(handle);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const addr = server.address();
    base = typeof addr === "object" && addr ? `http://127.0.0.1:${addr.port}` : "";
  });
  afterAll(async () => {
    for (const res of open) res.destroy();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it("stops reading at the requested range when a 206 body goes on and on", async () => {
    const heap0 = process.memoryUsage().heapUsed;
    let progress = 0;
    const s = await readGgufShape(`${base}/oversized/model.gguf`, { onProgress: (n) => (progress = n) });
    expect(s.tensors?.length).toBe(tensors.length);
    expect(progress).toBeLessThanOrEqual(MIB); // one 1 MiB range holds this header
    // the server got a few socket buffers out before the client hung up, never the 600 MiB
    await new Promise((r) => setTimeout(r, 50));
    expect(oversizedSent).toBeLessThan(64 * MIB);
    expect(process.memoryUsage().heapUsed - heap0).toBeLessThan(64 * MIB);
  });

  it("gives up on a server that never answers with a typed timeout, and cancels on request", async () => {
    const e = await code(readGgufShape(`${base}/silent.gguf`, { timeoutMs: 200 }));
    expect(e.code).toBe("timeout");
    expect(e.oneLine()).toMatch(/silent\.gguf did not answer within 200 ms/);
    const ac = new AbortController();
    const p = readGgufShape(`${base}/silent.gguf`, { signal: ac.signal });
    setTimeout(() => ac.abort(), 50);
    expect((await code(p)).code).toBe("cancelled");
  });

  it("reads a split model's shards and names the missing one", async () => {
    const s = await readGgufShape(`${base}/pair-00001-of-00002.gguf`);
    expect(s.tensors?.length).toBe(tensors.length);
    const e = await code(readGgufShape(`${base}/gap-00001-of-00005.gguf`));
    expect(e.code).toBe("not_found");
    expect(e.oneLine()).toMatch(/shard 3 of 5 is missing: .*gap-00003-of-00005\.gguf/);
  });

  it("bounds the fan-out: a name claiming 99,999 shards sends no request", async () => {
    const before = requests.length;
    const e = await code(readGgufShape(`${base}/many-00001-of-99999.gguf`));
    expect(e.oneLine()).toMatch(/claims 99999 shards; llmfit reads at most 256/);
    expect(requests.length).toBe(before);
    const liar = await code(readGgufShape(`${base}/liar-00001-of-00002.gguf`));
    expect(liar.oneLine()).toMatch(/split\.count is 7 but its name says 2 shards/);
  });
});
