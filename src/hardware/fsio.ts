// The few filesystem reads detection makes (/proc, /sys), injectable so tests can describe a
// machine as a map of paths. Missing files read as undefined: absence is information here.
import { readFile, readdir } from "node:fs/promises";

export interface ProbeFs {
  readText(path: string): Promise<string | undefined>;
  list(dir: string): Promise<readonly string[]>;
}

export const realFs: ProbeFs = {
  async readText(path) {
    try {
      return await readFile(path, "utf8");
    } catch {
      return undefined;
    }
  },
  async list(dir) {
    try {
      return await readdir(dir);
    } catch {
      return [];
    }
  },
};

/** A fake filesystem from a map of path → contents; directories are implied by the paths. */
export function mapFs(files: Readonly<Record<string, string>>): ProbeFs {
  return {
    async readText(path) {
      return files[path];
    },
    async list(dir) {
      const prefix = dir.endsWith("/") ? dir : `${dir}/`;
      const names = new Set<string>();
      for (const p of Object.keys(files)) {
        if (p.startsWith(prefix)) {
          const rest = p.slice(prefix.length).split("/")[0];
          if (rest) names.add(rest);
        }
      }
      return [...names].sort();
    },
  };
}
