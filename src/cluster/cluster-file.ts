// A cluster described in a JSON or YAML file (YAML 1.2 read by the `yaml` package): its hosts (simulated, or real profiles inline, in a file or
// at a URL) and the link between them. The first host is the main one (llama-server, Ray head).
//
// {
//   "link": { "preset": "10gbe" }            or { "gbps": 9.4, "rttMs": 0.1 },
//   "hosts": [
//     { "spec": "2x RTX 3090", "address": "10.0.0.1" },
//     { "profile": "http://10.0.0.2:8765/detect.json" },
//     { "hardware": { …llmfit detect --json… }, "address": "10.0.0.3", "name": "mac" }
//   ]
// }
import { readFile } from "node:fs/promises";
import { dirname, isAbsolute, resolve } from "node:path";
import * as z from "zod";
import { lazySchema } from "../lazy-schema.js";
import { LlmFitError } from "../errors.js";
import { HardwareSchema } from "../hardware/schema.js";
import type { Hardware } from "../hardware/types.js";
import { detectedHost, isUrl, simulatedHost, type ClusterHost, type HostLoadOptions } from "./hosts.js";
import { customLink, linkPreset, type Link } from "./link.js";

const HostEntrySchema = lazySchema(() => z
  .object({
    name: z.string().min(1).optional(),
    address: z.string().regex(/^[A-Za-z0-9.\-:[\]]+$/, "a host name or IP address").optional(),
    spec: z.string().min(1).optional(),
    profile: z.string().min(1).optional(),
    hardware: HardwareSchema.optional(),
  })
  .strict()
  .refine((h) => [h.spec, h.profile, h.hardware].filter((x) => x !== undefined).length === 1, {
    message: 'give exactly one of "spec", "profile" or "hardware"',
  }));

const LinkSchema = lazySchema(() => z.union([
  z.object({ preset: z.string().min(1) }).strict(),
  z.object({ gbps: z.number().positive(), rttMs: z.number().nonnegative() }).strict(),
]));

export const ClusterFileSchema = lazySchema(() => z
  .object({
    link: LinkSchema.optional(),
    hosts: z.array(HostEntrySchema).min(1).max(64),
  })
  .strict());

export interface ClusterSpec {
  readonly hosts: readonly ClusterHost[];
  readonly link?: Link;
}

const FIX = "see :help llmfit-cluster for the cluster file format";

export async function loadClusterFile(path: string, o: HostLoadOptions = {}): Promise<ClusterSpec> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new LlmFitError("not_found", `--cluster ${path}: no such file`, FIX);
  }
  let raw: unknown;
  if (/\.ya?ml$/i.test(path) || !/^\s*[{[]/.test(text)) {
    raw = await parseYamlFile(path, text);
  } else {
    try {
      raw = JSON.parse(text);
    } catch {
      throw new LlmFitError("bad_args", `--cluster ${path} is not JSON`, FIX);
    }
  }
  const parsed = ClusterFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LlmFitError("bad_args", `--cluster ${path}: ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "wrong shape"}`, FIX);
  }
  const base = dirname(path);
  const hosts: ClusterHost[] = [];
  for (const [i, h] of parsed.data.hosts.entries()) {
    let host: ClusterHost;
    if (h.spec !== undefined) host = simulatedHost(h.spec, i, o.now);
    else if (h.profile !== undefined) {
      const where = isUrl(h.profile) || isAbsolute(h.profile) ? h.profile : resolve(base, h.profile);
      host = await detectedHost(where, i, o);
    } else host = { name: `host${i + 1}`, hw: h.hardware as Hardware, origin: `detect --json in ${path}` };
    const address = h.address ?? host.address;
    hosts.push({ ...host, name: h.name ?? address ?? host.name, ...(address ? { address } : {}) });
  }
  const l = parsed.data.link;
  const link = l === undefined ? undefined : "preset" in l ? linkPreset(l.preset) : customLink(l.gbps, l.rttMs);
  return { hosts, ...(link ? { link } : {}) };
}

/**
 * A YAML cluster file's value. One document, unique keys, and at most a few aliases (a file that
 * expands into millions of nodes is refused): the first line of the package's error, which names
 * the line and column, is the message. Loaded on first use: most runs read no cluster file.
 */
export async function parseYamlFile(path: string, text: string): Promise<unknown> {
  const { parse } = await import("yaml");
  try {
    return parse(text, { uniqueKeys: true, maxAliasCount: 100, prettyErrors: true });
  } catch (e) {
    // YAMLError for bad syntax, a ReferenceError for too many aliases: either way, the file's fault
    if (!(e instanceof Error)) throw e;
    const first = (e.message.split("\n")[0] ?? "").replace(/:$/, "");
    throw new LlmFitError("bad_args", `--cluster ${path} is not JSON or YAML: ${first}`, FIX);
  }
}
