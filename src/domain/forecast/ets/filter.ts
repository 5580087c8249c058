/**
 * The ETS state recursions: one pass through the data giving the one-step errors, the fitted
 * values, the likelihood and the final states.
 *
 * Why this exact form: it is the recursion of R's forecast package (etscalc.c, `update()` and
 * `forecast()`), written in error-correction form so that one code path serves additive and
 * multiplicative errors (the error form changes only the likelihood and the variance). Matching R
 * line for line lets our states and fitted values be checked against R's published ones.
 *
 * States: level l, trend b (0 when there is none) and m seasonal indices. Seasonal indices are
 * kept in a ring: `seasonal[k]` is the index used k steps ahead (so `seasonal[0]` is the oldest,
 * R's s[m-1]); R's own order (newest first) is given by `toRSeasonal`.
 */
import type { EtsSpec } from './spec.js';

export interface EtsParameters {
  readonly alpha: number;
  /** 0 when the model has no trend. */
  readonly beta: number;
  /** 0 when the model has no seasonality. */
  readonly gamma: number;
  /** 1 unless the trend is damped. */
  readonly phi: number;
}

export interface EtsState {
  readonly level: number;
  readonly trend: number;
  /** Index used 1, 2, ..., m steps ahead (empty when there is no seasonality). */
  readonly seasonal: readonly number[];
}

export interface EtsPass {
  /** One-step errors: y - fitted (additive errors) or (y - fitted) / fitted (multiplicative). */
  readonly errors: Float64Array;
  readonly fitted: Float64Array;
  readonly sumSquaredErrors: number;
  /** Sum of log |fitted|, the Jacobian term of the multiplicative-error likelihood. */
  readonly sumLogFitted: number;
  readonly final: EtsState;
  /** False when a forecast became non-finite or non-positive where it must be positive. */
  readonly valid: boolean;
}

/** Runs the recursions over y[from..to) starting from `initial` (defaults: the whole series). */
export function etsPass(
  y: readonly number[],
  spec: EtsSpec,
  p: EtsParameters,
  initial: EtsState,
  from = 0,
  to = y.length,
): EtsPass {
  const n = to - from;
  const m = initial.seasonal.length;
  const season = Float64Array.from(initial.seasonal);
  const hasTrend = spec.trend !== 'N';
  const addSeason = spec.season === 'A';
  const mulSeason = spec.season === 'M';
  const mulError = spec.error === 'M';
  const phi = spec.trend === 'Ad' ? p.phi : 1;
  const errors = new Float64Array(n);
  const fitted = new Float64Array(n);
  let level = initial.level;
  let trend = hasTrend ? initial.trend : 0;
  let head = 0; // ring position of the index used next
  let sse = 0;
  let sumLog = 0;
  let valid = true;
  const betaOverAlpha = p.beta / p.alpha;
  for (let i = 0; i < n; i++) {
    const yi = y[from + i]!;
    const phib = phi * trend;
    const q = level + phib;
    const s = m > 0 ? season[head]! : 0;
    const f = addSeason ? q + s : mulSeason ? q * s : q;
    if (!Number.isFinite(f) || (mulError && f === 0)) valid = false;
    const e = mulError ? (yi - f) / f : yi - f;
    errors[i] = e;
    fitted[i] = f;
    sse += e * e;
    if (mulError) sumLog += Math.log(Math.abs(f));
    const deseasoned = addSeason ? yi - s : mulSeason ? (Math.abs(s) < 1e-10 ? 1e10 : yi / s) : yi;
    const newLevel = q + p.alpha * (deseasoned - q);
    if (hasTrend) trend = phib + betaOverAlpha * (newLevel - level - phib);
    if (m > 0) {
      const t = addSeason ? yi - q : Math.abs(q) < 1e-10 ? 1e10 : yi / q;
      season[head] = s + p.gamma * (t - s);
      head = head + 1 === m ? 0 : head + 1;
    }
    level = newLevel;
  }
  const seasonal: number[] = [];
  for (let k = 0; k < m; k++) seasonal.push(season[(head + k) % m]!);
  return {
    errors,
    fitted,
    sumSquaredErrors: sse,
    sumLogFitted: sumLog,
    final: { level, trend, seasonal },
    valid: valid && Number.isFinite(sse),
  };
}

/** Gaussian log-likelihood with the error variance profiled out (Hyndman et al. 2008, eq. 5.3). */
export function etsLogLikelihood(pass: EtsPass, n: number, spec: EtsSpec): number {
  const sigma2 = pass.sumSquaredErrors / n;
  return -0.5 * n * (Math.log(2 * Math.PI * sigma2) + 1) - (spec.error === 'M' ? pass.sumLogFitted : 0);
}

/** Point forecasts 1..h steps ahead from a state (R's `forecast()` in etscalc.c). */
export function etsPointForecast(state: EtsState, spec: EtsSpec, phi: number, h: number): number[] {
  const out: number[] = [];
  const m = state.seasonal.length;
  const damp = spec.trend === 'Ad' ? phi : 1;
  let phiSum = 0;
  let power = 1;
  for (let k = 1; k <= h; k++) {
    power *= damp;
    phiSum += power;
    const base = state.level + (spec.trend === 'N' ? 0 : phiSum * state.trend);
    const s = m > 0 ? state.seasonal[(k - 1) % m]! : 0;
    out.push(spec.season === 'A' ? base + s : spec.season === 'M' ? base * s : base);
  }
  return out;
}

/** Seasonal indices in R's order (s0 = newest first) from ours (next used first). */
export function toRSeasonal(seasonal: readonly number[]): number[] {
  return [...seasonal].reverse();
}

/** Ours from R's order. */
export function fromRSeasonal(rSeasonal: readonly number[]): number[] {
  return [...rSeasonal].reverse();
}
