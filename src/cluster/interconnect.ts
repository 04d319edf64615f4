// How the GPUs inside one host talk to each other: what a tensor-parallel all-reduce costs. vLLM
// runs two all-reduces per decoder layer (after the attention output projection and after the MLP
// down projection, vllm/model_executor/layers/linear.py RowParallelLinear), each of the hidden
// state of every token in the step. Bandwidths are the vendors' published per-direction figures;
// the small-message latency of NVLink is a published measurement, that of PCIe an estimate.
import type { Gpu } from "../hardware/types.js";
import { gpuSpecById, matchGpu } from "../hardware/match.js";

export type InterconnectKind = "nvlink" | "pcie";

export interface Interconnect {
  readonly kind: InterconnectKind;
  /** Short name for the plan: "NVLink 4", "PCIe 4.0 x16". */
  readonly name: string;
  /** Bytes per second one GPU sends in one direction. */
  readonly bytesPerSec: number;
  /** Seconds an all-reduce of a few KiB takes (launch, synchronisation, one hop). */
  readonly allReduceLatencySec: number;
  /** Where the figures come from, in words. */
  readonly note: string;
}

/**
 * NVLink per GPU, both directions together: 3rd generation (A100) 600 GB/s, 4th (H100, H200)
 * 900 GB/s, 5th (B200) 1.8 TB/s (https://www.nvidia.com/en-us/data-center/nvlink/); half of it
 * each way. vLLM's custom all-reduce on H100 NVLink takes 8.5–9.5 µs for 0.5–32 KiB at TP 2 and 4,
 * 10–12 µs at TP 8, measured without CUDA graphs (the table "vllm" of
 * https://github.com/sgl-project/sglang/pull/2904): 9 µs here, for every NVLink generation.
 */
const NVLINK: readonly { readonly gen: number; readonly re: RegExp; readonly gbps: number }[] = [
  { gen: 5, re: /\bb(100|200|300)\b|gb(200|300)/i, gbps: 1800 },
  { gen: 4, re: /\bh(100|200|800)\b.*sxm/i, gbps: 900 },
  { gen: 3, re: /\ba(100|800)\b.*sxm/i, gbps: 600 },
];
const NVLINK_ALLREDUCE_SEC = 9e-6;

/**
 * PCIe cards joined by NVLink bridges. NVIDIA's spec tables: H100 NVL "NVIDIA NVLink: 600GB/s"
 * (https://www.nvidia.com/en-us/data-center/h100/, a pair of cards with three bridges), H200 NVL
 * "2- or 4-way NVIDIA NVLink bridge: 900GB/s per GPU" (https://www.nvidia.com/en-us/data-center/h200/),
 * both fourth-generation NVLink and PCIe Gen5 besides. A bridge joins `domain` cards in slot order
 * (GPUs 0–1, 2–3 … or 0–3, 4–7); the H200 NVL is taken as 4-way, the larger of its two bridges. A
 * tensor-parallel group inside one domain all-reduces over NVLink; one that spans domains crosses
 * PCIe between them, which bounds the ring.
 */
const NVLINK_BRIDGED: readonly { readonly re: RegExp; readonly gbps: number; readonly domain: number }[] = [
  { re: /\bh200 nvl\b/i, gbps: 900, domain: 4 },
  { re: /\bh100 nvl\b/i, gbps: 600, domain: 2 },
];

/**
 * PCIe x16 per direction: 4.0 at 16 GT/s, 5.0 at 32 GT/s, 128b/130b coding: 31.5 and 63 GB/s
 * (PCI-SIG, https://pcisig.com/specifications). Consumer GeForce cards have no peer-to-peer path,
 * so NCCL stages every all-reduce through host memory: ~25 µs for a small message is an estimate
 * (not measured here), and vLLM's custom all-reduce is off without P2P or NVLink.
 */
const PCIE_GBPS: Readonly<Record<number, number>> = { 3: 15.75, 4: 31.5, 5: 63 };
const PCIE_ALLREDUCE_SEC = 25e-6;

function specName(g: Gpu): string {
  const spec = (g.specId !== undefined ? gpuSpecById(g.specId) : undefined) ?? matchGpu(g.name)?.spec;
  return spec?.name ?? g.name;
}

/** The PCIe generation and width: what nvidia-smi reported, else the card's generation (5.0 for Blackwell and H100 PCIe parts, 4.0 otherwise). */
function pcieOf(g: Gpu): { gen: number; width: number } {
  const m = g.pcie ? /PCIe\s*(\d)(?:\.0)?\s*x(\d+)/i.exec(g.pcie) : null;
  if (m) return { gen: Number(m[1]), width: Number(m[2]) };
  const name = specName(g);
  return { gen: /RTX 50\d\d|RTX PRO \d000 Blackwell|H100 PCIe|H100 NVL|H200 NVL|\bB\d00\b/i.test(name) ? 5 : 4, width: 16 };
}

/** The NVLink bridge domain every GPU of `gpus` shares, when they do: H100 NVL pairs, H200 NVL fours. */
function bridgeDomain(gpus: readonly Gpu[]): { gbps: number; domain: number } | undefined {
  const kinds = gpus.map((g) => NVLINK_BRIDGED.find((b) => b.re.test(specName(g))));
  const first = kinds[0];
  if (!first || gpus.length < 2 || !kinds.every((k) => k === first)) return undefined;
  const group = (g: Gpu): number => Math.floor(g.index / first.domain);
  const g0 = gpus[0];
  return g0 && gpus.every((g) => group(g) === group(g0)) ? first : undefined;
}

/**
 * The link between the GPUs of one host that vLLM's tensor parallelism uses: NVLink when every GPU
 * is an SXM part of one generation or all sit in one NVLink bridge domain (H100 NVL, H200 NVL), else PCIe.
 */
export function interconnectOf(gpus: readonly Gpu[]): Interconnect {
  const gens = gpus.map((g) => NVLINK.find((n) => n.re.test(specName(g))));
  const first = gens[0];
  if (first && gens.every((n) => n?.gen === first.gen)) {
    return {
      kind: "nvlink",
      name: `NVLink ${first.gen}`,
      bytesPerSec: (first.gbps / 2) * 1e9,
      allReduceLatencySec: NVLINK_ALLREDUCE_SEC,
      note: `NVLink ${first.gen}: ${first.gbps / 2} GB/s each way (NVIDIA), all-reduce ${NVLINK_ALLREDUCE_SEC * 1e6} µs (published, H100)`,
    };
  }
  const bridge = bridgeDomain(gpus);
  if (bridge) {
    return {
      kind: "nvlink",
      name: `NVLink 4 bridge (${bridge.domain}-way)`,
      bytesPerSec: (bridge.gbps / 2) * 1e9,
      allReduceLatencySec: NVLINK_ALLREDUCE_SEC,
      note: `NVLink 4 bridge, ${bridge.domain}-way: ${bridge.gbps / 2} GB/s each way (NVIDIA), all-reduce ${NVLINK_ALLREDUCE_SEC * 1e6} µs (published, H100 SXM)`,
    };
  }
  // the slowest GPU's link bounds a ring
  const links = gpus.map(pcieOf);
  const slow = links.reduce((a, l) => ((PCIE_GBPS[l.gen] ?? 31.5) * l.width < (PCIE_GBPS[a.gen] ?? 31.5) * a.width ? l : a), links[0] ?? { gen: 4, width: 16 });
  const gbps = ((PCIE_GBPS[slow.gen] ?? 31.5) * slow.width) / 16;
  return {
    kind: "pcie",
    name: `PCIe ${slow.gen}.0 x${slow.width}`,
    bytesPerSec: gbps * 1e9,
    allReduceLatencySec: PCIE_ALLREDUCE_SEC,
    note: `PCIe ${slow.gen}.0 x${slow.width}: ${gbps} GB/s each way (PCI-SIG), all-reduce ${PCIE_ALLREDUCE_SEC * 1e6} µs (estimate)`,
  };
}

/** An interconnect by name, for published rows that say what they ran on: "nvlink3", "nvlink4", "pcie4", "pcie5". */
export function interconnectNamed(name: string): Interconnect {
  const m = /^(nvlink|pcie)(\d)$/i.exec(name.trim());
  if (!m) throw new Error(`unknown interconnect "${name}"`);
  const gen = Number(m[2]);
  if (m[1]?.toLowerCase() === "nvlink") {
    const n = NVLINK.find((x) => x.gen === gen);
    if (!n) throw new Error(`unknown NVLink generation ${gen}`);
    return { kind: "nvlink", name: `NVLink ${gen}`, bytesPerSec: (n.gbps / 2) * 1e9, allReduceLatencySec: NVLINK_ALLREDUCE_SEC, note: `NVLink ${gen}` };
  }
  const gbps = PCIE_GBPS[gen];
  if (gbps === undefined) throw new Error(`unknown PCIe generation ${gen}`);
  return { kind: "pcie", name: `PCIe ${gen}.0 x16`, bytesPerSec: gbps * 1e9, allReduceLatencySec: PCIE_ALLREDUCE_SEC, note: `PCIe ${gen}.0 x16` };
}

/**
 * Seconds one all-reduce of `bytes` (each rank's full tensor) takes over `tp` GPUs: the latency,
 * plus a ring's 2 (tp − 1) / tp of the tensor through each GPU's link (NCCL's bus-bandwidth model).
 */
export function allReduceSeconds(ic: Interconnect, tp: number, bytes: number): number {
  if (tp <= 1) return 0;
  return ic.allReduceLatencySec + ((2 * (tp - 1)) / tp) * (bytes / ic.bytesPerSec);
}
