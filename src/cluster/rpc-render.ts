// An RPC advice as terminal lines and as JSON (`llmfit fit MODEL --host … --json`).
import type { RunSettings } from "../sizing/types.js";
import type { ClusterHost } from "./hosts.js";
import { rpcCommands } from "./rpc-commands.js";
import { linkBasis } from "./link.js";
import type { DeviceLoad } from "./rpc-plan.js";
import { USABLE_DECODE_TPS, type RpcAdvice, type RpcPlan } from "./rpc-search.js";

const GIB = 1024 ** 3;
const gib = (b: number): string => (b / GIB).toFixed(1);
/** GiB with one decimal, or MiB below 1 GiB (compute and KV parts are often a few hundred MiB). */
const size = (b: number): string => (b >= GIB ? `${gib(b)} GiB` : b >= 10 * 1024 ** 2 ? `${Math.round(b / 1024 ** 2)} MiB` : `${(b / 1024 ** 2).toFixed(1)} MiB`);
const tps = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const ctxLabel = (c: number): string => (c >= 1024 && c % 1024 === 0 ? `${c / 1024}k` : String(c));

function hostWords(h: ClusterHost, main: boolean): string {
  const gpus = h.hw.gpus.map((g) => g.name);
  return `${h.name}${main ? " (main)" : ""}: ${gpus.length > 0 ? gpus.join(" + ") : "CPU only"}, ${gib(h.hw.memory.availableBytes.value)} GiB RAM free — ${h.origin}`;
}

function layerRange(l: DeviceLoad): string {
  const layers = l.layers > 0 ? `layers ${l.firstLayer}–${l.firstLayer + l.layers - 1}` : "no layers";
  return `${layers}${l.output ? " + output" : ""}`;
}

function deviceLine(l: DeviceLoad): string {
  const what = l.device.gpu ? l.device.gpu.name : "CPU (ggml-rpc-server)";
  const parts = [`weights ${size(l.weights)}`, `KV ${size(l.kv)}`];
  if (l.recurrent > 0) parts.push(`recurrent ${size(l.recurrent)}`);
  parts.push(`compute ${size(l.compute)}`);
  if (l.overhead > 0) parts.push(`overhead ${size(l.overhead)} (estimate)`);
  const over = l.total > l.device.freeBytes ? "  OVER" : "";
  return `    ${l.device.label} ${what}: ${layerRange(l)} — ${parts.join(" + ")} = ${gib(l.total)} of ${gib(l.device.freeBytes)} GiB${over}`;
}

function speedLines(p: RpcPlan): string[] {
  return p.speed.map((s) => {
    const net = s.decodeNetwork;
    const netWords = net.crossings > 0 ? `, of which network ${(net.seconds * 1000).toFixed(2)} ms/token (${net.crossings} link crossings, ${(net.bytes / 1024).toFixed(0)} KiB)` : "";
    return `  speed at ${ctxLabel(s.ctx)} ctx: ${tps(s.decodeTps)} tok/s decode${netWords}; ${tps(s.prefillTps)} tok/s prefill (estimate)`;
  });
}

function planSummary(p: RpcPlan): string {
  const d = p.speed[0];
  const speed = d ? `, ${tps(d.decodeTps)} tok/s decode, ${tps(d.prefillTps)} tok/s prefill` : "";
  return `${p.hosts.map((h) => h.name).join(" + ")}: ${p.layout.verdict === "no" ? "does not fit" : p.layout.verdict === "partial" ? `partial (${p.layout.main.layers} layers on the main CPU)` : "fits"}${speed}`;
}

export function rpcAdviceLines(a: RpcAdvice, modelLabel: string, modelArg: string, s: RunSettings): string[] {
  const p = a.best;
  const out: string[] = [];
  out.push(`llama.cpp RPC plan for ${modelLabel} at ctx ${s.ctx}, flash attention ${a.detail.flashAttn ? "on" : "off"}; link: ${p.link.note}`);
  const verdictWord = p.layout.verdict === "no" ? "no plan fits" : p.usable ? "best plan" : p.layout.verdict === "fits" ? `best plan (below ${USABLE_DECODE_TPS} tok/s)` : "best plan (partial offload)";
  out.push(`${verdictWord}: ${p.hosts.length} of ${a.ranked.reduce((m, x) => Math.max(m, x.hosts.length), 0)} hosts — ${p.layout.reason}`);
  p.hosts.forEach((h, i) => {
    out.push(`  ${hostWords(h, i === 0)}`);
    if (i === 0) {
      const m = p.layout.main;
      const cpuLayers = m.layers > 0 ? `${m.layers} layers + ` : "";
      const over = m.total > m.freeBytes ? "  OVER" : "";
      const parts = [`weights ${size(m.weights)}`, ...(m.kv > 0 ? [`KV ${size(m.kv)}`] : []), ...(m.recurrent > 0 ? [`recurrent ${size(m.recurrent)}`] : []), `compute ${size(m.compute)}`, `logits ${size(m.output)}`];
      out.push(`    main CPU: ${cpuLayers}token embedding, logits buffer and compute — ${parts.join(" + ")} = ${gib(m.total)} of ${gib(m.freeBytes)} GiB RAM${over}`);
    }
    for (const l of p.layout.devices) if (l.device.host === i && (l.layers > 0 || l.output)) out.push(deviceLine(l));
  });
  if (p.layout.verdict === "no") {
    out.push(...otherSets(a));
    return out;
  }
  out.push(`  split: -ngl ${p.layout.ngl} -ts ${p.layout.split.join(",")} (${p.layout.splitKind === "default" ? "llama.cpp's default split by free memory, written out" : "llama.cpp's default split by free memory overflows a device: balanced"})`);
  out.push(...speedLines(p));
  const running = p.layout.devices.filter((l) => l.layers > 0 || l.output).length;
  out.push(
    p.layout.pipeline
      ? `  prompt: pipeline parallelism (every layer offloaded to ${running} devices): the prompt's micro-batches of ${Math.min(s.nUbatch, s.nBatch)} tokens overlap across devices; a decoded token passes them one after another`
      : "  prompt: no pipeline parallelism (not every layer offloaded, or one device): micro-batches pass the devices one after another",
  );
  if (a.maxCtx !== undefined) out.push(`  largest context these hosts hold: ${ctxLabel(a.maxCtx)}`);
  if (p.loadBytes > 0) {
    const sec = p.loadBytes / p.link.bytesPerSec;
    out.push(`  loading sends ${gib(p.loadBytes)} GiB of weights to the helpers: ~${sec >= 120 ? `${(sec / 60).toFixed(0)} min` : `${sec.toFixed(0)} s`} over this link; ggml-rpc-server -c caches them for the next start`);
  }
  out.push("  commands (ggml-rpc-server is called rpc-server in older llama.cpp builds; it has no authentication: keep it on a private network):");
  for (const c of rpcCommands(p.hosts, p.layout, modelArg, s)) {
    out.push(`    on ${c.host} (${c.role === "main" ? "main" : "helper"}):`);
    for (const l of c.lines) out.push(`      ${l}`);
  }
  if (a.oneMoreHost) {
    const o = a.oneMoreHost;
    const added = o.hosts.filter((h) => !p.hosts.some((x) => x.name === h.name)).map((h) => h.name).join(", ");
    out.push(`  with one more host (${added}): ${planSummary(o)}`);
  }
  if (a.fasterLink) {
    const f = a.fasterLink;
    out.push(`  with a faster link (${f.link.name}): ${tps(p.speed[0]?.decodeTps ?? 0)} → ${tps(f.speed[0]?.decodeTps ?? 0)} tok/s decode, ${tps(p.speed[0]?.prefillTps ?? 0)} → ${tps(f.speed[0]?.prefillTps ?? 0)} tok/s prefill`);
  }
  out.push(...otherSets(a));
  out.push(
    "  assumptions: devices run a decoded token's layers one after another (llama.cpp's layer split), a prompt's micro-batches overlap under pipeline parallelism; " +
      `each link crossing costs one round trip + bytes / bandwidth; device speeds from the single-machine speed model; ${linkBasis(p.link)}`,
  );
  return out;
}

function otherSets(a: RpcAdvice): string[] {
  const rest = a.ranked.filter((p) => p !== a.best).slice(0, 6);
  return rest.length > 0 ? ["other host sets:", ...rest.map((p) => `  ${planSummary(p)}`)] : [];
}

const r1 = (x: number): number => Math.round(x * 10) / 10;

function planJson(p: RpcPlan) {
  return {
    hosts: p.hosts.map((h) => ({ name: h.name, ...(h.address ? { address: h.address } : {}), origin: h.origin })),
    verdict: p.layout.verdict,
    usable: p.usable,
    reason: p.layout.reason,
    ngl: p.layout.ngl,
    tensor_split: p.layout.split,
    split_kind: p.layout.splitKind,
    main: { ...p.layout.main },
    devices: p.layout.devices.map((l) => ({
      label: l.device.label, host: p.hosts[l.device.host]?.name, gpu: l.device.gpu?.name, backend: l.device.backend,
      first_layer: l.firstLayer, layers: l.layers, output: l.output,
      weights: Math.round(l.weights), kv: Math.round(l.kv), recurrent: Math.round(l.recurrent), compute: Math.round(l.compute),
      overhead: Math.round(l.overhead), total: Math.round(l.total), free: l.device.freeBytes,
    })),
    speed: p.speed.map((s) => ({
      ctx: s.ctx, decode_tps: r1(s.decodeTps), prefill_tps: r1(s.prefillTps),
      decode_network_ms: Math.round(s.decodeNetwork.seconds * 1e5) / 100, decode_crossings: s.decodeNetwork.crossings, decode_network_bytes: s.decodeNetwork.bytes,
    })),
    link: { name: p.link.name, gbps: p.link.lineGbps, rtt_ms: p.link.rttSec * 1000, source: p.link.source, note: p.link.note, basis: linkBasis(p.link) },
    pipeline_parallel: p.layout.pipeline,
    load_bytes_over_link: Math.round(p.loadBytes),
  };
}

export function rpcAdviceJson(a: RpcAdvice, modelArg: string, s: RunSettings) {
  return {
    best: { ...planJson(a.best), commands: a.best.layout.verdict === "no" ? [] : rpcCommands(a.best.hosts, a.best.layout, modelArg, s) },
    ...(a.maxCtx !== undefined ? { max_ctx: a.maxCtx } : {}),
    ...(a.oneMoreHost ? { one_more_host: planJson(a.oneMoreHost) } : {}),
    ...(a.fasterLink ? { faster_link: planJson(a.fasterLink) } : {}),
    alternatives: a.ranked.filter((p) => p !== a.best).map(planJson),
  };
}
