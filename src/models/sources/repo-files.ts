// Which files of a repo listing make up a model (pure). GGUF repos hold one file per quant, or a
// split set (name-00001-of-00003.gguf) per quant, sometimes in a folder per quant; vision
// projectors (mmproj) ride along and are not the model. Transformers repos hold config.json and
// safetensors, sharded with model.safetensors.index.json.
import { compareText } from "../../text-order.js";

export interface ListedFile {
  readonly path: string;
  readonly size: number;
  /** The LFS sha256 when the listing gives one: the content's exact name. */
  readonly oid?: string;
}

export interface GgufQuant {
  /** The quant read from the file name ("Q4_K_M", "UD-Q4_K_XL", "BF16"), or the name itself. */
  readonly label: string;
  /** Every shard, in order; one entry for an unsplit file. */
  readonly files: readonly ListedFile[];
  readonly bytes: number;
}

const QUANT_IN_NAME =
  /(?:^|[._\-/])((?:UD-)?(?:IQ[1-4]_(?:XXS|XS|S|M|NL|L)|Q[2-8]_K(?:_(?:XXS|XS|S|M|L|XL))?|Q[4-8]_[01](?:_L)?|Q8_0|TQ[12]_0|MXFP4(?:_MOE)?|BF16|F16|F32|FP16))(?=[._\-/]|$)/i;

export function quantOfName(path: string): string | undefined {
  const base = path.replace(/\.gguf$/i, "");
  const m = QUANT_IN_NAME.exec(base);
  return m?.[1]?.toUpperCase().replace(/^FP16$/, "F16");
}

/**
 * A split GGUF's shard name, "PREFIX-00001-of-00003.gguf": llama.cpp's gguf-split writes
 * "%s-%05d-of-%05d.gguf" (llama_split_path, https://github.com/ggml-org/llama.cpp/blob/master/src/llama.cpp).
 * Parsed here rather than with @huggingface/gguf, whose import alone cost every start ~20 ms.
 */
const SHARD = /^(.*?)-(\d{5})-of-(\d{5})\.gguf$/;

function parseGgufShardFilename(path: string): { prefix: string; shard: string; total: string } | undefined {
  const m = SHARD.exec(path);
  return m ? { prefix: m[1]!, shard: m[2]!, total: m[3]! } : undefined;
}

const isProjector = (path: string): boolean => /mmproj|projector/i.test(path.split("/").pop() ?? "");

/** The repo's GGUF models, one per quant (split shards gathered), largest last. */
export function ggufQuants(files: readonly ListedFile[]): GgufQuant[] {
  const groups = new Map<string, ListedFile[]>();
  for (const f of files) {
    if (!/\.gguf$/i.test(f.path) || isProjector(f.path)) continue;
    const shard = parseGgufShardFilename(f.path);
    const key = shard ? `${shard.prefix}|${shard.total}` : f.path;
    const list = groups.get(key) ?? [];
    list.push(f);
    groups.set(key, list);
  }
  const out: GgufQuant[] = [];
  for (const list of groups.values()) {
    const sorted = [...list].sort((a, b) => compareText(a.path, b.path));
    const first = sorted[0] as ListedFile;
    const shard = parseGgufShardFilename(first.path);
    // A split set with a shard missing from the listing cannot be sized: leave it out.
    if (shard && (sorted.length !== Number(shard.total) || Number(shard.shard) !== 1)) continue;
    out.push({ label: quantOfName(first.path) ?? first.path.split("/").pop()!.replace(/\.gguf$/i, ""), files: sorted, bytes: sorted.reduce((s, f) => s + f.size, 0) });
  }
  return out.sort((a, b) => a.bytes - b.bytes);
}

/**
 * The quant a tag names: an exact label first, then a label or file name containing the tag.
 * Several left: undefined plus the candidates, so the caller can ask which.
 */
export function pickQuant(quants: readonly GgufQuant[], tag: string): { quant?: GgufQuant; candidates: readonly GgufQuant[] } {
  const t = tag.toUpperCase();
  const exact = quants.filter((q) => q.label === t);
  if (exact.length === 1) return { quant: exact[0] as GgufQuant, candidates: exact };
  const near = quants.filter((q) => q.label.includes(t) || q.files[0]!.path.toUpperCase().includes(t));
  if (near.length === 1) return { quant: near[0] as GgufQuant, candidates: near };
  return { candidates: exact.length > 1 ? exact : near };
}

/** The quant Ollama and node-llama-cpp pick when none is named: Q4_K_M, else the smallest ≥ 4 bits. */
export function defaultQuant(quants: readonly GgufQuant[]): GgufQuant | undefined {
  return quants.find((q) => q.label === "Q4_K_M") ?? quants.find((q) => /Q4|IQ4/.test(q.label)) ?? quants[0];
}

export interface SafetensorsSet {
  readonly config: ListedFile;
  /** model.safetensors.index.json, for sharded weights. */
  readonly index?: ListedFile;
  /** The weight files at the repo's top level (folders such as original/ hold other formats). */
  readonly shards: readonly ListedFile[];
}

export function safetensorsSet(files: readonly ListedFile[]): SafetensorsSet | undefined {
  const config = files.find((f) => f.path === "config.json");
  const shards = files.filter((f) => !f.path.includes("/") && /\.safetensors$/i.test(f.path)).sort((a, b) => compareText(a.path, b.path));
  if (!config || shards.length === 0) return undefined;
  const index = files.find((f) => f.path === "model.safetensors.index.json");
  return { config, ...(index ? { index } : {}), shards };
}
