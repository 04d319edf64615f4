// Tokens/s of an RPC layout: the devices run their layers one after another (llama.cpp's layer
// split), and every hop between hosts moves the hidden state over the link. How ggml moves it
// (ggml/src/ggml-rpc/ggml-rpc.cpp, ggml-backend.cpp): a tensor copy between two RPC servers is
// only done server-side when both are the same server; otherwise the scheduler reads it back to
// the main host and writes it to the next one, so a hop between two helper hosts crosses the
// link twice. Each device's graph inputs (the attention mask) are written to it, and the logits
// come back to the main host when the output layer sits on a helper.
//
// A decoded token is one micro-batch: its devices work one after another. A prompt is many: under
// pipeline parallelism (rpc-plan.ts pipelineParallel) the RPC backend's async compute and events
// let device d work on micro-batch u while device d + 1 still works on u − 1. The scheduler
// (ggml_backend_sched_compute_splits) launches each device's part asynchronously and blocks the
// main thread only to copy a part's input: it waits for the previous device to finish that
// micro-batch, reads the tensor back and writes it to the next device, whose RPC queue runs it
// after the work it already has. So a device takes, per micro-batch, its input's trip over the link
// plus its compute; the main thread, every trip in turn. A prompt of n micro-batches costs one pass
// through every device (the pipeline filling) plus n − 1 beats of the slowest of the two.
// data/cluster/rpc-prefill-overlap.csv measures it through two ggml-rpc-servers. The same launch
// order lets micro-batches overlap without pipeline parallelism too (with layers on the main CPU,
// measured there at a little less); the model counts no overlap then, the main CPU's layers
// running on the thread that also issues every copy.
import { padTo } from "../sizing/kv-cache.js";
import type { ModelShape } from "../models/shape.js";
import type { ClusterHost } from "./hosts.js";
import type { Link } from "./link.js";
import { partSeconds, type PartWork, type SpeedInputs } from "./part-speed.js";
import type { RpcLayout } from "./rpc-plan.js";

const F32 = 4;

export interface NetworkCost {
  /** Link crossings per step (each one a round trip). */
  readonly crossings: number;
  readonly bytes: number;
  readonly seconds: number;
}

export interface RpcSpeedAt {
  readonly ctx: number;
  readonly decodeTps: number;
  readonly prefillTps: number;
  /** Per decoded token. */
  readonly decodeNetwork: NetworkCost;
  /** Per prompt micro-batch. */
  readonly prefillNetwork: NetworkCost;
  /** Compute seconds of one decode step (all devices, no network). */
  readonly decodeComputeSec: number;
  /** Compute seconds of one decode step per host (index into the plan's hosts). */
  readonly hostDecodeSec: readonly number[];
}

/** What crossing the link costs for one device's inputs, or for the logits' way back. */
interface Hop {
  readonly crossings: number;
  readonly bytes: number;
}

const hopSeconds = (h: Hop, link: Link): number => h.crossings * link.rttSec + h.bytes / link.bytesPerSec;

/**
 * Per device of the layout (zero for one that runs nothing), what one graph evaluation of `tokens`
 * tokens brings to it over the link; and the `outputs` logits rows back to the main host.
 */
function deviceHops(shape: ModelShape, layout: RpcLayout, tokens: number, outputs: number, kvCells: number, flashAttn: boolean): { into: Hop[]; back: Hop } {
  const hidden = shape.nEmbd * F32 * tokens;
  const hasAttention = shape.layers.some((l) => l.mixer === "attention");
  const mask = hasAttention ? kvCells * tokens * (flashAttn ? 2 : 4) : 0;
  let prev = 0; // the embeddings are gathered on the main host's CPU
  const into = layout.devices.map((l): Hop => {
    if (l.layers === 0 && !l.output) return { crossings: 0, bytes: 0 };
    const h = l.device.host;
    let crossings = 0;
    let bytes = 0;
    if (h !== prev) {
      crossings = prev !== 0 && h !== 0 ? 2 : 1;
      bytes = crossings * hidden;
    }
    if (l.device.remote) bytes += mask;
    prev = h;
    return { crossings, bytes };
  });
  const back = prev !== 0 ? { crossings: 1, bytes: shape.nVocab * F32 * outputs } : { crossings: 0, bytes: 0 };
  return { into, back };
}

/** What crosses the link for one graph evaluation of `tokens` tokens with `outputs` logits rows. */
export function networkCost(shape: ModelShape, layout: RpcLayout, link: Link, tokens: number, outputs: number, kvCells: number, flashAttn: boolean): NetworkCost {
  const { into, back } = deviceHops(shape, layout, tokens, outputs, kvCells, flashAttn);
  const all = [...into, back];
  const crossings = all.reduce((a, h) => a + h.crossings, 0);
  const bytes = all.reduce((a, h) => a + h.bytes, 0);
  return { crossings, bytes, seconds: crossings * link.rttSec + bytes / link.bytesPerSec };
}

/**
 * Seconds a prompt of `microBatches` micro-batches takes through parts that each need `stage[i]`
 * seconds per micro-batch (its input's trip + its compute), `trips` of those seconds on the main
 * thread, and `back` for the logits at the end. Without pipeline parallelism every micro-batch
 * passes every part before the next starts; with it, after the first pass the slowest part (or the
 * main thread's copies) sets the beat.
 */
export function promptSeconds(stage: readonly number[], trips: number, back: number, microBatches: number, pipeline: boolean): number {
  const pass = stage.reduce((a, t) => a + t, 0);
  if (!pipeline) return microBatches * pass + back;
  const beat = Math.max(trips, ...stage);
  return pass + Math.max(0, microBatches - 1) * beat + back;
}

/** The parts in the order a micro-batch runs them, each with its index into layout.devices (−1: the main CPU). */
function parts(layout: RpcLayout, hosts: readonly ClusterHost[]): (PartWork & { host: number; device: number })[] {
  const range = (a: number, k: number): number[] => Array.from({ length: k }, (_, i) => a + i);
  const main = hosts[0];
  const out: (PartWork & { host: number; device: number })[] = [];
  if (main && (layout.main.layers > 0 || layout.ngl === 0)) out.push({ layers: range(0, layout.main.layers), output: layout.ngl === 0, hw: main.hw, host: 0, device: -1 });
  layout.devices.forEach((l, i) => {
    const host = hosts[l.device.host];
    if (!host || (l.layers === 0 && !l.output)) return;
    out.push({ layers: range(l.firstLayer, l.layers), output: l.output, hw: host.hw, host: l.device.host, device: i, ...(l.device.gpu ? { gpu: l.device.gpu } : {}) });
  });
  return out;
}

export function rpcSpeed(
  inp: SpeedInputs, layout: RpcLayout, hosts: readonly ClusterHost[], link: Link,
  contexts: readonly number[], ubatch: number, flashAttn: boolean,
): RpcSpeedAt[] {
  const ps = parts(layout, hosts);
  return contexts.map((ctx) => {
    const times = ps.map((p) => partSeconds(inp, p, ctx));
    const decodeCompute = times.reduce((a, t) => a + t.decode, 0);
    const hostDecodeSec = hosts.map((_, h) => times.reduce((a, t, k) => a + (ps[k]?.host === h ? t.decode : 0), 0));
    const ub = Math.max(1, Math.min(ubatch, ctx));
    const decodeNetwork = networkCost(inp.shape, layout, link, 1, 1, padTo(ctx, 256), flashAttn);
    // a prompt's micro-batches attend to half the prompt on average; one logits row at the end
    const cells = padTo(Math.max(1, ctx / 2), 256);
    const prefillNetwork = networkCost(inp.shape, layout, link, ub, ub >= ctx ? 1 : 0, cells, flashAttn);
    const hops = deviceHops(inp.shape, layout, ub, 0, cells, flashAttn);
    const trip = (k: number): number => {
      const dev = ps[k]?.device ?? -1;
      const h = dev >= 0 ? hops.into[dev] : undefined;
      return h ? hopSeconds(h, link) : 0;
    };
    const stage = times.map((t, k) => t.prefill * ub + trip(k));
    const trips = stage.reduce((a, _, k) => a + trip(k), 0);
    const back = hopSeconds(deviceHops(inp.shape, layout, ub, 1, cells, flashAttn).back, link);
    const prompt = promptSeconds(stage, trips, back, ctx / ub, layout.pipeline);
    const d = decodeCompute + decodeNetwork.seconds;
    return {
      ctx,
      decodeTps: Number.isFinite(d) && d > 0 ? 1 / d : 0,
      prefillTps: Number.isFinite(prompt) && prompt > 0 ? ctx / prompt : 0,
      decodeNetwork, prefillNetwork, decodeComputeSec: decodeCompute, hostDecodeSec,
    };
  });
}

/** Weight bytes the main host sends to the helpers when it loads the model (ggml-rpc-server -c caches them). */
export function loadBytesOverLink(layout: RpcLayout): number {
  return layout.devices.filter((l) => l.device.remote).reduce((a, l) => a + l.weights, 0);
}
