/**
 * Starting states for an ETS model, by the heuristic of Hyndman et al. (2008, section 2.6.1) as
 * R's forecast::ets computes it (`initstate`): seasonal indices from a classical decomposition,
 * level and trend from a straight line through the first max(10, 2m) seasonally adjusted values.
 *
 * Why: R then optimises these states with the smoothing parameters. We optimise the level and
 * trend but, by default, keep the seasonal indices from the decomposition: with m = 12 that saves
 * 11 parameters, which is what makes fitting every area x category series of a force in seconds
 * possible, and on 36-48 months of data the decomposition estimates them no worse than the
 * likelihood does (see README.md). The full estimation is available (`seasonalStart: 'estimated'`)
 * and is checked against R's optimum in ets.test.ts.
 */
import { decompose, lineThrough } from '../decompose.js';
import type { EtsState } from './filter.js';
import type { EtsSpec } from './spec.js';

export function initialState(y: readonly number[], spec: EtsSpec, m: number): EtsState {
  let seasonal: number[] = [];
  let adjusted: number[] = [...y];
  if (spec.season !== 'N') {
    const figure = decompose(y, m, spec.season === 'A' ? 'additive' : 'multiplicative').figure;
    if (spec.season === 'M') {
      // As R: no index below 0.01, and rescaled if they then add up to more than m.
      let f = figure.map((v) => Math.max(v, 1e-2));
      const sum = f.reduce((a, b) => a + b, 0);
      if (sum > m) f = f.map((v) => (v / (sum + 1e-2 * m)) * m);
      seasonal = f;
      adjusted = y.map((v, t) => v / Math.max(figure[t % m]!, 1e-2));
    } else {
      seasonal = figure;
      adjusted = y.map((v, t) => v - figure[t % m]!);
    }
  }
  const maxn = Math.min(Math.max(10, 2 * m), adjusted.length);
  const head = adjusted.slice(0, maxn);
  if (spec.trend === 'N') return { level: head.reduce((a, b) => a + b, 0) / maxn, trend: 0, seasonal };
  let { intercept: level, slope: trend } = lineThrough(head);
  if (Math.abs(level + trend) < 1e-8) {
    level *= 1 + 1e-3;
    trend *= 1 - 1e-3;
  }
  return { level, trend, seasonal };
}
