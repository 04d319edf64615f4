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
    const w = 1 / o.time;
    const f = active.map((j) => (o.features[j] ?? 0) * w);
    for (let i = 0; i < k; i++) {
      atb[i] = (atb[i] ?? 0) + (f[i] ?? 0); // target time × w = 1
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
    const t = o.features.reduce((a, f, i) => a + f * (x[i] ?? 0), 0);
    s += ((t - o.time) / o.time) ** 2;
  }
  return Math.sqrt(s / obs.length);
}

/** Non-negative relative least squares over `n` unknowns (n ≤ 8: subsets are enumerated). */
export function fitNonNegative(obs: readonly Observation[], n: number): FitResult {
  let best: FitResult | undefined;
  for (let mask = 1; mask < 1 << n; mask++) {
    const active = [...Array(n).keys()].filter((j) => (mask >> j) & 1);
    const sol = leastSquares(obs, active);
    if (!sol || sol.some((v) => !(v >= 0) || !Number.isFinite(v))) continue;
    const x = new Array<number>(n).fill(0);
    active.forEach((j, i) => (x[j] = sol[i] ?? 0));
    const err = rmsRelError(obs, x);
    if (!best || err < best.rmsRelError - 1e-12) best = { x, rmsRelError: err };
  }
  return best ?? { x: new Array<number>(n).fill(0), rmsRelError: Number.POSITIVE_INFINITY };
}
