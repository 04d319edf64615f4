// The GPU/SoC spec table's schema. Rows are data (gpu-specs.data.ts); they are parsed once, so
// a typo in a figure fails the test suite instead of a user's report.
//
// Figures are per board as the vendor/TechPowerUp list them; `devices` > 1 marks dual-GPU
// boards (Tesla K80), whose detection sees `devices` GPUs with a share each.
// fp16Tflops is the non-tensor (vector) half-precision rate TechPowerUp lists as "FP16 (half)";
// it is absent where the chip has no fast FP16 path (Kepler). matrixTflops is the dense FP16
// rate of the chip's matrix engine (NVIDIA tensor cores with FP16 accumulate, AMD WMMA/MFMA,
// Intel XMX, Apple's simdgroup matrix path), never a sparsity figure; where the chip has no matrix
// engine it equals the vector rate. Prompt processing is bound by it (src/speed/model.ts).
import * as z from "zod";
import { lazySchema } from "../lazy-schema.js";

export const GPU_TIERS = ["entry", "mainstream", "performance", "high-end", "datacenter"] as const;
export type GpuTier = (typeof GPU_TIERS)[number];

export const GpuSpecRowSchema = lazySchema(() => z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  vendor: z.enum(["nvidia", "amd", "intel", "apple"]),
  name: z.string().min(2),
  aliases: z.array(z.string()).default([]),
  /** desktop/laptop consumer GPUs, datacenter accelerators, integrated GPUs, Apple SoCs. */
  kind: z.enum(["desktop", "laptop", "datacenter", "workstation", "igpu", "soc"]),
  /** Memory sizes sold, in GiB; the first is the default. For iGPUs/SoCs: the RAM options. */
  memoryGB: z.array(z.number().positive()).min(1),
  bandwidthGBs: z.number().positive(),
  fp32Tflops: z.number().positive(),
  fp16Tflops: z.number().positive().optional(),
  /** Dense FP16 matrix-engine TFLOPS (see the header); gpu-specs.data.ts derives it per architecture. */
  matrixTflops: z.number().positive(),
  /** Dense INT8 TOPS of the path llama.cpp's quantized prompt kernels (MMQ) use; gpu-specs.data.ts derives it. */
  int8Tops: z.number().positive(),
  /** CUDA cores / stream processors / Xe ALUs / Apple GPU cores; absent where the vendor does not say. */
  cores: z.number().int().positive().optional(),
  tdpWatts: z.number().positive(),
  unified: z.boolean().default(false),
  devices: z.number().int().positive().default(1),
  /** Where the figures come from: "TechPowerUp GPU Database: <entry>", a vendor spec page, or a URL. */
  source: z.string().min(10),
}));

export type GpuSpecRow = z.input<typeof GpuSpecRowSchema>;

export const GpuSpecSchema = lazySchema(() => GpuSpecRowSchema.transform((row) => ({ ...row, tier: tierOf(row.bandwidthGBs, Math.max(...row.memoryGB)) })));
export type GpuSpec = z.output<typeof GpuSpecSchema>;

/**
 * Tiers for running language models, where decode speed follows memory bandwidth:
 *   entry       < 150 GB/s (iGPUs, base Apple M chips, low-end cards)
 *   mainstream  150–400 GB/s (RTX 3060-class, M Pro, T4, per-GPU K80)
 *   performance 400–800 GB/s (RTX 3070–4080-class, M Max, P100)
 *   high-end    800–1500 GB/s (RTX 3090/4090/5080, M Ultra, V100, 7900 XTX)
 *   datacenter  ≥ 1500 GB/s (A100, H100, MI300X, RTX 5090)
 * A board with less than 8 GiB is capped at mainstream: what fits matters before speed.
 */
export function tierOf(bandwidthGBs: number, maxMemoryGB: number): GpuTier {
  const band = bandwidthGBs < 150 ? 0 : bandwidthGBs < 400 ? 1 : bandwidthGBs < 800 ? 2 : bandwidthGBs < 1500 ? 3 : 4;
  const capped = maxMemoryGB < 8 ? Math.min(band, 1) : band;
  return GPU_TIERS[capped] ?? "entry";
}
