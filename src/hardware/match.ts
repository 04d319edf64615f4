// Matching the names real tools print ("NVIDIA GeForce RTX 3070 Laptop GPU", "Tesla T4",
// "Intel(R) Iris(R) Xe Graphics", "NVIDIA A100-SXM4-80GB") to spec rows. Names become token
// lists without vendor words; a row matches when all its tokens appear in the name and the name
// carries no variant word (Ti, Super, XTX, Max, Laptop, PCIe …) the row lacks, so an "RTX 3070
// Ti" never falls back to the plain 3070 and a laptop chip never to its desktop namesake.
import { LlmFitError } from "../errors.js";
import { GPU_SPECS } from "./gpu-specs.js";
import type { GpuSpec } from "./gpu-spec-schema.js";
import { compareText } from "../text-order.js";

const DROP = new Set(["nvidia", "geforce", "amd", "ati", "intel", "corporation", "graphics", "gpu", "apple", "radeon", "tesla", "r", "tm", "inc", "advanced", "micro", "devices", "with", "chip", "hbm3", "hbm2", "hbm2e", "hbm3e", "gddr6", "gddr6x"]);

/** Words that make a different product when present; extra ones in a name disqualify a row. */
const VARIANT = new Set(["ti", "super", "xt", "xtx", "gre", "pro", "max", "ultra", "laptop", "sxm", "pcie", "nvl", "s", "m", "x", "ai", "mini"]);

export function gpuTokens(name: string): readonly string[] {
  const s = name
    .toLowerCase()
    .replace(/\((r|tm)\)|[®™]/g, " ")
    .replace(/max-?q/g, " laptop ")
    .replace(/\b(mobile|notebook)\b/g, " laptop ")
    .replace(/(\d+)\s*-?\s*core(s)?(\s+gpu)?/g, " $1c ")
    .replace(/(\d+)\s*gb\b/g, " $1gb ")
    .replace(/\bsxm\d\b/g, " sxm ")
    .replace(/[^a-z0-9.]+/g, " ");
  return s.split(/\s+/).filter((t) => t.length > 0 && !DROP.has(t));
}

function normalized(name: string): string {
  return gpuTokens(name).join(" ");
}

export interface GpuMatch {
  readonly spec: GpuSpec;
  /** The memory variant named in the input ("Apple M1 8GB", "A100 80GB"), when it is one. */
  readonly memoryGB?: number;
}

interface Candidate {
  readonly spec: GpuSpec;
  readonly tokens: readonly string[];
  readonly family?: boolean;
}

let candidates: readonly Candidate[] | undefined;
function allCandidates(): readonly Candidate[] {
  candidates ??= GPU_SPECS.flatMap((spec) => {
    const named = [spec.name, ...spec.aliases].map((n) => ({ spec, tokens: gpuTokens(n) })).filter((c) => c.tokens.length > 0);
    // "Apple M1 Max (24-core GPU)" must also answer to "Apple M1 Max" when the core count is known.
    const family = named.map((c) => ({ spec, tokens: c.tokens.filter((t) => !/^\d+c$/.test(t)), family: true }));
    return [...named, ...family.filter((c) => c.tokens.length > 0 && c.tokens.length < (named[0]?.tokens.length ?? 0))];
  });
  return candidates;
}

function memoryToken(tokens: readonly string[]): number | undefined {
  const t = tokens.find((x) => /^\d+gb$/.test(x));
  return t ? Number(t.slice(0, -2)) : undefined;
}

/** The best spec row for a name, or undefined. `cores` picks among core-count variants (Apple). */
export function matchGpu(name: string, hints?: { cores?: number }): GpuMatch | undefined {
  // "Radeon RX 7900 XT/7900 XTX" (lspci) names a family; the first member is the safer guess.
  const first = name.split("/")[0] ?? name;
  const input = gpuTokens(first);
  if (input.length === 0) return undefined;
  const inputSet = new Set(input);
  const mem = memoryToken(input);
  const coreToken = input.find((t) => /^\d+c$/.test(t));
  let best: { c: Candidate; score: number } | undefined;
  for (const c of allCandidates()) {
    const rowTokens = new Set(c.tokens);
    if (!c.tokens.every((t) => inputSet.has(t) || (/^\d+gb$/.test(t) && mem === undefined))) continue;
    if (input.some((t) => VARIANT.has(t) && !rowTokens.has(t))) continue;
    if (mem !== undefined && !c.spec.memoryGB.includes(mem) && c.spec.kind !== "igpu") continue;
    if (coreToken && /^\d+c$/.test(coreToken) && c.spec.cores !== Number(coreToken.slice(0, -1)) && c.spec.vendor === "apple") continue;
    let score = c.tokens.filter((t) => inputSet.has(t)).length * 10;
    if (!c.family && c.tokens.length === input.length && score === input.length * 10) score += 5;
    if (hints?.cores !== undefined && c.spec.cores === hints.cores) score += 8;
    if (!best || score > best.score) best = { c, score };
  }
  if (!best) return undefined;
  return { spec: best.c.spec, ...(mem !== undefined && best.c.spec.memoryGB.includes(mem) ? { memoryGB: mem } : {}) };
}

/** Like matchGpu, but an unknown name is a one-line error naming the three nearest rows. */
export function requireGpu(name: string, hints?: { cores?: number }): GpuMatch {
  const m = matchGpu(name, hints);
  if (m) return m;
  const near = nearestGpuNames(name, 3);
  throw new LlmFitError("unknown_gpu", `unknown GPU "${name}"`, `nearest known: ${near.join(", ")}`);
}

/** Vendor words in a name: "Intel UHD" is answered with Intel rows, never data-centre NVIDIA. */
function vendorOf(name: string): GpuSpec["vendor"] | undefined {
  const s = name.toLowerCase();
  if (/\b(intel|uhd|iris|arc)\b/.test(s)) return "intel";
  if (/\b(nvidia|geforce|rtx|gtx|quadro|tesla)\b/.test(s)) return "nvidia";
  if (/\b(amd|radeon|instinct|rx)\b/.test(s)) return "amd";
  if (/\b(apple|m[1-9])\b/.test(s)) return "apple";
  return undefined;
}

export function nearestGpuNames(name: string, n: number): readonly string[] {
  const q = normalized(name);
  const qTokens = new Set(gpuTokens(name));
  const vendor = vendorOf(name);
  const scored = new Map<string, { shared: number; d: number }>();
  for (const c of allCandidates()) {
    if (vendor !== undefined && c.spec.vendor !== vendor) continue;
    // words in common first ("uhd" finds the UHD rows), then spelling distance
    const shared = c.tokens.filter((t) => qTokens.has(t)).length;
    const d = editDistance(q, c.tokens.join(" "));
    const prev = scored.get(c.spec.name);
    if (prev === undefined || shared > prev.shared || (shared === prev.shared && d < prev.d)) scored.set(c.spec.name, { shared, d });
  }
  return [...scored.entries()]
    .sort((a, b) => b[1].shared - a[1].shared || a[1].d - b[1].d || compareText(a[0], b[0]))
    .slice(0, n)
    .map(([k]) => k);
}

let specsById: ReadonlyMap<string, GpuSpec> | undefined;

/** A spec row by its id: a map built on first use, since every GPU part of every speed estimate asks. */
export function gpuSpecById(id: string): GpuSpec | undefined {
  if (specsById === undefined) {
    const byId = new Map<string, GpuSpec>();
    for (const s of GPU_SPECS) if (!byId.has(s.id)) byId.set(s.id, s); // the first row of an id, as a search would find
    specsById = byId;
  }
  return specsById.get(id);
}

export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      prev[j] = Math.min(up + 1, (prev[j - 1] ?? 0) + 1, diag + cost);
      diag = up;
    }
  }
  return prev[b.length] ?? 0;
}
