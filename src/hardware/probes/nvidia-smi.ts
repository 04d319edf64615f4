// nvidia-smi's CSV query: one line per GPU, in the order of NVIDIA_SMI_FIELDS, "[N/A]" or
// "[Not Supported]" where a board lacks a sensor. Memory is MiB with `nounits`.
import { MiB, finiteNumber } from "../units.js";

export const NVIDIA_SMI_FIELDS = [
  "index",
  "name",
  "memory.total",
  "memory.used",
  "memory.free",
  "compute_cap",
  "driver_version",
  "power.limit",
  "pcie.link.gen.max",
  "pcie.link.width.max",
] as const;

export const NVIDIA_SMI_ARGS: readonly string[] = [
  `--query-gpu=${NVIDIA_SMI_FIELDS.join(",")}`,
  "--format=csv,noheader,nounits",
];

/** A cheap query for refreshing free memory on a cached profile. */
export const NVIDIA_SMI_FREE_ARGS: readonly string[] = [
  "--query-gpu=index,memory.free",
  "--format=csv,noheader,nounits",
];

export interface NvidiaGpu {
  readonly index: number;
  readonly name: string;
  readonly totalBytes: number;
  readonly usedBytes?: number;
  readonly freeBytes?: number;
  readonly computeCapability?: string;
  readonly driver?: string;
  readonly powerLimitWatts?: number;
  readonly pcie?: string;
}

export type NvidiaSmiResult =
  | { readonly ok: true; readonly gpus: readonly NvidiaGpu[] }
  | { readonly ok: false; readonly reason: string };

export function parseNvidiaSmiCsv(text: string): NvidiaSmiResult {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  if (lines.some((l) => /has failed|couldn't communicate|No devices were found/i.test(l))) {
    return { ok: false, reason: `nvidia-smi: ${lines[0] ?? "failed"}` };
  }
  const gpus: NvidiaGpu[] = [];
  for (const line of lines) {
    const cells = line.split(",").map((c) => c.trim());
    if (cells.length < 3) continue;
    const num = (i: number): number | undefined => finiteNumber(cells[i]);
    const index = num(0);
    const name = cells[1];
    const total = num(2);
    if (index === undefined || !name || total === undefined) continue;
    const used = num(3);
    const free = num(4);
    const cc = cells[5];
    const driver = cells[6];
    const power = num(7);
    const gen = num(8);
    const width = num(9);
    gpus.push({
      index,
      name,
      totalBytes: total * MiB,
      ...(used !== undefined ? { usedBytes: used * MiB } : {}),
      ...(free !== undefined ? { freeBytes: free * MiB } : {}),
      ...(cc && /^\d+\.\d+$/.test(cc) ? { computeCapability: cc } : {}),
      ...(driver && !driver.startsWith("[") ? { driver } : {}),
      ...(power !== undefined ? { powerLimitWatts: power } : {}),
      ...(gen !== undefined && width !== undefined ? { pcie: `PCIe ${gen}.0 x${width}` } : {}),
    });
  }
  if (gpus.length === 0) return { ok: false, reason: "nvidia-smi: no GPUs in its output" };
  return { ok: true, gpus };
}

/** "CUDA Version: 12.4" from the plain `nvidia-smi` banner or `--version` ("CUDA Version : 12.4"). */
export function parseCudaVersion(text: string): string | undefined {
  return /CUDA Version\s*:\s*([\d.]+)/.exec(text)?.[1];
}

/** index → free bytes, from NVIDIA_SMI_FREE_ARGS output. */
export function parseNvidiaFree(text: string): ReadonlyMap<number, number> {
  const out = new Map<number, number>();
  for (const line of text.split(/\r?\n/)) {
    const [i, free] = line.split(",").map((c) => finiteNumber(c));
    if (i !== undefined && free !== undefined) out.set(i, free * MiB);
  }
  return out;
}
