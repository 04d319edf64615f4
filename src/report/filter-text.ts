// The report's `/` filter: free words match a model's id, name or family; `key:value` tokens and
// size bounds narrow by the catalog's fields, through the same filterCatalog() as `llmfit list`.
//   family:qwen3  kind:moe  license:apache-2.0  cap:vision (or use:)  <14b  >=3b  size<8
import { CAPABILITIES, KINDS, type Capability, type CatalogKind } from "../models/catalog-schema.js";
import type { CatalogFilter } from "../models/catalog.js";

export interface FilterText {
  readonly filter: CatalogFilter;
  readonly words: readonly string[];
}

const SIZE = /^(?:size|params)?(<=|>=|<|>)(\d+(?:\.\d+)?)b?$/i;

export function parseFilterText(text: string): FilterText {
  const filter: { -readonly [K in keyof CatalogFilter]: CatalogFilter[K] } = {};
  const words: string[] = [];
  for (const token of text.toLowerCase().split(/\s+/).filter(Boolean)) {
    const size = SIZE.exec(token);
    if (size) {
      const n = Number(size[2]);
      if (size[1]!.startsWith("<")) filter.maxParamsB = n;
      else filter.minParamsB = n;
      continue;
    }
    const [key, value] = token.split(":", 2) as [string, string | undefined];
    if (value) {
      if (key === "family") filter.family = value;
      else if (key === "license") filter.license = value;
      else if (key === "kind" && (KINDS as readonly string[]).includes(value)) filter.kind = value as CatalogKind;
      else if ((key === "cap" || key === "use") && (CAPABILITIES as readonly string[]).includes(value)) filter.capability = value as Capability;
      else words.push(token);
      continue;
    }
    words.push(token);
  }
  return { filter, words };
}
