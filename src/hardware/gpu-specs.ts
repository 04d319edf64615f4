// The parsed spec table. Parsing at import makes a bad row fail loudly in tests and at start.
import { z } from "zod";
import { GpuSpecSchema, type GpuSpec } from "./gpu-spec-schema.js";
import { GPU_SPEC_ROWS } from "./gpu-specs.data.js";

export const GPU_SPECS: readonly GpuSpec[] = z.array(GpuSpecSchema).parse(GPU_SPEC_ROWS);
