// Which Ollama tag `p` pulls for a model the report sized: the tag of the sized quantization
// when the catalog knows one; else the tag whose own quantization runs here, sized as what it
// really is, and said so. A tag that does not fit is not pulled.
import type { Hardware } from "../hardware/types.js";
import type { LlmEntry } from "../models/catalog.js";
import { parseQuantName, type QuantName } from "../sizing/quant-mix.js";
import { QUANT_LADDER } from "../sizing/search.js";
import { rateModel, type Advisor, type ModelRow } from "./advise.js";
import type { AdvicePolicy } from "./policy.js";

/**
 * The quantization a tag holds: its suffix ("…-q8_0", "…-q4_K_M", "…-fp16"), else Q4_K_M — what
 * Ollama's default tags hold (ollama.com/library model pages list "latest" as Q4_K_M).
 */
export function tagQuant(tag: string): QuantName {
  const suffix = /-(i?q\d\w*|fp16|bf16|f16)$/i.exec(tag)?.[1];
  if (!suffix) return "Q4_K_M";
  return parseQuantName(suffix.replace(/^fp16$/i, "F16").replace(/^bf16$/i, "F16")) ?? "Q4_K_M";
}

export interface PullChoice {
  /** The tag to pull; undefined when none of the model's tags runs here. */
  readonly tag?: string;
  readonly quant?: QuantName;
  /** What the user should know: the tag's quantization differs from the one sized, or fits nowhere. */
  readonly note?: string;
}

const gib = (b: number): string => `${(b / 1024 ** 3).toFixed(1)} GiB`;

export function pullChoice(entry: LlmEntry, row: ModelRow | undefined, hw: Hardware, advisor: Advisor, policy: AdvicePolicy): PullChoice {
  const tags = entry.ollama.map((tag) => ({ tag, quant: tagQuant(tag) }));
  if (tags.length === 0) return { note: `${entry.name} has no Ollama tag — get a GGUF from its page (<CR>)` };
  if (row) {
    const same = tags.find((t) => t.quant === row.quant);
    if (same) return { tag: same.tag, quant: same.quant };
  }
  // Largest quantization first, so the best tag that runs wins.
  const ranked = [...tags].sort((a, b) => QUANT_LADDER.indexOf(a.quant) - QUANT_LADDER.indexOf(b.quant));
  const ctx = row?.settings.ctx ?? 8192;
  const shape = row?.shape;
  for (const t of ranked) {
    if (!shape) return { tag: t.tag, quant: t.quant };
    const r = rateModel(shape, t.quant, ctx, hw, advisor, policy);
    if (r.verdict === "no") continue;
    const sized = row ? ` (the report sized ${row.quant}, ${gib(row.estimate.memory.total)}, which has no Ollama tag)` : "";
    return { tag: t.tag, quant: t.quant, note: `pulling ${t.tag}: it holds ${t.quant}, ${gib(r.estimate.memory.total)} here, ${r.verdict === "gpu" ? "fits the GPU" : r.verdict === "partial" ? "partly on the GPU" : "on the CPU"}${sized}` };
  }
  const first = ranked[0]!;
  const need = shape ? ` (${first.quant}: ${gib(rateModel(shape, first.quant, ctx, hw, advisor, policy).estimate.memory.total)})` : "";
  return { note: `not pulled: ${entry.ollama.join(", ")} ${entry.ollama.length > 1 ? "do" : "does"} not fit this machine${need}; the report sized ${row?.quant ?? "?"}, which Ollama has no tag for — get that GGUF from the model's page (<CR>)` };
}
