import type { Gpu, Hardware } from "../../src/hardware/types.js";

const GIB = 1024 ** 3;
const det = <T>(value: T) => ({ value, source: "detected" as const });

export function gpu(index: number, name: string, freeGib: number, opts: Partial<Gpu> = {}): Gpu {
  return {
    index, vendor: "nvidia", name, backend: "cuda", unified: false,
    vramTotalBytes: det(freeGib * GIB), vramFreeBytes: det(freeGib * GIB), ...opts,
  };
}

export function machine(ramGib: number, gpus: readonly Gpu[] = []): Hardware {
  return {
    os: "linux",
    cpu: { brand: det("test cpu"), arch: "x64", cores: det(8), threads: det(16), flags: ["avx2"] },
    memory: { totalBytes: det(ramGib * GIB), availableBytes: det(ramGib * GIB) },
    gpus,
    backend: gpus[0]?.backend ?? "cpu",
    notes: [],
    detectedAt: "2026-01-01T00:00:00.000Z",
  };
}
