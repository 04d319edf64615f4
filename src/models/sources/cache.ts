// What remote model sources read, kept on disk so asking again costs nothing: JSON answers
// (listings, manifests, config.json) and the leading bytes of files (GGUF and safetensors headers
// are always a prefix). Content that cannot change is keyed by what names it exactly — a commit
// sha or a blob digest — and kept for good; names that move (a branch, an Ollama tag) are kept
// for `MOVING_TTL_MS` only. A broken or foreign cache file reads as a miss, never as an error.
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";

/** How long a branch → commit or tag → manifest answer is trusted. */
export const MOVING_TTL_MS = 60 * 60 * 1000;

const JsonEntry = z.object({ savedAt: z.number(), value: z.unknown() });
const PrefixMeta = z.object({ total: z.number().int().nonnegative().optional() });

export interface SourceCache {
  /** A JSON value saved under `key`, if younger than `maxAgeMs` (undefined: any age). */
  getJson(key: string, maxAgeMs?: number): Promise<unknown>;
  putJson(key: string, value: unknown): Promise<void>;
  /** The cached leading bytes of the file named by `key`, and its total size when known. */
  getPrefix(key: string): Promise<{ bytes: Uint8Array; total?: number } | undefined>;
  putPrefix(key: string, bytes: Uint8Array, total?: number): Promise<void>;
}

const fileName = (key: string): string => createHash("sha256").update(key).digest("hex").slice(0, 32);

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
        const e = JsonEntry.safeParse(JSON.parse(await readFile(join(json, `${fileName(key)}.json`), "utf8")) as unknown);
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
        await atomicWrite(join(json, `${fileName(key)}.json`), JSON.stringify({ savedAt: now(), key, value }));
      } catch {
        // a read-only or full disk only costs the next run a fetch
      }
    },
    async getPrefix(key) {
      try {
        const base = join(bytes, fileName(key));
        const meta = PrefixMeta.safeParse(JSON.parse(await readFile(`${base}.json`, "utf8")) as unknown);
        if (!meta.success) return undefined;
        const data = new Uint8Array(await readFile(`${base}.bin`));
        return { bytes: data, ...(meta.data.total !== undefined ? { total: meta.data.total } : {}) };
      } catch {
        return undefined;
      }
    },
    async putPrefix(key, data, total) {
      try {
        await mkdir(bytes, { recursive: true });
        const base = join(bytes, fileName(key));
        await atomicWrite(`${base}.bin`, data);
        await atomicWrite(`${base}.json`, JSON.stringify({ key, ...(total !== undefined ? { total } : {}) }));
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
  getPrefix: async () => undefined,
  putPrefix: async () => undefined,
};
