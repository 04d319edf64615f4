// Which remote place a model name points at, from its spelling alone (pure: nothing is fetched).
//
//   hf:ORG/REPO                 every GGUF quant in the repo (or its safetensors, for a transformers repo)
//   hf:ORG/REPO:Q4_K_M          one quant (node-llama-cpp's URI form; a tag that is no quant name picks files by it)
//   hf:ORG/REPO/path/f.gguf     one file, optionally #revision (node-llama-cpp's form again)
//   hf.co/ORG/REPO[:TAG]        an Ollama tag naming a Hub GGUF repo (huggingface.co/… too): read
//                               through the Hub's Ollama registry, the file `ollama pull` would get
//   https://huggingface.co/ORG/REPO   a repo page's URL: the same as hf:ORG/REPO
//   ollama:NAME[:TAG]           an Ollama registry tag, said explicitly
//   NAME:TAG, NS/NAME:TAG       an Ollama registry tag (the colon is what says so)
//
// Node-llama-cpp's parser (parseModelUri.js, parseHuggingFaceUriContent) splits "user/model:tag"
// the same way; the quant is upper-cased when it is a known quant name.
import { LlmFitError } from "../../errors.js";
import { parseQuantName } from "../../sizing/quant-mix.js";

export interface HfRef {
  readonly kind: "hf";
  /** "ORG/REPO" */
  readonly repo: string;
  /** Branch, tag or commit; "main" unless the name said otherwise. */
  readonly revision: string;
  /** A quant name (Q4_K_M) or another tag to match file names by. */
  readonly tag?: string;
  /** A file path inside the repo. */
  readonly file?: string;
}

export interface OllamaRef {
  readonly kind: "ollama";
  /** "library" for official models, else the user's namespace. */
  readonly namespace: string;
  readonly name: string;
  readonly tag: string;
}

/**
 * `hf.co/ORG/REPO[:TAG]` as Ollama reads it: the Hub serves an Ollama-style registry for GGUF
 * repos, and picks the file from the tag itself (a quant name in any case, or a file name; no tag
 * is "latest", which the Hub answers with Q4_K_M or another quant the repo has).
 */
export interface HfRegistryRef {
  readonly kind: "hf-registry";
  /** The host as typed ("hf.co" or "huggingface.co"): Ollama's store files pulls under it. */
  readonly host: string;
  /** "ORG/REPO" */
  readonly repo: string;
  /** As typed; "latest" when none. */
  readonly tag: string;
}

export type RemoteRef = HfRef | OllamaRef | HfRegistryRef;

const PART = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const OLLAMA_PART = /^[a-z0-9][a-z0-9._-]*$/;
const OLLAMA_TAG = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function badRef(name: string, why: string): LlmFitError {
  return new LlmFitError("bad_args", `"${name}" is not a model name: ${why}`, "write hf:ORG/REPO, hf:ORG/REPO:Q4_K_M or an Ollama tag like qwen3:8b");
}

/** "ORG/REPO[:TAG]" or "ORG/REPO/path/file.gguf[#rev]" after the hf: prefix. */
function parseHf(name: string, body: string): HfRef {
  const [org, repoPart, ...rest] = body.split("/");
  if (org === undefined || repoPart === undefined || org === "" || repoPart === "") throw badRef(name, "a Hugging Face name needs ORG/REPO");
  if (rest.length === 0 || repoPart.includes(":")) {
    if (rest.length > 0) throw badRef(name, "a tag comes after the repo name, not inside a path");
    const [repo, ...tagParts] = repoPart.split(":");
    const tag = tagParts.join(":").trim();
    if (!PART.test(org) || repo === undefined || !PART.test(repo)) throw badRef(name, "ORG and REPO take letters, digits, '.', '_' and '-'");
    if (tag !== "" && !OLLAMA_TAG.test(tag)) throw badRef(name, `the tag "${tag}" has characters a quant name never has`);
    const quant = tag === "" || tag.toLowerCase() === "latest" ? undefined : (parseQuantName(tag) ?? tag);
    return { kind: "hf", repo: `${org}/${repo}`, revision: "main", ...(quant !== undefined ? { tag: quant } : {}) };
  }
  let path = rest.join("/");
  let revision = "main";
  const hash = path.indexOf("#");
  if (hash >= 0) {
    revision = path.slice(hash + 1) || "main";
    path = path.slice(0, hash);
  }
  if (!PART.test(org) || !PART.test(repoPart)) throw badRef(name, "ORG and REPO take letters, digits, '.', '_' and '-'");
  if (path === "" || path.split("/").some((p) => p === "" || p === "." || p === "..")) throw badRef(name, "the file path is empty or climbs out of the repo");
  return { kind: "hf", repo: `${org}/${repoPart}`, revision, file: path };
}

function parseOllama(name: string, body: string): OllamaRef {
  const [path, ...tagParts] = body.split(":");
  const tag = tagParts.length === 0 ? "latest" : tagParts.join(":");
  const parts = (path ?? "").split("/");
  if (parts.length > 2 || parts.some((p) => !OLLAMA_PART.test(p))) throw badRef(name, "an Ollama tag is NAME:TAG or NAMESPACE/NAME:TAG in lower case");
  if (!OLLAMA_TAG.test(tag)) throw badRef(name, `the tag "${tag}" is not a tag`);
  const [a, b] = parts as [string, string | undefined];
  return b === undefined ? { kind: "ollama", namespace: "library", name: a, tag } : { kind: "ollama", namespace: a, name: b, tag };
}

const HF_PREFIX = /^(?:hf:(?:\/\/)?|(?:https?:\/\/)?(?:hf\.co|huggingface\.co)\/)/i;
const HF_OLLAMA = /^(hf\.co|huggingface\.co)\/([^/:]+)\/([^/:]+)(?::(.*))?$/i;

function parseHfRegistry(name: string, m: RegExpExecArray): HfRegistryRef {
  const [, host, org, repo, tag] = m as unknown as [string, string, string, string, string | undefined];
  if (!PART.test(org) || !PART.test(repo)) throw badRef(name, "ORG and REPO take letters, digits, '.', '_' and '-'");
  const t = (tag ?? "").trim();
  if (t !== "" && !OLLAMA_TAG.test(t)) throw badRef(name, `the tag "${t}" is not a tag`);
  return { kind: "hf-registry", host: host.toLowerCase(), repo: `${org}/${repo}`, tag: t === "" ? "latest" : t };
}

/**
 * The remote place `name` names, or undefined for everything else (catalog ids, paths, URLs).
 * Bare NAME:TAG counts as an Ollama tag only when `bareTags` is set: the caller checks first that
 * no local file or catalog id of that name exists.
 */
export function parseRemoteRef(name: string, opts: { readonly bareTags?: boolean } = {}): RemoteRef | undefined {
  const s = name.trim();
  // Ollama's spelling (no scheme, no path below the repo): the Hub's registry picks the file.
  const reg = HF_OLLAMA.exec(s);
  if (reg) return parseHfRegistry(name, reg);
  const hf = HF_PREFIX.exec(s);
  if (hf) {
    // A full resolve/blob URL is a plain GGUF URL: the existing URL reader handles it.
    if (/^https?:/i.test(s) && /\/(resolve|blob)\//.test(s)) return undefined;
    return parseHf(name, s.slice(hf[0].length));
  }
  if (/^ollama:/i.test(s)) return parseOllama(name, s.slice("ollama:".length));
  const ollamaReg = /^(?:https?:\/\/)?registry\.ollama\.ai\//i.exec(s);
  if (ollamaReg) return parseOllama(name, s.slice(ollamaReg[0].length).replace(/^library\//, ""));
  if (opts.bareTags && /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)?:[A-Za-z0-9][A-Za-z0-9._-]*$/.test(s)) return parseOllama(name, s);
  return undefined;
}

/** The name as a person would type it again: hf:ORG/REPO:TAG, hf.co/ORG/REPO:TAG, or NAME:TAG. */
export function refLabel(ref: RemoteRef): string {
  if (ref.kind === "hf-registry") return `${ref.host}/${ref.repo}${ref.tag !== "latest" ? `:${ref.tag}` : ""}`;
  if (ref.kind === "ollama") return `${ref.namespace === "library" ? "" : `${ref.namespace}/`}${ref.name}:${ref.tag}`;
  if (ref.file !== undefined) return `hf:${ref.repo}/${ref.file}${ref.revision !== "main" ? `#${ref.revision}` : ""}`;
  return `hf:${ref.repo}${ref.tag !== undefined ? `:${ref.tag}` : ""}`;
}
