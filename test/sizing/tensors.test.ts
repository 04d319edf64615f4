import { describe, expect, it } from "vitest";
import { denseShape, type DenseSpec } from "../../src/sizing/reference-shapes.js";
import { applyQuantMix, parseQuantName } from "../../src/sizing/quant-mix.js";
import { countParams, tensorsForShape } from "../../src/sizing/tensors.js";
import { loadShapesJson } from "./groundtruth-data.js";

const shapes = loadShapesJson();

function specOf(e: ReturnType<typeof loadShapesJson>[string]): DenseSpec {
  const s = e.spec as Record<string, number | boolean | string>;
  return {
    arch: String(s["arch"]), E: Number(s["E"]), L: Number(s["L"]), H: Number(s["H"]), KV: Number(s["KV"]),
    hd: Number(s["hd"]), F: Number(s["F"]), V: Number(s["V"]), ctx: Number(s["ctx"]), tied: s["tied"] === true,
    ropeFreqs: s["rope_freqs"] === true,
  };
}

describe("tensorsForShape against real GGUF tensor lists", () => {
  for (const [id, entry] of Object.entries(shapes)) {
    it(`${id}: same names and shapes`, () => {
      const ours = tensorsForShape(denseShape(specOf(entry)));
      const theirs = new Map(entry.tensors.map(([n, ne]) => [n, ne]));
      expect(ours.length).toBe(entry.tensors.length);
      for (const t of ours) expect([t.name, t.ne]).toEqual([t.name, theirs.get(t.name)]);
      if (entry.total_elements) expect(countParams(ours)).toBe(entry.total_elements);
    });
  }
});

describe("quant mix against llama-quantize's choices", () => {
  for (const [id, entry] of Object.entries(shapes)) {
    for (const [quant, types] of Object.entries(entry.tensor_types ?? {})) {
      it(`${id} ${quant}: every tensor's type`, () => {
        const shape = denseShape(specOf(entry));
        const q = parseQuantName(quant);
        expect(q).toBeDefined();
        if (!q) return;
        const ours = applyQuantMix(shape, tensorsForShape(shape), q);
        const got = Object.fromEntries(ours.map((t) => [t.name, t.type.toLowerCase()]));
        const want = Object.fromEntries(Object.entries(types).map(([n, t]) => [n, t.toLowerCase()]));
        expect(got).toEqual(want);
      });
    }
  }
});
