// Detection on the machine running the tests, checked against /proc directly.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectHardware } from "../../src/hardware/detect.js";

const linux = process.platform === "linux";

describe.runIf(linux)("this machine", () => {
  it("agrees with /proc/cpuinfo and /proc/meminfo", async () => {
    const t0 = performance.now();
    const hw = await detectHardware({ cacheDir: false });
    const ms = performance.now() - t0;
    const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
    const meminfo = readFileSync("/proc/meminfo", "utf8");
    const threads = cpuinfo.split("\n").filter((l) => /^processor\s*:/.test(l)).length;
    const model = /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1]?.trim();
    const totalKb = Number(/^MemTotal:\s+(\d+)/m.exec(meminfo)?.[1]);
    expect(hw.os).toBe("linux");
    expect(hw.cpu.threads.value).toBe(threads);
    if (model) expect(hw.cpu.brand.value).toBe(model);
    if (/\bavx2\b/.test(cpuinfo)) expect(hw.cpu.flags).toContain("avx2");
    // A container's cgroup limit, when lower, is the total the detector reports.
    const cgMax = Number(existsSync("/sys/fs/cgroup/memory.max") ? readFileSync("/sys/fs/cgroup/memory.max", "utf8") : "max");
    expect(hw.memory.totalBytes.value).toBe(Number.isFinite(cgMax) ? Math.min(cgMax, totalKb * 1024) : totalKb * 1024);
    expect(hw.memory.availableBytes.value).toBeGreaterThan(0);
    expect(hw.memory.availableBytes.value).toBeLessThanOrEqual(hw.memory.totalBytes.value);
    // Generous bound on shared CI cores; the bench measures the real figure.
    expect(ms).toBeLessThan(5000);
  });
});
