// Reads a GGUF file's header (metadata + tensor infos, never the weights) from a local path or an
// http(s) URL with bounded range requests, validates it, and turns it into a ModelShape. Split
// models (name-00001-of-00003.gguf) are read shard by shard, a bounded number at a time.

import { stat } from "node:fs/promises";
import * as z from "zod";
import { lazySchema } from "../lazy-schema.js";
import { LlmFitError } from "../errors.js";
import { ggmlTypeById } from "../sizing/ggml-types.js";
import { fileTypeName } from "./gguf-file-type.js";
import { corruptGguf, parseGgufHeader, type GgufHeaderRecord } from "./gguf-read.js";
import { shapeFromGguf, type GgufMetadata, type GgufValue } from "./gguf-shape.js";
import { fileSource, httpSource, type ByteSource, type HttpSourceOptions } from "./gguf-source.js";
import { LLAMA_MAX_EXPERTS, LLAMA_MAX_LAYERS } from "./llama-limits.js";
import { printable } from "./printable.js";
import type { ModelShape, TensorInfo } from "./shape.js";

export type ReadGgufOptions = HttpSourceOptions;

/** gguf-split names shards -NNNNN-of-NNNNN; llmfit reads at most this many (the largest released models have < 100). */
export const MAX_SHARDS = 256;
/** Shards read at once. */
const SHARD_CONCURRENCY = 4;

const U32_MAX = 0xffff_ffff;
const Scalar = lazySchema(() => z.union([z.string(), z.number(), z.bigint(), z.boolean()]));
const Value = lazySchema(() => z.union([Scalar, z.array(Scalar)]));

/** The keys sizing relies on, with the ranges llama.cpp accepts (hparams are uint32_t). */
function requiredSchema(arch: string) {
  // max before int: zod's int() alone would report 2^53 as its own limit
  const u32 = z.number().max(U32_MAX, `is more than ${U32_MAX}`).int().nonnegative();
  const count = z.number().max(U32_MAX, `is more than ${U32_MAX}`).int().positive();
  const perLayer = z
    .union([u32, z.array(z.number())])
    .refine((v) => !Array.isArray(v) || v.length <= LLAMA_MAX_LAYERS, `has more than ${LLAMA_MAX_LAYERS} entries (llama.cpp's LLAMA_MAX_LAYERS)`)
    .refine((v) => !Array.isArray(v) || v.every((x) => Number.isInteger(x) && x >= 0 && x <= U32_MAX), "has an entry that is not a count");
  return z.object({
    "general.architecture": z.string().min(1).max(64).regex(/^[A-Za-z0-9_.-]+$/, "is not an architecture name"),
    [`${arch}.block_count`]: z.number().max(LLAMA_MAX_LAYERS, `is more than ${LLAMA_MAX_LAYERS} (llama.cpp's LLAMA_MAX_LAYERS)`).int().positive(),
    [`${arch}.embedding_length`]: count,
    [`${arch}.context_length`]: count.optional(),
    [`${arch}.vocab_size`]: count.optional(),
    [`${arch}.expert_count`]: u32.max(LLAMA_MAX_EXPERTS, `is more than ${LLAMA_MAX_EXPERTS} (llama.cpp's LLAMA_MAX_EXPERTS)`).optional(),
    [`${arch}.expert_used_count`]: u32.max(LLAMA_MAX_EXPERTS, `is more than ${LLAMA_MAX_EXPERTS}`).optional(),
    [`${arch}.attention.head_count`]: perLayer.optional(),
    [`${arch}.attention.head_count_kv`]: perLayer.optional(),
    [`${arch}.feed_forward_length`]: perLayer.optional(),
  });
}

export const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);

/** name-00001-of-00003.gguf, as llama.cpp's gguf-split writes it (llama_split_path: "%s-%05d-of-%05d.gguf"). */
const SHARD_NAME = /^(.*)-(\d{5})-of-(\d{5})\.gguf$/;

interface Shards {
  readonly prefix: string;
  readonly count: number;
}

function shardsOf(source: string): Shards | undefined {
  const m = SHARD_NAME.exec(source);
  if (!m || m[2] !== "00001") return undefined;
  return { prefix: m[1] ?? "", count: Number(m[3]) };
}

const shardName = (s: Shards, i: number): string => `${s.prefix}-${String(i).padStart(5, "0")}-of-${String(s.count).padStart(5, "0")}.gguf`;

async function openSource(source: string, o: ReadGgufOptions): Promise<ByteSource> {
  if (isUrl(source)) return httpSource(source, o);
  try {
    const st = await stat(source);
    if (!st.isFile()) throw corruptGguf(source, "it is not a file");
  } catch (err) {
    if (err instanceof LlmFitError) throw err;
    throw new LlmFitError("not_found", `no such file: ${source}`, "check the path, or give a catalog id or URL", { cause: err });
  }
  return fileSource(source);
}

async function readHeader(source: string, o: ReadGgufOptions): Promise<GgufHeaderRecord> {
  const src = await openSource(source, o);
  try {
    return await parseGgufHeader(src);
  } finally {
    await src.close();
  }
}

/** Every shard's header, the first alone (it says how many there are), then the rest a few at a time. */
async function readShards(s: Shards, o: ReadGgufOptions): Promise<GgufHeaderRecord[]> {
  if (s.count < 1 || s.count > MAX_SHARDS) {
    throw new LlmFitError("bad_gguf", `${shardName(s, 1)} claims ${s.count} shards; llmfit reads at most ${MAX_SHARDS}`, "check the file name");
  }
  const named = (i: number, err: unknown): unknown =>
    err instanceof LlmFitError && err.code === "not_found"
      ? new LlmFitError("not_found", `shard ${i} of ${s.count} is missing: ${shardName(s, i)}`, "download every shard of the split model", { cause: err })
      : err;
  const out: GgufHeaderRecord[] = [];
  try {
    out.push(await readHeader(shardName(s, 1), o));
  } catch (err) {
    throw named(1, err);
  }
  const declared = out[0]?.metadata["split.count"];
  if (declared !== undefined && declared !== s.count) {
    throw corruptGguf(shardName(s, 1), `its split.count is ${String(declared)} but its name says ${s.count} shards`);
  }
  for (let next = 2; next <= s.count; next += SHARD_CONCURRENCY) {
    const batch = Array.from({ length: Math.min(SHARD_CONCURRENCY, s.count - next + 1) }, (_, j) => next + j);
    const results = await Promise.allSettled(batch.map((i) => readHeader(shardName(s, i), o)));
    for (const [j, r] of results.entries()) {
      if (r.status === "rejected") throw named(batch[j] ?? next, r.reason);
      out.push(r.value);
    }
  }
  return out;
}

/** Metadata with every value checked and every string made safe to print. */
function validateMetadata(source: string, header: GgufHeaderRecord): GgufMetadata {
  const out: Record<string, GgufValue> = {};
  for (const [key, value] of Object.entries(header.metadata)) {
    const v = Value.safeParse(value);
    if (!v.success) continue;
    const clean = (x: z.infer<typeof Scalar>) => (typeof x === "string" ? printable(x) : x);
    out[printable(key)] = Array.isArray(v.data) ? v.data.map(clean) : clean(v.data as z.infer<typeof Scalar>);
  }
  const tokens = header.arrayLengths["tokenizer.ggml.tokens"];
  if (tokens !== undefined) out["tokenizer.ggml.token_count"] = tokens;
  const archRaw = header.metadata["general.architecture"];
  const arch = typeof archRaw === "string" ? archRaw : "";
  // numbers past 2^53 arrive as bigints; as numbers they fail the range checks with a plain message
  const asNumbers = Object.fromEntries(Object.entries(out).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v]));
  const req = requiredSchema(arch).safeParse({ ...asNumbers, "general.architecture": archRaw });
  if (!req.success) {
    const issue = req.error.issues[0];
    throw corruptGguf(source, `metadata ${printable(issue?.path.join(".") ?? "?")} ${issue?.message ?? "is invalid"}`);
  }
  return out;
}

function tensorsOf(header: GgufHeaderRecord): TensorInfo[] {
  return header.tensors.map((t) => ({ name: printable(t.name), ne: t.ne, type: ggmlTypeById(t.typeId)?.name ?? "F32" }));
}

function shapeOfHeaders(source: string, headers: readonly GgufHeaderRecord[]): ModelShape {
  const first = headers[0] as GgufHeaderRecord;
  const metadata = validateMetadata(source, first);
  const tensors = headers.flatMap(tensorsOf);
  const ft = metadata["general.file_type"];
  const fileType = typeof ft === "number" ? fileTypeName(ft) : undefined;
  return shapeFromGguf({ metadata, tensors, ...(fileType ? { fileType } : {}) });
}

/** Reads `source` (path or URL) and returns its shape, with the exact tensor list and file type. */
export async function readGgufShape(source: string, o: ReadGgufOptions = {}): Promise<ModelShape> {
  const shards = shardsOf(source);
  return shapeOfHeaders(source, shards ? await readShards(shards, o) : [await readHeader(source, o)]);
}

/** The same from any byte source (one file's bytes, in memory or elsewhere). */
export async function readGgufShapeFrom(src: ByteSource): Promise<ModelShape> {
  return shapeOfHeaders(src.where, [await parseGgufHeader(src)]);
}
