// Where llmfit keeps what it may throw away (hardware profile, judged rows, compiled code): its
// own module, free of imports, so the start-up loader (src/boot/code-cache.ts) can find the
// directory before the bundle, and zod with it, is loaded.
import { homedir } from "node:os";
import { join } from "node:path";

export function defaultCacheDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  if (env["XDG_CACHE_HOME"]) return join(env["XDG_CACHE_HOME"], "llmfit");
  if (platform === "darwin") return join(homedir(), "Library", "Caches", "llmfit");
  if (platform === "win32" && env["LOCALAPPDATA"]) return join(env["LOCALAPPDATA"], "llmfit");
  return join(homedir(), ".cache", "llmfit");
}
