// The profile cache. Full detection (nvidia-smi, system_profiler, PowerShell) can take a second;
// a fingerprint of what cannot change without a reboot or a driver update (host, CPU, RAM,
// GPU PCI ids, NVIDIA driver version) decides whether the cached profile still describes this
// machine. Free-memory figures are never served from the cache: see refreshFreeMemory.
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as z from "zod";
import { lazySchema } from "../lazy-schema.js";
import { BUILD_STAMP } from "../build-stamp.js";
import { hash53 } from "../models/content-hash.js";
import { openJson, sealedJson } from "../sealed-json.js";
import type { ProbeContext } from "./context.js";
import { HardwareSchema } from "./schema.js";
import type { Hardware } from "./types.js";

export { defaultCacheDir } from "../cache-dir.js";

const CACHE_VERSION = 1;
// `key` (a cheap hash of the same parts) came later: a file without it is checked by its fingerprint.
export const CacheFileSchema = lazySchema(() => z.object({ version: z.literal(CACHE_VERSION), fingerprint: z.string(), key: z.string().optional(), hardware: HardwareSchema }));

/** What cannot change without a reboot or a driver update, as one string. */
export async function machineParts(ctx: ProbeContext): Promise<string> {
  const parts: string[] = [ctx.platform, ctx.arch, ctx.os.hostname(), ctx.os.cpus()[0]?.model ?? "", String(ctx.os.totalmem())];
  if (ctx.platform === "linux") {
    const cards = (await ctx.fs.list("/sys/class/drm")).filter((c) => /^card\d+$/.test(c));
    const ids = await Promise.all(
      cards.map(async (c) => `${(await ctx.fs.readText(`/sys/class/drm/${c}/device/vendor`))?.trim()}:${(await ctx.fs.readText(`/sys/class/drm/${c}/device/device`))?.trim()}`),
    );
    parts.push(...ids);
    parts.push((await ctx.fs.readText("/proc/driver/nvidia/version"))?.split("\n")[0] ?? "");
  }
  return parts.join("\n");
}

/**
 * The machine's fingerprint: SHA-256 of its parts. It also names this machine's calibration
 * (src/calibration/store.ts), so it stays what it always was. node:crypto is loaded here only,
 * on the paths that probe or calibrate: a start served from the cache matches the cheap key and
 * takes the fingerprint stored beside it (loading node:crypto is ~5 ms of a short command).
 */
export async function fingerprintOf(parts: string): Promise<string> {
  const { createHash } = await import("node:crypto");
  return createHash("sha256").update(parts).digest("hex").slice(0, 16);
}

/**
 * The fingerprint, taken from the profile cache under `dir` when its key says it is this
 * machine's (what the report's measured speeds need on every start, without node:crypto).
 */
export async function cachedFingerprint(dir: string, ctx: ProbeContext): Promise<string> {
  const parts = await machineParts(ctx);
  try {
    const file = JSON.parse(await readFile(join(dir, "hardware.json"), "utf8")) as { key?: unknown; fingerprint?: unknown };
    if (file.key === hash53(parts) && typeof file.fingerprint === "string") return file.fingerprint;
  } catch {
    // no profile yet, or a broken one: the fingerprint from scratch
  }
  return fingerprintOf(parts);
}

export interface CachedProfile {
  readonly hardware: Hardware;
  readonly fingerprint: string;
  /** Written before the cheap key: worth writing again so the next start skips the SHA-256. */
  readonly keyless: boolean;
}

/**
 * The cached profile when it describes this machine. A file this build sealed (src/sealed-json.ts)
 * is used as written; any other (hand-edited, damaged, older) is checked by the schema first.
 */
export async function readCache(dir: string, parts: string, stamp: string | undefined = BUILD_STAMP): Promise<CachedProfile | undefined> {
  try {
    const opened = openJson(stamp, await readFile(join(dir, "hardware.json")));
    const file = opened.sealed ? trustedFile(opened.value) : checkedFile(opened.value);
    if (file === undefined) return undefined;
    const { key, fingerprint: fp, hardware } = file;
    if (key !== undefined) return key === hash53(parts) ? { hardware, fingerprint: fp, keyless: false } : undefined;
    return fp === (await fingerprintOf(parts)) ? { hardware, fingerprint: fp, keyless: true } : undefined;
  } catch {
    return undefined;
  }
}

type CacheFile = z.output<typeof CacheFileSchema>;

/** A sealed file: written by this build from a checked profile, so its JSON is the file's type. */
function trustedFile(value: unknown): CacheFile | undefined {
  const file = value as CacheFile & { seal?: string };
  if (file.version !== CACHE_VERSION) return undefined;
  const { seal: _seal, ...rest } = file;
  return rest;
}

function checkedFile(value: unknown): CacheFile | undefined {
  const parsed = CacheFileSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Writes atomically (temp file + rename) so two editors starting at once never read half a file. */
export async function writeCache(dir: string, parts: string, fp: string, hardware: Hardware, stamp: string | undefined = BUILD_STAMP): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, "hardware.json");
  // Unique per write: one host may detect twice at once (start-up, then new overrides).
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(tmp, sealedJson(stamp, { version: CACHE_VERSION, fingerprint: fp, key: hash53(parts), hardware }, 2));
  await rename(tmp, file);
}
