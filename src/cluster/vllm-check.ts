// The vLLM memory model against published vLLM start-up logs (data/vllm/startup-logs.csv): per-rank
// weights, the KV blocks the log's own KV memory gives, and the blocks the whole model predicts.
// Pure: the caller reads the file; `npm run build && node scripts/cluster/vllm-check.mjs` prints the table, test/cluster/vllm.test.ts holds the bounds.
import { z } from "zod";
import { findModel, shapeOf } from "../models/catalog.js";
import type { ModelShape } from "../models/shape.js";
import { VLLM_BLOCK_SIZE, vllmGpuMemory, vllmShapeParts, type VllmDtype } from "./vllm-plan.js";

const GIB = 1024 ** 3;
const num = z.preprocess((v) => (v === "" || v === undefined ? undefined : Number(v)), z.number().finite().optional());

export const LogRowSchema = z.object({
  model_id: z.string().min(1),
  served_model: z.string().min(1),
  tp: z.coerce.number().int().positive(),
  pp: z.coerce.number().int().positive(),
  gpu: z.string(),
  total_gib: num,
  utilization: num,
  dtype: z.enum(["bf16", "fp8"]),
  batched_tokens: num,
  weights_gib: num,
  non_torch_gib: num,
  activation_gib: num,
  kv_gib: num,
  gpu_blocks: num,
  engine_kv_tokens: num,
  source: z.string().min(1),
});
export type LogRow = z.infer<typeof LogRowSchema>;

/** CSV with one quoted last column (the source); no other field holds a comma. The rows of data/vllm/. */
export function parseLogCsv(text: string): LogRow[];
export function parseLogCsv<T extends z.ZodTypeAny>(text: string, schema: T): z.infer<T>[];
export function parseLogCsv(text: string, schema: z.ZodTypeAny = LogRowSchema): unknown[] {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const keys = (header ?? "").split(",");
  return lines.map((line) => {
    const q = line.indexOf(',"');
    const head = (q >= 0 ? line.slice(0, q) : line).split(",");
    const source = q >= 0 ? line.slice(q + 2, line.lastIndexOf('"')) : "";
    const rec: Record<string, string> = {};
    keys.forEach((k, i) => (rec[k] = k === "source" ? source : (head[i] ?? "")));
    return schema.parse(rec);
  });
}

export interface LogCheck {
  readonly row: LogRow;
  readonly shape: ModelShape;
  /** Why a figure is not comparable (a checkpoint or attention kind the model does not cover). */
  readonly limits: readonly string[];
  readonly weightsGib: number;
  readonly kvBytesPerToken: number;
  /** Blocks from the log's own KV memory with our bytes per block. */
  readonly blocksFromLogKv?: number;
  /** Blocks from the whole model: total × utilization − weights − non-torch − activation. */
  readonly predictedBlocks?: number;
  readonly predictedActivationGib?: number;
  /** What the log says the blocks are (its own line, or the engine's token count / 16). */
  readonly logBlocks?: number;
}

export function checkLogRow(row: LogRow): LogCheck {
  const entry = findModel(row.model_id);
  if (!entry || entry.kind === "diffusion") throw new Error(`vllm check: ${row.model_id} is not an LLM in the catalog`);
  const shape = shapeOf(entry);
  const parts = vllmShapeParts(shape);
  const limits: string[] = [];
  if (shape.mla) limits.push("multi-head latent attention: vLLM replicates the latent projections and caches the latent; not modelled");
  if (row.dtype === "fp8") limits.push("FP8 checkpoints keep some layers in BF16; weights counted as all FP8");
  const total = (row.total_gib ?? 80) * GIB;
  const m = vllmGpuMemory(shape, parts, {
    tp: row.tp, pp: row.pp, stage: 0, gpuBytes: total, utilization: row.utilization ?? 0.9, dtype: row.dtype as VllmDtype,
    kvBytesPerElem: 2, batchedTokens: row.batched_tokens ?? 2048,
  });
  const perBlock = m.kvBytesPerToken * VLLM_BLOCK_SIZE;
  const logBlocks = row.gpu_blocks ?? (row.engine_kv_tokens !== undefined ? Math.floor(row.engine_kv_tokens / VLLM_BLOCK_SIZE) : undefined);
  const comparable = row.total_gib !== undefined && row.utilization !== undefined && row.batched_tokens !== undefined;
  return {
    row, shape, limits, weightsGib: m.weights / GIB, kvBytesPerToken: m.kvBytesPerToken,
    ...(row.kv_gib !== undefined && perBlock > 0 ? { blocksFromLogKv: Math.floor((row.kv_gib * GIB) / perBlock) } : {}),
    ...(comparable ? { predictedBlocks: m.blocks, predictedActivationGib: m.activation / GIB } : {}),
    ...(logBlocks !== undefined ? { logBlocks } : {}),
  };
}

const pct = (a: number, b: number): string => `${a >= b ? "+" : ""}${(((a - b) / b) * 100).toFixed(1)} %`;

/** The comparison as a Markdown table. */
export function checkTable(checks: readonly LogCheck[]): string[] {
  const out = [
    "| model | TP | GPU | weights/rank log → ours | KV blocks: log | from log's KV GiB, ours | whole model, ours | activation log → ours | note |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  for (const c of checks) {
    const r = c.row;
    const w = r.weights_gib !== undefined ? `${r.weights_gib.toFixed(2)} → ${c.weightsGib.toFixed(2)} GiB (${pct(c.weightsGib, r.weights_gib)})` : "—";
    const lb = c.logBlocks !== undefined ? String(c.logBlocks) : "—";
    const fk = c.blocksFromLogKv !== undefined ? `${c.blocksFromLogKv}${c.logBlocks !== undefined ? ` (${pct(c.blocksFromLogKv, c.logBlocks)})` : ""}` : "—";
    const pb = c.predictedBlocks !== undefined ? `${c.predictedBlocks}${c.logBlocks !== undefined ? ` (${pct(c.predictedBlocks, c.logBlocks)})` : ""}` : "—";
    const act = r.activation_gib !== undefined && c.predictedActivationGib !== undefined ? `${r.activation_gib.toFixed(2)} → ${c.predictedActivationGib.toFixed(2)}` : "—";
    out.push(`| ${r.served_model} | ${r.tp} | ${r.gpu} | ${w} | ${lb} | ${fk} | ${pb} | ${act} | ${c.limits.join("; ") || r.source.split(" ")[0]} |`);
  }
  return out;
}
