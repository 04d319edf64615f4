// The machines of a cluster. A host is given as a simulated machine in the grammar of the
// hardware flags ("RTX 3090", "2x RTX 3090, ram=64", "Apple M2 Max 64GB@10.0.0.5", "cpu, ram=128"),
// or as `llmfit detect --json` output saved to a file or served at a URL (the real machine).
import { readFile } from "node:fs/promises";
import { LlmFitError } from "../errors.js";
import { HardwareSchema } from "../hardware/schema.js";
import { simulateHardware } from "../hardware/simulate.js";
import type { Hardware } from "../hardware/types.js";
import { requestJson } from "../runtimes/http.js";
import type { FetchLike } from "../runtimes/types.js";

export interface ClusterHost {
  /** What the plan calls it: the address when given, else "host1", "host2" … */
  readonly name: string;
  /** Where its rpc-server / Ray node listens; undefined when not given (the commands say so). */
  readonly address?: string;
  readonly hw: Hardware;
  /** How it was described, in words ("simulated: 2x RTX 3090", "detect --json from http://…"). */
  readonly origin: string;
}

const HOST_HINT = 'e.g. --host "RTX 3090", --host "2x RTX 4090, ram=128@10.0.0.2", --host "cpu, ram=64", --host http://10.0.0.3:8765/detect.json';

export function isUrl(text: string): boolean {
  return /^https?:\/\//i.test(text.trim());
}

function looksLikeFile(text: string): boolean {
  return /\.json$/i.test(text.trim());
}

interface SimulatedSpec {
  readonly gpus: readonly string[];
  readonly ramGb?: number;
  readonly address?: string;
}

/** "[N x] NAME [+ NAME …] [, ram=GB] [@ADDRESS]" or "cpu[, ram=GB]" → the GPUs, RAM and address. */
export function parseHostSpec(spec: string): SimulatedSpec {
  const at = spec.lastIndexOf("@");
  const address = at >= 0 ? spec.slice(at + 1).trim() : undefined;
  if (address !== undefined && !/^[A-Za-z0-9.\-:[\]]+$/.test(address)) {
    throw new LlmFitError("bad_args", `--host "${spec}": "${address}" is not a host name or address`, HOST_HINT);
  }
  const body = (at >= 0 ? spec.slice(0, at) : spec).trim();
  const [devices = "", ...opts] = body.split(",").map((p) => p.trim());
  let ramGb: number | undefined;
  for (const o of opts) {
    const m = /^ram\s*=\s*([0-9.]+)\s*(gb)?$/i.exec(o);
    if (!m) throw new LlmFitError("bad_args", `--host "${spec}": unknown option "${o}"`, `the only option is ram=GB; ${HOST_HINT}`);
    ramGb = Number(m[1]);
    if (!(ramGb > 0)) throw new LlmFitError("bad_args", `--host "${spec}": ram must be a size in GB`, HOST_HINT);
  }
  if (devices === "") throw new LlmFitError("bad_args", `--host "${spec}": no machine named`, HOST_HINT);
  const gpus: string[] = [];
  if (devices.toLowerCase() !== "cpu") {
    for (const part of devices.split("+").map((p) => p.trim())) {
      const m = /^(\d+)\s*[x×]\s+(.+)$/i.exec(part);
      const count = m ? Number(m[1]) : 1;
      const name = m?.[2] ?? part;
      if (count < 1 || count > 16) throw new LlmFitError("bad_args", `--host "${spec}": ${count} GPUs of one kind`, "give 1 to 16, e.g. 2x RTX 3090");
      for (let i = 0; i < count; i++) gpus.push(name);
    }
  }
  return { gpus, ...(ramGb !== undefined ? { ramGb } : {}), ...(address ? { address } : {}) };
}

/** A simulated host: every figure from the spec tables, said so in its notes. */
export function simulatedHost(spec: string, index: number, now?: () => Date): ClusterHost {
  const s = parseHostSpec(spec);
  // simulateHardware names unknown GPUs with the nearest spec rows in its error
  const hw = simulateHardware(s.gpus, { ...(s.ramGb !== undefined ? { ramGb: s.ramGb } : {}), ...(now ? { now } : {}) });
  return {
    name: s.address ?? `host${index + 1}`,
    ...(s.address ? { address: s.address } : {}),
    hw,
    origin: `simulated: ${s.gpus.length > 0 ? s.gpus.join(" + ") : "CPU only"}${s.ramGb !== undefined ? `, ${s.ramGb} GB RAM` : ""}`,
  };
}

function parseDetectJson(text: string, where: string): Hardware {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new LlmFitError("bad_args", `${where} is not JSON`, "save it with `llmfit detect --json > host.json` on that machine");
  }
  const parsed = HardwareSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LlmFitError("bad_args", `${where} is not \`llmfit detect --json\` output (${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "wrong shape"})`, "save it with `llmfit detect --json > host.json` on that machine");
  }
  return parsed.data as Hardware;
}

export interface HostLoadOptions {
  readonly fetch?: FetchLike;
  readonly timeoutMs?: number;
  readonly now?: () => Date;
}

/** A real machine's profile from `llmfit detect --json`, saved to `file` or served at `url`. */
export async function detectedHost(source: string, index: number, o: HostLoadOptions = {}): Promise<ClusterHost> {
  if (isUrl(source)) {
    const url = new URL(source.trim());
    const endpoint = { label: "host profile", url: url.origin, startHint: `serve \`llmfit detect --json\` output at ${url.href}, or save it to a file and give the path` };
    const transport = { fetch: o.fetch ?? fetch, timeoutMs: o.timeoutMs ?? 5000 };
    const hw = (await requestJson(endpoint, transport, { path: `${url.pathname}${url.search}`, maxBytes: 1024 * 1024 }, HardwareSchema)) as Hardware;
    return { name: url.hostname, address: url.hostname, hw, origin: `detect --json from ${url.href}` };
  }
  let text: string;
  try {
    text = await readFile(source, "utf8");
  } catch {
    throw new LlmFitError("not_found", `--host ${source}: no such file`, "save it with `llmfit detect --json > host.json` on that machine");
  }
  return { name: `host${index + 1}`, hw: parseDetectJson(text, source), origin: `detect --json from ${source}` };
}

/** One --host value: a URL or a .json file is a real machine's profile, anything else a simulated one. */
export async function loadHost(value: string, index: number, o: HostLoadOptions = {}): Promise<ClusterHost> {
  if (isUrl(value) || looksLikeFile(value)) return detectedHost(value, index, o);
  return simulatedHost(value, index, o.now);
}
