// The host's idle collection: one full GC a moment after the last piece of work, none while
// work keeps coming, and nothing at all when node was started without --expose-gc.
import { describe, expect, it, vi } from "vitest";
import { idleCollector } from "../../src/host/idle-gc.js";

describe("idle garbage collection", () => {
  it("collects once, after the last call has been quiet for the delay", () => {
    vi.useFakeTimers();
    try {
      const gc = vi.fn();
      const worked = idleCollector(1000, gc);
      worked();
      vi.advanceTimersByTime(600);
      worked(); // more work: wait again
      vi.advanceTimersByTime(600);
      expect(gc).not.toHaveBeenCalled();
      vi.advanceTimersByTime(500);
      expect(gc).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(5000);
      expect(gc).toHaveBeenCalledTimes(1);
      worked();
      vi.advanceTimersByTime(1000);
      expect(gc).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("does nothing without a gc function", () => {
    expect(() => idleCollector(1000, undefined)()).not.toThrow();
  });
});
