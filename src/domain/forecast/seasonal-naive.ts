/**
 * The seasonal naive forecast: next January will be like last January. Every model must beat it
 * in the backtest to be used (Hyndman & Athanasopoulos, "Forecasting: Principles and Practice",
 * 2nd ed., section 3.1; the benchmark of the M-competitions).
 *
 * Intervals: sigma is the root mean square of the in-sample seasonal differences y_t - y_{t-m},
 * and the h-step standard deviation is sigma * sqrt(k + 1), k the number of whole seasons before
 * step h (FPP2 Table 3.8, as R's snaive()).
 */
import { normalIntervals } from './normal.js';
import { normalSource } from './random.js';
import type { FitOutcome, FittedModel, ForecastMethod, ForecastPath } from './types.js';

export function seasonalNaiveMethod(): ForecastMethod {
  const method: ForecastMethod = {
    id: 'seasonal-naive',
    fit(y: readonly number[], m: number): FitOutcome {
      if (y.length < m + 1) return { ok: false, reason: `seasonal naive needs more than one season (${m} values)` };
      const sigma = seasonalDifferenceRms(y, m);
      const model: FittedModel = {
        method: 'seasonal-naive',
        label: 'Seasonal naive',
        parameters: { sigma },
        aicc: null,
        forecast(h: number, levels: readonly number[], data: readonly number[] = y): ForecastPath {
          const n = data.length;
          const mean: number[] = [];
          const sd: number[] = [];
          for (let k = 1; k <= h; k++) {
            const seasonsBack = Math.floor((k - 1) / m) + 1;
            mean.push(data[n + k - 1 - seasonsBack * m]!);
            sd.push(sigma * Math.sqrt(seasonsBack));
          }
          return { mean, intervals: normalIntervals(mean, sd, levels) };
        },
        // A path repeats the last season with a new error each year on top of the year before's
        // (a seasonal random walk), so step k has sd sigma * sqrt(whole seasons + 1), as above.
        samplePaths(h: number, n: number, seed: number, data: readonly number[] = y): Float64Array[] {
          const draw = normalSource(seed);
          const last = data.length;
          const paths = Array.from({ length: h }, () => new Float64Array(n));
          for (let path = 0; path < n; path++)
            for (let k = 0; k < h; k++)
              paths[k]![path] = (k < m ? data[last + k - m]! : paths[k - m]![path]!) + sigma * draw();
          return paths;
        },
        refit: (data) => method.fit(data, m),
      };
      return { ok: true, model };
    },
  };
  return method;
}

export function seasonalDifferenceRms(y: readonly number[], m: number): number {
  let ss = 0;
  for (let t = m; t < y.length; t++) ss += (y[t]! - y[t - m]!) ** 2;
  return Math.sqrt(ss / (y.length - m));
}
