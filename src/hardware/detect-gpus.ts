// Every GPU on the machine, from the tools each vendor ships, all started at once. A tool that is
// missing, broken or hanging becomes one line in `notes`; the others still report.
import type { ProbeContext } from "./context.js";
import { darwinGpus } from "./gpus/darwin.js";
import { linuxGpus } from "./gpus/linux.js";
import type { GpuInputs, GpuResult } from "./gpus/types.js";
import { windowsGpus } from "./gpus/windows.js";

export type { GpuInputs, GpuResult } from "./gpus/types.js";
export { windowsFindings } from "./gpus/windows.js";

export async function detectGpus(ctx: ProbeContext, input: GpuInputs): Promise<GpuResult> {
  if (ctx.platform === "darwin") return darwinGpus(ctx, input);
  if (ctx.platform === "win32") return windowsGpus(ctx, input);
  return linuxGpus(ctx, input);
}
