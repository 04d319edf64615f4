// The embedded runtime's tok/s from a hand-made clock (src/runtimes/embedded-timings.ts).
import { describe, expect, it } from "vitest";
import { embeddedTimings, promptTokensOf } from "../../src/runtimes/embedded-timings.js";

describe("embedded timings", () => {
  it("prices the prompt by the time to the first token and the answer by the tokens after it", () => {
    // 63 input + the prompt's last token (metered as output) = 64 prompt tokens in 400 ms; 21 answer tokens, the 20 after the first in 1 s
    const t = embeddedTimings({ startMs: 1000, firstTokenMs: 1400, endMs: 2400, inputTokens: 63, outputTokens: 21 });
    expect(t?.promptTps).toBeCloseTo(160, 9);
    expect(t?.decodeTps).toBeCloseTo(20, 9);
    expect(promptTokensOf({ inputTokens: 63, outputTokens: 21 })).toBe(64);
  });

  it("leaves out a figure whose span is empty", () => {
    expect(embeddedTimings({ startMs: 0, firstTokenMs: undefined, endMs: 50, inputTokens: 10, outputTokens: 0 })).toBeUndefined();
    expect(embeddedTimings({ startMs: 0, firstTokenMs: 40, endMs: 40, inputTokens: 9, outputTokens: 1 })).toEqual({ promptTps: 250 });
    expect(embeddedTimings({ startMs: 5, firstTokenMs: 5, endMs: 105, inputTokens: 9, outputTokens: 3 })).toEqual({ decodeTps: 20 });
    expect(promptTokensOf({ inputTokens: 0, outputTokens: 0 })).toBe(0);
  });
});
