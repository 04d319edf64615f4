// The parsed spec table, checked on first read: a bad row fails loudly in tests and in the first
// command that looks a GPU up (parsing at import cost every start ~10 ms).
import * as z from "zod";
import { GpuSpecSchema, type GpuSpec } from "./gpu-spec-schema.js";
import { GPU_SPEC_ROWS } from "./gpu-specs.data.js";
import { lazyTable } from "../lazy-table.js";

export const GPU_SPECS: readonly GpuSpec[] = lazyTable("GPU_SPECS", () => z.array(GpuSpecSchema).parse(GPU_SPEC_ROWS));
