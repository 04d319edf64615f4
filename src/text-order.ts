// The one order for names, ids and paths in every view: letters compared without case first,
// then by UTF-16 code units. Not localeCompare: that orders by the user's locale (a list could
// differ between two machines) and loads ICU's collation data, ~2 MiB of resident memory in the
// host for sorting model ids.

/** Negative, zero or positive as `a` sorts before, with or after `b`. */
export function compareText(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
