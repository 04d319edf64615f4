// Did a bench run wait for a core, and what does the bench do about it? Pure functions: the
// worker (child.ts) hands in what it read from the clock, /proc and process.cpuUsage, and
// bench.ts asks these which runs to run again and which to mark.
//
// On a 2-core machine the editor, a build or another program can hold a core while llama.cpp
// runs. The worker takes the time a thread sat in the runqueue out of each timed call (its net
// time), which is right while the wait is a small part of the call; when a thread waited over
// half the call, the net figure is no longer the time on an idle machine (the caches were cold,
// the other threads spun waiting for the delayed one) and the run is not to be trusted. Such a
// run is run once more; a run that waits again is kept (it is the best there is) but marked, and
// the bench says so in one line with the fix.

/** A run waited too long when its threads waited over this share of a timed call's wall time. */
export const WAIT_LIMIT = 0.5;

export interface CallClock {
  /** Wall-clock seconds of the call. */
  readonly wallSec: number;
  /** Seconds the most-delayed compute thread sat in the runqueue (computeThreadsWait); undefined where /proc is absent. */
  readonly runqueueSec?: number;
  /** CPU seconds the whole process used during the call (process.cpuUsage), user + system. */
  readonly cpuSec: number;
  readonly threads: number;
}

/** What one thread did during a timed call (nanoseconds): on a core, and ready but off one. */
export interface ThreadClock {
  readonly cpuNs: number;
  readonly waitNs: number;
}

/**
 * Seconds a timed call waited for a core, from its process's threads: the most any of the
 * `threads` compute threads waited (a synchronised step waits for the slowest), where the compute
 * threads are the ones that spent the most time on a core. The others — Node's main thread, its
 * thread pool, the GC, an OpenMP pool left over from loading — are bystanders whose waits delay
 * nothing: counting them (the worst wait of all threads) once took half of a 8 ms MoE decode step
 * out as "waiting" on a quiet machine, though its wall time was that of a quiet run.
 */
export function computeThreadsWait(perThread: readonly ThreadClock[], threads: number): number {
  const compute = [...perThread].sort((a, b) => b.cpuNs - a.cpuNs).slice(0, Math.max(1, threads));
  return Math.max(0, ...compute.map((t) => t.waitNs)) / 1e9;
}

/**
 * Seconds the call waited for a core. The runqueue figure where Linux gives it; elsewhere the
 * CPU time the call's threads did not get: llama.cpp's threads compute or spin for the whole
 * call, so wall × threads − CPU seconds, spread over the threads, is the time they were off a core.
 */
export function waitedSec(c: CallClock): number {
  if (c.runqueueSec !== undefined) return Math.max(0, Math.min(c.wallSec, c.runqueueSec));
  const missing = c.wallSec - c.cpuSec / Math.max(1, c.threads);
  return Math.max(0, Math.min(c.wallSec, missing));
}

/** The part of a run these functions look at: its timed prefill and decode, wall and net of the wait. */
export interface RunClock {
  readonly prefillSec: number;
  readonly prefillNetSec: number;
  readonly decodeSec: number;
  readonly decodeNetSec: number;
}

/** Share (0…1) of `wall` spent waiting: what the wait took from it. */
const share = (wall: number, net: number): number => (wall > 0 ? Math.max(0, (wall - net) / wall) : 0);

/** Share (0…1) of its wall time that the worse of the run's prefill and decode spent waiting for a core. */
export function waitedShare(r: RunClock): number {
  return Math.max(share(r.prefillSec, r.prefillNetSec), decodeWaitedShare(r));
}

/** The share of a run's decode time it waited for a core (what the bench takes out of its figures). */
export function decodeWaitedShare(r: RunClock): number {
  return share(r.decodeSec, r.decodeNetSec);
}


export function waitedTooLong(r: RunClock): boolean {
  return waitedShare(r) > WAIT_LIMIT;
}

export interface KeptRun<T> {
  readonly run: T;
  /** It waited over WAIT_LIMIT of its time on both tries: kept, but not to be trusted. */
  readonly waited: boolean;
  readonly reran: boolean;
}

/**
 * The runs to keep, in the first pass's order: a run that did not wait is kept as it is; one that
 * waited is replaced by its rerun (found by `key`) when that waited less, and marked when the
 * try it keeps still waited too long. A run with no rerun (the rerun failed) is kept, marked.
 */
export function keepRuns<T extends RunClock>(first: readonly T[], reruns: readonly T[], key: (r: T) => string): KeptRun<T>[] {
  return first.map((run) => {
    if (!waitedTooLong(run)) return { run, waited: false, reran: false };
    const again = reruns.find((r) => key(r) === key(run));
    const best = again !== undefined && waitedShare(again) < waitedShare(run) ? again : run;
    return { run: best, waited: waitedTooLong(best), reran: again !== undefined };
  });
}

/** One line for the user when runs were kept marked: which, and what to do; undefined when none. */
export function waitWarning(labels: readonly string[], total: number): string | undefined {
  if (labels.length === 0) return undefined;
  return (
    `${labels.length} of ${total} bench run${total === 1 ? "" : "s"} waited over ${WAIT_LIMIT * 100} % of their time for a core, even when run again ` +
    `(${labels.join(", ")}): their figures are unreliable — close other work (builds, other models) and run \`llmfit bench\` again`
  );
}
