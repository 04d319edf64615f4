// The report's training screen: for the models in the current view, what fine-tuning each takes
// on this machine — full, LoRA and QLoRA side by side (memory needed, verdict, tokens/s) — with
// the training assumptions in words. The numbers come from src/training.
import type { Hardware } from "../hardware/types.js";
import { DEFAULT_TRAIN_OPTIONS, type TrainMethod } from "../training/memory.js";
import { formatDuration, planTraining, type TrainPlan, type TrainVerdict } from "../training/plan.js";
import type { Canvas, HlGroup } from "./canvas.js";
import type { ModelRow } from "../advice/advise.js";
import { fit } from "./width.js";

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
  if (p.verdict === "needs-gpu") return "GPU only (use LoRA)";
  return p.verdict === "no" ? `no ${gib}G` : `${WORD[p.verdict]} ${gib}G ${Math.round(p.tokensPerSec)}t/s`;
}

export function paintTraining(c: Canvas, rows: readonly TrainingRow[], width: number): void {
  const o = DEFAULT_TRAIN_OPTIONS;
  c.line(["Fine-tuning here", "LlmFitSection"], [`  seq ${o.seq} · batch ${o.batch} · LoRA rank ${o.rank} on every linear layer · no checkpointing`, "LlmFitMuted"]);
  const cellW = 22;
  const nameW = Math.max(16, Math.min(36, width - 3 * (cellW + 1) - 14));
  c.line("  ", [fit("Model", nameW), "LlmFitHeader"], " ", ...METHODS.flatMap((m) => [[fit(m === "full" ? "Full" : m === "lora" ? "LoRA" : "QLoRA", cellW), "LlmFitHeader"] as const, " "]), [fit("QLoRA / MB", 10, "right"), "LlmFitHeader"]);
  for (const t of rows) {
    c.line(
      "  ",
      fit(t.row.entry.name, nameW),
      " ",
      ...METHODS.flatMap((m) => [[fit(cell(t.plans[m]), cellW), GROUP[t.plans[m].verdict]] as const, " "]),
      fit(t.plans.qlora.verdict === "no" || t.plans.qlora.verdict === "needs-gpu" ? "—" : formatDuration(t.plans.qlora.secondsPerMB), 10, "right"),
    );
  }
  const first = rows[0];
  if (first) {
    c.blank();
    c.line(["Assumptions", "LlmFitSection"], [`  for ${first.row.entry.name}, the first row (llmfit train MODEL --method M for another, --gpu NAME … to compare machines)`, "LlmFitMuted"]);
    const seen = new Set<string>();
    for (const m of METHODS) for (const a of first.plans[m].assumptions) if (!seen.has(a)) seen.add(a) && c.line(["  - " + a, "LlmFitMuted"]);
    c.line(["  ckpt: fits only with gradient checkpointing · paged: the optimizer spills to CPU RAM · GPU only: QLoRA's NF4 kernels need a GPU", "LlmFitMuted"]);
  }
}
