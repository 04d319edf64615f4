// Where a GGUF header's bytes come from: a local file, a buffer, or an http(s) URL read with range
// requests. Every read is bounded: a source never returns more than was asked, and an HTTP body
// is read only up to the requested range, whatever the server sends (a server answering a 2 MB
// range with 600 MB would otherwise be buffered whole).

import { open } from "node:fs/promises";
import { LlmFitError } from "../errors.js";

export interface ByteSource {
  /** What to call the source in messages: the path or URL. */
  readonly where: string;
  /** Total bytes, or undefined when the server does not say. */
  readonly size: number | undefined;
  /** Exactly `length` bytes from `offset`, fewer only where the source ends. */
  read(offset: number, length: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

export function bufferSource(where: string, buf: Uint8Array): ByteSource {
  return {
    where,
    size: buf.length,
    read: async (offset, length) => buf.subarray(Math.min(offset, buf.length), Math.min(offset + length, buf.length)),
    close: async () => {},
  };
}

export async function fileSource(path: string): Promise<ByteSource> {
  const fh = await open(path, "r");
  const { size } = await fh.stat();
  return {
    where: path,
    size,
    async read(offset, length) {
      const n = Math.max(0, Math.min(length, size - offset));
      const out = new Uint8Array(n);
      let got = 0;
      while (got < n) {
        const { bytesRead } = await fh.read(out, got, n - got, offset + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      return got === n ? out : out.subarray(0, got);
    },
    close: () => fh.close(),
  };
}

export interface HttpSourceOptions {
  /** Injected for tests; defaults to the global fetch. */
  readonly fetch?: typeof fetch;
  readonly headers?: Readonly<Record<string, string>>;
  /** Called with the bytes read so far, so a caller can show progress when a server is slow. */
  readonly onProgress?: (bytesRead: number) => void;
  readonly signal?: AbortSignal;
  /** Time limit per request (headers and body), ms. */
  readonly timeoutMs?: number;
}

/** The first request asks for this much; most headers without a big vocabulary fit in it. */
const FIRST_RANGE_BYTES = 1 << 20;

interface RangeReply {
  readonly bytes: Uint8Array;
  readonly total: number | undefined;
}

const CONTENT_RANGE = /^bytes (\d+)-(\d+)\/(\d+|\*)$/;

/** Reads at most `max` bytes of a body, then stops the transfer. */
async function readBounded(res: Response, max: number): Promise<Uint8Array> {
  const out = new Uint8Array(max);
  let got = 0;
  const reader = res.body?.getReader();
  if (!reader) return out.subarray(0, 0);
  try {
    while (got < max) {
      const { done, value } = await reader.read();
      if (done) break;
      const take = Math.min(value.length, max - got);
      out.set(value.subarray(0, take), got);
      got += take;
    }
  } finally {
    // the rest (if the server sends more than the range) is never read
    await reader.cancel().catch(() => {});
  }
  return got === max ? out : out.subarray(0, got);
}

function httpError(url: string, err: unknown, o: HttpSourceOptions, timeoutMs: number): LlmFitError {
  if (err instanceof LlmFitError) return err;
  if (o.signal?.aborted) return new LlmFitError("cancelled", "reading the GGUF header was cancelled", undefined, { cause: err });
  if (err instanceof Error && err.name === "TimeoutError") {
    return new LlmFitError("timeout", `${url} did not answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}`, "check the URL and your connection, or try again later", { cause: err });
  }
  const why = err instanceof Error && err.cause instanceof Error ? err.cause.message : err instanceof Error ? err.message : String(err);
  return new LlmFitError("http", `cannot reach ${url}: ${why}`, "check the URL and your connection", { cause: err });
}

async function rangeGet(url: string, start: number, length: number, o: HttpSourceOptions): Promise<RangeReply> {
  const timeoutMs = o.timeoutMs ?? 30_000;
  const signals = [o.signal, AbortSignal.timeout(timeoutMs)].filter((s): s is AbortSignal => s !== undefined);
  try {
    const res = await (o.fetch ?? fetch)(url, {
      headers: { ...o.headers, range: `bytes=${start}-${start + length - 1}` },
      signal: AbortSignal.any(signals),
    });
    if (res.status === 404) {
      await res.body?.cancel();
      throw new LlmFitError("not_found", `${url} was not found (HTTP 404)`, "check the repository and file name");
    }
    if (res.status === 416) {
      await res.body?.cancel();
      return { bytes: new Uint8Array(0), total: undefined };
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new LlmFitError("http", `${url} answered HTTP ${res.status}`, res.status === 401 || res.status === 403 ? "the file may be gated: log in or pass a token" : "try again later");
    }
    if (res.status !== 206) {
      await res.body?.cancel();
      throw new LlmFitError("http", `${url}: the server does not support range requests`, "download the file and pass its path instead");
    }
    const m = CONTENT_RANGE.exec(res.headers.get("content-range")?.trim() ?? "");
    if (m && Number(m[1]) !== start) {
      await res.body?.cancel();
      throw new LlmFitError("http", `${url} answered bytes from ${m[1]} when asked for ${start}`, "download the file and pass its path instead");
    }
    const total = m && m[3] !== "*" ? Number(m[3]) : undefined;
    return { bytes: await readBounded(res, length), total };
  } catch (err) {
    throw httpError(url, err, o, timeoutMs);
  }
}

export async function httpSource(url: string, o: HttpSourceOptions = {}): Promise<ByteSource> {
  let read = 0;
  const count = (b: Uint8Array): Uint8Array => {
    read += b.length;
    o.onProgress?.(read);
    return b;
  };
  const first = await rangeGet(url, 0, FIRST_RANGE_BYTES, o);
  count(first.bytes);
  const size = first.total;
  return {
    where: url,
    size,
    async read(offset, length) {
      const end = size === undefined ? offset + length : Math.min(offset + length, size);
      if (end <= first.bytes.length) return first.bytes.subarray(offset, end);
      if (end <= offset) return new Uint8Array(0);
      return count((await rangeGet(url, offset, end - offset, o)).bytes);
    },
    close: async () => {},
  };
}
