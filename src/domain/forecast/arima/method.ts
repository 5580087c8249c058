/**
 * The seasonal ARIMA forecasting method: fit a small set of candidate orders with the same
 * differencing (one regular and one seasonal difference, so their likelihoods are of the same
 * data and their AICc comparable), keep the smallest AICc.
 *
 * Why these orders: the "airline model" ARIMA(0,1,1)(0,1,1) of Box & Jenkins fits most seasonal
 * count series with a changing level; the two neighbours with an AR term catch month-to-month
 * persistence it misses. A wider search (as R's auto.arima) costs more than it gains on 3-4 years
 * of monthly data, where each extra coefficient is poorly estimated.
 */
import type { FitOutcome, FittedModel, ForecastMethod, ForecastPath } from '../types.js';
import { fitSarima, type SarimaFit } from './fit.js';
import { sarimaForecast, sarimaSamplePaths } from './forecast.js';
import { orderLabel, type SarimaOrder } from './polynomial.js';

export type NonSeasonalOrder = readonly [p: number, q: number, P: number, Q: number];

/** (p, q, P, Q) with d = D = 1. */
export const DEFAULT_SARIMA_ORDERS: readonly NonSeasonalOrder[] = [
  [0, 1, 0, 1],
  [1, 0, 0, 1],
  [1, 1, 0, 1],
];

export function sarimaMethod(orders: readonly NonSeasonalOrder[] = DEFAULT_SARIMA_ORDERS): ForecastMethod {
  return {
    id: 'sarima',
    fit(y: readonly number[], m: number): FitOutcome {
      let best: SarimaFit | undefined;
      const reasons: string[] = [];
      for (const [p, q, P, Q] of orders) {
        const order: SarimaOrder = { p, d: 1, q, P, D: 1, Q, s: m };
        const fit = fitSarima(y, order);
        if (typeof fit === 'string') reasons.push(`${orderLabel(order)}: ${fit}`);
        else if (!best || fit.aicc < best.aicc) best = fit;
      }
      if (!best) return { ok: false, reason: reasons.join('; ') };
      return { ok: true, model: sarimaModel(y, best) };
    },
  };
}

export function sarimaModel(fitted: readonly number[], fit: SarimaFit): FittedModel {
  const c = fit.coefficients;
  const named: Record<string, number> = {};
  c.ar.forEach((v, i) => (named[`ar${i + 1}`] = v));
  c.ma.forEach((v, i) => (named[`ma${i + 1}`] = v));
  c.sar.forEach((v, i) => (named[`sar${i + 1}`] = v));
  c.sma.forEach((v, i) => (named[`sma${i + 1}`] = v));
  named.sigma = Math.sqrt(fit.sigma2);
  return {
    method: 'sarima',
    label: orderLabel(fit.order),
    parameters: named,
    aicc: fit.aicc,
    forecast(h: number, levels: readonly number[], y: readonly number[] = fitted): ForecastPath {
      return sarimaForecast(y, fit, h, levels);
    },
    samplePaths(h: number, n: number, seed: number, y: readonly number[] = fitted): Float64Array[] {
      return sarimaSamplePaths(y, fit, h, n, seed);
    },
    refit(y: readonly number[]) {
      const again = fitSarima(y, fit.order, 'CSS-ML', fit.coefficients);
      return typeof again === 'string' ? { ok: false, reason: again } : { ok: true, model: sarimaModel(y, again) };
    },
  };
}
