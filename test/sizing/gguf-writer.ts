// Writes GGUF v3 headers for tests: metadata, tensor infos, padding; tensor data left out (sparse).
import { ggmlType } from "../../src/sizing/ggml-types.js";

type Kv = readonly [string, number | string | boolean | readonly number[] | readonly string[], ("u32" | "f32" | "u64")?];

class Buf {
  private parts: Buffer[] = [];
  u8(v: number) { this.parts.push(Buffer.from([v])); }
  u32(v: number) { const b = Buffer.alloc(4); b.writeUInt32LE(v); this.parts.push(b); }
  u64(v: number | bigint) { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(v)); this.parts.push(b); }
  f32(v: number) { const b = Buffer.alloc(4); b.writeFloatLE(v); this.parts.push(b); }
  str(s: string) { const b = Buffer.from(s, "utf8"); this.u64(b.length); this.parts.push(b); }
  bytes() { return Buffer.concat(this.parts); }
}

export function writeGguf(kvs: readonly Kv[], tensors: readonly { name: string; ne: readonly number[]; type: string }[]): Buffer {
  const out = new Buf();
  out.u32(0x46554747); // "GGUF" little-endian
  out.u32(3);
  out.u64(tensors.length);
  out.u64(kvs.length);
  for (const [key, value, kind] of kvs) {
    out.str(key);
    if (typeof value === "string") { out.u32(8); out.str(value); }
    else if (typeof value === "boolean") { out.u32(7); out.u8(value ? 1 : 0); }
    else if (typeof value === "number") {
      if (kind === "f32") { out.u32(6); out.f32(value); } else if (kind === "u64") { out.u32(10); out.u64(value); } else { out.u32(4); out.u32(value); }
    } else if (value.every((v) => typeof v === "string")) {
      out.u32(9); out.u32(8); out.u64(value.length); for (const v of value) out.str(String(v));
    } else {
      out.u32(9); out.u32(4); out.u64(value.length); for (const v of value) out.u32(Number(v));
    }
  }
  let offset = 0;
  for (const t of tensors) {
    out.str(t.name);
    out.u32(t.ne.length);
    for (const d of t.ne) out.u64(d);
    const g = ggmlType(t.type);
    if (!g) throw new Error(t.type);
    out.u32(g.id);
    out.u64(offset);
    const bytes = (t.ne.slice(1).reduce((a, d) => a * d, 1) * Math.ceil((t.ne[0] ?? 1) / g.blockSize) * g.typeSize);
    offset += Math.ceil(bytes / 32) * 32;
  }
  const head = out.bytes();
  const pad = (32 - (head.length % 32)) % 32;
  return Buffer.concat([head, Buffer.alloc(pad)]);
}
