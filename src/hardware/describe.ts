// Hardware figures in words for the terminal and the float: sizes in GiB, a source tag on every
// figure that was not detected, so a reader can tell a measured VRAM from a spec-sheet one.
import type { Gpu, Hardware, Sourced } from "./types.js";
import { GiB } from "./units.js";
import { gpuSpecById } from "./match.js";
import { calibrationLine } from "../calibration/describe.js";

/** All GPU memory of the machine: what Ollama picks its default context from. */
export function totalVramBytes(hw: Hardware): number {
  return hw.gpus.reduce((sum, g) => sum + g.vramTotalBytes.value, 0);
}

export function gib(bytes: number): string {
  const g = bytes / GiB;
  return `${g >= 100 ? g.toFixed(0) : g.toFixed(1)} GiB`;
}

export function tag(s: Sourced<unknown>): string {
  return s.source === "detected" ? "" : ` (${s.source})`;
}

export function figure<T>(s: Sourced<T> | undefined, show: (v: T) => string): string {
  return s === undefined ? "—" : `${show(s.value)}${tag(s)}`;
}

/** The SIMD features llama.cpp cares about most, upper-cased as it prints them. */
export function simdSummary(flags: readonly string[]): string {
  const order = ["avx", "avx2", "fma", "f16c", "avx512f", "avx512_vnni", "avx512_bf16", "avx_vnni", "amx", "neon", "dotprod", "i8mm", "sve", "sve2", "sme"];
  const shown = order.filter((f) => flags.includes(f)).map((f) => f.toUpperCase());
  return shown.length > 0 ? shown.join(" ") : "no SIMD extensions detected";
}

export function gpuLine(g: Gpu): string {
  const mem = g.unified
    ? `${gib(g.vramTotalBytes.value)} unified${tag(g.vramTotalBytes)}, ${gib(g.vramFreeBytes.value)} usable${tag(g.vramFreeBytes)}`
    : `${gib(g.vramTotalBytes.value)}${tag(g.vramTotalBytes)}, ${gib(g.vramFreeBytes.value)} free${tag(g.vramFreeBytes)}`;
  const parts = [
    `${g.name}`,
    mem,
    g.bandwidthGBs ? `${figure(g.bandwidthGBs, (v) => `${v} GB/s`)}` : undefined,
    g.fp16Tflops ? `FP16 ${figure(g.fp16Tflops, (v) => `${v} TFLOPS`)}` : undefined,
    g.backend,
    g.computeCapability ? `cc ${g.computeCapability}` : undefined,
    g.driver ? `driver ${g.driver}` : undefined,
    g.specId ? `tier ${gpuSpecById(g.specId)?.tier ?? "?"}` : "not in the spec table",
  ];
  return parts.filter((p): p is string => p !== undefined).join(" · ");
}

export function describeHardware(hw: Hardware): readonly string[] {
  const c = hw.cpu;
  const m = hw.memory;
  const lines = [
    `CPU      ${c.brand.value} · ${c.cores.value} cores / ${c.threads.value} threads${tag(c.cores)} · ${c.arch} · ${simdSummary(c.flags)}`,
    `Memory   ${gib(m.totalBytes.value)} total${tag(m.totalBytes)} · ${gib(m.availableBytes.value)} available${tag(m.availableBytes)}${m.kind ? ` · ${m.kind}` : ""} · bandwidth ${figure(m.bandwidthGBs, (v) => `${v} GB/s`)}`,
    ...(hw.gpus.length === 0 ? ["GPU      none found"] : hw.gpus.map((g) => `GPU ${String(g.index).padEnd(5)}${gpuLine(g)}`)),
    `Backend  ${hw.backend}${hw.cudaVersion ? ` (CUDA ${hw.cudaVersion})` : ""}${hw.simulated ? " · simulated" : ""}`,
    ...(hw.calibration ? [calibrationLine(hw.calibration)] : hw.simulated ? [] : ["Measured nothing yet: `llmfit bench` measures llama.cpp here in about 30 s"]),
  ];
  if (hw.notes.length > 0) lines.push("Notes", ...hw.notes.map((n) => `  - ${n}`));
  return lines;
}
