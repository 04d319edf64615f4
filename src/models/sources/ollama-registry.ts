// An Ollama tag's GGUF, as `ollama pull` would get it: the registry's manifest
// (GET /v2/{namespace}/{name}/manifests/{tag}, a Docker v2 manifest whose layer of media type
// application/vnd.ollama.image.model is the GGUF file; ollama/ollama server/internal/manifest)
// and that layer's blob (GET /v2/{namespace}/{name}/blobs/{digest}, which redirects to storage
// that answers range requests). A tag already pulled is read from Ollama's own store instead:
// $OLLAMA_MODELS (default ~/.ollama/models)/manifests/{registry host}/{namespace}/{name}/{tag},
// blobs/sha256-{hex}; nothing goes over the network then.
import { access, readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import * as z from "zod";
import { lazySchema } from "../../lazy-schema.js";
import { LlmFitError } from "../../errors.js";
import { MOVING_TTL_MS } from "./cache.js";
import { getJson, hostOf, HttpStatusError } from "./http.js";
import type { RemoteFile, SourceContext } from "./range-reader.js";
import type { OllamaRef } from "./refs.js";

export const DEFAULT_OLLAMA_REGISTRY = "https://registry.ollama.ai";
export const OLLAMA_MODEL_MEDIA_TYPE = "application/vnd.ollama.image.model";
export const MANIFEST_ACCEPT = "application/vnd.docker.distribution.manifest.v2+json";

export const ManifestSchema = lazySchema(() => z.looseObject({
  schemaVersion: z.number().int().optional(),
  layers: z.array(z.looseObject({ mediaType: z.string(), digest: z.string().regex(/^sha256:[0-9a-f]{64}$/), size: z.number().int().nonnegative() })),
}));
export type OllamaManifest = z.infer<typeof ManifestSchema>;

const tagName = (ref: OllamaRef): string => `${ref.namespace === "library" ? "" : `${ref.namespace}/`}${ref.name}:${ref.tag}`;

export function registryStatusLine(err: unknown, ref: OllamaRef, registry: string): unknown {
  if (!(err instanceof HttpStatusError)) return err;
  const what = tagName(ref);
  if (err.status === 404 || err.status === 401 || err.status === 403) {
    // The registry answers 401/403 for names it does not serve to anonymous clients, too.
    const page = ref.namespace === "library" ? `https://ollama.com/library/${ref.name}/tags` : `https://ollama.com/${ref.namespace}/${ref.name}/tags`;
    return new LlmFitError("not_found", `${hostOf(registry)} has no model ${what} (HTTP ${err.status})`, `check the tag on ${page}`);
  }
  if (err.status === 429) {
    const s = err.retryAfterSeconds();
    return new LlmFitError("http", `${what}: the registry is rate-limiting requests (HTTP 429)`, s !== undefined ? `try again in ${s} s` : "try again in a minute");
  }
  return new LlmFitError("http", `${what}: ${hostOf(registry)} answered HTTP ${err.status}`, "try again later, or check --registry");
}

/** The model layer (the GGUF file) of a manifest, or one line saying why there is none. */
export function modelLayer(manifest: OllamaManifest, what: string): OllamaManifest["layers"][number] {
  const layer = manifest.layers.find((l) => l.mediaType === OLLAMA_MODEL_MEDIA_TYPE);
  if (!layer) throw new LlmFitError("bad_gguf", `${what} has no GGUF model layer (it may be a safetensors import)`, "size it from its Hugging Face repo: hf:ORG/REPO");
  return layer;
}

export function registryBase(registry: string | undefined): string {
  const raw = (registry ?? DEFAULT_OLLAMA_REGISTRY).trim();
  try {
    const u = new URL(/^https?:\/\//i.test(raw) ? raw : `https://${raw}`);
    return u.toString().replace(/\/+$/, "");
  } catch {
    throw new LlmFitError("bad_args", `the Ollama registry "${raw}" is not a URL`, "give --registry https://registry.ollama.ai (or set runtimes.ollama.registry)");
  }
}

/** The manifest for `ref` (cached for an hour: a tag can be re-pushed). */
export async function fetchManifest(ctx: SourceContext, registry: string, ref: OllamaRef): Promise<{ manifest: OllamaManifest; fromCache: boolean }> {
  const key = `ollama-manifest ${registry} ${ref.namespace}/${ref.name}:${ref.tag}`;
  const cached = ManifestSchema.safeParse(await ctx.cache.getJson(key, MOVING_TTL_MS));
  if (cached.success) return { manifest: cached.data, fromCache: true };
  const url = `${registry}/v2/${ref.namespace}/${ref.name}/manifests/${encodeURIComponent(ref.tag)}`;
  try {
    const { value } = await getJson(ctx.http, url, { what: tagName(ref), accept: MANIFEST_ACCEPT, maxBytes: 1024 * 1024 }, (v) => {
      const r = ManifestSchema.safeParse(v);
      if (!r.success) throw new LlmFitError("http", `${tagName(ref)}: ${hostOf(registry)} sent a manifest this program cannot read`, "check --registry");
      return r.data;
    });
    await ctx.cache.putJson(key, value);
    return { manifest: value, fromCache: false };
  } catch (err) {
    throw registryStatusLine(err, ref, registry);
  }
}

export function blobFile(registry: string, ref: OllamaRef, layer: { digest: string; size: number }): RemoteFile {
  return {
    url: `${registry}/v2/${ref.namespace}/${ref.name}/blobs/${layer.digest}`,
    key: layer.digest,
    what: `${tagName(ref)} (blob ${layer.digest.slice(7, 19)})`,
    size: layer.size,
  };
}

/** Where Ollama keeps its models on this machine: $OLLAMA_MODELS, the user's, the Linux service's. */
export function ollamaStoreDirs(env: NodeJS.ProcessEnv): string[] {
  if (env["OLLAMA_MODELS"]) return [env["OLLAMA_MODELS"]];
  return [join(env["HOME"] || homedir(), ".ollama", "models"), "/usr/share/ollama/.ollama/models"];
}

/** The pulled GGUF of `ref` in a local Ollama store, if one holds it. */
export async function localOllamaBlob(dirs: readonly string[], registry: string, ref: OllamaRef): Promise<{ path: string; digest: string } | undefined> {
  const host = hostOf(registry);
  for (const dir of dirs) {
    try {
      const text = await readFile(join(dir, "manifests", host, ref.namespace, ref.name, ref.tag), "utf8");
      const m = ManifestSchema.safeParse(JSON.parse(text) as unknown);
      const layer = m.success ? m.data.layers.find((l) => l.mediaType === OLLAMA_MODEL_MEDIA_TYPE) : undefined;
      if (!layer) continue;
      const path = join(dir, "blobs", layer.digest.replace(":", "-"));
      await access(path);
      return { path, digest: layer.digest };
    } catch {
      // not in this store
    }
  }
  return undefined;
}
