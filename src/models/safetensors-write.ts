// Serialises a safetensors header: 8 bytes of little-endian header length, then the JSON that
// names every tensor's dtype, shape and byte range (https://huggingface.co/docs/safetensors,
// "Format"), padded with spaces to 8 bytes as the safetensors library does. The data region is
// left out: with a file extended to `fileBytes` as a sparse region the header reads as a real one.

export interface SafetensorsTensor {
  readonly name: string;
  /** safetensors dtype: F32, F16, BF16, F8_E4M3, I64 … */
  readonly dtype: string;
  /** Row-major shape, outermost first (the reverse of ggml's ne). */
  readonly shape: readonly number[];
}

export const SAFETENSORS_DTYPE_BYTES: Readonly<Record<string, number>> = {
  BOOL: 1, U8: 1, I8: 1, F8_E5M2: 1, F8_E4M3: 1, F8_E8M0: 1,
  I16: 2, U16: 2, F16: 2, BF16: 2, I32: 4, U32: 4, F32: 4, F64: 8, I64: 8, U64: 8,
};

export function safetensorsHeader(
  tensors: readonly SafetensorsTensor[],
  metadata: Readonly<Record<string, string>> = { format: "pt" },
): { readonly header: Buffer; readonly fileBytes: number } {
  const body: Record<string, unknown> = { __metadata__: metadata };
  let offset = 0;
  for (const t of tensors) {
    const size = SAFETENSORS_DTYPE_BYTES[t.dtype];
    if (size === undefined) throw new Error(`safetensors-write: unknown dtype ${t.dtype}`);
    const bytes = t.shape.reduce((a, b) => a * b, 1) * size;
    body[t.name] = { dtype: t.dtype, shape: [...t.shape], data_offsets: [offset, offset + bytes] };
    offset += bytes;
  }
  const raw = Buffer.from(JSON.stringify(body), "utf8");
  const text = Buffer.concat([raw, Buffer.from(" ".repeat((8 - (raw.length % 8)) % 8))]);
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(text.length));
  const header = Buffer.concat([len, text]);
  return { header, fileBytes: header.length + offset };
}
