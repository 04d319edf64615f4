// GPU and SoC spec rows. Figures per board, boost-clock FLOPS, memory in GiB, bandwidth in GB/s.
//
// FP16 CONVENTION: fp16Tflops is the plain (non-tensor, vector/shader) half-precision rate, dense,
// at boost clock — never the tensor-core / matrix-core rate and never a sparsity figure. So:
// Pascal consumer 1/64 of FP32, Turing/Volta/P100/RDNA/Arc/CDNA 2× (packed FP16), consumer
// Ampere/Ada/Blackwell 1×, GA100 (A100/A30) 4× and Hopper 2× as NVIDIA lists "FP16 (non-Tensor)".
// The matrix engines' rate is a separate column, matrixTflops, derived by matrixRate() below.
// RDNA 3/3.5 FP32 counts dual-issue (AMD's own 7900 XTX = 61 TFLOPS convention).
// A `source` that is a URL names the page the row was checked against.
// Discrete GPUs cite their TechPowerUp GPU Database entry by name (techpowerup.com/gpu-specs/,
// which lists shading units, bandwidth, FP16/FP32 and TDP per board); Apple rows cite Apple's
// newsroom/tech-spec pages for GPU cores, memory options and bandwidth, with FP32 computed as
// cores × 128 ALUs × 2 × clock (TechPowerUp's method; clocks 1.278/1.296/1.398 GHz as measured by
// github.com/philipturner/applegpuinfo, e.g. M1 8-core → 2.617 TFLOPS, issue #11) and TDP the reported package power under
// GPU load (an estimate: Apple publishes none). iGPU rows take bandwidth from the platform's
// memory (e.g. LPDDR5X-7500 × 128 bit = 120 GB/s) and list typical RAM sizes as memory options.
import type { GpuSpecRow } from "./gpu-spec-schema.js";

/**
 * Dense FP16 matrix-engine TFLOPS of a row, by architecture, as multiples of the FP32 rate the
 * vendors' architecture papers give (FP16 inputs, FP16 accumulate, no sparsity):
 * - NVIDIA Volta and Turing tensor cores: 8× FP32 (V100 125 TFLOPS; Turing whitepaper: RTX 2080 Ti
 *   107.6, T4 65); GTX 16xx Turing has none. Ampere GA10x and Ada, Blackwell GeForce: 4× FP32
 *   (GA102 whitepaper: RTX 3090 142; Ada whitepaper: RTX 4090 330; Blackwell: RTX 5090 419).
 *   GA100: 16× (A100 312, A30 165). Hopper and B200 are listed in `matrix` on their rows.
 * - AMD RDNA 3/3.5 WMMA runs at the dual-issue FP16 rate (7900 XTX: AMD's 123 TFLOPS FP16), i.e.
 *   the fp16 column; RDNA 4 doubles it again (RX 9070 XT: 195 dense FP16 = 4× FP32); RDNA 1/2
 *   and GCN (MI50/60, Vega iGPUs) have no matrix engine. CDNA rows list their MFMA rate in `matrix`.
 * - Intel XMX (Alchemist, Battlemage, Lunar Lake Xe2): 8× FP32 (A770 137.6 TFLOPS FP16); Xe-LP and
 *   Xe-LPG iGPUs (Iris Xe, UHD, Meteor Lake) have none.
 * - Apple M1–M4: simdgroup matrix instructions run on the FP32/FP16 ALUs: the FP32 rate.
 */
function matrixRate(vendor: GpuSpecRow["vendor"], id: string, fp32: number, fp16: number | undefined): number {
  const vec = Math.max(fp32, fp16 ?? 0);
  const x = (k: number): number => Math.round(fp32 * k * 100) / 100;
  if (vendor === "nvidia") {
    if (/^(gtx-|tesla-k80|tesla-p)/.test(id)) return vec;
    if (/^(tesla-v100|tesla-t4|rtx-20|titan-rtx)/.test(id)) return x(8);
    if (/^(a100|a30)/.test(id)) return x(16);
    return x(4);
  }
  if (vendor === "amd") {
    if (/^rx-90/.test(id)) return x(4);
    if (/^(rx-7|radeon-pro-w7|radeon-7[68]0m|radeon-890m|radeon-80[56]0s)/.test(id)) return fp16 ?? vec;
    return vec;
  }
  if (vendor === "intel") return /^(arc-a|arc-b|arc-140v)/.test(id) ? x(8) : vec;
  return fp32;
}

/**
 * Dense INT8 TOPS of the path llama.cpp's MMQ kernels (CUDA and HIP prompt processing of
 * quantized weights: int8 dot products of the weights with q8_1 activations) run on:
 * - NVIDIA with int8 tensor cores (Turing and later): 2× the FP16 matrix rate (Turing
 *   whitepaper: T4 130 TOPS, RTX 2080 Ti 215; GA102: RTX 3090 284; A100 624; H100 SXM 1979).
 *   Pascal GP10x (sm_61), Volta and GTX 16: DP4A at 4× FP32 (Tesla P40 datasheet: 47 TOPS INT8).
 *   P100 (sm_60) and Kepler have no DP4A: the vector rate.
 * - AMD RDNA 4: 2× its FP16 WMMA rate (RX 9070 XT: 389 TOPS); RDNA 3/3.5, CDNA 1/2: the FP16
 *   matrix rate (MI100 184.6, MI250X 383); CDNA 3: 2× (MI300X 2615); GCN 5 and RDNA 2: V_DOT4 at
 *   4× FP32 (MI50: 53.6 TOPS INT8).
 * - Intel and Apple: llama.cpp runs no MMQ there; the FP16 matrix rate.
 */
function int8Rate(vendor: GpuSpecRow["vendor"], id: string, fp32: number, fp16: number | undefined, matrix: number): number {
  const vec = Math.max(fp32, fp16 ?? 0);
  const x = (k: number, base: number): number => Math.round(base * k * 100) / 100;
  if (vendor === "nvidia") {
    if (/^(tesla-k80|tesla-p100)/.test(id)) return vec;
    if (matrix > vec * 1.05 && !/^tesla-v100/.test(id)) return x(2, matrix);
    return x(4, fp32);
  }
  if (vendor === "amd") {
    if (/^(rx-90|mi300|mi325)/.test(id)) return x(2, matrix);
    if (/^(mi50|mi60|rx-6|radeon-vega|radeon-680m|radeon-610m)/.test(id)) return x(4, fp32);
    return matrix;
  }
  return matrix;
}

type Kind = GpuSpecRow["kind"];
const TPU = "TechPowerUp GPU Database: ";

interface Fig {
  readonly mem: readonly number[];
  readonly bw: number;
  readonly fp32: number;
  readonly fp16?: number;
  /** Matrix-engine TFLOPS where matrixRate()'s rule does not apply (Hopper, B200, CDNA). */
  readonly matrix?: number;
  /** INT8 TOPS where int8Rate()'s rule does not apply. */
  readonly int8?: number;
  readonly cores?: number;
  readonly tdp: number;
  readonly aliases?: readonly string[];
  readonly devices?: number;
  readonly unified?: boolean;
  readonly source?: string;
}

function row(vendor: GpuSpecRow["vendor"], kind: Kind, id: string, name: string, f: Fig): GpuSpecRow {
  return {
    id,
    vendor,
    name,
    aliases: [...(f.aliases ?? [])],
    kind,
    memoryGB: [...f.mem],
    bandwidthGBs: f.bw,
    fp32Tflops: f.fp32,
    ...(f.fp16 !== undefined ? { fp16Tflops: f.fp16 } : {}),
    matrixTflops: f.matrix ?? matrixRate(vendor, id, f.fp32, f.fp16),
    int8Tops: f.int8 ?? int8Rate(vendor, id, f.fp32, f.fp16, f.matrix ?? matrixRate(vendor, id, f.fp32, f.fp16)),
    ...(f.cores !== undefined ? { cores: f.cores } : {}),
    tdpWatts: f.tdp,
    unified: f.unified ?? (kind === "igpu" || kind === "soc"),
    devices: f.devices ?? 1,
    source: f.source ?? `${TPU}${name}`,
  };
}

const nv = (kind: Kind, id: string, name: string, f: Fig): GpuSpecRow => row("nvidia", kind, id, name, f);
const amd = (kind: Kind, id: string, name: string, f: Fig): GpuSpecRow => row("amd", kind, id, name, f);
const intel = (kind: Kind, id: string, name: string, f: Fig): GpuSpecRow => row("intel", kind, id, name, f);

/** Apple SoC GPU: FP32 = cores × 256 flops/clock × GHz; FP16 runs at the FP32 rate. */
function apple(id: string, name: string, cores: number, ghz: number, mem: readonly number[], bw: number, tdp: number, source: string, aliases: readonly string[] = []): GpuSpecRow {
  const fp32 = Math.round(cores * 256 * ghz) / 1000;
  return row("apple", "soc", id, name, { mem, bw, fp32, fp16: fp32, cores, tdp, aliases, source });
}

const NVIDIA_DESKTOP: readonly GpuSpecRow[] = [
  nv("desktop", "gtx-1050", "GeForce GTX 1050", { mem: [2], bw: 112, fp32: 1.862, fp16: 0.029, cores: 640, tdp: 75 }),
  nv("desktop", "gtx-1050-ti", "GeForce GTX 1050 Ti", { mem: [4], bw: 112, fp32: 2.138, fp16: 0.033, cores: 768, tdp: 75 }),
  nv("desktop", "gtx-1060-6gb", "GeForce GTX 1060 6 GB", { mem: [6], bw: 192, fp32: 4.375, fp16: 0.068, cores: 1280, tdp: 120, aliases: ["GeForce GTX 1060"] }),
  nv("desktop", "gtx-1060-3gb", "GeForce GTX 1060 3 GB", { mem: [3], bw: 192, fp32: 3.936, fp16: 0.062, cores: 1152, tdp: 120 }),
  nv("desktop", "gtx-1070", "GeForce GTX 1070", { mem: [8], bw: 256, fp32: 6.463, fp16: 0.101, cores: 1920, tdp: 150 }),
  nv("desktop", "gtx-1070-ti", "GeForce GTX 1070 Ti", { mem: [8], bw: 256, fp32: 8.186, fp16: 0.128, cores: 2432, tdp: 180 }),
  nv("desktop", "gtx-1080", "GeForce GTX 1080", { mem: [8], bw: 320, fp32: 8.873, fp16: 0.139, cores: 2560, tdp: 180 }),
  nv("desktop", "gtx-1080-ti", "GeForce GTX 1080 Ti", { mem: [11], bw: 484, fp32: 11.34, fp16: 0.177, cores: 3584, tdp: 250, source: "https://cputronic.com/de/gpu/nvidia-geforce-gtx-1080-ti" }),
  nv("desktop", "gtx-1650", "GeForce GTX 1650", { mem: [4], bw: 128, fp32: 2.984, fp16: 5.967, cores: 896, tdp: 75 }),
  nv("desktop", "gtx-1660", "GeForce GTX 1660", { mem: [6], bw: 192, fp32: 5.027, fp16: 10.05, cores: 1408, tdp: 120 }),
  nv("desktop", "gtx-1660-super", "GeForce GTX 1660 SUPER", { mem: [6], bw: 336, fp32: 5.027, fp16: 10.05, cores: 1408, tdp: 125 }),
  nv("desktop", "gtx-1660-ti", "GeForce GTX 1660 Ti", { mem: [6], bw: 288, fp32: 5.437, fp16: 10.87, cores: 1536, tdp: 120 }),
  nv("desktop", "rtx-2060", "GeForce RTX 2060", { mem: [6], bw: 336, fp32: 6.451, fp16: 12.9, cores: 1920, tdp: 160 }),
  nv("desktop", "rtx-2060-12gb", "GeForce RTX 2060 12 GB", { mem: [12], bw: 336, fp32: 7.181, fp16: 14.36, cores: 2176, tdp: 184 }),
  nv("desktop", "rtx-2060-super", "GeForce RTX 2060 SUPER", { mem: [8], bw: 448, fp32: 7.181, fp16: 14.36, cores: 2176, tdp: 175 }),
  nv("desktop", "rtx-2070", "GeForce RTX 2070", { mem: [8], bw: 448, fp32: 7.465, fp16: 14.93, cores: 2304, tdp: 175 }),
  nv("desktop", "rtx-2070-super", "GeForce RTX 2070 SUPER", { mem: [8], bw: 448, fp32: 9.062, fp16: 18.12, cores: 2560, tdp: 215 }),
  nv("desktop", "rtx-2080", "GeForce RTX 2080", { mem: [8], bw: 448, fp32: 10.07, fp16: 20.14, cores: 2944, tdp: 215 }),
  nv("desktop", "rtx-2080-super", "GeForce RTX 2080 SUPER", { mem: [8], bw: 496, fp32: 11.15, fp16: 22.3, cores: 3072, tdp: 250 }),
  nv("desktop", "rtx-2080-ti", "GeForce RTX 2080 Ti", { mem: [11], bw: 616, fp32: 13.45, fp16: 26.9, cores: 4352, tdp: 250 }),
  nv("desktop", "titan-rtx", "TITAN RTX", { mem: [24], bw: 672, fp32: 16.31, fp16: 32.62, cores: 4608, tdp: 280 }),
  nv("desktop", "rtx-3050", "GeForce RTX 3050 8 GB", { mem: [8], bw: 224, fp32: 9.098, fp16: 9.098, cores: 2560, tdp: 130, aliases: ["GeForce RTX 3050"] }),
  nv("desktop", "rtx-3060", "GeForce RTX 3060 12 GB", { mem: [12], bw: 360, fp32: 12.74, fp16: 12.74, cores: 3584, tdp: 170, aliases: ["GeForce RTX 3060"] }),
  nv("desktop", "rtx-3060-8gb", "GeForce RTX 3060 8 GB", { mem: [8], bw: 240, fp32: 12.74, fp16: 12.74, cores: 3584, tdp: 170 }),
  nv("desktop", "rtx-3060-ti", "GeForce RTX 3060 Ti", { mem: [8], bw: 448, fp32: 16.2, fp16: 16.2, cores: 4864, tdp: 200 }),
  nv("desktop", "rtx-3070", "GeForce RTX 3070", { mem: [8], bw: 448, fp32: 20.31, fp16: 20.31, cores: 5888, tdp: 220 }),
  nv("desktop", "rtx-3070-ti", "GeForce RTX 3070 Ti", { mem: [8], bw: 608.3, fp32: 21.75, fp16: 21.75, cores: 6144, tdp: 290 }),
  nv("desktop", "rtx-3080", "GeForce RTX 3080", { mem: [10], bw: 760.3, fp32: 29.77, fp16: 29.77, cores: 8704, tdp: 320 }),
  nv("desktop", "rtx-3080-12gb", "GeForce RTX 3080 12 GB", { mem: [12], bw: 912.4, fp32: 30.64, fp16: 30.64, cores: 8960, tdp: 350, source: "https://sysrqmts.com/tr/gpus/compare/nvidia-geforce-rtx-3080-12-gb-vs-nvidia-rtx-a4000" }),
  nv("desktop", "rtx-3080-ti", "GeForce RTX 3080 Ti", { mem: [12], bw: 912.4, fp32: 34.1, fp16: 34.1, cores: 10240, tdp: 350 }),
  nv("desktop", "rtx-3090", "GeForce RTX 3090", { mem: [24], bw: 936.2, fp32: 35.58, fp16: 35.58, cores: 10496, tdp: 350, source: "https://chipversus.com/hardware/gpu/geforce-rtx-3090" }),
  nv("desktop", "rtx-3090-ti", "GeForce RTX 3090 Ti", { mem: [24], bw: 1008, fp32: 40, fp16: 40, cores: 10752, tdp: 450 }),
  nv("desktop", "rtx-4060", "GeForce RTX 4060", { mem: [8], bw: 272, fp32: 15.11, fp16: 15.11, cores: 3072, tdp: 115 }),
  nv("desktop", "rtx-4060-ti", "GeForce RTX 4060 Ti 8 GB", { mem: [8], bw: 288, fp32: 22.06, fp16: 22.06, cores: 4352, tdp: 160, aliases: ["GeForce RTX 4060 Ti"] }),
  nv("desktop", "rtx-4060-ti-16gb", "GeForce RTX 4060 Ti 16 GB", { mem: [16], bw: 288, fp32: 22.06, fp16: 22.06, cores: 4352, tdp: 165 }),
  nv("desktop", "rtx-4070", "GeForce RTX 4070", { mem: [12], bw: 504.2, fp32: 29.15, fp16: 29.15, cores: 5888, tdp: 200, source: "https://fpsbench.com/compare/gpu/nvidia-geforce-rtx-4070-vs-amd-radeon-540" }),
  nv("desktop", "rtx-4070-super", "GeForce RTX 4070 SUPER", { mem: [12], bw: 504.2, fp32: 35.48, fp16: 35.48, cores: 7168, tdp: 220 }),
  nv("desktop", "rtx-4070-ti", "GeForce RTX 4070 Ti", { mem: [12], bw: 504.2, fp32: 40.09, fp16: 40.09, cores: 7680, tdp: 285 }),
  nv("desktop", "rtx-4070-ti-super", "GeForce RTX 4070 Ti SUPER", { mem: [16], bw: 672.3, fp32: 44.1, fp16: 44.1, cores: 8448, tdp: 285 }),
  nv("desktop", "rtx-4080", "GeForce RTX 4080", { mem: [16], bw: 716.8, fp32: 48.74, fp16: 48.74, cores: 9728, tdp: 320 }),
  nv("desktop", "rtx-4080-super", "GeForce RTX 4080 SUPER", { mem: [16], bw: 736.3, fp32: 52.22, fp16: 52.22, cores: 10240, tdp: 320 }),
  nv("desktop", "rtx-4090", "GeForce RTX 4090", { mem: [24], bw: 1008, fp32: 82.58, fp16: 82.58, cores: 16384, tdp: 450, source: "https://waredb.com/processor/nvidia-geforce-rtx-4090" }),
  nv("desktop", "rtx-5060", "GeForce RTX 5060", { mem: [8], bw: 448, fp32: 19.18, fp16: 19.18, cores: 3840, tdp: 145 }),
  nv("desktop", "rtx-5060-ti", "GeForce RTX 5060 Ti 16 GB", { mem: [16], bw: 448, fp32: 23.7, fp16: 23.7, cores: 4608, tdp: 180, aliases: ["GeForce RTX 5060 Ti"] }),
  nv("desktop", "rtx-5060-ti-8gb", "GeForce RTX 5060 Ti 8 GB", { mem: [8], bw: 448, fp32: 23.7, fp16: 23.7, cores: 4608, tdp: 180 }),
  nv("desktop", "rtx-5070", "GeForce RTX 5070", { mem: [12], bw: 672, fp32: 30.87, fp16: 30.87, cores: 6144, tdp: 250 }),
  nv("desktop", "rtx-5070-ti", "GeForce RTX 5070 Ti", { mem: [16], bw: 896, fp32: 43.94, fp16: 43.94, cores: 8960, tdp: 300 }),
  nv("desktop", "rtx-5080", "GeForce RTX 5080", { mem: [16], bw: 960, fp32: 56.28, fp16: 56.28, cores: 10752, tdp: 360 }),
  // Review spec box: 21,760 shaders, 2,407 MHz boost, 32 GB / 512 bit, 1,792 GB/s, 575 W, "104 FP32".
  nv("desktop", "rtx-5090", "GeForce RTX 5090", { mem: [32], bw: 1792, fp32: 104.8, fp16: 104.8, cores: 21760, tdp: 575, source: "https://pocketmags.com/linux-format-magazine/may-2025/articles/nvidia-geforce-rtx-5090" }),
];

// Laptop parts ship at many power limits; figures are TechPowerUp's reference boost clock.
const NVIDIA_LAPTOP: readonly GpuSpecRow[] = [
  nv("laptop", "gtx-1060-laptop", "GeForce GTX 1060 Mobile", { mem: [6], bw: 192, fp32: 4.4, fp16: 0.069, cores: 1280, tdp: 80 }),
  nv("laptop", "gtx-1650-laptop", "GeForce GTX 1650 Mobile", { mem: [4], bw: 128, fp32: 3.195, fp16: 6.39, cores: 1024, tdp: 50 }),
  nv("laptop", "gtx-1660-ti-laptop", "GeForce GTX 1660 Ti Mobile", { mem: [6], bw: 288, fp32: 4.884, fp16: 9.769, cores: 1536, tdp: 80 }),
  nv("laptop", "rtx-2060-laptop", "GeForce RTX 2060 Mobile", { mem: [6], bw: 336, fp32: 4.608, fp16: 9.216, cores: 1920, tdp: 80 }),
  nv("laptop", "rtx-2070-laptop", "GeForce RTX 2070 Mobile", { mem: [8], bw: 448, fp32: 6.636, fp16: 13.27, cores: 2304, tdp: 115 }),
  nv("laptop", "rtx-2080-laptop", "GeForce RTX 2080 Mobile", { mem: [8], bw: 448, fp32: 9.362, fp16: 18.72, cores: 2944, tdp: 150 }),
  nv("laptop", "rtx-3050-laptop", "GeForce RTX 3050 Mobile", { mem: [4], bw: 192, fp32: 5.501, fp16: 5.501, cores: 2048, tdp: 80 }),
  nv("laptop", "rtx-3050-ti-laptop", "GeForce RTX 3050 Ti Mobile", { mem: [4], bw: 192, fp32: 5.299, fp16: 5.299, cores: 2560, tdp: 80 }),
  nv("laptop", "rtx-3060-laptop", "GeForce RTX 3060 Mobile", { mem: [6], bw: 336, fp32: 10.94, fp16: 10.94, cores: 3840, tdp: 115 }),
  nv("laptop", "rtx-3070-laptop", "GeForce RTX 3070 Mobile", { mem: [8], bw: 448, fp32: 15.97, fp16: 15.97, cores: 5120, tdp: 125 }),
  nv("laptop", "rtx-3070-ti-laptop", "GeForce RTX 3070 Ti Mobile", { mem: [8], bw: 448, fp32: 16.6, fp16: 16.6, cores: 5888, tdp: 125 }),
  nv("laptop", "rtx-3080-laptop", "GeForce RTX 3080 Mobile", { mem: [8, 16], bw: 448, fp32: 18.98, fp16: 18.98, cores: 6144, tdp: 150 }),
  nv("laptop", "rtx-3080-ti-laptop", "GeForce RTX 3080 Ti Mobile", { mem: [16], bw: 512, fp32: 23.61, fp16: 23.61, cores: 7424, tdp: 150 }),
  nv("laptop", "rtx-4050-laptop", "GeForce RTX 4050 Mobile", { mem: [6], bw: 192, fp32: 8.986, fp16: 8.986, cores: 2560, tdp: 115 }),
  nv("laptop", "rtx-4060-laptop", "GeForce RTX 4060 Mobile", { mem: [8], bw: 256, fp32: 11.61, fp16: 11.61, cores: 3072, tdp: 115 }),
  nv("laptop", "rtx-4070-laptop", "GeForce RTX 4070 Mobile", { mem: [8], bw: 256, fp32: 15.62, fp16: 15.62, cores: 4608, tdp: 115 }),
  nv("laptop", "rtx-4080-laptop", "GeForce RTX 4080 Mobile", { mem: [12], bw: 432, fp32: 24.72, fp16: 24.72, cores: 7424, tdp: 150 }),
  nv("laptop", "rtx-4090-laptop", "GeForce RTX 4090 Mobile", { mem: [16], bw: 576, fp32: 32.98, fp16: 32.98, cores: 9728, tdp: 150 }),
  nv("laptop", "rtx-5070-laptop", "GeForce RTX 5070 Mobile", { mem: [8], bw: 384, fp32: 20.6, fp16: 20.6, cores: 4608, tdp: 100, source: "neowin.net/news/rtx-50-powered-laptops-promise-double-the-performance-and-40-better-battery-life/ (NVIDIA CES 2025 laptop table: cores, memory, bus, power range); FP32 at TechPowerUp GPU Database reference boost" }),
  nv("laptop", "rtx-5070-ti-laptop", "GeForce RTX 5070 Ti Mobile", { mem: [12], bw: 672, fp32: 23.6, fp16: 23.6, cores: 5888, tdp: 115, source: "neowin.net/news/rtx-50-powered-laptops-promise-double-the-performance-and-40-better-battery-life/ (NVIDIA CES 2025 laptop table: cores, memory, bus, power range); FP32 at TechPowerUp GPU Database reference boost" }),
  nv("laptop", "rtx-5080-laptop", "GeForce RTX 5080 Mobile", { mem: [16], bw: 896, fp32: 31.3, fp16: 31.3, cores: 7680, tdp: 150, source: "neowin.net/news/rtx-50-powered-laptops-promise-double-the-performance-and-40-better-battery-life/ (NVIDIA CES 2025 laptop table: cores, memory, bus, power range); FP32 at TechPowerUp GPU Database reference boost" }),
  nv("laptop", "rtx-5090-laptop", "GeForce RTX 5090 Mobile", { mem: [24], bw: 896, fp32: 31.8, fp16: 31.8, cores: 10496, tdp: 150, source: "neowin.net/news/rtx-50-powered-laptops-promise-double-the-performance-and-40-better-battery-life/ (NVIDIA CES 2025 laptop table: cores, memory, bus, power range); FP32 at TechPowerUp GPU Database reference boost" }),
];

const NVIDIA_DATACENTER: readonly GpuSpecRow[] = [
  // Dual-GPU board: nvidia-smi lists two "Tesla K80" devices with 12 GiB and 240 GB/s each.
  nv("datacenter", "tesla-k80", "Tesla K80", { mem: [24], bw: 480, fp32: 8.74, cores: 4992, tdp: 300, devices: 2, aliases: ["K80"], source: "NVIDIA Tesla K80 board specification BD-07317-001; anandtech.com/show/8729/nvidia-launches-tesla-k80-gk210-gpu (2×2496 cores, 2×12 GB, 480 GB/s, 8.74 TFLOPS boost, 300 W)" }),
  nv("datacenter", "tesla-p4", "Tesla P4", { mem: [8], bw: 192.3, fp32: 5.704, fp16: 0.089, cores: 2560, tdp: 75, aliases: ["P4"] }),
  nv("datacenter", "tesla-p40", "Tesla P40", { mem: [24], bw: 347.1, fp32: 11.76, fp16: 0.184, cores: 3840, tdp: 250, aliases: ["P40"] }),
  nv("datacenter", "tesla-p100-pcie-16gb", "Tesla P100 PCIe 16 GB", { mem: [16], bw: 732.2, fp32: 9.526, fp16: 19.05, cores: 3584, tdp: 250, aliases: ["Tesla P100", "P100", "Tesla P100-PCIE-16GB"] }),
  nv("datacenter", "tesla-p100-pcie-12gb", "Tesla P100 PCIe 12 GB", { mem: [12], bw: 549.1, fp32: 9.526, fp16: 19.05, cores: 3584, tdp: 250, aliases: ["Tesla P100-PCIE-12GB"] }),
  nv("datacenter", "tesla-p100-sxm2", "Tesla P100 SXM2", { mem: [16], bw: 732.2, fp32: 10.61, fp16: 21.22, cores: 3584, tdp: 300, aliases: ["Tesla P100-SXM2-16GB"] }),
  nv("datacenter", "tesla-v100-pcie", "Tesla V100 PCIe 16 GB", { mem: [16, 32], bw: 897, fp32: 14.13, fp16: 28.26, cores: 5120, tdp: 250, aliases: ["Tesla V100-PCIE-16GB", "Tesla V100-PCIE-32GB", "V100 PCIe"] }),
  nv("datacenter", "tesla-v100-sxm2", "Tesla V100 SXM2 16 GB", { mem: [16, 32], bw: 897, fp32: 15.67, fp16: 31.33, cores: 5120, tdp: 300, aliases: ["Tesla V100-SXM2-16GB", "Tesla V100-SXM2-32GB", "V100", "Tesla V100"] }),
  // Tensor cores: 65.13 TFLOPS FP16 (8× FP32, NVIDIA T4 datasheet), in matrixTflops by rule.
  nv("datacenter", "tesla-t4", "Tesla T4", { mem: [16], bw: 320, fp32: 8.141, fp16: 16.28, cores: 2560, tdp: 70, aliases: ["T4"] }),
  nv("datacenter", "a2", "A2 PCIe", { mem: [16], bw: 200, fp32: 4.531, fp16: 4.531, cores: 1280, tdp: 60, aliases: ["A2"] }),
  nv("datacenter", "a10", "A10 PCIe", { mem: [24], bw: 600.2, fp32: 31.24, fp16: 31.24, cores: 9216, tdp: 150, aliases: ["A10"] }),
  nv("datacenter", "a10g", "A10G", { mem: [24], bw: 600.2, fp32: 31.52, fp16: 31.52, cores: 9216, tdp: 300 }),
  nv("datacenter", "a30", "A30 PCIe", { mem: [24], bw: 933.1, fp32: 10.32, fp16: 41.28, cores: 3584, tdp: 165, aliases: ["A30"] }),
  nv("datacenter", "a40", "A40 PCIe", { mem: [48], bw: 695.8, fp32: 37.42, fp16: 37.42, cores: 10752, tdp: 300, aliases: ["A40"] }),
  nv("datacenter", "a100-pcie-40gb", "A100 PCIe 40 GB", { mem: [40], bw: 1555, fp32: 19.49, fp16: 77.97, cores: 6912, tdp: 250, aliases: ["A100-PCIE-40GB", "A100 40GB"] }),
  // GA100's non-tensor FP16 is 4× FP32 (NVIDIA: 78 TFLOPS); the tensor rate (312) is not used here.
  nv("datacenter", "a100-sxm4-40gb", "A100 SXM4 40 GB", { mem: [40], bw: 1555, fp32: 19.49, fp16: 77.97, cores: 6912, tdp: 400, aliases: ["A100-SXM4-40GB", "A100"], source: "https://fudzilla.com./news/ai/50832-nvidia-unveils-the-a100-tensor-core-gpu" }),
  nv("datacenter", "a100-pcie-80gb", "A100 PCIe 80 GB", { mem: [80], bw: 1935, fp32: 19.49, fp16: 77.97, cores: 6912, tdp: 300, aliases: ["A100 80GB PCIe", "A100-PCIE-80GB"] }),
  nv("datacenter", "a100-sxm4-80gb", "A100 SXM4 80 GB", { mem: [80], bw: 2039, fp32: 19.49, fp16: 77.97, cores: 6912, tdp: 400, aliases: ["A100-SXM4-80GB", "A100 80GB"] }),
  nv("datacenter", "l4", "L4", { mem: [24], bw: 300.1, fp32: 30.29, fp16: 30.29, cores: 7424, tdp: 72 }),
  nv("datacenter", "l40", "L40", { mem: [48], bw: 864, fp32: 90.52, fp16: 90.52, cores: 18176, tdp: 300 }),
  nv("datacenter", "l40s", "L40S", { mem: [48], bw: 864, fp32: 91.61, fp16: 91.61, cores: 18176, tdp: 350, aliases: ["L40 S"] }),
  // Hopper: non-tensor FP16 = 2× FP32 (H100 SXM5: FP32 66.9, FP16 VFMA 133.8; matrix 989.4 dense).
  // PCIe: 14,592 cores at 1,755 MHz = 51.22 TFLOPS; HBM2e 1,593 MHz × 5,120 bit = 2,039 GB/s.
  nv("datacenter", "h100-pcie", "H100 PCIe", { mem: [80], bw: 2039, fp32: 51.22, fp16: 102.4, matrix: 756, cores: 14592, tdp: 350, aliases: ["H100 PCIe 80GB", "H100 80GB PCIe"], source: "https://cputronic.com/de/gpu/nvidia-h100-pcie" }),
  nv("datacenter", "h100-sxm5", "H100 SXM5", { mem: [80], bw: 3352, fp32: 66.91, fp16: 133.8, matrix: 989.4, cores: 16896, tdp: 700, aliases: ["H100 80GB HBM3", "H100 SXM", "H100"], source: "https://glennklockwood.com/garden/processors/h100" }),
  nv("datacenter", "h100-nvl", "H100 NVL", { mem: [94], bw: 3938, fp32: 60.32, fp16: 120.6, matrix: 835.5, cores: 16896, tdp: 400 }),
  nv("datacenter", "h200-sxm", "H200 SXM 141 GB", { mem: [141], bw: 4800, fp32: 66.91, fp16: 133.8, matrix: 989.4, cores: 16896, tdp: 700, aliases: ["H200", "H200 SXM"] }),
  nv("datacenter", "h200-nvl", "H200 NVL", { mem: [141], bw: 4800, fp32: 60.32, fp16: 120.6, matrix: 835.5, cores: 16896, tdp: 600 }),
  // DGX Spark: NVIDIA states 128 GB LPDDR5x at 273 GB/s and 1 PFLOP FP4 with sparsity
  // (nvidia.com/en-us/products/workstations/dgx-spark/); dense FP16 tensor = 1000 / 2 (sparsity)
  // / 4 (FP4 → FP16) = 125 TFLOPS; FP32 taken as a quarter of that, the Blackwell GeForce ratio.
  nv("soc", "gb10", "GB10", { mem: [128], bw: 273, fp32: 31.25, fp16: 31.25, matrix: 125, tdp: 140, unified: true, aliases: ["DGX Spark", "NVIDIA GB10"], source: "NVIDIA DGX Spark product page (nvidia.com/en-us/products/workstations/dgx-spark/): 128 GB LPDDR5x, 273 GB/s, 1 PFLOP FP4 sparse" }),
  // NVIDIA states B200's memory, bandwidth and power but not its FP32 core count.
  nv("datacenter", "b200", "B200 SXM 192 GB", { mem: [180, 192], bw: 8000, fp32: 80, fp16: 160, matrix: 2250, tdp: 1000, aliases: ["B200"], source: "NVIDIA DGX B200 datasheet (nvidia.com/en-us/data-center/dgx-b200/) and TechPowerUp GPU Database: B200 SXM 192 GB" }),
];

const NVIDIA_WORKSTATION: readonly GpuSpecRow[] = [
  nv("workstation", "rtx-a4000", "RTX A4000", { mem: [16], bw: 448, fp32: 19.17, fp16: 19.17, cores: 6144, tdp: 140, source: "https://sysrqmts.com/tr/gpus/compare/nvidia-geforce-rtx-3080-12-gb-vs-nvidia-rtx-a4000" }),
  nv("workstation", "rtx-a5000", "RTX A5000", { mem: [24], bw: 768, fp32: 27.77, fp16: 27.77, cores: 8192, tdp: 230 }),
  nv("workstation", "rtx-a6000", "RTX A6000", { mem: [48], bw: 768, fp32: 38.71, fp16: 38.71, cores: 10752, tdp: 300 }),
  nv("workstation", "rtx-4000-ada", "RTX 4000 Ada Generation", { mem: [20], bw: 360, fp32: 26.73, fp16: 26.73, cores: 6144, tdp: 130, aliases: ["RTX 4000 Ada"] }),
  nv("workstation", "rtx-6000-ada", "RTX 6000 Ada Generation", { mem: [48], bw: 960, fp32: 91.06, fp16: 91.06, cores: 18176, tdp: 300, aliases: ["RTX 6000 Ada"] }),
  nv("workstation", "rtx-pro-6000-blackwell", "RTX PRO 6000 Blackwell", { mem: [96], bw: 1792, fp32: 126, fp16: 126, cores: 24064, tdp: 600, aliases: ["RTX PRO 6000 Blackwell Workstation Edition"] }),
];

const AMD_DESKTOP: readonly GpuSpecRow[] = [
  amd("desktop", "rx-6400", "Radeon RX 6400", { mem: [4], bw: 128, fp32: 3.565, fp16: 7.13, cores: 768, tdp: 53 }),
  amd("desktop", "rx-6500-xt", "Radeon RX 6500 XT", { mem: [4, 8], bw: 143.9, fp32: 5.77, fp16: 11.53, cores: 1024, tdp: 107, source: "https://fpsbench.com/compare/gpu/amd-radeon-rx-9070-xt-vs-amd-radeon-rx-6500-xt" }),
  amd("desktop", "rx-6600", "Radeon RX 6600", { mem: [8], bw: 224, fp32: 8.93, fp16: 17.86, cores: 1792, tdp: 132 }),
  amd("desktop", "rx-6600-xt", "Radeon RX 6600 XT", { mem: [8], bw: 256, fp32: 10.6, fp16: 21.21, cores: 2048, tdp: 160 }),
  amd("desktop", "rx-6650-xt", "Radeon RX 6650 XT", { mem: [8], bw: 280, fp32: 10.79, fp16: 21.59, cores: 2048, tdp: 176 }),
  amd("desktop", "rx-6700-xt", "Radeon RX 6700 XT", { mem: [12], bw: 384, fp32: 13.21, fp16: 26.43, cores: 2560, tdp: 230 }),
  amd("desktop", "rx-6750-xt", "Radeon RX 6750 XT", { mem: [12], bw: 432, fp32: 13.31, fp16: 26.62, cores: 2560, tdp: 250 }),
  amd("desktop", "rx-6800", "Radeon RX 6800", { mem: [16], bw: 512, fp32: 16.17, fp16: 32.33, cores: 3840, tdp: 250 }),
  amd("desktop", "rx-6800-xt", "Radeon RX 6800 XT", { mem: [16], bw: 512, fp32: 20.74, fp16: 41.47, cores: 4608, tdp: 300 }),
  amd("desktop", "rx-6900-xt", "Radeon RX 6900 XT", { mem: [16], bw: 512, fp32: 23.04, fp16: 46.08, cores: 5120, tdp: 300 }),
  amd("desktop", "rx-6950-xt", "Radeon RX 6950 XT", { mem: [16], bw: 576, fp32: 23.65, fp16: 47.31, cores: 5120, tdp: 335 }),
  amd("desktop", "rx-7600", "Radeon RX 7600", { mem: [8], bw: 288, fp32: 21.75, fp16: 43.5, cores: 2048, tdp: 165 }),
  amd("desktop", "rx-7600-xt", "Radeon RX 7600 XT", { mem: [16], bw: 288, fp32: 22.57, fp16: 45.14, cores: 2048, tdp: 190 }),
  amd("desktop", "rx-7700-xt", "Radeon RX 7700 XT", { mem: [12], bw: 432, fp32: 35.17, fp16: 70.34, cores: 3456, tdp: 245 }),
  amd("desktop", "rx-7800-xt", "Radeon RX 7800 XT", { mem: [16], bw: 624, fp32: 37.32, fp16: 74.65, cores: 3840, tdp: 263 }),
  amd("desktop", "rx-7900-gre", "Radeon RX 7900 GRE", { mem: [16], bw: 576, fp32: 45.98, fp16: 91.96, cores: 5120, tdp: 260 }),
  amd("desktop", "rx-7900-xt", "Radeon RX 7900 XT", { mem: [20], bw: 800, fp32: 51.48, fp16: 103, cores: 5376, tdp: 315 }),
  amd("desktop", "rx-7900-xtx", "Radeon RX 7900 XTX", { mem: [24], bw: 960, fp32: 61.39, fp16: 122.8, cores: 6144, tdp: 355, source: "https://fpsbench.com/compare/gpu/amd-radeon-rx-7900-xtx-vs-intel-arc-b570" }),
  amd("desktop", "rx-9060-xt", "Radeon RX 9060 XT 16 GB", { mem: [16], bw: 322.3, fp32: 25.64, fp16: 51.28, cores: 2048, tdp: 160, aliases: ["Radeon RX 9060 XT"] }),
  amd("desktop", "rx-9060-xt-8gb", "Radeon RX 9060 XT 8 GB", { mem: [8], bw: 322.3, fp32: 25.64, fp16: 51.28, cores: 2048, tdp: 150 }),
  amd("desktop", "rx-9070", "Radeon RX 9070", { mem: [16], bw: 644.6, fp32: 36.13, fp16: 72.25, cores: 3584, tdp: 220 }),
  amd("desktop", "rx-9070-xt", "Radeon RX 9070 XT", { mem: [16], bw: 644.6, fp32: 48.66, fp16: 97.32, cores: 4096, tdp: 304, source: "https://fpsbench.com/compare/gpu/amd-radeon-rx-9070-xt-vs-amd-radeon-rx-6500-xt" }),
  amd("workstation", "radeon-pro-w7800", "Radeon PRO W7800", { mem: [32], bw: 576, fp32: 45.2, fp16: 90.4, cores: 4480, tdp: 260 }),
  amd("workstation", "radeon-pro-w7900", "Radeon PRO W7900", { mem: [48], bw: 864, fp32: 61.32, fp16: 122.6, cores: 6144, tdp: 295 }),
];

// CDNA (MI100 on): fp16 is the packed vector rate, 2× FP32; `matrix` is AMD's dense matrix-core
// FP16 rate from the product pages (MI100 184.6, MI210 181, MI250X 383, MI300X 1307.4 TFLOPS).
const AMD_INSTINCT: readonly GpuSpecRow[] = [
  amd("datacenter", "mi50", "Radeon Instinct MI50", { mem: [16, 32], bw: 1024, fp32: 13.41, fp16: 26.82, cores: 3840, tdp: 300, aliases: ["Instinct MI50", "MI50"] }),
  amd("datacenter", "mi60", "Radeon Instinct MI60", { mem: [32], bw: 1024, fp32: 14.75, fp16: 29.49, cores: 4096, tdp: 300, aliases: ["Instinct MI60", "MI60"] }),
  amd("datacenter", "mi100", "Radeon Instinct MI100", { mem: [32], bw: 1229, fp32: 23.07, fp16: 46.14, matrix: 184.6, cores: 7680, tdp: 300, aliases: ["Instinct MI100", "MI100"] }),
  amd("datacenter", "mi210", "Radeon Instinct MI210", { mem: [64], bw: 1638, fp32: 22.63, fp16: 45.26, matrix: 181, cores: 6656, tdp: 300, aliases: ["Instinct MI210", "MI210"] }),
  // Two dies per package; ROCm shows each as its own GPU with half the memory.
  amd("datacenter", "mi250", "Radeon Instinct MI250", { mem: [128], bw: 3277, fp32: 45.26, fp16: 90.52, matrix: 362.1, cores: 13312, tdp: 500, devices: 2, aliases: ["Instinct MI250", "MI250"] }),
  amd("datacenter", "mi250x", "Radeon Instinct MI250X", { mem: [128], bw: 3277, fp32: 47.87, fp16: 95.74, matrix: 383, cores: 14080, tdp: 560, devices: 2, aliases: ["Instinct MI250X", "MI250X"] }),
  amd("datacenter", "mi300a", "Radeon Instinct MI300A", { mem: [128], bw: 5300, fp32: 122.6, fp16: 245.2, matrix: 980.6, cores: 14592, tdp: 550, unified: true, aliases: ["Instinct MI300A", "MI300A"] }),
  amd("datacenter", "mi300x", "Radeon Instinct MI300X", { mem: [192], bw: 5300, fp32: 163.4, fp16: 326.8, matrix: 1307, cores: 19456, tdp: 750, aliases: ["Instinct MI300X", "MI300X", "Instinct MI300X OAM"] }),
  amd("datacenter", "mi325x", "Radeon Instinct MI325X", { mem: [256], bw: 6000, fp32: 163.4, fp16: 326.8, matrix: 1307, cores: 19456, tdp: 1000, aliases: ["Instinct MI325X", "MI325X"] }),
];

// APU graphics share system RAM; bandwidth is the platform's (LPDDR5/5X on a 128-bit bus,
// 256-bit on Strix Halo), memory options are common RAM sizes of machines that carry them.
const AMD_IGPU: readonly GpuSpecRow[] = [
  amd("igpu", "radeon-vega-8", "Radeon Vega 8", { mem: [8, 16, 32], bw: 51.2, fp32: 1.792, fp16: 3.584, cores: 512, tdp: 25, aliases: ["Renoir", "Cezanne", "Lucienne"] }),
  amd("igpu", "radeon-680m", "Radeon 680M", { mem: [16, 32], bw: 102.4, fp32: 3.379, fp16: 6.758, cores: 768, tdp: 45, aliases: ["Rembrandt", "Radeon 680M Graphics"] }),
  amd("igpu", "radeon-760m", "Radeon 760M", { mem: [16, 32], bw: 120, fp32: 5.323, fp16: 10.65, cores: 512, tdp: 45, source: "https://fpsbench.com/compare/gpu/amd-radeon-760m-vs-amd-radeon-780m" }),
  amd("igpu", "radeon-780m", "Radeon 780M", { mem: [16, 32, 64], bw: 120, fp32: 8.294, fp16: 16.59, cores: 768, tdp: 54, aliases: ["Phoenix", "Phoenix1", "Phoenix3", "Hawk Point", "Radeon 780M Graphics"], source: "https://fpsbench.com/compare/gpu/amd-radeon-760m-vs-amd-radeon-780m" }),
  amd("igpu", "radeon-890m", "Radeon 890M", { mem: [16, 32, 64], bw: 120, fp32: 11.88, fp16: 23.76, cores: 1024, tdp: 54, aliases: ["Strix Point", "Radeon 890M Graphics"] }),
  amd("igpu", "radeon-8050s", "Radeon 8050S", { mem: [32, 64, 128], bw: 256, fp32: 23.76, fp16: 47.52, cores: 2048, tdp: 120 }),
  // 2,560 shaders at 2,900 MHz. The source lists 14.85 FP32 / 29.70 FP16 (single-issue); this row
  // counts RDNA 3.5 dual-issue like the RDNA 3 rows above (2560 × 2 × 2 × 2.9 GHz = 29.7).
  amd("igpu", "radeon-8060s", "Radeon 8060S", { mem: [32, 64, 128], bw: 256, fp32: 29.7, fp16: 59.39, cores: 2560, tdp: 120, aliases: ["Strix Halo", "Ryzen AI Max+ 395", "Radeon 8060S Graphics"], source: "https://fpsbench.com/compare/gpu/amd-radeon-8060s-vs-intel-arc-pro-a60" }),
  amd("igpu", "radeon-610m", "Radeon 610M", { mem: [8, 16, 32], bw: 83.2, fp32: 0.563, fp16: 1.126, cores: 128, tdp: 65, aliases: ["Raphael", "Granite Ridge", "Radeon Graphics"] }),
];

const INTEL: readonly GpuSpecRow[] = [
  intel("desktop", "arc-a310", "Arc A310", { mem: [4], bw: 124, fp32: 3.072, fp16: 6.144, cores: 768, tdp: 75 }),
  intel("desktop", "arc-a380", "Arc A380", { mem: [6], bw: 186, fp32: 4.198, fp16: 8.397, cores: 1024, tdp: 75 }),
  intel("desktop", "arc-a580", "Arc A580", { mem: [8], bw: 512, fp32: 10.44, fp16: 20.89, cores: 3072, tdp: 175 }),
  intel("desktop", "arc-a750", "Arc A750", { mem: [8], bw: 512, fp32: 17.2, fp16: 34.41, cores: 3584, tdp: 225 }),
  intel("desktop", "arc-a770", "Arc A770", { mem: [16, 8], bw: 560, fp32: 19.66, fp16: 39.32, cores: 4096, tdp: 225 }),
  intel("desktop", "arc-b570", "Arc B570", { mem: [10], bw: 380, fp32: 11.52, fp16: 23.04, cores: 2304, tdp: 150, source: "https://fpsbench.com/compare/gpu/amd-radeon-rx-7900-xtx-vs-intel-arc-b570" }),
  intel("desktop", "arc-b580", "Arc B580", { mem: [12], bw: 456, fp32: 13.67, fp16: 27.34, cores: 2560, tdp: 190, source: "https://fpsbench.com/compare/gpu/intel-arc-b580-vs-intel-uhd-graphics-730" }),
  intel("laptop", "arc-a370m", "Arc A370M", { mem: [4], bw: 112, fp32: 3.482, fp16: 6.963, cores: 1024, tdp: 50 }),
  intel("laptop", "arc-a770m", "Arc A770M", { mem: [16], bw: 512, fp32: 13.52, fp16: 27.03, cores: 4096, tdp: 120 }),
  intel("igpu", "iris-xe-96eu", "Iris Xe Graphics G7 96EU", { mem: [8, 16, 32], bw: 68.3, fp32: 2.074, fp16: 4.147, cores: 768, tdp: 28, aliases: ["Iris Xe Graphics", "Iris Xe", "TigerLake-LP GT2", "Alder Lake-P GT2"] }),
  intel("igpu", "iris-xe-80eu", "Iris Xe Graphics G7 80EU", { mem: [8, 16], bw: 68.3, fp32: 1.651, fp16: 3.302, cores: 640, tdp: 28 }),
  intel("igpu", "uhd-620", "UHD Graphics 620", { mem: [8, 16], bw: 34.1, fp32: 0.403, fp16: 0.806, cores: 192, tdp: 15, aliases: ["UHD 620"] }),
  intel("igpu", "uhd-770", "UHD Graphics 770", { mem: [16, 32, 64], bw: 76.8, fp32: 0.794, fp16: 1.587, cores: 256, tdp: 65, aliases: ["UHD 770", "AlderLake-S GT1"] }),
  intel("igpu", "arc-meteor-lake", "Arc Graphics (Meteor Lake)", { mem: [16, 32], bw: 119.5, fp32: 4.608, fp16: 9.216, cores: 1024, tdp: 28, aliases: ["Meteor Lake-P Arc Graphics", "Arc Graphics", "Arc Graphics 8 Xe"] }),
  // Ice Lake (10th gen, Gen11) and Tiger Lake UHD iGPUs, and Alder Lake's UHD 730: FP32 = EUs × 8
  // ALUs × 2 × max dynamic clock from the CPU's Intel ARK page, FP16 twice that; bandwidth is the
  // platform's memory (Ice Lake LPDDR4X-3733: ARK's 58.3 GB/s).
  intel("igpu", "uhd-g1-ice-lake", "UHD Graphics G1 (Ice Lake)", { mem: [8, 16], bw: 58.3, fp32: 0.538, fp16: 1.075, cores: 256, tdp: 15, aliases: ["Iris Plus Graphics G1", "UHD Graphics G1", "Ice Lake UHD"], source: "Intel ARK: Intel Core i5-1035G1 Processor (32 EU, 1.05 GHz)" }),
  intel("igpu", "iris-plus-g4", "Iris Plus Graphics G4", { mem: [8, 16], bw: 58.3, fp32: 0.806, fp16: 1.613, cores: 384, tdp: 15, aliases: ["Iris Plus G4"], source: "Intel ARK: Intel Core i5-1035G4 Processor (48 EU, 1.05 GHz)" }),
  intel("igpu", "iris-plus-g7", "Iris Plus Graphics G7", { mem: [8, 16, 32], bw: 58.3, fp32: 1.126, fp16: 2.253, cores: 512, tdp: 15, aliases: ["Iris Plus G7", "Iris Plus Graphics", "Ice Lake-LP GT2"], source: "Intel ARK: Intel Core i7-1065G7 Processor (64 EU, 1.1 GHz)" }),
  intel("igpu", "uhd-g4-tiger-lake", "UHD Graphics G4 (Tiger Lake)", { mem: [8, 16], bw: 68.3, fp32: 0.96, fp16: 1.92, cores: 384, tdp: 15, aliases: ["UHD Graphics G4", "TigerLake-LP GT1"], source: "Intel ARK: Intel Core i3-1115G4 Processor (48 EU, 1.25 GHz)" }),
  intel("igpu", "uhd-730", "UHD Graphics 730", { mem: [16, 32], bw: 76.8, fp32: 0.557, fp16: 1.114, cores: 192, tdp: 65, aliases: ["UHD 730"], source: "Intel ARK: Intel Core i5-12400 Processor (24 EU, 1.45 GHz)" }),
  // Ponte Vecchio (Xe-HPC): 56 Xe cores, 448 XMX engines at 1.55 GHz, 48 GB HBM2e; XMX FP16/BF16
  // dense 352 TFLOPS (16× FP32, not the client parts' 8×), vector FP16 2× FP32.
  intel("datacenter", "dc-gpu-max-1100", "Data Center GPU Max 1100", { mem: [48], bw: 1228.8, fp32: 22.22, fp16: 44.44, matrix: 352, cores: 7168, tdp: 300, aliases: ["Intel Data Center GPU Max 1100", "Max 1100"], source: "Intel ARK: Intel Data Center GPU Max 1100 (56 Xe cores, 448 XMX engines, 1550 MHz, 48 GB HBM2e at 1228.8 GB/s, 300 W)" }),
  intel("igpu", "arc-140v", "Arc 140V", { mem: [16, 32], bw: 136.5, fp32: 4.198, fp16: 8.397, cores: 1024, tdp: 30, aliases: ["Lunar Lake Arc 140V", "Arc 140V GPU"] }),
];

const NEWS = "Apple newsroom: ";
const APPLE: readonly GpuSpecRow[] = [
  apple("apple-m1", "Apple M1", 8, 1.278, [8, 16], 68.25, 15, `${NEWS}"Apple unleashes M1" (2020-11-10); bandwidth = LPDDR4X-4266 × 128 bit`, ["M1 8c"]),
  apple("apple-m1-7c", "Apple M1 (7-core GPU)", 7, 1.278, [8, 16], 68.25, 15, `${NEWS}"Apple unleashes M1"; MacBook Air (M1, 2020) tech specs`, ["M1 7c"]),
  apple("apple-m1-pro-14c", "Apple M1 Pro (14-core GPU)", 14, 1.296, [16, 32], 204.8, 30, `${NEWS}"Introducing M1 Pro and M1 Max" (2021-10-18)`, ["M1 Pro 14c"]),
  apple("apple-m1-pro-16c", "Apple M1 Pro", 16, 1.296, [16, 32], 204.8, 30, `${NEWS}"Introducing M1 Pro and M1 Max" (2021-10-18)`, ["M1 Pro 16c"]),
  apple("apple-m1-max-24c", "Apple M1 Max (24-core GPU)", 24, 1.296, [32, 64], 409.6, 60, `${NEWS}"Introducing M1 Pro and M1 Max" (2021-10-18)`, ["M1 Max 24c"]),
  apple("apple-m1-max-32c", "Apple M1 Max", 32, 1.296, [32, 64], 409.6, 60, `${NEWS}"Introducing M1 Pro and M1 Max" (2021-10-18)`, ["M1 Max 32c"]),
  apple("apple-m1-ultra-48c", "Apple M1 Ultra (48-core GPU)", 48, 1.296, [64, 128], 819.2, 120, `${NEWS}"Apple unveils M1 Ultra" (2022-03-08)`, ["M1 Ultra 48c"]),
  apple("apple-m1-ultra-64c", "Apple M1 Ultra", 64, 1.296, [64, 128], 819.2, 120, `${NEWS}"Apple unveils M1 Ultra" (2022-03-08)`, ["M1 Ultra 64c"]),
  apple("apple-m2-10c", "Apple M2", 10, 1.398, [8, 16, 24], 102.4, 20, `${NEWS}"Apple unveils M2" (2022-06-06)`, ["M2 10c"]),
  apple("apple-m2-8c", "Apple M2 (8-core GPU)", 8, 1.398, [8, 16, 24], 102.4, 20, `${NEWS}"Apple unveils M2" (2022-06-06)`, ["M2 8c"]),
  apple("apple-m2-pro-16c", "Apple M2 Pro (16-core GPU)", 16, 1.398, [16, 32], 204.8, 35, `${NEWS}"Apple unveils M2 Pro and M2 Max" (2023-01-17)`, ["M2 Pro 16c"]),
  apple("apple-m2-pro-19c", "Apple M2 Pro", 19, 1.398, [16, 32], 204.8, 35, `${NEWS}"Apple unveils M2 Pro and M2 Max" (2023-01-17)`, ["M2 Pro 19c"]),
  apple("apple-m2-max-30c", "Apple M2 Max (30-core GPU)", 30, 1.398, [32, 64, 96], 409.6, 70, `${NEWS}"Apple unveils M2 Pro and M2 Max" (2023-01-17)`, ["M2 Max 30c"]),
  apple("apple-m2-max-38c", "Apple M2 Max", 38, 1.398, [32, 64, 96], 409.6, 70, `${NEWS}"Apple unveils M2 Pro and M2 Max" (2023-01-17)`, ["M2 Max 38c"]),
  apple("apple-m2-ultra-60c", "Apple M2 Ultra (60-core GPU)", 60, 1.398, [64, 128, 192], 819.2, 140, `${NEWS}"Apple introduces M2 Ultra" (2023-06-05)`, ["M2 Ultra 60c"]),
  apple("apple-m2-ultra-76c", "Apple M2 Ultra", 76, 1.398, [64, 128, 192], 819.2, 140, `${NEWS}"Apple introduces M2 Ultra" (2023-06-05)`, ["M2 Ultra 76c"]),
  apple("apple-m3-10c", "Apple M3", 10, 1.38, [8, 16, 24], 102.4, 20, `${NEWS}"Apple unveils M3, M3 Pro, and M3 Max" (2023-10-30)`, ["M3 10c"]),
  apple("apple-m3-8c", "Apple M3 (8-core GPU)", 8, 1.38, [8, 16, 24], 102.4, 20, `${NEWS}"Apple unveils M3, M3 Pro, and M3 Max" (2023-10-30)`, ["M3 8c"]),
  apple("apple-m3-pro-14c", "Apple M3 Pro (14-core GPU)", 14, 1.38, [18, 36], 153.6, 35, `${NEWS}"Apple unveils M3, M3 Pro, and M3 Max" (2023-10-30)`, ["M3 Pro 14c"]),
  apple("apple-m3-pro-18c", "Apple M3 Pro", 18, 1.38, [18, 36], 153.6, 35, `${NEWS}"Apple unveils M3, M3 Pro, and M3 Max" (2023-10-30)`, ["M3 Pro 18c"]),
  apple("apple-m3-max-30c", "Apple M3 Max (30-core GPU)", 30, 1.38, [36, 96], 307.2, 75, `${NEWS}"Apple unveils M3, M3 Pro, and M3 Max" (2023-10-30); MacBook Pro (14-inch, M3 Max) tech specs`, ["M3 Max 30c"]),
  apple("apple-m3-max-40c", "Apple M3 Max", 40, 1.38, [48, 64, 128], 409.6, 75, `${NEWS}"Apple unveils M3, M3 Pro, and M3 Max" (2023-10-30); MacBook Pro (14-inch, M3 Max) tech specs`, ["M3 Max 40c"]),
  apple("apple-m3-ultra-60c", "Apple M3 Ultra (60-core GPU)", 60, 1.38, [96, 256], 819.2, 150, `${NEWS}"Apple reveals M3 Ultra" (2025-03-05)`, ["M3 Ultra 60c"]),
  apple("apple-m3-ultra-80c", "Apple M3 Ultra", 80, 1.38, [96, 256, 512], 819.2, 150, `${NEWS}"Apple reveals M3 Ultra" (2025-03-05)`, ["M3 Ultra 80c"]),
  apple("apple-m4-10c", "Apple M4", 10, 1.578, [16, 24, 32], 120, 22, "https://goodnewsapodcast.com/apples-m4-m4-pro-and-m4-max-compared-to-past-generations-and-to-each-other", ["M4 10c"]),
  apple("apple-m4-8c", "Apple M4 (8-core GPU)", 8, 1.578, [16, 24, 32], 120, 22, `${NEWS}"Apple introduces M4 chip" (2024-05-07); MacBook Air (M4) tech specs`, ["M4 8c"]),
  apple("apple-m4-pro-16c", "Apple M4 Pro (16-core GPU)", 16, 1.578, [24, 48, 64], 273, 40, "https://goodnewsapodcast.com/apples-m4-m4-pro-and-m4-max-compared-to-past-generations-and-to-each-other", ["M4 Pro 16c"]),
  apple("apple-m4-pro-20c", "Apple M4 Pro", 20, 1.578, [24, 48, 64], 273, 40, "https://goodnewsapodcast.com/apples-m4-m4-pro-and-m4-max-compared-to-past-generations-and-to-each-other", ["M4 Pro 20c"]),
  // Apple quotes the binned M4 Max as "410GB/s" (384-bit LPDDR5X-8533 = 409.6).
  apple("apple-m4-max-32c", "Apple M4 Max (32-core GPU)", 32, 1.578, [36], 409.6, 80, "https://goodnewsapodcast.com/apples-m4-m4-pro-and-m4-max-compared-to-past-generations-and-to-each-other", ["M4 Max 32c"]),
  apple("apple-m4-max-40c", "Apple M4 Max", 40, 1.578, [48, 64, 128], 546, 80, "https://www.macrumors.com/2024/10/30/apple-announces-m4-max-chip/", ["M4 Max 40c"]),
  // M5 adds a Neural Accelerator to every GPU core, which llama.cpp's Metal backend drives through
  // the Metal 4 tensor API (PR 16634: "has tensor = true"): Apple quotes "over 4x the peak GPU
  // compute performance for AI compared to M4", so the matrix rate is 4 × the M4 10-core FP32 rate
  // (4.04 TFLOPS); the vector rate keeps M4's clock (Apple publishes no GPU clock for M5).
  { ...apple("apple-m5-10c", "Apple M5", 10, 1.578, [16, 24, 32], 153, 22, `${NEWS}"Apple unleashes M5, the next big leap in AI performance for Apple silicon" (2025-10-15): 10-core GPU, 153GB/s`, ["M5 10c"]), matrixTflops: 16.16, int8Tops: 16.16 },
];

export const GPU_SPEC_ROWS: readonly GpuSpecRow[] = [
  ...NVIDIA_DESKTOP,
  ...NVIDIA_LAPTOP,
  ...NVIDIA_DATACENTER,
  ...NVIDIA_WORKSTATION,
  ...AMD_DESKTOP,
  ...AMD_INSTINCT,
  ...AMD_IGPU,
  ...INTEL,
  ...APPLE,
];
