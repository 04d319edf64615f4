// A transformers model (config.json + safetensors headers) as llama.cpp would hold it after
// conversion: the architecture from config.json (the catalog's from-config code), and the tensors
// the converter would write, named and shaped from the headers themselves (convert-names.ts) for
// the architectures it maps. The tensor list llama.cpp creates for those hyperparameters is kept
// beside it as a cross-check, and is what is sized for other architectures or when a header holds
// names no rule maps. Architectures the project cannot convert are refused in one line.
import { LlmFitError } from "../../errors.js";
import { HyperparamsSchema } from "../catalog-schema.js";
import { llmShape } from "../catalog.js";
import { entryFromConfig } from "../from-config.js";
import { activeParams } from "../gguf-shape.js";
import type { ModelShape } from "../shape.js";
import { countParams, tensorsForShape } from "../../sizing/tensors.js";
import { convertCheckpoint, CONVERTED_ARCHES, type ConvertedTensor } from "./convert-names.js";
import { mainDtype, paramsOf, type SafetensorsSummary } from "./safetensors.js";

/** Tensors the converter makes rather than reads: Llama 3's rope_freqs (LlamaModel.generate_extra_tensors). */
const GENERATED: ReadonlySet<string> = new Set(["rope_freqs.weight"]);

/** Where the sized tensor list came from, and what the cross-check found. */
export interface TensorReport {
  /** "checkpoint": the headers' own names and shapes; "llmfit": built from config.json. */
  readonly source: "checkpoint" | "llmfit";
  readonly count: number;
  /** Checkpoint tensors the converter skips, by reason. */
  readonly dropped: Readonly<Record<string, number>>;
  /** Checkpoint names no rule maps (sizing then takes llmfit's list). */
  readonly unknown: readonly string[];
  /** Differences between the checkpoint's converted list and llmfit's own; empty: they agree. */
  readonly differences: readonly string[];
}

export interface SafetensorsModel {
  readonly shape: ModelShape;
  /** Elements in the safetensors files (all of them: a vision tower counts too). */
  readonly fileParams: number;
  /** Elements of the converted language model's tensors (what is sized). */
  readonly convertedParams: number;
  readonly dtype: string;
  readonly dataBytes: number;
  readonly tensors: TensorReport;
}

const elements = (ne: readonly number[]): number => ne.reduce((a, b) => a * b, 1);

/** What differs between two tensor lists, as a few names per kind (one line each). */
function compareLists(converted: readonly ConvertedTensor[], own: readonly ConvertedTensor[]): string[] {
  const mine = new Map(own.map((t) => [t.name, t]));
  const theirs = new Map(converted.map((t) => [t.name, t]));
  const few = (names: string[]): string => `${names.slice(0, 3).join(", ")}${names.length > 3 ? ` and ${names.length - 3} more` : ""}`;
  const onlyCkpt = converted.filter((t) => !mine.has(t.name)).map((t) => t.name);
  const onlyOwn = own.filter((t) => !theirs.has(t.name)).map((t) => t.name);
  const sized = converted.filter((t) => mine.has(t.name) && elements(mine.get(t.name)!.ne) !== elements(t.ne)).map((t) => `${t.name} [${t.ne.join(", ")}] vs [${mine.get(t.name)!.ne.join(", ")}]`);
  return [
    ...(onlyCkpt.length > 0 ? [`${onlyCkpt.length} only in the checkpoint: ${few(onlyCkpt)}`] : []),
    ...(onlyOwn.length > 0 ? [`${onlyOwn.length} only in llmfit's list: ${few(onlyOwn)}`] : []),
    ...(sized.length > 0 ? [`${sized.length} of another size: ${few(sized)}`] : []),
  ];
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
  const own = tensorsForShape(bare);
  const conv = CONVERTED_ARCHES.has(bare.arch) ? convertCheckpoint(bare.arch, summary.header) : undefined;
  const fromCheckpoint = conv !== undefined && conv.unknown.length === 0 && conv.tensors.length > 0
    ? [...own.filter((t) => GENERATED.has(t.name) && !conv.tensors.some((c) => c.name === t.name)), ...conv.tensors]
    : undefined;
  const list = fromCheckpoint ?? own;
  const total = countParams(list);
  const shape: ModelShape = { ...bare, params: { total, active: activeParams(bare, list, total) }, ...(fromCheckpoint ? { convertedTensors: fromCheckpoint } : {}) };
  const tensors: TensorReport = {
    source: fromCheckpoint ? "checkpoint" : "llmfit",
    count: list.length,
    dropped: conv?.dropped ?? {},
    unknown: conv?.unknown ?? [],
    differences: fromCheckpoint ? compareLists(fromCheckpoint, own) : [],
  };
  return { shape, fileParams: paramsOf(summary), convertedParams: total, dtype: mainDtype(summary), dataBytes: summary.dataBytes, tensors };
}
