// The RPC plan against llama.cpp itself: every run in data/cluster/rpc-groundtruth.csv (sparse GGUFs
// loaded through ggml-rpc-servers on 127.0.0.1, scripts/cluster/rpc-groundtruth.mjs) is planned here
// for CPU hosts whose free memory is in the run's --tensor-split ratio, and each device's figures
// must match the buffers llama.cpp allocated on it within the bounds of single-machine sizing:
// the total within 3 %, each component within 5 % or 16 MiB. The split itself must be exact.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { simulatedHost, type ClusterHost } from "../../src/cluster/hosts.js";
import { planRpcLayout, rpcLayoutAt } from "../../src/cluster/rpc-plan.js";
import { estimateMemory } from "../../src/sizing/memory.js";
import { parseQuantName } from "../../src/sizing/quant-mix.js";
import { DEFAULT_RUN_SETTINGS } from "../../src/sizing/types.js";
import { loadAllShapes, MIB, parseCsv, REPO_ROOT, shapeOfEntry } from "../sizing/groundtruth-data.js";

const rows = parseCsv(readFileSync(join(REPO_ROOT, "data/cluster/rpc-groundtruth.csv"), "utf8"));
const shapes = loadAllShapes();
const runs = [...new Set(rows.map((r) => r["run"] ?? ""))];

function within(ours: number, truthMib: number, pct: number, slackMib: number): boolean {
  const diff = Math.abs(ours / MIB - truthMib);
  return diff <= slackMib || diff <= (truthMib * pct) / 100;
}

const num = (r: Record<string, string>, k: string): number => Number(r[k] ?? "0");

function setup(devRows: Record<string, string>[], first: Record<string, string>) {
  const entry = shapes[first["model_id"] ?? ""];
  if (!entry) throw new Error(`no shape for ${first["model_id"]}`);
  const shape = shapeOfEntry(entry);
  const quant = parseQuantName(first["weights"] ?? "");
  const settings = { ...DEFAULT_RUN_SETTINGS, ctx: num(first, "ctx"), nBatch: 512, nUbatch: num(first, "n_ubatch"), nSeq: 1, flashAttn: "auto" as const };
  const d = estimateMemory(shape, quant, settings, "cpu");
  const servers = num(first, "servers");
  const ts = (first["ts"] ?? "") === "" ? Array.from({ length: servers }, () => 1) : (first["ts"] ?? "").split(":").map(Number);
  // free memory in the split's ratio: llama.cpp's default split by free memory is then the run's split
  const hosts: ClusterHost[] = [
    simulatedHost("cpu, ram=64", 0),
    ...ts.map((t, i) => simulatedHost(`cpu, ram=${8 * t}@127.0.0.1:${i}`, i + 1)),
  ];
  const rpc = devRows.filter((r) => r["device"] !== "main");
  return { shape, d, settings, hosts, ts, rpc, ngl: num(first, "ngl") };
}

describe("RPC plan matches the buffers llama.cpp allocates per RPC device", () => {
  it("has ground truth of several architectures, 2 and 3 devices, full and partial offload", () => {
    expect(new Set(rows.map((r) => r["arch"])).size).toBeGreaterThanOrEqual(4);
    expect(new Set(rows.map((r) => r["servers"]))).toEqual(new Set(["2", "3"]));
    expect(rows.some((r) => r["device"] === "main" && num(r, "layers") > 0)).toBe(true);
  });
  it("has Mamba and Mamba-2 boundaries under pipeline parallelism: a middle device, another micro-batch, a MoE hybrid", () => {
    const piped = rows.filter((r) => num(r, "ngl") >= 99);
    expect(new Set(piped.filter((r) => ["mamba", "mamba2", "granitehybrid"].includes(r["arch"] ?? "")).map((r) => r["arch"]))).toEqual(new Set(["mamba", "mamba2", "granitehybrid"]));
    expect(piped.some((r) => r["arch"] === "mamba" && r["servers"] === "3")).toBe(true);
    expect(piped.some((r) => r["arch"] === "mamba" && r["n_ubatch"] !== "512")).toBe(true);
  });
  for (const run of runs) {
    const devRows = rows.filter((r) => r["run"] === run);
    const first = devRows[0];
    if (!first) continue;
    const label = `${run}: ${first["model_id"]} ${first["weights"]} ctx=${first["ctx"]} ngl=${first["ngl"]} ts=${first["ts"] || "default"}`;
    it(label, () => {
      const { shape, d, settings, hosts, ts, rpc, ngl } = setup(devRows, first);
      const plan = rpcLayoutAt(shape, d, settings, hosts, ngl, ts);
      const bad: string[] = [];
      // the split: layers and the output on the same devices as llama.cpp put them
      rpc.forEach((r, i) => {
        const l = plan.devices[i];
        if (!l) return void bad.push(`${r["device"]}: not in the plan`);
        if (l.layers !== num(r, "layers") || l.output !== (r["output"] === "1")) {
          bad.push(`${r["device"]}: plan ${l.layers}${l.output ? "+out" : ""} layers, llama.cpp ${r["layers"]}${r["output"] === "1" ? "+out" : ""}`);
        }
        const parts: [string, number, number][] = [
          ["model", l.weights, num(r, "model_mib")],
          ["kv", l.kv, num(r, "kv_mib")],
          ["rs", l.recurrent, num(r, "rs_mib")],
          ["compute", l.compute, num(r, "compute_mib")],
        ];
        for (const [n, ours, truth] of parts) if (!within(ours, truth, 5, 16)) bad.push(`${r["device"]} ${n}: plan ${(ours / MIB).toFixed(2)} MiB, llama.cpp ${truth}`);
        const truthTotal = parts.reduce((a, p) => a + p[2], 0);
        if (!within(l.total - l.overhead, truthTotal, 3, 0)) bad.push(`${r["device"]} total: plan ${((l.total - l.overhead) / MIB).toFixed(2)} MiB, llama.cpp ${truthTotal.toFixed(2)}`);
      });
      const m = devRows.find((r) => r["device"] === "main");
      if (m) {
        if (plan.main.layers !== num(m, "layers")) bad.push(`main: plan ${plan.main.layers} CPU layers, llama.cpp ${m["layers"]}`);
        const parts: [string, number, number][] = [
          ["model", plan.main.weights, num(m, "model_mib")],
          ["kv", plan.main.kv, num(m, "kv_mib")],
          ["rs", plan.main.recurrent, num(m, "rs_mib")],
          ["compute", plan.main.compute, num(m, "compute_mib")],
          ["output", plan.main.output, num(m, "output_mib")],
        ];
        for (const [n, ours, truth] of parts) if (!within(ours, truth, 5, 16)) bad.push(`main ${n}: plan ${(ours / MIB).toFixed(2)} MiB, llama.cpp ${truth}`);
        const truthTotal = parts.reduce((a, p) => a + p[2], 0);
        if (!within(plan.main.total, truthTotal, 3, 0)) bad.push(`main total: plan ${(plan.main.total / MIB).toFixed(2)} MiB, llama.cpp ${truthTotal.toFixed(2)}`);
      }
      expect(bad, `${label}\n${bad.join("\n")}`).toEqual([]);
    });
    if (num(first, "ngl") >= 99) {
      it(`${run}: the plan itself chooses this split (all layers, llama.cpp's default split by free memory)`, () => {
        const { shape, d, settings, hosts, rpc } = setup(devRows, first);
        const plan = planRpcLayout(shape, d, settings, hosts);
        expect(plan.ngl).toBe(shape.layers.length + 1);
        expect(plan.splitKind).toBe("default");
        expect(plan.devices.map((l) => `${l.layers}${l.output ? "+out" : ""}`)).toEqual(rpc.map((r) => `${r["layers"]}${r["output"] === "1" ? "+out" : ""}`));
      });
    }
  }
});
