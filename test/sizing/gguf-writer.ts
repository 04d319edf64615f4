// GGUF v3 headers for tests, in a terse tuple form: [key, value, kind?]. The bytes come from the
// project's one header writer (src/models/gguf-write.ts); tensor data is left out (sparse).
import { truncateSync, writeFileSync } from "node:fs";
import { ggufHeader, type GgufWriteValue } from "../../src/models/gguf-write.js";
import type { TensorInfo } from "../../src/models/shape.js";

export type Kv = readonly [string, number | string | boolean | readonly number[] | readonly string[], ("u32" | "f32" | "u64")?];

function value([, v, kind]: Kv): GgufWriteValue {
  if (typeof v === "string") return { str: v };
  if (typeof v === "boolean") return { bool: v };
  if (typeof v === "number") return kind === "f32" ? { f32: v } : kind === "u64" ? { u64: v } : { u32: v };
  return v.every((x) => typeof x === "string") ? { strs: v as readonly string[] } : { i32s: v as readonly number[] };
}

export function writeGguf(kvs: readonly Kv[], tensors: readonly TensorInfo[]): Buffer {
  return ggufHeader(kvs.map((kv) => [kv[0], value(kv)] as const), tensors).header;
}

/** The header followed by a sparse, all-zero data region: a complete file that takes no disk. */
export function writeGgufFile(path: string, kvs: readonly Kv[], tensors: readonly TensorInfo[]): { header: Buffer; fileBytes: number } {
  const h = ggufHeader(kvs.map((kv) => [kv[0], value(kv)] as const), tensors);
  writeFileSync(path, h.header);
  truncateSync(path, h.fileBytes);
  return h;
}
