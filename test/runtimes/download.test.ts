// Downloading a model file resumably, against a loopback server that serves the tiny GGUF with
// Range support in 16 KiB writes: progress, cancel mid-way (the .part stays), resume with a
// Range request, and a size or sha256 that does not match refused before the rename.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LlmFitError } from "../../src/errors.js";
import { downloadFile, partPath, type DownloadProgress } from "../../src/runtimes/download.js";
import { closedPort, startServer, type FakeServer, type RecordedRequest } from "../support/fake-servers.js";
import { tinyGguf } from "../support/tiny-gguf.js";

const body = tinyGguf();
const sha = createHash("sha256").update(body).digest("hex");
const dir = mkdtempSync(join(tmpdir(), "llmfit-download-"));
let server: FakeServer;
/** When set, the server stops after this many body bytes of an answer and waits for `release`. */
let holdAt: number | undefined;
let release: (() => void) | undefined;

async function serve(req: RecordedRequest, res: ServerResponse): Promise<void> {
  const m = /^bytes=(\d+)-$/.exec(String(req.headers.range ?? ""));
  const from = m ? Number(m[1]) : 0;
  res.writeHead(m ? 206 : 200, { "Content-Length": String(body.length - from), ...(m ? { "Content-Range": `bytes ${from}-${body.length - 1}/${body.length}` } : {}) });
  let sent = 0;
  for (let at = from; at < body.length; at += 16 * 1024) {
    if (holdAt !== undefined && sent >= holdAt) {
      await new Promise<void>((r) => (release = r));
      return void res.destroy();
    }
    const piece = body.subarray(at, Math.min(at + 16 * 1024, body.length));
    sent += piece.length;
    if (!res.write(piece)) await new Promise((r) => res.once("drain", r));
    await new Promise((r) => setImmediate(r));
  }
  res.end();
}

beforeAll(async () => {
  server = await startServer({
    "GET /model.gguf": serve,
    "GET /moved.gguf": (_req, res) => {
      res.writeHead(302, { Location: `${server.url}/model.gguf` });
      res.end();
    },
  });
});
afterAll(async () => {
  release?.();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const spec = (name: string, extra: Partial<Parameters<typeof downloadFile>[0]> = {}) => ({ url: `${server.url}/model.gguf`, dest: join(dir, name), size: body.length, sha256: sha, what: "tiny Q4_K_M", ...extra });

describe("downloading a model file", () => {
  it("downloads with progress, follows a redirect, verifies and renames", async () => {
    const events: DownloadProgress[] = [];
    const started = performance.now();
    const r = await downloadFile(spec("a.gguf", { url: `${server.url}/moved.gguf` }), { onProgress: (p) => events.push(p), progressEveryMs: 0 });
    const ms = performance.now() - started;
    console.log(`download: ${r.received} bytes in ${ms.toFixed(0)} ms from the loopback server`);
    expect(r).toMatchObject({ bytes: body.length, resumedFrom: 0, received: body.length, already: false });
    expect(readFileSync(r.path).equals(body)).toBe(true);
    expect(existsSync(partPath(r.path))).toBe(false);
    const downloading = events.filter((e) => e.phase === "downloading");
    expect(downloading.length).toBeGreaterThan(3);
    expect(downloading.at(-1)).toEqual({ phase: "downloading", bytes: body.length, total: body.length });
    expect(downloading.map((e) => e.bytes)).toEqual([...downloading.map((e) => e.bytes)].sort((a, b) => a - b));
    expect(events.at(-1)?.phase).toBe("verifying");
    // a second time it is already there: nothing fetched
    const before = server.requests.length;
    expect((await downloadFile(spec("a.gguf"))).already).toBe(true);
    expect(server.requests.length).toBe(before);
  });

  it("cancelled mid-way keeps the .part; the next try resumes it with a Range request", async () => {
    const s = spec("b.gguf");
    const controller = new AbortController();
    holdAt = 64 * 1024;
    const seen: number[] = [];
    const first = downloadFile(s, {
      signal: controller.signal,
      progressEveryMs: 0,
      onProgress: (p) => {
        seen.push(p.bytes);
        if (p.bytes >= 64 * 1024) controller.abort();
      },
    });
    await expect(first).rejects.toMatchObject({ code: "cancelled" });
    holdAt = undefined;
    release?.();
    const kept = statSync(partPath(s.dest)).size;
    expect(kept).toBeGreaterThanOrEqual(64 * 1024);
    expect(kept).toBeLessThan(body.length);
    expect(existsSync(s.dest)).toBe(false);

    const r = await downloadFile(s);
    expect(server.requests.at(-1)?.headers.range).toBe(`bytes=${kept}-`);
    expect(r).toMatchObject({ resumedFrom: kept, received: body.length - kept, bytes: body.length });
    expect(readFileSync(s.dest).equals(body)).toBe(true);
  });

  it("a connection cut mid-way says the next try resumes", async () => {
    const s = spec("c.gguf");
    holdAt = 32 * 1024;
    const cut = downloadFile(s);
    setTimeout(() => release?.(), 200);
    const err = await cut.catch((e: unknown) => e);
    holdAt = undefined;
    expect(err).toBeInstanceOf(LlmFitError);
    expect((err as LlmFitError).oneLine()).toMatch(/resumes where it stopped/);
    expect(existsSync(partPath(s.dest))).toBe(true);
    expect((await downloadFile(s)).bytes).toBe(body.length);
  });

  it("refuses a sha256 that is not the listed one, and deletes the bad file", async () => {
    const s = spec("d.gguf", { sha256: "0".repeat(64) });
    await expect(downloadFile(s)).rejects.toThrow(/sha256 is not the one the Hub lists/);
    expect(existsSync(s.dest)).toBe(false);
    expect(existsSync(partPath(s.dest))).toBe(false);
  });

  it("refuses a file that is longer or shorter than listed", async () => {
    await expect(downloadFile(spec("e.gguf", { size: body.length - 10 }))).rejects.toThrow(/more than the listed/);
    await expect(downloadFile(spec("f.gguf", { size: body.length + 10 }))).rejects.toThrow(/stopped at/);
    expect(existsSync(join(dir, "f.gguf"))).toBe(false);
  });

  it("a .part longer than the file is started over", async () => {
    const s = spec("g.gguf");
    writeFileSync(partPath(s.dest), Buffer.alloc(body.length + 5));
    const r = await downloadFile(s);
    expect(r.resumedFrom).toBe(0);
    expect(readFileSync(s.dest).equals(body)).toBe(true);
  });

  it("no server: one line with the offline fix", async () => {
    const port = await closedPort();
    const err = await downloadFile(spec("h.gguf", { url: `http://127.0.0.1:${port}/model.gguf` })).catch((e: unknown) => e);
    expect((err as LlmFitError).oneLine()).toMatch(/^could not reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\) — set prompt\.embedded_model to a GGUF file, or start Ollama$/);
  });
});
