// The exact size of a catalog model's GGUF file for one quant, from a Hub listing already in the
// sources cache (left there by `:LlmFit fit hf:…` or `llmfit fit hf:…`). Nothing goes over the
// network: the report paints without fetching, and says how to read the listing when it has none.
import { join } from "node:path";
import { z } from "zod";
import { defaultCacheDir } from "../../hardware/cache.js";
import { diskCache } from "./cache.js";
import { hubAccess } from "./hub.js";
import { ggufQuants, pickQuant } from "./repo-files.js";

export interface KnownFile {
  readonly repo: string;
  readonly quant: string;
  /** The file (or the first shard of a split set). */
  readonly path: string;
  readonly files: number;
  readonly bytes: number;
}

const Info = z.looseObject({ sha: z.string().min(1) });
const Tree = z.array(z.looseObject({ path: z.string(), size: z.number().int().nonnegative(), type: z.string().optional() }));

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
