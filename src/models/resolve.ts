// Names people give a model, resolved to one catalog entry: ids ("llama-3.1-8b-instruct"), the
// display names the report prints ("Llama 3.1 8B Instruct"), Ollama tags ("qwen2.5:7b"),
// Hugging Face repos ("meta-llama/Llama-3.1-8B-Instruct", hf.co/… too), LM Studio ids, and
// short forms that name one entry ("mistral-7b" = Ollama's mistral:7b, "gemma3-12b"). Anything
// else is a one-line error naming the three nearest ids.
import { LlmFitError } from "../errors.js";
import { editDistance } from "../hardware/match.js";
import { findModel, loadCatalog, type CatalogEntry } from "./catalog.js";
import { compareText } from "../text-order.js";

/** Case, separators and hub prefixes do not matter: "Qwen2.5 7B", "qwen2.5:7b" → "qwen2.5-7b". */
export function normalizeModelName(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/^(https:\/\/)?(hf\.co|huggingface\.co)\//, "")
    .replace(/:latest$/, "")
    .replace(/[\s:_/()]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
}

interface Index {
  readonly exact: ReadonlyMap<string, CatalogEntry>;
  readonly entries: readonly { readonly entry: CatalogEntry; readonly keys: readonly string[] }[];
}

let index: Index | undefined;

function buildIndex(): Index {
  const exact = new Map<string, CatalogEntry>();
  const entries = loadCatalog().map((entry) => {
    const repoTail = (r: string) => r.split("/").pop() ?? r;
    const names = [entry.id, entry.name, ...entry.ollama, ...entry.lmstudio, ...entry.gguf, ...entry.gguf.map(repoTail), ...(entry.hf ? [entry.hf, repoTail(entry.hf)] : [])];
    const keys = [...new Set(names.map(normalizeModelName))];
    // First come, first kept: the catalog lists the instruct model before its base.
    for (const k of keys) if (!exact.has(k)) exact.set(k, entry);
    return { entry, keys };
  });
  return { exact, entries };
}

/** The entry a name means, or undefined when it means none or several. */
export function tryResolveModel(query: string): CatalogEntry | undefined {
  const direct = findModel(query);
  if (direct) return direct;
  index ??= buildIndex();
  const q = normalizeModelName(query);
  if (q === "") return undefined;
  const hit = index.exact.get(q);
  if (hit) return hit;
  const prefixed = prefixMatches(index, q);
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

function prefixMatches(ix: Index, q: string): CatalogEntry[] {
  return ix.entries.filter((e) => e.keys.some((k) => k.startsWith(`${q}-`))).map((e) => e.entry);
}

/** The nearest `n` catalog ids to a name, by spelling. */
export function nearestModelIds(query: string, n = 3): readonly string[] {
  index ??= buildIndex();
  const q = normalizeModelName(query);
  return index.entries
    .map((e) => ({ id: e.entry.id, d: Math.min(...e.keys.map((k) => editDistance(q, k))) }))
    .sort((a, b) => a.d - b.d || compareText(a.id, b.id))
    .slice(0, n)
    .map((x) => x.id);
}

/** Like tryResolveModel, but a name that means none or several is a one-line error with the way out. */
export function resolveModel(query: string, command: string): CatalogEntry {
  const found = tryResolveModel(query);
  if (found) return found;
  index ??= buildIndex();
  const several = prefixMatches(index, normalizeModelName(query));
  if (several.length > 1) {
    const ids = several.map((e) => e.id);
    throw new LlmFitError("not_found", `${command}: "${query}" names ${ids.length} models`, `say which: ${ids.slice(0, 3).join(", ")}${ids.length > 3 ? ", …" : ""}`);
  }
  throw new LlmFitError("not_found", `${command}: unknown model "${query}"`, `nearest: ${nearestModelIds(query).join(", ")} (llmfit list shows all; a .gguf path or URL works too)`);
}

/** Every catalog id, for completion. */
export function modelIds(): readonly string[] {
  return loadCatalog().map((e) => e.id).sort();
}
