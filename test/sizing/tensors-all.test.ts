// Every shape in the ground truth (shared + data/groundtruth): our tensor list and quant mix for the
// shape rebuilt from its GGUF hyperparameters, against the real file's tensors and llama-quantize's types.
import { describe, expect, it } from "vitest";
import { parseQuantName, applyQuantMix } from "../../src/sizing/quant-mix.js";
import { tensorsForShape } from "../../src/sizing/tensors.js";
import { loadAllShapes, shapeOfEntry } from "./groundtruth-data.js";

const shapes = loadAllShapes();

describe("tensor lists and quant mixes of every ground-truth model", () => {
  for (const [id, entry] of Object.entries(shapes)) {
    it(`${id} (${entry.arch}): tensors`, () => {
      const ours = tensorsForShape(shapeOfEntry(entry));
      const got = Object.fromEntries(ours.map((t) => [t.name, t.ne]));
      const want = Object.fromEntries(entry.tensors.map(([n, ne]) => [n, ne]));
      expect(got).toEqual(want);
    });
    for (const [quant, types] of Object.entries(entry.tensor_types ?? {})) {
      it(`${id} ${quant}: types`, () => {
        const shape = shapeOfEntry(entry);
        const q = parseQuantName(quant);
        if (!q) throw new Error(`unknown quant ${quant}`);
        const mixed = applyQuantMix(shape, tensorsForShape(shape), q);
        const got = Object.fromEntries(mixed.map((t) => [t.name, t.type.toLowerCase()]));
        const want = Object.fromEntries(Object.entries(types).map(([n, t]) => [n, t.toLowerCase()]));
        expect(got).toEqual(want);
      });
    }
  }
});
