// Every ggml tensor type: the numeric id GGUF stores, elements per block and bytes per block.
// Facts from ggml/include/ggml.h (enum ggml_type) and ggml/src/ggml.c (type_traits); the block
// byte counts are the sizes of the block_* structs in ggml/src/ggml-common.h.

export interface GgmlType {
  readonly name: string;
  readonly id: number;
  /** Elements per block (1 for plain float/int types). */
  readonly blockSize: number;
  /** Bytes per block. */
  readonly typeSize: number;
  readonly quantized: boolean;
}

function t(name: string, id: number, blockSize: number, typeSize: number): GgmlType {
  return { name, id, blockSize, typeSize, quantized: blockSize > 1 };
}

// Ids 4 and 5 (Q4_2, Q4_3), 31–33 (Q4_0_4_4 …) and 36–38 (IQ4_NL_4_4 …) were removed from ggml;
// a file that still uses them is rejected by llama.cpp, so they are absent here too.
export const GGML_TYPES: readonly GgmlType[] = [
  t("F32", 0, 1, 4),
  t("F16", 1, 1, 2),
  t("Q4_0", 2, 32, 18), // f16 scale + 16 bytes of nibbles
  t("Q4_1", 3, 32, 20), // f16 scale + f16 min + 16 bytes
  t("Q5_0", 6, 32, 22),
  t("Q5_1", 7, 32, 24),
  t("Q8_0", 8, 32, 34), // f16 scale + 32 int8
  t("Q8_1", 9, 32, 36),
  t("Q2_K", 10, 256, 84),
  t("Q3_K", 11, 256, 110),
  t("Q4_K", 12, 256, 144),
  t("Q5_K", 13, 256, 176),
  t("Q6_K", 14, 256, 210),
  t("Q8_K", 15, 256, 292),
  t("IQ2_XXS", 16, 256, 66),
  t("IQ2_XS", 17, 256, 74),
  t("IQ3_XXS", 18, 256, 98),
  t("IQ1_S", 19, 256, 50),
  t("IQ4_NL", 20, 32, 18),
  t("IQ3_S", 21, 256, 110),
  t("IQ2_S", 22, 256, 82),
  t("IQ4_XS", 23, 256, 136),
  t("I8", 24, 1, 1),
  t("I16", 25, 1, 2),
  t("I32", 26, 1, 4),
  t("I64", 27, 1, 8),
  t("F64", 28, 1, 8),
  t("IQ1_M", 29, 256, 56),
  t("BF16", 30, 1, 2),
  t("TQ1_0", 34, 256, 54),
  t("TQ2_0", 35, 256, 66),
  t("MXFP4", 39, 32, 17), // e8m0 shared exponent + 16 bytes of fp4
];

const BY_NAME = new Map<string, GgmlType>(GGML_TYPES.map((g) => [g.name, g]));
const BY_ID = new Map<number, GgmlType>(GGML_TYPES.map((g) => [g.id, g]));

/** Looks a type up by name, any case ("q4_K", "Q4_K", "f16"). */
export function ggmlType(name: string): GgmlType | undefined {
  return BY_NAME.get(name) ?? BY_NAME.get(name.toUpperCase());
}

export function ggmlTypeById(id: number): GgmlType | undefined {
  return BY_ID.get(id);
}

/** Like ggmlType, for names that come from our own tables (a miss is a bug, not bad input). */
export function requireGgmlType(name: string): GgmlType {
  const g = ggmlType(name);
  if (!g) throw new Error(`unknown ggml type ${name}`);
  return g;
}

/** Bytes of one row of `ne0` elements; ggml requires ne0 to be a whole number of blocks, we round up. */
export function rowBytes(ne0: number, type: GgmlType): number {
  return Math.ceil(ne0 / type.blockSize) * type.typeSize;
}

/** Bytes of a tensor: rows × bytes per row (ggml_nbytes for a contiguous tensor). */
export function tensorBytes(ne: readonly number[], type: GgmlType | string): number {
  const g = typeof type === "string" ? requireGgmlType(type) : type;
  let rows = 1;
  for (let i = 1; i < ne.length; i++) rows *= ne[i] ?? 1;
  return rows * rowBytes(ne[0] ?? 1, g);
}

export function tensorElements(ne: readonly number[]): number {
  let n = 1;
  for (const d of ne) n *= d;
  return n;
}

/** GGUF aligns every tensor's data to general.alignment (32 by default, gguf.h GGUF_DEFAULT_ALIGNMENT). */
export const GGUF_DEFAULT_ALIGNMENT = 32;

export function alignUp(n: number, alignment: number): number {
  return Math.ceil(n / alignment) * alignment;
}
