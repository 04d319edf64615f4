// Hardware that is not here: a named GPU or SoC from the spec table, for `llmfit compare` and
// for `--gpu NAME`. Every figure is a spec figure or an override; assumptions say so.
import { backendForVendor, pickBackend } from "./backend.js";
import { perDeviceSpec } from "./gpu-build.js";
import { requireGpu } from "./match.js";
import { metalWorkingSet } from "./probes/apple.js";
import { estimated, fromSpec, overridden } from "./sourced.js";
import type { Gpu, Hardware } from "./types.js";
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
  const hostVariant = unified && ramGb !== undefined && spec.memoryGB.includes(ramGb) ? ramGb : undefined;
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
  readonly now?: () => Date;
}

const DEFAULT_HOST_RAM_GB = 32;

/** One machine holding the named GPUs (repeat a name for a multi-GPU box). */
export function simulateHardware(names: string | readonly string[], o: SimulateOptions = {}): Hardware {
  const list = typeof names === "string" ? [names] : names;
  const boards = list.map((n) => ({ name: n, match: requireGpu(n) }));
  const soc = boards.find((b) => b.match.spec.unified && b.match.spec.kind !== "datacenter");
  const socGB = soc ? (soc.match.memoryGB ?? soc.match.spec.memoryGB[0]) : undefined;
  const ramGb = o.ramGb ?? socGB ?? DEFAULT_HOST_RAM_GB;
  const ramBytes = gbToBytes(ramGb);
  const ramNote = o.ramGb !== undefined ? `--ram ${o.ramGb}` : socGB !== undefined ? `${soc?.match.spec.name} unified memory` : `assumed host with ${DEFAULT_HOST_RAM_GB} GB`;
  const gpus = boards.flatMap((b) => simulatedGpus(b.name, { ramBytes })).map((g, i) => ({ ...g, index: i }));
  const apple = soc?.match.spec.vendor === "apple";
  const ram = o.ramGb !== undefined ? overridden(ramBytes, ramNote) : socGB !== undefined ? fromSpec(ramBytes, ramNote) : estimated(ramBytes, ramNote);
  return {
    os: apple ? "darwin" : "linux",
    cpu: {
      brand: estimated(apple ? (soc?.match.spec.name ?? "Apple Silicon") : "simulated host CPU", "simulated"),
      arch: apple ? "arm64" : "x64",
      cores: estimated(8, "simulated"),
      threads: estimated(apple ? 8 : 16, "simulated"),
      flags: apple ? ["dotprod", "neon"] : ["avx", "avx2", "f16c", "fma"],
    },
    memory: {
      totalBytes: ram,
      availableBytes: ram,
      bandwidthGBs: soc ? fromSpec(soc.match.spec.bandwidthGBs, `${soc.match.spec.name} memory`) : estimated(76.8, "assumed dual-channel DDR5-4800"),
    },
    gpus,
    backend: pickBackend(gpus),
    notes: [`simulated: ${list.join(" + ")}`],
    detectedAt: (o.now?.() ?? new Date()).toISOString(),
    simulated: true,
  };
}
