// `llmfit bench`: run a few small sparse models through llama.cpp on this machine, derive its
// figures, store them for its fingerprint. Sized to finish in about 30 s on a 2-core machine:
// four small dense models (three sizes, four weight types) and a small MoE probe, a 128-token
// prompt (64 for three of them) and 8 decode steps each, and a reference probe (four decode
// steps on the first run's model, kept loaded) before every run (steady.ts). Nothing leaves the machine: the models are written locally, and deleted afterwards.
import type { Hardware } from "../hardware/types.js";
import { embeddedThreads } from "../prompt/service.js";
import { SPEED_CONSTANTS } from "../speed/constants.js";
import { simdLevel } from "../speed/model.js";
import { cpuWork, deriveCpuFigures, predictCpu, type CpuWork } from "./derive.js";
import { measureModels, measureWithReruns, runLabel, type BenchRunSpec, type MeasureResult, type RunTiming } from "./run.js";
import { deriveTypeFlops, matmulTypeShares } from "./prefill-types.js";
import { MOE_PROBE_ID } from "./sparse-model.js";
import type { Calibration, CpuFigures } from "./schema.js";
import type { ChildEvent } from "./protocol.js";
import { decodeWaitedShare, waitedShare, waitWarning } from "./waits.js";
import { PROBE_STEPS, probeSpread, unsteadyWarning } from "./steady.js";

/** What the bench runs: 0.6 B and 1.2–1.7 B dense models; F16, Q8_0, Q5_0 and Q4_K_M weights; a small MoE probe for the expert matmuls. */
export const BENCH_PLAN: readonly BenchRunSpec[] = [
  // a 64-token prompt: its Q8_0 rate per FLOP at 64 was within 1-4 % of that at 128 (two pairs of
  // dumps, load 4-5), ~0.6 s saved; not so Q5_0 below, whose rate at 64 was ~20 % lower than at 128
  { id: "qwen3-0.6b", quant: "Q8_0", prefill: 64 },
  // the two slowest prompts at half the length, ~1.4 s each saved: their per-token rate at 64 tokens
  // was within ~5 % of that at 128 (the run-to-run noise on the shared 2-core test machine)
  { id: "qwen3-0.6b", quant: "F16", prefill: 64 },
  { id: "llama-3.2-1b", quant: "Q4_K_M" },
  { id: "qwen3-1.7b", quant: "Q4_K_M", prefill: 64 },
  // Q5_0 (with a Q6_K output matrix): the type llama-quantize falls back to when rows are no
  // whole number of 256-blocks (prefill-types.ts); its prompt kernel is ~2× slower than Q4_K's
  { id: "qwen3-0.6b", quant: "Q5_0" },
  { id: MOE_PROBE_ID, quant: "Q4_K_M" },
];

export const BENCH_PREFILL = 128;
// 8, not 12: the median step of 8 is as robust to the odd slowed step, and the ~1 s saved pays
// for the reference probe's readings (steady.ts) within the bench's 30 s
export const BENCH_DECODE = 8;

export interface BenchOptions {
  readonly threads?: number;
  readonly plan?: readonly BenchRunSpec[];
  readonly prefill?: number;
  readonly decode?: number;
  readonly prefillReps?: number;
  readonly signal?: AbortSignal;
  /** "2/4 llama-3.2-1b:Q4_K_M", once per model as it starts. */
  readonly onProgress?: (done: number, total: number, label: string) => void;
  readonly now?: () => Date;
  /** Milliseconds from any origin, for the bench's duration (performance.now by default). */
  readonly clock?: () => number;
}

/**
 * The bench's threads: what the embedded runtime uses when the user set none (physical cores
 * minus one, so the editor keeps a core: src/prompt/service.ts embeddedThreads).
 */
export function benchThreads(): number {
  return embeddedThreads();
}

/** Why no GPU figure: none detected, or node-llama-cpp has no build for it here. */
function gpuNote(hw: Hardware): string {
  if (hw.gpus.length === 0) return "no GPU detected: CPU only";
  return `GPU ${hw.gpus.map((g) => g.name).join(", ")} detected; the bench measures the CPU terms only (GPU estimates stay spec-based)`;
}

/** What a run's token costs, at its own prompt length (decode after the prompt, prefill of it). */
export function runWork(r: RunTiming): CpuWork {
  return cpuWork(r.model.shape, r.model.tensors, r.model.quant, r.prefillTokens, r.prefillTokens);
}

/** The figures with the per-type prompt rates of the dense runs added (prefill-types.ts). */
export function withTypeFlops(f: CpuFigures, runs: readonly RunTiming[]): CpuFigures {
  const dense = runs.filter((r) => r.model.shape.experts === undefined);
  const typeRuns = dense.map((r) => ({
    shares: matmulTypeShares(r.model.shape, r.model.tensors),
    denseFlops: runWork(r).denseFlops,
    prefillSecPerToken: r.prefillNetSec / r.prefillTokens,
  }));
  return typeRuns.length > 0 ? { ...f, prefillTypeFlops: deriveTypeFlops(typeRuns, f.prefillFlops) } : f;
}

export async function runBench(hw: Hardware, opts: BenchOptions = {}): Promise<Calibration> {
  const threads = opts.threads ?? benchThreads();
  const plan = opts.plan ?? BENCH_PLAN;
  const prefill = opts.prefill ?? BENCH_PREFILL;
  const clock = opts.clock ?? (() => performance.now());
  const t0 = clock();
  const measure = (specs: readonly BenchRunSpec[], rerun: boolean): Promise<MeasureResult> => {
    const prefix = rerun ? "rerun: " : "";
    let started = 0;
    return measureModels(specs, {
      threads,
      prefill,
      decode: opts.decode ?? BENCH_DECODE,
      prefillReps: opts.prefillReps ?? 1,
      // the reference probe on the plan's pass only: its spread says whether the machine held its speed (steady.ts)
      ...(rerun ? {} : { probeSteps: PROBE_STEPS }),
      onEvent: (e: ChildEvent) => {
        if (e.type === "start") opts.onProgress?.(++started, specs.length, `${prefix}${e.label}`);
      },
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  };
  // a run that waited over half its time for a core is run once more, in a fresh worker (waits.ts)
  const { measured, kept } = await measureWithReruns(plan, measure);
  if (measured.runs.length === 0) throw new Error(`the bench measured nothing: ${measured.errors.join("; ") || "no runs"}`);
  const stillWaited = kept.filter((k) => k.waited).map((k) => runLabel(k.run));
  const spread = probeSpread(measured.probes);
  const warnings = [waitWarning(stillWaited, kept.length), unsteadyWarning(spread)].filter((w) => w !== undefined);
  const warning = warnings.length > 0 ? warnings.join("; ") : undefined;
  const simd = simdLevel(hw.cpu.flags);
  const spec = SPEED_CONSTANTS.cpu;
  const ramGBs = hw.memory.bandwidthGBs?.value;
  const inputs = measured.runs.map((r) => ({
    work: runWork(r),
    decodeSec: r.decodeNetSec,
    prefillSecPerToken: r.prefillNetSec / r.prefillTokens,
    r,
  }));
  const figures = withTypeFlops(deriveCpuFigures(inputs, threads, spec, simd), measured.runs);
  // what was taken out as waiting, for the closing line; a run over the limit is the warning's, not this note's
  const waitShare = measured.runs.reduce((a, r) => a + decodeWaitedShare(r), 0) / measured.runs.length;
  return {
    date: (opts.now ?? (() => new Date()))().toISOString().slice(0, 10),
    threads,
    cpuBackend: measured.cpuBackend,
    gpu: measured.gpu,
    gpuNote: gpuNote(hw),
    runs: inputs.map(({ work, r }, i) => {
      const s = predictCpu(spec, work, threads, simd, ramGBs);
      const k = kept[i];
      return {
        id: r.model.id,
        quant: r.model.quant,
        decodeTps: 1 / r.decodeNetSec,
        prefillTps: r.prefillTokens / r.prefillNetSec,
        decodeWallTps: 1 / r.decodeSec,
        prefillWallTps: r.prefillTokens / r.prefillSec,
        specDecodeTps: s.decodeTps,
        specPrefillTps: s.prefillTps,
        waitedShare: waitedShare(r),
        ...(k?.waited ? { waited: true } : {}),
        ...(k?.reran ? { reran: true } : {}),
      };
    }),
    cpu: figures,
    ...(warning ? { warning } : {}),
    seconds: (clock() - t0) / 1000,
    waitedTakenOut: waitShare,
    ...(measured.probes.length >= 2 ? { probeSpread: spread } : {}),
    observations: [],
  };
}
