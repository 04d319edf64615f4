// CPU spec rows, for `--cpu NAME` and for the CPU part of a simulated machine. Cores are
// physical cores (P + E on hybrid chips), threads logical; flags are the SIMD features llama.cpp
// dispatches on; memory is the platform's fastest supported configuration: type, 64-bit
// channels (LPDDR buses counted in 64-bit equivalents) and MT/s, and the peak bandwidth
// channels × 8 bytes × MT/s (what the vendor lists as "max memory bandwidth" where it lists one).
// Sources: Intel ARK product pages (ark.intel.com, "Specifications"), AMD product pages
// (amd.com/en/products/processors/…), Apple newsroom/tech-spec pages for the M-series CPU cores
// and unified memory bandwidth; each row names its page.
import type { CpuSpecRow } from "./cpu-spec-schema.js";

const X86_AVX2 = ["avx", "avx2", "f16c", "fma"];
const AVX512 = [...X86_AVX2, "avx512f", "avx512bw", "avx512vl", "avx512_vnni"];
const AVX_VNNI = [...X86_AVX2, "avx_vnni"];
const ZEN4 = [...AVX512, "avx512_bf16"];
const APPLE_M1 = ["neon", "dotprod"];
const APPLE_M2 = ["neon", "dotprod", "i8mm", "bf16"];

const ARK = "Intel ARK: ";
const AMDP = "AMD product page: ";

interface Fig {
  readonly cores: number;
  readonly threads: number;
  readonly flags: readonly string[];
  readonly mem: string;
  readonly channels: number;
  readonly mts: number;
  /** The vendor's own figure when it differs from channels × 8 × MT/s. */
  readonly bw?: number;
  readonly aliases?: readonly string[];
  readonly source: string;
  readonly kind: CpuSpecRow["kind"];
  readonly igpu?: string;
}

function row(vendor: CpuSpecRow["vendor"], id: string, name: string, f: Fig): CpuSpecRow {
  return {
    id, vendor, name, aliases: [...(f.aliases ?? [])], kind: f.kind,
    arch: vendor === "apple" ? "arm64" : "x64",
    cores: f.cores, threads: f.threads, flags: [...f.flags],
    memory: { kind: f.mem, channels: f.channels, mts: f.mts, bandwidthGBs: f.bw ?? Math.round(f.channels * 8 * f.mts / 100) / 10 },
    ...(f.igpu ? { igpu: f.igpu } : {}),
    source: f.source,
  };
}

const intel = (id: string, name: string, f: Fig): CpuSpecRow => row("intel", id, name, f);
const amd = (id: string, name: string, f: Fig): CpuSpecRow => row("amd", id, name, f);
const apple = (id: string, name: string, f: Omit<Fig, "flags" | "kind" | "threads"> & { readonly flags?: readonly string[] }): CpuSpecRow =>
  row("apple", id, name, { ...f, threads: f.cores, kind: "soc", flags: f.flags ?? APPLE_M2 });

export const CPU_SPEC_ROWS: readonly CpuSpecRow[] = [
  // Intel laptop
  intel("i5-8250u", "Core i5-8250U", { kind: "laptop", cores: 4, threads: 8, flags: X86_AVX2, mem: "DDR4-2400", channels: 2, mts: 2400, bw: 37.5, igpu: "UHD Graphics 620", source: `${ARK}Intel Core i5-8250U Processor` }),
  intel("i7-8550u", "Core i7-8550U", { kind: "laptop", cores: 4, threads: 8, flags: X86_AVX2, mem: "DDR4-2400", channels: 2, mts: 2400, bw: 37.5, igpu: "UHD Graphics 620", source: `${ARK}Intel Core i7-8550U Processor` }),
  intel("i5-10210u", "Core i5-10210U", { kind: "laptop", cores: 4, threads: 8, flags: X86_AVX2, mem: "DDR4-2666", channels: 2, mts: 2666, bw: 45.8, igpu: "UHD Graphics 620", source: `${ARK}Intel Core i5-10210U Processor` }),
  intel("i5-1035g1", "Core i5-1035G1", { kind: "laptop", cores: 4, threads: 8, flags: AVX512, mem: "LPDDR4X-3733", channels: 2, mts: 3733, bw: 58.3, igpu: "UHD Graphics G1 (Ice Lake)", source: `${ARK}Intel Core i5-1035G1 Processor (Max Memory Bandwidth 58.3 GB/s)` }),
  intel("i5-1035g4", "Core i5-1035G4", { kind: "laptop", cores: 4, threads: 8, flags: AVX512, mem: "LPDDR4X-3733", channels: 2, mts: 3733, bw: 58.3, igpu: "Iris Plus Graphics G4", source: `${ARK}Intel Core i5-1035G4 Processor` }),
  intel("i7-1065g7", "Core i7-1065G7", { kind: "laptop", cores: 4, threads: 8, flags: AVX512, mem: "LPDDR4X-3733", channels: 2, mts: 3733, bw: 58.3, igpu: "Iris Plus Graphics G7", source: `${ARK}Intel Core i7-1065G7 Processor` }),
  intel("i5-1135g7", "Core i5-1135G7", { kind: "laptop", cores: 4, threads: 8, flags: AVX512, mem: "LPDDR4X-4267", channels: 2, mts: 4267, igpu: "Iris Xe Graphics G7 80EU", source: `${ARK}Intel Core i5-1135G7 Processor` }),
  intel("i7-1165g7", "Core i7-1165G7", { kind: "laptop", cores: 4, threads: 8, flags: AVX512, mem: "LPDDR4X-4267", channels: 2, mts: 4267, igpu: "Iris Xe Graphics G7 96EU", source: `${ARK}Intel Core i7-1165G7 Processor` }),
  intel("i5-1235u", "Core i5-1235U", { kind: "laptop", cores: 10, threads: 12, flags: AVX_VNNI, mem: "LPDDR5-5200", channels: 2, mts: 5200, igpu: "Iris Xe Graphics G7 80EU", source: `${ARK}Intel Core i5-1235U Processor` }),
  intel("i7-1255u", "Core i7-1255U", { kind: "laptop", cores: 10, threads: 12, flags: AVX_VNNI, mem: "LPDDR5-5200", channels: 2, mts: 5200, igpu: "Iris Xe Graphics G7 96EU", source: `${ARK}Intel Core i7-1255U Processor` }),
  intel("i7-12700h", "Core i7-12700H", { kind: "laptop", cores: 14, threads: 20, flags: AVX_VNNI, mem: "LPDDR5-5200", channels: 2, mts: 5200, igpu: "Iris Xe Graphics G7 96EU", source: `${ARK}Intel Core i7-12700H Processor` }),
  intel("i7-13700h", "Core i7-13700H", { kind: "laptop", cores: 14, threads: 20, flags: AVX_VNNI, mem: "LPDDR5-6000", channels: 2, mts: 6000, igpu: "Iris Xe Graphics G7 96EU", source: `${ARK}Intel Core i7-13700H Processor` }),
  intel("ultra-5-125h", "Core Ultra 5 125H", { kind: "laptop", cores: 14, threads: 18, flags: AVX_VNNI, mem: "LPDDR5X-7467", channels: 2, mts: 7467, bw: 119.5, igpu: "Arc Graphics (Meteor Lake)", aliases: ["Ultra 5 125H"], source: `${ARK}Intel Core Ultra 5 Processor 125H` }),
  intel("ultra-7-155h", "Core Ultra 7 155H", { kind: "laptop", cores: 16, threads: 22, flags: AVX_VNNI, mem: "LPDDR5X-7467", channels: 2, mts: 7467, bw: 119.5, igpu: "Arc Graphics (Meteor Lake)", aliases: ["Ultra 7 155H"], source: `${ARK}Intel Core Ultra 7 Processor 155H` }),
  intel("ultra-7-258v", "Core Ultra 7 258V", { kind: "laptop", cores: 8, threads: 8, flags: AVX_VNNI, mem: "LPDDR5X-8533", channels: 2, mts: 8533, bw: 136.5, igpu: "Arc 140V", aliases: ["Ultra 7 258V"], source: `${ARK}Intel Core Ultra 7 Processor 258V` }),
  // Intel desktop
  intel("i5-12400", "Core i5-12400", { kind: "desktop", cores: 6, threads: 12, flags: AVX_VNNI, mem: "DDR5-4800", channels: 2, mts: 4800, igpu: "UHD Graphics 730", source: `${ARK}Intel Core i5-12400 Processor` }),
  intel("i7-12700k", "Core i7-12700K", { kind: "desktop", cores: 12, threads: 20, flags: AVX_VNNI, mem: "DDR5-4800", channels: 2, mts: 4800, igpu: "UHD Graphics 770", source: `${ARK}Intel Core i7-12700K Processor` }),
  intel("i5-13400", "Core i5-13400", { kind: "desktop", cores: 10, threads: 16, flags: AVX_VNNI, mem: "DDR5-4800", channels: 2, mts: 4800, igpu: "UHD Graphics 730", source: `${ARK}Intel Core i5-13400 Processor` }),
  intel("i7-13700k", "Core i7-13700K", { kind: "desktop", cores: 16, threads: 24, flags: AVX_VNNI, mem: "DDR5-5600", channels: 2, mts: 5600, igpu: "UHD Graphics 770", source: `${ARK}Intel Core i7-13700K Processor` }),
  intel("i9-13900k", "Core i9-13900K", { kind: "desktop", cores: 24, threads: 32, flags: AVX_VNNI, mem: "DDR5-5600", channels: 2, mts: 5600, igpu: "UHD Graphics 770", source: `${ARK}Intel Core i9-13900K Processor` }),
  intel("i9-14900k", "Core i9-14900K", { kind: "desktop", cores: 24, threads: 32, flags: AVX_VNNI, mem: "DDR5-5600", channels: 2, mts: 5600, igpu: "UHD Graphics 770", source: `${ARK}Intel Core i9-14900K Processor` }),
  intel("ultra-9-285k", "Core Ultra 9 285K", { kind: "desktop", cores: 24, threads: 24, flags: AVX_VNNI, mem: "DDR5-6400", channels: 2, mts: 6400, aliases: ["Ultra 9 285K"], source: `${ARK}Intel Core Ultra 9 Processor 285K` }),
  // Intel server
  intel("xeon-gold-6338", "Xeon Gold 6338", { kind: "server", cores: 32, threads: 64, flags: AVX512, mem: "DDR4-3200", channels: 8, mts: 3200, source: `${ARK}Intel Xeon Gold 6338 Processor` }),
  intel("xeon-platinum-8480", "Xeon Platinum 8480+", { kind: "server", cores: 56, threads: 112, flags: [...AVX512, "avx512_bf16", "amx"], mem: "DDR5-4800", channels: 8, mts: 4800, aliases: ["Xeon Platinum 8480"], source: `${ARK}Intel Xeon Platinum 8480+ Processor` }),
  // AMD laptop
  amd("ryzen-7-5800u", "Ryzen 7 5800U", { kind: "laptop", cores: 8, threads: 16, flags: X86_AVX2, mem: "LPDDR4X-4266", channels: 2, mts: 4266, igpu: "Radeon Vega 8", source: `${AMDP}AMD Ryzen 7 5800U` }),
  amd("ryzen-7-6800u", "Ryzen 7 6800U", { kind: "laptop", cores: 8, threads: 16, flags: X86_AVX2, mem: "LPDDR5-6400", channels: 2, mts: 6400, igpu: "Radeon 680M", source: `${AMDP}AMD Ryzen 7 6800U` }),
  amd("ryzen-7-7840u", "Ryzen 7 7840U", { kind: "laptop", cores: 8, threads: 16, flags: ZEN4, mem: "LPDDR5X-7500", channels: 2, mts: 7500, igpu: "Radeon 780M", source: `${AMDP}AMD Ryzen 7 7840U` }),
  amd("ryzen-7-8845hs", "Ryzen 7 8845HS", { kind: "laptop", cores: 8, threads: 16, flags: ZEN4, mem: "LPDDR5X-7500", channels: 2, mts: 7500, igpu: "Radeon 780M", source: `${AMDP}AMD Ryzen 7 8845HS` }),
  amd("ryzen-ai-9-hx-370", "Ryzen AI 9 HX 370", { kind: "laptop", cores: 12, threads: 24, flags: ZEN4, mem: "LPDDR5X-7500", channels: 2, mts: 7500, igpu: "Radeon 890M", source: `${AMDP}AMD Ryzen AI 9 HX 370` }),
  amd("ryzen-ai-max-395", "Ryzen AI Max+ 395", { kind: "laptop", cores: 16, threads: 32, flags: ZEN4, mem: "LPDDR5X-8000", channels: 4, mts: 8000, igpu: "Radeon 8060S", aliases: ["Ryzen AI Max 395"], source: `${AMDP}AMD Ryzen AI Max+ 395 (256-bit LPDDR5X-8000)` }),
  // AMD desktop
  amd("ryzen-5-5600x", "Ryzen 5 5600X", { kind: "desktop", cores: 6, threads: 12, flags: X86_AVX2, mem: "DDR4-3200", channels: 2, mts: 3200, source: `${AMDP}AMD Ryzen 5 5600X` }),
  amd("ryzen-7-5800x", "Ryzen 7 5800X", { kind: "desktop", cores: 8, threads: 16, flags: X86_AVX2, mem: "DDR4-3200", channels: 2, mts: 3200, source: `${AMDP}AMD Ryzen 7 5800X` }),
  amd("ryzen-9-5950x", "Ryzen 9 5950X", { kind: "desktop", cores: 16, threads: 32, flags: X86_AVX2, mem: "DDR4-3200", channels: 2, mts: 3200, source: `${AMDP}AMD Ryzen 9 5950X` }),
  amd("ryzen-5-7600x", "Ryzen 5 7600X", { kind: "desktop", cores: 6, threads: 12, flags: ZEN4, mem: "DDR5-5200", channels: 2, mts: 5200, igpu: "Radeon 610M", source: `${AMDP}AMD Ryzen 5 7600X` }),
  amd("ryzen-7-7800x3d", "Ryzen 7 7800X3D", { kind: "desktop", cores: 8, threads: 16, flags: ZEN4, mem: "DDR5-5200", channels: 2, mts: 5200, igpu: "Radeon 610M", source: `${AMDP}AMD Ryzen 7 7800X3D` }),
  amd("ryzen-9-7950x", "Ryzen 9 7950X", { kind: "desktop", cores: 16, threads: 32, flags: ZEN4, mem: "DDR5-5200", channels: 2, mts: 5200, igpu: "Radeon 610M", source: `${AMDP}AMD Ryzen 9 7950X` }),
  amd("ryzen-9-9950x", "Ryzen 9 9950X", { kind: "desktop", cores: 16, threads: 32, flags: ZEN4, mem: "DDR5-5600", channels: 2, mts: 5600, igpu: "Radeon 610M", source: `${AMDP}AMD Ryzen 9 9950X` }),
  // AMD server
  amd("epyc-7763", "EPYC 7763", { kind: "server", cores: 64, threads: 128, flags: X86_AVX2, mem: "DDR4-3200", channels: 8, mts: 3200, source: `${AMDP}AMD EPYC 7763` }),
  amd("epyc-9654", "EPYC 9654", { kind: "server", cores: 96, threads: 192, flags: ZEN4, mem: "DDR5-4800", channels: 12, mts: 4800, source: `${AMDP}AMD EPYC 9654` }),
  // Apple: CPU cores (performance + efficiency) and the unified memory's bandwidth
  apple("apple-m1", "Apple M1", { cores: 8, flags: APPLE_M1, mem: "LPDDR4X-4266", channels: 2, mts: 4266, bw: 68.25, source: 'Apple newsroom: "Apple unleashes M1" (2020-11-10)' }),
  apple("apple-m1-pro", "Apple M1 Pro", { cores: 10, flags: APPLE_M1, mem: "LPDDR5-6400", channels: 4, mts: 6400, bw: 204.8, source: 'Apple newsroom: "Introducing M1 Pro and M1 Max" (2021-10-18)' }),
  apple("apple-m1-max", "Apple M1 Max", { cores: 10, flags: APPLE_M1, mem: "LPDDR5-6400", channels: 8, mts: 6400, bw: 409.6, source: 'Apple newsroom: "Introducing M1 Pro and M1 Max" (2021-10-18)' }),
  apple("apple-m1-ultra", "Apple M1 Ultra", { cores: 20, flags: APPLE_M1, mem: "LPDDR5-6400", channels: 16, mts: 6400, bw: 819.2, source: 'Apple newsroom: "Apple unveils M1 Ultra" (2022-03-08)' }),
  apple("apple-m2", "Apple M2", { cores: 8, mem: "LPDDR5-6400", channels: 2, mts: 6400, bw: 102.4, source: 'Apple newsroom: "Apple unveils M2" (2022-06-06)' }),
  apple("apple-m2-pro", "Apple M2 Pro", { cores: 12, mem: "LPDDR5-6400", channels: 4, mts: 6400, bw: 204.8, source: 'Apple newsroom: "Apple unveils M2 Pro and M2 Max" (2023-01-17)' }),
  apple("apple-m2-max", "Apple M2 Max", { cores: 12, mem: "LPDDR5-6400", channels: 8, mts: 6400, bw: 409.6, source: 'Apple newsroom: "Apple unveils M2 Pro and M2 Max" (2023-01-17)' }),
  apple("apple-m2-ultra", "Apple M2 Ultra", { cores: 24, mem: "LPDDR5-6400", channels: 16, mts: 6400, bw: 819.2, source: 'Apple newsroom: "Apple introduces M2 Ultra" (2023-06-05)' }),
  apple("apple-m3", "Apple M3", { cores: 8, mem: "LPDDR5-6400", channels: 2, mts: 6400, bw: 102.4, source: 'Apple newsroom: "Apple unveils M3, M3 Pro, and M3 Max" (2023-10-30)' }),
  apple("apple-m3-pro", "Apple M3 Pro", { cores: 12, mem: "LPDDR5-6400", channels: 3, mts: 6400, bw: 153.6, source: 'Apple newsroom: "Apple unveils M3, M3 Pro, and M3 Max" (2023-10-30)' }),
  apple("apple-m3-max", "Apple M3 Max", { cores: 16, mem: "LPDDR5-6400", channels: 8, mts: 6400, bw: 409.6, source: 'Apple newsroom: "Apple unveils M3, M3 Pro, and M3 Max" (2023-10-30)' }),
  apple("apple-m3-ultra", "Apple M3 Ultra", { cores: 32, mem: "LPDDR5-6400", channels: 16, mts: 6400, bw: 819.2, source: 'Apple newsroom: "Apple reveals M3 Ultra" (2025-03-05)' }),
  apple("apple-m4", "Apple M4", { cores: 10, mem: "LPDDR5X-7500", channels: 2, mts: 7500, bw: 120, source: 'Apple newsroom: "Apple introduces M4 chip" (2024-05-07)' }),
  apple("apple-m4-pro", "Apple M4 Pro", { cores: 14, mem: "LPDDR5X-8533", channels: 4, mts: 8533, bw: 273, source: 'Apple newsroom: "Apple introduces M4 Pro and M4 Max" (2024-10-30)' }),
  apple("apple-m4-max", "Apple M4 Max", { cores: 16, mem: "LPDDR5X-8533", channels: 8, mts: 8533, bw: 546, source: 'Apple newsroom: "Apple introduces M4 Pro and M4 Max" (2024-10-30)' }),
];
