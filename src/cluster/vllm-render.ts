// A vLLM plan as terminal lines and JSON, beside the RPC plan in `llmfit fit MODEL --host …`.
import { CUDA_GRAPH_BYTES, vllmCommands, type VllmPlan } from "./vllm-plan.js";
import { linkBasis } from "./link.js";
import type { VllmFaster, VllmSpeedAt, VllmSpeedSetup, VllmStepParts } from "./vllm-speed.js";

/** The plan's speed: its setup (GPU links, stages) and tok/s at each context; a faster plan on more of the GPUs given. */
export interface VllmPlanSpeed {
  readonly setup: VllmSpeedSetup;
  readonly at: readonly VllmSpeedAt[];
  readonly faster?: VllmFaster;
}

const GIB = 1024 ** 3;
const gib = (b: number): string => (b / GIB).toFixed(2);
const tps = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const ms = (sec: number): string => (sec * 1000).toFixed(2);
const ctxLabel = (c: number): string => (c >= 1024 && c % 1024 === 0 ? `${c / 1024}k` : String(c));

/** What a stage's weights hold: its layer range (vLLM's get_pp_indices), and the embedding or LM head at the ends. */
function stageHolds(s: VllmPlan["stages"][number]): string {
  const parts = [`layers ${s.firstLayer}–${s.firstLayer + s.layers - 1}`];
  if (s.embedding) parts.push("embedding");
  if (s.lmHead) parts.push("final norm, LM head");
  return parts.join(", ");
}

function speedLines(p: VllmPlan, sp: VllmPlanSpeed): string[] {
  const out: string[] = [];
  const links = [...new Set(sp.setup.stages.map((s) => s.interconnect.note))];
  for (const a of sp.at) {
    const d = a.decode;
    out.push(
      `  speed at ${ctxLabel(a.ctx)} ctx: ${tps(a.decodeTps)} tok/s decode (one sequence), ${tps(a.prefillTps)} tok/s prefill (estimate); ` +
        `a token: weights + KV ${ms(d.compute)} ms, ${sp.setup.stages.reduce((n, s) => n + s.layers.length, 0)} layers ${ms(d.layers)} ms` +
        `${p.tp > 1 ? `, all-reduce ${ms(d.allReduce)} ms` : ""}${p.pp > 1 ? `, network ${ms(d.network)} ms` : ""}, step ${ms(d.step)} ms`,
    );
  }
  const first = sp.at[0];
  if (p.pp > 1 && first) {
    out.push(
      `  pipeline: one sequence runs the ${p.pp} stages one after another, each idle ${Math.round(((p.pp - 1) / p.pp) * 100)} % of the time (the bubble); ` +
        `${p.pp} or more sequences at once keep every stage busy: up to ${tps(first.filledTps)} tok/s in all at ${ctxLabel(first.ctx)} ctx`,
    );
  }
  if (p.tp > 1) out.push(`  tensor parallel over ${links.join("; ")}: 2 all-reduces per layer of the step's hidden state`);
  out.push(
    "  speed model: each GPU reads its share of the weights and KV cache with the single-machine device terms; vLLM's per-step and per-layer costs fitted to published A100/H100 runs (data/vllm/throughput.csv, within 12 %)" +
      `${p.pp > 1 && sp.setup.link ? `; no published vLLM run across hosts checks the network between the stages: ${linkBasis(sp.setup.link)}` : ""}` +
      `${sp.setup.stages.some((s) => s.interconnect.kind === "pcie") && p.tp > 1 ? "; the PCIe all-reduce latency is an estimate" : ""}`,
  );
  return out;
}

const r1 = (x: number): number => Math.round(x * 10) / 10;
const msJson = (p: VllmStepParts) => ({
  compute: r1(p.compute * 1e4) / 10, layers: r1(p.layers * 1e4) / 10, all_reduce: r1(p.allReduce * 1e4) / 10, network: r1(p.network * 1e4) / 10, step: r1(p.step * 1e4) / 10,
});

export function vllmLines(best: VllmPlan | undefined, tried: readonly VllmPlan[], hfRepo: string | undefined, gpuHosts: number, speed?: VllmPlanSpeed): string[] {
  if (gpuHosts === 0) return ["vLLM plan: no host has a CUDA or ROCm GPU (vLLM does not run on Metal, Vulkan or the CPU here)"];
  if (!best) {
    // the most GPUs at the smallest dtype: the nearest miss
    const biggest = tried.reduce<VllmPlan | undefined>((a, p) => (!a || p.tp * p.pp > a.tp * a.pp || (p.tp * p.pp === a.tp * a.pp && p.dtype === "fp8") ? p : a), undefined);
    return [`vLLM plan: does not fit${biggest ? ` (largest tried: TP ${biggest.tp} × PP ${biggest.pp} ${biggest.dtype}: ${biggest.reason})` : ""}`];
  }
  const out = [
    `vLLM plan: TP ${best.tp} × PP ${best.pp} (${best.tp * best.pp} GPUs on ${best.pp} host${best.pp > 1 ? "s" : ""}), ${best.dtype}${best.quantizedOnLoad ? " (BF16 does not fit: weights quantized on load)" : best.dtype === "fp8" ? " (the checkpoint's own FP8)" : best.dtype === "int4" ? " (the checkpoint's own INT4)" : ""}, --gpu-memory-utilization ${best.utilization}: ${best.reason}`,
  ];
  best.stages.forEach((s, i) => {
    out.push(
      `  stage ${i} on ${s.host} (${s.gpu.name}, per GPU): ${gib(s.totalBytes)} × ${best.utilization} = ${gib(s.budgetBytes)} GiB = weights ${gib(s.weights)} (${stageHolds(s)})` +
        ` + non-torch ${gib(s.nonTorch)} (estimate) + activation peak ${gib(s.activation)} (estimate) + KV ${gib(s.kvBytes)} GiB → ${s.blocks} blocks of 16 tokens (${s.kvBytesPerToken} B per token)` +
        (best.pp > 1 ? `: ${s.blocks * 16} KV tokens, ${best.ctx > 0 ? ((s.blocks * 16) / best.ctx).toFixed(1) : "0"} sequences of ${best.ctx}${i === best.boundingStage ? " — the fewest: this stage bounds the plan" : ""}` : ""),
    );
  });
  out.push(`  CUDA graphs: ~${gib(CUDA_GRAPH_BYTES)} GiB more per GPU after start-up (estimate), inside the ${Math.round((1 - best.utilization) * 100)} % that --gpu-memory-utilization keeps back`);
  out.push(`  --max-model-len up to ${best.maxModelLen}; ${best.concurrency.toFixed(1)} sequences of ${best.ctx} tokens at once (the engine takes the fewest blocks of any GPU)`);
  if (speed) out.push(...speedLines(best, speed));
  const f = speed?.faster;
  if (f) {
    out.push(
      `  with more GPUs: TP ${f.plan.tp} × PP ${f.plan.pp} (${f.plan.tp * f.plan.pp} GPUs) ${tps(f.at.decodeTps)} tok/s decode, ${tps(f.at.prefillTps)} tok/s prefill at ${ctxLabel(f.at.ctx)} ctx (estimate); ` +
        `this plan uses the fewest GPUs that fit`,
    );
  }
  out.push("  commands:");
  for (const c of vllmCommands(best, hfRepo ?? "<hf-repo>")) {
    out.push(`    on ${c.host}:`);
    for (const l of c.lines) out.push(`      ${l}`);
  }
  return out;
}

export function vllmJson(best: VllmPlan | undefined, hfRepo: string | undefined, speed?: VllmPlanSpeed) {
  if (!best) return { fits: false };
  return {
    fits: true, tp: best.tp, pp: best.pp, dtype: best.dtype, quantized_on_load: best.quantizedOnLoad, gpu_memory_utilization: best.utilization,
    blocks: best.blocks, kv_tokens: best.kvTokens, max_model_len: best.maxModelLen, concurrency: Math.round(best.concurrency * 10) / 10,
    bounding_stage: best.boundingStage,
    stages: best.stages.map((s) => ({
      host: s.host, gpu: s.gpu.name, layers: s.layers, first_layer: s.firstLayer, embedding: s.embedding, lm_head: s.lmHead, total: s.totalBytes, budget: Math.round(s.budgetBytes), weights: Math.round(s.weights),
      non_torch: Math.round(s.nonTorch), activation: Math.round(s.activation), kv: Math.round(s.kvBytes), blocks: s.blocks, kv_bytes_per_token: s.kvBytesPerToken,
      kv_tokens: s.blocks * 16, concurrency: best.ctx > 0 ? Math.round(((s.blocks * 16) / best.ctx) * 10) / 10 : 0,
    })),
    cuda_graphs_estimate: CUDA_GRAPH_BYTES,
    ...(speed
      ? {
          ...(best.pp > 1 && speed.setup.link ? { network_basis: linkBasis(speed.setup.link) } : {}),
          interconnect: speed.setup.stages.map((s) => ({ host: best.hosts[speed.setup.stages.indexOf(s)]?.name, kind: s.interconnect.kind, name: s.interconnect.name, gbps_each_way: s.interconnect.bytesPerSec / 1e9, all_reduce_us: s.interconnect.allReduceLatencySec * 1e6 })),
          ...(speed.faster
            ? { more_gpus: { tp: speed.faster.plan.tp, pp: speed.faster.plan.pp, gpus: speed.faster.plan.tp * speed.faster.plan.pp, ctx: speed.faster.at.ctx, decode_tps: r1(speed.faster.at.decodeTps), prefill_tps: r1(speed.faster.at.prefillTps) } }
            : {}),
          speed: speed.at.map((a) => ({
            ctx: a.ctx, decode_tps: r1(a.decodeTps), prefill_tps: r1(a.prefillTps), filled_tps: r1(a.filledTps), decode_ms: msJson(a.decode), prefill_ms: msJson(a.prefill),
          })),
        }
      : {}),
    commands: vllmCommands(best, hfRepo ?? "<hf-repo>"),
  };
}
