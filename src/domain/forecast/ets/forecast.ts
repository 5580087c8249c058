/**
 * ETS point forecasts and prediction intervals from a final state.
 *
 * Forecast variances (Hyndman, Koehler, Ord & Snyder 2008, ch. 6), with
 * c_j = alpha + beta * phi_j + gamma * [j divisible by m] and phi_j = phi + ... + phi^j:
 *  - class 1 (additive errors, no multiplicative seasonality): v_h = sigma^2 [1 + sum_{j<h} c_j^2];
 *  - class 2 (multiplicative errors, no multiplicative seasonality): v_h = (1 + sigma^2) theta_h -
 *    mu_h^2, theta_1 = mu_1^2, theta_h = mu_h^2 + sigma^2 sum_{j<h} c_j^2 theta_{h-j};
 *  - multiplicative errors and seasonality (class 3), up to one season ahead: the seasonal indices
 *    used by the forecasts are all known at the origin and their own updates do not reach the
 *    level before a season has passed, so y_{n+h} is the known index times a class-2 model without
 *    seasonality (c_j = alpha + beta * phi_j): v_h = s^2 v_h(class 2). Exact, not an approximation.
 * Beyond one season for class 3, and for additive errors with multiplicative seasonality, no closed
 * form holds; as R's forecast.ets can, future paths are simulated from the fitted model (5,000
 * paths, fixed seed, so the same data always give the same interval) and the interval ends are
 * the simulated quantiles. Closed-form intervals are normal (mean +- z sqrt(v_h)), as R's.
 */
import { normalIntervals } from '../normal.js';
import { quantileSorted } from '../quantile.js';
import { normalSource } from '../random.js';
import type { ForecastPath, Interval } from '../types.js';
import { etsPointForecast, type EtsParameters, type EtsState } from './filter.js';
import type { EtsSpec } from './spec.js';

export const SIMULATED_PATHS = 5000;
const SEED = 20240517;

export function etsForecast(
  state: EtsState,
  spec: EtsSpec,
  p: EtsParameters,
  sigma2: number,
  h: number,
  levels: readonly number[],
): ForecastPath {
  const mean = etsPointForecast(state, spec, p.phi, h);
  const m = state.seasonal.length;
  const closedForm = spec.season !== 'M' || (spec.error === 'M' && h <= m);
  if (!closedForm) return { mean, intervals: simulatedIntervals(state, spec, p, sigma2, h, levels) };
  return { mean, intervals: normalIntervals(mean, etsForecastSd(state, spec, p, sigma2, mean), levels) };
}

/** Closed-form forecast standard deviations (see the module comment for where each applies). */
export function etsForecastSd(
  state: EtsState,
  spec: EtsSpec,
  p: EtsParameters,
  sigma2: number,
  mean: readonly number[],
): number[] {
  const h = mean.length;
  const m = state.seasonal.length;
  const seasonalInC = spec.season === 'A';
  const c: number[] = [0]; // c[j] for j = 1..h-1
  let phiJ = 0;
  let power = 1;
  for (let j = 1; j < h; j++) {
    power *= spec.trend === 'Ad' ? p.phi : 1;
    phiJ += power;
    c.push(p.alpha + (spec.trend === 'N' ? 0 : p.beta * phiJ) + (seasonalInC && j % m === 0 ? p.gamma : 0));
  }
  if (spec.error === 'A') {
    const sd: number[] = [];
    let sum = 1;
    for (let k = 1; k <= h; k++) {
      sd.push(Math.sqrt(sigma2 * sum));
      if (k < h) sum += c[k]! ** 2;
    }
    return sd;
  }
  // Class 2 on the seasonally adjusted scale when the seasonality is multiplicative.
  const index = (k: number) => (spec.season === 'M' ? state.seasonal[(k - 1) % m]! : 1);
  const mu = mean.map((v, i) => v / index(i + 1));
  const theta: number[] = [];
  const sd: number[] = [];
  for (let k = 1; k <= h; k++) {
    let t = mu[k - 1]! ** 2;
    for (let j = 1; j < k; j++) t += sigma2 * c[j]! ** 2 * theta[k - j - 1]!;
    theta.push(t);
    const v = (1 + sigma2) * t - mu[k - 1]! ** 2;
    sd.push(index(k) * Math.sqrt(Math.max(v, 0)));
  }
  return sd;
}

function simulatedIntervals(
  state: EtsState,
  spec: EtsSpec,
  p: EtsParameters,
  sigma2: number,
  h: number,
  levels: readonly number[],
): Interval[] {
  const paths = etsSamplePaths(state, spec, p, sigma2, h, SIMULATED_PATHS, SEED);
  for (const column of paths) column.sort();
  return levels.map((level) => ({
    level,
    lower: paths.map((c) => quantileSorted(c, (1 - level) / 2)),
    upper: paths.map((c) => quantileSorted(c, 1 - (1 - level) / 2)),
  }));
}

/**
 * `n` future sample paths of the model from its final state, by its own state equations with
 * seeded normal errors: column k holds step k+1 of every path (paths[k][path]).
 */
export function etsSamplePaths(
  state: EtsState,
  spec: EtsSpec,
  p: EtsParameters,
  sigma2: number,
  h: number,
  n: number,
  seed: number,
): Float64Array[] {
  const draw = normalSource(seed);
  const sigma = Math.sqrt(sigma2);
  const m = state.seasonal.length;
  const paths = Array.from({ length: h }, () => new Float64Array(n));
  const season = new Float64Array(Math.max(m, 1));
  const phi = spec.trend === 'Ad' ? p.phi : 1;
  const hasTrend = spec.trend !== 'N';
  for (let path = 0; path < n; path++) {
    let level = state.level;
    let trend = hasTrend ? state.trend : 0;
    for (let k = 0; k < m; k++) season[k] = state.seasonal[k]!;
    let head = 0;
    for (let k = 0; k < h; k++) {
      const phib = phi * trend;
      const q = level + phib;
      const s = m > 0 ? season[head]! : 0;
      const f = spec.season === 'A' ? q + s : spec.season === 'M' ? q * s : q;
      const e = sigma * draw();
      const yk = spec.error === 'M' ? f * (1 + e) : f + e;
      paths[k]![path] = yk;
      const deseasoned = spec.season === 'A' ? yk - s : spec.season === 'M' ? yk / s : yk;
      const newLevel = q + p.alpha * (deseasoned - q);
      if (hasTrend) trend = phib + (p.beta / p.alpha) * (newLevel - level - phib);
      if (m > 0) {
        const t = spec.season === 'A' ? yk - q : yk / q;
        season[head] = s + p.gamma * (t - s);
        head = (head + 1) % m;
      }
      level = newLevel;
    }
  }
  return paths;
}

/** Simulated intervals for any model (used by tests to check the closed forms). */
export const simulateEtsIntervals = simulatedIntervals;
