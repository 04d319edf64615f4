// A llama.cpp RPC plan: one llama-server on the main host, a ggml-rpc-server on every other host,
// and the layers split over all their devices the way llama.cpp splits them
// (src/llama.cpp, src/llama-model.cpp of the llama.cpp that node-llama-cpp ships):
// - the device list is the RPC servers' devices first, in --rpc order, then the main host's GPUs;
//   the main host's CPU is not in the split;
// - -ngl N offloads the last N of the n_layer + 1 "layers" (the +1 is the output layer), so the
//   output goes to the last device and the first n_layer + 1 − N layers stay on the main CPU;
// - offloaded layer i goes to the first device whose cumulative share of --tensor-split exceeds
//   i / N (std::upper_bound); with no --tensor-split the shares are each device's free memory;
// - the token embedding stays on the main host's CPU, with the logits buffer (a tied embedding is
//   loaded again on the output device); each layer's KV cache lives with the layer; each device
//   holds a compute buffer, larger under pipeline parallelism (every layer offloaded to two or more
//   devices: see pipelineExtra).
// Every byte comes from the single-machine sizing core (src/sizing/), per layer; the per-device
// figures are checked against llama.cpp's own buffers in data/cluster/rpc-groundtruth.csv.
import type { Backend, Gpu } from "../hardware/types.js";
import type { ModelShape } from "../models/shape.js";
import { hostComputeBytes } from "../sizing/compute-buffer.js";
import { kvBytesOfLastLayers } from "../sizing/kv-cache.js";
import { layerIsMoe } from "../sizing/tensors.js";
import type { MemoryDetail } from "../sizing/memory.js";
import { deviceOverheadBytes } from "../sizing/overhead.js";
import { gpusWithFreeVram } from "../sizing/placement.js";
import type { RunSettings } from "../sizing/types.js";
import type { ClusterHost } from "./hosts.js";

export const RPC_PORT = 50052; // ggml-rpc-server's default --port

export interface RpcDevice {
  /** Index into the plan's hosts (0 = main). */
  readonly host: number;
  /** How llama.cpp lists it: "10.0.0.2:50052 CUDA0", "main CUDA0". */
  readonly label: string;
  readonly gpu?: Gpu;
  readonly backend: Backend;
  readonly freeBytes: number;
  readonly remote: boolean;
}

export interface DeviceLoad {
  readonly device: RpcDevice;
  /** First layer index it runs, and how many layers. */
  readonly firstLayer: number;
  readonly layers: number;
  readonly output: boolean;
  readonly weights: number;
  readonly kv: number;
  readonly recurrent: number;
  readonly compute: number;
  readonly overhead: number;
  readonly total: number;
}

export interface MainHostLoad {
  /** Layers left on the main host's CPU (-ngl below n_layer + 1). */
  readonly layers: number;
  /** Token embedding + CPU layers' weights. */
  readonly weights: number;
  readonly kv: number;
  readonly recurrent: number;
  readonly compute: number;
  /** The logits buffer (llama_context's output buffer). */
  readonly output: number;
  readonly total: number;
  /** RAM it may use: free RAM, less what its own GPU takes on unified memory. */
  readonly freeBytes: number;
}

export type RpcVerdict = "fits" | "partial" | "no";

export interface RpcLayout {
  readonly devices: readonly DeviceLoad[];
  readonly main: MainHostLoad;
  /** -ngl: offloaded "layers" counting the output layer. */
  readonly ngl: number;
  /** --tensor-split in device order (layer counts, the output counted on the last device). */
  readonly split: readonly number[];
  /** "default": llama.cpp's own split by free memory fits; "balanced": an explicit split was needed. */
  readonly splitKind: "default" | "balanced";
  readonly verdict: RpcVerdict;
  readonly reason: string;
  /** llama.cpp runs it with pipeline parallelism (pipelineParallel): more compute buffer, and a prompt's micro-batches overlap across devices. */
  readonly pipeline: boolean;
}

/**
 * Whether llama.cpp turns on pipeline parallelism (src/llama-context.cpp): more than one device,
 * every layer and the output offloaded (-ngl > n_layer), the layer split, and every device but the
 * CPU with async compute and events, which the RPC, CUDA, Metal, Vulkan and SYCL backends of this
 * llama.cpp all have (their device props).
 */
export function pipelineParallel(nLayer: number, devices: number, ngl: number): boolean {
  return devices > 1 && ngl > nLayer;
}

/** The devices llama.cpp sees, in its order: RPC servers' devices (hosts 1…), then the main host's GPUs. */
export function rpcDevices(hosts: readonly ClusterHost[]): RpcDevice[] {
  const out: RpcDevice[] = [];
  hosts.forEach((h, i) => {
    if (i === 0) return;
    const addr = `${h.address ?? h.name}:${RPC_PORT}`;
    const gpus = gpusWithFreeVram(h.hw);
    if (gpus.length === 0) {
      // ggml-rpc-server falls back to the CPU device, which reports the host's free RAM
      out.push({ host: i, label: `${addr} CPU`, backend: "cpu", freeBytes: h.hw.memory.availableBytes.value, remote: true });
    } else {
      gpus.forEach((g, j) => out.push({ host: i, label: `${addr} ${g.backend.toUpperCase()}${j}`, gpu: g, backend: g.backend, freeBytes: g.vramFreeBytes.value, remote: true }));
    }
  });
  const main = hosts[0];
  if (main) gpusWithFreeVram(main.hw).forEach((g, j) => out.push({ host: 0, label: `main ${g.backend.toUpperCase()}${j}`, gpu: g, backend: g.backend, freeBytes: g.vramFreeBytes.value, remote: false }));
  return out;
}

/** Bytes the last `k` layers need wherever they run: weights, KV cache, recurrent state. */
function lastLayersBytes(d: MemoryDetail, s: RunSettings, k: number): number {
  return (d.weights.suffix[k] ?? 0) + kvBytesOfLastLayers(d.profile, d.kv, s, k) + (d.profile.rsSuffixPerSeq[k] ?? 0) * Math.max(1, s.nSeq);
}

function rangeParts(d: MemoryDetail, s: RunSettings, n: number, first: number, count: number): { weights: number; kv: number; recurrent: number } {
  const a = n - first;
  const b = n - (first + count);
  const w = (d.weights.suffix[a] ?? 0) - (d.weights.suffix[b] ?? 0);
  const kv = kvBytesOfLastLayers(d.profile, d.kv, s, a) - kvBytesOfLastLayers(d.profile, d.kv, s, b);
  const rs = ((d.profile.rsSuffixPerSeq[a] ?? 0) - (d.profile.rsSuffixPerSeq[b] ?? 0)) * Math.max(1, s.nSeq);
  return { weights: w, kv, recurrent: rs };
}

/**
 * llama.cpp's layer → device rule for `ngl` offloaded layers and split weights `shares`: the
 * number of offloaded "layers" (output included) each device gets. Float32 like llama.cpp.
 */
export function splitCounts(shares: readonly number[], ngl: number): number[] {
  const f = Math.fround;
  let sum = f(0);
  const cum = shares.map((x) => (sum = f(sum + f(x))));
  const points = cum.map((c) => f(c / sum));
  const counts = shares.map(() => 0);
  for (let j = 0; j < ngl; j++) {
    const x = f(f(j) / ngl);
    let dev = points.findIndex((p) => p > x);
    if (dev < 0) dev = points.length - 1; // upper_bound past the end: llama.cpp would index out of range; never with shares > 0
    counts[dev] = (counts[dev] ?? 0) + 1;
  }
  return counts;
}

interface Layout {
  readonly devices: DeviceLoad[];
  readonly main: MainHostLoad;
  readonly overflow: number; // index of the first device over its free memory, -1 when none
}

/** ggml's GGML_SCHED_MAX_COPIES: the copies of each graph split's inputs kept under pipeline parallelism. */
export const SCHED_COPIES = 4;

/**
 * Extra compute-buffer bytes of pipeline parallelism. llama.cpp turns it on when the model has
 * more than one device and every layer is offloaded (src/llama-context.cpp; the RPC devices of this
 * llama.cpp have async compute and events), and ggml's scheduler then keeps SCHED_COPIES copies of
 * every split's inputs. Measured through ggml-rpc-servers (data/cluster/rpc-groundtruth.csv): each
 * device's buffer grows by (copies − 1) × (one micro-batch's hidden state + attention masks), the
 * output device's by one mask more, and the main CPU's, where the masks are built, by copies × masks.
 */
function pipelineExtra(shape: ModelShape, d: MemoryDetail, s: RunSettings): { device: number; output: number; main: number } {
  const ub = Math.max(1, Math.min(s.nUbatch, s.nBatch, s.ctx));
  const hidden = shape.nEmbd * ub * 4;
  const hasAttention = shape.layers.some((l) => l.mixer === "attention");
  const maskCells = hasAttention ? d.kv.cells + (d.kv.layersSwa > 0 ? d.kv.cellsSwa : 0) : 0;
  const masks = maskCells * ub * (d.flashAttn ? 2 : 4);
  return { device: (SCHED_COPIES - 1) * (hidden + masks), output: masks, main: SCHED_COPIES * masks };
}

/**
 * llama.cpp architectures whose recurrent layers are built by build_mamba_layer / build_mamba2_layer
 * (src/models/mamba-base.cpp; jamba.cpp, granite-hybrid.cpp and nemotron-h.cpp call them for their
 * Mamba layers). Falcon-H1 also does, but its layers build their attention first (falcon-h1.cpp),
 * which keeps the graph in layer order.
 */
const MAMBA_LAYER_ARCHS = new Set(["mamba", "mamba2", "jamba", "granitehybrid", "nemotron_h"]);

/**
 * Extra compute-buffer bytes where a Mamba layer ends one device's layers and another Mamba layer
 * starts the next device's, under pipeline parallelism. The next layer's build_rs
 * (src/llama-graph.cpp) expands its state reads (on the next device, which holds that layer's state)
 * into the graph before the previous layer's tail is visited, and the tail's first node,
 * ggml_cont(z) (mamba-base.cpp: `ggml_swiglu_split(ctx0, ggml_cont(ctx0, z), y)`), has no weight to
 * pin it, so ggml's scheduler gives it the backend of the node before it (ggml-backend.cpp, "expand
 * gpu down"): the next device. That makes two more split inputs (GGML_SCHED_DEBUG lists them), each
 * kept in SCHED_COPIES copies that ggml-alloc never frees (ggml_backend_sched_split_graph: input
 * copies are allocated first, as outputs):
 * - on the next device, z as a view of the previous layer's in-projection output, copied with that
 *   layout (ggml_dup_tensor_layout): d_inner + (n_ubatch − 1) × the in-projection's width floats;
 * - on the previous device, the contiguous cont(z), d_inner × n_ubatch floats, copied back for the
 *   rest of the tail; that device's buffer measures one micro-batch of hidden state more besides
 *   (mamba-130m at n_ubatch 512/256/128: +1.53, +0.78, +0.40 MiB; mamba-370m +2.04).
 * Measured through ggml-rpc-servers (data/cluster/rpc-groundtruth.csv, mamba and mamba2 runs). Without
 * pipeline parallelism (a single copy, freed after use) the same splits cost at most ~2.5 MiB there.
 */
export function mambaBoundaryExtra(shape: ModelShape, s: RunSettings, firstLayers: readonly number[], layerCounts: readonly number[]): number[] {
  const extra = layerCounts.map(() => 0);
  const ssm = shape.ssm;
  if (!ssm || !MAMBA_LAYER_ARCHS.has(shape.arch)) return extra;
  const ub = Math.max(1, Math.min(s.nUbatch, s.nBatch, s.ctx));
  // ssm_in's output row: Mamba-1 [x, z]; Mamba-2 [z, xBC, dt] (mamba-base.cpp's views)
  const inProj = ssm.nHead > 0 ? 2 * ssm.dInner + 2 * ssm.nGroup * ssm.dState + ssm.nHead : 2 * ssm.dInner;
  const zView = (ssm.dInner + (ub - 1) * inProj) * 4;
  const zCont = ssm.dInner * ub * 4;
  const hidden = shape.nEmbd * ub * 4;
  const isMamba = (il: number): boolean => shape.layers[il]?.mixer === "recurrent";
  let prev = -1;
  layerCounts.forEach((count, i) => {
    if (count <= 0) return;
    const first = firstLayers[i] ?? 0;
    // a mixture-of-experts FFN expands its router early (llama-graph.cpp build_moe_ffn: "call early so
    // that topk-moe can be used"), which puts the whole layer, its Mamba tail too, in the graph in
    // order: granite-4.0-h-tiny's boundaries show no such inputs
    if (prev >= 0 && isMamba(first - 1) && !layerIsMoe(shape, first - 1) && isMamba(first)) {
      extra[i] = (extra[i] ?? 0) + SCHED_COPIES * zView;
      extra[prev] = (extra[prev] ?? 0) + SCHED_COPIES * zCont + hidden;
    }
    prev = i;
  });
  return extra;
}

function layoutFor(shape: ModelShape, d: MemoryDetail, s: RunSettings, hosts: readonly ClusterHost[], devs: readonly RpcDevice[], ngl: number, counts: readonly number[]): Layout {
  const n = shape.layers.length;
  const pipelined = pipelineParallel(n, devs.length, ngl);
  const pipeline = pipelined ? pipelineExtra(shape, d, s) : { device: 0, output: 0, main: 0 };
  const cpuLayers = n + 1 - ngl;
  const firsts: number[] = [];
  const layerCounts: number[] = [];
  counts.reduce((at, c) => {
    firsts.push(at);
    layerCounts.push(Math.max(0, Math.min(c, n - at)));
    return at + c;
  }, cpuLayers);
  const boundary = pipelined ? mambaBoundaryExtra(shape, s, firsts, layerCounts) : counts.map(() => 0);
  let at = cpuLayers; // "layer" index the next device starts at; n is the output layer
  const lastWithUnits = counts.reduce((acc, c, i) => (c > 0 ? i : acc), -1);
  const loads: DeviceLoad[] = [];
  let overflow = -1;
  devs.forEach((dev, i) => {
    const units = counts[i] ?? 0;
    const output = i === lastWithUnits && units > 0;
    const layers = Math.max(0, Math.min(units, n - at));
    const p = rangeParts(d, s, n, at, layers);
    let compute = 0;
    let outputWeights = 0;
    if (units > 0) compute = (output ? Math.max(d.computePeaks.output, d.computePeaks.layer) + pipeline.output : d.computePeaks.layer) + pipeline.device + (boundary[i] ?? 0);
    // tied embeddings: llama.cpp loads token_embd a second time, as the output matrix, into the output
    // device's buffer (llama-model-loader.cpp, TENSOR_DUPLICATED); the main CPU keeps its own copy for get_rows
    if (output) outputWeights = d.weights.output + (shape.tiedEmbeddings ? d.weights.inputEmbd : 0);
    const overhead = units > 0 ? deviceOverheadBytes(dev.backend) : 0;
    const weights = p.weights + outputWeights;
    const total = weights + p.kv + p.recurrent + compute + overhead;
    loads.push({ device: dev, firstLayer: at, layers, output, weights, kv: p.kv, recurrent: p.recurrent, compute, overhead, total });
    if (units > 0 && total > dev.freeBytes && overflow < 0) overflow = i;
    at += units;
  });
  const cpu = rangeParts(d, s, n, 0, Math.min(cpuLayers, n));
  const host = hostComputeBytes({ shape, profile: d.profile, settings: s, flashAttn: d.flashAttn, kv: d.kv });
  const compute = (cpuLayers > 0 ? Math.max(host, d.computePeaks.layer) : host) + pipeline.main;
  const outputOnCpu = ngl === 0;
  const weights = d.weights.inputEmbd + cpu.weights + (outputOnCpu ? d.weights.output : 0);
  const mainHw = hosts[0]?.hw;
  const ram = mainHw?.memory.availableBytes.value ?? 0;
  const mainGpuUse = loads.filter((l) => l.device.host === 0 && l.device.gpu?.unified).reduce((a, l) => a + l.total, 0);
  const main: MainHostLoad = {
    layers: Math.min(cpuLayers, n), weights, kv: cpu.kv, recurrent: cpu.recurrent, compute, output: d.memory.output,
    total: weights + cpu.kv + cpu.recurrent + compute + d.memory.output,
    freeBytes: ram - mainGpuUse,
  };
  return { devices: loads, main, overflow };
}

/**
 * What every device holds for a given -ngl and --tensor-split `shares` (llama.cpp's default split
 * when omitted: each device's free memory): the figures a plan states, for one fixed split.
 */
export function rpcLayoutAt(shape: ModelShape, d: MemoryDetail, s: RunSettings, hosts: readonly ClusterHost[], ngl: number, shares?: readonly number[]): { devices: DeviceLoad[]; main: MainHostLoad; counts: number[] } {
  const devs = rpcDevices(hosts);
  const n = Math.min(ngl, shape.layers.length + 1);
  const counts = splitCounts(shares ?? devs.map((x) => x.freeBytes), n);
  const l = layoutFor(shape, d, s, hosts, devs, n, counts);
  return { devices: l.devices, main: l.main, counts };
}

/** Moves layers off overflowing devices onto the ones with the most room; undefined when none has room. */
function balance(shape: ModelShape, d: MemoryDetail, s: RunSettings, hosts: readonly ClusterHost[], devs: readonly RpcDevice[], ngl: number): { counts: number[]; layout: Layout } | undefined {
  // start from shares of the room left after each device's fixed costs
  const fixed = (dev: RpcDevice): number => deviceOverheadBytes(dev.backend) + d.computePeaks.layer;
  const room = devs.map((dev) => Math.max(0, dev.freeBytes - fixed(dev)));
  if (room.every((r) => r === 0)) return undefined;
  const counts = splitCounts(room.map((r) => Math.max(r, 1)), ngl);
  for (let step = 0; step < 4 * (ngl + devs.length); step++) {
    const layout = layoutFor(shape, d, s, hosts, devs, ngl, counts);
    if (layout.overflow < 0) return { counts, layout };
    const from = layout.overflow;
    let to = -1;
    let best = 0;
    layout.devices.forEach((l, i) => {
      const headroom = l.device.freeBytes - (l.total > 0 ? l.total : fixed(l.device));
      if (i !== from && headroom > best) {
        best = headroom;
        to = i;
      }
    });
    const perLayer = (d.weights.suffix[shape.layers.length] ?? 0) / Math.max(1, shape.layers.length);
    if (to < 0 || best < perLayer || (counts[from] ?? 0) === 0) return undefined;
    counts[from] = (counts[from] ?? 0) - 1;
    counts[to] = (counts[to] ?? 0) + 1;
  }
  return undefined;
}

const gib = (b: number): string => (b / 1024 ** 3).toFixed(1);

function fitsMain(l: Layout): boolean {
  return l.main.total <= l.main.freeBytes;
}

/** Where every layer goes over `hosts` (main first) and what each device holds. */
export function planRpcLayout(shape: ModelShape, d: MemoryDetail, s: RunSettings, hosts: readonly ClusterHost[]): RpcLayout {
  const n = shape.layers.length;
  const devs = rpcDevices(hosts);
  const attempt = (ngl: number): { counts: number[]; layout: Layout; kind: "default" | "balanced" } | undefined => {
    if (devs.length === 0) return undefined;
    const counts = splitCounts(devs.map((x) => x.freeBytes), ngl);
    const def = layoutFor(shape, d, s, hosts, devs, ngl, counts);
    if (def.overflow < 0 && fitsMain(def)) return { counts, layout: def, kind: "default" };
    const b = balance(shape, d, s, hosts, devs, ngl);
    return b && fitsMain(b.layout) ? { ...b, kind: "balanced" } : undefined;
  };
  const done = (a: { counts: number[]; layout: Layout; kind: "default" | "balanced" }, ngl: number): RpcLayout => {
    const used = a.layout.devices.filter((l) => l.layers > 0 || l.output);
    const hostsUsed = new Set(used.map((l) => l.device.host));
    const cpuLayers = n + 1 - ngl;
    const where = used.map((l) => `${l.device.label} ${l.layers}${l.output ? "+out" : ""}`).join(", ");
    return {
      devices: a.layout.devices, main: a.layout.main, ngl, split: a.counts, splitKind: a.kind,
      verdict: cpuLayers > 0 ? "partial" : "fits",
      pipeline: pipelineParallel(n, devs.length, ngl),
      reason: cpuLayers > 0
        ? `${n - cpuLayers + 1} of ${n} layers on ${used.length} devices of ${hostsUsed.size} hosts (${where}), ${cpuLayers} on the main host's CPU; slower than all offloaded`
        : `all ${n} layers on ${used.length} devices of ${hostsUsed.size} hosts (${where})`,
    };
  };
  const full = attempt(n + 1);
  if (full) return done(full, n + 1);
  // fewer offloaded layers: the first ones stay on the main host's CPU (binary search on -ngl)
  let lo = 0;
  let hi = n;
  let best: { counts: number[]; layout: Layout; kind: "default" | "balanced" } | undefined;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const a = attempt(mid);
    if (a) {
      lo = mid;
      best = a;
    } else hi = mid - 1;
  }
  if (best && lo > 0) return done(best, lo);
  const zero = devs.map(() => 0);
  const cpuOnly = layoutFor(shape, d, s, hosts, devs, 0, zero);
  const vram = devs.reduce((a, x) => a + x.freeBytes, 0);
  return {
    devices: cpuOnly.devices, main: cpuOnly.main, ngl: 0, split: zero, splitKind: "default", verdict: "no", pipeline: false,
    reason: `does not fit: ${gib(d.memory.total)} GiB to place, ${gib(vram)} GiB free on ${devs.length} devices and ${gib(cpuOnly.main.freeBytes)} GiB RAM on the main host`,
  };
}
