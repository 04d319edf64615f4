// Loopback servers that speak the Hugging Face Hub API and the Ollama registry well enough to
// size models from them, with their failure modes on demand. Files are virtual: a real header
// (written by the project's GGUF / safetensors writers) followed by zeros up to the file's full
// size, so a "9 GB" file costs nothing and a server that sends it whole is caught by the cap.
//
//   Hub:      GET /api/models/ORG/REPO/revision/REV   {sha, siblings, gated}
//             GET /api/models/ORG/REPO/tree/SHA?recursive=true   paged by Link: <…&cursor=N>; rel="next"
//             GET /ORG/REPO/resolve/REV/PATH          LFS files: 302 to the CDN; small files served here
//             GET /v2/ORG/REPO/manifests/TAG          the Hub's Ollama registry (hf.co/ORG/REPO:TAG): a Docker v2
//                                                     manifest for the GGUF the tag names (a quant, any case, or a file
//                                                     name; "latest": Q4_K_M, else the repo's first GGUF); 400 with
//                                                     {"error": …} for a tag it cannot serve or a split GGUF
//             GET /v2/ORG/REPO/blobs/sha256:HEX       302 to the CDN
//   Registry: GET /v2/NS/NAME/manifests/TAG, GET /v2/NS/NAME/blobs/DIGEST (307 to the CDN)
//   CDN:      GET /blobs/HEX  with Range (a second server: another origin, so a token must not reach it)
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface VirtualFile {
  /** The bytes that exist (a header); the rest of the file reads as zeros. */
  readonly head: Buffer;
  readonly size: number;
}

export const smallFile = (text: string): VirtualFile => ({ head: Buffer.from(text), size: Buffer.byteLength(text) });

export interface HubRepo {
  readonly sha: string;
  readonly files: Readonly<Record<string, VirtualFile>>;
  /** Gated repos answer resolve requests only with `Bearer <token>`. */
  readonly gated?: boolean;
}

export interface Faults {
  /** Answer Range requests with the whole file (200). */
  noRange?: boolean;
  /** Every API request answers 429 with this Retry-After. */
  rateLimit?: string;
  /** Close the socket after this many body bytes of a range answer. */
  cutAfter?: number;
  /** Wait this long before the response head. */
  stallMs?: number;
  /** The Hub's /api/ routes answer 503 (the listing is out of reach; files still are). */
  apiDown?: boolean;
}

export interface LoggedRequest {
  readonly server: "hub" | "cdn" | "registry";
  readonly method: string;
  readonly url: string;
  readonly range?: string;
  readonly authorization?: string;
  readonly accept?: string;
  /** Body bytes sent. */
  bytes: number;
}

interface Listening {
  readonly url: string;
  close(): Promise<void>;
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Listening> {
  const sockets = new Set<Socket>();
  const server: Server = createServer(handler);
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A whole file's real sha256 (as the Hub's LFS oid is); a virtual one's a name unique to its head and size. */
export const oidOf = (f: VirtualFile): string =>
  f.head.length === f.size ? createHash("sha256").update(f.head).digest("hex") : createHash("sha256").update(f.head).update(String(f.size)).digest("hex");

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): number {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", ...headers });
  res.end(text);
  return text.length;
}

/** Serves `file` honouring Range (unless faults say otherwise); returns the body bytes written. */
function serveFile(req: IncomingMessage, res: ServerResponse, file: VirtualFile, faults: Faults): number {
  const m = /^bytes=(\d+)-(\d+)?$/.exec(req.headers.range ?? "");
  const slice = (a: number, b: number): Buffer => {
    const out = Buffer.alloc(b - a + 1);
    if (a < file.head.length) file.head.copy(out, 0, a, Math.min(b + 1, file.head.length));
    return out;
  };
  if (!m || faults.noRange) {
    // A whole-file answer: stream it until the client gives up (it must, at once).
    res.writeHead(200, { "Content-Length": String(file.size), "Accept-Ranges": "none" });
    let sent = 0;
    const chunk = 1 << 16;
    const pump = (): void => {
      while (sent < file.size) {
        const n = Math.min(chunk, file.size - sent);
        sent += n;
        if (!res.write(slice(sent - n, sent - 1))) return void res.once("drain", pump);
      }
      res.end();
    };
    res.on("close", () => (sent = file.size));
    pump();
    return sent;
  }
  const a = Number(m[1]);
  const b = Math.min(m[2] !== undefined ? Number(m[2]) : file.size - 1, file.size - 1);
  if (a >= file.size) {
    res.writeHead(416, { "Content-Range": `bytes */${file.size}` });
    res.end();
    return 0;
  }
  const body = slice(a, b);
  res.writeHead(206, { "Content-Range": `bytes ${a}-${b}/${file.size}`, "Content-Length": String(body.length) });
  if (faults.cutAfter !== undefined && faults.cutAfter < body.length) {
    res.write(body.subarray(0, faults.cutAfter));
    setTimeout(() => res.destroy(), 20);
    return faults.cutAfter;
  }
  res.end(body);
  return body.length;
}

const isModelGguf = (path: string): boolean => /\.gguf$/i.test(path) && !/mmproj/i.test(path);
/** A file name's dash- and dot-separated words, upper-cased: "m-Q4_K_M.gguf" → ["M", "Q4_K_M", "GGUF"]. */
const words = (path: string): string[] => (path.split("/").pop() ?? "").toUpperCase().split(/[-.]/);

/** The GGUF an Ollama tag names in a repo, or the Hub's reason for refusing it. */
function registryPick(files: Readonly<Record<string, VirtualFile>>, tag: string): VirtualFile | string {
  const models = Object.keys(files).filter(isModelGguf).sort();
  const t = tag.toUpperCase();
  const named = t === "LATEST"
    ? (models.filter((p) => words(p).includes("Q4_K_M")).length > 0 ? models.filter((p) => words(p).includes("Q4_K_M")) : models.slice(0, 1))
    : models.filter((p) => p.split("/").pop() === tag || words(p).includes(t));
  if (named.length === 0) return 'The specified tag is not a valid quantization scheme. Please use another tag or "latest"';
  if (named.some((p) => /-\d{5}-of-\d{5}\.gguf$/i.test(p))) return 'The specified tag is a sharded GGUF. Ollama does not support this yet. Please use another tag or "latest".';
  return files[named[0] as string] as VirtualFile;
}

/** The manifest the Hub's registry answers: the projector (when the repo has one) before the model, then params. */
function registryManifest(files: Readonly<Record<string, VirtualFile>>, model: VirtualFile): unknown {
  const projector = Object.entries(files).find(([p]) => /mmproj.*\.gguf$/i.test(p))?.[1];
  const params = JSON.stringify({ stop: ["<|eot_id|>"] });
  return {
    schemaVersion: 2,
    mediaType: "application/vnd.docker.distribution.manifest.v2+json",
    config: { mediaType: "application/vnd.docker.container.image.v1+json", digest: `sha256:${"0".repeat(64)}`, size: 2 },
    layers: [
      ...(projector ? [{ mediaType: "application/vnd.ollama.image.projector", digest: `sha256:${oidOf(projector)}`, size: projector.size }] : []),
      { mediaType: "application/vnd.ollama.image.model", digest: `sha256:${oidOf(model)}`, size: model.size },
      { mediaType: "application/vnd.ollama.image.params", digest: `sha256:${createHash("sha256").update(params).digest("hex")}`, size: params.length },
    ],
  };
}

export interface FakeHub {
  readonly url: string;
  readonly cdnUrl: string;
  readonly log: LoggedRequest[];
  readonly faults: Faults;
  /** Sum of body bytes sent for files (CDN + small files), i.e. what a client read. */
  fileBytesSent(): number;
  close(): Promise<void>;
}

/** A Hub at one origin and its CDN at another. `token` is what gated repos accept. */
export async function startFakeHub(repos: Readonly<Record<string, HubRepo>>, opts: { token?: string; pageSize?: number } = {}): Promise<FakeHub> {
  const faults: Faults = {};
  const log: LoggedRequest[] = [];
  const blobs = new Map<string, VirtualFile>();
  for (const r of Object.values(repos)) for (const f of Object.values(r.files)) if (f.size > 4096) blobs.set(oidOf(f), f);
  const entry = (req: IncomingMessage, server: LoggedRequest["server"]): LoggedRequest => {
    const e: LoggedRequest = { server, method: req.method ?? "GET", url: req.url ?? "/", bytes: 0, ...(req.headers.range ? { range: req.headers.range } : {}), ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}), ...(req.headers.accept ? { accept: req.headers.accept } : {}) };
    log.push(e);
    return e;
  };
  /** Gated repos answer only `Bearer <token>`: true when the request was refused. */
  const refused = (repo: HubRepo, req: IncomingMessage, res: ServerResponse): boolean => {
    if (!repo.gated) return false;
    const auth = req.headers.authorization;
    if (!auth) sendJson(res, 401, { error: "Access to this model is restricted" }, { "X-Error-Code": "GatedRepo" });
    else if (auth !== `Bearer ${opts.token}`) sendJson(res, 403, { error: "Access to this model is restricted" }, { "X-Error-Code": "GatedRepo" });
    else return false;
    return true;
  };
  const later = (fn: () => void): void => void (faults.stallMs ? setTimeout(fn, faults.stallMs) : fn());
  const cdn = await listen((req, res) => {
    const e = entry(req, "cdn");
    later(() => {
      const f = blobs.get((req.url ?? "").replace(/^\/blobs\//, "").split("?")[0] ?? "");
      if (!f) return void (e.bytes = sendJson(res, 404, { error: "no such blob" }));
      e.bytes = serveFile(req, res, f, faults);
    });
  });
  const hub = await listen((req, res) => {
    const e = entry(req, "hub");
    later(() => {
      const u = new URL(req.url ?? "/", "http://x");
      if (faults.rateLimit !== undefined) return void sendJson(res, 429, { error: "rate limited" }, { "Retry-After": faults.rateLimit });
      const api = /^\/api\/models\/([^/]+\/[^/]+)\/(revision|tree)\/([^/]+)$/.exec(u.pathname);
      if (api) {
        if (faults.apiDown) return void sendJson(res, 503, { error: "Service unavailable" });
        const repo = repos[decodeURIComponent(api[1] as string)];
        if (!repo) return void sendJson(res, 401, { error: "Repository not found" }, { "X-Error-Code": "RepoNotFound" });
        if (api[2] === "revision") {
          if (api[3] !== "main" && api[3] !== repo.sha) return void sendJson(res, 404, { error: "Invalid rev id" }, { "X-Error-Code": "RevisionNotFound" });
          return void sendJson(res, 200, { id: api[1], sha: repo.sha, gated: repo.gated ? "manual" : false, siblings: Object.keys(repo.files).map((rfilename) => ({ rfilename })) });
        }
        const all = Object.entries(repo.files).map(([path, f]) =>
          f.size > 4096 ? { type: "file", path, size: f.size, oid: oidOf(f).slice(0, 40), lfs: { oid: oidOf(f), size: f.size, pointerSize: 134 } } : { type: "file", path, size: f.size, oid: oidOf(f).slice(0, 40) },
        );
        const page = opts.pageSize ?? 1000;
        const cursor = Number(u.searchParams.get("cursor") ?? "0");
        const next: Record<string, string> = cursor + page < all.length ? { Link: `<${hubUrl}/api/models/${api[1]}/tree/${api[3]}?recursive=true&cursor=${cursor + page}>; rel="next"` } : {};
        return void sendJson(res, 200, all.slice(cursor, cursor + page), next);
      }
      const v2 = /^\/v2\/([^/]+\/[^/]+)\/(manifests|blobs)\/([^/]+)$/.exec(u.pathname);
      if (v2) {
        const repo = repos[decodeURIComponent(v2[1] as string)];
        if (!repo) return void sendJson(res, 401, { error: "Repository not found" }, { "X-Error-Code": "RepoNotFound" });
        if (refused(repo, req, res)) return;
        const ref = decodeURIComponent(v2[3] as string);
        if (v2[2] === "blobs") {
          const f = Object.values(repo.files).find((x) => x.size > 4096 && `sha256:${oidOf(x)}` === ref);
          if (!f) return void sendJson(res, 404, { error: "blob unknown" });
          res.writeHead(302, { Location: `${cdn.url}/blobs/${oidOf(f)}` });
          return void res.end();
        }
        const picked = registryPick(repo.files, ref);
        if (typeof picked === "string") return void (e.bytes = sendJson(res, 400, { error: picked }));
        return void (e.bytes = sendJson(res, 200, registryManifest(repo.files, picked)));
      }
      const resolve = /^\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/.exec(u.pathname);
      const repo = resolve ? repos[decodeURIComponent(resolve[1] as string)] : undefined;
      if (!resolve || !repo) return void sendJson(res, 404, { error: "Repository not found" }, { "X-Error-Code": "RepoNotFound" });
      if (refused(repo, req, res)) return;
      const f = repo.files[decodeURIComponent(resolve[3] as string)];
      if (!f) return void sendJson(res, 404, { error: "Entry not found" }, { "X-Error-Code": "EntryNotFound" });
      if (f.size > 4096) {
        res.writeHead(302, { Location: `${cdn.url}/blobs/${oidOf(f)}` });
        return void res.end();
      }
      e.bytes = serveFile(req, res, f, faults);
    });
  });
  const hubUrl = hub.url;
  return {
    url: hub.url,
    cdnUrl: cdn.url,
    log,
    faults,
    fileBytesSent: () => log.filter((l) => l.server === "cdn" || /\/resolve\//.test(l.url)).reduce((s, l) => s + l.bytes, 0),
    close: async () => {
      await hub.close();
      await cdn.close();
    },
  };
}

export interface RegistryModel {
  /** The GGUF blob. */
  readonly model: VirtualFile;
  /** Extra layers (template, params …) as media type → text. */
  readonly extra?: Readonly<Record<string, string>>;
  /** Leave out the model layer (a safetensors import). */
  readonly noModelLayer?: boolean;
}

export interface FakeRegistry {
  readonly url: string;
  readonly log: LoggedRequest[];
  readonly faults: Faults;
  digestOf(tag: string): string;
  close(): Promise<void>;
}

/** An Ollama registry: `models` maps "library/qwen3:8b" to the model. */
export async function startFakeRegistry(models: Readonly<Record<string, RegistryModel>>): Promise<FakeRegistry> {
  const faults: Faults = {};
  const log: LoggedRequest[] = [];
  const digest = (f: VirtualFile): string => `sha256:${oidOf(f)}`;
  const blobs = new Map<string, VirtualFile>();
  for (const m of Object.values(models)) blobs.set(digest(m.model), m.model);
  const entry = (req: IncomingMessage, server: LoggedRequest["server"]): LoggedRequest => {
    const e: LoggedRequest = { server, method: req.method ?? "GET", url: req.url ?? "/", bytes: 0, ...(req.headers.range ? { range: req.headers.range } : {}) };
    log.push(e);
    return e;
  };
  const cdn = await listen((req, res) => {
    const e = entry(req, "cdn");
    const f = blobs.get(`sha256:${(req.url ?? "").replace(/^\/blobs\//, "")}`);
    if (!f) return void (e.bytes = sendJson(res, 404, { errors: [{ code: "BLOB_UNKNOWN" }] }));
    e.bytes = serveFile(req, res, f, faults);
  });
  const reg = await listen((req, res) => {
    const e = entry(req, "registry");
    const later = (fn: () => void): void => void (faults.stallMs ? setTimeout(fn, faults.stallMs) : fn());
    later(() => {
      if (faults.rateLimit !== undefined) return void sendJson(res, 429, { errors: [{ code: "TOOMANYREQUESTS" }] }, { "Retry-After": faults.rateLimit });
      const man = /^\/v2\/([^/]+\/[^/]+)\/manifests\/([^/]+)$/.exec(req.url ?? "");
      if (man) {
        const m = models[`${man[1]}:${decodeURIComponent(man[2] as string)}`];
        if (!m) return void (e.bytes = sendJson(res, 404, { errors: [{ code: "MANIFEST_UNKNOWN", message: "manifest unknown" }] }));
        const layers = [
          ...(m.noModelLayer ? [] : [{ mediaType: "application/vnd.ollama.image.model", digest: digest(m.model), size: m.model.size }]),
          ...Object.entries(m.extra ?? {}).map(([mediaType, text]) => ({ mediaType, digest: `sha256:${createHash("sha256").update(text).digest("hex")}`, size: text.length })),
        ];
        return void (e.bytes = sendJson(res, 200, {
          schemaVersion: 2,
          mediaType: "application/vnd.docker.distribution.manifest.v2+json",
          config: { mediaType: "application/vnd.docker.container.image.v1+json", digest: `sha256:${"0".repeat(64)}`, size: 2 },
          layers,
        }));
      }
      const blob = /^\/v2\/([^/]+\/[^/]+)\/blobs\/(sha256:[0-9a-f]{64})$/.exec(req.url ?? "");
      if (blob && blobs.has(blob[2] as string)) {
        res.writeHead(307, { Location: `${cdn.url}/blobs/${(blob[2] as string).slice(7)}` });
        return void res.end();
      }
      sendJson(res, 404, { errors: [{ code: "NAME_UNKNOWN" }] });
    });
  });
  return {
    url: reg.url,
    log,
    faults,
    digestOf: (tag) => digest((models[tag] as RegistryModel).model),
    close: async () => {
      await reg.close();
      await cdn.close();
    },
  };
}
