// AMD GPUs: rocm-smi's JSON when ROCm is installed, else the amdgpu driver's sysfs files, which
// exist without ROCm (Vulkan users). APUs report a small VRAM carve-out plus GTT, the share of
// system RAM the GPU may map; what a model can use there is carve-out + GTT.
import * as z from "zod";
import { lazySchema } from "../../lazy-schema.js";
import type { ProbeFs } from "../fsio.js";
import { GiB, finiteNumber } from "../units.js";

export const ROCM_SMI_ARGS: readonly string[] = ["--showproductname", "--showmeminfo", "vram", "--json"];

export interface AmdGpu {
  readonly card: string; // card0
  readonly name?: string;
  readonly deviceId?: string;
  readonly vramTotalBytes: number;
  readonly vramUsedBytes?: number;
  readonly gttTotalBytes?: number;
  readonly gttUsedBytes?: number;
  readonly gfx?: string;
  readonly integrated: boolean;
}

/**
 * PCI device ids of AMD APUs' GPUs (Raven … Strix Halo), from the amdgpu driver's PCI id list;
 * a carve-out under 2 GiB is the fallback tell.
 */
const APU_DEVICE_IDS = new Set([
  "15dd", "15d8", "1636", "1638", "164c", "163f", "1681", "164e", "13c0", "15bf", "15c8", "1900", "1901", "150e", "1586",
]);

export function isIntegratedAmd(deviceId: string | undefined, vramTotalBytes: number): boolean {
  return (deviceId !== undefined && APU_DEVICE_IDS.has(deviceId.replace(/^0x/, "").toLowerCase())) || vramTotalBytes < 2 * GiB;
}

// Every value rocm-smi prints is a string; cards are keyed card0, card1 … next to "system".
const RocmSmiSchema = lazySchema(() => z.record(z.string(), z.record(z.string(), z.unknown())));

export function parseRocmSmiJson(json: unknown): readonly AmdGpu[] {
  const parsed = RocmSmiSchema.safeParse(json);
  if (!parsed.success) return [];
  const out: AmdGpu[] = [];
  for (const [card, raw] of Object.entries(parsed.data)) {
    if (!/^card\d+$/.test(card)) continue;
    // Key capitalisation changed between ROCm releases ("Card series" → "Card Series").
    const fields = new Map(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), typeof v === "string" ? v : undefined]));
    const total = finiteNumber(fields.get("vram total memory (b)"));
    if (total === undefined) continue;
    const used = finiteNumber(fields.get("vram total used memory (b)"));
    const name = fields.get("card series") ?? fields.get("device name") ?? fields.get("card model");
    const deviceId = (fields.get("card model") ?? fields.get("device id"))?.replace(/^0x/, "").toLowerCase();
    const gfx = fields.get("gfx version");
    out.push({
      card,
      ...(name ? { name } : {}),
      ...(deviceId && /^[0-9a-f]{4}$/.test(deviceId) ? { deviceId } : {}),
      vramTotalBytes: total,
      ...(used !== undefined ? { vramUsedBytes: used } : {}),
      ...(gfx ? { gfx } : {}),
      integrated: isIntegratedAmd(deviceId, total),
    });
  }
  return out;
}

/** /sys/class/drm/card*: every amdgpu card with its VRAM and GTT, no tools needed. */
export async function readAmdSysfs(fs: ProbeFs, root = "/sys/class/drm"): Promise<readonly AmdGpu[]> {
  const cards = (await fs.list(root)).filter((c) => /^card\d+$/.test(c));
  const found = await Promise.all(
    cards.map(async (card): Promise<AmdGpu | undefined> => {
      const dev = `${root}/${card}/device`;
      const [vendor, device, vt, vu, gt, gu] = await Promise.all(
        ["vendor", "device", "mem_info_vram_total", "mem_info_vram_used", "mem_info_gtt_total", "mem_info_gtt_used"].map((f) =>
          fs.readText(`${dev}/${f}`),
        ),
      );
      if (vendor?.trim().toLowerCase() !== "0x1002") return undefined;
      const total = finiteNumber(vt);
      if (total === undefined) return undefined;
      const deviceId = device?.trim().replace(/^0x/, "").toLowerCase();
      const used = finiteNumber(vu);
      const gtt = finiteNumber(gt);
      const gttUsed = finiteNumber(gu);
      return {
        card,
        ...(deviceId ? { deviceId } : {}),
        vramTotalBytes: total,
        ...(used !== undefined ? { vramUsedBytes: used } : {}),
        ...(gtt !== undefined ? { gttTotalBytes: gtt } : {}),
        ...(gttUsed !== undefined ? { gttUsedBytes: gttUsed } : {}),
        integrated: isIntegratedAmd(deviceId, total),
      };
    }),
  );
  return found.filter((g): g is AmdGpu => g !== undefined);
}
