// A vLLM plan as terminal lines and JSON, beside the RPC plan in `llmfit fit MODEL --host …`.
import { CUDA_GRAPH_BYTES, vllmCommands, type VllmPlan } from "./vllm-plan.js";

const GIB = 1024 ** 3;
const gib = (b: number): string => (b / GIB).toFixed(2);

export function vllmLines(best: VllmPlan | undefined, tried: readonly VllmPlan[], hfRepo: string | undefined, gpuHosts: number): string[] {
  if (gpuHosts === 0) return ["vLLM plan: no host has a CUDA or ROCm GPU (vLLM does not run on Metal, Vulkan or the CPU here)"];
  if (!best) {
    // the most GPUs at the smallest dtype: the nearest miss
    const biggest = tried.reduce<VllmPlan | undefined>((a, p) => (!a || p.tp * p.pp > a.tp * a.pp || (p.tp * p.pp === a.tp * a.pp && p.dtype === "fp8") ? p : a), undefined);
    return [`vLLM plan: does not fit${biggest ? ` (largest tried: TP ${biggest.tp} × PP ${biggest.pp} ${biggest.dtype}: ${biggest.reason})` : ""}`];
  }
  const out = [
    `vLLM plan: TP ${best.tp} × PP ${best.pp} (${best.tp * best.pp} GPUs on ${best.pp} host${best.pp > 1 ? "s" : ""}), ${best.dtype}${best.dtype === "fp8" ? " (BF16 does not fit: weights quantized on load)" : ""}, --gpu-memory-utilization ${best.utilization}: ${best.reason}`,
  ];
  best.stages.forEach((s, i) => {
    out.push(
      `  stage ${i} on ${s.host} (${s.gpu.name}, per GPU): ${gib(s.totalBytes)} × ${best.utilization} = ${gib(s.budgetBytes)} GiB = weights ${gib(s.weights)} (${s.layers} layers)` +
        ` + non-torch ${gib(s.nonTorch)} (estimate) + activation peak ${gib(s.activation)} (estimate) + KV ${gib(s.kvBytes)} GiB → ${s.blocks} blocks of 16 tokens (${s.kvBytesPerToken} B per token)`,
    );
  });
  out.push(`  CUDA graphs: ~${gib(CUDA_GRAPH_BYTES)} GiB more per GPU after start-up (estimate), inside the ${Math.round((1 - best.utilization) * 100)} % that --gpu-memory-utilization keeps back`);
  out.push(`  --max-model-len up to ${best.maxModelLen}; ${best.concurrency.toFixed(1)} sequences of ${best.ctx} tokens at once (the engine takes the fewest blocks of any GPU)`);
  out.push("  commands:");
  for (const c of vllmCommands(best, hfRepo ?? "<hf-repo>")) {
    out.push(`    on ${c.host}:`);
    for (const l of c.lines) out.push(`      ${l}`);
  }
  return out;
}

export function vllmJson(best: VllmPlan | undefined, hfRepo: string | undefined) {
  if (!best) return { fits: false };
  return {
    fits: true, tp: best.tp, pp: best.pp, dtype: best.dtype, gpu_memory_utilization: best.utilization,
    blocks: best.blocks, kv_tokens: best.kvTokens, max_model_len: best.maxModelLen, concurrency: Math.round(best.concurrency * 10) / 10,
    stages: best.stages.map((s) => ({
      host: s.host, gpu: s.gpu.name, layers: s.layers, total: s.totalBytes, budget: Math.round(s.budgetBytes), weights: Math.round(s.weights),
      non_torch: Math.round(s.nonTorch), activation: Math.round(s.activation), kv: Math.round(s.kvBytes), blocks: s.blocks, kv_bytes_per_token: s.kvBytesPerToken,
    })),
    cuda_graphs_estimate: CUDA_GRAPH_BYTES,
    commands: vllmCommands(best, hfRepo ?? "<hf-repo>"),
  };
}
