// The hardware module's public face: what the report, sizing, host and CLI import.
export { detectHardware, type DetectOptions, type HardwareOverrides } from "./detect.js";
export { simulateHardware, simulatedGpus } from "./simulate.js";
export { applyOverrides, parseOverrides, HardwareOverridesSchema } from "./overrides.js";
export { matchGpu, requireGpu, nearestGpuNames, gpuSpecById, type GpuMatch } from "./match.js";
export { GPU_SPECS } from "./gpu-specs.js";
export { GPU_TIERS, tierOf, type GpuSpec, type GpuTier } from "./gpu-spec-schema.js";
export { HardwareSchema, parseHardware } from "./schema.js";
export { describeHardware, gpuLine } from "./describe.js";
export { metalWorkingSet } from "./probes/apple.js";
export type { Backend, Cpu, Gpu, GpuVendor, Hardware, Memory, Source, Sourced } from "./types.js";
