// The key of a shape in the build's tables (src/sizing/shape-tables.ts): a hash of all of it, or,
// for a shape made by llmShape, a hash of what it was made from. llmShape is a pure function of
// (kind, arch, hyperparameters, params), so equal inputs give equal shapes, and the build writes
// its tables with the same code that reads them. Hashing the inputs (a few hundred characters)
// instead of the expanded shape (every layer: ~5 kB for 80 layers) takes the key off a cold start.
// Two equal shapes may get different keys (one made by llmShape, a copy of it): a key the table
// lacks only means the numbers are computed, never that another shape's are used.
import { hash53 } from "./content-hash.js";
import type { ModelShape } from "./shape.js";

const keys = new WeakMap<ModelShape, string>();

/**
 * Keys `shape` by what llmShape made it from (its inputs as JSON), hashed now: inputs a caller changes later cannot
 * change the key. The prefix keeps an inputs key from ever equalling a whole-shape key.
 */
export function madeShape(shape: ModelShape, inputs: string): ModelShape {
  keys.set(shape, `i${hash53(inputs)}`);
  return shape;
}

export function shapeKey(shape: ModelShape): string {
  let k = keys.get(shape);
  if (k === undefined) keys.set(shape, (k = hash53(JSON.stringify(shape))));
  return k;
}
