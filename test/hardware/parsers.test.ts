import { describe, expect, it } from "vitest";
import { mapFs } from "../../src/hardware/fsio.js";
import { parseRocmSmiJson, readAmdSysfs } from "../../src/hardware/probes/amd.js";
import { metalWorkingSet, parseSysctl, parseSystemProfilerDisplays } from "../../src/hardware/probes/apple.js";
import { readCgroupMemory } from "../../src/hardware/probes/cgroup.js";
import { parseVmStat } from "../../src/hardware/probes/vm-stat.js";
import { parseCacheSize, readCpuCaches } from "../../src/hardware/probes/cpu-caches.js";
import { parseCpuinfo } from "../../src/hardware/probes/cpuinfo.js";
import { marketingName, parseLspci } from "../../src/hardware/probes/lspci.js";
import { parseMeminfo } from "../../src/hardware/probes/meminfo.js";
import { parseCudaVersion, parseNvidiaFree, parseNvidiaSmiCsv } from "../../src/hardware/probes/nvidia-smi.js";
import { isCappedAdapterRam, parseVideoControllerJson, registryVram } from "../../src/hardware/probes/windows.js";
import { estimateMemoryBandwidth } from "../../src/hardware/memory-bandwidth.js";
import { GiB, MiB } from "../../src/hardware/units.js";
import { fixture } from "./helpers.js";

describe("/proc/cpuinfo", () => {
  it("reads an i9-13900K: 24 cores, 32 threads, AVX2 and AVX-VNNI but no AVX-512", () => {
    const c = parseCpuinfo(fixture("intel-i9-13900k-desktop", "cpuinfo.txt"));
    expect(c.brand).toBe("13th Gen Intel(R) Core(TM) i9-13900K");
    expect(c.threads).toBe(32);
    expect(c.cores).toBe(24);
    expect(c.flags).toEqual(expect.arrayContaining(["avx", "avx2", "avx_vnni", "f16c", "fma"]));
    expect(c.flags).not.toContain("avx512f");
  });

  it("reads an arm64 Graviton3: NEON, SVE, dotprod, i8mm from Features and the core from its part id", () => {
    const c = parseCpuinfo(fixture("graviton3-arm64", "cpuinfo.txt"));
    expect(c.brand).toBe("ARM Neoverse-V1");
    expect(c.threads).toBe(4);
    expect(c.cores).toBeUndefined();
    expect(c.flags).toEqual(expect.arrayContaining(["neon", "sve", "dotprod", "i8mm", "neon_fp16"]));
    expect(c.flags).not.toContain("avx2");
  });

  it("reads this CI machine's recorded AMD EPYC: AVX-512 with VNNI and BF16", () => {
    const c = parseCpuinfo(fixture("ci-epyc-2vcpu", "cpuinfo.txt"));
    expect(c.brand).toBe("AMD EPYC");
    expect(c.flags).toEqual(expect.arrayContaining(["avx512f", "avx512_vnni", "avx512_bf16", "avx2"]));
  });

  it("maps AMX tiles to amx", () => {
    expect(parseCpuinfo("processor : 0\nflags : avx2 amx_tile amx_int8 amx_bf16 avx512f\n").flags).toEqual(
      expect.arrayContaining(["amx", "amx_int8", "amx_bf16", "avx512f"]),
    );
  });
});

describe("/proc/meminfo", () => {
  it("takes MemTotal and MemAvailable in bytes", () => {
    const m = parseMeminfo(fixture("ryzen7840u-780m-laptop", "meminfo.txt"));
    expect(m.totalBytes).toBe(32112940 * 1024);
    expect(m.availableBytes).toBe(19876544 * 1024);
  });
  it("falls back to free + cache + buffers on kernels without MemAvailable", () => {
    expect(parseMeminfo("MemTotal: 1000 kB\nMemFree: 100 kB\nBuffers: 10 kB\nCached: 200 kB\n").availableBytes).toBe(310 * 1024);
  });
});

describe("CPU caches (sysfs)", () => {
  it("reads L1d, L2, L3 sizes", async () => {
    const root = "/sys/devices/system/cpu/cpu0/cache";
    const fs = mapFs({
      [`${root}/index0/level`]: "1\n", [`${root}/index0/type`]: "Data\n", [`${root}/index0/size`]: "48K\n",
      [`${root}/index1/level`]: "1\n", [`${root}/index1/type`]: "Instruction\n", [`${root}/index1/size`]: "32K\n",
      [`${root}/index2/level`]: "2\n", [`${root}/index2/type`]: "Unified\n", [`${root}/index2/size`]: "1024K\n",
      [`${root}/index3/level`]: "3\n", [`${root}/index3/type`]: "Unified\n", [`${root}/index3/size`]: "32768K\n",
    });
    expect(await readCpuCaches(fs)).toEqual({ l1d: 48 * 1024, l2: 1024 * 1024, l3: 32 * MiB });
    expect(parseCacheSize("36M")).toBe(36 * MiB);
  });
});

describe("nvidia-smi", () => {
  it("parses one RTX 4090 (desktop)", () => {
    const r = parseNvidiaSmiCsv(fixture("rtx4090-desktop", "nvidia-smi-query.txt"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.gpus).toEqual([
      {
        index: 0,
        name: "NVIDIA GeForce RTX 4090",
        totalBytes: 24564 * MiB,
        usedBytes: 507 * MiB,
        freeBytes: 23649 * MiB,
        computeCapability: "8.9",
        driver: "550.163.01",
        powerLimitWatts: 450,
        pcie: "PCIe 4.0 x16",
      },
    ]);
  });

  it("parses two RTX 3090s, each with its own free memory and link", () => {
    const r = parseNvidiaSmiCsv(fixture("dual-rtx3090-server", "nvidia-smi-query.txt"));
    if (!r.ok) throw new Error(r.reason);
    expect(r.gpus.map((g) => [g.index, g.freeBytes, g.pcie])).toEqual([
      [0, 9237 * MiB, "PCIe 4.0 x16"],
      [1, 24237 * MiB, "PCIe 4.0 x8"],
    ]);
  });

  it("turns a missing driver into a reason, not GPUs", () => {
    const r = parseNvidiaSmiCsv(fixture("nvidia-driver-missing", "nvidia-smi-query.txt"));
    expect(r).toEqual({ ok: false, reason: expect.stringContaining("couldn't communicate with the NVIDIA driver") });
  });

  it("keeps a board's [N/A] fields out instead of guessing", () => {
    const r = parseNvidiaSmiCsv("0, Tesla K80, 11441, 0, 11441, 3.7, 470.256.02, [N/A], [N/A], [N/A]\n");
    if (!r.ok) throw new Error(r.reason);
    expect(r.gpus[0]?.powerLimitWatts).toBeUndefined();
    expect(r.gpus[0]?.pcie).toBeUndefined();
  });

  it("reads the CUDA version from the banner and the free-memory query", () => {
    expect(parseCudaVersion(fixture("rtx4090-desktop", "nvidia-smi.txt"))).toBe("12.4");
    expect(parseCudaVersion("CUDA Version                              : 12.2")).toBe("12.2");
    expect([...parseNvidiaFree("0, 100\n1, 200\n")]).toEqual([[0, 100 * MiB], [1, 200 * MiB]]);
  });
});

describe("AMD", () => {
  it("parses rocm-smi JSON (RX 7900 XT)", () => {
    const g = parseRocmSmiJson(JSON.parse(fixture("rx7900xt-workstation", "rocm-smi.json")));
    expect(g).toEqual([
      { card: "card0", name: "Radeon RX 7900 XT", deviceId: "744c", vramTotalBytes: 21458059264, vramUsedBytes: 27856896, gfx: "gfx1100", integrated: false },
    ]);
  });

  it("reads an APU's carve-out and GTT from sysfs (Ryzen 7840U, Radeon 780M)", async () => {
    const fs = mapFs(JSON.parse(fixture("ryzen7840u-780m-laptop", "sysfs.json")) as Record<string, string>);
    const g = await readAmdSysfs(fs);
    expect(g).toHaveLength(1);
    expect(g[0]).toMatchObject({ card: "card0", deviceId: "15bf", vramTotalBytes: 512 * MiB, gttTotalBytes: 16450469888, integrated: true });
  });
});

describe("lspci", () => {
  it("keeps only display controllers, with ids", () => {
    const d = parseLspci(fixture("hp-laptop-iris-xe", "lspci.txt"));
    expect(d).toEqual([{ slot: "00:02.0", vendorId: "8086", deviceId: "9a49", vendor: "Intel Corporation", device: "TigerLake-LP GT2 [Iris Xe Graphics]" }]);
    expect(marketingName(d[0]?.device ?? "")).toBe("Iris Xe Graphics");
  });
});

describe("Apple Silicon", () => {
  it("reads an M1 8 GB MacBook Air", () => {
    const s = parseSysctl(fixture("macbook-air-m1-8gb", "sysctl.txt"));
    expect(s).toMatchObject({ brand: "Apple M1", memBytes: 8 * GiB, physicalCpu: 8, performanceCores: 4, efficiencyCores: 4 });
    expect(s.wiredLimitMb).toBeUndefined(); // 0 means "macOS default"
    expect(s.flags).toEqual(["dotprod", "neon"]);
    expect(parseSystemProfilerDisplays(JSON.parse(fixture("macbook-air-m1-8gb", "system_profiler.json")))).toEqual([
      { name: "Apple M1", cores: 8, metal: "metal3" },
    ]);
  });

  it("decodes Big Sur's kHW_AppleM1Item name", () => {
    expect(parseSystemProfilerDisplays(JSON.parse(fixture("macbook-air-m1-8gb", "system_profiler-2021.json")))[0]?.name).toBe("Apple M1");
  });

  it("reads an M3 Max with 40 GPU cores and a wired limit when set", () => {
    expect(parseSystemProfilerDisplays(JSON.parse(fixture("macbook-pro-m3max-48gb", "system_profiler.json")))[0]).toMatchObject({ name: "Apple M3 Max", cores: 40 });
    expect(parseSysctl(fixture("macbook-pro-m3max-48gb", "sysctl-wired-limit.txt")).wiredLimitMb).toBe(45056);
  });

  it("gives Metal 2/3 of RAM up to 32 GiB and 3/4 above, matching llama.cpp's logged values", () => {
    expect(metalWorkingSet(8 * GiB).bytes / MiB).toBeCloseTo(5461.33, 1); // ≈ 5.3 GiB on an M1 8 GB
    expect(metalWorkingSet(16 * GiB).bytes / MiB).toBeCloseTo(10922.67, 1);
    expect(metalWorkingSet(32 * GiB).bytes / MiB).toBeCloseTo(21845.33, 1);
    expect(metalWorkingSet(64 * GiB).bytes / MiB).toBe(49152);
    expect(metalWorkingSet(48 * GiB, 45056).bytes).toBe(45056 * MiB);
  });
});

describe("Windows", () => {
  it("sees WMI's 4 GiB cap and takes the registry's qwMemorySize", () => {
    const wmi = parseVideoControllerJson(JSON.parse(fixture("windows-rtx3080-desktop", "win32-videocontroller.json")));
    expect(wmi[0]).toMatchObject({ name: "NVIDIA GeForce RTX 3080", adapterRamBytes: 4293918720 });
    expect(isCappedAdapterRam(4293918720)).toBe(true);
    expect(isCappedAdapterRam(2 * GiB)).toBe(false);
    const reg = registryVram(`${fixture("windows-rtx3080-desktop", "reg-query-memory.txt")}\n${fixture("windows-rtx3080-desktop", "reg-query-desc.txt")}`);
    expect(reg.get("NVIDIA GeForce RTX 3080")).toBe(10 * GiB);
    expect(reg.get("Intel(R) UHD Graphics 770")).toBe(2 * GiB);
  });

  it("reads a single controller (ConvertTo-Json gives an object, not an array) and negative uint32s", () => {
    expect(parseVideoControllerJson({ Name: "AMD Radeon RX 6800", AdapterRAM: -1048576 })[0]?.adapterRamBytes).toBe(2 ** 32 - 1048576);
  });
});

describe("memory bandwidth estimate", () => {
  it("two DDR5-4800 DIMMs → 2 channels × 8 B × 4800 MT/s = 76.8 GB/s", () => {
    expect(estimateMemoryBandwidth([{ type: "DDR5", clockSpeed: 4800, size: 1 }, { type: "DDR5", clockSpeed: 4800, size: 1 }])).toMatchObject({ gbs: 76.8, kind: "DDR5" });
  });
  it("four DIMMs on a desktop are still two channels; no speeds → no estimate", () => {
    expect(estimateMemoryBandwidth(Array.from({ length: 4 }, () => ({ type: "DDR4", clockSpeed: 3200, size: 1 })))?.gbs).toBe(51.2);
    expect(estimateMemoryBandwidth([{ type: "DDR4", size: 1 }])).toBeUndefined();
  });
});

describe("available memory beyond /proc/meminfo", () => {
  it("macOS vm_stat: free + inactive + speculative + purgeable pages", () => {
    expect(parseVmStat(fixture("macbook-air-m1-8gb", "vm_stat.txt"))).toBe((3969 + 116470 + 1349 + 1460) * 16384);
    expect(parseVmStat("nonsense")).toBeUndefined();
  });

  it("cgroup v2 memory.max limits a container; 'max' means no limit", async () => {
    expect(await readCgroupMemory(mapFs({ "/sys/fs/cgroup/memory.max": "8589934592\n", "/sys/fs/cgroup/memory.current": "1073741824\n" }))).toEqual({ limitBytes: 8 * GiB, usedBytes: GiB });
    expect(await readCgroupMemory(mapFs({ "/sys/fs/cgroup/memory.max": "max\n" }))).toBeUndefined();
  });
});
