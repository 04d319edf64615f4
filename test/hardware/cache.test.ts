import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { defaultCacheDir, machineParts } from "../../src/hardware/cache.js";
import { probeContext } from "../../src/hardware/context.js";
import { machineKey } from "../../src/calibration/machine.js";
import { detectHardware } from "../../src/hardware/detect.js";
import { mapFs } from "../../src/hardware/fsio.js";
import { NVIDIA_SMI_ARGS, NVIDIA_SMI_FREE_ARGS } from "../../src/hardware/probes/nvidia-smi.js";
import { GiB, MiB } from "../../src/hardware/units.js";
import { fakeExec, fakeOs, fakeSi, fixture } from "./helpers.js";

const NV_QUERY = ["nvidia-smi", ...NVIDIA_SMI_ARGS].join(" ");
const NV_FREE = ["nvidia-smi", ...NVIDIA_SMI_FREE_ARGS].join(" ");

function machine(availableKb: number, freeMiB: number, calls: string[]) {
  return {
    platform: "linux" as const,
    si: fakeSi,
    os: fakeOs(64 * GiB),
    fs: mapFs({ "/proc/meminfo": `MemTotal: 67108864 kB\nMemAvailable: ${availableKb} kB\n`, "/proc/cpuinfo": fixture("ci-epyc-2vcpu", "cpuinfo.txt") }),
    exec: fakeExec({ [NV_QUERY]: fixture("rtx4090-desktop", "nvidia-smi-query.txt"), [NV_FREE]: `0, ${freeMiB}\n` }, calls),
  };
}

describe("hardware cache", () => {
  it("writes the profile, serves it next time with fresh free-memory figures", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "llmfit-cache-"));
    const cold: string[] = [];
    const first = await detectHardware({ ...machine(30_000_000, 23649, cold), cacheDir });
    expect(cold).toContain(NV_QUERY);
    const file = JSON.parse(readFileSync(join(cacheDir, "hardware.json"), "utf8")) as { version: number; fingerprint: string };
    expect(file.version).toBe(1);

    const warm: string[] = [];
    const second = await detectHardware({ ...machine(10_000_000, 1000, warm), cacheDir });
    expect(warm).toEqual([NV_FREE]); // one cheap query, not the full probe
    expect(second.detectedAt).toBe(first.detectedAt);
    expect(second.memory.availableBytes.value).toBe(10_000_000 * 1024);
    expect(second.gpus[0]?.vramFreeBytes.value).toBe(1000 * MiB);
  });

  it("keeps the fingerprint a SHA-256 of the machine's parts (it names the calibration), found by a cheap key", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "llmfit-cache-"));
    const m = machine(30_000_000, 23649, []);
    await detectHardware({ ...m, cacheDir });
    const path = join(cacheDir, "hardware.json");
    const file = JSON.parse(readFileSync(path, "utf8")) as { fingerprint: string; key?: string };
    const parts = await machineParts(probeContext(m));
    expect(file.fingerprint).toBe(createHash("sha256").update(parts).digest("hex").slice(0, 16));
    expect(file.key).toMatch(/^[0-9a-z]+$/);
    expect((await machineKey({ ...m, cacheDir })).fingerprint).toBe(file.fingerprint);
    // a profile written before the key: served (no full probe) and given the key
    const { key: _key, ...keyless } = file;
    writeFileSync(path, JSON.stringify(keyless));
    const calls: string[] = [];
    await detectHardware({ ...machine(30_000_000, 23649, calls), cacheDir });
    expect(calls).toEqual([NV_FREE]);
    expect(JSON.parse(readFileSync(path, "utf8"))).toMatchObject({ fingerprint: file.fingerprint, key: file.key });
    // a key for other parts is another machine: probed again
    writeFileSync(path, JSON.stringify({ ...file, key: "other" }));
    const again: string[] = [];
    await detectHardware({ ...machine(30_000_000, 23649, again), cacheDir });
    expect(again).toContain(NV_QUERY);
  });

  it("marks free figures as stale when the cheap re-read fails", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "llmfit-cache-"));
    await detectHardware({ ...machine(30_000_000, 23649, []), cacheDir });
    const m = machine(10_000_000, 1000, []);
    const hw = await detectHardware({ ...m, exec: fakeExec({}), cacheDir });
    expect(hw.gpus[0]?.vramFreeBytes.note).toMatch(/^as of .* \(cached\)$/);
  });

  it("re-detects on refresh, on a changed fingerprint, and on a corrupt file", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "llmfit-cache-"));
    await detectHardware({ ...machine(30_000_000, 23649, []), cacheDir });
    const calls: string[] = [];
    await detectHardware({ ...machine(30_000_000, 23649, calls), cacheDir, refresh: true });
    expect(calls).toContain(NV_QUERY);
    const moved: string[] = [];
    await detectHardware({ ...machine(30_000_000, 23649, moved), os: fakeOs(128 * GiB), cacheDir });
    expect(moved).toContain(NV_QUERY);
    writeFileSync(join(cacheDir, "hardware.json"), "{not json");
    const corrupt: string[] = [];
    await detectHardware({ ...machine(30_000_000, 23649, corrupt), cacheDir });
    expect(corrupt).toContain(NV_QUERY);
  });

  it("applies overrides on top of a cached profile without caching them", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "llmfit-cache-"));
    const hw = await detectHardware({ ...machine(30_000_000, 23649, []), cacheDir, overrides: { vramGb: 12 } });
    expect(hw.gpus[0]?.vramTotalBytes).toMatchObject({ value: 12 * GiB, source: "override" });
    const again = await detectHardware({ ...machine(30_000_000, 23649, []), cacheDir });
    expect(again.gpus[0]?.vramTotalBytes.source).toBe("detected");
  });

  it("lives under $XDG_CACHE_HOME/llmfit when set", () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: "/x/cache" }, "linux")).toBe("/x/cache/llmfit");
  });
});
