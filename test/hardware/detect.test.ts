// Whole-machine detection from recorded tool outputs: each test is one machine.
import { describe, expect, it } from "vitest";
import { detectHardware } from "../../src/hardware/detect.js";
import { mapFs } from "../../src/hardware/fsio.js";
import { NVIDIA_SMI_ARGS } from "../../src/hardware/probes/nvidia-smi.js";
import { HardwareSchema } from "../../src/hardware/schema.js";
import { GiB, MiB } from "../../src/hardware/units.js";
import { fakeExec, fakeOs, fakeSi, fixture } from "./helpers.js";

const NV_QUERY = ["nvidia-smi", ...NVIDIA_SMI_ARGS].join(" ");
const base = { cacheDir: false as const, si: fakeSi, now: () => new Date("2026-01-01T00:00:00Z") };

function linuxFs(machine: string, extra: Record<string, string> = {}) {
  return mapFs({ "/proc/meminfo": fixture(machine, "meminfo.txt"), "/proc/cpuinfo": fixture("ci-epyc-2vcpu", "cpuinfo.txt"), ...extra });
}

describe("detectHardware on Linux", () => {
  it("RTX 4090 desktop: CUDA backend, VRAM from nvidia-smi, bandwidth from the spec table", async () => {
    const hw = await detectHardware({
      ...base,
      platform: "linux",
      fs: linuxFs("ci-epyc-2vcpu"),
      os: fakeOs(64 * GiB),
      exec: fakeExec({ [NV_QUERY]: fixture("rtx4090-desktop", "nvidia-smi-query.txt"), "nvidia-smi": fixture("rtx4090-desktop", "nvidia-smi.txt") }),
    });
    expect(hw.backend).toBe("cuda");
    expect(hw.cudaVersion).toBe("12.4");
    expect(hw.gpus).toHaveLength(1);
    const g = hw.gpus[0]!;
    expect(g).toMatchObject({ vendor: "nvidia", name: "NVIDIA GeForce RTX 4090", specId: "rtx-4090", computeCapability: "8.9", unified: false });
    expect(g.vramTotalBytes).toEqual({ value: 24564 * MiB, source: "detected", note: "nvidia-smi memory.total" });
    expect(g.vramFreeBytes.value).toBe(23649 * MiB);
    expect(g.bandwidthGBs).toMatchObject({ value: 1008, source: "spec" });
    expect(g.powerWatts).toMatchObject({ value: 450, source: "detected" });
    expect(hw.memory.bandwidthGBs).toMatchObject({ value: 76.8, source: "estimate" });
    expect(() => HardwareSchema.parse(hw)).not.toThrow();
  });

  it("two RTX 3090s: both GPUs, in index order", async () => {
    const hw = await detectHardware({
      ...base,
      platform: "linux",
      fs: linuxFs("ci-epyc-2vcpu"),
      os: fakeOs(128 * GiB),
      exec: fakeExec({ [NV_QUERY]: fixture("dual-rtx3090-server", "nvidia-smi-query.txt"), "nvidia-smi": fixture("dual-rtx3090-server", "nvidia-smi.txt") }),
    });
    expect(hw.gpus.map((g) => [g.index, g.specId, g.vramFreeBytes.value / MiB])).toEqual([
      [0, "rtx-3090", 9237],
      [1, "rtx-3090", 24237],
    ]);
    expect(hw.cudaVersion).toBe("13.0");
  });

  it("driver missing: a note, no GPU, CPU backend", async () => {
    const msg = fixture("nvidia-driver-missing", "nvidia-smi-query.txt");
    const hw = await detectHardware({
      ...base,
      platform: "linux",
      fs: linuxFs("ci-epyc-2vcpu"),
      os: fakeOs(16 * GiB),
      exec: fakeExec({ "nvidia-smi": { ok: false, reason: `nvidia-smi: ${msg.split("\n")[0]}`, stdout: msg, stderr: "" } }),
    });
    expect(hw.gpus).toEqual([]);
    expect(hw.backend).toBe("cpu");
    expect(hw.notes.some((n) => n.includes("couldn't communicate with the NVIDIA driver"))).toBe(true);
  });

  it("Tesla K80: two devices, each with half the board's bandwidth", async () => {
    const hw = await detectHardware({
      ...base,
      platform: "linux",
      fs: linuxFs("ci-epyc-2vcpu"),
      os: fakeOs(64 * GiB),
      exec: fakeExec({ [NV_QUERY]: fixture("tesla-k80-server", "nvidia-smi-query.txt") }),
    });
    expect(hw.gpus).toHaveLength(2);
    expect(hw.gpus[1]).toMatchObject({ specId: "tesla-k80", computeCapability: "3.7" });
    expect(hw.gpus[1]?.bandwidthGBs?.value).toBe(240);
    expect(hw.gpus[1]?.fp16Tflops).toBeUndefined();
  });

  it("RX 7900 XT with ROCm: rocm backend, VRAM from rocm-smi", async () => {
    const hw = await detectHardware({
      ...base,
      platform: "linux",
      fs: linuxFs("ci-epyc-2vcpu"),
      os: fakeOs(64 * GiB),
      exec: fakeExec({ "rocm-smi": fixture("rx7900xt-workstation", "rocm-smi.json") }),
    });
    expect(hw.backend).toBe("rocm");
    expect(hw.gpus[0]).toMatchObject({ vendor: "amd", name: "Radeon RX 7900 XT", specId: "rx-7900-xt", unified: false });
    expect(hw.gpus[0]?.vramTotalBytes.value).toBe(21458059264);
  });

  it("Ryzen 7840U (Radeon 780M) without ROCm: Vulkan, carve-out + GTT as shared memory", async () => {
    const sysfs = JSON.parse(fixture("ryzen7840u-780m-laptop", "sysfs.json")) as Record<string, string>;
    const hw = await detectHardware({
      ...base,
      platform: "linux",
      fs: linuxFs("ryzen7840u-780m-laptop", sysfs),
      os: fakeOs(32112940 * 1024),
      exec: fakeExec({ lspci: fixture("ryzen7840u-780m-laptop", "lspci.txt") }),
    });
    expect(hw.backend).toBe("vulkan");
    const g = hw.gpus[0]!;
    expect(g).toMatchObject({ vendor: "amd", name: "AMD Phoenix1", specId: "radeon-780m", unified: true });
    expect(g.vramTotalBytes.value).toBe(512 * MiB + 16450469888);
    expect(g.vramTotalBytes.note).toMatch(/carve-out.*GTT/);
  });

  it("HP laptop with Iris Xe: Vulkan, shared memory as an estimate", async () => {
    const hw = await detectHardware({
      ...base,
      platform: "linux",
      fs: linuxFs("hp-laptop-iris-xe"),
      os: fakeOs(16134788 * 1024),
      exec: fakeExec({ lspci: fixture("hp-laptop-iris-xe", "lspci.txt") }),
    });
    expect(hw.backend).toBe("vulkan");
    expect(hw.gpus[0]).toMatchObject({ vendor: "intel", name: "Intel Iris Xe Graphics", specId: "iris-xe-96eu", unified: true });
    expect(hw.gpus[0]?.vramTotalBytes).toMatchObject({ source: "estimate", value: Math.floor(16134788 * 1024 * 0.75) });
  });
});

describe("detectHardware on macOS", () => {
  it("MacBook Air M1 8 GB: Metal, ≈5.3 GiB usable for models", async () => {
    const hw = await detectHardware({
      ...base,
      platform: "darwin",
      arch: "arm64",
      fs: mapFs({}),
      os: fakeOs(8 * GiB, 2 * GiB),
      exec: fakeExec({ sysctl: fixture("macbook-air-m1-8gb", "sysctl.txt"), system_profiler: fixture("macbook-air-m1-8gb", "system_profiler.json"), vm_stat: fixture("macbook-air-m1-8gb", "vm_stat.txt") }),
    });
    expect(hw.backend).toBe("metal");
    expect(hw.memory.availableBytes).toMatchObject({ value: (3969 + 116470 + 1349 + 1460) * 16384, note: expect.stringContaining("vm_stat") });
    expect(hw.cpu.brand.value).toBe("Apple M1");
    expect(hw.cpu.flags).toContain("neon");
    expect(hw.memory.bandwidthGBs).toMatchObject({ value: 68.25, source: "spec" });
    const g = hw.gpus[0]!;
    expect(g).toMatchObject({ vendor: "apple", specId: "apple-m1", unified: true });
    expect(g.vramTotalBytes.value).toBe(8 * GiB);
    expect(g.vramFreeBytes.value / GiB).toBeCloseTo(5.33, 2);
    expect(g.cores).toMatchObject({ value: 8, source: "detected" });
  });

  it("M3 Max 48 GB: the 40-core row, 3/4 of RAM, or iogpu.wired_limit_mb when set", async () => {
    const run = (sysctl: string) =>
      detectHardware({
        ...base,
        platform: "darwin",
        arch: "arm64",
        fs: mapFs({}),
        os: fakeOs(48 * GiB),
        exec: fakeExec({ sysctl: fixture("macbook-pro-m3max-48gb", sysctl), system_profiler: fixture("macbook-pro-m3max-48gb", "system_profiler.json") }),
      });
    const def = await run("sysctl.txt");
    expect(def.gpus[0]?.specId).toBe("apple-m3-max-40c");
    expect(def.gpus[0]?.vramFreeBytes.value).toBe(36 * GiB);
    const wired = await run("sysctl-wired-limit.txt");
    expect(wired.gpus[0]?.vramFreeBytes).toMatchObject({ value: 45056 * MiB, source: "detected" });
  });
});

describe("detectHardware on Windows", () => {
  it("RTX 3080 without nvidia-smi: 10 GiB from the registry, not WMI's 4 GiB; the UHD 770 shares RAM", async () => {
    const hw = await detectHardware({
      ...base,
      platform: "win32",
      fs: mapFs({}),
      os: fakeOs(32 * GiB),
      exec: fakeExec({
        "powershell.exe": fixture("windows-rtx3080-desktop", "win32-videocontroller.json"),
        "reg query HKLM\\SYSTEM\\CurrentControlSet\\Control\\Class\\{4d36e968-e325-11ce-bfc1-08002be10318} /s /v HardwareInformation.qwMemorySize":
          fixture("windows-rtx3080-desktop", "reg-query-memory.txt"),
        "reg query HKLM\\SYSTEM\\CurrentControlSet\\Control\\Class\\{4d36e968-e325-11ce-bfc1-08002be10318} /s /v DriverDesc": fixture("windows-rtx3080-desktop", "reg-query-desc.txt"),
      }),
    });
    const nv = hw.gpus.find((g) => g.vendor === "nvidia");
    expect(nv?.vramTotalBytes).toMatchObject({ value: 10 * GiB, source: "detected" });
    expect(nv?.specId).toBe("rtx-3080");
    const igpu = hw.gpus.find((g) => g.vendor === "intel");
    expect(igpu).toMatchObject({ unified: true, specId: "uhd-770" });
    expect(hw.cpu.flags).toEqual(expect.arrayContaining(["avx2", "fma", "f16c"]));
  });

  it("prefers nvidia-smi's exact figures and skips the WMI entry for the same card", async () => {
    const hw = await detectHardware({
      ...base,
      platform: "win32",
      fs: mapFs({}),
      os: fakeOs(32 * GiB),
      exec: fakeExec({ [NV_QUERY]: "0, NVIDIA GeForce RTX 3080, 10240, 500, 9540, 8.6, 552.22, 320.00, 4, 16\n", "powershell.exe": fixture("windows-rtx3080-desktop", "win32-videocontroller.json") }),
    });
    expect(hw.gpus.filter((g) => g.vendor === "nvidia")).toHaveLength(1);
    expect(hw.gpus[0]?.vramTotalBytes.value).toBe(10240 * MiB);
  });
});

describe("cards the vendor tools cannot see", () => {
  it("an NVIDIA card on the bus without a working driver is named in a note", async () => {
    const hw = await detectHardware({
      ...base,
      platform: "linux",
      fs: linuxFs("ci-epyc-2vcpu"),
      os: fakeOs(32 * GiB),
      exec: fakeExec({ lspci: '01:00.0 "VGA compatible controller [0300]" "NVIDIA Corporation [10de]" "GA104 [GeForce RTX 3070] [2484]" -ra1 "Micro-Star International Co., Ltd. [MSI] [1462]" "Device [3897]"\n' }),
    });
    expect(hw.backend).toBe("cpu");
    expect(hw.notes).toContain("NVIDIA GeForce RTX 3070 is on the PCI bus but nvidia-smi reports no GPU — install or load the NVIDIA driver to use CUDA");
  });
});

describe("containers", () => {
  it("a cgroup memory limit below the RAM becomes the total and caps what is available", async () => {
    const hw = await detectHardware({
      ...base,
      platform: "linux",
      fs: linuxFs("ci-epyc-2vcpu", { "/sys/fs/cgroup/memory.max": `${4 * GiB}\n`, "/sys/fs/cgroup/memory.current": `${GiB}\n` }),
      os: fakeOs(64 * GiB),
      exec: fakeExec({}),
    });
    expect(hw.memory.totalBytes).toMatchObject({ value: 4 * GiB, note: "cgroup memory.max (container limit)" });
    expect(hw.memory.availableBytes.value).toBe(3 * GiB);
    expect(hw.notes.some((n) => n.startsWith("container memory limit 4.0 GiB"))).toBe(true);
  });
});

describe("Windows integrated graphics", () => {
  it("an unnamed Ryzen APU ('AMD Radeon(TM) Graphics', 512 MB) shares half the RAM; an Arc A770 does not", async () => {
    const { windowsFindings } = await import("../../src/hardware/detect-gpus.js");
    const found = windowsFindings(
      [
        { name: "AMD Radeon(TM) Graphics", adapterRamBytes: 512 * MiB },
        { name: "Intel(R) Arc(TM) A770 Graphics", adapterRamBytes: 4293918720 },
      ],
      new Map(),
      false,
      32 * GiB,
    );
    expect(found[0]).toMatchObject({ vendor: "amd", unified: true, vramTotalBytes: { value: 16 * GiB, source: "estimate" } });
    expect(found[1]).toMatchObject({ vendor: "intel", unified: false, vramTotalBytes: { value: 16 * GiB, source: "estimate" } });
  });
});
