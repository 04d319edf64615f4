// What remote model sources read, kept on disk so asking again costs nothing: JSON answers
// (listings, manifests, config.json) and the byte ranges read of files (header reads: mostly one
// prefix, with gaps where the GGUF reader skips a fixed-size array). Content that cannot change is keyed by what names it exactly — a commit
// sha or a blob digest — and kept for good; names that move (a branch, an Ollama tag) are kept
// for `MOVING_TTL_MS` only. A broken or foreign cache file reads as a miss, never as an error.
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as z from "zod";
import { lazySchema } from "../../lazy-schema.js";

/** How long a branch → commit or tag → manifest answer is trusted. */
export const MOVING_TTL_MS = 60 * 60 * 1000;

const JsonEntry = lazySchema(() => z.object({ savedAt: z.number(), value: z.unknown() }));
const RangesMeta = lazySchema(() => z.object({
  total: z.number().int().nonnegative().optional(),
  segments: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])),
}));

export interface SourceCache {
  /** A JSON value saved under `key`, if younger than `maxAgeMs` (undefined: any age). */
  getJson(key: string, maxAgeMs?: number): Promise<unknown>;
  putJson(key: string, value: unknown): Promise<void>;
  /** The cached byte ranges of the file named by `key` (sorted, disjoint), and its total size when known. */
  getRanges(key: string): Promise<CachedRanges | undefined>;
  putRanges(key: string, ranges: CachedRanges): Promise<void>;
}

export interface Segment {
  readonly start: number;
  readonly bytes: Uint8Array;
}

export interface CachedRanges {
  readonly segments: readonly Segment[];
  readonly total?: number;
}

/** `have` with `add` merged in: overlapping or touching segments become one. */
export function mergeSegment(have: readonly Segment[], add: Segment): Segment[] {
  const all = [...have, add].sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  for (const seg of all) {
    const last = out[out.length - 1];
    if (last && seg.start <= last.start + last.bytes.byteLength) {
      const end = Math.max(last.start + last.bytes.byteLength, seg.start + seg.bytes.byteLength);
      const merged = new Uint8Array(end - last.start);
      merged.set(seg.bytes, seg.start - last.start);
      // the earlier bytes win where they overlap: both came from the same immutable file
      merged.set(last.bytes, 0);
      out[out.length - 1] = { start: last.start, bytes: merged };
    } else out.push(seg);
  }
  return out;
}

// node:crypto is loaded on first use: most commands never read a remote source, and loading it
// costs a short command ~5 ms (src/hardware/cache.ts fingerprintOf says the same)
async function fileName(key: string): Promise<string> {
  const { createHash } = await import("node:crypto");
  return createHash("sha256").update(key).digest("hex").slice(0, 32);
}

async function atomicWrite(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

/** The cache under `dir` (normally <cache dir>/llmfit/sources); `now` is injected for tests. */
export function diskCache(dir: string, now: () => number = Date.now): SourceCache {
  const json = join(dir, "json");
  const bytes = join(dir, "bytes");
  return {
    async getJson(key, maxAgeMs) {
      try {
        const e = JsonEntry.safeParse(JSON.parse(await readFile(join(json, `${await fileName(key)}.json`), "utf8")) as unknown);
        if (!e.success) return undefined;
        if (maxAgeMs !== undefined && now() - e.data.savedAt > maxAgeMs) return undefined;
        return e.data.value;
      } catch {
        return undefined;
      }
    },
    async putJson(key, value) {
      try {
        await mkdir(json, { recursive: true });
        await atomicWrite(join(json, `${await fileName(key)}.json`), JSON.stringify({ savedAt: now(), key, value }));
      } catch {
        // a read-only or full disk only costs the next run a fetch
      }
    },
    async getRanges(key) {
      try {
        const base = join(bytes, await fileName(key));
        const meta = RangesMeta.safeParse(JSON.parse(await readFile(`${base}.json`, "utf8")) as unknown);
        if (!meta.success) return undefined;
        const data = new Uint8Array(await readFile(`${base}.bin`));
        const segments: Segment[] = [];
        let at = 0;
        for (const [start, length] of meta.data.segments) {
          if (at + length > data.byteLength) return undefined;
          segments.push({ start, bytes: data.subarray(at, at + length) });
          at += length;
        }
        return { segments, ...(meta.data.total !== undefined ? { total: meta.data.total } : {}) };
      } catch {
        return undefined;
      }
    },
    async putRanges(key, ranges) {
      try {
        await mkdir(bytes, { recursive: true });
        const base = join(bytes, await fileName(key));
        const size = ranges.segments.reduce((n, seg) => n + seg.bytes.byteLength, 0);
        const data = new Uint8Array(size);
        let at = 0;
        for (const seg of ranges.segments) {
          data.set(seg.bytes, at);
          at += seg.bytes.byteLength;
        }
        // the data first, then the index that describes it: a reader never sees an index without its bytes
        await atomicWrite(`${base}.bin`, data);
        const meta = { key, segments: ranges.segments.map((seg) => [seg.start, seg.bytes.byteLength]), ...(ranges.total !== undefined ? { total: ranges.total } : {}) };
        await atomicWrite(`${base}.json`, JSON.stringify(meta));
      } catch {
        // as above
      }
    },
  };
}

/** A cache that keeps nothing (`--no-cache`). */
export const noCache: SourceCache = {
  getJson: async () => undefined,
  putJson: async () => undefined,
  getRanges: async () => undefined,
  putRanges: async () => undefined,
};
