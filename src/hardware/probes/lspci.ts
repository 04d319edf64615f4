// `lspci -mm -nn`: display controllers with vendor and device ids, so sysfs cards can be named
// and Intel GPUs (which have no smi tool) found at all.

export interface PciDisplay {
  readonly slot: string;
  readonly vendorId: string; // "8086", lower-case hex without 0x
  readonly deviceId: string;
  readonly vendor: string;
  readonly device: string; // "TigerLake-LP GT2 [Iris Xe Graphics]"
}

export const LSPCI_ARGS: readonly string[] = ["-mm", "-nn"];

export function parseLspci(text: string): readonly PciDisplay[] {
  const out: PciDisplay[] = [];
  for (const line of text.split(/\r?\n/)) {
    const slot = /^(\S+)\s/.exec(line)?.[1];
    const quoted = [...line.matchAll(/"([^"]*)"/g)].map((m) => m[1] ?? "");
    const [cls, vendor, device] = quoted;
    if (!slot || !cls || !vendor || !device) continue;
    if (!/\[03(00|02|80)\]/.test(cls)) continue; // VGA, 3D, display controller
    const vendorId = /\[([0-9a-f]{4})\]$/i.exec(vendor)?.[1]?.toLowerCase();
    const deviceId = /\[([0-9a-f]{4})\]$/i.exec(device)?.[1]?.toLowerCase();
    if (!vendorId || !deviceId) continue;
    out.push({ slot, vendorId, deviceId, vendor: stripId(vendor), device: stripId(device) });
  }
  return out;
}

function stripId(s: string): string {
  return s.replace(/\s*\[[0-9a-f]{4}\]$/i, "").trim();
}

/** The marketing name inside lspci's brackets: "Navi 31 [Radeon RX 7900 XT/7900 XTX]" → "Radeon RX 7900 XT/7900 XTX". */
export function marketingName(device: string): string {
  return /\[([^\]]+)\]\s*$/.exec(device)?.[1] ?? device;
}
