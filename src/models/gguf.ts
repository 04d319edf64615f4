// Reads a GGUF file's header (metadata + tensor infos, never the weights) from a local path or an
// http(s) URL with range requests, validates it, and turns it into a ModelShape.

import { stat } from "node:fs/promises";
import { gguf, ggufAllShards, parseGgufShardFilename, type GGUFParseOutput } from "@huggingface/gguf";
import { z } from "zod";
import { LlmFitError } from "../errors.js";
import { ggmlTypeById } from "../sizing/ggml-types.js";
import { fileTypeName } from "./gguf-file-type.js";
import { shapeFromGguf, type GgufMetadata, type GgufValue } from "./gguf-shape.js";
import type { ModelShape, TensorInfo } from "./shape.js";

export interface ReadGgufOptions {
  /** Injected for tests; defaults to the global fetch. */
  readonly fetch?: typeof fetch;
  readonly headers?: Readonly<Record<string, string>>;
  /** Called with the bytes read so far, so a caller can show progress when a server is slow. */
  readonly onProgress?: (bytesRead: number) => void;
  readonly signal?: AbortSignal;
  /** Per-request time limit for URLs, ms. */
  readonly timeoutMs?: number;
}

const Scalar = z.union([z.string(), z.number(), z.bigint(), z.boolean()]);
const Value = z.union([Scalar, z.array(Scalar)]);

/** The keys sizing relies on, with the ranges llama.cpp would accept. */
function requiredSchema(arch: string) {
  const count = z.union([z.number().int().positive(), z.bigint().positive()]);
  const perLayer = z.union([z.number().int().nonnegative(), z.array(z.number().int().nonnegative())]);
  return z.object({
    "general.architecture": z.string().min(1),
    [`${arch}.block_count`]: count,
    [`${arch}.embedding_length`]: count,
    [`${arch}.context_length`]: count.optional(),
    [`${arch}.attention.head_count`]: perLayer.optional(),
    [`${arch}.attention.head_count_kv`]: perLayer.optional(),
    [`${arch}.feed_forward_length`]: perLayer.optional(),
  });
}

const TensorInfoSchema = z.object({
  name: z.string().min(1),
  shape: z.array(z.bigint().nonnegative()).min(1).max(4),
  dtype: z.number().int().nonnegative(),
});

export const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);

function badGguf(where: string, what: string, cause?: unknown): LlmFitError {
  return new LlmFitError("bad_gguf", `${where} is not a readable GGUF file: ${what}`, "check that the path or URL points at a complete .gguf file", { cause });
}

/**
 * A fetch that refuses what would make a header read wrong or expensive: errors, and servers that
 * ignore the Range header (they would send the whole multi-gigabyte file).
 */
function guardedFetch(url: string, o: ReadGgufOptions): typeof fetch {
  const base = o.fetch ?? fetch;
  let read = 0;
  return async (input, init) => {
    const signals = [o.signal, AbortSignal.timeout(o.timeoutMs ?? 30_000)].filter((s): s is AbortSignal => s !== undefined);
    let res: Response;
    try {
      res = await base(input, { ...init, headers: { ...(init?.headers as Record<string, string>), ...o.headers }, signal: AbortSignal.any(signals) });
    } catch (err) {
      // an injected fetch (src/models/sources) already says what went wrong, in its own words
      if (err instanceof LlmFitError) throw err;
      if (o.signal?.aborted) throw new LlmFitError("cancelled", "reading the GGUF header was cancelled", undefined, { cause: err });
      throw new LlmFitError("http", `cannot reach ${url}: ${err instanceof Error ? err.message : String(err)}`, "check the URL and your connection", { cause: err });
    }
    if (res.status === 404) {
      await res.body?.cancel();
      throw new LlmFitError("not_found", `${url} was not found (HTTP 404)`, "check the repository and file name");
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new LlmFitError("http", `${url} answered HTTP ${res.status}`, res.status === 401 || res.status === 403 ? "the file may be gated: log in or pass a token" : "try again later");
    }
    if (res.status !== 206) {
      await res.body?.cancel();
      throw new LlmFitError("http", `${url}: the server does not support range requests`, "download the file and pass its path instead");
    }
    const buf = await res.arrayBuffer();
    read += buf.byteLength;
    o.onProgress?.(read);
    return new Response(buf, { status: res.status, headers: res.headers });
  };
}

/** Split models (name-00001-of-00003.gguf): every shard's header, tensors concatenated, metadata of the first. */
async function parseShards(source: string, params: { fetch?: typeof fetch; allowLocalFile?: boolean }): Promise<GGUFParseOutput> {
  const { shards } = await ggufAllShards(source, { ...params, parallelDownloads: 2 });
  const first = shards[0];
  if (!first) throw new Error("no shards");
  return { ...first, tensorInfos: shards.flatMap((sh) => sh.tensorInfos) };
}

async function parseHeader(source: string, o: ReadGgufOptions): Promise<GGUFParseOutput> {
  const sharded = parseGgufShardFilename(source) !== null;
  if (isUrl(source)) {
    try {
      const fetchFn = guardedFetch(source, o);
      return sharded ? await parseShards(source, { fetch: fetchFn }) : await gguf(source, { fetch: fetchFn });
    } catch (err) {
      if (err instanceof LlmFitError) throw err;
      throw badGguf(source, err instanceof Error ? err.message : String(err), err);
    }
  }
  try {
    const st = await stat(source);
    if (!st.isFile()) throw badGguf(source, "not a file");
  } catch (err) {
    if (err instanceof LlmFitError) throw err;
    throw new LlmFitError("not_found", `no such file: ${source}`, "check the path, or give a catalog id or URL", { cause: err });
  }
  try {
    return sharded ? await parseShards(source, { allowLocalFile: true }) : await gguf(source, { allowLocalFile: true });
  } catch (err) {
    const msg = err instanceof RangeError ? "the file ends inside its header (truncated?)" : err instanceof Error ? err.message : String(err);
    throw badGguf(source, msg, err);
  }
}

/** Metadata with every value checked; tokenizer arrays are reduced to their length (sizing needs only that). */
function validateMetadata(source: string, raw: Record<string, unknown>): GgufMetadata {
  const out: Record<string, GgufValue> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith("tokenizer.")) {
      if (key === "tokenizer.ggml.tokens" && Array.isArray(value)) out["tokenizer.ggml.token_count"] = value.length;
      continue;
    }
    const v = Value.safeParse(value);
    if (v.success) out[key] = v.data;
  }
  const arch = typeof out["general.architecture"] === "string" ? out["general.architecture"] : "";
  const req = requiredSchema(arch).safeParse(out);
  if (!req.success) {
    const issue = req.error.issues[0];
    throw badGguf(source, `metadata ${issue?.path.join(".") ?? "?"}: ${issue?.message ?? "invalid"}`);
  }
  return out;
}

function validateTensors(source: string, infos: readonly unknown[]): TensorInfo[] {
  return infos.map((raw) => {
    const t = TensorInfoSchema.safeParse(raw);
    if (!t.success) throw badGguf(source, `tensor info: ${t.error.issues[0]?.message ?? "invalid"}`);
    const type = ggmlTypeById(t.data.dtype);
    if (!type) throw badGguf(source, `tensor ${t.data.name} has unknown ggml type ${t.data.dtype}`);
    return { name: t.data.name, ne: t.data.shape.map((d) => Number(d)), type: type.name };
  });
}

/** Reads `source` (path or URL) and returns its shape, with the exact tensor list and file type. */
export async function readGgufShape(source: string, o: ReadGgufOptions = {}): Promise<ModelShape> {
  const parsed = await parseHeader(source, o);
  const metadata = validateMetadata(source, parsed.metadata as Record<string, unknown>);
  const tensors = validateTensors(source, parsed.tensorInfos);
  const ft = metadata["general.file_type"];
  const fileType = typeof ft === "number" ? fileTypeName(ft) : undefined;
  return shapeFromGguf({ metadata, tensors, ...(fileType ? { fileType } : {}) });
}
