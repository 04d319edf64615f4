// The backend llama.cpp would use, from what was found. Mirrors how its prebuilt releases and
// Ollama choose: CUDA for NVIDIA, HIP/ROCm for AMD when rocm is present (else Vulkan, which
// runs on every recent AMD/Intel GPU), Metal on Apple Silicon, SYCL for Intel only when oneAPI
// is present, CPU when no GPU is usable.
import type { Backend, GpuVendor } from "./types.js";

export interface BackendHints {
  readonly rocm: boolean; // rocm-smi or /opt/rocm present
  readonly oneApi: boolean; // sycl-ls or /opt/intel/oneapi present
}

export function backendForVendor(vendor: GpuVendor, hints: BackendHints): Backend {
  switch (vendor) {
    case "nvidia":
      return "cuda";
    case "apple":
      return "metal";
    case "amd":
      return hints.rocm ? "rocm" : "vulkan";
    case "intel":
      return hints.oneApi ? "sycl" : "vulkan";
    case "other":
      return "vulkan";
  }
}

/** Order of preference when a machine has several kinds of GPU (an iGPU next to a dGPU). */
const RANK: Readonly<Record<Backend, number>> = { cuda: 5, metal: 5, rocm: 4, sycl: 3, vulkan: 2, cpu: 0 };

export function pickBackend(gpus: readonly { readonly backend: Backend; readonly vramTotalBytes: { readonly value: number } }[]): Backend {
  let best: Backend = "cpu";
  let bestBytes = 0;
  for (const g of gpus) {
    if (RANK[g.backend] > RANK[best] || (RANK[g.backend] === RANK[best] && g.vramTotalBytes.value > bestBytes)) {
      best = g.backend;
      bestBytes = g.vramTotalBytes.value;
    }
  }
  return best;
}
