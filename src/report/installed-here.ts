// The detail's "Installed here": the runtimes' copies of this catalog model (an Ollama tag the
// catalog names, a Hub file Ollama pulled), each with its verdict as that runtime runs it, our
// estimate and what real prompts measured (src/advice/installed-speed.ts: the runtimes section's
// own figures, so the two screens never disagree).
import { installedKey, installedSpeedWords } from "../advice/installed-speed.js";
import type { CatalogEntry } from "../models/catalog.js";
import { findModel } from "../models/catalog.js";
import type { Canvas } from "./canvas.js";
import { bytesShort } from "./format.js";
import { ctxLabel, VERDICT_GROUP, VERDICT_WORD } from "./models.js";
import type { RuntimesState } from "./runtimes.js";
import { fit, pad } from "./width.js";

export function paintInstalledHere(c: Canvas, entry: CatalogEntry, rt: RuntimesState | undefined): void {
  if (rt?.state !== "done") return;
  const here = rt.runtimes.flatMap((s) =>
    s.state === "down" ? [] : (rt.sized.get(s.url) ?? []).filter((m) => findModel(m.model.name)?.id === entry.id).map((m) => ({ s, m })),
  );
  if (here.length === 0) return;
  c.blank();
  c.line(["Installed here", "LlmFitSection"], ["  as the runtime runs it", "LlmFitMuted"]);
  for (const { s, m } of here) {
    const est = m.estimate;
    const speed = rt.speeds?.get(installedKey(s.url, m.model.name));
    const words = speed ? installedSpeedWords(speed) : "no prompt measured yet";
    c.hang(
      15,
      "  ",
      [pad(s.name, 10), "LlmFitLabel"],
      ` ${m.model.name}  `,
      est ? [fit(VERDICT_WORD[est.placement.verdict], 9), VERDICT_GROUP[est.placement.verdict]] : fit("", 9),
      [` ${est ? `${bytesShort(est.memory.total)} at ${ctxLabel(m.ctx)}` : (m.unsizedReason ?? "not sized")} · ${words}`, "LlmFitMuted"],
    );
  }
}
