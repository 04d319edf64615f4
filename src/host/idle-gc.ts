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
