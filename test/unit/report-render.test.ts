import { describe, expect, it } from "vitest";
import { toTerminal } from "../../src/report/ansi.js";
import { renderReport } from "../../src/report/report.js";
import { displayWidth, fit, truncate } from "../../src/report/width.js";
import { desktopWithRtx3070, macbookM1 } from "../support/hardware.js";

describe("renderReport", () => {
  it("shows CPU, RAM, each GPU and the backend, with sources", () => {
    const { lines } = renderReport({ version: "1.0.0", hardware: desktopWithRtx3070() }, { width: 100 });
    const text = lines.join("\n");
    expect(text).toContain("AMD Ryzen 7 5800X 8-Core Processor · x64 · 8 cores / 16 threads · avx2 fma f16c");
    expect(text).toContain("32.0 GiB total · 24.0 GiB available · DDR4 · 51 GB/s");
    expect(text).toContain("NVIDIA GeForce RTX 3070 · 8.0 GiB VRAM · 7.5 GiB free · 448 GB/s · cuda");
    expect(text).toMatch(/Backend\s+cuda/);
  });

  it("describes unified memory by what the GPU may use, and lists notes", () => {
    const { lines } = renderReport({ version: "1.0.0", hardware: macbookM1() }, { width: 80 });
    const text = lines.join("\n");
    expect(text).toContain("5.3 GiB usable of 8.0 GiB unified");
    expect(text).toContain("(estimate: Metal working set, 2/3 of RAM)");
    expect(text).toMatch(/Note\s+nvidia-smi not found/);
  });

  it("puts every span on existing bytes of its line", () => {
    const { lines, spans } = renderReport({ version: "1.0.0", hardware: macbookM1() }, { width: 80 });
    expect(spans.length).toBeGreaterThan(5);
    for (const s of spans) {
      const bytes = Buffer.byteLength(lines[s.line]!, "utf8");
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(bytes);
      expect(s.start).toBeLessThan(s.end);
    }
    const label = spans.find((s) => s.group === "LlmFitLabel")!;
    expect(Buffer.from(lines[label.line]!).subarray(label.start, label.end).toString()).toMatch(/^\s+CPU\s+$/);
  });

  it("prints plain text without a terminal and ANSI colours on one", () => {
    const painted = renderReport({ version: "1.0.0", hardware: macbookM1() }, { width: 80 });
    expect(toTerminal(painted, false)).not.toContain("\x1b[");
    const coloured = toTerminal(painted, true);
    expect(coloured).toContain("\x1b[1;36mllmfit\x1b[0m");
    expect(coloured.replace(/\x1b\[[0-9;]*m/g, "")).toBe(toTerminal(painted, false));
  });
});

describe("display width", () => {
  it("counts wide and combining characters as a terminal does", () => {
    expect(displayWidth("Qwen")).toBe(4);
    expect(displayWidth("通义千问")).toBe(8);
    expect(displayWidth("e\u0301")).toBe(1);
    expect(displayWidth("🦙")).toBe(2);
  });

  it("pads and cuts to exact columns", () => {
    expect(fit("通义", 6)).toBe("通义  ");
    expect(displayWidth(fit("通义千问模型", 7))).toBe(7);
    expect(truncate("abcdef", 4)).toBe("abc…");
    expect(fit("7.5", 5, "right")).toBe("  7.5");
  });
});
