// What each platform's GPU probe returns.
import type { AppleSysctl } from "../probes/apple.js";
import type { Gpu } from "../types.js";

export interface GpuResult {
  readonly gpus: readonly Gpu[];
  readonly notes: readonly string[];
  readonly cudaVersion?: string;
}

export interface GpuInputs {
  readonly totalRamBytes: number;
  readonly sysctl?: AppleSysctl;
}
