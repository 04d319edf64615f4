// GGUF models already on this machine, for the embedded runtime when no server answers: the
// node-llama-cpp models dir (where `npx node-llama-cpp pull` and llmfit's own download put them),
// LM Studio's model dirs, and Ollama's store (manifests name a blob that is a plain GGUF).
// Only files that exist and whose header parses as GGUF are listed: a half-written download, a
// vision projector or a stray .bin must not reach the picker.
import { readdir, readFile, stat } from "node:fs/promises";
import { homedir } from "node:os";
import { join, relative, sep } from "node:path";
import * as z from "zod";
import { lazySchema } from "../lazy-schema.js";
import { parseGgufHeader } from "../models/gguf-read.js";
import { fileSource } from "../models/gguf-source.js";
import { OLLAMA_MODEL_MEDIA_TYPE, ollamaStoreDirs } from "../models/sources/ollama-registry.js";

export type OnDiskSource = "node-llama-cpp" | "LM Studio" | "Ollama";

export interface OnDiskModel {
  readonly path: string;
  readonly bytes: number;
  readonly source: OnDiskSource;
  /** What to call it: the file name, or Ollama's tag. */
  readonly name: string;
}

export interface OnDiskDirs {
  readonly nodeLlamaCpp: readonly string[];
  readonly lmStudio: readonly string[];
  readonly ollama: readonly string[];
}

const homeOf = (env: NodeJS.ProcessEnv): string => env["HOME"] || homedir();

/** node-llama-cpp's default models dir (node-llama-cpp dist/config.js cliModelsDirectory). */
export function nodeLlamaCppModelsDir(env: NodeJS.ProcessEnv): string {
  return join(homeOf(env), ".node-llama-cpp", "models");
}

/**
 * Where each tool keeps its GGUFs: LM Studio 0.3+ uses ~/.lmstudio/models, older releases
 * ~/.cache/lm-studio/models (https://lmstudio.ai/docs/app/basics/import-model).
 */
export function onDiskDirs(env: NodeJS.ProcessEnv): OnDiskDirs {
  const home = homeOf(env);
  return {
    nodeLlamaCpp: [nodeLlamaCppModelsDir(env)],
    lmStudio: [join(home, ".lmstudio", "models"), join(home, ".cache", "lm-studio", "models")],
    ollama: ollamaStoreDirs(env),
  };
}

/** Not a model of its own: a vision projector, or a split set's later shard (llama.cpp loads those from the first). */
const isSideFile = (name: string): boolean => /mmproj|projector/i.test(name) || /-0*(?:[2-9]|\d{2,})-of-\d+\.gguf$/i.test(name);

/** Whether the file's header parses as GGUF (bounded: big arrays are skipped, not read). */
export async function isGguf(path: string): Promise<boolean> {
  try {
    const src = await fileSource(path);
    try {
      await parseGgufHeader(src);
      return true;
    } finally {
      await src.close();
    }
  } catch {
    return false;
  }
}

/** .gguf files under `dir`, at most `depth` folders down (LM Studio nests publisher/repo/file). */
async function ggufFiles(dir: string, depth: number): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return []; // not there, or not readable: nothing to offer
  }
  const out: string[] = [];
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory() && depth > 0 && !e.name.startsWith(".")) out.push(...(await ggufFiles(p, depth - 1)));
    else if (e.isFile() && /\.gguf$/i.test(e.name) && !isSideFile(e.name)) out.push(p);
  }
  return out;
}

const ManifestSchema = lazySchema(() => z.looseObject({
  layers: z.array(z.looseObject({ mediaType: z.string(), digest: z.string().regex(/^sha256:[0-9a-f]{64}$/) })),
}));

/** Ollama's pulled models: manifests/HOST/NAMESPACE/NAME/TAG → blobs/sha256-HEX. */
async function ollamaModels(store: string): Promise<Array<{ path: string; name: string }>> {
  const manifests = join(store, "manifests");
  const files: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory() && depth > 0) await walk(join(dir, e.name), depth - 1);
      else if (e.isFile() && depth === 0) files.push(join(dir, e.name));
    }
  };
  await walk(manifests, 3);
  const out: Array<{ path: string; name: string }> = [];
  for (const file of files) {
    try {
      const m = ManifestSchema.safeParse(JSON.parse(await readFile(file, "utf8")) as unknown);
      const layer = m.success ? m.data.layers.find((l) => l.mediaType === OLLAMA_MODEL_MEDIA_TYPE) : undefined;
      if (!layer) continue;
      const [, ns, name, tag] = relative(manifests, file).split(sep);
      out.push({ path: join(store, "blobs", layer.digest.replace(":", "-")), name: `${ns === "library" ? "" : `${ns}/`}${name}:${tag}` });
    } catch {
      // an unreadable or foreign manifest is not a model we can offer
    }
  }
  return out;
}

/** Every readable GGUF model in `dirs`, node-llama-cpp's first, then LM Studio's, then Ollama's; no path twice. */
export async function findOnDiskModels(dirs: OnDiskDirs): Promise<OnDiskModel[]> {
  const candidates: Array<{ path: string; name: string; source: OnDiskSource }> = [];
  for (const d of dirs.nodeLlamaCpp) for (const p of await ggufFiles(d, 2)) candidates.push({ path: p, name: relative(d, p), source: "node-llama-cpp" });
  for (const d of dirs.lmStudio) for (const p of await ggufFiles(d, 3)) candidates.push({ path: p, name: relative(d, p), source: "LM Studio" });
  for (const d of dirs.ollama) for (const m of await ollamaModels(d)) candidates.push({ ...m, source: "Ollama" });
  const seen = new Set<string>();
  const out: OnDiskModel[] = [];
  for (const c of candidates) {
    if (seen.has(c.path)) continue;
    seen.add(c.path);
    const st = await stat(c.path).catch(() => undefined);
    if (!st?.isFile() || !(await isGguf(c.path))) continue;
    out.push({ ...c, bytes: st.size });
  }
  return out;
}
