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
 * first state covariance is the stationary one, solving P = T P T' + R R' (by doubling:
 * P <- P + A P A', A <- A A). Everything is in units of the innovation variance, which is then
 * profiled out: sigma^2 = sum(v^2 / F) / n.
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
  const rr = rVector(theta, r);
  let p: Float64Array = new Float64Array(r * r);
  for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) p[i * r + j] = rr[i]! * rr[j]!;
  let a: Float64Array = new Float64Array(r * r);
  for (let i = 0; i < r; i++) {
    a[i * r] = phi[i] ?? 0;
    if (i + 1 < r) a[i * r + i + 1] = 1;
  }
  for (let iter = 0; iter < 60; iter++) {
    const apa = multiply(multiply(a, p, r), transpose(a, r), r);
    let change = 0;
    let size = 0;
    for (let k = 0; k < r * r; k++) {
      change = Math.max(change, Math.abs(apa[k]!));
      size = Math.max(size, Math.abs(p[k]!));
      apa[k]! += p[k]!;
    }
    p = apa;
    if (change <= 1e-14 * Math.max(1, size)) break;
    a = multiply(a, a, r);
  }
  return p;
}

export function filterArma(w: readonly number[], phi: readonly number[], theta: readonly number[]): ArmaFilter {
  const r = armaDimension(phi, theta);
  const rr = rVector(theta, r);
  const ph = new Float64Array(r);
  for (let i = 0; i < r; i++) ph[i] = phi[i] ?? 0;
  const a = new Float64Array(r);
  let p = stationaryCovariance(phi, theta);
  const upd = new Float64Array(r * r);
  const m = new Float64Array(r * r);
  const au = new Float64Array(r);
  let sumSquares = 0;
  let sumLog = 0;
  let n = 0;
  for (let t = 0; t < w.length; t++) {
    const f = p[0]!;
    const v = w[t]! - a[0]!;
    if (f > 1e-12) {
      sumSquares += (v * v) / f;
      sumLog += Math.log(f);
      n++;
      // Update: a + K v, P - P[:,0] P[0,:] / F
      for (let i = 0; i < r; i++) au[i] = a[i]! + (p[i * r]! * v) / f;
      for (let i = 0; i < r; i++) {
        const k = p[i * r]! / f;
        for (let j = 0; j < r; j++) upd[i * r + j] = p[i * r + j]! - k * p[j]!;
      }
    } else {
      au.set(a);
      upd.set(p);
    }
    // Predict: a = T a, P = T P T' + R R'
    for (let i = 0; i < r; i++) a[i] = ph[i]! * au[0]! + (i + 1 < r ? au[i + 1]! : 0);
    for (let i = 0; i < r; i++)
      for (let j = 0; j < r; j++) m[i * r + j] = ph[i]! * upd[j]! + (i + 1 < r ? upd[(i + 1) * r + j]! : 0);
    const next = new Float64Array(r * r);
    for (let i = 0; i < r; i++)
      for (let j = 0; j < r; j++)
        next[i * r + j] = m[i * r]! * ph[j]! + (j + 1 < r ? m[i * r + j + 1]! : 0) + rr[i]! * rr[j]!;
    p = next;
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
    for (let i = 0; i < phi.length; i++) v -= phi[i]! * w[t - i - 1]!;
    for (let j = 0; j < theta.length && j < t; j++) v -= theta[j]! * e[t - j - 1]!;
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

function multiply(a: Float64Array, b: Float64Array, r: number): Float64Array {
  const out = new Float64Array(r * r);
  for (let i = 0; i < r; i++)
    for (let k = 0; k < r; k++) {
      const aik = a[i * r + k]!;
      if (aik === 0) continue;
      for (let j = 0; j < r; j++) out[i * r + j]! += aik * b[k * r + j]!;
    }
  return out;
}

function transpose(a: Float64Array, r: number): Float64Array {
  const out = new Float64Array(r * r);
  for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) out[j * r + i] = a[i * r + j]!;
  return out;
}
