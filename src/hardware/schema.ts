// The Hardware profile as JSON (`llmfit detect --json`, the disk cache, RPC). Bytes are integers,
// bandwidth is GB/s (1e9 B/s), FLOPS are TFLOPS; every figure is {value, source, note?}.
import * as z from "zod";
import { lazySchema } from "../lazy-schema.js";
import type { Hardware } from "./types.js";
import { CalibrationSchema } from "../calibration/schema.js";

export const SourceSchema = lazySchema(() => z.enum(["detected", "spec", "measured", "override", "estimate"]));
export const BackendSchema = lazySchema(() => z.enum(["cuda", "rocm", "metal", "vulkan", "sycl", "cpu"]));
export const GpuVendorSchema = lazySchema(() => z.enum(["nvidia", "amd", "intel", "apple", "other"]));

const sourced = <T extends z.ZodType>(value: T) => z.object({ value, source: SourceSchema, note: z.string().optional() });
const bytes = lazySchema(() => sourced(z.number().int().nonnegative()));
const positive = lazySchema(() => sourced(z.number().nonnegative()));

export const CpuSchema = lazySchema(() => z.object({
  brand: sourced(z.string()),
  arch: z.string(),
  cores: sourced(z.number().int().positive()),
  threads: sourced(z.number().int().positive()),
  flags: z.array(z.string()),
  cacheBytes: z.object({ l1d: z.number().optional(), l2: z.number().optional(), l3: z.number().optional() }).optional(),
}));

export const MemorySchema = lazySchema(() => z.object({
  totalBytes: bytes,
  availableBytes: bytes,
  bandwidthGBs: positive.optional(),
  kind: z.string().optional(),
}));

export const GpuSchema = lazySchema(() => z.object({
  index: z.number().int().nonnegative(),
  vendor: GpuVendorSchema,
  name: z.string(),
  backend: BackendSchema,
  vramTotalBytes: bytes,
  vramFreeBytes: bytes,
  unified: z.boolean(),
  bandwidthGBs: positive.optional(),
  fp32Tflops: positive.optional(),
  fp16Tflops: positive.optional(),
  cores: positive.optional(),
  powerWatts: positive.optional(),
  computeCapability: z.string().optional(),
  driver: z.string().optional(),
  pcie: z.string().optional(),
  specId: z.string().optional(),
}));

export const HardwareSchema = lazySchema(() => z.object({
  os: z.string(),
  cpu: CpuSchema,
  memory: MemorySchema,
  gpus: z.array(GpuSchema),
  backend: BackendSchema,
  notes: z.array(z.string()),
  detectedAt: z.string(),
  simulated: z.boolean().optional(),
  cudaVersion: z.string().optional(),
  calibration: CalibrationSchema.optional(),
}));

// The parsed JSON must be a Hardware, so the schema cannot drift from the interface; the other
// direction (every Hardware passes the schema) is checked by the detection tests.
type Parsed = z.output<typeof HardwareSchema>;
type Assert<T extends true> = T;
export type SchemaMatchesHardware = Assert<Parsed extends Hardware ? true : false>;
export type SchemaCoversHardwareKeys = Assert<Exclude<keyof Hardware, keyof Parsed> extends never ? true : false>;

export function parseHardware(json: unknown): Hardware {
  return HardwareSchema.parse(json);
}
