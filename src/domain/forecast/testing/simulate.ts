/**
 * Seeded simulated series where the truth is known, for tests of the forecasts' properties
 * (interval coverage, model choice, level-shift detection). Never Math.random: a failing seed
 * must fail again.
 */
import { poissonSampler } from '../../stats/testing/poisson-sample.js';
import { normalSource } from '../random.js';

/** Seasonal factors averaging 1, summer-high like violence or ASB. */
export const SUMMER_PEAK = [0.85, 0.85, 0.95, 1, 1.05, 1.1, 1.2, 1.15, 1, 0.95, 0.9, 1];

/**
 * ETS(A,N,A) paths: level and seasonal states evolving with Gaussian innovations,
 * y_t = l_{t-1} + s_{t-m} + e_t, l_t = l_{t-1} + alpha e_t, s_t = s_{t-m} + gamma e_t.
 */
export function simulateAna(
  seed: number,
  n: number,
  options: { level: number; seasonal: readonly number[]; alpha: number; gamma: number; sigma: number },
): number[] {
  const draw = normalSource(seed);
  const m = options.seasonal.length;
  const season = [...options.seasonal];
  let level = options.level;
  const y: number[] = [];
  for (let t = 0; t < n; t++) {
    const e = options.sigma * draw();
    const s = season[t % m]!;
    y.push(level + s + e);
    level += options.alpha * e;
    season[t % m] = s + options.gamma * e;
  }
  return y;
}

/** Independent Poisson counts around mean * season[t mod m] * (1 + growth)^(t/m). */
export function simulatePoissonSeasonal(
  seed: number,
  n: number,
  options: { mean: number; seasonal?: readonly number[]; growth?: number },
): number[] {
  const sample = poissonSampler(seed);
  const season = options.seasonal ?? SUMMER_PEAK;
  const m = season.length;
  return Array.from({ length: n }, (_, t) =>
    sample(options.mean * season[t % m]! * (1 + (options.growth ?? 0)) ** (t / m)),
  );
}
