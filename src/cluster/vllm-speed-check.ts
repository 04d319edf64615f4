// The vLLM speed model against published vLLM runs (data/vllm/throughput.csv): each row's setup
// (model, GPU × TP, weight format, GPU link) through src/cluster/vllm-speed.ts, its published tok/s
// beside the estimate. Also the least-squares fit of vLLM's two fixed costs (per step, per layer)
// to the rows marked `fit`, with each of those rows' error when it is left out of the fit.
// Pure: the caller reads the file; `npm run build && node scripts/cluster/vllm-speed-check.mjs`
// prints the tables, test/cluster/vllm-speed.test.ts holds the bounds.
import * as z from "zod";
import { lazySchema } from "../lazy-schema.js";
import { simulateHardware } from "../hardware/simulate.js";
import { findModel, shapeOf } from "../models/catalog.js";
import type { ModelShape } from "../models/shape.js";
import { interconnectNamed } from "./interconnect.js";
import { parseLogCsv } from "./vllm-check.js";
import { VLLM_LAYER_SEC, VLLM_STEP_SEC, vllmDecodeStep, vllmPrefill, type VllmSpeedSetup } from "./vllm-speed.js";
import { fitNonNegative } from "../speed/fit.js";

const num = lazySchema(() => z.preprocess((v) => (v === "" || v === undefined ? undefined : Number(v)), z.number().finite().optional()));

export const ThroughputRowSchema = lazySchema(() => z.object({
  id: z.string().min(1),
  model_id: z.string().min(1),
  served_model: z.string().min(1),
  gpu: z.string().min(1),
  tp: z.coerce.number().int().positive(),
  weights: z.enum(["bf16", "fp8", "int4"]),
  interconnect: z.string().min(1),
  role: z.enum(["fit", "check"]),
  test: z.enum(["decode", "prefill"]),
  tps: num,
  batch: num,
  ctx: num,
  duration_s: num,
  ttft_s: num,
  max_output: num,
  total_output: num,
  prompt_tokens: num,
  input_of_longest: num,
  vllm: z.string(),
  source: z.string().min(1),
}));
export type ThroughputRow = z.infer<typeof ThroughputRowSchema>;

/** Same CSV layout as the start-up logs: one quoted last column. */
export function parseThroughputCsv(text: string): ThroughputRow[] {
  return parseLogCsv(text, ThroughputRowSchema);
}

/** What a row measured, in the model's terms. */
export interface Measured {
  readonly tps: number;
  /** Sequences decoding at once (the mean over the measured request's life). */
  readonly batch: number;
  /** Decode: the mean context; prefill: the prompt tokens. */
  readonly ctx: number;
  /** Words: how tps was read or derived. */
  readonly how: string;
}

/**
 * A row's figure. Lambda's runs send 10 prompts at once and report each request's timing: the
 * longest request decodes max_output − 1 tokens between its first token and the end of the run
 * (duration − ttft), while on average total_output / max_output requests are still running;
 * its mean context is its prompt plus half its output. Their prefill rows: all prompt tokens in
 * one step (every request's first token arrives within 2 ms of the others) over the time to first token.
 */
export function measured(r: ThroughputRow): Measured {
  if (r.tps !== undefined) return { tps: r.tps, batch: r.batch ?? 1, ctx: r.ctx ?? 1024, how: "published" };
  if (r.test === "decode" && r.duration_s !== undefined && r.ttft_s !== undefined && r.max_output !== undefined && r.total_output !== undefined) {
    return {
      tps: (r.max_output - 1) / (r.duration_s - r.ttft_s),
      batch: r.total_output / r.max_output,
      ctx: (r.input_of_longest ?? 0) + r.max_output / 2,
      how: "(max_output − 1) / (duration − ttft)",
    };
  }
  if (r.test === "prefill" && r.prompt_tokens !== undefined && r.ttft_s !== undefined) {
    return { tps: r.prompt_tokens / r.ttft_s, batch: 1, ctx: r.prompt_tokens, how: "prompt tokens / ttft" };
  }
  throw new Error(`vllm speed check: row ${r.id} has neither tps nor the figures to derive it`);
}

function shapeFor(id: string): ModelShape {
  const entry = findModel(id);
  if (!entry || entry.kind === "diffusion") throw new Error(`vllm speed check: ${id} is not an LLM in the catalog`);
  return shapeOf(entry);
}

/** The row's setup: TP ranks of one GPU from the spec table, one stage, the row's GPU link. */
export function rowSetup(r: ThroughputRow, stepSec = VLLM_STEP_SEC, layerSec = VLLM_LAYER_SEC): VllmSpeedSetup {
  const shape = shapeFor(r.model_id);
  const gpu = simulateHardware(r.gpu).gpus[0];
  if (!gpu) throw new Error(`vllm speed check: no GPU "${r.gpu}"`);
  const layers = shape.layers.map((_, i) => i);
  const m = measured(r);
  return {
    shape, tp: r.tp, weights: r.weights, stepSec, layerSec,
    stages: [{ gpu, layers, output: true, interconnect: interconnectNamed(r.interconnect) }],
    // the prefill rows ran every prompt in one step
    batchedTokens: r.test === "prefill" ? m.ctx : 8192,
  };
}

/** The estimate for a row, in tok/s. */
export function estimateRow(r: ThroughputRow, stepSec = VLLM_STEP_SEC, layerSec = VLLM_LAYER_SEC): number {
  const s = rowSetup(r, stepSec, layerSec);
  const m = measured(r);
  if (r.test === "decode") return 1 / vllmDecodeStep(s, m.ctx, m.batch).total;
  return m.ctx / vllmPrefill(s, m.ctx).total;
}

/**
 * vLLM's per-step and per-layer seconds that minimise the squared relative error of the decode
 * step time over `rows`: measured 1 / tps = the model with both at zero + step + layers × layer.
 */
export function fitOverheads(rows: readonly ThroughputRow[]): { stepSec: number; layerSec: number } {
  // the project's relative least squares (src/speed/fit.ts): the model with both at zero is the known offset
  const obs = rows.map((r) => ({ time: 1 / measured(r).tps, offset: 1 / estimateRow(r, 0, 0), features: [1, shapeFor(r.model_id).layers.length] }));
  const [stepSec = 0, layerSec = 0] = fitNonNegative(obs, 2).x;
  return { stepSec, layerSec };
}

export interface SpeedCheck {
  readonly row: ThroughputRow;
  readonly measured: Measured;
  readonly estimate: number;
  /** estimate / published − 1. */
  readonly error: number;
  /** For `fit` rows: the error with the constants fitted on the other fit rows. */
  readonly heldOutError?: number;
}

export function checkSpeedRows(rows: readonly ThroughputRow[]): SpeedCheck[] {
  const fitRows = rows.filter((r) => r.role === "fit" && r.test === "decode");
  return rows.map((r) => {
    const m = measured(r);
    const estimate = estimateRow(r);
    let heldOutError: number | undefined;
    if (fitRows.includes(r)) {
      const k = fitOverheads(fitRows.filter((x) => x !== r));
      heldOutError = estimateRow(r, k.stepSec, k.layerSec) / m.tps - 1;
    }
    return { row: r, measured: m, estimate, error: estimate / m.tps - 1, ...(heldOutError !== undefined ? { heldOutError } : {}) };
  });
}

const pct = (e: number): string => `${e >= 0 ? "+" : ""}${(e * 100).toFixed(1)} %`;
const tps = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

/** The comparison as a Markdown table. */
export function speedTable(checks: readonly SpeedCheck[]): string[] {
  const out = [
    "| model | GPU × TP | weights | link | test | batch | published tok/s | estimate | error | held out | role |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const c of checks) {
    const r = c.row;
    out.push(
      `| ${r.served_model.split("/").pop()} | ${r.gpu} × ${r.tp} | ${r.weights} | ${r.interconnect} | ${r.test} | ${c.measured.batch.toFixed(1)} | ${tps(c.measured.tps)} | ${tps(c.estimate)} | ${pct(c.error)} | ${c.heldOutError !== undefined ? pct(c.heldOutError) : "—"} | ${r.role} |`,
    );
  }
  return out;
}
