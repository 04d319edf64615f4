// The CPU spec table, parsed on first read, and name matching for `--cpu NAME`: the names people
// type ("i5-1035G1", "Ryzen 7 7840U", "Apple M2 Max") and the brand strings tools print
// ("Intel(R) Core(TM) i5-1035G1 CPU @ 1.00GHz"). An unknown name is a one-line error naming
// the three nearest rows.
import { LlmFitError } from "../errors.js";
import { CPU_SPECS_SCHEMA, type CpuSpec } from "./cpu-spec-schema.js";
import { CPU_SPEC_ROWS } from "./cpu-specs.data.js";
import { lazyTable } from "../lazy-table.js";
import { editDistance } from "./match.js";
import { compareText } from "../text-order.js";

export const CPU_SPECS: readonly CpuSpec[] = lazyTable("CPU_SPECS", () => CPU_SPECS_SCHEMA.parse(CPU_SPEC_ROWS));

const DROP = new Set(["intel", "amd", "apple", "core", "r", "tm", "processor", "cpu", "with", "radeon", "graphics", "w", "gen", "th"]);
/** Words that make a different chip; an input carrying one its row lacks does not match it. */
const VARIANT = new Set(["pro", "max", "ultra", "x3d", "k", "hx", "hs"]);

export function cpuTokens(name: string): readonly string[] {
  return name
    .toLowerCase()
    .replace(/\((r|tm)\)|[®™]/g, " ")
    .replace(/@\s*[\d.]+\s*ghz/g, " ")
    .replace(/\+/g, " ")
    .split(/[^a-z0-9.]+/)
    .filter((t) => t.length > 0 && !DROP.has(t) && !/^[\d.]+ghz$/.test(t));
}

/** The row's most specific word: the longest one with a digit ("1035g1", "7840u", "m2"). */
function modelToken(tokens: readonly string[]): string | undefined {
  return [...tokens].filter((t) => /\d/.test(t)).sort((a, b) => b.length - a.length)[0];
}

export function matchCpu(name: string): CpuSpec | undefined {
  const input = cpuTokens(name);
  if (input.length === 0) return undefined;
  const inputSet = new Set(input);
  let best: { spec: CpuSpec; score: number } | undefined;
  for (const spec of CPU_SPECS) {
    for (const n of [spec.name, ...spec.aliases]) {
      const row = cpuTokens(n);
      const rowSet = new Set(row);
      const model = modelToken(row);
      if (model === undefined || !inputSet.has(model)) continue;
      // all the row's words in the input, or a short form ("1035G1", "M2 Max") of it
      if (!row.every((t) => inputSet.has(t)) && !input.every((t) => rowSet.has(t))) continue;
      if (input.some((t) => VARIANT.has(t) && !rowSet.has(t))) continue;
      const score = row.filter((t) => inputSet.has(t)).length;
      if (!best || score > best.score) best = { spec, score };
    }
  }
  return best?.spec;
}

export function nearestCpuNames(name: string, n: number): readonly string[] {
  const q = cpuTokens(name).join(" ");
  const qTokens = new Set(cpuTokens(name));
  return CPU_SPECS.map((s) => {
    const tokens = cpuTokens(s.name);
    const shared = tokens.filter((t) => qTokens.has(t)).length;
    return { name: s.name, shared, d: editDistance(q, tokens.join(" ")) };
  })
    .sort((a, b) => b.shared - a.shared || a.d - b.d || compareText(a.name, b.name))
    .slice(0, n)
    .map((x) => x.name);
}

export function requireCpu(name: string): CpuSpec {
  const m = matchCpu(name);
  if (m) return m;
  throw new LlmFitError("unknown_cpu", `unknown CPU "${name}"`, `nearest known: ${nearestCpuNames(name, 3).join(", ")} (llmfit detect --cpu NAME)`);
}

export function cpuSpecById(id: string): CpuSpec | undefined {
  return CPU_SPECS.find((s) => s.id === id);
}
