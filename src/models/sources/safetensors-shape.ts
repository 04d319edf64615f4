// A transformers model (config.json + safetensors headers) as llama.cpp would hold it after
// conversion: the architecture from config.json (the catalog's from-config code), the tensor
// list llama.cpp creates for that architecture, and the safetensors' exact element counts beside
// it as a check. Architectures the project cannot convert are refused in one line.
import { LlmFitError } from "../../errors.js";
import { HyperparamsSchema } from "../catalog-schema.js";
import { llmShape } from "../catalog.js";
import { entryFromConfig } from "../from-config.js";
import { activeParams } from "../gguf-shape.js";
import type { ModelShape } from "../shape.js";
import { countParams, tensorsForShape } from "../../sizing/tensors.js";
import { mainDtype, paramsOf, type SafetensorsSummary } from "./safetensors.js";

export interface SafetensorsModel {
  readonly shape: ModelShape;
  /** Elements in the safetensors files (all of them: a vision tower counts too). */
  readonly fileParams: number;
  /** Elements of the converted language model's tensors (what is sized). */
  readonly convertedParams: number;
  readonly dtype: string;
  readonly dataBytes: number;
}

export function shapeFromSafetensors(config: unknown, summary: SafetensorsSummary, what: string): SafetensorsModel {
  let derived: ReturnType<typeof entryFromConfig>;
  try {
    derived = entryFromConfig(config, { id: what });
  } catch (err) {
    if (err instanceof LlmFitError && /model_type/.test(err.message)) {
      const type = /model_type "([^"]+)"/.exec(err.message)?.[1] ?? "?";
      throw new LlmFitError("bad_config", `${what}: llmfit cannot convert model_type "${type}" the way llama.cpp's converter does`, "look for a GGUF repo of the model (hf:ORG/REPO-GGUF)");
    }
    throw err;
  }
  const hp = HyperparamsSchema.safeParse(derived.hp);
  if (!hp.success) throw new LlmFitError("bad_config", `${what}: config.json gives ${hp.error.issues[0]?.path.join(".") ?? "a field"} a value llama.cpp would not take`, "check the repo's config.json");
  const bare = llmShape(derived.kind, derived.arch, hp.data, { total: 0, active: 0 });
  const list = tensorsForShape(bare);
  const total = countParams(list);
  const shape: ModelShape = { ...bare, params: { total, active: activeParams(bare, list, total) } };
  return { shape, fileParams: paramsOf(summary), convertedParams: total, dtype: mainDtype(summary), dataBytes: summary.dataBytes };
}
