// Apple Silicon: chip, unified memory and the share of it Metal lets one process keep resident.
//
// Metal's recommendedMaxWorkingSetSize, as llama.cpp logs it, is 2/3 of RAM up to 32 GiB and
// 3/4 above: 16 GiB → 10922.67 MiB (abetlen/llama-cpp-python#687), 32 GiB → 21845.34 MiB
// (ollama/ollama#434), 64 GiB → 49152 MiB (ggml-org/llama.cpp#1870). So an 8 GiB M1 gets
// 5461.33 MiB ≈ 5.3 GiB. A non-zero `iogpu.wired_limit_mb` (macOS 14+) replaces the default.
import * as z from "zod";
import { lazySchema } from "../../lazy-schema.js";
import { GiB, MiB, finiteNumber } from "../units.js";

export const SYSCTL_KEYS: readonly string[] = [
  "machdep.cpu.brand_string",
  "hw.memsize",
  "hw.physicalcpu",
  "hw.logicalcpu",
  "hw.perflevel0.physicalcpu",
  "hw.perflevel1.physicalcpu",
  "iogpu.wired_limit_mb",
  "hw.optional.arm.FEAT_DotProd",
  "hw.optional.arm.FEAT_I8MM",
  "hw.optional.arm.FEAT_BF16",
  "hw.optional.arm.FEAT_SME",
];

// Without -n sysctl prints "key: value", so a key this macOS lacks cannot shift the others.
export const SYSCTL_ARGS: readonly string[] = [...SYSCTL_KEYS];
export const SYSTEM_PROFILER_ARGS: readonly string[] = ["SPDisplaysDataType", "-json"];

export interface AppleSysctl {
  readonly brand?: string;
  readonly memBytes?: number;
  readonly physicalCpu?: number;
  readonly logicalCpu?: number;
  readonly performanceCores?: number;
  readonly efficiencyCores?: number;
  /** iogpu.wired_limit_mb when set (0 means "macOS default"). */
  readonly wiredLimitMb?: number;
  readonly flags: readonly string[];
}

export function parseSysctl(text: string): AppleSysctl {
  const kv = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^([\w.]+):\s*(.*)$/.exec(line.trim());
    if (m?.[1] && m[2] !== undefined) kv.set(m[1], m[2].trim());
  }
  const n = (k: string): number | undefined => finiteNumber(kv.get(k));
  const brand = kv.get("machdep.cpu.brand_string");
  const mem = n("hw.memsize");
  const wired = n("iogpu.wired_limit_mb");
  const flags = ["neon"];
  if (n("hw.optional.arm.FEAT_DotProd") === 1) flags.push("dotprod");
  if (n("hw.optional.arm.FEAT_I8MM") === 1) flags.push("i8mm");
  if (n("hw.optional.arm.FEAT_BF16") === 1) flags.push("bf16");
  if (n("hw.optional.arm.FEAT_SME") === 1) flags.push("sme");
  const opt = (k: string, v: number | undefined): Record<string, number> => (v === undefined ? {} : { [k]: v });
  return {
    ...(brand ? { brand } : {}),
    ...opt("memBytes", mem),
    ...opt("physicalCpu", n("hw.physicalcpu")),
    ...opt("logicalCpu", n("hw.logicalcpu")),
    ...opt("performanceCores", n("hw.perflevel0.physicalcpu")),
    ...opt("efficiencyCores", n("hw.perflevel1.physicalcpu")),
    ...(wired !== undefined && wired > 0 ? { wiredLimitMb: wired } : {}),
    flags: brand && /Apple/i.test(brand) ? flags.sort() : [],
  };
}

export interface AppleGpuInfo {
  readonly name: string;
  readonly cores?: number;
  readonly metal?: string;
}

// Only the keys we read; the rest (displays, vendor ids) may vary between macOS releases.
const DisplaysSchema = lazySchema(() => z.object({
  SPDisplaysDataType: z.array(
    z.looseObject({
      _name: z.string().optional(),
      sppci_model: z.string().optional(),
      sppci_cores: z.string().optional(),
      spdisplays_mtlgpufamilysupport: z.string().optional(),
    }),
  ),
}));

/** `system_profiler SPDisplaysDataType -json`: the built-in GPU's name and core count. */
export function parseSystemProfilerDisplays(json: unknown): readonly AppleGpuInfo[] {
  const parsed = DisplaysSchema.safeParse(json);
  if (!parsed.success) return [];
  const out: AppleGpuInfo[] = [];
  for (const item of parsed.data.SPDisplaysDataType) {
    const name = item.sppci_model || decodeItemName(item._name);
    if (!name) continue;
    const cores = finiteNumber(item.sppci_cores);
    const metal = item.spdisplays_mtlgpufamilysupport;
    out.push({ name, ...(cores !== undefined ? { cores } : {}), ...(metal ? { metal: metal.replace(/^spdisplays_/, "") } : {}) });
  }
  return out;
}

/** Early Big Sur builds printed a localisation key ("kHW_AppleM1Item") instead of the name. */
function decodeItemName(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const m = /^kHW_Apple(M\d+)(Pro|Max|Ultra)?Item$/.exec(name);
  if (m?.[1]) return `Apple ${m[1]}${m[2] ? ` ${m[2]}` : ""}`;
  return /^kHW_/.test(name) ? undefined : name;
}

export interface WorkingSet {
  readonly bytes: number;
  readonly note: string;
}

/** The memory a Metal process may keep resident on a unified-memory Mac. */
export function metalWorkingSet(memBytes: number, wiredLimitMb?: number): WorkingSet {
  if (wiredLimitMb !== undefined && wiredLimitMb > 0) {
    return { bytes: wiredLimitMb * MiB, note: `iogpu.wired_limit_mb = ${wiredLimitMb}` };
  }
  const large = memBytes > 32 * GiB;
  const share = large ? 3 / 4 : 2 / 3;
  return {
    bytes: Math.floor(memBytes * share),
    note: `Metal recommended working set: ${large ? "3/4" : "2/3"} of ${(memBytes / GiB).toFixed(0)} GiB`,
  };
}
