// The best RPC plan among the hosts given: the smallest set (always with the main host) that holds
// the whole model at a usable decode speed, then the fastest; and what one more host or the next
// faster link would change. Sizing runs once per settings; each host set only re-splits layers.
import type { ModelShape } from "../models/shape.js";
import { estimateMemory, type MemoryDetail } from "../sizing/memory.js";
import type { QuantName } from "../sizing/quant-mix.js";
import { largestFitting, type Sizer } from "../sizing/search.js";
import type { RunSettings } from "../sizing/types.js";
import { typedTensors } from "../sizing/weights.js";
import type { ClusterHost } from "./hosts.js";
import { fasterLink, type Link } from "./link.js";
import { speedInputs, type SpeedInputs } from "./part-speed.js";
import { planRpcLayout, type RpcLayout } from "./rpc-plan.js";
import { loadBytesOverLink, rpcSpeed, type RpcSpeedAt } from "./rpc-speed.js";

/**
 * Decode tok/s below which a plan is not "usable" for chat: about reading speed (people read
 * ~4–5 words/s, ~1.3 tokens per English word). An estimate, and the tie-break only.
 */
export const USABLE_DECODE_TPS = 5;
export const SHORT_CTX = 512;
const MAX_HOSTS_SEARCHED = 10;

export interface RpcPlan {
  readonly hosts: readonly ClusterHost[];
  readonly layout: RpcLayout;
  readonly link: Link;
  /** At 512 tokens and at the asked context. */
  readonly speed: readonly RpcSpeedAt[];
  readonly loadBytes: number;
  readonly usable: boolean;
}

export interface RpcRequest {
  readonly shape: ModelShape;
  readonly quant: QuantName | undefined;
  readonly settings: RunSettings;
  readonly hosts: readonly ClusterHost[];
  readonly link: Link;
  readonly sizer: Sizer;
}

export interface RpcAdvice {
  readonly best: RpcPlan;
  /** Every host set tried, best first (at most one per set). */
  readonly ranked: readonly RpcPlan[];
  readonly oneMoreHost?: RpcPlan;
  readonly fasterLink?: RpcPlan;
  /** The largest context (multiple of 256, ≤ trained) at which the best plan's hosts hold every layer. */
  readonly maxCtx?: number;
  readonly detail: MemoryDetail;
}

function detailFor(r: RpcRequest, s: RunSettings): MemoryDetail {
  return estimateMemory(r.shape, r.quant, s, "cpu", r.sizer.weights(r.shape, r.quant));
}

export function rpcPlanOn(r: RpcRequest, hosts: readonly ClusterHost[], link: Link, d: MemoryDetail, inp: SpeedInputs): RpcPlan {
  const layout = planRpcLayout(r.shape, d, r.settings, hosts);
  const contexts = r.settings.ctx > SHORT_CTX ? [SHORT_CTX, r.settings.ctx] : [r.settings.ctx];
  const speed = layout.verdict === "no" ? [] : rpcSpeed(inp, layout, hosts, link, contexts, Math.min(r.settings.nUbatch, r.settings.nBatch), d.flashAttn);
  const decode = speed[0]?.decodeTps ?? 0;
  return { hosts, layout, link, speed, loadBytes: loadBytesOverLink(layout), usable: layout.verdict === "fits" && decode >= USABLE_DECODE_TPS };
}

/** Host sets that keep the main host first and the others in the order given. */
function hostSets(hosts: readonly ClusterHost[]): ClusterHost[][] {
  const [main, ...rest] = hosts.slice(0, MAX_HOSTS_SEARCHED);
  if (!main) return [];
  const out: ClusterHost[][] = [];
  for (let mask = 0; mask < 1 << rest.length; mask++) out.push([main, ...rest.filter((_, i) => (mask >> i) & 1)]);
  return out;
}

const rank = (p: RpcPlan): number => (p.usable ? 0 : p.layout.verdict === "fits" ? 1 : p.layout.verdict === "partial" ? 2 : 3);
const decodeOf = (p: RpcPlan): number => p.speed[0]?.decodeTps ?? 0;

/** Best first: usable, then fits, then partial; fewer hosts; faster. */
export function comparePlans(a: RpcPlan, b: RpcPlan): number {
  return rank(a) - rank(b) || a.hosts.length - b.hosts.length || decodeOf(b) - decodeOf(a);
}

export function adviseRpc(r: RpcRequest): RpcAdvice {
  const d = detailFor(r, r.settings);
  const inp = speedInputs(r.shape, typedTensors(r.shape, r.quant), r.quant ?? r.shape.fileType ?? "Q4_K_M", r.settings.kvTypeK, r.settings.kvTypeV);
  const ranked = hostSets(r.hosts).map((hs) => rpcPlanOn(r, hs, r.link, d, inp)).sort(comparePlans);
  const best = ranked[0];
  if (!best) throw new Error("adviseRpc: no hosts");
  const oneMoreHost = ranked
    .filter((p) => p.hosts.length === best.hosts.length + 1 && best.hosts.every((h) => p.hosts.some((x) => x.name === h.name)))
    .sort((a, b) => rank(a) - rank(b) || decodeOf(b) - decodeOf(a))[0];
  const faster = fasterLink(r.link);
  const fasterPlan = faster && best.hosts.length > 1 ? rpcPlanOn(r, best.hosts, faster, d, inp) : undefined;
  const maxCtx = best.layout.verdict === "fits" ? largestRpcContext(r, best.hosts) : undefined;
  return { best, ranked, ...(oneMoreHost ? { oneMoreHost } : {}), ...(fasterPlan ? { fasterLink: fasterPlan } : {}), ...(maxCtx !== undefined ? { maxCtx } : {}), detail: d };
}

/** The largest context (a multiple of 256, at most the trained one) at which `hosts` hold every layer. */
export function largestRpcContext(r: RpcRequest, hosts: readonly ClusterHost[]): number | undefined {
  const fits = (ctx: number): boolean => {
    const s = { ...r.settings, ctx };
    return planRpcLayout(r.shape, detailFor(r, s), s, hosts).verdict === "fits";
  };
  return largestFitting(fits, r.shape.nCtxTrain);
}
