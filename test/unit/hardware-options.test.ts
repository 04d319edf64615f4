// setup()'s GPU and CPU names are checked as detection reads them, before they can block a report.
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { usableHardwareOptions } from "../../src/host/hardware-options.js";

const checked = (hardware: Record<string, unknown>) => usableHardwareOptions(parseConfig({ hardware }).config);

describe("hardware options from setup()", () => {
  it("keeps names detection accepts, multi-GPU boxes written 2x NAME included", () => {
    const r = checked({ gpu: "2x RTX 3090", cpu: "Ryzen 7 5800X", ram_gb: 64 });
    expect(r.problems).toEqual([]);
    expect(r.config.hardware).toMatchObject({ gpu: "2x RTX 3090", cpu: "Ryzen 7 5800X", ram_gb: 64 });
  });

  it("drops an unknown GPU or CPU with one line naming the option, and keeps the rest", () => {
    const r = checked({ gpu: "RTX 9999", cpu: "Pentium 9000X", ram_gb: 64 });
    expect(r.problems).toEqual([
      expect.stringMatching(/^hardware\.gpu: unknown GPU "RTX 9999" \(nearest known: .+\) — using the detected hardware$/),
      expect.stringMatching(/^hardware\.cpu: unknown CPU "Pentium 9000X" \(nearest known: .+\) — using the detected hardware$/),
    ]);
    expect(r.config.hardware).toEqual({ ram_gb: 64 });
  });
});
