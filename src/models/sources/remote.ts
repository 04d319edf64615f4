// A model named by where it lives — a Hugging Face repo (GGUF or safetensors) or an Ollama
// registry tag — read header-only and turned into the shapes sizing takes. Nothing here runs
// unless the person named such a model; every byte comes through range reads with bounds, and
// what was read (and whether it came from the cache) is reported with the answer.
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { LlmFitError } from "../../errors.js";
import { defaultCacheDir } from "../../hardware/cache.js";
import { readGgufShape } from "../gguf.js";
import type { ModelShape } from "../shape.js";
import { diskCache, noCache } from "./cache.js";
import { getJson, type SourceHttp } from "./http.js";
import { fetchHfManifest, hfBlobFile } from "./hf-registry.js";
import { DEFAULT_HF_ENDPOINT, hubAccess, hubStatusLine, listRepo, resolveUrl, type HubAccess, type RepoFiles } from "./hub.js";
import { blobFile, fetchManifest, localOllamaBlob, modelLayer, ollamaStoreDirs, registryBase, registryStatusLine } from "./ollama-registry.js";
import { rangeFetchFor, readRange, type RemoteFile, type SourceContext } from "./range-reader.js";
import { refLabel, type HfRef, type HfRegistryRef, type OllamaRef, type RemoteRef } from "./refs.js";
import { defaultQuant, ggufQuants, pickQuant, safetensorsSet, type GgufQuant, type ListedFile } from "./repo-files.js";
import { mergeSummaries, readSafetensorsHeader } from "./safetensors.js";
import { shapeFromSafetensors, type SafetensorsModel } from "./safetensors-shape.js";

export interface RemoteDeps {
  readonly env: NodeJS.ProcessEnv;
  readonly fetch?: typeof fetch;
  /** Ollama registry base URL (--registry, runtimes.ollama.registry). */
  readonly registry?: string;
  /** false: keep nothing; a path: that directory; undefined: <cache dir>/llmfit/sources. */
  readonly cacheDir?: string | false;
  readonly timeoutMs?: number;
  readonly idleMs?: number;
  readonly signal?: AbortSignal;
  /** Bytes received so far for `what`. */
  readonly onProgress?: (what: string, bytes: number) => void;
  /** Ollama's model stores to look in before the registry (default: ollamaStoreDirs(env)). */
  readonly ollamaStores?: readonly string[];
}

/** Where the answer came from and what it cost. */
export interface SourceReport {
  /** The name as given back to the person: hf:org/repo:Q4_K_M, qwen3:8b. */
  readonly ref: string;
  /** "hf:org/repo@1a2b3c4", "registry.ollama.ai sha256:…", "local Ollama store". */
  readonly where: string;
  readonly files: readonly { readonly path: string; readonly bytes: number }[];
  /** Bytes that came over the network for this answer. */
  readonly bytesRead: number;
  /** Bytes served by the cache instead. */
  readonly bytesCached: number;
  readonly requests: number;
  /** True when nothing went over the network. */
  readonly fromCache: boolean;
}

export interface GgufAnswer {
  readonly label: string;
  readonly shape: ModelShape;
  readonly fileBytes: number;
}

export type RemoteModel =
  | { readonly kind: "gguf"; readonly quant: GgufAnswer; readonly source: SourceReport }
  | { readonly kind: "gguf-list"; readonly quants: readonly GgufAnswer[]; readonly source: SourceReport }
  | { readonly kind: "safetensors"; readonly model: SafetensorsModel; readonly tag?: string; readonly source: SourceReport };

/** A sources context for one answer: the HTTP limits, the disk cache, the byte counts. */
export function contextFor(deps: RemoteDeps): SourceContext {
  const stats = { network: 0, requests: 0, cached: 0 };
  const http: SourceHttp = {
    fetch: deps.fetch ?? fetch,
    timeoutMs: deps.timeoutMs ?? 20_000,
    idleMs: deps.idleMs ?? 20_000,
    stats,
    ...(deps.signal ? { signal: deps.signal } : {}),
    ...(deps.onProgress ? { onProgress: deps.onProgress } : {}),
  };
  const dir = deps.cacheDir === undefined ? join(defaultCacheDir(deps.env, process.platform), "sources") : deps.cacheDir;
  return { http, cache: dir === false ? noCache : diskCache(dir), stats, redirected: new Map() };
}

function report(ctx: SourceContext, ref: string, where: string, files: readonly ListedFile[], listedFromCache = true): SourceReport {
  return {
    ref,
    where,
    files: files.map((f) => ({ path: f.path, bytes: f.size })),
    bytesRead: ctx.stats.network,
    bytesCached: ctx.stats.cached,
    requests: ctx.stats.requests,
    fromCache: ctx.stats.network === 0 && listedFromCache,
  };
}

function hubFile(access: HubAccess, repo: string, sha: string, f: ListedFile, what: string): RemoteFile {
  return {
    url: resolveUrl(access, repo, sha, f.path),
    // The LFS sha256 names the bytes exactly (the same file under another repo or an Ollama hf.co tag shares it).
    key: f.oid !== undefined ? `sha256:${f.oid}` : `hf ${repo}@${sha}/${f.path}`,
    what: `${what} ${f.path}`,
    size: f.size,
    ...(access.credential ? { credential: access.credential } : {}),
  };
}

async function readQuant(ctx: SourceContext, access: HubAccess, listing: RepoFiles, q: GgufQuant, what: string): Promise<GgufAnswer> {
  const files = q.files.map((f) => hubFile(access, listing.repo, listing.sha, f, what));
  const byUrl = new Map(files.map((f) => [f.url, f]));
  const first = files[0] as RemoteFile;
  const shape = await readGgufShape(first.url, { fetch: rangeFetchFor(ctx, byUrl, (err) => hubStatusLine(err, what, access, listing.repo, listing.gated)) });
  return { label: q.label, shape, fileBytes: q.bytes };
}

const listedFiles = (listing: RepoFiles): ListedFile[] =>
  listing.files.map((e) => ({ path: e.path, size: e.lfs?.size ?? e.size, ...(e.lfs ? { oid: e.lfs.oid } : {}) }));

async function readSafetensors(ctx: SourceContext, access: HubAccess, listing: RepoFiles, files: ListedFile[], what: string): Promise<{ model: SafetensorsModel; read: ListedFile[] }> {
  const set = safetensorsSet(files);
  if (!set) throw new Error("unreachable: checked by the caller");
  const cred = access.credential ? { credential: access.credential } : {};
  const small = async (f: ListedFile): Promise<unknown> => {
    const key = `hf-file ${access.endpoint} ${listing.repo} ${listing.sha} ${f.path}`;
    const hit = await ctx.cache.getJson(key);
    if (hit !== undefined) return hit;
    try {
      const { value } = await getJson(ctx.http, resolveUrl(access, listing.repo, listing.sha, f.path), { what: `${what} ${f.path}`, maxBytes: 32 * 1024 * 1024, ...cred }, (v) => v);
      await ctx.cache.putJson(key, value);
      return value;
    } catch (err) {
      throw hubStatusLine(err, what, access, listing.repo, listing.gated);
    }
  };
  const config = await small(set.config);
  // The index names the shards that hold weights; without one, every top-level safetensors file does.
  let shards = set.shards;
  if (set.index) {
    const index = await small(set.index);
    const map = typeof index === "object" && index !== null && "weight_map" in index ? (index as { weight_map: unknown }).weight_map : undefined;
    if (typeof map === "object" && map !== null) {
      const names = new Set(Object.values(map).filter((v): v is string => typeof v === "string"));
      shards = set.shards.filter((s) => names.has(s.path));
      const missing = [...names].filter((n) => !set.shards.some((s) => s.path === n));
      if (missing.length > 0) throw new LlmFitError("not_found", `${what}: the index names ${missing[0]}, which the repo does not have`, "the repo is incomplete; pick another revision");
    }
  }
  const summaries = [];
  for (const s of shards) {
    const file = hubFile(access, listing.repo, listing.sha, s, what);
    try {
      summaries.push(await readSafetensorsHeader(async (a, b) => (await readRange(ctx, file, a, b)).bytes, `${what} ${s.path}`, s.size));
    } catch (err) {
      throw hubStatusLine(err, what, access, listing.repo, listing.gated);
    }
  }
  return { model: shapeFromSafetensors(config, mergeSummaries(summaries), what), read: [set.config, ...(set.index ? [set.index] : []), ...shards] };
}

async function loadHf(ctx: SourceContext, ref: HfRef, env: NodeJS.ProcessEnv): Promise<RemoteModel> {
  const access = await hubAccess(env);
  const what = `hf:${ref.repo}`;
  const listing = await listRepo(ctx, access, ref.repo, ref.revision, what);
  const files = listedFiles(listing);
  const where = `${what}@${listing.sha.slice(0, 7)}`;
  const label = refLabel(ref);
  const quants = ggufQuants(files);
  if (ref.file !== undefined) {
    const q = quants.find((g) => g.files.some((f) => f.path === ref.file));
    if (!q) {
      const known = files.some((f) => f.path === ref.file);
      throw new LlmFitError("not_found", `${what} has no ${known ? "GGUF model file" : "file"} ${ref.file}`, `list the repo's quants with \`llmfit fit ${what}\``);
    }
    const quant = await readQuant(ctx, access, listing, q, what);
    return { kind: "gguf", quant, source: report(ctx, label, where, q.files, listing.fromCache) };
  }
  if (quants.length > 0) {
    if (ref.tag !== undefined) {
      const { quant, candidates } = pickQuant(quants, ref.tag);
      if (!quant) {
        const names = (candidates.length > 0 ? candidates : quants).map((q) => q.label).join(", ");
        throw new LlmFitError(
          candidates.length > 0 ? "bad_args" : "not_found",
          candidates.length > 0 ? `${what}: "${ref.tag}" matches several files (${names})` : `${what} has no ${ref.tag} file (it has ${names})`,
          candidates.length > 0 ? "name one file: hf:ORG/REPO/path/file.gguf" : `pick one of those: ${what}:${quants[0]?.label ?? "Q4_K_M"}`,
        );
      }
      const answer = await readQuant(ctx, access, listing, quant, what);
      return { kind: "gguf", quant: answer, source: report(ctx, label, where, quant.files, listing.fromCache) };
    }
    // A few headers at a time: each is a couple of range requests, mostly waiting.
    const answers: GgufAnswer[] = new Array<GgufAnswer>(quants.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let i = next++; i < quants.length; i = next++) answers[i] = await readQuant(ctx, access, listing, quants[i] as GgufQuant, what);
    };
    await Promise.all([worker(), worker(), worker()]);
    return { kind: "gguf-list", quants: answers, source: report(ctx, label, where, quants.flatMap((q) => q.files), listing.fromCache) };
  }
  if (safetensorsSet(files)) {
    const { model, read } = await readSafetensors(ctx, access, listing, files, what);
    return { kind: "safetensors", model, ...(ref.tag !== undefined ? { tag: ref.tag } : {}), source: report(ctx, label, where, read, listing.fromCache) };
  }
  throw new LlmFitError("not_found", `${what} has no GGUF files and no config.json with safetensors weights`, "point at the model's GGUF or transformers repo");
}

async function loadOllama(ctx: SourceContext, ref: OllamaRef, deps: RemoteDeps): Promise<RemoteModel> {
  const registry = registryBase(deps.registry);
  const label = refLabel(ref);
  const local = await fromOllamaStore(deps, registry, ref, label);
  if (local) return local;
  const { manifest, fromCache } = await fetchManifest(ctx, registry, ref);
  const layer = modelLayer(manifest, label);
  const blob = blobFile(registry, ref, layer);
  const shape = await readGgufShape(blob.url, { fetch: rangeFetchFor(ctx, new Map([[blob.url, blob]]), (err) => registryStatusLine(err, ref, registry)) });
  return {
    kind: "gguf",
    quant: { label: shape.fileType ?? ref.tag, shape, fileBytes: layer.size },
    source: report(ctx, label, `${new URL(registry).host} ${layer.digest.slice(0, 19)}`, [{ path: layer.digest, size: layer.size }], fromCache),
  };
}

/** A tag Ollama has already pulled, read from its own store (nothing goes over the network). */
async function fromOllamaStore(deps: RemoteDeps, registry: string, ref: OllamaRef, label: string): Promise<RemoteModel | undefined> {
  const local = await localOllamaBlob(deps.ollamaStores ?? ollamaStoreDirs(deps.env), registry, ref);
  if (!local) return undefined;
  const shape = await readGgufShape(local.path);
  const { size } = await stat(local.path);
  return {
    kind: "gguf",
    quant: { label: shape.fileType ?? ref.tag, shape, fileBytes: size },
    source: { ref: label, where: `local Ollama store ${local.digest.slice(0, 19)}`, files: [{ path: local.path, bytes: size }], bytesRead: 0, bytesCached: 0, requests: 0, fromCache: false },
  };
}

/** hf.co/ORG/REPO[:TAG]: the manifest the Hub's registry gives Ollama, then that blob's header. */
async function loadHfRegistry(ctx: SourceContext, ref: HfRegistryRef, deps: RemoteDeps): Promise<RemoteModel> {
  const access = await hubAccess(deps.env);
  const label = refLabel(ref);
  // Ollama files an hf.co pull under the host as typed (manifests/hf.co/ORG/REPO/TAG); another
  // HF_ENDPOINT is its own host.
  const storeHost = access.endpoint === DEFAULT_HF_ENDPOINT ? `https://${ref.host}` : access.endpoint;
  const [org, name] = ref.repo.split("/") as [string, string];
  const local = await fromOllamaStore(deps, storeHost, { kind: "ollama", namespace: org, name, tag: ref.tag }, label);
  if (local) return local;
  const { manifest, fromCache } = await fetchHfManifest(ctx, access, ref);
  const layer = modelLayer(manifest, label);
  const blob = hfBlobFile(access, ref, layer);
  const shape = await readGgufShape(blob.url, { fetch: rangeFetchFor(ctx, new Map([[blob.url, blob]]), (err) => hubStatusLine(err, label, access, ref.repo)) });
  return {
    kind: "gguf",
    quant: { label: shape.fileType ?? ref.tag, shape, fileBytes: layer.size },
    source: report(ctx, label, `${new URL(access.endpoint).host} registry ${layer.digest.slice(0, 19)}`, [{ path: layer.digest, size: layer.size }], fromCache),
  };
}

/** Reads the model `ref` names, header-only. */
export async function loadRemoteModel(ref: RemoteRef, deps: RemoteDeps): Promise<RemoteModel> {
  const ctx = contextFor(deps);
  if (ref.kind === "hf-registry") return loadHfRegistry(ctx, ref, deps);
  return ref.kind === "hf" ? loadHf(ctx, ref, deps.env) : loadOllama(ctx, ref, deps);
}
