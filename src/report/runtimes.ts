// The "Runtimes" section: what is running, what it has installed and loaded, and our estimate
// beside the runtime's own memory figures.
import { installedKey, installedSpeedWords, type InstalledSpeed } from "../advice/installed-speed.js";
import type { SizedModel } from "../runtimes/sizing.js";
import type { RuntimeStatus } from "../runtimes/types.js";
import type { Canvas } from "./canvas.js";
import { bytesShort } from "./format.js";
import { VERDICT_GROUP, VERDICT_WORD, ctxLabel } from "./models.js";
import { fit, pad } from "./width.js";

export type RuntimesState =
  | { readonly state: "pending"; readonly frame: number }
  | {
      readonly state: "done";
      readonly runtimes: readonly RuntimeStatus[];
      readonly sized: ReadonlyMap<string, readonly SizedModel[]>;
      /** Installed models real prompts measured here, by installedKey (src/advice/installed-speed.ts). */
      readonly speeds?: ReadonlyMap<string, InstalledSpeed>;
    };

const SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";

export function paintRuntimes(c: Canvas, rt: RuntimesState): void {
  c.line(["Runtimes", "LlmFitSection"]);
  if (rt.state === "pending") {
    c.line(["  " + SPINNER[rt.frame % SPINNER.length]! + " looking for Ollama, llama.cpp and LM Studio…", "LlmFitMuted"]);
    return;
  }
  if (rt.runtimes.length === 0) c.line(["  none enabled — see `runtimes` in setup()", "LlmFitMuted"]);
  for (const s of rt.runtimes) {
    if (s.state === "down") {
      c.hang(12, "  ", [pad(s.name, 10), "LlmFitLabel"], ["not running", "LlmFitMuted"], ["  " + s.reason.replace(/^.* — /, ""), "LlmFitSource"]);
      continue;
    }
    c.hang(12, "  ", [pad(s.name, 10), "LlmFitLabel"], [`${s.version ?? ""} ${s.url}`.trim(), "LlmFitValue"], ["  " + `${s.installed.length} installed, ${s.loaded.length} loaded`, "LlmFitMuted"]);
    for (const m of rt.sized.get(s.url) ?? []) {
      const est = m.estimate;
      const ours = est ? `ours ${bytesShort(est.memory.total)} at ${ctxLabel(m.ctx)}` : (m.unsizedReason ?? "not sized");
      const speed = rt.speeds?.get(installedKey(s.url, m.model.name));
      const real =
        (m.loaded?.sizeBytes !== undefined ? ` · loaded: ${bytesShort(m.loaded.sizeBytes)}${m.loaded.sizeVramBytes !== undefined ? ` (${bytesShort(m.loaded.sizeVramBytes)} VRAM)` : ""}` : "") +
        (speed ? ` · ${installedSpeedWords(speed)}` : "");
      c.hang(
        15,
        "    ",
        pad(m.model.name, 28),
        " ",
        est ? [fit(VERDICT_WORD[est.placement.verdict], 9), VERDICT_GROUP[est.placement.verdict]] : fit("", 9),
        [` ${ours}${real}`, "LlmFitMuted"],
      );
    }
    for (const w of s.warnings) c.line(["    " + w, "LlmFitMuted"]);
  }
}
