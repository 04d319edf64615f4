// `llmfit fit MODEL --host … --host …` / `--cluster FILE`: the cluster half of `fit`. The flags
// are parsed by fit; this turns them into hosts and a link, asks the planners, and prints.
import { LlmFitError } from "../errors.js";
import type { CatalogEntry } from "../models/catalog.js";
import type { ModelShape } from "../models/shape.js";
import type { QuantName } from "../sizing/quant-mix.js";
import { createSizer } from "../sizing/search.js";
import type { RunSettings } from "../sizing/types.js";
import { loadClusterFile } from "./cluster-file.js";
import { loadHost, type ClusterHost, type HostLoadOptions } from "./hosts.js";
import { customLink, DEFAULT_LINK, linkPreset, type Link } from "./link.js";
import { rpcAdviceJson, rpcAdviceLines } from "./rpc-render.js";
import { adviseRpc } from "./rpc-search.js";
import { adviseVllm, servedParams, vllmGpus } from "./vllm-plan.js";
import { fasterVllmPlan, vllmPlanSetup, vllmSpeed } from "./vllm-speed.js";
import { vllmJson, vllmLines } from "./vllm-render.js";

export interface ClusterFlags {
  readonly host?: readonly string[];
  readonly cluster?: string;
  readonly link?: string;
  readonly linkGbps?: number;
  readonly linkRttMs?: number;
}

export function wantsCluster(f: ClusterFlags): boolean {
  return (f.host !== undefined && f.host.length > 0) || f.cluster !== undefined;
}

export interface ClusterFitInput {
  readonly model: string;
  readonly entry?: CatalogEntry;
  readonly shape: ModelShape;
  readonly quant: QuantName | undefined;
  readonly settings: RunSettings;
  readonly json: boolean;
}

function linkFrom(f: ClusterFlags, fileLink: Link | undefined): Link {
  if (f.linkGbps !== undefined || f.linkRttMs !== undefined) {
    if (f.linkGbps === undefined || f.linkRttMs === undefined) {
      throw new LlmFitError("bad_args", "fit: --link-gbps and --link-rtt-ms go together", "e.g. --link-gbps 9.4 --link-rtt-ms 0.1 (iperf3 and ping measure them)");
    }
    return customLink(f.linkGbps, f.linkRttMs);
  }
  if (f.link !== undefined) return linkPreset(f.link);
  return fileLink ?? linkPreset(DEFAULT_LINK);
}

export async function clusterFrom(f: ClusterFlags, o: HostLoadOptions = {}): Promise<{ hosts: ClusterHost[]; link: Link }> {
  if (f.cluster !== undefined && f.host !== undefined && f.host.length > 0) {
    throw new LlmFitError("bad_args", "fit: give --host flags or one --cluster file, not both", "put every host in the cluster file");
  }
  if (f.cluster !== undefined) {
    const c = await loadClusterFile(f.cluster, o);
    return { hosts: [...c.hosts], link: linkFrom(f, c.link) };
  }
  const values = f.host ?? [];
  const hosts = await Promise.all(values.map((v, i) => loadHost(v, i, o)));
  // two hosts with one name would read as one in the plan and the commands
  const seen = new Set<string>();
  const named = hosts.map((h, i) => {
    const name = seen.has(h.name) ? `${h.name}#${i + 1}` : h.name;
    seen.add(name);
    return { ...h, name };
  });
  return { hosts: named, link: linkFrom(f, undefined) };
}

/** What llama-server loads: the catalog's GGUF repo at the quant, the file, or the URL. */
export function llamaModelArg(model: string, entry: CatalogEntry | undefined, quantLabel: string): string {
  if (/^https?:\/\//i.test(model)) return `-mu ${model}`;
  if (model.endsWith(".gguf")) return `-m ${model}`;
  const repo = entry && "gguf" in entry ? entry.gguf[0] : undefined;
  return repo ? `-hf ${repo}:${quantLabel}` : `-m ${model}-${quantLabel}.gguf`;
}

export async function runClusterFit(input: ClusterFitInput, f: ClusterFlags, out: (t: string) => void, o: HostLoadOptions = {}): Promise<number> {
  const { hosts, link } = await clusterFrom(f, o);
  if (hosts.length === 0) throw new LlmFitError("bad_args", "fit: the cluster has no hosts", "give --host twice or more");
  const sizer = createSizer();
  const quantLabel = input.quant ?? input.shape.fileType ?? "file";
  const advice = adviseRpc({ shape: input.shape, quant: input.quant, settings: input.settings, hosts, link, sizer });
  const modelArg = llamaModelArg(input.model, input.entry, quantLabel);
  // vLLM serves the safetensors checkpoint (the catalog's hf repo), whatever GGUF quant llama.cpp uses
  const hfRepo = input.entry?.hf;
  const entry = input.entry?.kind === "diffusion" ? undefined : input.entry;
  const paramsTotal = entry ? servedParams(entry, input.shape) : undefined;
  const vllm = adviseVllm(input.shape, hosts, {
    ctx: input.settings.ctx, ...(entry?.checkpoint ? { checkpoint: entry.checkpoint } : {}), ...(paramsTotal !== undefined && { paramsTotal }),
  });
  const gpuHosts = hosts.filter((h) => vllmGpus(h).length > 0).length;
  const vllmContexts = input.settings.ctx > 512 ? [512, input.settings.ctx] : [input.settings.ctx];
  const vllmSetup = vllm.best ? vllmPlanSetup(input.shape, vllm.best, link) : undefined;
  const vllmAt = vllmSetup ? vllmSpeed(vllmSetup, vllmContexts) : [];
  const faster = vllm.best && vllmAt[0] ? fasterVllmPlan(input.shape, vllm.best, vllmAt[0], vllm.tried, link) : undefined;
  const vllmTps = vllmSetup ? { setup: vllmSetup, at: vllmAt, ...(faster ? { faster } : {}) } : undefined;
  if (input.json) {
    out(`${JSON.stringify({
      model: input.model, arch: input.shape.arch, quant: quantLabel, ctx: input.settings.ctx,
      rpc: rpcAdviceJson(advice, modelArg, input.settings), vllm: vllmJson(vllm.best, hfRepo, vllmTps),
    })}\n`);
  } else {
    const lines = [
      ...rpcAdviceLines(advice, `${input.model} (${input.shape.arch}, ${quantLabel})`, modelArg, input.settings),
      "",
      ...vllmLines(vllm.best, vllm.tried, hfRepo, gpuHosts, vllmTps),
    ];
    out(`${lines.join("\n")}\n`);
  }
  return advice.best.layout.verdict === "no" && !vllm.best ? 1 : 0;
}
