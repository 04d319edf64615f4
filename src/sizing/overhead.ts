// Memory a backend takes per device that llama.cpp does not print: the driver context, kernel
// modules and library workspaces (cuBLAS/hipBLAS). Estimates from common measurements, not from
// llama.cpp; the report labels them as such.

import type { Backend } from "../hardware/types.js";

const MIB = 1024 * 1024;

export const DEVICE_OVERHEAD_BYTES: Readonly<Record<Backend, number>> = {
  cpu: 0, // the CPU backend's own allocations are all printed
  cuda: 450 * MIB, // CUDA context + cuBLAS workspace, typical nvidia-smi delta on load
  rocm: 400 * MIB,
  sycl: 400 * MIB,
  vulkan: 250 * MIB,
  metal: 0, // Metal's command queues are small; the working-set limit already leaves headroom
};

export function deviceOverheadBytes(backend: Backend): number {
  return DEVICE_OVERHEAD_BYTES[backend];
}
