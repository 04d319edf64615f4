// Where the model goes on a machine, the way llama.cpp places it: -ngl N offloads the last N
// layers (N = n_layer + 1 also takes the output layer), several GPUs share the offloaded layers in
// proportion to their free memory (llama.cpp's default tensor split), the token embedding stays on
// the host, and each GPU used pays its compute buffer and the unprinted backend overhead.

import type { Gpu, Hardware } from "../hardware/types.js";
import type { ModelShape } from "../models/shape.js";
import { hostComputeBytes } from "./compute-buffer.js";
import { kvBytesOfLastLayers } from "./kv-cache.js";
import type { MemoryDetail } from "./memory.js";
import { deviceOverheadBytes } from "./overhead.js";
import type { DevicePlacement, Placement, RunSettings, Verdict } from "./types.js";

export interface PlacementOptions {
  /** "cpu": llama.cpp with -ngl 0; "gpu" or undefined: offload as much as fits. */
  readonly device?: "cpu" | "gpu";
}

const GIB = 1024 ** 3;
const gib = (b: number): string => (b / GIB).toFixed(1);

/** Bytes the last `n` layers need wherever they run: weights, KV cache and recurrent state. */
function lastLayersBytes(d: MemoryDetail, s: RunSettings, n: number): number {
  return (
    (d.weights.suffix[n] ?? 0) +
    kvBytesOfLastLayers(d.profile, d.kv, s, n) +
    (d.profile.rsSuffixPerSeq[n] ?? 0) * Math.max(1, s.nSeq)
  );
}

export interface GpuLoad {
  readonly gpu: Gpu;
  readonly layers: number;
  readonly bytes: number;
}

/**
 * Spreads the last `n` layers over the GPUs in contiguous runs sized by their share of free memory
 * (llama.cpp's default tensor split); undefined when a GPU overflows.
 */
function assignLayers(d: MemoryDetail, s: RunSettings, gpus: readonly Gpu[], n: number, withOutput: boolean): GpuLoad[] | undefined {
  const free = gpus.map((g) => g.vramFreeBytes.value);
  const sum = free.reduce((a, b) => a + b, 0);
  if (sum <= 0) return undefined;
  let acc = 0;
  const ends = free.map((f, i) => (i === free.length - 1 ? n : Math.round((n * (acc += f)) / sum)));
  const lastUsed = ends.findIndex((e) => e === n);
  const loads: GpuLoad[] = [];
  let start = 0;
  for (let i = 0; i < gpus.length; i++) {
    const gpu = gpus[i];
    const end = Math.max(start, ends[i] ?? n);
    if (!gpu) continue;
    const layers = end - start;
    // positions [start, end) of the offloaded run are the last (n − start) … (n − end) layers
    let bytes = lastLayersBytes(d, s, n - start) - lastLayersBytes(d, s, n - end);
    if (layers > 0) {
      const holdsOutput = withOutput && i === lastUsed;
      bytes += deviceOverheadBytes(gpu.backend) + (holdsOutput ? Math.max(d.computePeaks.output, d.computePeaks.layer) + d.weights.output : d.computePeaks.layer);
      if (bytes > gpu.vramFreeBytes.value) return undefined;
    }
    loads.push({ gpu, layers, bytes });
    start = end;
  }
  return loads;
}

function cpuBytes(d: MemoryDetail, s: RunSettings, nLayer: number, onGpu: number, outputOnGpu: boolean, shape: ModelShape): number {
  let bytes = d.weights.inputEmbd + d.memory.output;
  bytes += lastLayersBytes(d, s, nLayer) - lastLayersBytes(d, s, onGpu);
  if (!outputOnGpu) bytes += d.weights.output;
  if (onGpu === 0) return bytes + d.memory.compute;
  // the host still runs the CPU layers (layer peak) or at least stages the inputs
  const host = hostComputeBytes({ shape, profile: d.profile, settings: s, flashAttn: d.flashAttn, kv: d.kv });
  return bytes + (onGpu < nLayer ? Math.max(host, d.computePeaks.layer) : host);
}

/** Why a model runs on the CPU (or not at all), as the reason says it. */
type CpuWhy = "cpu-backend" | "no-gpu" | "no-fit";

/**
 * What placeModel decides, before it is put in words: the verdict, the layers offloaded, each
 * GPU's load and the host's bytes. The searches (src/sizing/search.ts) ask only for the verdict;
 * placeModel describes the same decision, so the two can never disagree.
 */
export interface PlacementDecision {
  readonly verdict: Verdict;
  readonly layersOnGpu: number;
  /** Bytes on the host (the CPU's share). */
  readonly host: number;
  /** The GPUs' loads when layers are offloaded (gpu, partial). */
  readonly loads?: readonly GpuLoad[];
  readonly why?: CpuWhy;
}

function cpuOnly(d: MemoryDetail, shape: ModelShape, s: RunSettings, ram: number, why: CpuWhy): PlacementDecision {
  const bytes = cpuBytes(d, s, shape.layers.length, 0, false, shape);
  return { verdict: bytes <= ram ? "cpu" : "no", layersOnGpu: 0, host: bytes, why };
}

function toDevices(loads: readonly GpuLoad[], cpu: number, cpuLayers: number, ram: number): DevicePlacement[] {
  const out: DevicePlacement[] = loads
    .filter((l) => l.layers > 0)
    .map((l) => ({ device: l.gpu.index, layers: l.layers, bytes: l.bytes, availableBytes: l.gpu.vramFreeBytes.value }));
  out.push({ device: "cpu", layers: cpuLayers, bytes: cpu, availableBytes: ram });
  return out;
}

function gpuNames(loads: readonly GpuLoad[]): string {
  return loads
    .filter((l) => l.layers > 0)
    .map((l) => `${l.gpu.name} (${gib(l.bytes)} of ${gib(l.gpu.vramFreeBytes.value)} GiB)`)
    .join(" + ");
}

/** The GPUs llama.cpp can offload to: those with free VRAM, in the machine's order. */
export function gpusWithFreeVram(hw: Pick<Hardware, "gpus">): Gpu[] {
  return hw.gpus.filter((g) => g.vramFreeBytes.value > 0);
}

/** Where llama.cpp puts the model, as numbers only (no devices list, no words). */
export function decidePlacement(shape: ModelShape, d: MemoryDetail, hw: Hardware, s: RunSettings, opts: PlacementOptions = {}): PlacementDecision {
  const n = shape.layers.length;
  const ram = hw.memory.availableBytes.value;
  const gpus = gpusWithFreeVram(hw);
  if (opts.device === "cpu") return cpuOnly(d, shape, s, ram, "cpu-backend");
  if (gpus.length === 0) return cpuOnly(d, shape, s, ram, "no-gpu");
  // On unified memory the GPU's working set and the RAM are one pool: what the GPU takes, the CPU loses.
  const unified = gpus.some((g) => g.unified);
  const full = assignLayers(d, s, gpus, n, true);
  if (full) {
    const host = cpuBytes(d, s, n, n, true, shape);
    const gpuTotal = full.reduce((a, l) => a + l.bytes, 0);
    const hostFree = unified ? ram - gpuTotal : ram;
    if (host <= hostFree) return { verdict: "gpu", layersOnGpu: n, host, loads: full };
  }
  // Partial offload: the most layers (from the end) that fit, the rest on the CPU.
  let lo = 0;
  let hi = n - 1;
  let best: GpuLoad[] | undefined;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const loads = assignLayers(d, s, gpus, mid, false);
    if (loads) {
      lo = mid;
      best = loads;
    } else hi = mid - 1;
  }
  if (lo > 0 && best) {
    const host = cpuBytes(d, s, n, lo, false, shape);
    const gpuTotal = best.reduce((a, l) => a + l.bytes, 0);
    const hostFree = unified ? ram - gpuTotal : ram;
    if (host <= hostFree) return { verdict: "partial", layersOnGpu: lo, host, loads: best };
  }
  return cpuOnly(d, shape, s, ram, "no-fit");
}

/** The decision in full: every device's share and the reason in words. */
export function placeModel(shape: ModelShape, d: MemoryDetail, hw: Hardware, s: RunSettings, opts: PlacementOptions = {}): Placement {
  const dec = decidePlacement(shape, d, hw, s, opts);
  const n = shape.layers.length;
  const ram = hw.memory.availableBytes.value;
  const { verdict, layersOnGpu, host, loads } = dec;
  if (loads && verdict === "gpu") {
    return { verdict, layersOnGpu, layersTotal: n, devices: toDevices(loads, host, 0, ram), reason: `all ${n} layers on ${gpuNames(loads)}` };
  }
  if (loads && verdict === "partial") {
    return {
      verdict, layersOnGpu, layersTotal: n, devices: toDevices(loads, host, n - layersOnGpu, ram),
      reason: `${layersOnGpu} of ${n} layers on ${gpuNames(loads)}, ${n - layersOnGpu} on the CPU (${gib(host)} of ${gib(ram)} GiB RAM); slower than all on GPU`,
    };
  }
  const vram = gpusWithFreeVram(hw).reduce((a, g) => a + g.vramFreeBytes.value, 0);
  const why = dec.why === "cpu-backend" ? "CPU backend (-ngl 0)" : dec.why === "no-gpu" ? "no GPU" : `does not fit in ${gib(vram)} GiB of free VRAM`;
  const devices: DevicePlacement[] = [{ device: "cpu", layers: n, bytes: host, availableBytes: ram }];
  if (verdict === "cpu") return { verdict, layersOnGpu: 0, layersTotal: n, devices, reason: `${why}; runs on the CPU: ${gib(host)} of ${gib(ram)} GiB free RAM` };
  return { verdict: "no", layersOnGpu: 0, layersTotal: n, devices, reason: `${why}; needs ${gib(host)} GiB of RAM, ${gib(ram)} GiB free` };
}
