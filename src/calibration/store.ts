// calibration.json in the cache dir, beside hardware.json: bound to the hardware fingerprint
// (src/hardware/cache.ts), so a new CPU, more RAM or another GPU makes it stale and it is ignored
// until the next `llmfit bench`. A file that does not parse is ignored the same way.
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { CALIBRATION_VERSION, CalibrationFileSchema, type Calibration } from "./schema.js";

export const CALIBRATION_FILE = "calibration.json";

export type ReadResult = { readonly calibration: Calibration } | { readonly calibration?: undefined; readonly why: "none" | "other machine" | "unreadable" };

export async function readCalibrationFile(dir: string, fingerprint: string): Promise<ReadResult> {
  let text: string;
  try {
    text = await readFile(join(dir, CALIBRATION_FILE), "utf8");
  } catch {
    return { why: "none" };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { why: "unreadable" };
  }
  const parsed = CalibrationFileSchema.safeParse(json);
  if (!parsed.success) return { why: "unreadable" };
  return parsed.data.fingerprint === fingerprint ? { calibration: parsed.data.calibration } : { why: "other machine" };
}

export async function readCalibration(dir: string, fingerprint: string): Promise<Calibration | undefined> {
  return (await readCalibrationFile(dir, fingerprint)).calibration;
}

/** Atomic (temp file + rename): an editor reading it while the bench writes sees the old or the new file. */
export async function writeCalibration(dir: string, fingerprint: string, calibration: Calibration): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, CALIBRATION_FILE);
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(tmp, JSON.stringify({ version: CALIBRATION_VERSION, fingerprint, calibration }, undefined, 2));
  await rename(tmp, file);
  return file;
}
