// /proc/cpuinfo: the brand and the SIMD features llama.cpp picks kernels by. x86 lists them on
// "flags", arm64 on "Features" (asimd = NEON); "amx_tile" and friends mean AMX.

export interface CpuInfo {
  readonly brand?: string;
  readonly threads: number;
  readonly cores?: number;
  readonly flags: readonly string[];
}

/** Flags from the kernel's names to the names llama.cpp's system_info prints (lower case). */
const X86_FLAGS: Readonly<Record<string, string>> = {
  avx: "avx",
  avx2: "avx2",
  fma: "fma",
  f16c: "f16c",
  avx512f: "avx512f",
  avx512bw: "avx512bw",
  avx512vl: "avx512vl",
  avx512_vnni: "avx512_vnni",
  avx512_bf16: "avx512_bf16",
  avx_vnni: "avx_vnni",
  amx_tile: "amx",
  amx_int8: "amx_int8",
  amx_bf16: "amx_bf16",
};

const ARM_FLAGS: Readonly<Record<string, string>> = {
  asimd: "neon",
  asimdhp: "neon_fp16",
  asimddp: "dotprod",
  i8mm: "i8mm",
  sve: "sve",
  sve2: "sve2",
  sme: "sme",
  fphp: "fp16",
};

export function parseCpuinfo(text: string): CpuInfo {
  const blocks = text.split(/\n\s*\n/).filter((b) => b.trim().length > 0);
  let brand: string | undefined;
  let raw: string[] = [];
  let threads = 0;
  const physical = new Set<string>();
  let coresPerSocket: number | undefined;
  for (const block of blocks) {
    const fields = fieldsOf(block);
    if (fields.has("processor") && /^\d+$/.test(fields.get("processor") ?? "")) threads += 1;
    brand ??= fields.get("model name") ?? fields.get("hardware") ?? fields.get("cpu model") ?? armCoreName(fields);
    const list = fields.get("flags") ?? fields.get("features");
    if (list && raw.length === 0) raw = list.split(/\s+/).filter(Boolean);
    const phys = fields.get("physical id");
    const core = fields.get("core id");
    if (phys !== undefined && core !== undefined) physical.add(`${phys}:${core}`);
    const cc = Number(fields.get("cpu cores"));
    if (Number.isFinite(cc) && cc > 0) coresPerSocket ??= cc;
  }
  const table = raw.includes("asimd") || raw.includes("fp") ? ARM_FLAGS : X86_FLAGS;
  const flags = [...new Set(raw.map((f) => table[f]).filter((f): f is string => f !== undefined))].sort();
  const cores = physical.size > 0 ? physical.size : coresPerSocket;
  return { ...(brand ? { brand } : {}), threads, ...(cores ? { cores } : {}), flags };
}

/** arm64 /proc/cpuinfo names no model; the implementer/part pair identifies the core design. */
const ARM_PARTS: Readonly<Record<string, string>> = {
  "0x41:0xd03": "ARM Cortex-A53",
  "0x41:0xd08": "ARM Cortex-A72",
  "0x41:0xd0b": "ARM Cortex-A76",
  "0x41:0xd0c": "ARM Neoverse-N1",
  "0x41:0xd40": "ARM Neoverse-V1",
  "0x41:0xd49": "ARM Neoverse-N2",
  "0x41:0xd4f": "ARM Neoverse-V2",
  "0x41:0xd8e": "ARM Neoverse-N3",
};

function armCoreName(fields: ReadonlyMap<string, string>): string | undefined {
  const impl = fields.get("cpu implementer");
  const part = fields.get("cpu part");
  return impl && part ? ARM_PARTS[`${impl.toLowerCase()}:${part.toLowerCase()}`] : undefined;
}

function fieldsOf(block: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of block.split("\n")) {
    const i = line.indexOf(":");
    if (i < 0) continue;
    fields.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return fields;
}
