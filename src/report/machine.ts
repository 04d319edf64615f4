// The "Machine" section: what the host sees, each figure with where it came from.
import type { Hardware, Sourced } from "../hardware/types.js";
import type { Canvas, Segment } from "./canvas.js";
import { gib, plural } from "./format.js";
import { fit } from "./width.js";

const LABEL = 9;

function source<T>(s: Sourced<T> | undefined): Segment {
  return s ? [`  (${s.source}${s.note ? `: ${s.note}` : ""})`, "LlmFitSource"] : "";
}

export function paintMachine(c: Canvas, hw: Hardware): void {
  c.line(["Machine", "LlmFitSection"]);
  const { cpu, memory } = hw;
  const simd = cpu.flags.length ? ` · ${cpu.flags.join(" ")}` : "";
  c.hang(
    LABEL + 2,
    ["  " + fit("CPU", LABEL), "LlmFitLabel"],
    [cpu.brand.value, "LlmFitValue"],
    ` · ${cpu.arch} · ${plural(cpu.cores.value, "core")} / ${plural(cpu.threads.value, "thread")}${simd}`,
    source(cpu.brand),
  );
  const bw = memory.bandwidthGBs ? ` · ${Math.round(memory.bandwidthGBs.value)} GB/s` : "";
  c.hang(
    LABEL + 2,
    ["  " + fit("RAM", LABEL), "LlmFitLabel"],
    [`${gib(memory.totalBytes.value)} total`, "LlmFitValue"],
    ` · ${gib(memory.availableBytes.value)} available${memory.kind ? ` · ${memory.kind}` : ""}${bw}`,
    source(memory.totalBytes),
  );
  if (hw.gpus.length === 0) {
    c.hang(LABEL + 2, ["  " + fit("GPU", LABEL), "LlmFitLabel"], ["none found", "LlmFitMuted"]);
  }
  for (const gpu of hw.gpus) {
    const mem = gpu.unified
      ? `${gib(gpu.vramFreeBytes.value)} usable of ${gib(gpu.vramTotalBytes.value)} unified`
      : `${gib(gpu.vramTotalBytes.value)} VRAM · ${gib(gpu.vramFreeBytes.value)} free`;
    const gbw = gpu.bandwidthGBs ? ` · ${Math.round(gpu.bandwidthGBs.value)} GB/s` : "";
    c.hang(
      LABEL + 2,
      ["  " + fit(`GPU ${gpu.index}`, LABEL), "LlmFitLabel"],
      [gpu.name, "LlmFitValue"],
      ` · ${mem}${gbw} · ${gpu.backend}`,
      source(gpu.unified ? gpu.vramFreeBytes : gpu.vramTotalBytes),
    );
  }
  c.hang(LABEL + 2, ["  " + fit("Backend", LABEL), "LlmFitLabel"], [hw.backend, "LlmFitValue"], ["  (what llama.cpp would use)", "LlmFitSource"]);
  for (const note of hw.notes) c.hang(LABEL + 2, ["  " + fit("Note", LABEL), "LlmFitLabel"], [note, "LlmFitMuted"]);
}
