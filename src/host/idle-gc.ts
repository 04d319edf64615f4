// A full garbage collection once the host has been idle a moment after work. V8 collects its old
// generation lazily: a host that sizes the catalog or streams answers keeps growing its heap with
// garbage it would collect only much later, so its RSS climbs with every prompt (~0.1 MiB each).
// Collected while nothing waits, it stays flat (npm run bench: host-memory). Needs node's
// --expose-gc, which the Lua shim passes; without it this does nothing.

/**
 * The second collection the idle one asks of --expose-gc's gc(), after a plain one: V8's "last
 * resort" kind, which also gives the pages the first one freed back to the system. Without it
 * they stay mapped: 4–12 MiB of the host's RSS after a session of report keys (npm run bench:
 * host-memory), for about a millisecond more once idle. A V8 that knows no such option runs a
 * plain full collection.
 */
export const RELEASING_GC = { type: "major", execution: "sync", flavor: "last-resort" } as const;

/**
 * What the host does once idle: first the work that leaves garbage (writing the code cache makes
 * a 2–3 MiB buffer of compiled code), then a full collection with compaction forced, then the
 * releasing one. V8 compacts only the pages it judges fragmented enough: after a report the
 * old generation held ~26 MiB of pages for ~16 MiB of live objects, and those half-empty pages
 * cannot be given back. Forcing compaction for that one idle collection moves the live objects
 * together (a few milliseconds for a 16 MiB heap, while nothing waits) and frees ~9 MiB of RSS
 * (npm run bench: host-memory). The forced compaction must be in the plain collection: the
 * releasing one alone, flag or not, left the pages in place when measured. The flag is turned off
 * again, so collections during work keep V8's own choice.
 */
export function idleWork(
  gc: ((options?: typeof RELEASING_GC) => void) | undefined,
  setFlags: (flags: string) => void,
  before?: () => void,
): () => void {
  return () => {
    before?.();
    if (!gc) return;
    setFlags("--compact-on-every-full-gc");
    try {
      gc(); // compacts: the half-empty pages are evacuated
      gc(RELEASING_GC); // gives the pages it emptied back to the system
    } finally {
      setFlags("--no-compact-on-every-full-gc");
    }
  };
}

export function idleCollector(delayMs = 1000, gc = (globalThis as { gc?: () => void }).gc): () => void {
  let timer: NodeJS.Timeout | undefined;
  return () => {
    if (!gc) return;
    if (timer) {
      timer.refresh();
      return;
    }
    timer = setTimeout(() => {
      timer = undefined;
      gc();
    }, delayMs);
    timer.unref();
  };
}
