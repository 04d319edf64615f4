// A safetensors file's header, read with two range reads: the 8-byte little-endian length, then
// the JSON naming every tensor's dtype, shape and byte offsets (https://huggingface.co/docs/safetensors).
// The weights are never read. The safetensors library refuses headers over 100,000,000 bytes
// (MAX_HEADER_SIZE in safetensors/src/tensor.rs); so do we.
import * as z from "zod";
import { lazySchema } from "../../lazy-schema.js";
import { LlmFitError } from "../../errors.js";
import { SAFETENSORS_DTYPE_BYTES } from "../safetensors-write.js";

export const MAX_SAFETENSORS_HEADER = 100_000_000;

/** Reads bytes [start, end] (inclusive) of the file. */
export type ReadAt = (start: number, end: number) => Promise<Uint8Array>;

export interface SafetensorsSummary {
  readonly tensors: number;
  /** Elements per dtype: the exact parameter count is their sum. */
  readonly elementsByDtype: Readonly<Record<string, number>>;
  /** Bytes of tensor data (from the offsets). */
  readonly dataBytes: number;
  /** Bytes this header took to read. */
  readonly headerBytes: number;
  /** Every tensor's name and shape, in header order (what the converter maps to GGUF tensors). */
  readonly header: readonly { readonly name: string; readonly shape: readonly number[] }[];
}

const Entry = lazySchema(() => z.object({
  dtype: z.string().min(1),
  shape: z.array(z.number().int().nonnegative()),
  data_offsets: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]),
}));

function bad(what: string, why: string): LlmFitError {
  return new LlmFitError("bad_gguf", `${what} is not a readable safetensors file: ${why}`, "check that the repo's weights are safetensors");
}

/** The header JSON → counts, every entry checked (shape × dtype size must match its byte range). */
export function summariseSafetensors(json: unknown, headerBytes: number, what: string): SafetensorsSummary {
  if (json === null || typeof json !== "object" || Array.isArray(json)) throw bad(what, "the header is not a JSON object");
  const elementsByDtype: Record<string, number> = {};
  let dataBytes = 0;
  let tensors = 0;
  const header: { name: string; shape: number[] }[] = [];
  for (const [name, raw] of Object.entries(json)) {
    if (name === "__metadata__") continue;
    const e = Entry.safeParse(raw);
    if (!e.success) throw bad(what, `tensor ${name}: ${e.error.issues[0]?.path.join(".") ?? ""} ${e.error.issues[0]?.message ?? "invalid"}`);
    const [start, end] = e.data.data_offsets;
    const elements = e.data.shape.reduce((a, b) => a * b, 1);
    const size = SAFETENSORS_DTYPE_BYTES[e.data.dtype];
    if (end < start || (size !== undefined && elements * size !== end - start)) throw bad(what, `tensor ${name}: its byte range does not match its shape`);
    elementsByDtype[e.data.dtype] = (elementsByDtype[e.data.dtype] ?? 0) + elements;
    dataBytes += end - start;
    tensors += 1;
    header.push({ name, shape: e.data.shape });
  }
  return { tensors, elementsByDtype, dataBytes, headerBytes, header };
}

export async function readSafetensorsHeader(read: ReadAt, what: string, fileSize?: number): Promise<SafetensorsSummary> {
  const head = await read(0, 7);
  if (head.byteLength < 8) throw bad(what, "shorter than 8 bytes");
  const n = Number(new DataView(head.buffer, head.byteOffset, 8).getBigUint64(0, true));
  if (n < 2 || n > MAX_SAFETENSORS_HEADER) throw bad(what, `header length ${n} is outside 2…${MAX_SAFETENSORS_HEADER}`);
  if (fileSize !== undefined && 8 + n > fileSize) throw bad(what, "the header runs past the end of the file");
  const body = await read(8, 8 + n - 1);
  if (body.byteLength !== n) throw bad(what, "the file ends inside its header (truncated?)");
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body)) as unknown;
  } catch {
    throw bad(what, "the header is not JSON");
  }
  return summariseSafetensors(json, 8 + n, what);
}

/** Several shards' summaries as one. */
export function mergeSummaries(parts: readonly SafetensorsSummary[]): SafetensorsSummary {
  const elementsByDtype: Record<string, number> = {};
  for (const p of parts) for (const [d, n] of Object.entries(p.elementsByDtype)) elementsByDtype[d] = (elementsByDtype[d] ?? 0) + n;
  return {
    tensors: parts.reduce((s, p) => s + p.tensors, 0),
    elementsByDtype,
    dataBytes: parts.reduce((s, p) => s + p.dataBytes, 0),
    headerBytes: parts.reduce((s, p) => s + p.headerBytes, 0),
    header: parts.flatMap((p) => p.header),
  };
}

export const paramsOf = (s: SafetensorsSummary): number => Object.values(s.elementsByDtype).reduce((a, b) => a + b, 0);

/** The dtype holding most of the elements ("BF16"): what the weights are stored as. */
export function mainDtype(s: SafetensorsSummary): string {
  return Object.entries(s.elementsByDtype).sort((a, b) => b[1] - a[1])[0]?.[0] ?? "?";
}
