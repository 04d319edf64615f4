// `hf.co/ORG/REPO[:TAG]`, read the way `ollama pull` reads it. The Hub serves an Ollama-style
// registry for GGUF repos (https://huggingface.co/docs/hub/en/ollama): the tag is a quant name,
// case-insensitive ("iq3_m" works as well as "IQ3_M"), or a file name; with no tag Ollama asks for
// "latest", which the Hub answers with Q4_K_M when the repo has it and otherwise "one reasonable
// quant type present inside the repo". The manifest
// (GET {hub}/v2/ORG/REPO/manifests/TAG, Accept: application/vnd.docker.distribution.manifest.v2+json)
// names the GGUF as its layer of media type application/vnd.ollama.image.model, with the file's
// sha256 (the LFS oid, so the header bytes cached for `hf:` reads of the same file are shared) and
// size; GET {hub}/v2/ORG/REPO/blobs/sha256:… redirects to the CDN, which answers range requests.
// The Hub refuses a tag it cannot serve with HTTP 400 and one line of JSON, e.g. "The specified
// tag is not a valid quantization scheme" (https://github.com/ollama/ollama/issues/7365) or "The
// specified tag is a sharded GGUF" (https://github.com/huggingface/hub-docs/issues/2702).
import { LlmFitError } from "../../errors.js";
import { MOVING_TTL_MS } from "./cache.js";
import { getJson, HttpStatusError, type Credential } from "./http.js";
import { hubStatusLine, listRepo, type HubAccess } from "./hub.js";
import { MANIFEST_ACCEPT, ManifestSchema, type OllamaManifest } from "./ollama-registry.js";
import type { RemoteFile, SourceContext } from "./range-reader.js";
import { refLabel, type HfRegistryRef } from "./refs.js";
import { ggufQuants } from "./repo-files.js";

const enc = (repo: string): string => repo.split("/").map(encodeURIComponent).join("/");
const cred = (access: HubAccess): { credential?: Credential } => (access.credential ? { credential: access.credential } : {});

/** The Hub's own reason for refusing a tag (its `{"error": "…"}`), cut to one short line. */
function hubReason(err: HttpStatusError): string | undefined {
  try {
    const v = JSON.parse(err.bodyText) as unknown;
    const text = typeof v === "object" && v !== null && "error" in v && typeof v.error === "string" ? v.error : undefined;
    if (text === undefined) return undefined;
    const line = text.replace(/\s+/g, " ").trim();
    return line.length > 160 ? `${line.slice(0, 159)}…` : line;
  } catch {
    return undefined;
  }
}

/** A tag the Hub will not serve: say so, with the quants the repo has when its listing can be read. */
async function unknownTag(ctx: SourceContext, access: HubAccess, ref: HfRegistryRef, err: HttpStatusError): Promise<LlmFitError> {
  const what = refLabel(ref);
  const reason = hubReason(err);
  let have: string[] | undefined;
  try {
    const listing = await listRepo(ctx, access, ref.repo, "main", what);
    have = ggufQuants(listing.files.filter((f) => f.type === "file").map((f) => ({ path: f.path, size: f.lfs?.size ?? f.size }))).map((q) => q.label);
  } catch (listErr) {
    // A repo that is missing (or private) is the better answer than "no such tag".
    if (listErr instanceof LlmFitError && listErr.code === "not_found") return listErr;
    have = undefined;
  }
  const head = `${what}: the Hub has no GGUF for the tag "${ref.tag}" (HTTP ${err.status}${reason ? `: ${reason}` : ""})`;
  if (have === undefined) return new LlmFitError("not_found", head, `check the repo's files at ${access.endpoint}/${ref.repo}`);
  if (have.length === 0) return new LlmFitError("not_found", `${head}; the repo has no GGUF files`, `size its weights with hf:${ref.repo}`);
  return new LlmFitError("not_found", `${head}; the repo has ${have.join(", ")}`, `pick one: ${ref.host}/${ref.repo}:${have[0]}`);
}

/** The manifest Ollama would pull for `ref` (cached for an hour: "latest" and quant tags follow the repo). */
export async function fetchHfManifest(ctx: SourceContext, access: HubAccess, ref: HfRegistryRef): Promise<{ manifest: OllamaManifest; fromCache: boolean }> {
  const what = refLabel(ref);
  // The Hub matches tags without regard to case: one cache entry per tag however it is typed.
  const key = `hf-manifest ${access.endpoint} ${ref.repo}:${ref.tag.toLowerCase()}`;
  const cached = ManifestSchema.safeParse(await ctx.cache.getJson(key, MOVING_TTL_MS));
  if (cached.success) return { manifest: cached.data, fromCache: true };
  const url = `${access.endpoint}/v2/${enc(ref.repo)}/manifests/${encodeURIComponent(ref.tag)}`;
  try {
    const { value } = await getJson(ctx.http, url, { what, accept: MANIFEST_ACCEPT, maxBytes: 1024 * 1024, ...cred(access) }, (v) => {
      const r = ManifestSchema.safeParse(v);
      if (!r.success) throw new LlmFitError("http", `${what}: the Hub sent a manifest this program cannot read`, "check HF_ENDPOINT");
      return r.data;
    });
    await ctx.cache.putJson(key, value);
    return { manifest: value, fromCache: false };
  } catch (err) {
    const code = err instanceof HttpStatusError ? (err.headers.get("x-error-code") ?? "") : "";
    if (err instanceof HttpStatusError && (err.status === 400 || (err.status === 404 && code !== "RepoNotFound"))) throw await unknownTag(ctx, access, ref, err);
    throw hubStatusLine(err, what, access, ref.repo);
  }
}

/** The GGUF blob a manifest layer names, read from the Hub (token sent there only) and its CDN. */
export function hfBlobFile(access: HubAccess, ref: HfRegistryRef, layer: { digest: string; size: number }): RemoteFile {
  return {
    url: `${access.endpoint}/v2/${enc(ref.repo)}/blobs/${layer.digest}`,
    key: layer.digest,
    what: `${refLabel(ref)} (blob ${layer.digest.slice(7, 19)})`,
    size: layer.size,
    ...cred(access),
  };
}
