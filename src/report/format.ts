// Number formatting shared by the float and the terminal.

const GIB = 1024 ** 3;

export function gib(bytes: number, digits = 1): string {
  return `${(bytes / GIB).toFixed(digits)} GiB`;
}

/** Bytes in the unit a person reads fastest (MiB below 1 GiB). */
export function bytesShort(bytes: number): string {
  if (bytes >= GIB) return `${(bytes / GIB).toFixed(1)} GiB`;
  if (bytes >= 1024 ** 2) return `${Math.round(bytes / 1024 ** 2)} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} B`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/**
 * An integer with commas between thousands ("1,234,567"), as en-US writes it. Not
 * toLocaleString: that loads ICU's number formatting data, ~5 MiB more resident memory for a
 * host that formats a few counts (npm run bench: editor).
 */
export function grouped(n: number): string {
  const digits = String(Math.round(Math.abs(n)));
  return `${n < 0 && Math.round(n) !== 0 ? "-" : ""}${digits.replace(/\B(?=(\d{3})+$)/g, ",")}`;
}
