// The host's idle collection: one full GC a moment after the last piece of work, none while
// work keeps coming, and nothing at all when node was started without --expose-gc.
import { describe, expect, it, vi } from "vitest";
import { idleCollector, idleWork, RELEASING_GC } from "../../src/host/idle-gc.js";

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

  it("writes what leaves garbage first, then compacts and gives pages back, and restores V8's choice", () => {
    const calls: unknown[] = [];
    const work = idleWork(
      (options) => calls.push(["gc", options]),
      (flags) => calls.push(["flags", flags]),
      () => calls.push("save code cache"),
    );
    work();
    expect(calls).toEqual([
      "save code cache",
      ["flags", "--compact-on-every-full-gc"],
      ["gc", undefined],
      ["gc", RELEASING_GC],
      ["flags", "--no-compact-on-every-full-gc"],
    ]);
  });

  it("turns the forced compaction off even when a collection throws", () => {
    const flags: string[] = [];
    const work = idleWork(
      () => {
        throw new Error("no such flavour");
      },
      (f) => flags.push(f),
    );
    expect(work).toThrow("no such flavour");
    expect(flags).toEqual(["--compact-on-every-full-gc", "--no-compact-on-every-full-gc"]);
  });

  it("still saves the code cache without --expose-gc", () => {
    const saved: string[] = [];
    idleWork(undefined, () => saved.push("flags"), () => saved.push("saved"))();
    expect(saved).toEqual(["saved"]);
  });
});
