// The llama.cpp RPC plan: llama.cpp's split rule, every byte placed once, the network hops, and
// `llmfit fit MODEL --host …` end to end (simulated hosts, a served and a saved detect --json).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fitCommand } from "../../src/cli/fit.js";
import { simulatedHost, parseHostSpec, type ClusterHost } from "../../src/cluster/hosts.js";
import { customLink, linkPreset } from "../../src/cluster/link.js";
import { mambaBoundaryExtra, planRpcLayout, rpcDevices, SCHED_COPIES, splitCounts } from "../../src/cluster/rpc-plan.js";
import { networkCost, promptSeconds, rpcSpeed } from "../../src/cluster/rpc-speed.js";
import { speedInputs } from "../../src/cluster/part-speed.js";
import { typedTensors } from "../../src/sizing/weights.js";
import { adviseRpc } from "../../src/cluster/rpc-search.js";
import { detectHardware } from "../../src/hardware/detect.js";
import { mapFs } from "../../src/hardware/fsio.js";
import { NVIDIA_SMI_ARGS } from "../../src/hardware/probes/nvidia-smi.js";
import { GiB } from "../../src/hardware/units.js";
import { LlmFitError } from "../../src/errors.js";
import { findModel, shapeOf } from "../../src/models/catalog.js";
import { estimateMemory } from "../../src/sizing/memory.js";
import { createSizer } from "../../src/sizing/search.js";
import { DEFAULT_RUN_SETTINGS } from "../../src/sizing/types.js";
import { fakeExec, fakeOs, fakeSi, fixture } from "../hardware/helpers.js";
import { loadAllShapes, shapeOfEntry } from "../sizing/groundtruth-data.js";
import { json, startServer } from "../support/fake-servers.js";

const shape70 = shapeOf(findModel("llama-3.3-70b-instruct")!);
const settings = { ...DEFAULT_RUN_SETTINGS, ctx: 8192 };
const sizer = createSizer();
const detail = (s = settings) => estimateMemory(shape70, "Q4_K_M", s, "cpu", sizer.weights(shape70, "Q4_K_M"));
const host = (spec: string, i: number): ClusterHost => simulatedHost(spec, i, () => new Date("2026-01-01T00:00:00Z"));

async function fit(args: string[]): Promise<{ code: number; out: string }> {
  let out = "";
  const code = await fitCommand.run(args, { stdout: (t) => (out += t), stderr: () => {}, isTty: false, env: {} });
  return { code, out };
}

describe("llama.cpp's split rule", () => {
  it("layer counts given as --tensor-split come back exactly (upper_bound over cumulative float shares)", () => {
    for (const counts of [[41, 40], [1, 80], [20, 20, 20, 21], [7, 0, 30, 44], [33, 33, 1]]) {
      const ngl = counts.reduce((a, b) => a + b, 0);
      expect(splitCounts(counts, ngl)).toEqual(counts);
    }
  });
  it("equal free memory: the first device takes the extra layer, the last one the output", () => {
    expect(splitCounts([24, 24], 81)).toEqual([41, 40]);
    expect(splitCounts([10, 30], 40)).toEqual([10, 30]);
  });
  it("devices: RPC servers first in --rpc order (each GPU of a helper, or its CPU), then the main host's GPUs", () => {
    const hosts = [host("RTX 4090", 0), host("cpu, ram=64@10.0.0.2", 1), host("2x RTX 3090@10.0.0.3", 2)];
    expect(rpcDevices(hosts).map((d) => [d.label, d.host, d.remote])).toEqual([
      ["10.0.0.2:50052 CPU", 1, true],
      ["10.0.0.3:50052 CUDA0", 2, true],
      ["10.0.0.3:50052 CUDA1", 2, true],
      ["main CUDA0", 0, false],
    ]);
  });
});

describe("RPC layout", () => {
  const hostSets: readonly (readonly string[])[] = [
    ["RTX 3090", "RTX 3090@b"],
    ["RTX 3090", "RTX 3090@b", "Apple M2 Max 64GB@c"],
    ["cpu, ram=16", "RTX 4090@b", "RTX 4090@c", "RTX 3060@d"],
    ["RTX 4090", "cpu, ram=128@b"],
    ["RTX 3060", "RTX 3060@b"],
  ];
  it("every weight, KV and recurrent byte is placed exactly once, and a fitting plan keeps every device within its free memory", () => {
    const d = detail();
    for (const specs of hostSets) {
      const hosts = specs.map(host);
      const plan = planRpcLayout(shape70, d, settings, hosts);
      const w = plan.devices.reduce((a, l) => a + l.weights, 0) + plan.main.weights;
      const kv = plan.devices.reduce((a, l) => a + l.kv, 0) + plan.main.kv;
      expect(Math.abs(w - d.memory.weights)).toBeLessThan(1);
      expect(Math.abs(kv - d.memory.kv)).toBeLessThan(1);
      const layers = plan.devices.reduce((a, l) => a + l.layers, 0) + plan.main.layers;
      expect(layers).toBe(shape70.layers.length);
      expect(plan.devices.filter((l) => l.output).length).toBe(plan.verdict === "no" ? 0 : 1);
      if (plan.verdict !== "no") {
        for (const l of plan.devices) expect(l.total).toBeLessThanOrEqual(l.device.freeBytes);
        expect(plan.main.total).toBeLessThanOrEqual(plan.main.freeBytes);
        expect(plan.split.reduce((a, b) => a + b, 0)).toBe(plan.ngl);
        // the written split reproduces the plan under llama.cpp's own rule
        expect(splitCounts(plan.split, plan.ngl)).toEqual(plan.split);
      }
    }
  });
  it("a tied embedding is loaded twice: on the main CPU for the lookup and on the output device as the output matrix", () => {
    const shape = shapeOf(findModel("llama-3.2-3b-instruct")!);
    expect(shape.tiedEmbeddings).toBe(true);
    const d = estimateMemory(shape, "Q8_0", settings, "cpu", sizer.weights(shape, "Q8_0"));
    const plan = planRpcLayout(shape, d, settings, [host("cpu, ram=32", 0), host("RTX 3060@b", 1), host("RTX 3060@c", 2)]);
    expect(plan.verdict).toBe("fits");
    const placed = plan.devices.reduce((a, l) => a + l.weights, 0) + plan.main.weights;
    expect(Math.abs(placed - (d.memory.weights + d.weights.inputEmbd))).toBeLessThan(1);
    const out = plan.devices.find((l) => l.output)!;
    expect(out.device.label).toBe("c:50052 CUDA0");
    expect(plan.main.weights).toBe(d.weights.inputEmbd);
  });
  it("70B Q4_K_M: one RTX 3090 only partly, two hold it all; the output layer on the main host's GPU", () => {
    const d = detail();
    const one = planRpcLayout(shape70, d, settings, [host("RTX 3090", 0)]);
    expect(one.verdict).toBe("partial");
    const two = planRpcLayout(shape70, d, settings, [host("RTX 3090", 0), host("RTX 3090@b", 1)]);
    expect(two.verdict).toBe("fits");
    expect(two.ngl).toBe(81);
    expect(two.devices.map((l) => [l.device.label, l.firstLayer, l.layers, l.output])).toEqual([
      ["b:50052 CUDA0", 0, 41, false],
      ["main CUDA0", 41, 39, true],
    ]);
  });
  it("a default split that overflows a device is rebalanced into one that fits", () => {
    // an 8 GB card beside two 24 GB ones: its share of free memory leaves no room for its compute buffer and CUDA context
    const s = { ...settings, ctx: 30720 };
    const d = detail(s);
    const hosts = [host("RTX 4090", 0), host("RTX 4060@b", 1), host("RTX 4090@c", 2)];
    const devs = rpcDevices(hosts);
    const byFree = splitCounts(devs.map((x) => x.freeBytes), 81);
    const plan = planRpcLayout(shape70, d, s, hosts);
    expect(plan.verdict).toBe("fits");
    expect(plan.splitKind).toBe("balanced");
    expect(plan.split).not.toEqual(byFree);
    expect(plan.split[0]).toBeLessThan(byFree[0]!);
    for (const l of plan.devices) expect(l.total).toBeLessThanOrEqual(l.device.freeBytes);
  });
});

describe("Mamba boundaries under pipeline parallelism", () => {
  const shapes = loadAllShapes();
  const mamba = shapeOfEntry(shapes["mamba-130m"]!);
  const granite = shapeOfEntry(shapes["granite-4.0-h-tiny"]!);
  const s = { ...DEFAULT_RUN_SETTINGS, ctx: 2048, nBatch: 512, nUbatch: 512 };
  it("the next device holds the strided z view, the previous one the contiguous z and a hidden state, in every copy", () => {
    const [a, b, c] = mambaBoundaryExtra(mamba, s, [0, 9, 17], [9, 8, 7]);
    const zView = (1536 + 511 * 3072) * 4;
    const back = SCHED_COPIES * 1536 * 512 * 4 + 768 * 512 * 4;
    expect([a, b, c]).toEqual([back, SCHED_COPIES * zView + back, SCHED_COPIES * zView]);
  });
  it("none where an attention layer or a MoE layer meets the boundary, or a device has no layers", () => {
    // granite-4.0-h-tiny: attention at layers 5, 15, 25, 35, every FFN a mixture of experts
    expect(mambaBoundaryExtra(granite, s, [0, 21], [21, 19])).toEqual([0, 0]);
    expect(mambaBoundaryExtra(granite, s, [0, 16], [16, 24])).toEqual([0, 0]);
    expect(mambaBoundaryExtra(mamba, s, [0, 24], [24, 0])).toEqual([0, 0]);
  });
});

describe("network cost", () => {
  it("a hop between two helpers crosses the link twice (via the main host); logits come back from a helper", () => {
    const d = detail();
    const hosts = [host("cpu, ram=32", 0), host("RTX 4090@b", 1), host("RTX 4090@c", 2), host("RTX 4090@e", 3)];
    const plan = planRpcLayout(shape70, d, settings, hosts);
    expect(plan.verdict).toBe("fits");
    const link = customLink(1, 0.5);
    const c = networkCost(shape70, plan, link, 1, 1, 4096, true);
    // main → b (1), b → c (2), c → e (2), e → main with the logits (1)
    expect(c.crossings).toBe(6);
    const hidden = shape70.nEmbd * 4;
    const mask = 4096 * 2;
    expect(c.bytes).toBe(5 * hidden + 3 * mask + shape70.nVocab * 4);
    expect(c.seconds).toBeCloseTo(6 * 0.0005 + c.bytes / (1e9 / 8), 9);
  });
  it("a faster link never slows a plan, and a slower round trip always costs decode speed", () => {
    const hosts = [host("RTX 3090", 0), host("RTX 3090@b", 1), host("RTX 3090@c", 2)];
    const base = { shape: shape70, quant: "Q4_K_M" as const, settings, hosts, sizer };
    const slow = adviseRpc({ ...base, link: customLink(1, 5) }).best;
    const lan = adviseRpc({ ...base, link: linkPreset("1gbe") }).best;
    const fast = adviseRpc({ ...base, link: linkPreset("100gbe") }).best;
    expect(slow.speed[0]!.decodeTps).toBeLessThan(lan.speed[0]!.decodeTps);
    expect(lan.speed[0]!.decodeTps).toBeLessThanOrEqual(fast.speed[0]!.decodeTps);
    expect(lan.speed[0]!.prefillTps).toBeLessThan(fast.speed[0]!.prefillTps);
  });
});

describe("prompt overlap under pipeline parallelism", () => {
  const d = detail();
  const full = planRpcLayout(shape70, d, settings, [host("RTX 3090", 0), host("RTX 3090@b", 1)]);
  const partial = planRpcLayout(shape70, d, settings, [host("RTX 3090", 0)]);
  it("llama.cpp turns it on with every layer offloaded to two or more devices, not with layers left on the CPU or one device", () => {
    expect(full.pipeline).toBe(true);
    expect(partial.pipeline).toBe(false);
    const one = planRpcLayout(shapeOf(findModel("llama-3.1-8b-instruct")!), estimateMemory(shapeOf(findModel("llama-3.1-8b-instruct")!), "Q4_K_M", settings, "cpu", sizer.weights(shapeOf(findModel("llama-3.1-8b-instruct")!), "Q4_K_M")), settings, [host("RTX 4090", 0)]);
    expect(one.pipeline).toBe(false);
  });
  it("n micro-batches through equal stages take n + stages − 1 beats; without it, n passes", () => {
    expect(promptSeconds([1, 1], 0, 0, 8, true)).toBe(9);
    expect(promptSeconds([1, 1], 0, 0, 8, false)).toBe(16);
    // the slowest stage, or the main thread's copies, set the beat
    expect(promptSeconds([1, 3], 0, 0, 4, true)).toBe(4 + 3 * 3);
    expect(promptSeconds([1, 1], 2, 0, 4, true)).toBe(2 + 3 * 2);
    expect(promptSeconds([1, 1], 0, 0.5, 1, true)).toBe(2.5);
  });
  it("a long prompt runs faster per token than one micro-batch when the plan is pipelined; a decoded token does not", () => {
    const inp = speedInputs(shape70, typedTensors(shape70, "Q4_K_M"), "Q4_K_M", "f16", "f16");
    const [short, long] = rpcSpeed(inp, full, [host("RTX 3090", 0), host("RTX 3090@b", 1)], linkPreset("10gbe"), [512, 8192], 512, true);
    const sequential = rpcSpeed(inp, { ...full, pipeline: false }, [host("RTX 3090", 0), host("RTX 3090@b", 1)], linkPreset("10gbe"), [512, 8192], 512, true);
    expect(short!.prefillTps).toBeCloseTo(sequential[0]!.prefillTps, 6);
    // two near-equal stages, 16 micro-batches: close to twice the sequential rate
    expect(long!.prefillTps / sequential[1]!.prefillTps).toBeGreaterThan(1.6);
    expect(long!.prefillTps / sequential[1]!.prefillTps).toBeLessThan(2);
    expect(long!.decodeTps).toBe(sequential[1]!.decodeTps);
  });
  it("measured through two ggml-rpc-servers: with it on, both servers have work at once, never more often than the model's ideal pipeline", () => {
    const text = readFileSync(new URL("../../data/cluster/rpc-prefill-overlap.csv", import.meta.url), "utf8").trim().split(/\r?\n/);
    const keys = text[0]!.split(",");
    const rows = text.slice(1).map((l) => Object.fromEntries(l.split(",").map((v, i) => [keys[i], v])));
    const on = rows.filter((r) => r.pipeline === "1");
    expect(on.length).toBeGreaterThanOrEqual(2);
    for (const r of on) {
      const n = Number(r.prompt_tokens) / Number(r.n_ubatch);
      // two equal stages: both busy for n − 1 of the n + 1 beats
      const ideal = (n - 1) / (n + 1);
      expect(Number(r.overlap), r.run).toBeGreaterThan(0.5 * ideal);
      expect(Number(r.overlap), r.run).toBeLessThanOrEqual(ideal + 0.05);
    }
  });
});

describe("host specs", () => {
  it("reads counts, several boards, RAM and an address", () => {
    expect(parseHostSpec("2x RTX 3090 + RTX 4090, ram=128@10.0.0.5")).toEqual({ gpus: ["RTX 3090", "RTX 3090", "RTX 4090"], ramGb: 128, address: "10.0.0.5" });
    expect(parseHostSpec("cpu, ram=64")).toEqual({ gpus: [], ramGb: 64 });
  });
  it("bad specs fail with one line that says what to write", () => {
    expect(() => parseHostSpec("RTX 3090, vram=24")).toThrow(/unknown option "vram=24"/);
    expect(() => parseHostSpec("")).toThrow(LlmFitError);
    expect(() => host("RTX 9999 Hyper", 0)).toThrow(LlmFitError);
  });
});

const PlanJson = z.object({
  quant: z.string(),
  rpc: z.object({
    best: z.object({
      verdict: z.enum(["fits", "partial", "no"]),
      hosts: z.array(z.object({ name: z.string(), origin: z.string() })),
      devices: z.array(z.object({ label: z.string(), layers: z.number(), total: z.number(), free: z.number() })),
      speed: z.array(z.object({ ctx: z.number(), decode_tps: z.number(), decode_crossings: z.number() })),
      commands: z.array(z.object({ host: z.string(), role: z.enum(["main", "rpc"]), lines: z.array(z.string()) })),
    }),
  }),
});

async function dualRtx3090Profile(): Promise<unknown> {
  const hw = await detectHardware({
    cacheDir: false, si: fakeSi, now: () => new Date("2026-01-01T00:00:00Z"), platform: "linux",
    fs: mapFs({ "/proc/meminfo": fixture("ci-epyc-2vcpu", "meminfo.txt"), "/proc/cpuinfo": fixture("ci-epyc-2vcpu", "cpuinfo.txt") }),
    os: fakeOs(128 * GiB),
    exec: fakeExec({
      [["nvidia-smi", ...NVIDIA_SMI_ARGS].join(" ")]: fixture("dual-rtx3090-server", "nvidia-smi-query.txt"),
      "nvidia-smi": fixture("dual-rtx3090-server", "nvidia-smi.txt"),
    }),
  });
  return JSON.parse(JSON.stringify(hw));
}

describe("llmfit fit MODEL --host …", () => {
  it("prints the plan: per-host memory, speed with the network share, the commands of every host", async () => {
    const { code, out } = await fit(["llama-3.3-70b-instruct", "--host", "RTX 3090@10.0.0.1", "--host", "RTX 3090@10.0.0.2", "--host", "Apple M2 Max 64GB@10.0.0.3", "--ctx", "8192"]);
    expect(code).toBe(0);
    expect(out).toContain("best plan: 2 of 3 hosts");
    expect(out).toMatch(/10\.0\.0\.2:50052 CUDA0 GeForce RTX 3090: layers 0–40 — weights .* of 24\.0 GiB/);
    expect(out).toMatch(/main CUDA0 GeForce RTX 3090: layers 41–79 \+ output/);
    expect(out).toMatch(/tok\/s decode, of which network [0-9.]+ ms\/token \(2 link crossings/);
    expect(out).toContain("build/bin/ggml-rpc-server -H 10.0.0.2 -p 50052 -c");
    expect(out).toContain("build/bin/llama-server -hf bartowski/Llama-3.3-70B-Instruct-GGUF:Q4_K_M --rpc 10.0.0.2:50052 -ngl 81 -ts 41,40 -c 8192");
    expect(out).toMatch(/with one more host \(10\.0\.0\.3\): .*fits/);
    expect(out).toMatch(/with a faster link \(2\.5gbe\)/);
    // where the network figures come from, said plainly
    expect(out).toContain("the network figures rest on published line rates and a typical round trip only, not on a measured network");
    expect(out).toContain("prompt: pipeline parallelism (every layer offloaded to 2 devices)");
    const given = await fit(["llama-3.3-70b-instruct", "--host", "RTX 3090", "--host", "RTX 3090@b", "--link-gbps", "9.4", "--link-rtt-ms", "0.1"]);
    expect(given.out).toContain("the network figures are the ones given (9.4 Gbit/s, 0.10 ms round trip)");
    expect(given.out).not.toContain("published line rates");
  });
  it("--json, with a host whose detect --json is served on loopback and one saved to a file", async () => {
    const profile = await dualRtx3090Profile();
    const server = await startServer({ "GET /detect.json": json(profile) });
    const dir = mkdtempSync(join(tmpdir(), "llmfit-cluster-"));
    const file = join(dir, "box.json");
    writeFileSync(file, JSON.stringify(profile));
    try {
      const { code, out } = await fit(["llama-3.3-70b-instruct", "--host", "RTX 4090", "--host", `${server.url}/detect.json`, "--host", file, "--link", "10gbe", "--json"]);
      expect(code).toBe(0);
      const j = PlanJson.parse(JSON.parse(out));
      expect(server.requests.map((r) => r.path)).toEqual(["/detect.json"]);
      const best = j.rpc.best;
      expect(best.verdict).toBe("fits");
      // the served box: its two GPUs as two devices of one helper, each within its detected free VRAM (9237 and 24237 MiB)
      const served = best.devices.filter((d) => d.label.startsWith("127.0.0.1:50052"));
      for (const d of best.devices) expect(d.total).toBeLessThanOrEqual(d.free);
      expect(served.map((d) => d.free)).toEqual([9237 * 1024 ** 2, 24237 * 1024 ** 2]);
      expect(best.hosts.map((h) => h.origin)).toContain(`detect --json from ${server.url}/detect.json`);
      expect(best.commands.at(-1)?.role).toBe("main");
    } finally {
      await server.close();
    }
  });
  it("a cluster file: hosts, addresses and the link", async () => {
    const dir = mkdtempSync(join(tmpdir(), "llmfit-cluster-"));
    const file = join(dir, "cluster.json");
    writeFileSync(file, JSON.stringify({ link: { gbps: 9.4, rttMs: 0.1 }, hosts: [{ spec: "RTX 4090", address: "10.1.0.1" }, { spec: "RTX 4090", address: "10.1.0.2", name: "gpu2" }] }));
    const { code, out } = await fit(["llama-3.3-70b-instruct", "--cluster", file]);
    expect(code).toBe(0);
    expect(out).toContain("9.4 Gbit/s TCP, 0.1 ms round trip (given)");
    expect(out).toContain("--rpc 10.1.0.2:50052");
    expect(out).toContain("on gpu2 (helper):");
    // the same cluster as YAML gives the same plan
    const yaml = join(dir, "cluster.yaml");
    writeFileSync(yaml, ["# two 4090 boxes", "link: { gbps: 9.4, rttMs: 0.1 }", "hosts:", "  - spec: RTX 4090", "    address: 10.1.0.1", "  - spec: RTX 4090", "    address: 10.1.0.2", "    name: gpu2", ""].join("\n"));
    const fromYaml = await fit(["llama-3.3-70b-instruct", "--cluster", yaml]);
    expect(fromYaml.code).toBe(0);
    expect(fromYaml.out).toBe(out);
    writeFileSync(yaml, "hosts:\n  - spec: RTX 4090\n\t  address: x\n");
    await expect(fit(["llama-3.3-70b-instruct", "--cluster", yaml])).rejects.toThrow(/cluster\.yaml is not JSON or YAML: .*line 3/);
  });
  it("bad cluster input is one line with the fix", async () => {
    await expect(fit(["llama-3.3-70b-instruct", "--host", "RTX 3090", "--link", "carrier-pigeon"])).rejects.toThrow(/unknown link "carrier-pigeon"/);
    await expect(fit(["llama-3.3-70b-instruct", "--host", "RTX 3090", "--link-gbps", "10"])).rejects.toThrow(/go together/);
    await expect(fit(["llama-3.3-70b-instruct", "--host", "RTX 3090", "--gpu", "RTX 4090"])).rejects.toThrow(/describe each machine in its --host/);
    const dir = mkdtempSync(join(tmpdir(), "llmfit-cluster-"));
    const file = join(dir, "c.json");
    writeFileSync(file, JSON.stringify({ hosts: [{ spec: "RTX 3090", profile: "x.json" }] }));
    await expect(fit(["llama-3.3-70b-instruct", "--cluster", file])).rejects.toThrow(/exactly one of "spec", "profile" or "hardware"/);
    const server = await startServer({ "GET /detect.json": json({ not: "a profile" }) });
    try {
      await expect(fit(["llama-3.3-70b-instruct", "--host", `${server.url}/detect.json`])).rejects.toThrow(LlmFitError);
    } finally {
      await server.close();
    }
  });
});
