// The vLLM memory model against published vLLM start-up logs (data/vllm/startup-logs.csv): per-rank
// weights, the KV blocks the log's own KV memory gives, and the blocks the whole model predicts.
// Pure: the caller reads the file; `npm run build && node scripts/cluster/vllm-check.mjs` prints the table, test/cluster/vllm.test.ts holds the bounds.
import * as z from "zod";
import { lazySchema } from "../lazy-schema.js";
import { findModel, shapeOf } from "../models/catalog.js";
import type { ModelShape } from "../models/shape.js";
import { VLLM_BLOCK_SIZE, indexerCacheBytes, servedParams, v1SamplerPeakBytes, vllmGpuMemory, vllmShapeParts, type Fp8Kept, type MlaDecode, type VllmDtype } from "./vllm-plan.js";

const GIB = 1024 ** 3;
const num = lazySchema(() => z.preprocess((v) => (v === "" || v === undefined ? undefined : Number(v)), z.number().finite().optional()));

export const LogRowSchema = lazySchema(() => z.object({
  model_id: z.string().min(1),
  served_model: z.string().min(1),
  tp: z.coerce.number().int().positive(),
  pp: z.coerce.number().int().positive(),
  gpu: z.string(),
  total_gib: num,
  utilization: num,
  /** int4: a checkpoint of 4-bit weights (compressed-tensors, AWQ, GPTQ), sized with the catalog entry's `checkpoint` layout; without one its weights are not sized, its KV still checks. */
  dtype: z.enum(["bf16", "fp8", "int4"]),
  batched_tokens: num,
  weights_gib: num,
  non_torch_gib: num,
  activation_gib: num,
  kv_gib: num,
  gpu_blocks: num,
  engine_kv_tokens: num,
  /** The engine generation the log comes from: v0 (LLMEngine, worker/model_runner.py) or v1; empty: not known. */
  vllm: z.enum(["v0", "v1", ""]).default(""),
  /** Whose profile line the row quotes at TP > 1: the driver (rank 0) or another worker; empty: not known. */
  log_rank: z.enum(["driver", "worker", ""]).default(""),
  /** --max-num-seqs of the run (vLLM V0's default 256 when the command does not set it). */
  max_num_seqs: num,
  /** FP8 checkpoint: what its quantization_config keeps BF16 ("attention;ffn:0;ffn:-1"); empty: every linear layer FP8. */
  fp8_kept: z.string().default(""),
  /** MLA models: how the log's MLA backend keeps its decode matrices (`absorbed`: V0's MLA backend of vLLM 0.7.x); empty: views (V1). */
  mla_decode: z.enum(["absorbed", "views", ""]).default(""),
  /** K/V heads of the checkpoint when they differ from the model's (duplicated for a wider model parallelism); empty: the model's. */
  kv_heads: num,
  /** PP rows: the pipeline stage whose rank the row's weights and KV memory quote (0 = first); empty: 0. */
  stage: num,
  /** What the served checkpoint holds beyond the catalog shape the row is sized with (a vision tower), which the weights leave out; empty: nothing. */
  unmodelled: z.string().default(""),
  source: z.string().min(1),
}));
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

/** "attention;ffn:0;ffn:-1" → every layer's attention and the first and last layers' FFNs stay BF16. */
export function parseFp8Kept(text: string): Fp8Kept {
  const parts = text.split(";").map((x) => x.trim()).filter(Boolean);
  const ffnLayers: number[] = [];
  for (const x of parts) {
    const m = /^ffn:(-?\d+)$/.exec(x);
    if (m) ffnLayers.push(Number(m[1]));
    else if (x !== "attention") throw new Error(`fp8_kept: unknown part "${x}" (attention, ffn:N; ffn:-1 is the last layer)`);
  }
  return { attention: parts.includes("attention"), ffnLayers };
}

/**
 * The sampler's peak in vLLM V0's profile run, on the rank that samples. profile_run
 * (vllm/worker/model_runner.py) gives its max_num_seqs dummy prompts SamplingParams(top_p=0.99,
 * top_k=vocab − 1) "to reflect the accurate memory usage", and only the driver worker (rank 0)
 * samples ("Only perform sampling in the driver worker"; the logits are gathered to it). The
 * sampler (vllm/model_executor/layers/sampler.py) takes the [seqs × vocab] logits to float32 and
 * runs _apply_top_k_top_p: at its last step, the gather, the bf16 logits (½), the float32 copy (1),
 * the sorted logits (1), their int64 indices (2), the top-k and top-p masks (¼ each), probs_sort (1),
 * probs_sum (1), the int64 inverse indices (2) and the gathered result (1) are alive: ten float32
 * [seqs × vocab] arrays. The forward pass's activations are freed by then. (With FlashInfer
 * installed V0 skips this sort: `do_top_p_top_k and flashinfer_top_k_top_p_sampling is None`.)
 */
export function v0SamplerPeakBytes(maxNumSeqs: number, vocab: number): number {
  return 10 * maxNumSeqs * vocab * 4;
}

export interface LogCheck {
  readonly row: LogRow;
  readonly shape: ModelShape;
  /** Why a figure is not comparable (a checkpoint or attention kind the model does not cover). */
  readonly limits: readonly string[];
  /** What the check had to read from the log beyond the plain sum (an FP8 checkpoint's BF16 modules, V0's driver rank). */
  readonly notes: readonly string[];
  readonly weightsGib: number;
  readonly kvBytesPerToken: number;
  /** Blocks from the log's own KV memory with our bytes per block. */
  readonly blocksFromLogKv?: number;
  /**
   * V0 at TP > 1 with a worker's profile line: the engine's blocks are the minimum over the ranks,
   * the driver's, whose profile adds the sampler's peak (v0SamplerPeakBytes) to the quoted rank's.
   */
  readonly driverSamplerGib?: number;
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
  // the rotary table spans the config's positions (max_position_embeddings; the catalog keeps it as positionLimit where it differs from the published context)
  const paramsTotal = servedParams(entry, shape);
  const parts = vllmShapeParts(shape, { ...(row.kv_heads !== undefined && { kvHeads: row.kv_heads }), ropePositions: entry.hp.positionLimit ?? shape.nCtxTrain, ...(paramsTotal !== undefined && { paramsTotal }) });
  const limits: string[] = [];
  const int4 = row.dtype === "int4" && typeof entry.checkpoint === "object" ? entry.checkpoint.int4 : undefined;
  if (row.dtype === "int4" && !int4) limits.push("INT4 checkpoint: weights not modelled (no layout in the catalog)");
  if (row.unmodelled) limits.push(`not in the weights: ${row.unmodelled}`);
  const total = (row.total_gib ?? 80) * GIB;
  // the rank whose blocks the engine uses samples during V0's profile run: the driver (rank 0), and
  // the only rank at TP 1
  const sampler = row.vllm === "v0" && (row.tp === 1 || row.log_rank !== "") ? v0SamplerPeakBytes(row.max_num_seqs ?? 256, shape.nVocab) : 0;
  const m = vllmGpuMemory(shape, parts, {
    tp: row.tp, pp: row.pp, stage: row.stage ?? 0, gpuBytes: total, utilization: row.utilization ?? 0.9, dtype: (row.dtype === "int4" && !int4 ? "bf16" : row.dtype) as VllmDtype, ...(int4 && { int4 }),
    kvBytesPerElem: 2, batchedTokens: row.batched_tokens ?? 2048, fp8Kept: parseFp8Kept(row.fp8_kept), samplerBytes: sampler,
    mlaDecode: (row.mla_decode || "views") as MlaDecode,
  });
  const perBlock = m.kvBytesPerToken * VLLM_BLOCK_SIZE;
  // a worker's line: the driver's KV memory is the worker's less what the sampler adds to its peak
  const driverExtra = row.log_rank === "worker" && sampler > 0 ? Math.max(0, sampler - (row.activation_gib ?? 0) * GIB) : 0;
  const notes: string[] = [];
  if (int4) notes.push(`INT4 checkpoint: ${int4.scope === "routed-experts" ? "routed experts" : "every linear layer"} 4-bit in groups of ${int4.groupSize} with BF16 scales${int4.scope === "routed-experts" ? "; attention, shared experts, dense FFN, embedding, LM head BF16" : ""}`);
  if (row.fp8_kept) notes.push(`FP8 checkpoint, BF16: ${row.fp8_kept.replace(/;/g, ", ")}, embedding, LM head`);
  // a PP row quotes one stage's rank (its KV memory and the layers it caches); the engine's blocks are the fewest over the stages
  if (row.pp > 1) {
    const st = row.stage ?? 0;
    notes.push(`PP ${row.pp}: stage ${st}'s rank, ${m.layers} of ${shape.layers.length} layers${st > 0 ? "; the engine's blocks are the fewest of any stage's" : ""}`);
    if (row.vllm === "v1" && st === row.pp - 1) notes.push(`last stage: V1's profile run samples here only, ${(v1SamplerPeakBytes(row.max_num_seqs ?? 256, shape.nVocab) / GIB).toFixed(2)} GiB of sort-path sampler arrays beside the stage's weights`);
  }
  if (row.kv_heads !== undefined) notes.push(`checkpoint with ${row.kv_heads} K/V heads (the model has ${Math.max(0, ...shape.layers.map((l) => l.nHeadKv))})`);
  if (shape.mla) notes.push(`MLA: ${shape.mla.kvLoraRank + shape.mla.qkRopeHeadDim}-element latent per token and layer on every rank${shape.indexer ? `, and the indexer's ${indexerCacheBytes(shape)}-byte key; its projections whole on every rank` : ""}${row.mla_decode === "absorbed" ? "; V0 keeps absorbed W_Q_UK, W_UV_O" : ""}`);
  if (driverExtra > 0) notes.push(`V0 at TP ${row.tp}: the log quotes a worker; the engine's blocks are the driver's, whose profile also samples (${(driverExtra / GIB).toFixed(2)} GiB more)`);
  const logBlocks = row.gpu_blocks ?? (row.engine_kv_tokens !== undefined ? Math.floor(row.engine_kv_tokens / VLLM_BLOCK_SIZE) : undefined);
  const comparable = row.total_gib !== undefined && row.utilization !== undefined && row.batched_tokens !== undefined;
  return {
    row, shape, limits, notes, weightsGib: m.weights / GIB, kvBytesPerToken: m.kvBytesPerToken,
    ...(row.kv_gib !== undefined && perBlock > 0 ? { blocksFromLogKv: Math.floor((row.kv_gib * GIB - driverExtra) / perBlock) } : {}),
    ...(driverExtra > 0 ? { driverSamplerGib: driverExtra / GIB } : {}),
    ...(comparable ? { predictedBlocks: m.blocks, predictedActivationGib: m.activation / GIB } : {}),
    ...(logBlocks !== undefined ? { logBlocks } : {}),
  };
}

const pct = (a: number, b: number): string => `${a >= b ? "+" : ""}${(((a - b) / b) * 100).toFixed(1)} %`;

/** The comparison as a Markdown table. */
export function checkTable(checks: readonly LogCheck[]): string[] {
  const out = [
    "| model | TP (× PP: stage) | GPU | weights/rank log → ours | KV blocks: log | from log's KV GiB, ours | whole model, ours | activation log → ours | note |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  for (const c of checks) {
    const r = c.row;
    const w = r.weights_gib !== undefined ? `${r.weights_gib.toFixed(2)} → ${c.weightsGib.toFixed(2)} GiB (${pct(c.weightsGib, r.weights_gib)})` : "—";
    const lb = c.logBlocks !== undefined ? String(c.logBlocks) : "—";
    const fk = c.blocksFromLogKv !== undefined ? `${c.blocksFromLogKv}${c.logBlocks !== undefined ? ` (${pct(c.blocksFromLogKv, c.logBlocks)})` : ""}` : "—";
    const pb = c.predictedBlocks !== undefined ? `${c.predictedBlocks}${c.logBlocks !== undefined ? ` (${pct(c.predictedBlocks, c.logBlocks)})` : ""}` : "—";
    const act = r.activation_gib !== undefined && c.predictedActivationGib !== undefined
      ? `${r.activation_gib.toFixed(2)}${c.driverSamplerGib !== undefined ? " (worker)" : ""} → ${c.predictedActivationGib.toFixed(2)}${c.driverSamplerGib !== undefined ? " (driver)" : ""}`
      : "—";
    out.push(`| ${r.served_model} | ${r.tp}${r.pp > 1 ? ` × ${r.pp}: ${r.stage ?? 0}` : ""} | ${r.gpu} | ${w} | ${lb} | ${fk} | ${pb} | ${act} | ${[...c.limits, ...c.notes].join("; ") || r.source.split(" ")[0]} |`);
  }
  return out;
}
