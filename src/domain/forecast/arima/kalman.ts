/**
 * Exact Gaussian likelihood of a stationary ARMA series by the Kalman filter, and the filtered
 * state from which forecasts start.
 *
 * Why exact rather than conditional: with a few years of monthly data the first season's
 * residuals carry real information; R's arima() uses exact maximum likelihood by default for this
 * reason ("for a model with as few years as this, we want full ML", ?arima). Applying the filter
 * to the differenced series gives the same likelihood as R's diffuse treatment of the differencing.
 *
 * State-space form (Harvey 1989; Gardner, Harvey & Phillips 1980, Applied Statistics 29, 311-322):
 * r = max(p, q + 1) states, transition T with the AR coefficients in its first column and ones on
 * its superdiagonal, R = (1, theta_1, ..., theta_{r-1}); the observation is the first state. The
 * first state covariance is the stationary one, P0 = sum_j (T^j R)(T^j R)', summed until the terms
 * vanish (exactly after r terms for a pure MA model, whose T is nilpotent). Everything is in units
 * of the innovation variance, which is then profiled out: sigma^2 = sum(v^2 / F) / n.
 * Speed: once the covariance stops changing (to 1e-12) the gain is fixed and each further step
 * costs O(r) instead of O(r^2), as R's "fast recursions" (Gardner et al. 1980).
 */

export interface ArmaFilter {
  /** sum v_t^2 / F_t */
  readonly sumSquares: number;
  /** sum log F_t */
  readonly sumLog: number;
  readonly n: number;
  /** Predicted state and covariance for the step after the last observation. */
  readonly state: Float64Array;
  readonly covariance: Float64Array;
  readonly r: number;
}

export function armaDimension(phi: readonly number[], theta: readonly number[]): number {
  return Math.max(phi.length, theta.length + 1);
}

export function stationaryCovariance(phi: readonly number[], theta: readonly number[]): Float64Array {
  const r = armaDimension(phi, theta);
  const p = new Float64Array(r * r);
  let v: Float64Array = rVector(theta, r);
  let next: Float64Array = new Float64Array(r);
  const pureMa = phi.every((c) => c === 0);
  const limit = pureMa ? r : 5000;
  let first = 0;
  for (let j = 0; j < limit; j++) {
    let norm = 0;
    for (let a = 0; a < r; a++) {
      const va = v[a]!;
      if (va === 0) continue;
      norm += va * va;
      for (let b = 0; b < r; b++) p[a * r + b]! += va * v[b]!;
    }
    if (j === 0) first = norm;
    else if (!pureMa && norm < 1e-15 * first) break;
    for (let a = 0; a < r; a++) next[a] = (phi[a] ?? 0) * v[0]! + (a + 1 < r ? v[a + 1]! : 0);
    [v, next] = [next, v];
  }
  return p;
}

export function filterArma(w: readonly number[], phi: readonly number[], theta: readonly number[]): ArmaFilter {
  const r = armaDimension(phi, theta);
  const rr = rVector(theta, r);
  const ph = new Float64Array(r);
  for (let i = 0; i < r; i++) ph[i] = phi[i] ?? 0;
  const a = new Float64Array(r);
  const au = new Float64Array(r);
  let p: Float64Array = stationaryCovariance(phi, theta);
  let next: Float64Array = new Float64Array(r * r);
  let sumSquares = 0;
  let sumLog = 0;
  let n = 0;
  let steady = false;
  for (let t = 0; t < w.length; t++) {
    const f = p[0]!;
    const v = w[t]! - a[0]!;
    if (!(f > 1e-12)) {
      // An exactly predictable value carries no information (cannot happen for a stationary ARMA).
      for (let i = 0; i < r; i++) au[i] = a[i]!;
    } else {
      sumSquares += (v * v) / f;
      sumLog += Math.log(f);
      n++;
      for (let i = 0; i < r; i++) au[i] = a[i]! + (p[i * r]! / f) * v;
    }
    for (let i = 0; i < r; i++) a[i] = ph[i]! * au[0]! + (i + 1 < r ? au[i + 1]! : 0);
    if (steady || !(f > 1e-12)) continue;
    // The observation is the first state without noise, so after updating, the covariance U has
    // a zero first row and column, and T U T' reduces to U's lower-right block shifted up:
    // P_next[i][j] = U[i+1][j+1] + R_i R_j, with U[a][b] = P[a][b] - P[a][0] P[b][0] / F.
    // (The AR coefficients enter only through the first covariance.) Symmetric: fill both halves.
    let change = 0;
    for (let i = 0; i < r; i++) {
      const pi0 = i + 1 < r ? p[(i + 1) * r]! / f : 0;
      for (let j = i; j < r; j++) {
        let value = rr[i]! * rr[j]!;
        if (i + 1 < r && j + 1 < r) value += p[(i + 1) * r + j + 1]! - pi0 * p[(j + 1) * r]!;
        next[i * r + j] = value;
        next[j * r + i] = value;
        const d = Math.abs(value - p[i * r + j]!);
        if (d > change) change = d;
      }
    }
    [p, next] = [next, p];
    if (change < 1e-12) steady = true;
  }
  return { sumSquares, sumLog, n, state: a, covariance: p, r };
}

/** Concentrated log-likelihood (R's arima: sigma^2 profiled out). */
export function armaLogLikelihood(f: ArmaFilter): number {
  const sigma2 = f.sumSquares / f.n;
  return -0.5 * (f.n * Math.log(2 * Math.PI * sigma2) + f.sumLog + f.n);
}

/** Conditional sum of squares: residuals from lag p' on, earlier residuals taken as zero. */
export function conditionalSumOfSquares(
  w: readonly number[],
  phi: readonly number[],
  theta: readonly number[],
): { sumSquares: number; n: number } {
  const e = new Float64Array(w.length);
  let ss = 0;
  let n = 0;
  for (let t = phi.length; t < w.length; t++) {
    let v = w[t]!;
    for (let i = 0; i < phi.length; i++) if (phi[i] !== 0) v -= phi[i]! * w[t - i - 1]!;
    for (let j = 0; j < theta.length && j < t; j++) if (theta[j] !== 0) v -= theta[j]! * e[t - j - 1]!;
    e[t] = v;
    ss += v * v;
    n++;
  }
  return { sumSquares: ss, n };
}

function rVector(theta: readonly number[], r: number): Float64Array {
  const rr = new Float64Array(r);
  rr[0] = 1;
  for (let i = 1; i < r; i++) rr[i] = theta[i - 1] ?? 0;
  return rr;
}
