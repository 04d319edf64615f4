// Downloading one model file to disk, resumably: bytes go to FILE.part, a later try asks for
// `Range: bytes=<part size>-` and appends, and only a file of the listed size (and, when the
// listing gives an LFS oid, of that sha256) is renamed to FILE. Redirects are followed by hand so
// a token reaches its own origin only (the Hub sends LFS files to a CDN). Every failure is one
// line that says what to do; a cancelled or cut download leaves its .part for the next try.
import { createReadStream } from "node:fs";
import { mkdir, open, rename, rm, stat, statfs } from "node:fs/promises";
import { dirname } from "node:path";
import { LlmFitError } from "../errors.js";
import type { Credential } from "../models/sources/http.js";
import { cancelled, hostOf } from "./errors.js";

export interface DownloadSpec {
  readonly url: string;
  readonly dest: string;
  /** The size the listing gives: the finished file must have exactly this many bytes. */
  readonly size: number;
  /** The listing's LFS oid (sha256 of the content), when it gives one. */
  readonly sha256?: string;
  /** For messages: "Qwen2.5-1.5B-Instruct Q4_K_M". */
  readonly what: string;
  readonly credential?: Credential;
}

export interface DownloadProgress {
  readonly phase: "downloading" | "verifying";
  /** Bytes of the file on disk so far (a resumed download starts at the .part's size). */
  readonly bytes: number;
  readonly total: number;
}

export interface DownloadOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: DownloadProgress) => void;
  /** At most one progress call per this many ms (the last one always comes); default 100. */
  readonly progressEveryMs?: number;
  readonly fetch?: typeof fetch;
  /** Deadline for the response head, and the longest pause between body chunks; ms. */
  readonly timeoutMs?: number;
  readonly idleMs?: number;
}

export interface DownloadResult {
  readonly path: string;
  readonly bytes: number;
  /** Where this try started: the .part's size (0 for a fresh download). */
  readonly resumedFrom: number;
  /** Body bytes this try took from the network. */
  readonly received: number;
  /** The file was already complete on disk: nothing was fetched. */
  readonly already: boolean;
}

const FIX = "set prompt.embedded_model to a GGUF file, or start Ollama";
const MAX_REDIRECTS = 5;
const mib = (n: number): string => `${(n / 1024 ** 2).toFixed(1)} MiB`;

export const partPath = (dest: string): string => `${dest}.part`;

const sizeOf = async (p: string): Promise<number | undefined> => (await stat(p).catch(() => undefined))?.size;

async function sha256Of(path: string, signal?: AbortSignal): Promise<string> {
  const { createHash } = await import("node:crypto"); // loaded when a download is checked, not at start
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20, ...(signal ? { signal } : {}) })) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** The GET for the bytes from `from` on, after redirects; the caller reads its body. */
async function request(spec: DownloadSpec, from: number, o: DownloadOptions, controller: AbortController, arm: (ms: number) => void): Promise<Response> {
  let url = spec.url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const headers: Record<string, string> = from > 0 ? { Range: `bytes=${from}-` } : {};
    if (spec.credential && new URL(url).origin === spec.credential.origin) headers["Authorization"] = spec.credential.header;
    arm(o.timeoutMs ?? 30_000);
    let res: Response;
    try {
      res = await (o.fetch ?? fetch)(url, { headers, redirect: "manual", signal: controller.signal });
    } catch (err) {
      if (o.signal?.aborted) throw cancelled();
      if (controller.signal.aborted) throw new LlmFitError("timeout", `${hostOf(url)} did not answer within ${Math.round((o.timeoutMs ?? 30_000) / 1000)} s`, `try again later, or ${FIX}`);
      throw new LlmFitError("http", `could not reach ${hostOf(url)} (${errCode(err)})`, FIX, { cause: err });
    }
    const location = res.headers.get("location");
    if (res.status >= 300 && res.status < 400 && location) {
      await res.body?.cancel().catch(() => undefined);
      url = new URL(location, url).toString();
      continue;
    }
    return res;
  }
  throw new LlmFitError("http", `${spec.what}: more than ${MAX_REDIRECTS} redirects from ${hostOf(spec.url)}`, "check HF_ENDPOINT");
}

function errCode(err: unknown): string {
  let cur: unknown = err;
  for (let i = 0; i < 4 && cur !== null && typeof cur === "object"; i++) {
    if ("code" in cur && typeof cur.code === "string") return cur.code;
    cur = "cause" in cur ? cur.cause : undefined;
  }
  return err instanceof Error ? err.message : String(err);
}

/** Downloads `spec.url` to `spec.dest` (resuming a .part), verifying size and sha256 before the rename. */
export async function downloadFile(spec: DownloadSpec, o: DownloadOptions = {}): Promise<DownloadResult> {
  if (o.signal?.aborted) throw cancelled();
  const done = await sizeOf(spec.dest);
  if (done === spec.size) return { path: spec.dest, bytes: done, resumedFrom: done, received: 0, already: true };
  await mkdir(dirname(spec.dest), { recursive: true });
  const part = partPath(spec.dest);
  let from = (await sizeOf(part)) ?? 0;
  // A .part longer than the file is not this file: start over.
  if (from > spec.size) {
    await rm(part, { force: true });
    from = 0;
  }
  const resumedFrom = from;
  const free = await statfs(dirname(spec.dest)).then((s) => s.bavail * s.bsize).catch(() => undefined);
  if (free !== undefined && free < spec.size - from) {
    throw new LlmFitError("does_not_fit", `${spec.what} needs ${mib(spec.size - from)} more on disk; ${dirname(spec.dest)} has ${mib(free)} free`, `free some space, or ${FIX}`);
  }

  let received = 0;
  const every = o.progressEveryMs ?? 100;
  let lastAt = -Infinity;
  const report = (force: boolean): void => {
    const now = performance.now();
    if (!force && now - lastAt < every) return;
    lastAt = now;
    o.onProgress?.({ phase: "downloading", bytes: from + received, total: spec.size });
  };

  if (from < spec.size) {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = (ms: number): void => {
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort(), ms);
      timer.unref?.();
    };
    const onAbort = (): void => controller.abort();
    o.signal?.addEventListener("abort", onAbort, { once: true });
    try {
      const res = await request(spec, from, o, controller, arm);
      if (res.status === 200 && from > 0) {
        // The server ignored the Range: take the whole file again from the start.
        from = 0;
      } else if (res.status === 206) {
        const m = /^bytes\s+(\d+)-/i.exec(res.headers.get("content-range") ?? "");
        if (!m || Number(m[1]) !== from) {
          await res.body?.cancel().catch(() => undefined);
          throw new LlmFitError("http", `${spec.what}: ${hostOf(spec.url)} answered a different byte range than asked`, "try again later");
        }
      } else if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        const gated = res.status === 401 || res.status === 403;
        throw new LlmFitError("http", `${spec.what}: ${hostOf(res.url || spec.url)} answered HTTP ${res.status}`, gated ? "accept the model's licence on its Hub page and set HF_TOKEN, or " + FIX : `try again later, or ${FIX}`);
      }
      const fh = await open(part, from === 0 ? "w" : "a");
      try {
        report(true);
        const reader = res.body?.getReader();
        for (;;) {
          if (!reader) break;
          arm(o.idleMs ?? 30_000);
          let chunk: { done: true; value?: undefined } | { done: false; value: Uint8Array };
          try {
            chunk = await reader.read();
          } catch (err) {
            if (o.signal?.aborted) throw cancelled();
            if (controller.signal.aborted) throw new LlmFitError("timeout", `${spec.what}: ${hostOf(spec.url)} stopped sending at ${mib(from + received)} of ${mib(spec.size)}`, "choose it again: the download resumes where it stopped");
            throw new LlmFitError("http", `${spec.what}: the connection closed at ${mib(from + received)} of ${mib(spec.size)} (${errCode(err)})`, "choose it again: the download resumes where it stopped");
          }
          if (chunk.done) break;
          if (from + received + chunk.value.byteLength > spec.size) {
            await reader.cancel().catch(() => undefined);
            await fh.close();
            await rm(part, { force: true });
            throw new LlmFitError("http", `${spec.what}: ${hostOf(spec.url)} sent more than the listed ${spec.size} bytes`, "refused; try again later");
          }
          await fh.write(chunk.value);
          received += chunk.value.byteLength;
          report(false);
        }
      } finally {
        await fh.close().catch(() => undefined);
      }
      report(true);
    } finally {
      clearTimeout(timer);
      o.signal?.removeEventListener("abort", onAbort);
    }
  }

  const got = (await sizeOf(part)) ?? 0;
  if (got !== spec.size) {
    throw new LlmFitError("http", `${spec.what}: the download stopped at ${mib(got)} of ${mib(spec.size)}`, "choose it again: the download resumes where it stopped");
  }
  if (spec.sha256) {
    o.onProgress?.({ phase: "verifying", bytes: got, total: spec.size });
    const sum = await sha256Of(part, o.signal).catch((err: unknown) => {
      throw o.signal?.aborted ? cancelled() : err;
    });
    if (sum !== spec.sha256.toLowerCase()) {
      await rm(part, { force: true });
      throw new LlmFitError("bad_gguf", `${spec.what}: the downloaded file's sha256 is not the one the Hub lists`, "it was deleted; choose it again to download it afresh");
    }
  }
  await rename(part, spec.dest);
  return { path: spec.dest, bytes: got, resumedFrom, received, already: false };
}
