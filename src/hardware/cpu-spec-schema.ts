// The CPU spec table's schema. Rows are data (cpu-specs.data.ts), parsed once, so a typo in a
// figure fails the test suite instead of a user's report.
import * as z from "zod";
import { lazySchema } from "../lazy-schema.js";

export const CpuSpecRowSchema = lazySchema(() => z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  vendor: z.enum(["intel", "amd", "apple"]),
  name: z.string().min(2),
  aliases: z.array(z.string()).default([]),
  kind: z.enum(["laptop", "desktop", "server", "soc"]),
  arch: z.enum(["x64", "arm64"]),
  cores: z.number().int().positive(),
  threads: z.number().int().positive(),
  flags: z.array(z.string().min(2)),
  memory: z.object({
    kind: z.string().min(3),
    /** 64-bit channels (LPDDR buses in 64-bit equivalents). */
    channels: z.number().positive(),
    mts: z.number().positive(),
    bandwidthGBs: z.number().positive(),
  }),
  /** The integrated GPU's row name in the GPU spec table, when the chip has one. */
  igpu: z.string().optional(),
  source: z.string().min(10),
}));

export type CpuSpecRow = z.input<typeof CpuSpecRowSchema>;
export type CpuSpec = z.output<typeof CpuSpecRowSchema>;

export const CPU_SPECS_SCHEMA = lazySchema(() => z.array(CpuSpecRowSchema));
