// A bounded GGUF header parser. Every count and length in a file is checked against what the rest
// of the file could hold and against what llama.cpp accepts *before* anything is allocated for it,
// so a 3 KB file that claims 10^8 layers or tensors is a one-line error, not gigabytes of heap.
// Reading past the end of the file is called "truncated"; values no valid file can hold are
// "corrupt". Big values sizing never needs (tokenizer arrays, a 4.5 MB tokenizer.huggingface.json)
// are skipped without being read into memory.
//
// Format: ggml/docs/gguf.md (https://github.com/ggml-org/ggml/blob/master/docs/gguf.md); the checks
// mirror ggml/src/gguf.cpp gguf_init_from_file_impl where llama.cpp has one.

import { LlmFitError } from "../errors.js";
import { ggmlTypeById, GGUF_DEFAULT_ALIGNMENT, tensorBytes } from "../sizing/ggml-types.js";
import type { ByteSource } from "./gguf-source.js";

/** GGUF spec: a metadata key is at most 2^16 − 1 bytes. */
const MAX_KEY_BYTES = 65_535;
/** ggml.h GGML_MAX_NAME = 64, and gguf.cpp rejects names of that length or longer (NUL included). */
const MAX_TENSOR_NAME_BYTES = 63;
/** ggml.h GGML_MAX_DIMS. */
const MAX_DIMS = 4;
/** llmfit's bounds, far above any released model (DeepSeek-V3 has 1,025 tensors, a few hundred keys). */
export const MAX_TENSORS = 1 << 20;
export const MAX_KV = 1 << 16;
/** Headers beyond this are not models; reading them would be an unbounded amount of I/O. */
export const MAX_HEADER_BYTES = 512 * 1024 * 1024;
/** Values kept in memory; bigger strings and arrays are skipped (sizing never needs them). */
const MAX_KEPT_STRING_BYTES = 64 * 1024;
const MAX_KEPT_ARRAY_LENGTH = 4096;
/** Bytes read per refill of the buffer. */
const CHUNK_BYTES = 1 << 20;

export type GgufScalar = string | number | bigint | boolean;
export type GgufParsedValue = GgufScalar | readonly GgufScalar[];

export interface GgufTensorRecord {
  readonly name: string;
  readonly ne: readonly number[];
  readonly typeId: number;
  /** Offset of the data from the start of the data section. */
  readonly offset: number;
  readonly bytes: number;
}

export interface GgufHeaderRecord {
  readonly version: number;
  /** Kept values; skipped ones are absent (their array lengths are in `arrayLengths`). */
  readonly metadata: Readonly<Record<string, GgufParsedValue>>;
  readonly arrayLengths: Readonly<Record<string, number>>;
  readonly tensors: readonly GgufTensorRecord[];
  readonly alignment: number;
  /** Where the data section starts. */
  readonly dataOffset: number;
  /** Bytes the header plus every tensor's data need. */
  readonly declaredBytes: number;
}

const HINT_TRUNCATED = "the file is incomplete: download it again";
const HINT_CORRUPT = "check that the path or URL points at a complete .gguf file";

export function truncatedGguf(where: string, what: string): LlmFitError {
  return new LlmFitError("bad_gguf", `${where} is truncated: ${what}`, HINT_TRUNCATED);
}

export function corruptGguf(where: string, what: string): LlmFitError {
  return new LlmFitError("bad_gguf", `${where} is not a valid GGUF file: ${what}`, HINT_CORRUPT);
}

// gguf.h enum gguf_type: id -> bytes of one element (strings and arrays are variable)
const FIXED_SIZE: Readonly<Record<number, number>> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };
const T_STRING = 8;
const T_ARRAY = 9;

const fmtBytes = (n: number): string =>
  n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MiB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${n} B`;

/** A forward-only reader over a source, holding one chunk; skips never read what they pass. */
class Cursor {
  private buf: Uint8Array = new Uint8Array(0);
  private bufAt = 0;
  pos = 0;
  private readonly end: number;
  private readonly dec = new TextDecoder("utf-8", { fatal: true });

  constructor(private readonly src: ByteSource) {
    this.end = Math.min(src.size ?? Number.MAX_SAFE_INTEGER, MAX_HEADER_BYTES);
  }

  get where(): string {
    return this.src.where;
  }

  /** Bytes the file has left (bounded by the header cap). */
  get left(): number {
    return this.end - this.pos;
  }

  private endsBefore(n: number, what: string): LlmFitError {
    if (this.end === MAX_HEADER_BYTES && (this.src.size ?? Infinity) > MAX_HEADER_BYTES) {
      return corruptGguf(this.where, `${what} would take the header past ${fmtBytes(MAX_HEADER_BYTES)}`);
    }
    return truncatedGguf(this.where, `it ends at byte ${this.end} inside ${what} (needs ${this.pos + n})`);
  }

  /** Makes [pos, pos + n) readable. */
  private async fill(n: number, what: string): Promise<void> {
    if (n > this.left) throw this.endsBefore(n, what);
    if (this.pos >= this.bufAt && this.pos + n <= this.bufAt + this.buf.length) return;
    const want = Math.min(Math.max(n, CHUNK_BYTES), this.left);
    const got = await this.src.read(this.pos, want);
    if (got.length < n) throw truncatedGguf(this.where, `it ends at byte ${this.pos + got.length} inside ${what} (needs ${this.pos + n})`);
    this.buf = got;
    this.bufAt = this.pos;
  }

  private view(n: number): DataView {
    const at = this.pos - this.bufAt;
    this.pos += n;
    return new DataView(this.buf.buffer, this.buf.byteOffset + at, n);
  }

  async u8(what: string): Promise<number> {
    await this.fill(1, what);
    return this.view(1).getUint8(0);
  }
  async u32(what: string): Promise<number> {
    await this.fill(4, what);
    return this.view(4).getUint32(0, true);
  }
  async u64(what: string): Promise<bigint> {
    await this.fill(8, what);
    return this.view(8).getBigUint64(0, true);
  }

  async scalar(type: number, what: string): Promise<GgufScalar> {
    const size = FIXED_SIZE[type] ?? 0;
    await this.fill(size, what);
    const v = this.view(size);
    switch (type) {
      case 0: return v.getUint8(0);
      case 1: return v.getInt8(0);
      case 2: return v.getUint16(0, true);
      case 3: return v.getInt16(0, true);
      case 4: return v.getUint32(0, true);
      case 5: return v.getInt32(0, true);
      case 6: return v.getFloat32(0, true);
      case 7: {
        const b = v.getUint8(0);
        if (b > 1) throw corruptGguf(this.where, `${what} is a bool of value ${b}`);
        return b === 1;
      }
      case 10: return safeNumber(v.getBigUint64(0, true));
      case 11: return safeNumber(v.getBigInt64(0, true));
      default: return v.getFloat64(0, true);
    }
  }

  /** A string's length, checked against the bytes left before anything is read. */
  async stringLength(what: string, max: number): Promise<number> {
    const len = await this.u64(`${what}'s length`);
    if (len > BigInt(max)) throw corruptGguf(this.where, `${what} claims ${len} bytes (at most ${max})`);
    const n = Number(len);
    if (n > this.left) throw this.endsBefore(n, what);
    return n;
  }

  async text(n: number, what: string): Promise<string> {
    if (n === 0) return "";
    await this.fill(n, what);
    const at = this.pos - this.bufAt;
    this.pos += n;
    try {
      return this.dec.decode(this.buf.subarray(at, at + n));
    } catch {
      throw corruptGguf(this.where, `${what} is not UTF-8`);
    }
  }

  skip(n: number, what: string): void {
    if (n > this.left) throw this.endsBefore(n, what);
    this.pos += n;
  }
}

function safeNumber(v: bigint): number | bigint {
  return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : v;
}

/** Tokenizer values are never kept: sizing needs only the vocabulary's length. */
const skipKey = (key: string): boolean => key.startsWith("tokenizer.");

async function readArray(c: Cursor, key: string, keep: boolean): Promise<{ value?: readonly GgufScalar[]; length: number }> {
  const what = `the array ${key}`;
  const type = await c.u32(`${what}'s element type`);
  if (type === T_ARRAY) throw corruptGguf(c.where, `${what} nests arrays, which GGUF does not allow`);
  if (type !== T_STRING && FIXED_SIZE[type] === undefined) throw corruptGguf(c.where, `${what} has unknown element type ${type}`);
  const len = await c.u64(`${what}'s length`);
  const minEach = type === T_STRING ? 8 : (FIXED_SIZE[type] ?? 1);
  if (len > BigInt(Math.floor(c.left / minEach))) {
    if (len > BigInt(MAX_HEADER_BYTES)) throw corruptGguf(c.where, `${what} claims ${len} elements`);
    throw truncatedGguf(c.where, `${what} claims ${len} elements (at least ${fmtBytes(Number(len) * minEach)}) but only ${fmtBytes(c.left)} follow`);
  }
  const n = Number(len);
  const kept = keep && n <= MAX_KEPT_ARRAY_LENGTH;
  const out: GgufScalar[] = [];
  if (type !== T_STRING) {
    if (!kept) {
      c.skip(n * minEach, what);
      return { length: n };
    }
    for (let i = 0; i < n; i++) out.push(await c.scalar(type, what));
    return { value: out, length: n };
  }
  let keepStrings = kept;
  for (let i = 0; i < n; i++) {
    const sl = await c.stringLength(`${what}[${i}]`, MAX_HEADER_BYTES);
    if (keepStrings && sl <= MAX_KEPT_STRING_BYTES) out.push(await c.text(sl, `${what}[${i}]`));
    else {
      keepStrings = false;
      c.skip(sl, `${what}[${i}]`);
    }
  }
  return keepStrings ? { value: out, length: n } : { length: n };
}

/** Parses the header of `src`; throws a bad_gguf LlmFitError with one line for anything wrong. */
export async function parseGgufHeader(src: ByteSource): Promise<GgufHeaderRecord> {
  const c = new Cursor(src);
  if ((src.size ?? Infinity) < 24) {
    if ((src.size ?? 0) >= 4 && (await c.u32("the magic")) !== 0x46554747) throw corruptGguf(src.where, "it does not start with GGUF");
    throw truncatedGguf(src.where, `it is ${src.size} bytes long, shorter than a GGUF header`);
  }
  if ((await c.u32("the magic")) !== 0x46554747) throw corruptGguf(src.where, "it does not start with GGUF");
  const version = await c.u32("the version");
  if (version === 1) throw corruptGguf(src.where, "GGUF version 1 is no longer read by llama.cpp");
  if (version !== 2 && version !== 3) {
    // a big-endian file reads its version byte-swapped (3 -> 0x03000000)
    throw corruptGguf(src.where, version === 0x03000000 || version === 0x02000000 ? "it is a big-endian GGUF" : `unknown version ${version}`);
  }
  const nTensors = await c.u64("the tensor count");
  const nKv = await c.u64("the metadata count");
  if (nTensors > BigInt(MAX_TENSORS)) throw corruptGguf(src.where, `it claims ${nTensors} tensors (at most ${MAX_TENSORS})`);
  if (nKv > BigInt(MAX_KV)) throw corruptGguf(src.where, `it claims ${nKv} metadata keys (at most ${MAX_KV})`);
  // a key-value pair takes at least 8 + 1 + 4 + 1 bytes, a tensor info 8 + 1 + 4 + 8 + 4 + 8
  const minHeader = Number(nKv) * 14 + Number(nTensors) * 33;
  if (minHeader > c.left) {
    throw truncatedGguf(src.where, `it declares ${nKv} keys and ${nTensors} tensors (at least ${fmtBytes(minHeader)}) but only ${fmtBytes(c.left)} follow`);
  }

  const metadata: Record<string, GgufParsedValue> = {};
  const arrayLengths: Record<string, number> = {};
  for (let i = 0; i < Number(nKv); i++) {
    const kl = await c.stringLength(`key ${i}`, MAX_KEY_BYTES);
    const key = await c.text(kl, `key ${i}`);
    if (key.length === 0) throw corruptGguf(src.where, `key ${i} is empty`);
    if (Object.hasOwn(metadata, key) || Object.hasOwn(arrayLengths, key)) throw corruptGguf(src.where, `the key ${key} appears twice`);
    const type = await c.u32(`the type of ${key}`);
    if (type === T_ARRAY) {
      const a = await readArray(c, key, !skipKey(key));
      arrayLengths[key] = a.length;
      if (a.value) metadata[key] = a.value;
    } else if (type === T_STRING) {
      const sl = await c.stringLength(`the value of ${key}`, MAX_HEADER_BYTES);
      if (!skipKey(key) && sl <= MAX_KEPT_STRING_BYTES) metadata[key] = await c.text(sl, `the value of ${key}`);
      else c.skip(sl, `the value of ${key}`);
    } else if (FIXED_SIZE[type] !== undefined) {
      metadata[key] = await c.scalar(type, `the value of ${key}`);
    } else {
      throw corruptGguf(src.where, `the key ${key} has unknown type ${type}`);
    }
  }

  const al = metadata["general.alignment"];
  const alignment = al === undefined ? GGUF_DEFAULT_ALIGNMENT : typeof al === "number" && Number.isInteger(al) ? al : 0;
  // gguf.cpp: the alignment must be a non-zero power of two
  if (alignment <= 0 || (alignment & (alignment - 1)) !== 0 || alignment > 1 << 20) {
    throw corruptGguf(src.where, `general.alignment ${String(al)} is not a power of two`);
  }

  const tensors: GgufTensorRecord[] = [];
  const names = new Set<string>();
  let expected = 0;
  for (let i = 0; i < Number(nTensors); i++) {
    const nl = await c.stringLength(`tensor ${i}'s name`, MAX_TENSOR_NAME_BYTES);
    const name = await c.text(nl, `tensor ${i}'s name`);
    if (name.length === 0) throw corruptGguf(src.where, `tensor ${i} has an empty name`);
    if (names.has(name)) throw corruptGguf(src.where, `the tensor ${name} appears twice`);
    names.add(name);
    const nDims = await c.u32(`tensor ${name}'s dimension count`);
    if (nDims < 1 || nDims > MAX_DIMS) throw corruptGguf(src.where, `tensor ${name} has ${nDims} dimensions (1 to ${MAX_DIMS})`);
    const ne: number[] = [];
    let elements = 1n;
    for (let d = 0; d < nDims; d++) {
      const x = await c.u64(`tensor ${name}'s shape`);
      elements *= x;
      // gguf.cpp: every dimension and their product must fit int64; ours must fit a double exactly
      if (elements > BigInt(Number.MAX_SAFE_INTEGER)) throw corruptGguf(src.where, `tensor ${name} claims more than 2^53 elements`);
      ne.push(Number(x));
    }
    const typeId = await c.u32(`tensor ${name}'s type`);
    const type = ggmlTypeById(typeId);
    if (!type) throw corruptGguf(src.where, `tensor ${name} has unknown ggml type ${typeId}`);
    if ((ne[0] ?? 0) % type.blockSize !== 0) {
      throw corruptGguf(src.where, `tensor ${name} has ${ne[0]} columns, not a multiple of ${type.name}'s block of ${type.blockSize}`);
    }
    const off = await c.u64(`tensor ${name}'s offset`);
    const bytes = tensorBytes(ne, type);
    // gguf.cpp: tensors are laid out in order, each at the aligned end of the one before
    if (off !== BigInt(expected)) throw corruptGguf(src.where, `tensor ${name} is at data offset ${off}, expected ${expected}`);
    tensors.push({ name, ne, typeId, offset: expected, bytes });
    expected += Math.ceil(bytes / alignment) * alignment;
    if (!Number.isSafeInteger(expected)) throw corruptGguf(src.where, `its tensors claim more than 2^53 bytes`);
  }

  const dataOffset = Math.ceil(c.pos / alignment) * alignment;
  const last = tensors[tensors.length - 1];
  const declaredBytes = dataOffset + (last ? last.offset + last.bytes : 0);
  if (src.size !== undefined && declaredBytes > src.size) {
    throw truncatedGguf(src.where, `its tensors need ${fmtBytes(declaredBytes)} but the file holds ${fmtBytes(src.size)}`);
  }
  return { version, metadata, arrayLengths, tensors, alignment, dataOffset, declaredBytes };
}
