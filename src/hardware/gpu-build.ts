// Turning a probe's findings into a Gpu and filling what the probe cannot know (bandwidth,
// FLOPS, cores) from the spec table. Detected figures always win over spec figures.
import type { GpuSpec } from "./gpu-spec-schema.js";
import { matchGpu } from "./match.js";
import { fromSpec } from "./sourced.js";
import type { Backend, Gpu, GpuVendor, Sourced } from "./types.js";

export interface GpuFinding {
  readonly vendor: GpuVendor;
  readonly name: string;
  readonly backend: Backend;
  readonly vramTotalBytes: Sourced<number>;
  readonly vramFreeBytes: Sourced<number>;
  readonly unified: boolean;
  readonly cores?: Sourced<number>;
  readonly powerWatts?: Sourced<number>;
  readonly computeCapability?: string;
  readonly driver?: string;
  readonly pcie?: string;
}

const round = (n: number, digits: number): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** Spec figures for one device of a board (a K80 is two devices sharing the board's numbers). */
export function perDeviceSpec(spec: GpuSpec): Pick<Gpu, "bandwidthGBs" | "fp32Tflops" | "fp16Tflops" | "cores" | "powerWatts"> {
  const d = spec.devices;
  const note = d > 1 ? `${spec.name} spec ÷ ${d} devices per board` : spec.name;
  return {
    bandwidthGBs: fromSpec(round(spec.bandwidthGBs / d, 1), note),
    fp32Tflops: fromSpec(round(spec.fp32Tflops / d, 3), note),
    ...(spec.fp16Tflops !== undefined ? { fp16Tflops: fromSpec(round(spec.fp16Tflops / d, 3), note) } : {}),
    ...(spec.cores !== undefined ? { cores: fromSpec(Math.round(spec.cores / d), note) } : {}),
    powerWatts: fromSpec(round(spec.tdpWatts / d, 0), note),
  };
}

export function buildGpu(index: number, f: GpuFinding): Gpu {
  const match = matchGpu(f.name, f.cores ? { cores: f.cores.value } : undefined);
  const spec = match ? perDeviceSpec(match.spec) : {};
  return {
    index,
    vendor: f.vendor,
    name: f.name,
    backend: f.backend,
    vramTotalBytes: f.vramTotalBytes,
    vramFreeBytes: f.vramFreeBytes,
    unified: f.unified,
    ...spec,
    ...(f.cores ? { cores: f.cores } : {}),
    ...(f.powerWatts ? { powerWatts: f.powerWatts } : {}),
    ...(f.computeCapability ? { computeCapability: f.computeCapability } : {}),
    ...(f.driver ? { driver: f.driver } : {}),
    ...(f.pcie ? { pcie: f.pcie } : {}),
    ...(match ? { specId: match.spec.id } : {}),
  };
}

export function vendorOfName(name: string): GpuVendor {
  if (/nvidia|geforce|tesla|quadro|rtx|gtx/i.test(name)) return "nvidia";
  if (/amd|radeon|instinct|ati\b/i.test(name)) return "amd";
  if (/intel|iris|arc\b|uhd/i.test(name)) return "intel";
  if (/apple/i.test(name)) return "apple";
  return "other";
}
