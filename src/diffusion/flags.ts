// `llmfit fit DIFFUSION_ID` flags → diffusion options, checked by zod at the CLI boundary:
// --res WxH, --frames N, --dtype, --encoder-dtype, --offload, --vae-tiling.
import * as z from "zod";
import { lazySchema } from "../lazy-schema.js";
import { DIFFUSION_DTYPES, OFFLOADS, type DiffusionOptions } from "./memory.js";

export const DIFFUSION_FLAG_OPTIONS = {
  res: { type: "string" },
  frames: { type: "string" },
  dtype: { type: "string" },
  "encoder-dtype": { type: "string" },
  offload: { type: "string" },
  "vae-tiling": { type: "boolean" },
} as const;

const dtype = lazySchema(() => z.string().transform((s, ctx) => {
  const hit = DIFFUSION_DTYPES.find((d) => d.toLowerCase() === s.trim().toLowerCase());
  if (!hit) ctx.addIssue({ code: "custom", message: `unknown dtype "${s}" (one of ${DIFFUSION_DTYPES.join(", ")})` });
  return hit ?? "native";
}));

export const DiffusionFlagsSchema = lazySchema(() => z.object({
  res: z
    .string()
    .regex(/^\d+x\d+$/i, "expects WIDTHxHEIGHT, e.g. 1024x1024")
    .transform((s) => s.toLowerCase().split("x").map(Number) as [number, number])
    .refine(([w, h]) => w >= 64 && h >= 64 && w <= 16384 && h <= 16384, "between 64 and 16384 pixels per side")
    .optional(),
  frames: z.coerce.number().int().positive().max(10_000).optional(),
  dtype: dtype.optional(),
  "encoder-dtype": dtype.optional(),
  offload: z.enum(OFFLOADS).optional(),
  "vae-tiling": z.boolean().optional(),
}));

/** The options the flags set (the rest come from the pipeline's defaults); throws a zod error on bad input. */
export function diffusionOptionsFromFlags(values: Record<string, unknown>): Partial<DiffusionOptions> {
  const f = DiffusionFlagsSchema.parse(values);
  return {
    ...(f.res && { width: f.res[0], height: f.res[1] }),
    ...(f.frames !== undefined && { frames: f.frames }),
    ...(f.dtype !== undefined && { dtype: f.dtype }),
    ...(f["encoder-dtype"] !== undefined && { encoderDtype: f["encoder-dtype"] }),
    ...(f.offload !== undefined && { offload: f.offload }),
    ...(f["vae-tiling"] !== undefined && { vaeTiling: f["vae-tiling"] }),
  };
}
