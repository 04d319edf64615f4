// The model the picker offers to download when nothing else can answer a prompt: the advice's
// best-ranked small chat model on this machine (one truth: src/advice/advise.ts ranks it), at the
// quantization the advice sized, as the one GGUF file its Hugging Face repo lists — with that
// file's exact size and LFS sha256 from the Hub listing, so the picker can say how big the
// download is and the download can be verified.
import * as z from "zod";
import { lazySchema } from "../lazy-schema.js";
import { LlmFitError } from "../errors.js";
import type { ModelRow, Recommendations } from "../advice/advise.js";
import { HF_REPO } from "../models/catalog-schema.js";
import { noCache } from "../models/sources/cache.js";
import { hostOf, HttpStatusError } from "../models/sources/http.js";
import { hubAccess, listRepo, resolveUrl, type HubAccess } from "../models/sources/hub.js";
import { defaultQuant, ggufQuants, pickQuant, type GgufQuant } from "../models/sources/repo-files.js";

/** A download the picker offers; it travels to the editor and back, so it is checked on return. */
export const DownloadOfferSchema = lazySchema(() => z
  .object({
    /** The catalog's name for it, for the picker and messages. */
    name: z.string().min(1).max(200),
    repo: z.string().regex(HF_REPO),
    /** The commit the listing described: the bytes downloaded are that commit's. */
    revision: z.string().regex(/^[0-9a-f]{40}$/),
    file: z.string().regex(/^(?!.*\.\.)[A-Za-z0-9._/-]+\.gguf$/i, "not a .gguf path in the repo"),
    quant: z.string().min(1).max(40),
    bytes: z.number().int().positive(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  })
  .strict());
export type DownloadOffer = z.infer<typeof DownloadOfferSchema>;

/** Above this many parameters a model is not "small": its download and its CPU speed say so. */
const SMALL_ON_CPU = 4.5e9;
const SMALL_ON_GPU = 9e9;
const FIX = "set prompt.embedded_model to a GGUF file, or start Ollama";

const hasUsableGpu = (recs: Recommendations): boolean => recs.planned.gpus.some((g) => g.vramFreeBytes.value > 512 * 1024 ** 2);

/**
 * The rows worth downloading, best first: chat models with a GGUF repo that run at a usable
 * speed, small ones (≤ ~4B on a CPU machine, ≤ ~9B with a GPU) ahead of the rest, each group in
 * the advice's score order. Models that think aloud (capability "reasoning") come after the others:
 * an editor prompt wants the answer, not minutes of reasoning streamed into the float first.
 */
export function defaultCandidates(recs: Recommendations): ModelRow[] {
  const cap = hasUsableGpu(recs) ? SMALL_ON_GPU : SMALL_ON_CPU;
  const ok = recs.rows.filter((r) => r.entry.capabilities.includes("chat") && r.entry.gguf.length > 0 && r.verdict !== "no" && r.verdict !== "partial" && r.usable);
  const thinks = (r: ModelRow): number => (r.entry.capabilities.includes("reasoning") ? 1 : 0);
  const byScore = (a: ModelRow, b: ModelRow): number => thinks(a) - thinks(b) || b.score - a.score;
  const small = ok.filter((r) => r.entry.params.total <= cap).sort(byScore);
  return small.length > 0 ? small : ok.sort(byScore);
}

/** The quant of a listing the advice sized, else the runtimes' default; one unsplit file only. */
export function quantFor(quants: readonly GgufQuant[], sized: string): GgufQuant | undefined {
  // the sized quant when the repo has it as one file (a split set is not one download), else the default
  const exact = pickQuant(quants, sized).quant;
  const q = exact && exact.files.length === 1 ? exact : defaultQuant(quants);
  return q && q.files.length === 1 ? q : undefined;
}

export interface OfferDeps {
  readonly env: NodeJS.ProcessEnv;
  readonly fetch?: typeof fetch;
  /** Deadline for each Hub request; the picker waits on it. */
  readonly timeoutMs?: number;
}

/** The first candidate whose repo lists a single GGUF file at its quant, with size and sha256. */
export async function offerFor(candidates: readonly ModelRow[], deps: OfferDeps): Promise<DownloadOffer | undefined> {
  const access = await hubAccess(deps.env);
  const ms = deps.timeoutMs ?? 10_000;
  const stats = { network: 0, requests: 0, cached: 0 };
  const ctx = { http: { fetch: deps.fetch ?? fetch, timeoutMs: ms, idleMs: ms, stats }, cache: noCache, stats, redirected: new Map<string, string>() };
  // A handful of tries at most: each is a Hub round trip while the picker waits.
  for (const row of candidates.slice(0, 3)) {
    for (const repo of row.entry.gguf.slice(0, 2)) {
      let listing;
      try {
        listing = await listRepo(ctx, access, repo, "main", `hf:${repo}`);
      } catch (err) {
        // no Hub at all: one line with the fix; a repo that is gone or private: try the next one
        const offline = unreachable(err, access);
        if (offline) throw offline;
        if (err instanceof HttpStatusError || (err instanceof LlmFitError && err.code === "not_found")) continue;
        throw err;
      }
      if (listing.gated) continue; // a first download must not need a licence click and a token
      const files = listing.files.map((f) => ({ path: f.path, size: f.lfs?.size ?? f.size, ...(f.lfs ? { oid: f.lfs.oid } : {}) }));
      const q = quantFor(ggufQuants(files), row.quant);
      const file = q?.files[0];
      if (!q || !file) continue;
      return {
        name: row.entry.name,
        repo,
        revision: listing.sha,
        file: file.path,
        quant: q.label,
        bytes: file.size,
        ...(file.oid && /^[0-9a-f]{64}$/.test(file.oid) ? { sha256: file.oid } : {}),
      };
    }
  }
  return undefined;
}

/** No answer at all from the Hub (not a status): the one line with the offline fix. */
function unreachable(err: unknown, access: HubAccess): LlmFitError | undefined {
  if (!(err instanceof LlmFitError) || (err.code !== "http" && err.code !== "timeout")) return undefined;
  if (!/cannot reach|did not answer|closed the connection/.test(err.message)) return undefined;
  return new LlmFitError("http", `could not reach ${hostOf(access.endpoint)}`, FIX, { cause: err });
}

/** Where the offer's file is read from (the Hub's resolve URL of that commit). */
export async function offerUrl(offer: DownloadOffer, env: NodeJS.ProcessEnv): Promise<{ url: string; access: HubAccess }> {
  const access = await hubAccess(env);
  return { url: resolveUrl(access, offer.repo, offer.revision, offer.file), access };
}

export const gib = (n: number): string =>
  n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(1)} GiB` : `${(n / 1024 ** 2).toFixed(n >= 10 * 1024 ** 2 ? 0 : 1)} MiB`;

/** The file's name on disk: the repo's owner goes in it, so two repos' "model-Q4_K_M.gguf" never meet. */
export const offerFileName = (o: DownloadOffer): string => `hf_${o.repo.split("/")[0]}_${o.file.split("/").pop()}`;

/** The picker's line for the offer. */
export const offerLabel = (o: DownloadOffer): string => `download ${o.name} ${o.quant} (${gib(o.bytes)}) from Hugging Face and run it in-process`;
