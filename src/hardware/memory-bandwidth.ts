// System memory bandwidth, estimated from the DIMM layout: each populated 64-bit channel moves
// 8 bytes per transfer, so GB/s ≈ channels × 8 × MT/s / 1000. Channels are not reported, so
// they are guessed from the DIMM count (two DIMMs per channel on servers with many slots).
// Always an estimate; Apple SoCs and known APUs use their spec row instead.

export interface DimmInfo {
  readonly type?: string;
  readonly clockSpeed?: number; // MT/s as dmidecode's "Configured Memory Speed"
  readonly size: number;
}

export interface BandwidthEstimate {
  readonly gbs: number;
  readonly kind?: string;
  readonly note: string;
}

export function estimateChannels(dimms: number): number {
  if (dimms <= 2) return Math.max(dimms, 1);
  if (dimms <= 4) return 2;
  return Math.min(Math.floor(dimms / 2), 12);
}

export function estimateMemoryBandwidth(layout: readonly DimmInfo[]): BandwidthEstimate | undefined {
  const populated = layout.filter((d) => d.size > 0);
  const speeds = populated.map((d) => d.clockSpeed ?? 0).filter((s) => s > 0);
  if (populated.length === 0 || speeds.length === 0) return undefined;
  const mts = Math.min(...speeds); // the slowest DIMM sets the channel speed
  const channels = estimateChannels(populated.length);
  const kind = populated.find((d) => d.type && d.type !== "Unknown")?.type;
  const gbs = Math.round((channels * 8 * mts) / 100) / 10;
  return {
    gbs,
    ...(kind ? { kind } : {}),
    note: `${populated.length} DIMM(s) at ${mts} MT/s, assumed ${channels} channel(s) × 64 bit`,
  };
}
