// Hardware that is not here: a named GPU or SoC from the spec table, for `llmfit compare` and
// for `--gpu NAME`. Every figure is a spec figure or an override; assumptions say so.
import { backendForVendor, pickBackend } from "./backend.js";
import { perDeviceSpec } from "./gpu-build.js";
import { requireGpu } from "./match.js";
import { metalWorkingSet } from "./probes/apple.js";
import { estimated, fromSpec, overridden } from "./sourced.js";
import type { Cpu, Gpu, Hardware, Sourced } from "./types.js";
import type { CpuSpec } from "./cpu-spec-schema.js";
import { CPU_SPECS, matchCpu, requireCpu } from "./cpu-specs.js";
import type { GpuSpec } from "./gpu-spec-schema.js";
import { GiB, gbToBytes } from "./units.js";

export interface SimulateGpuOptions {
  /** System RAM, for shared-memory GPUs when the name does not say. */
  readonly ramBytes?: number;
  readonly vramGb?: number;
  readonly unified?: boolean;
}

/** The GPU devices a named board contributes (two for a K80 or an MI250). */
export function simulatedGpus(name: string, o: SimulateGpuOptions = {}): readonly Gpu[] {
  const { spec, memoryGB } = requireGpu(name);
  const unified = o.unified ?? spec.unified;
  // A shared-memory chip takes the host's RAM when that is one of the sizes it is sold with.
  const ramGb = o.ramBytes !== undefined ? Math.round(o.ramBytes / GiB) : undefined;
  // An Apple chip is sold in fixed sizes; a laptop iGPU shares whatever RAM the machine has.
  const hostVariant = unified && ramGb !== undefined && (spec.vendor !== "apple" || spec.memoryGB.includes(ramGb)) ? ramGb : undefined;
  const boardGB = o.vramGb ?? memoryGB ?? hostVariant ?? spec.memoryGB[0] ?? 0;
  const perDevice = gbToBytes(boardGB / spec.devices);
  const src = o.vramGb !== undefined ? overridden(perDevice, `--vram ${o.vramGb}`) : fromSpec(perDevice, `${spec.name}, ${boardGB} GB`);
  const integratedKind = spec.kind === "igpu" || spec.kind === "soc";
  const backend = backendForVendor(spec.vendor, { rocm: !integratedKind, oneApi: !integratedKind });
  let free = src;
  if (spec.vendor === "apple") {
    const ws = metalWorkingSet(perDevice);
    free = estimated(ws.bytes, ws.note);
  } else if (unified) {
    free = estimated(Math.floor(perDevice * 0.75), "shared memory: 3/4 of RAM assumed usable by the GPU");
  }
  return Array.from({ length: spec.devices }, (_, i): Gpu => ({
    index: i,
    vendor: spec.vendor,
    name: spec.name,
    backend,
    vramTotalBytes: src,
    vramFreeBytes: free,
    unified,
    ...perDeviceSpec(spec),
    specId: spec.id,
  }));
}

export interface SimulateOptions {
  readonly ramGb?: number;
  /** A CPU from the CPU spec table; default: the SoC's own, the iGPU's usual host, or a generic one. */
  readonly cpu?: string;
  readonly now?: () => Date;
}

const DEFAULT_HOST_RAM_GB = 32;

export interface SimulatedCpu {
  readonly cpu: Cpu;
  readonly bandwidthGBs?: Sourced<number>;
  readonly kind?: string;
}

/** A CPU row as this machine's CPU: cores, threads, SIMD flags and its memory's bandwidth. */
export function simulatedCpu(name: string): SimulatedCpu {
  return cpuFromSpec(requireCpu(name));
}

function cpuFromSpec(spec: CpuSpec): SimulatedCpu {
  return {
    cpu: {
      brand: fromSpec(spec.name, spec.source),
      arch: spec.arch,
      cores: fromSpec(spec.cores, spec.name),
      threads: fromSpec(spec.threads, spec.name),
      flags: spec.flags,
    },
    bandwidthGBs: fromSpec(spec.memory.bandwidthGBs, `${spec.name}: ${spec.memory.kind}, ${spec.memory.channels} × 64-bit channels`),
    kind: spec.memory.kind.split("-")[0] ?? spec.memory.kind,
  };
}

/** The CPU a simulated machine has when none is named: the SoC's, or a usual host of the iGPU. */
function defaultCpu(gpu: GpuSpec | undefined): CpuSpec | undefined {
  if (!gpu) return undefined;
  if (gpu.vendor === "apple") return matchCpu(gpu.name.replace(/\s*\(.*\)$/, ""));
  if (gpu.kind === "igpu") return CPU_SPECS.find((c) => c.igpu === gpu.name);
  return undefined;
}

const GENERIC_CPU: Cpu = {
  brand: estimated("simulated host CPU", "simulated: 8 cores, AVX2 (name one with --cpu NAME)"),
  arch: "x64",
  cores: estimated(8, "simulated"),
  threads: estimated(16, "simulated"),
  flags: ["avx", "avx2", "f16c", "fma"],
};

/** "2x RTX 3090" or "2× RTX 3090" is two boards; a plain name is one. */
export function expandGpuNames(names: readonly string[]): readonly string[] {
  return names.flatMap((n) => {
    const m = /^\s*(\d+)\s*[x×]\s+(.+)$/i.exec(n);
    return m ? Array.from({ length: Math.min(16, Number(m[1])) }, () => m[2]!.trim()) : [n];
  });
}

/** One machine holding the named GPUs (repeat a name, or say "2x NAME", for a multi-GPU box). */
export function simulateHardware(names: string | readonly string[], o: SimulateOptions = {}): Hardware {
  const list = expandGpuNames(typeof names === "string" ? [names] : names);
  const boards = list.map((n) => ({ name: n, match: requireGpu(n) }));
  const soc = boards.find((b) => b.match.spec.unified && b.match.spec.kind !== "datacenter");
  const socGB = soc ? (soc.match.memoryGB ?? soc.match.spec.memoryGB[0]) : undefined;
  const ramGb = o.ramGb ?? socGB ?? DEFAULT_HOST_RAM_GB;
  const ramBytes = gbToBytes(ramGb);
  const ramNote = o.ramGb !== undefined ? `--ram ${o.ramGb}` : socGB !== undefined ? `${soc?.match.spec.name} ${soc?.match.spec.vendor === "apple" ? "unified memory" : "shared RAM (typical size; --ram GB to change)"}` : `assumed host with ${DEFAULT_HOST_RAM_GB} GB`;
  const gpus = boards.flatMap((b) => simulatedGpus(b.name, { ramBytes })).map((g, i) => ({ ...g, index: i }));
  const apple = soc?.match.spec.vendor === "apple";
  const ram = o.ramGb !== undefined ? overridden(ramBytes, ramNote) : socGB !== undefined ? fromSpec(ramBytes, ramNote) : estimated(ramBytes, ramNote);
  const cpuSpec = o.cpu !== undefined ? requireCpu(o.cpu) : defaultCpu(soc?.match.spec);
  const simCpu = cpuSpec ? cpuFromSpec(cpuSpec) : undefined;
  // Memory bandwidth: an SoC's or iGPU platform's memory when there is one, else the named CPU's.
  const bandwidthGBs = soc && !(o.cpu !== undefined && simCpu?.bandwidthGBs)
    ? fromSpec(soc.match.spec.bandwidthGBs, `${soc.match.spec.name} memory`)
    : (simCpu?.bandwidthGBs ?? estimated(76.8, "assumed dual-channel DDR5-4800"));
  return {
    os: apple ? "darwin" : "linux",
    cpu: simCpu?.cpu ?? (apple ? { ...GENERIC_CPU, brand: estimated(soc?.match.spec.name ?? "Apple Silicon", "simulated"), arch: "arm64", threads: estimated(8, "simulated"), flags: ["dotprod", "neon"] } : GENERIC_CPU),
    memory: {
      totalBytes: ram,
      availableBytes: ram,
      bandwidthGBs,
      ...(simCpu?.kind ? { kind: simCpu.kind } : {}),
    },
    gpus,
    backend: pickBackend(gpus),
    notes: [`simulated: ${[...list, ...(o.cpu !== undefined ? [o.cpu] : [])].join(" + ")}`],
    detectedAt: (o.now?.() ?? new Date()).toISOString(),
    simulated: true,
  };
}
