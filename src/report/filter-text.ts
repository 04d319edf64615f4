// The report's `/` filter: free words match a model's id, name or family; `key:value` tokens and
// size bounds narrow by the catalog's fields, through the same filterCatalog() as `llmfit list`.
//   family:qwen3  kind:moe  license:apache-2.0  cap:vision (or use:)  <14b  >=3b  size<8
import { CAPABILITIES, KINDS, type Capability, type CatalogKind } from "../models/catalog-schema.js";
import type { CatalogFilter } from "../models/catalog.js";

export interface FilterText {
  readonly filter: CatalogFilter;
  readonly words: readonly string[];
  /** One line per token that is not valid syntax, saying what is valid instead. */
  readonly problems: readonly string[];
}

const SIZE = /^(?:size|params)?(<=|>=|<|>)(\d+(?:\.\d+)?)b?$/i;
/** A token that means to be a size bound (starts with a comparison) but is not a valid one. */
const SIZE_LIKE = /^(?:size|params)?(<=|>=|<|>)/i;
export const FILTER_FIELDS = ["family", "kind", "license", "cap", "use"] as const;
const SIZE_HELP = "size bounds are <14b, >=3b or size<8 (billions of parameters)";

export function parseFilterText(text: string): FilterText {
  const filter: { -readonly [K in keyof CatalogFilter]: CatalogFilter[K] } = {};
  const words: string[] = [];
  const problems: string[] = [];
  for (const token of text.toLowerCase().split(/\s+/).filter(Boolean)) {
    const size = SIZE.exec(token);
    if (size) {
      const n = Number(size[2]);
      if (size[1]!.startsWith("<")) filter.maxParamsB = n;
      else filter.minParamsB = n;
      continue;
    }
    if (SIZE_LIKE.test(token)) {
      problems.push(`bad size bound "${token}": ${SIZE_HELP}`);
      continue;
    }
    const colon = token.indexOf(":");
    if (colon > 0) {
      const key = token.slice(0, colon);
      const value = token.slice(colon + 1);
      if (!value) problems.push(`"${token}" has no value: write ${key}:VALUE`);
      else if (key === "family") filter.family = value;
      else if (key === "license") filter.license = value;
      else if (key === "kind") {
        if ((KINDS as readonly string[]).includes(value)) filter.kind = value as CatalogKind;
        else problems.push(`unknown kind "${value}": use one of ${KINDS.join(", ")}`);
      } else if (key === "cap" || key === "use") {
        if ((CAPABILITIES as readonly string[]).includes(value)) filter.capability = value as Capability;
        else problems.push(`unknown capability "${value}": use one of ${CAPABILITIES.join(", ")}`);
      } else problems.push(`unknown filter field "${key}": the fields are ${FILTER_FIELDS.map((f) => `${f}:`).join(" ")}; ${SIZE_HELP}`);
      continue;
    }
    words.push(token);
  }
  return { filter, words, problems };
}
