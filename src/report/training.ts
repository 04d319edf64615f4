// The report's training screen: for the models in the current view, what fine-tuning each takes
// on this machine — full, LoRA and QLoRA side by side (memory needed, verdict, tokens/s) — with
// the training assumptions in words. The numbers come from src/training.
import type { Hardware } from "../hardware/types.js";
import { DEFAULT_TRAIN_OPTIONS, type TrainMethod } from "../training/memory.js";
import { formatDuration, planTraining, type TrainPlan, type TrainVerdict } from "../training/plan.js";
import { Canvas, type HlGroup } from "./canvas.js";
import type { ModelRow } from "../advice/advise.js";
import { displayWidth, fit, pad } from "./width.js";

const METHODS: readonly TrainMethod[] = ["full", "lora", "qlora"];
const WORD: Record<TrainVerdict, string> = { fits: "fits", "fits-paged": "paged", "needs-checkpointing": "ckpt", "needs-gpu": "GPU only", no: "no" };
const GROUP: Record<TrainVerdict, HlGroup> = { fits: "LlmFitGood", "fits-paged": "LlmFitPartial", "needs-checkpointing": "LlmFitPartial", "needs-gpu": "LlmFitBad", no: "LlmFitBad" };

export interface TrainingRow {
  readonly row: ModelRow;
  readonly plans: Readonly<Record<TrainMethod, TrainPlan>>;
}

/** Plans for the first `limit` rows of the view (training is asked about the models one would run). */
export function trainingRows(rows: readonly ModelRow[], hw: Hardware, limit = 30): TrainingRow[] {
  return rows.slice(0, limit).map((row) => ({
    row,
    plans: Object.fromEntries(METHODS.map((m) => [m, planTraining(row.shape, { ...DEFAULT_TRAIN_OPTIONS, method: m }, hw)])) as Record<TrainMethod, TrainPlan>,
  }));
}

function cell(p: TrainPlan): string {
  const gib = (p.neededBytes / 1024 ** 3).toFixed(1);
  if (p.verdict === "needs-gpu") return WORD[p.verdict];
  return p.verdict === "no" ? `no ${gib}G` : `${WORD[p.verdict]} ${gib}G ${Math.round(p.tokensPerSec)}t/s`;
}

const TITLE: Record<TrainMethod, string> = { full: "Full", lora: "LoRA", qlora: "QLoRA" };

function perMB(t: TrainingRow): string {
  return t.plans.qlora.verdict === "no" || t.plans.qlora.verdict === "needs-gpu" ? "—" : formatDuration(t.plans.qlora.secondsPerMB);
}

/**
 * The three methods side by side when a row holds them; else each model's name on a line of its
 * own with its methods below it — on one line where they fit, one line per method where not.
 * QLoRA, the one that matters on consumer hardware, is never the one left out.
 */
export function paintTraining(c: Canvas, rows: readonly TrainingRow[], width: number): void {
  const o = DEFAULT_TRAIN_OPTIONS;
  c.line(["Fine-tuning here", "LlmFitSection"], [`  seq ${o.seq} · batch ${o.batch} · LoRA rank ${o.rank} on every linear layer · no checkpointing`, "LlmFitMuted"]);
  const cellW = Math.max(5, ...rows.flatMap((t) => METHODS.map((m) => displayWidth(cell(t.plans[m])))));
  const mbW = Math.max(10, ...rows.map((t) => displayWidth(perMB(t))));
  const longest = Math.max(5, ...rows.map((t) => displayWidth(t.row.entry.name)));
  const cellsW = 3 * (cellW + 1) + mbW;
  const oneLine = 2 + 16 + 1 + cellsW <= width;
  const twoLines = 4 + cellsW <= width;
  const methodCells = (t: TrainingRow) => METHODS.flatMap((m) => [[fit(cell(t.plans[m]), cellW), GROUP[t.plans[m].verdict]] as const, " "]);
  const headers = [...METHODS.flatMap((m) => [[fit(TITLE[m], cellW), "LlmFitHeader"] as const, " "]), [fit("QLoRA / MB", mbW, "right"), "LlmFitHeader"] as const];
  if (oneLine) {
    const nameW = Math.max(16, Math.min(36, longest, width - cellsW - 3));
    c.line("  ", [fit("Model", nameW), "LlmFitHeader"], " ", ...headers);
    for (const t of rows) {
      const names = new Canvas(nameW).hang(0, t.row.entry.name).done().lines;
      c.line("  ", pad(names[0]!, nameW), " ", ...methodCells(t), fit(perMB(t), mbW, "right"));
      for (const more of names.slice(1)) c.line("  " + more);
    }
  } else if (twoLines) {
    c.line(["  Model", "LlmFitHeader"]);
    c.line("    ", ...headers);
    for (const t of rows) {
      c.line("  ", t.row.entry.name);
      c.line("    ", ...methodCells(t), fit(perMB(t), mbW, "right"));
    }
  } else {
    for (const t of rows) {
      c.line("  ", t.row.entry.name);
      for (const m of METHODS) {
        c.hang(12, "    ", [fit(TITLE[m], 6), "LlmFitHeader"], "  ", [cell(t.plans[m]), GROUP[t.plans[m].verdict]], m === "qlora" && perMB(t) !== "—" ? ["  " + perMB(t) + " per MB", "LlmFitMuted"] : "");
      }
    }
  }
  const first = rows[0];
  if (first) {
    c.blank();
    c.line(["Assumptions", "LlmFitSection"], [`  for ${first.row.entry.name}, the first row (llmfit train MODEL --method M for another, --gpu NAME … to compare machines)`, "LlmFitMuted"]);
    const seen = new Set<string>();
    for (const m of METHODS) for (const a of first.plans[m].assumptions) if (!seen.has(a)) seen.add(a) && c.line(["  - " + a, "LlmFitMuted"]);
    c.line(["  ckpt: fits only with gradient checkpointing · paged: the optimizer spills to CPU RAM · GPU only: QLoRA's NF4 kernels need a GPU (use LoRA)", "LlmFitMuted"]);
  }
}
