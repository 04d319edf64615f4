// Sizing a model a runtime reported: its quantization label ("Q4_K_M", "Q4_0" …) at the context
// the runtime runs it with, llama.cpp's defaults otherwise.
import type { Hardware } from "../hardware/types.js";
import type { ModelShape } from "../models/shape.js";
import { parseQuantName } from "./quant-mix.js";
import type { Sizer } from "./search.js";
import { DEFAULT_RUN_SETTINGS, type Estimate } from "./types.js";

export function runtimeEstimator(sizer: Sizer, hw: Hardware): (shape: ModelShape, quantization: string | undefined, ctx: number) => Estimate {
  // A model with no label the sizer knows is sized as Q4_K_M, the quantization of Ollama's default tags.
  return (shape, quantization, ctx) =>
    sizer.estimate(shape, parseQuantName(quantization ?? "") ?? "Q4_K_M", { ...DEFAULT_RUN_SETTINGS, ctx }, hw);
}
