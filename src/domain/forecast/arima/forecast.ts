/**
 * Forecasts of a seasonal ARIMA model on the original scale, with exact forecast variances.
 *
 * The differenced series w is forecast from the Kalman filter's last predicted state; forecasts
 * of y undo the differencing (y_t = w_t + sum c_k y_{t-k}). Forecast errors of y are weighted sums
 * of the errors of w (weights eta from 1 / (1 - sum c_k B^k)), and the errors of w have covariance
 *   Cov(e_i, e_j) = g_i P g_j' + sum_{k=2}^{min(i,j)} psi_{i-k} psi_{j-k}
 * where g_i = Z T^{i-1}, P is the state covariance after the last observation and psi_k = Z T^k R
 * are the ARMA's psi-weights; so the intervals include the uncertainty of the final state, as
 * R's predict.Arima (which filters the differencing inside the state) does.
 */
import { normalIntervals } from '../normal.js';
import { normalSource } from '../random.js';
import type { ForecastPath } from '../types.js';
import { filterArma, type ArmaFilter } from './kalman.js';
import { difference, differencingWeights, expandAr, expandMa, integrationWeights } from './polynomial.js';
import type { SarimaFit } from './fit.js';

export function sarimaForecast(
  y: readonly number[],
  fit: SarimaFit,
  h: number,
  levels: readonly number[],
): ForecastPath {
  const { mean, sd } = sarimaMoments(y, fit, h);
  return { mean, intervals: normalIntervals(mean, sd, levels) };
}

/**
 * `n` sample paths of y, 1..h steps ahead: the errors of the differenced series drawn jointly from
 * their exact covariance (Cholesky factor; final-state uncertainty included) and integrated back
 * with the weights eta, so each path has the forecast's mean and the exact covariance across steps.
 */
export function sarimaSamplePaths(
  y: readonly number[],
  fit: SarimaFit,
  h: number,
  n: number,
  seed: number,
): Float64Array[] {
  const { mean, wCov, eta } = sarimaMoments(y, fit, h);
  const L = cholesky(wCov.map((row) => row.map((v) => v * fit.sigma2)));
  const draw = normalSource(seed);
  const paths = Array.from({ length: h }, () => new Float64Array(n));
  const z = new Float64Array(h);
  const e = new Float64Array(h);
  for (let path = 0; path < n; path++) {
    for (let i = 0; i < h; i++) z[i] = draw();
    for (let i = 0; i < h; i++) {
      let v = 0;
      for (let j = 0; j <= i; j++) v += L[i]![j]! * z[j]!;
      e[i] = v;
    }
    for (let k = 0; k < h; k++) {
      let v = mean[k]!;
      for (let i = 0; i <= k; i++) v += eta[k - i]! * e[i]!;
      paths[k]![path] = v;
    }
  }
  return paths;
}

/** Lower-triangular L with L L' = a (a symmetric positive semi-definite; tiny negative pivots read as 0). */
function cholesky(a: readonly (readonly number[])[]): number[][] {
  const n = a.length;
  const L = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let s = a[i]![j]!;
      for (let k = 0; k < j; k++) s -= L[i]![k]! * L[j]![k]!;
      if (i === j) L[i]![i] = Math.sqrt(Math.max(s, 0));
      else L[i]![j] = L[j]![j]! > 0 ? s / L[j]![j]! : 0;
    }
  return L;
}

function sarimaMoments(y: readonly number[], fit: SarimaFit, h: number) {
  const { order, coefficients: c } = fit;
  const weights = differencingWeights(order.d, order.D, order.s);
  const phi = expandAr(c.ar, c.sar, order.s);
  const theta = expandMa(c.ma, c.sma, order.s);
  const filter = filterArma(difference(y, weights), phi, theta);
  const { means: wMean, rows: g, psi } = propagate(filter, phi, theta, h);

  // Point forecasts of y by undoing the differencing.
  const path = [...y];
  const mean: number[] = [];
  for (let k = 0; k < h; k++) {
    let v = wMean[k]!;
    for (let j = 0; j < weights.length; j++) v += weights[j]! * path[path.length - 1 - j]!;
    path.push(v);
    mean.push(v);
  }
  // Covariance of the errors of w at horizons 1..h (in units of sigma^2).
  const r = filter.r;
  const cov = (i: number, j: number): number => {
    let s = 0;
    const gi = g[i]!;
    const gj = g[j]!;
    for (let a = 0; a < r; a++) {
      let row = 0;
      for (let b = 0; b < r; b++) row += filter.covariance[a * r + b]! * gj[b]!;
      s += gi[a]! * row;
    }
    for (let k = 1; k <= Math.min(i, j); k++) s += psi[i - k]! * psi[j - k]!;
    return s;
  };
  const eta = integrationWeights(weights, h);
  const wCov = Array.from({ length: h }, (_, i) => Array.from({ length: h }, (_, j) => cov(i, j)));
  const sd: number[] = [];
  for (let k = 0; k < h; k++) {
    let v = 0;
    for (let i = 0; i <= k; i++) for (let j = 0; j <= k; j++) v += eta[k - i]! * eta[k - j]! * wCov[i]![j]!;
    sd.push(Math.sqrt(fit.sigma2 * v));
  }
  return { mean, sd, wCov, eta };
}

/** Forecast means of w, the rows g_i = Z T^i (i = 0..h-1) and psi-weights psi_0..psi_{h-1}. */
function propagate(filter: ArmaFilter, phi: readonly number[], theta: readonly number[], h: number) {
  const r = filter.r;
  const applyT = (v: Float64Array): Float64Array => {
    const out = new Float64Array(r);
    for (let i = 0; i < r; i++) out[i] = (phi[i] ?? 0) * v[0]! + (i + 1 < r ? v[i + 1]! : 0);
    return out;
  };
  // Row vector x T: (x T)_j = x_0 phi_{j+1} + x_{j-1}.
  const rowTimesT = (x: Float64Array): Float64Array => {
    const out = new Float64Array(r);
    for (let j = 0; j < r; j++) out[j] = x[0]! * (phi[j] ?? 0) + (j > 0 ? x[j - 1]! : 0);
    return out;
  };
  const means: number[] = [];
  const rows: Float64Array[] = [];
  const psi: number[] = [];
  let state: Float64Array = filter.state;
  let row: Float64Array = new Float64Array(r);
  row[0] = 1;
  let impulse: Float64Array = new Float64Array(r);
  impulse[0] = 1;
  for (let i = 1; i < r; i++) impulse[i] = theta[i - 1] ?? 0;
  for (let k = 0; k < h; k++) {
    means.push(state[0]!);
    rows.push(row);
    psi.push(impulse[0]!);
    state = applyT(state);
    row = rowTimesT(row);
    impulse = applyT(impulse);
  }
  return { means, rows, psi };
}
