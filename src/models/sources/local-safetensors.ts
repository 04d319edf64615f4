// A transformers model in a local directory (config.json + *.safetensors, as `huggingface-cli
// download` leaves it), sized the way the same repo on the Hub is: the same header reader on the
// same bytes, read from disk instead of by range requests.
import { open, readFile, readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { LlmFitError } from "../../errors.js";
import type { SafetensorsModel } from "./safetensors-shape.js";
import { shapeFromSafetensors } from "./safetensors-shape.js";
import { mergeSummaries, readSafetensorsHeader, type ReadAt } from "./safetensors.js";

/** True when `dir` looks like a transformers model directory. */
export async function isSafetensorsDir(dir: string): Promise<boolean> {
  try {
    if (!(await stat(dir)).isDirectory()) return false;
    const names = await readdir(dir);
    return names.includes("config.json") && names.some((n) => n.endsWith(".safetensors"));
  } catch {
    return false;
  }
}

async function readJson(path: string, what: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as unknown;
  } catch (err) {
    throw new LlmFitError("bad_config", `${what}: ${path} is not readable JSON`, "check the model directory", { cause: err });
  }
}

export async function loadLocalSafetensors(dir: string): Promise<{ model: SafetensorsModel; files: { path: string; bytes: number }[] }> {
  const names = (await readdir(dir)).sort();
  const config = await readJson(join(dir, "config.json"), dir);
  let shards = names.filter((n) => n.endsWith(".safetensors"));
  if (names.includes("model.safetensors.index.json")) {
    const index = await readJson(join(dir, "model.safetensors.index.json"), dir);
    const map = typeof index === "object" && index !== null && "weight_map" in index ? (index as { weight_map: unknown }).weight_map : undefined;
    if (typeof map === "object" && map !== null) {
      const wanted = new Set(Object.values(map).filter((v): v is string => typeof v === "string"));
      const missing = [...wanted].filter((n) => !names.includes(n));
      if (missing.length > 0) throw new LlmFitError("not_found", `${dir}: the index names ${missing[0]}, which is not there`, "finish the download");
      shards = shards.filter((n) => wanted.has(n));
    }
  }
  const summaries = [];
  const files: { path: string; bytes: number }[] = [];
  for (const name of shards) {
    const path = join(dir, name);
    const fh = await open(path, "r");
    try {
      const { size } = await fh.stat();
      const read: ReadAt = async (start, end) => {
        const buf = Buffer.alloc(Math.max(0, Math.min(end, size - 1) - start + 1));
        const { bytesRead } = await fh.read(buf, 0, buf.length, start);
        return new Uint8Array(buf.buffer, buf.byteOffset, bytesRead);
      };
      summaries.push(await readSafetensorsHeader(read, path, size));
      files.push({ path, bytes: size });
    } finally {
      await fh.close();
    }
  }
  return { model: shapeFromSafetensors(config, mergeSummaries(summaries), dir), files };
}
