// The machine as sizing and the report see it. Every figure says where it came from, because
// the most common complaint about fit tools is a wrong VRAM figure that nobody can trace.

import type { Calibration } from "../calibration/schema.js";

/** Where a figure came from. `estimate` is a derived value (e.g. bandwidth from DIMM speed). */
export type Source = "detected" | "spec" | "measured" | "override" | "estimate";

export interface Sourced<T> {
  readonly value: T;
  readonly source: Source;
  /** Why this value, in words (e.g. "Metal working set: 2/3 of 8 GiB"). */
  readonly note?: string;
}

export type Backend = "cuda" | "rocm" | "metal" | "vulkan" | "sycl" | "cpu";
export type GpuVendor = "nvidia" | "amd" | "intel" | "apple" | "other";

export interface Cpu {
  readonly brand: Sourced<string>;
  readonly arch: string; // process.arch style: x64, arm64
  readonly cores: Sourced<number>; // physical
  readonly threads: Sourced<number>; // logical
  /** SIMD features llama.cpp uses: avx, avx2, avx512f, avx512_vnni, amx, neon, sve, f16c, fma … */
  readonly flags: readonly string[];
  readonly cacheBytes?: { readonly l1d?: number; readonly l2?: number; readonly l3?: number };
}

export interface Memory {
  readonly totalBytes: Sourced<number>;
  readonly availableBytes: Sourced<number>;
  /** System memory bandwidth in GB/s (1e9 bytes/s). */
  readonly bandwidthGBs?: Sourced<number>;
  readonly kind?: string; // DDR4, DDR5, LPDDR5X …
}

export interface Gpu {
  readonly index: number;
  readonly vendor: GpuVendor;
  readonly name: string;
  readonly backend: Backend;
  /** Memory the device has; for unified memory, the whole RAM. */
  readonly vramTotalBytes: Sourced<number>;
  /** Memory a model may use now: free VRAM, or the Metal working set / shared limit. */
  readonly vramFreeBytes: Sourced<number>;
  readonly unified: boolean;
  readonly bandwidthGBs?: Sourced<number>;
  readonly fp32Tflops?: Sourced<number>;
  readonly fp16Tflops?: Sourced<number>;
  readonly cores?: Sourced<number>;
  readonly powerWatts?: Sourced<number>;
  readonly computeCapability?: string;
  readonly driver?: string;
  readonly pcie?: string;
  /** Key into the GPU spec table when the name matched a row. */
  readonly specId?: string;
}

export interface Hardware {
  readonly os: string; // process.platform
  readonly cpu: Cpu;
  readonly memory: Memory;
  readonly gpus: readonly Gpu[];
  /** The backend llama.cpp would pick here. */
  readonly backend: Backend;
  /** What could not be detected, and why, one line each. */
  readonly notes: readonly string[];
  /** When and how the profile was made. */
  readonly detectedAt: string; // ISO time
  readonly simulated?: boolean;
  /** CUDA version the NVIDIA driver supports (nvidia-smi banner), when there is one. */
  readonly cudaVersion?: string;
  /** This machine's figures from `llmfit bench` (src/calibration), when its fingerprint matches. */
  readonly calibration?: Calibration;
}
