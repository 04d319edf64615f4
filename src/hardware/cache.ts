// The profile cache. Full detection (nvidia-smi, system_profiler, PowerShell) can take a second;
// a fingerprint of what cannot change without a reboot or a driver update (host, CPU, RAM,
// GPU PCI ids, NVIDIA driver version) decides whether the cached profile still describes this
// machine. Free-memory figures are never served from the cache: see refreshFreeMemory.
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as z from "zod";
import type { ProbeContext } from "./context.js";
import { HardwareSchema } from "./schema.js";
import type { Hardware } from "./types.js";

export { defaultCacheDir } from "../cache-dir.js";

const CACHE_VERSION = 1;
const CacheFileSchema = z.object({ version: z.literal(CACHE_VERSION), fingerprint: z.string(), hardware: HardwareSchema });

export async function fingerprint(ctx: ProbeContext): Promise<string> {
  const parts: string[] = [ctx.platform, ctx.arch, ctx.os.hostname(), ctx.os.cpus()[0]?.model ?? "", String(ctx.os.totalmem())];
  if (ctx.platform === "linux") {
    const cards = (await ctx.fs.list("/sys/class/drm")).filter((c) => /^card\d+$/.test(c));
    const ids = await Promise.all(
      cards.map(async (c) => `${(await ctx.fs.readText(`/sys/class/drm/${c}/device/vendor`))?.trim()}:${(await ctx.fs.readText(`/sys/class/drm/${c}/device/device`))?.trim()}`),
    );
    parts.push(...ids);
    parts.push((await ctx.fs.readText("/proc/driver/nvidia/version"))?.split("\n")[0] ?? "");
  }
  return createHash("sha256").update(parts.join("\n")).digest("hex").slice(0, 16);
}

export async function readCache(dir: string, fp: string): Promise<Hardware | undefined> {
  try {
    const parsed = CacheFileSchema.safeParse(JSON.parse(await readFile(join(dir, "hardware.json"), "utf8")) as unknown);
    return parsed.success && parsed.data.fingerprint === fp ? parsed.data.hardware : undefined;
  } catch {
    return undefined;
  }
}

/** Writes atomically (temp file + rename) so two editors starting at once never read half a file. */
export async function writeCache(dir: string, fp: string, hardware: Hardware): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, "hardware.json");
  // Unique per write: one host may detect twice at once (start-up, then new overrides).
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(tmp, JSON.stringify({ version: CACHE_VERSION, fingerprint: fp, hardware }, undefined, 2));
  await rename(tmp, file);
}
