// One model's breakdown: what each byte is for, where it goes, the assumptions in words, and
// how to get the model.
import type { KnownFile } from "../models/sources/known-files.js";
import type { Hardware } from "../hardware/types.js";
import type { Canvas } from "./canvas.js";
import { bytesShort } from "./format.js";
import { ctxLabel, paramsLabel, VERDICT_GROUP, VERDICT_WORD } from "./models.js";
import type { ModelRow } from "../advice/advise.js";
import { tpsWithRange, type SpeedEstimate } from "../speed/estimate.js";
import { fit, pad } from "./width.js";
import { paintInstalledHere } from "./installed-here.js";
import type { RuntimesState } from "./runtimes.js";

export function paintDetail(
  c: Canvas,
  r: ModelRow,
  hw: Hardware,
  keys: { back: string; pull: string; use: string; exact?: string },
  speed?: SpeedEstimate,
  file?: KnownFile,
  runtimes?: RuntimesState,
): void {
  const { entry, estimate } = r;
  const m = estimate.memory;
  c.line([entry.name, "LlmFitTitle"], [`  ${entry.id} · ${entry.family} · ${entry.license} · released ${entry.released} · checked ${entry.checked}`, "LlmFitMuted"]);
  c.line(
    "  ",
    [VERDICT_WORD[r.verdict], VERDICT_GROUP[r.verdict]],
    ` · ${r.quant} · ${paramsLabel(entry.params.total, entry.params.active)} params · judged at ${ctxLabel(r.settings.ctx)} context, up to ${ctxLabel(r.ctxMax)} fits`,
  );
  c.line(["  " + estimate.placement.reason, "LlmFitMuted"]);
  c.blank();
  c.line(["Memory", "LlmFitSection"], ["  what llama.cpp allocates", "LlmFitMuted"]);
  const rows: Array<[string, number, string]> = [
    ["weights", m.weights, `${r.quant}: per-tensor types as llama-quantize picks them`],
    ["KV cache", m.kv, `${ctxLabel(r.settings.ctx)} cells × ${r.settings.kvTypeK} K / ${r.settings.kvTypeV} V`],
    ["recurrent state", m.recurrent, "conv + SSM state per sequence (state-space layers)"],
    ["compute", m.compute, `graph buffers for a ${r.settings.nUbatch}-token micro-batch`],
    ["output", m.output, "logits for one sequence"],
    ["overhead", m.overhead, "GPU runtime context, not printed by llama.cpp (estimate)"],
  ];
  for (const [label, bytes, why] of rows) {
    if (bytes === 0 && label !== "weights") continue;
    c.hang(33, "  ", ["  " + fit(label, 16), "LlmFitLabel"], fit(bytesShort(bytes), 10, "right"), ["   " + why, "LlmFitMuted"]);
  }
  c.line("  ", ["  " + fit("total", 16), "LlmFitLabel"], [fit(bytesShort(m.total), 10, "right"), "LlmFitValue"]);
  c.blank();
  c.line(["Where", "LlmFitSection"]);
  for (const d of estimate.placement.devices) {
    const name = d.device === "cpu" ? "CPU / RAM" : (hw.gpus.find((g) => g.index === d.device)?.name ?? `GPU ${d.device}`);
    c.hang(8, "  ", ["  " + pad(name, 28), "LlmFitLabel"], `${fit(String(d.layers), 4, "right")} layers  ${bytesShort(d.bytes)} of ${bytesShort(d.availableBytes)}`);
  }
  if (speed) {
    c.blank();
    c.line(["Speed", "LlmFitSection"], ["  " + speed.bound, "LlmFitMuted"]);
    for (const at of speed.at) {
      c.hang(32, "  ", ["  " + pad(`at ${ctxLabel(at.ctx)} context`, 28), "LlmFitLabel"], `${tpsWithRange(at.decodeTps, at.decodeRange)} decode · ${tpsWithRange(at.prefillTps, at.prefillRange)} prefill`);
    }
    c.hang(32, "  ", ["  " + fit("bound by", 28), "LlmFitLabel"], `${speed.decodeBound} (decode), ${speed.prefillBound} (prefill)`);
    for (const a of speed.assumptions) c.line(["  - " + a, "LlmFitMuted"]);
  }
  paintInstalledHere(c, entry, runtimes);
  c.blank();
  c.line(["Assumptions", "LlmFitSection"]);
  const s = r.settings;
  c.line(`  llama.cpp defaults: n_batch ${s.nBatch}, n_ubatch ${s.nUbatch}, ${s.nSeq} sequence, flash attention ${s.flashAttn}, mmap on`);
  c.line(`  context ${s.ctx} (the view's ${ctxLabel(s.ctx)}, capped at the trained ${ctxLabel(r.shape.nCtxTrain)})`);
  if (entry.paramsNote) c.line(["  " + entry.paramsNote, "LlmFitMuted"]);
  c.blank();
  c.line(["Get it", "LlmFitSection"]);
  for (const tag of entry.ollama) c.line("  ", ["ollama pull ", "LlmFitMuted"], [tag, "LlmFitValue"]);
  for (const repo of entry.gguf) c.line("  ", ["GGUF  ", "LlmFitMuted"], `https://huggingface.co/${repo}`);
  // The exact file is one header read away; it is read only when asked for (nothing is fetched to paint this).
  const exact = entry.gguf[0] ?? entry.hf;
  if (file !== undefined && file.quant === r.quant) {
    const files = file.files > 1 ? ` in ${file.files} files` : "";
    c.line("  ", [`${r.quant} file: `, "LlmFitMuted"], [`${(file.bytes / 1e9).toFixed(2)} GB${files}`, "LlmFitValue"], ["  ", undefined], [`${file.path} (from the Hub listing read earlier)`, "LlmFitSource"]);
  } else if (exact !== undefined && entry.gguf[0] !== undefined && keys.exact !== undefined) {
    // one key reads the repo's listing (no file bytes) and repaints with the size
    c.line("  ", [`${r.quant} is about ${bytesShort(m.weights)} of weights; the exact file: `, "LlmFitMuted"], [keys.exact, "LlmFitKey"], [" reads the Hub listing", "LlmFitMuted"]);
    c.line("    ", ["(its header too: ", "LlmFitMuted"], [`:LlmFit fit hf:${exact}:${r.quant}`, "LlmFitValue"], [")", "LlmFitMuted"]);
  } else if (exact !== undefined) {
    c.line("  ", [`${r.quant} is about ${bytesShort(m.weights)} of weights; the exact file: `, "LlmFitMuted"], [`:LlmFit fit hf:${exact}${entry.gguf[0] !== undefined ? `:${r.quant}` : ` --quant ${r.quant}`}`, "LlmFitValue"]);
  }
  for (const id of entry.lmstudio) c.line("  ", ["LM Studio  ", "LlmFitMuted"], id);
  if (entry.ollama.length + entry.gguf.length + entry.lmstudio.length === 0) c.line(["  no published download known", "LlmFitMuted"]);
  c.line(["  source: " + entry.source, "LlmFitSource"]);
  c.blank();
  c.line(
    "  ",
    [keys.pull, "LlmFitKey"], " pull with Ollama   ",
    [keys.use, "LlmFitKey"], " use for prompting   ",
    [keys.back, "LlmFitKey"], " back to the list",
  );
}
