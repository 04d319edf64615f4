// Each LLM's parameter count, from the tensors llama.cpp creates for its hyperparameters
// (src/sizing/tensors.ts), against the published count — or the text model's, where the published
// one includes other parts (entry.params.text, explained in paramsNote).
import { describe, expect, it } from "vitest";
import { CATALOG, shapeOf } from "../../src/models/catalog.js";
import type { LlmEntry } from "../../src/models/catalog.js";
import { KNOWN_ARCHES, countParams, tensorsForShape } from "../../src/sizing/tensors.js";

const TOLERANCE = 0.02;
const known = new Set<string>(KNOWN_ARCHES);
const llms = CATALOG.filter((e): e is LlmEntry => e.kind !== "diffusion");

/**
 * Architectures tensorsForShape does not build, with the reason. Every entry of these carries
 * `notInLlamaCpp` (llama.cpp cannot load it, so there is no llama.cpp tensor list to count).
 */
const NOT_COUNTED: Readonly<Record<string, string>> = {
  gptj: "llama.cpp has no GPT-J loader",
  opt: "llama.cpp has no OPT architecture",
  phi3small: "llama.cpp has no Phi-3-small architecture",
  zamba2: "llama.cpp has no Zamba2 architecture",
};

/** Half a unit of the last significant digit of a rounded label: 1.3e9 → 5e7. */
function roundingSlack(n: number): number {
  let unit = 1;
  while (n % (unit * 10) === 0) unit *= 10;
  return unit / 2 / n;
}

describe("parameter counts from hyperparameters", () => {
  const counted = llms.filter((e) => known.has(e.arch));

  it.each(counted.map((e) => [e.id, e] as const))("%s is within 2 % of its published count", (_id, entry) => {
    const computed = countParams(tensorsForShape(shapeOf(entry)));
    const published = entry.params.text ?? entry.params.total;
    const tolerance = entry.params.rounded ? Math.max(TOLERANCE, roundingSlack(published)) : TOLERANCE;
    const d = computed / published - 1;
    expect(Math.abs(d), `${entry.id}: ${computed} from the shape vs ${published} published (${(d * 100).toFixed(2)} %)`).toBeLessThanOrEqual(tolerance);
  });

  it("every architecture is either counted or listed as not yet counted", () => {
    const uncounted = [...new Set(llms.filter((e) => !known.has(e.arch)).map((e) => e.arch))].sort();
    expect(uncounted).toEqual(Object.keys(NOT_COUNTED).sort());
  });

  it("every entry that is not counted either cannot be loaded by llama.cpp or is listed with a reason", () => {
    for (const e of llms.filter((x) => !known.has(x.arch))) {
      const why = NOT_COUNTED[e.arch];
      expect(why, e.id).toBeDefined();
      if (why?.startsWith("llama.cpp has no")) expect(e.notInLlamaCpp, `${e.id} needs notInLlamaCpp`).toBeDefined();
    }
    for (const e of llms.filter((x) => x.notInLlamaCpp !== undefined)) expect(known.has(e.arch), `${e.id}`).toBe(false);
  });

  it("the rounding slack is half a unit of the label's last digit", () => {
    expect(roundingSlack(1_300_000_000)).toBeCloseTo(0.05 / 1.3, 6);
    expect(roundingSlack(8_030_261_248)).toBeCloseTo(0.5 / 8_030_261_248, 12);
  });
});
