// The bench's worker process: llama.cpp (through node-llama-cpp) runs here, never in the editor's
// host, so its compute cannot stall the host's RPC, and cancelling is killing this process.
// Input: one JSON argument (ChildJob). Output: one JSON line per event on stdout (ChildEvent).
//
// Method per model (the one scripts/groundtruth/measure-speed.mjs uses, shortened): load with
// mmap, `gpuLayers` layers offloaded; a context of `prefill + decode + 16` cells, one sequence,
// n_batch = n_ubatch = the prompt length; tokens are fed as ids (no sampling: a zero-weight
// model would emit one token forever). Warm-up: two single-token decodes (every weight page is
// touched once), then the sequence is cleared. Prefill: one batch of `prefill` tokens, timed
// (best of `prefillReps`; a run may set its own length). Decode: then `decode` single-token steps at positions prefill…, each
// timed; the median step is the decode time (robust to the odd step another process slowed).
// Only llama_decode calls are timed. Reference probe (job.probeSteps): the first run's model stays
// loaded and a few decode steps on it are timed after its run, before each later run and at the
// end: the same work each time, so their spread is the machine's own drift over the job (the
// hypervisor here changed the CPU's speed by ~30 % between quiet runs minutes apart).
import { readdirSync, readFileSync } from "node:fs";
import { ChildJobSchema, type ChildEvent, type ChildJob } from "./protocol.js";
import { benchToken } from "./sparse-model.js";
import { computeThreadsWait, waitedSec, type ThreadClock } from "./waits.js";

/**
 * On-CPU and runqueue-wait nanoseconds of each of this process's threads so far
 * (/proc/self/task/TID/schedstat's first two fields). The wait is time a thread was ready to run
 * but another process had its core; taking what the compute threads waited out of a timed call
 * gives its time on an otherwise idle machine (waits.ts computeThreadsWait). Empty where /proc is absent.
 */
function threadClocks(): Map<string, ThreadClock> {
  const out = new Map<string, ThreadClock>();
  try {
    for (const tid of readdirSync("/proc/self/task")) {
      const f = readFileSync(`/proc/self/task/${tid}/schedstat`, "utf8").split(" ");
      out.set(tid, { cpuNs: Number(f[0] ?? 0), waitNs: Number(f[1] ?? 0) });
    }
  } catch {
    // not Linux: waits.ts falls back to the process's CPU time
  }
  return out;
}

const delta = (a: Map<string, ThreadClock>, b: Map<string, ThreadClock>): ThreadClock[] =>
  [...b].map(([tid, t]) => ({ cpuNs: t.cpuNs - (a.get(tid)?.cpuNs ?? 0), waitNs: t.waitNs - (a.get(tid)?.waitNs ?? 0) }));

/** One timed call: wall seconds and the seconds it waited for a core (waits.ts waitedSec: the runqueue where /proc has it, else the CPU time it did not get). */
async function timed(threads: number, f: () => Promise<void>): Promise<{ wall: number; wait: number }> {
  const w0 = threadClocks();
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await f();
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  const w1 = threadClocks();
  return { wall, wait: waitedSec({ wallSec: wall, cpuSec: (c.user + c.system) / 1e6, threads, ...(w1.size > 0 ? { runqueueSec: computeThreadsWait(delta(w0, w1), threads) } : {}) }) };
}

const emit = (e: ChildEvent): void => {
  process.stdout.write(`${JSON.stringify(e)}\n`);
};

interface AddonContext {
  init(): Promise<boolean>;
  initBatch(n: number): void;
  addToBatch(seq: number, first: number, tokens: Uint32Array, logits: Uint32Array): void;
  decodeBatch(): Promise<void>;
  disposeSequence(seq: number): void;
  dispose(): Promise<void>;
}

/** One timed single-token decode step at `pos`. */
const stepOn = (ctx: AddonContext, threads: number, pos: number): Promise<{ wall: number; wait: number }> =>
  timed(threads, async () => {
    ctx.initBatch(1);
    ctx.addToBatch(0, pos, Uint32Array.from([benchToken(pos + 1000)]), Uint32Array.from([0]));
    await ctx.decodeBatch();
  });

async function main(job: ChildJob): Promise<void> {
  const lib = await import("node-llama-cpp");
  const lines: string[] = [];
  const llama = await lib.getLlama({
    gpu: job.gpu ? "auto" : false,
    build: "never",
    logLevel: lib.LlamaLogLevel.debug,
    logger: (_l: unknown, m: unknown) => void lines.push(String(m)),
  });
  const backend = /loaded CPU backend from \S*libggml-cpu-(\S+)\.so/.exec(lines.join("\n"))?.[1] ?? "";
  emit({ type: "ready", backend, gpu: String(llama.gpu), version: "node-llama-cpp" });
  const median = (xs: number[]): number => {
    const s = [...xs].sort((x, y) => x - y);
    return s[Math.floor(s.length / 2)] ?? 0;
  };
  // undisturbed: the wall time less the runqueue wait (never below a tenth of the wall time)
  const net = (t: { wall: number; wait: number }): number => Math.max(t.wall - t.wait, t.wall / 10);
  // the reference probe: the first run's model and context, kept open (job.probeSteps)
  let probe: { ctx: AddonContext; model: { dispose(): Promise<void> } } | undefined;
  const runProbe = async (before: string): Promise<void> => {
    if (!probe || !job.probeSteps) return;
    const ctx = probe.ctx;
    ctx.disposeSequence(0);
    const steps: { wall: number; wait: number }[] = [];
    for (let i = 0; i < job.probeSteps; i++) steps.push(await stepOn(ctx, job.threads, i));
    emit({ type: "probe", before, sec: median(steps.map((t) => t.wall)), netSec: median(steps.map(net)) });
  };
  for (const [ri, run] of job.runs.entries()) {
    await runProbe(run.label);
    emit({ type: "start", label: run.label });
    const prefill = run.prefill ?? job.prefill;
    const cells = prefill + job.decode + 16;
    try {
      const model = await llama.loadModel({ modelPath: run.file, gpuLayers: job.gpu ? "max" : 0, useMmap: true, ignoreMemorySafetyChecks: true });
      // node-llama-cpp's public context always samples; the bench feeds ids to the raw context
      // (the ground-truth scripts do the same) so that only llama_decode is timed
      const bindings = (llama as unknown as { _bindings: { AddonContext: new (m: unknown, o: object) => AddonContext } })._bindings;
      const ctx = new bindings.AddonContext((model as unknown as { _model: unknown })._model, {
        contextSize: Math.max(cells, 256),
        batchSize: prefill,
        sequences: 1,
        flashAttention: "auto",
        threads: job.threads,
      });
      if (!(await ctx.init())) throw new Error("llama.cpp could not create a context");
      const step = (pos: number): Promise<{ wall: number; wait: number }> => stepOn(ctx, job.threads, pos);
      await step(0);
      await step(1);
      const pre: { wall: number; wait: number }[] = [];
      for (let rep = 0; rep < job.prefillReps; rep++) {
        ctx.disposeSequence(0);
        pre.push(
          await timed(job.threads, async () => {
            ctx.initBatch(prefill);
            ctx.addToBatch(0, 0, Uint32Array.from({ length: prefill }, (_, i) => benchToken(i)), Uint32Array.from([prefill - 1]));
            await ctx.decodeBatch();
          }),
        );
      }
      const steps: { wall: number; wait: number }[] = [];
      for (let i = 0; i < job.decode; i++) steps.push(await step(prefill + i));
      if (ri === 0 && job.probeSteps) probe = { ctx, model };
      else {
        await ctx.dispose();
        await model.dispose();
      }
      const prefillSec = Math.min(...pre.map((t) => t.wall));
      const prefillNetSec = Math.min(...pre.map(net));
      emit({ type: "run", label: run.label, prefillSec, prefillNetSec, decodeSec: median(steps.map((t) => t.wall)), decodeNetSec: median(steps.map(net)) });
    } catch (err) {
      emit({ type: "error", label: run.label, message: err instanceof Error ? err.message : String(err) });
    }
  }
  await runProbe("end");
  if (probe) {
    await probe.ctx.dispose();
    await probe.model.dispose();
  }
  await llama.dispose();
}

const arg = process.argv[2];
if (arg !== undefined) {
  const job = ChildJobSchema.safeParse(JSON.parse(arg) as unknown);
  if (!job.success) {
    emit({ type: "error", message: `bad job: ${job.error.message}` });
    process.exitCode = 2;
  } else {
    main(job.data).catch((err: unknown) => {
      emit({ type: "error", message: err instanceof Error ? err.message : String(err) });
      process.exitCode = 1;
    });
  }
}
