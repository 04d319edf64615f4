// Windows: WMI's Win32_VideoController.AdapterRAM is a uint32, so every card with 4 GiB or more
// reads as 4 GiB (4293918720 or 4294967295). The display driver's registry key holds the true
// size as HardwareInformation.qwMemorySize (a QWORD); nvidia-smi, when present, beats both.
import * as z from "zod";
import { lazySchema } from "../../lazy-schema.js";
import { GiB, finiteNumber } from "../units.js";

export const VIDEO_CONTROLLER_ARGS: readonly string[] = [
  "-NoProfile",
  "-NonInteractive",
  "-Command",
  "Get-CimInstance Win32_VideoController | Select-Object Name,AdapterRAM,DriverVersion,PNPDeviceID | ConvertTo-Json",
];

export const DISPLAY_CLASS_KEY = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Class\\{4d36e968-e325-11ce-bfc1-08002be10318}";
export const REG_MEMORY_ARGS: readonly string[] = ["query", DISPLAY_CLASS_KEY, "/s", "/v", "HardwareInformation.qwMemorySize"];
export const REG_DESC_ARGS: readonly string[] = ["query", DISPLAY_CLASS_KEY, "/s", "/v", "DriverDesc"];

export interface WinVideoController {
  readonly name: string;
  readonly adapterRamBytes?: number;
  readonly driver?: string;
  readonly pnpId?: string;
}

// ConvertTo-Json emits an object for one adapter and an array for several; WMI leaves absent
// properties as null, which stops here (becomes undefined).
const ControllerSchema = lazySchema(() => z.looseObject({
  Name: z.string().min(1),
  AdapterRAM: z.number().nullish(),
  DriverVersion: z.string().nullish(),
  PNPDeviceID: z.string().nullish(),
}));
const ControllersSchema = lazySchema(() => z.union([ControllerSchema, z.array(z.unknown())]));

export function parseVideoControllerJson(json: unknown): readonly WinVideoController[] {
  const parsed = ControllersSchema.safeParse(json);
  if (!parsed.success) return [];
  const items = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
  const out: WinVideoController[] = [];
  for (const item of items) {
    const r = ControllerSchema.safeParse(item);
    if (!r.success) continue;
    const { Name: name, AdapterRAM: ram, DriverVersion: driver, PNPDeviceID: pnp } = r.data;
    out.push({
      name,
      // Older WMI providers hand the uint32 back as a negative int32.
      ...(typeof ram === "number" ? { adapterRamBytes: ram < 0 ? ram + 2 ** 32 : ram } : {}),
      ...(driver ? { driver } : {}),
      ...(pnp ? { pnpId: pnp } : {}),
    });
  }
  return out;
}

/** True when a WMI AdapterRAM figure is the uint32 ceiling, not a real size. */
export function isCappedAdapterRam(bytes: number): boolean {
  return bytes >= 4 * GiB - 2 * 1024 * 1024 && bytes <= 4 * GiB;
}

/** `reg query … /s` output → subkey → value name → value (REG_QWORD/REG_DWORD as numbers). */
export function parseRegQuery(text: string): ReadonlyMap<string, ReadonlyMap<string, string | number>> {
  const keys = new Map<string, Map<string, string | number>>();
  let current: Map<string, string | number> | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (/^HKEY_/.test(line)) {
      const key = line.trim();
      current = keys.get(key) ?? new Map();
      keys.set(key, current);
      continue;
    }
    const m = /^\s+(\S.*?)\s{2,}(REG_\w+)\s{2,}(.*)$/.exec(line);
    if (!m || !current || !m[1] || !m[2]) continue;
    const raw = (m[3] ?? "").trim();
    const numeric = m[2] === "REG_QWORD" || m[2] === "REG_DWORD" ? finiteNumber(raw.startsWith("0x") ? String(BigInt(raw)) : raw) : undefined;
    current.set(m[1], numeric ?? raw);
  }
  return keys;
}

/** Adapter name (DriverDesc) → qwMemorySize bytes, joined across the two reg queries. */
export function registryVram(regText: string): ReadonlyMap<string, number> {
  const out = new Map<string, number>();
  for (const values of parseRegQuery(regText).values()) {
    const desc = values.get("DriverDesc");
    const size = values.get("HardwareInformation.qwMemorySize");
    if (typeof desc === "string" && typeof size === "number") out.set(desc, size);
  }
  return out;
}
