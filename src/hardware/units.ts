// Byte units in one place: GPU tools speak MiB, Apple speaks bytes and MB (= MiB), users speak GB.
export const KiB = 1024;
export const MiB = 1024 * KiB;
export const GiB = 1024 * MiB;

/** User-facing "GB" is GiB, as in nvidia-smi, Ollama and llama.cpp logs. */
export function gbToBytes(gb: number): number {
  return Math.round(gb * GiB);
}

export function bytesToGiB(bytes: number): number {
  return bytes / GiB;
}

export function finiteNumber(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text.trim());
  return text.trim() !== "" && Number.isFinite(n) ? n : undefined;
}
