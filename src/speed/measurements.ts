// The two speed tables as typed rows: data/speed/cpu-measurements.csv (llama.cpp on this machine's
// CPU) and data/speed/gpu-published.csv (published llama.cpp results, one source per row).
// Parsing is pure (text in, rows out); the files are read by the bench and the tests.
import * as z from "zod";
import { lazySchema } from "../lazy-schema.js";
import { BUILD_FLAGS } from "./model.js";

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      field = "";
      if (row.some((c) => c !== "")) rows.push(row);
      row = [];
    } else field += ch;
  }
  row.push(field);
  if (row.some((c) => c !== "")) rows.push(row);
  return rows;
}

function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), r[i] ?? ""])));
}

const num = lazySchema(() => z.coerce.number().finite());
const pos = lazySchema(() => z.coerce.number().finite().positive());
const optNum = lazySchema(() => z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().finite().positive().optional()));

export const CpuMeasurementSchema = lazySchema(() => z.object({
  model_id: z.string().min(1),
  arch: z.string().min(1),
  weights: z.string().min(1),
  active_params: pos,
  bytes_read_per_token: pos,
  threads: pos,
  prefill_tokens: pos,
  prefill_tps: pos,
  prefill_cpu_tps: optNum,
  decode_tps: pos,
  decode_p10_tps: pos,
  decode_cpu_tps: optNum,
  decode_ctx_start: num,
  decode_tokens: pos,
  cpu_flags: z.string(),
  loadavg_1m: num,
}));
export type CpuMeasurement = z.output<typeof CpuMeasurementSchema>;

export const PublishedRowSchema = lazySchema(() => z.object({
  device: z.string().min(1),
  backend: z.enum(["cuda", "metal", "vulkan", "rocm", "sycl", "cpu"]),
  model_id: z.string().min(1),
  quant: z.string().min(1),
  /** pp512: prompt processing of 512 tokens; tg128 / tg: token generation. */
  test: z.string().regex(/^(pp\d+|tg\d*)$/),
  tps: pos,
  /**
   * Tokens already in the cache (llama-bench -d, "@dN"), when not 0. A "tg" row with a depth is a
   * single-token step measured after that many tokens (e.g. pp512 at micro-batch 1).
   */
  depth: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().nonnegative().optional()),
  threads: optNum,
  ram_gbs: optNum,
  /** Year of the llama.cpp build measured: GPU constants are fitted to current builds (CURRENT_FROM_YEAR on). */
  year: z.coerce.number().int().min(2023).max(2100),
  /** CPU rows: the SIMD level of the CPU (avx512, avx2, neon), when known. */
  simd: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["avx512", "avx2", "neon"]).optional()),
  source_url: z.url(),
  note: z.string(),
  /**
   * Build or runtime settings that change which kernels run, when the source states one:
   * `sycl-reorder-off` = SYCL with the weight reorder off (GGML_SYCL_DISABLE_OPT=1, or the
   * builds of June 2025 where PR 14504's boolean bug kept it off): decode takes the DMMV path.
   * `rocblas-gfx1151` = a HIP build on Strix Halo (gfx1151) whose prompt GEMMs run rocBLAS's own
   * gfx1151 kernels (ROCm 6.x without hipBLASLt): see GpuConstants.rocblasGfx1151Factor.
   */
  flags: z.preprocess((v) => (v === "" || v === undefined ? undefined : v), z.enum(BUILD_FLAGS).optional()),
  /** Prompt micro-batch (llama-bench -ub) when the source states one other than llama.cpp's 512. */
  ubatch: z.preprocess((v) => (v === "" || v === undefined ? undefined : v), z.coerce.number().int().positive().optional()),
}));
export type PublishedRow = z.output<typeof PublishedRowSchema>;

function parseAll<T>(schema: z.ZodType<T>, text: string, file: string): T[] {
  return records(text).map((r, i) => {
    const p = schema.safeParse(r);
    if (!p.success) throw new Error(`${file} row ${i + 2}: ${p.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`);
    return p.data;
  });
}

export function parseCpuMeasurements(text: string): CpuMeasurement[] {
  return parseAll(CpuMeasurementSchema, text, "cpu-measurements.csv");
}

export function parsePublished(text: string): PublishedRow[] {
  return parseAll(PublishedRowSchema, text, "gpu-published.csv");
}
