// Report data -> painted lines. Pure: the same input always paints the same lines, so the
// float, the terminal and the tests all see one rendering.
import type { KnownFile } from "../models/sources/known-files.js";
import type { Hardware } from "../hardware/types.js";
import { modelRowJson } from "../advice/json.js";
import type { SpeedEstimate } from "../speed/estimate.js";
import { Canvas, type Painted } from "./canvas.js";
import { paintDetail } from "./detail.js";
import { paintMachine } from "./machine.js";
import { paintModels } from "./models.js";
import type { ModelsView, Recommendations } from "../advice/advise.js";
import { paintRuntimes, type RuntimesState } from "./runtimes.js";
import { installedSpeedJson } from "../advice/installed-speed.js";
import { paintTraining, trainingRows } from "./training.js";
import { displayWidth, pad } from "./width.js";
import type { ClusterSection } from "../cluster/compare.js";

/** The compare screen's cluster part: the best plan on the configured hosts, or why there is none. */
export type ClusterScreen = ClusterSection | { readonly error: string };

export type Screen =
  | { readonly kind: "models" }
  | { readonly kind: "detail"; readonly id: string }
  | { readonly kind: "compare"; readonly rows: readonly (readonly string[])[]; readonly cluster?: ClusterScreen }
  | { readonly kind: "training" };

export interface Report {
  readonly version: string;
  readonly hardware: Hardware;
  readonly runtimes?: RuntimesState;
  readonly models?: { readonly rec: Recommendations; readonly view: ModelsView };
  /** While the catalog is being sized for this machine. */
  readonly modelsProgress?: { readonly done: number; readonly total: number };
  readonly screen?: Screen;
  /** The detail screen's model at short and long context. */
  readonly detailSpeed?: SpeedEstimate;
  /** The detail's exact GGUF file, when a Hub listing of its repo is in the cache. */
  readonly detailFile?: KnownFile;
}

export interface RenderOptions {
  /** Columns available; the table chooses its columns to fit. */
  readonly width: number;
  /** Keys shown in hints. */
  readonly keys?: { readonly back: string; readonly pull: string; readonly use: string; readonly exact?: string };
  /** Rewrites each piece of text: the terminal report names flags where the editor names options. */
  readonly words?: (text: string) => string;
}

export interface Rendered extends Painted {
  /** Line (0-based) -> catalog id, for the rows a key can act on. */
  readonly ids: ReadonlyMap<number, string>;
}

const DEFAULT_KEYS = { back: "<BS>", pull: "p", use: "P", exact: "x" };

export function renderReport(report: Report, opts: RenderOptions): Rendered {
  const c = new Canvas(opts.width, opts.words);
  const screen = report.screen ?? { kind: "models" };
  if (screen.kind === "detail" && report.models) {
    const row = report.models.rec.rows.find((r) => r.entry.id === screen.id);
    if (row) {
      paintDetail(c, row, report.hardware, opts.keys ?? DEFAULT_KEYS, report.detailSpeed, report.detailFile, report.runtimes);
      return { ...c.done(), ids: new Map() };
    }
  }
  if (screen.kind === "training" && report.models) {
    paintTraining(c, trainingRows(report.models.rec.rows, report.hardware), opts.width);
    return { ...c.done(), ids: new Map() };
  }
  if (screen.kind === "compare") {
    paintCompare(c, screen.rows, opts.width);
    if (screen.cluster) paintCluster(c, screen.cluster, opts.width);
    return { ...c.done(), ids: new Map() };
  }
  c.line(["llmfit", "LlmFitTitle"], ["  what runs on this machine", "LlmFitMuted"]);
  c.blank();
  paintMachine(c, report.hardware);
  if (report.runtimes) {
    c.blank();
    paintRuntimes(c, report.runtimes);
  }
  let ids: ReadonlyMap<number, string> = new Map();
  if (report.models) {
    c.blank();
    ids = paintModels(c, report.models.rec, report.models.view, opts.width);
  } else if (report.modelsProgress) {
    const { done, total } = report.modelsProgress;
    c.blank();
    c.line(["Models that run here", "LlmFitSection"]);
    c.line(["  " + "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"[Math.floor(done / 16) % 10]! + ` sizing the catalog for this machine… ${done} of ${total}`, "LlmFitMuted"]);
  }
  return { ...c.done(), ids };
}

/**
 * Machines side by side: this one first, then reference machines from the spec table. As many
 * machines as the width holds go in one block; the rest follow in further blocks below, each
 * with the row labels again, so no machine is left out at any width.
 */
function paintCompare(c: Canvas, rows: readonly (readonly string[])[], width: number): void {
  c.line(["Compare", "LlmFitSection"], ["  this machine beside common ones (llmfit compare --gpu NAME … for others)", "LlmFitMuted"]);
  paintColumns(c, rows, width);
}

/** The configured cluster (setup's `cluster`): the best llama.cpp RPC plan, one column per host. */
function paintCluster(c: Canvas, cluster: ClusterScreen, width: number): void {
  c.blank();
  c.line(["Cluster", "LlmFitSection"], ["  the best llama.cpp RPC plan on setup's cluster hosts (llmfit fit MODEL --host … for the commands)", "LlmFitMuted"]);
  if ("error" in cluster) {
    c.line([`  ${cluster.error}`, "LlmFitBad"]);
    return;
  }
  c.line([`  ${cluster.summary}`, cluster.verdict === "no" ? "LlmFitBad" : cluster.verdict === "partial" ? "LlmFitPartial" : "LlmFitGood"]);
  paintColumns(c, cluster.rows, width);
}

/** A label column and one column per machine; as many as the width holds per block. */
function paintColumns(c: Canvas, rows: readonly (readonly string[])[], width: number): void {
  const cellsOf = (i: number): number => Math.max(...rows.map((r) => displayWidth(r[i] ?? "")));
  const labelW = cellsOf(0);
  const machines = (rows[0] ?? []).length - 1;
  let first = 1;
  while (first <= machines) {
    // At least one machine per block; a cell too wide for the rest of the line wraps under itself.
    let last = first;
    let used = 2 + labelW + 2 + cellsOf(first);
    while (last + 1 <= machines && used + 2 + cellsOf(last + 1) <= width) used += 2 + cellsOf(++last);
    if (first > 1) c.blank();
    const block = Array.from({ length: last - first + 1 }, (_, k) => first + k);
    rows.forEach((r, n) => {
      const cells = block.map((i) => [pad(r[i] ?? "", block.length === 1 ? 0 : cellsOf(i)), n === 0 ? "LlmFitHeader" : undefined] as const);
      c.hang(2 + labelW + 2, "  ", [pad(r[0] ?? "", labelW), n === 0 ? "LlmFitHeader" : "LlmFitLabel"], "  ", ...cells.flatMap((cell, k) => (k === 0 ? [cell] : ["  ", cell])));
    });
    first = last + 1;
  }
}

/** The report as plain data for `llmfit --json`: figures, not layout. */
export function reportJson(report: Report): unknown {
  return {
    version: report.version,
    hardware: report.hardware,
    ...(report.runtimes?.state === "done" ? { runtimes: report.runtimes.runtimes } : {}),
    ...(report.runtimes?.state === "done" && report.runtimes.speeds?.size
      ? { installed_speeds: [...report.runtimes.speeds.values()].map(installedSpeedJson) }
      : {}),
    ...(report.models
      ? {
          view: report.models.view,
          policy: { min_tps: report.models.rec.policy.minTps, reserve_bytes: report.models.rec.policy.reserveBytes },
          best: report.models.rec.best ? modelRowJson(report.models.rec.best) : undefined,
          models: report.models.rec.rows.map(modelRowJson),
          warnings: report.models.rec.warnings,
          left_out: report.models.rec.leftOut.map((l) => ({ reason: l.reason, count: l.ids.length, ids: l.ids })),
          almost: report.models.rec.nearMisses.map((m) => ({ id: m.entry.id, fix: m.fix })),
        }
      : {}),
  };
}
