// Least squares for the speed model's efficiency constants. Every model term is linear in its
// unknowns (seconds per byte, seconds per weight, seconds per layer …), so a fit is a small
// linear least-squares problem. Errors are relative (each row divided by its measured time), so a
// 0.5B model counts as much as a 7B one, and unknowns are kept non-negative (a negative cost per
// byte would be meaningless): every subset of unknowns is tried and the best feasible one wins.

export interface Observation {
  /** Coefficients of the unknowns: time = Σ features[i] × x[i]. */
  readonly features: readonly number[];
  /** Measured time (seconds per token). */
  readonly time: number;
  /** Weight of the row's relative residual (1 when absent); priors use less. */
  readonly weight?: number;
  /**
   * A known part of the time, outside the unknowns: time = offset + Σ features[i] × x[i]. It holds
   * a physical floor out of the fit (bytes at 100 % of the spec bandwidth), so the unknowns stay
   * what they mean (an efficiency can only lose time, never gain it).
   */
  readonly offset?: number;
}

export interface FitResult {
  readonly x: readonly number[];
  /** Root mean square of the relative errors. */
  readonly rmsRelError: number;
}

function solve(a: number[][], b: number[]): number[] | undefined {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]?.[c] ?? 0) > Math.abs(m[p]?.[c] ?? 0)) p = r;
    const pr = m[p];
    const cr = m[c];
    if (!pr || !cr || Math.abs(pr[c] ?? 0) < 1e-300) return undefined;
    m[p] = cr;
    m[c] = pr;
    for (let r = 0; r < n; r++) {
      const row = m[r];
      if (r === c || !row) continue;
      const f = (row[c] ?? 0) / (pr[c] ?? 1);
      for (let k = c; k <= n; k++) row[k] = (row[k] ?? 0) - f * (pr[k] ?? 0);
    }
  }
  return m.map((row, i) => (row[n] ?? 0) / (row[i] ?? 1));
}

function leastSquares(obs: readonly Observation[], active: readonly number[]): number[] | undefined {
  const k = active.length;
  const ata = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const atb = new Array<number>(k).fill(0);
  for (const o of obs) {
    const w = (o.weight ?? 1) / o.time;
    const f = active.map((j) => (o.features[j] ?? 0) * w);
    const target = (o.weight ?? 1) * (1 - (o.offset ?? 0) / o.time); // (time − offset) × w
    for (let i = 0; i < k; i++) {
      atb[i] = (atb[i] ?? 0) + (f[i] ?? 0) * target;
      const row = ata[i];
      if (!row) continue;
      for (let j = 0; j < k; j++) row[j] = (row[j] ?? 0) + (f[i] ?? 0) * (f[j] ?? 0);
    }
  }
  return solve(ata, atb);
}

export function rmsRelError(obs: readonly Observation[], x: readonly number[]): number {
  if (obs.length === 0) return 0;
  let s = 0;
  for (const o of obs) {
    const t = (o.offset ?? 0) + o.features.reduce((a, f, i) => a + f * (x[i] ?? 0), 0);
    s += ((t - o.time) / o.time) ** 2;
  }
  return Math.sqrt(s / obs.length);
}

/**
 * Non-negative relative least squares over `n` unknowns: Lawson & Hanson's active-set method
 * ("Solving Least Squares Problems", 1974, ch. 23), on the rows scaled by 1 / measured time. It
 * reaches the same optimum as trying every subset of unknowns, in polynomial time.
 */
export function fitNonNegative(obs: readonly Observation[], n: number): FitResult {
  // columns scaled to unit RMS first: seconds per byte and seconds per layer differ by 1e8
  const scale = Array.from({ length: n }, (_, j) => {
    const ms = obs.reduce((a, o) => a + ((o.features[j] ?? 0) / o.time) ** 2, 0) / Math.max(1, obs.length);
    return ms > 0 ? Math.sqrt(ms) : 1;
  });
  const scaled = obs.map((o) => ({
    time: o.time,
    ...(o.weight !== undefined && { weight: o.weight }),
    ...(o.offset !== undefined && { offset: o.offset }),
    features: o.features.map((f, j) => f / (scale[j] ?? 1)),
  }));
  const r = nnls(scaled, n);
  const x = r.x.map((v, j) => v / (scale[j] ?? 1));
  return { x, rmsRelError: rmsRelError(obs.filter((o) => o.weight === undefined), x) };
}

function nnls(obs: readonly Observation[], n: number): FitResult {
  const x = new Array<number>(n).fill(0);
  if (obs.length === 0) return { x, rmsRelError: 0 };
  const passive = new Set<number>();
  const gradient = (): number[] => {
    const g = new Array<number>(n).fill(0);
    for (const o of obs) {
      const ow = o.weight ?? 1;
      const w = ow / o.time;
      const r = ow * (1 - (o.offset ?? 0) / o.time) - o.features.reduce((a, f, j) => a + f * w * (x[j] ?? 0), 0);
      for (let j = 0; j < n; j++) g[j] = (g[j] ?? 0) + (o.features[j] ?? 0) * w * r;
    }
    return g;
  };
  for (let outer = 0; outer < 3 * n + 10; outer++) {
    const g = gradient();
    let best = -1;
    for (let j = 0; j < n; j++) if (!passive.has(j) && (g[j] ?? 0) > 1e-12 && (best < 0 || (g[j] ?? 0) > (g[best] ?? 0))) best = j;
    if (best < 0) break;
    passive.add(best);
    for (let inner = 0; inner < 3 * n + 10; inner++) {
      const act = [...passive].sort((a, b) => a - b);
      const z = leastSquares(obs, act);
      if (!z) {
        passive.delete(best);
        break;
      }
      if (z.every((v) => v > 0)) {
        act.forEach((j, i) => (x[j] = z[i] ?? 0));
        break;
      }
      // step back towards the last feasible point until one unknown reaches 0
      let alpha = 1;
      act.forEach((j, i) => {
        const zi = z[i] ?? 0;
        const xi = x[j] ?? 0;
        if (zi <= 0) alpha = Math.min(alpha, xi / (xi - zi || 1));
      });
      act.forEach((j, i) => {
        const v = (x[j] ?? 0) + alpha * ((z[i] ?? 0) - (x[j] ?? 0));
        x[j] = v;
        if (v <= 1e-15) {
          x[j] = 0;
          passive.delete(j);
        }
      });
    }
  }
  return { x, rmsRelError: rmsRelError(obs, x) };
}
