// Tokens/s of an RPC layout: the devices run their layers one after another (llama.cpp's layer
// split), and every hop between hosts moves the hidden state over the link. How ggml moves it
// (ggml/src/ggml-rpc/ggml-rpc.cpp, ggml-backend.cpp): a tensor copy between two RPC servers is
// only done server-side when both are the same server; otherwise the scheduler reads it back to
// the main host and writes it to the next one, so a hop between two helper hosts crosses the
// link twice. Each device's graph inputs (the attention mask) are written to it, and the logits
// come back to the main host when the output layer sits on a helper. llama.cpp's pipelined
// prefill needs backend events, which the RPC backend lacks, so nothing overlaps here.
import { padTo } from "../sizing/kv-cache.js";
import type { ModelShape } from "../models/shape.js";
import type { ClusterHost } from "./hosts.js";
import { transferSeconds, type Link } from "./link.js";
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

/** What crosses the link for one graph evaluation of `tokens` tokens with `outputs` logits rows. */
export function networkCost(shape: ModelShape, layout: RpcLayout, link: Link, tokens: number, outputs: number, kvCells: number, flashAttn: boolean): NetworkCost {
  const hidden = shape.nEmbd * F32 * tokens;
  const hasAttention = shape.layers.some((l) => l.mixer === "attention");
  const mask = hasAttention ? kvCells * tokens * (flashAttn ? 2 : 4) : 0;
  let crossings = 0;
  let bytes = 0;
  let prev = 0; // the embeddings are gathered on the main host's CPU
  for (const l of layout.devices) {
    if (l.layers === 0 && !l.output) continue;
    const h = l.device.host;
    if (h !== prev) {
      const hops = prev !== 0 && h !== 0 ? 2 : 1;
      crossings += hops;
      bytes += hops * hidden;
    }
    if (l.device.remote) bytes += mask;
    prev = h;
  }
  if (prev !== 0) {
    crossings += 1;
    bytes += shape.nVocab * F32 * outputs;
  }
  return { crossings, bytes, seconds: crossings * link.rttSec + bytes / link.bytesPerSec };
}

function parts(layout: RpcLayout, hosts: readonly ClusterHost[]): (PartWork & { host: number })[] {
  const range = (a: number, k: number): number[] => Array.from({ length: k }, (_, i) => a + i);
  const main = hosts[0];
  const out: (PartWork & { host: number })[] = [];
  if (main && (layout.main.layers > 0 || layout.ngl === 0)) out.push({ layers: range(0, layout.main.layers), output: layout.ngl === 0, hw: main.hw, host: 0 });
  for (const l of layout.devices) {
    const host = hosts[l.device.host];
    if (!host || (l.layers === 0 && !l.output)) continue;
    out.push({ layers: range(l.firstLayer, l.layers), output: l.output, hw: host.hw, host: l.device.host, ...(l.device.gpu ? { gpu: l.device.gpu } : {}) });
  }
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
    const prefillCompute = times.reduce((a, t) => a + t.prefill, 0);
    const ub = Math.max(1, Math.min(ubatch, ctx));
    const decodeNetwork = networkCost(inp.shape, layout, link, 1, 1, padTo(ctx, 256), flashAttn);
    // a prompt's micro-batches attend to half the prompt on average; one logits row at the end
    const prefillNetwork = networkCost(inp.shape, layout, link, ub, ub >= ctx ? 1 : 0, padTo(Math.max(1, ctx / 2), 256), flashAttn);
    const d = decodeCompute + decodeNetwork.seconds;
    const p = prefillCompute * ub + prefillNetwork.seconds;
    return {
      ctx,
      decodeTps: Number.isFinite(d) && d > 0 ? 1 / d : 0,
      prefillTps: Number.isFinite(p) && p > 0 ? ub / p : 0,
      decodeNetwork, prefillNetwork, decodeComputeSec: decodeCompute, hostDecodeSec,
    };
  });
}

/** Weight bytes the main host sends to the helpers when it loads the model (ggml-rpc-server -c caches them). */
export function loadBytesOverLink(layout: RpcLayout): number {
  return layout.devices.filter((l) => l.device.remote).reduce((a, l) => a + l.weights, 0);
}
