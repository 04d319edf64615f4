// Small constructors so every figure carries its source without ceremony at each call site.
import type { Source, Sourced } from "./types.js";

export function sourced<T>(value: T, source: Source, note?: string): Sourced<T> {
  return note === undefined ? { value, source } : { value, source, note };
}

export const detected = <T>(value: T, note?: string): Sourced<T> => sourced(value, "detected", note);
export const fromSpec = <T>(value: T, note?: string): Sourced<T> => sourced(value, "spec", note);
export const estimated = <T>(value: T, note?: string): Sourced<T> => sourced(value, "estimate", note);
export const overridden = <T>(value: T, note?: string): Sourced<T> => sourced(value, "override", note);
