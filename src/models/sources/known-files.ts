// The exact size of a catalog model's GGUF file for one quant, from a Hub listing already in the
// sources cache (left there by `:LlmFit fit hf:…`, `llmfit fit hf:…` or the detail's key).
// knownQuantFile never goes over the network: the report paints without fetching. fetchQuantFile
// reads the listing (two small API answers, no file bytes) and runs only when the person asks.
import { join } from "node:path";
import * as z from "zod";
import { lazySchema } from "../../lazy-schema.js";
import { defaultCacheDir } from "../../hardware/cache.js";
import { LlmFitError } from "../../errors.js";
import { diskCache } from "./cache.js";
import { hubAccess, listRepo } from "./hub.js";
import { contextFor } from "./remote.js";
import { ggufQuants, pickQuant } from "./repo-files.js";

export interface KnownFile {
  readonly repo: string;
  readonly quant: string;
  /** The file (or the first shard of a split set). */
  readonly path: string;
  readonly files: number;
  readonly bytes: number;
}

const Info = lazySchema(() => z.looseObject({ sha: z.string().min(1) }));
const Tree = lazySchema(() => z.array(z.looseObject({ path: z.string(), size: z.number().int().nonnegative(), type: z.string().optional() })));

/** The quant's file(s) in `repo` at its main branch as last listed, or undefined when never listed. */
export async function knownQuantFile(repo: string, quant: string, env: NodeJS.ProcessEnv, cacheDir?: string): Promise<KnownFile | undefined> {
  const cache = diskCache(cacheDir ?? join(defaultCacheDir(env, process.platform), "sources"));
  const { endpoint } = await hubAccess(env);
  // any age: a listing only names files, and the caller says where the figure came from
  const info = Info.safeParse(await cache.getJson(`hf-info ${endpoint} ${repo} main`));
  if (!info.success) return undefined;
  const tree = Tree.safeParse(await cache.getJson(`hf-tree ${endpoint} ${repo} ${info.data.sha}`));
  if (!tree.success) return undefined;
  const { quant: q } = pickQuant(ggufQuants(tree.data.filter((f) => f.type === undefined || f.type === "file")), quant);
  if (!q) return undefined;
  return { repo, quant: q.label, path: q.files[0]!.path, files: q.files.length, bytes: q.bytes };
}

/** Reads `repo`'s listing from the Hub into the sources cache, then answers as knownQuantFile does. */
export async function fetchQuantFile(repo: string, quant: string, env: NodeJS.ProcessEnv, opts: { cacheDir?: string; fetch?: typeof fetch; signal?: AbortSignal } = {}): Promise<KnownFile> {
  const dir = opts.cacheDir ?? join(defaultCacheDir(env, process.platform), "sources");
  const ctx = contextFor({ env, cacheDir: dir, ...(opts.fetch ? { fetch: opts.fetch } : {}), ...(opts.signal ? { signal: opts.signal } : {}) });
  const what = `hf:${repo}`;
  const listing = await listRepo(ctx, await hubAccess(env), repo, "main", what);
  const file = await knownQuantFile(repo, quant, env, dir);
  if (file) return file;
  const have = ggufQuants(listing.files.filter((f) => f.type === "file").map((f) => ({ path: f.path, size: f.lfs?.size ?? f.size }))).map((q) => q.label);
  throw new LlmFitError(
    "not_found",
    `${what} has no ${quant} file${have.length > 0 ? ` (it has ${have.join(", ")})` : " and no GGUF files"}`,
    have.length > 0 ? `size one of those: :LlmFit fit ${what}:${have[0]}` : "the catalog's GGUF link may be out of date",
  );
}
