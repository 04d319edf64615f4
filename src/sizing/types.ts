// Inputs and outputs of the sizing core. Pure data: no I/O, no clock.

export type KvType = "f32" | "f16" | "bf16" | "q8_0" | "q4_0" | "q4_1" | "q5_0" | "q5_1" | "iq4_nl";
export type FlashAttn = "auto" | "on" | "off";

/** The llama.cpp settings that change memory. Defaults follow llama.cpp's. */
export interface RunSettings {
  readonly ctx: number; // -c, total cells over all sequences
  readonly nSeq: number; // -np
  readonly nBatch: number; // -b, default 2048
  readonly nUbatch: number; // -ub, default 512
  readonly kvTypeK: KvType; // -ctk
  readonly kvTypeV: KvType; // -ctv
  readonly flashAttn: FlashAttn; // -fa
  readonly kvUnified: boolean;
}

export const DEFAULT_RUN_SETTINGS: RunSettings = {
  ctx: 4096,
  nSeq: 1,
  nBatch: 2048,
  nUbatch: 512,
  kvTypeK: "f16",
  kvTypeV: "f16",
  flashAttn: "auto",
  kvUnified: false,
};

/** Bytes of each thing llama.cpp allocates for one model instance. */
export interface MemoryBreakdown {
  readonly weights: number;
  readonly kv: number;
  readonly recurrent: number;
  readonly compute: number;
  readonly output: number;
  /** What the runtime does not print: CUDA/ROCm context, Metal; an estimate. */
  readonly overhead: number;
  readonly total: number;
}

export type Verdict = "gpu" | "partial" | "cpu" | "no";

export interface DevicePlacement {
  /** "cpu" or a GPU index. */
  readonly device: "cpu" | number;
  readonly layers: number;
  readonly bytes: number;
  readonly availableBytes: number;
}

export interface Placement {
  readonly verdict: Verdict;
  readonly layersOnGpu: number;
  readonly layersTotal: number;
  readonly devices: readonly DevicePlacement[];
  /** The verdict's reason, in words. */
  readonly reason: string;
}

export interface Estimate {
  readonly quant: string;
  readonly settings: RunSettings;
  readonly memory: MemoryBreakdown;
  readonly placement: Placement;
}
