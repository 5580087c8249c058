/**
 * ETS point forecasts and prediction intervals from a final state.
 *
 * Intervals: for the linear models with additive errors (class 1 of Hyndman et al. 2008, ch. 6)
 * the forecast variance is exact, v_h = sigma^2 [1 + sum_{j=1}^{h-1} c_j^2] with
 * c_j = alpha + beta * phi_j + gamma * [j divisible by m], phi_j = phi + ... + phi^j (Table 6.1).
 * For models with a multiplicative error or seasonality no closed form is exact, so, as R's
 * forecast.ets does for them, future paths are simulated from the fitted model (2,000 paths with
 * a fixed seed, so the same data always give the same interval) and the interval ends are the
 * simulated quantiles.
 */
import { normalIntervals } from '../normal.js';
import { quantileSorted } from '../quantile.js';
import { normalSource } from '../random.js';
import type { ForecastPath, Interval } from '../types.js';
import { etsPointForecast, type EtsParameters, type EtsState } from './filter.js';
import { hasClosedFormVariance, type EtsSpec } from './spec.js';

export const SIMULATED_PATHS = 2000;
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
  if (hasClosedFormVariance(spec)) {
    const m = state.seasonal.length;
    const sd: number[] = [];
    let sum = 1;
    let phiJ = 0;
    let power = 1;
    for (let k = 1; k <= h; k++) {
      sd.push(Math.sqrt(sigma2 * sum));
      // c_k for the next horizon
      power *= spec.trend === 'Ad' ? p.phi : 1;
      phiJ += power;
      const c = p.alpha + (spec.trend === 'N' ? 0 : p.beta * phiJ) + (m > 0 && k % m === 0 ? p.gamma : 0);
      sum += c * c;
    }
    return { mean, intervals: normalIntervals(mean, sd, levels) };
  }
  return { mean, intervals: simulatedIntervals(state, spec, p, sigma2, h, levels) };
}

function simulatedIntervals(
  state: EtsState,
  spec: EtsSpec,
  p: EtsParameters,
  sigma2: number,
  h: number,
  levels: readonly number[],
): Interval[] {
  const draw = normalSource(SEED);
  const sigma = Math.sqrt(sigma2);
  const m = state.seasonal.length;
  const paths = Array.from({ length: h }, () => new Float64Array(SIMULATED_PATHS));
  const season = new Float64Array(Math.max(m, 1));
  const phi = spec.trend === 'Ad' ? p.phi : 1;
  const hasTrend = spec.trend !== 'N';
  for (let path = 0; path < SIMULATED_PATHS; path++) {
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
  for (const column of paths) column.sort();
  return levels.map((level) => ({
    level,
    lower: paths.map((c) => quantileSorted(c, (1 - level) / 2)),
    upper: paths.map((c) => quantileSorted(c, 1 - (1 - level) / 2)),
  }));
}
