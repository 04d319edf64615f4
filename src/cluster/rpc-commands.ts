// The exact commands of an RPC plan: how to build and start ggml-rpc-server on each helper host,
// and the llama-server line on the main host with the split the plan computed.
import type { Backend } from "../hardware/types.js";
import type { RunSettings } from "../sizing/types.js";
import type { ClusterHost } from "./hosts.js";
import { RPC_PORT, type RpcLayout } from "./rpc-plan.js";

/** CMake switch of each ggml backend (llama.cpp docs/build.md); Metal is on by default on macOS. */
const CMAKE_BACKEND: Readonly<Record<Backend, string>> = {
  cuda: " -DGGML_CUDA=ON",
  rocm: " -DGGML_HIP=ON",
  vulkan: " -DGGML_VULKAN=ON",
  sycl: " -DGGML_SYCL=ON",
  metal: "",
  cpu: "",
};

export interface HostCommands {
  readonly host: string;
  readonly role: "main" | "rpc";
  readonly lines: readonly string[];
}

function addressOf(h: ClusterHost): string {
  return h.address ?? `<${h.name}-address>`;
}

function buildLine(backend: Backend, targets: string): string {
  return `cmake -B build -DGGML_RPC=ON${CMAKE_BACKEND[backend]} && cmake --build build --config Release -j --target ${targets}`;
}

/** Flags that change memory, written only where they differ from llama.cpp's defaults. */
function settingsFlags(s: RunSettings): string {
  const out = [`-c ${s.ctx}`];
  if (s.nSeq > 1) out.push(`-np ${s.nSeq}`);
  if (s.nBatch !== 2048) out.push(`-b ${s.nBatch}`);
  if (s.nUbatch !== 512) out.push(`-ub ${s.nUbatch}`);
  if (s.kvTypeK !== "f16") out.push(`-ctk ${s.kvTypeK}`);
  if (s.kvTypeV !== "f16") out.push(`-ctv ${s.kvTypeV}`);
  if (s.flashAttn !== "auto") out.push(`-fa ${s.flashAttn}`);
  return out.join(" ");
}

/**
 * One block per host, helpers first. `model` is what llama-server loads: `-hf REPO:QUANT` or
 * `-m FILE`. -ngl and -ts are written out in full so llama.cpp's own fitting leaves them alone.
 */
export function rpcCommands(hosts: readonly ClusterHost[], layout: RpcLayout, model: string, s: RunSettings): HostCommands[] {
  const out: HostCommands[] = [];
  const rpcHosts = hosts.slice(1);
  for (const h of rpcHosts) {
    const backend = h.hw.gpus[0]?.backend ?? "cpu";
    out.push({
      host: h.name,
      role: "rpc",
      lines: [
        buildLine(backend, "ggml-rpc-server"),
        // -H: listen beyond loopback; -c: cache the tensors on disk so the next start skips the transfer
        `build/bin/ggml-rpc-server -H ${h.address ?? "0.0.0.0"} -p ${RPC_PORT} -c`,
      ],
    });
  }
  const main = hosts[0];
  if (main) {
    const backend = main.hw.gpus[0]?.backend ?? "cpu";
    const rpc = rpcHosts.map((h) => `${addressOf(h)}:${RPC_PORT}`).join(",");
    const split = layout.split.length > 1 ? ` -ts ${layout.split.join(",")}` : "";
    out.push({
      host: main.name,
      role: "main",
      lines: [
        buildLine(backend, "llama-server"),
        `build/bin/llama-server ${model}${rpc ? ` --rpc ${rpc}` : ""} -ngl ${layout.ngl}${split} ${settingsFlags(s)}`,
      ],
    });
  }
  return out;
}
