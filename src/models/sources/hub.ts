// The Hugging Face Hub, as much of its API as sizing needs: a repo's commit and files
// (GET /api/models/{repo}/revision/{rev}), the file tree with sizes and LFS digests
// (GET /api/models/{repo}/tree/{sha}?recursive=true, paged by a `Link: <…>; rel="next"` header),
// and files by range (GET /{repo}/resolve/{sha}/{path}, which redirects LFS files to a CDN).
// Endpoint and token follow huggingface_hub's conventions
// (https://huggingface.co/docs/huggingface_hub/package_reference/environment_variables):
// HF_ENDPOINT, then HF_TOKEN, then the file at HF_TOKEN_PATH or $HF_HOME/token
// (HF_HOME defaults to $XDG_CACHE_HOME/huggingface, else ~/.cache/huggingface).
// The token is sent to the endpoint's origin only and never appears in a message or the log.
import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import * as z from "zod";
import { lazySchema } from "../../lazy-schema.js";
import { LlmFitError } from "../../errors.js";
import { MOVING_TTL_MS } from "./cache.js";
import { getJson, HttpStatusError, type Credential } from "./http.js";
import type { SourceContext } from "./range-reader.js";

export const DEFAULT_HF_ENDPOINT = "https://huggingface.co";

export interface HubAccess {
  readonly endpoint: string;
  readonly credential?: Credential;
}

/** Where the Hub is and the token for it, from the environment (nothing is printed). */
export async function hubAccess(env: NodeJS.ProcessEnv): Promise<HubAccess> {
  const raw = (env["HF_ENDPOINT"] ?? "").trim() || DEFAULT_HF_ENDPOINT;
  let endpoint: URL;
  try {
    endpoint = new URL(raw);
    if (!/^https?:$/.test(endpoint.protocol)) throw new Error("scheme");
  } catch {
    throw new LlmFitError("bad_args", `HF_ENDPOINT is not an http(s) URL`, "set it to a Hub address such as https://huggingface.co, or unset it");
  }
  const base = endpoint.toString().replace(/\/+$/, "");
  const token = await hubToken(env);
  return { endpoint: base, ...(token ? { credential: { origin: endpoint.origin, header: `Bearer ${token}` } } : {}) };
}

async function hubToken(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const fromEnv = (env["HF_TOKEN"] ?? env["HUGGING_FACE_HUB_TOKEN"] ?? "").trim();
  if (fromEnv) return fromEnv;
  const home = env["HF_HOME"] || join(env["XDG_CACHE_HOME"] || join(env["HOME"] || homedir(), ".cache"), "huggingface");
  const file = env["HF_TOKEN_PATH"] || join(home, "token");
  try {
    const t = (await readFile(file, "utf8")).trim();
    return t === "" ? undefined : t;
  } catch {
    return undefined;
  }
}

const ModelInfoSchema = lazySchema(() => z.looseObject({
  sha: z.string().regex(/^[0-9a-f]{40}$/),
  siblings: z.array(z.looseObject({ rfilename: z.string() })).default([]),
  gated: z.union([z.boolean(), z.string()]).optional(),
  private: z.boolean().optional(),
}));

const TreeEntrySchema = lazySchema(() => z.looseObject({
  type: z.string(),
  path: z.string(),
  size: z.number().int().nonnegative(),
  oid: z.string().optional(),
  lfs: z.looseObject({ oid: z.string(), size: z.number().int().nonnegative() }).optional(),
}));
export type TreeEntry = z.infer<typeof TreeEntrySchema>;

export interface RepoFiles {
  readonly repo: string;
  /** The commit the listing describes: every file read below is of this commit. */
  readonly sha: string;
  readonly gated: boolean;
  readonly files: readonly TreeEntry[];
}

function zodCheck<T>(schema: z.ZodType<T>, what: string, where: string): (v: unknown) => T {
  return (v) => {
    const r = schema.safeParse(v);
    if (!r.success) throw new LlmFitError("http", `${what}: ${where} is not a Hub answer (${r.error.issues[0]?.path.join(".") ?? ""}: ${r.error.issues[0]?.message ?? "invalid"})`, "check HF_ENDPOINT");
    return r.data;
  };
}

/** A Hub status → one line that says what to do; `gated` comes from the repo's info when known. */
export function hubStatusLine(err: unknown, what: string, access: HubAccess, repo: string, gated = false): unknown {
  if (!(err instanceof HttpStatusError)) return err;
  const code = err.headers.get("x-error-code") ?? "";
  const page = `${access.endpoint}/${repo}`;
  if (err.status === 401 || err.status === 403) {
    if (gated || code === "GatedRepo") {
      return new LlmFitError(
        "http",
        `${what} is gated (HTTP ${err.status})${access.credential ? ": your token has no access yet" : ""}`,
        `accept its licence at ${page}, then set HF_TOKEN or run \`huggingface-cli login\``,
      );
    }
    // The Hub answers 401 RepoNotFound for a missing repo and for a private one alike.
    if (code === "RepoNotFound" || !access.credential) {
      return new LlmFitError("not_found", `${what} was not found or is private (HTTP ${err.status})`, access.credential ? "check the name, and that your token can read the repo" : "check the name; for a private repo set HF_TOKEN");
    }
    return new LlmFitError("http", `${what}: the Hub refused your token (HTTP ${err.status})`, "check HF_TOKEN (or the huggingface-cli token)");
  }
  if (err.status === 404) {
    const thing = code === "RevisionNotFound" ? "that revision" : code === "EntryNotFound" ? "that file" : "that repo";
    return new LlmFitError("not_found", `${what}: ${access.endpoint} has no ${thing} (HTTP 404)`, "check the spelling on the repo's page");
  }
  if (err.status === 429) {
    const s = err.retryAfterSeconds();
    return new LlmFitError("http", `${what}: the Hub is rate-limiting requests (HTTP 429)`, `${s !== undefined ? `try again in ${s} s` : "try again in a minute"}${access.credential ? "" : ", or set HF_TOKEN for a higher limit"}`);
  }
  return new LlmFitError("http", `${what}: the Hub answered HTTP ${err.status}`, "try again later");
}

const enc = (repo: string): string => repo.split("/").map(encodeURIComponent).join("/");

/** The commit `revision` names and the repo's complete file list, from the cache when it can. */
export async function listRepo(ctx: SourceContext, access: HubAccess, repo: string, revision: string, what: string): Promise<RepoFiles & { fromCache: boolean }> {
  const exactRev = /^[0-9a-f]{40}$/.test(revision);
  const infoKey = `hf-info ${access.endpoint} ${repo} ${revision}`;
  const cred = access.credential ? { credential: access.credential } : {};
  let fromCache = true;
  let info = ModelInfoSchema.safeParse(await ctx.cache.getJson(infoKey, exactRev ? undefined : MOVING_TTL_MS)).data;
  if (!info) {
    fromCache = false;
    try {
      const url = `${access.endpoint}/api/models/${enc(repo)}/revision/${encodeURIComponent(revision)}`;
      info = (await getJson(ctx.http, url, { what, accept: "application/json", ...cred }, zodCheck(ModelInfoSchema, what, "the repo's info"))).value;
    } catch (err) {
      throw hubStatusLine(err, what, access, repo);
    }
    await ctx.cache.putJson(infoKey, info);
  }
  const gated = info.gated !== undefined && info.gated !== false;
  const treeKey = `hf-tree ${access.endpoint} ${repo} ${info.sha}`;
  const cachedTree = z.array(TreeEntrySchema).safeParse(await ctx.cache.getJson(treeKey)).data;
  if (cachedTree) return { repo, sha: info.sha, gated, files: cachedTree, fromCache };
  const files: TreeEntry[] = [];
  let url: string | undefined = `${access.endpoint}/api/models/${enc(repo)}/tree/${info.sha}?recursive=true`;
  for (let page = 0; url !== undefined; page++) {
    if (page >= 50) throw new LlmFitError("http", `${what}: the file listing has more than 50 pages`, "name one file: hf:ORG/REPO/path/file.gguf");
    try {
      const r: { value: TreeEntry[]; headers: Headers } = await getJson(ctx.http, url, { what, accept: "application/json", ...cred }, zodCheck(z.array(TreeEntrySchema), what, "the file listing"));
      files.push(...r.value.filter((e) => e.type === "file"));
      url = nextLink(r.headers.get("link"), url);
    } catch (err) {
      throw hubStatusLine(err, what, access, repo, gated);
    }
  }
  await ctx.cache.putJson(treeKey, files);
  return { repo, sha: info.sha, gated, files, fromCache: false };
}

/** `Link: <https://…?cursor=…>; rel="next"` → the next page's URL. */
export function nextLink(header: string | null, base: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(",")) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (m?.[1]) return new URL(m[1], base).toString();
  }
  return undefined;
}

/** The URL a file of that commit is read from (range reads follow its redirect to the CDN). */
export function resolveUrl(access: HubAccess, repo: string, sha: string, path: string): string {
  return `${access.endpoint}/${enc(repo)}/resolve/${sha}/${path.split("/").map(encodeURIComponent).join("/")}`;
}
