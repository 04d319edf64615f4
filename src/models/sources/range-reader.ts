// Byte ranges of a remote file, served from the cache when it already holds them and read with
// one bounded range request otherwise; what arrives joins the cached ranges. Also
// the `fetch` the GGUF header parser is given, so it reads remote files through the same path.
import { boundedGet, type Credential, type SourceHttp } from "./http.js";
import { mergeSegment, type SourceCache } from "./cache.js";

export interface RemoteFile {
  readonly url: string;
  /** Names the content exactly (blob digest, LFS oid, or repo@commit/path): the cache key. */
  readonly key: string;
  /** For messages: "hf:org/repo model-Q4_K_M.gguf". */
  readonly what: string;
  readonly credential?: Credential;
  /** Size from the listing or manifest, when known. */
  readonly size?: number;
}

export interface ReadStats {
  network: number;
  requests: number;
  /** Bytes served from the cache instead of the network. */
  cached: number;
}

export interface SourceContext {
  readonly http: SourceHttp;
  readonly cache: SourceCache;
  readonly stats: ReadStats;
  /** Where each file's first read was redirected (its CDN URL): later ranges go there directly. */
  readonly redirected: Map<string, string>;
}

/** Bytes [start, end] (inclusive, clipped at the end of the file) and the file's total size. */
export async function readRange(ctx: SourceContext, file: RemoteFile, start: number, end: number): Promise<{ bytes: Uint8Array; total?: number }> {
  const cached = await ctx.cache.getRanges(file.key);
  const total = cached?.total ?? file.size;
  const last = total !== undefined ? Math.min(end, total - 1) : end;
  if (total !== undefined && start >= total) return { bytes: new Uint8Array(), total };
  const hit = cached?.segments.find((seg) => seg.start <= start && last < seg.start + seg.bytes.byteLength);
  if (hit) {
    ctx.stats.cached += last - start + 1;
    return { bytes: hit.bytes.slice(start - hit.start, last - hit.start + 1), ...(total !== undefined ? { total } : {}) };
  }
  const url = ctx.redirected.get(file.url) ?? file.url;
  const r = await boundedGet(ctx.http, url, { what: file.what, range: [start, last], ...(file.credential ? { credential: file.credential } : {}) });
  if (r.finalUrl !== url) ctx.redirected.set(file.url, r.finalUrl);
  const fileTotal = r.total ?? total;
  const segments = mergeSegment(cached?.segments ?? [], { start, bytes: r.body });
  await ctx.cache.putRanges(file.key, { segments, ...(fileTotal !== undefined ? { total: fileTotal } : {}) });
  return { bytes: r.body, ...(fileTotal !== undefined ? { total: fileTotal } : {}) };
}

/**
 * A fetch for the GGUF header reader: it asks for `Range: bytes=a-b` of URLs it builds itself (split
 * shards' names come from the first one), so every URL it may ask for is listed in `files`.
 */
export function rangeFetchFor(ctx: SourceContext, files: ReadonlyMap<string, RemoteFile>, mapError: (err: unknown) => unknown = (e) => e): typeof fetch {
  return async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.toString() : input.url;
    const file = files.get(url);
    if (!file) return new Response("not listed", { status: 404 });
    const range = new Headers(init?.headers).get("range");
    const m = range === null ? null : /^bytes=(\d+)-(\d+)$/.exec(range);
    if (!m) return new Response("only range reads", { status: 416 });
    let got: Awaited<ReturnType<typeof readRange>>;
    try {
      got = await readRange(ctx, file, Number(m[1]), Number(m[2]));
    } catch (err) {
      throw mapError(err);
    }
    const { bytes, total } = got;
    const end = Number(m[1]) + bytes.byteLength - 1;
    return new Response(bytes, { status: 206, headers: { "content-range": `bytes ${m[1]}-${end}/${total ?? "*"}` } });
  };
}
