// Hand-built Hardware profiles for renderer and sizing tests (the detector has its own fixtures).
import type { Hardware } from "../../src/hardware/types.js";

const GIB = 1024 ** 3;

export function desktopWithRtx3070(): Hardware {
  return {
    os: "linux",
    cpu: {
      brand: { value: "AMD Ryzen 7 5800X 8-Core Processor", source: "detected" },
      arch: "x64",
      cores: { value: 8, source: "detected" },
      threads: { value: 16, source: "detected" },
      flags: ["avx2", "fma", "f16c"],
    },
    memory: {
      totalBytes: { value: 32 * GIB, source: "detected" },
      availableBytes: { value: 24 * GIB, source: "detected" },
      bandwidthGBs: { value: 51.2, source: "estimate", note: "DDR4-3200, 2 channels" },
      kind: "DDR4",
    },
    gpus: [
      {
        index: 0,
        vendor: "nvidia",
        name: "NVIDIA GeForce RTX 3070",
        backend: "cuda",
        vramTotalBytes: { value: 8 * GIB, source: "detected" },
        vramFreeBytes: { value: 7.5 * GIB, source: "detected" },
        unified: false,
        bandwidthGBs: { value: 448, source: "spec" },
      },
    ],
    backend: "cuda",
    notes: [],
    detectedAt: "2026-01-01T00:00:00.000Z",
  };
}

export function macbookM1(): Hardware {
  return {
    os: "darwin",
    cpu: {
      brand: { value: "Apple M1", source: "detected" },
      arch: "arm64",
      cores: { value: 8, source: "detected" },
      threads: { value: 8, source: "detected" },
      flags: ["neon"],
    },
    memory: {
      totalBytes: { value: 8 * GIB, source: "detected" },
      availableBytes: { value: 5 * GIB, source: "detected" },
    },
    gpus: [
      {
        index: 0,
        vendor: "apple",
        name: "Apple M1 (8-core GPU)",
        backend: "metal",
        vramTotalBytes: { value: 8 * GIB, source: "detected" },
        vramFreeBytes: { value: 5.33 * GIB, source: "estimate", note: "Metal working set, 2/3 of RAM" },
        unified: true,
      },
    ],
    backend: "metal",
    notes: ["nvidia-smi not found"],
    detectedAt: "2026-01-01T00:00:00.000Z",
  };
}
