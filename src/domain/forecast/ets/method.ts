/**
 * The ETS forecasting method: fit every candidate form, keep the one with the smallest AICc (the
 * rule of R's ets() and of Hyndman et al. 2008, section 7.2), and wrap it as a FittedModel.
 */
import type { FitOutcome, FittedModel, ForecastMethod, ForecastPath } from '../types.js';
import { etsPass } from './filter.js';
import { fitEts, type EtsFit, type EtsFitOptions } from './fit.js';
import { etsForecast, etsSamplePaths } from './forecast.js';
import { DEFAULT_ETS_CANDIDATES, etsLabel, type EtsSpec } from './spec.js';

export interface EtsMethodOptions extends EtsFitOptions {
  readonly candidates?: readonly EtsSpec[];
}

export function etsMethod(options: EtsMethodOptions = {}): ForecastMethod {
  const candidates = options.candidates ?? DEFAULT_ETS_CANDIDATES;
  return {
    id: 'ets',
    fit(y: readonly number[], m: number): FitOutcome {
      let best: EtsFit | undefined;
      const reasons: string[] = [];
      for (const spec of candidates) {
        const fit = fitEts(y, spec, m, options);
        if (typeof fit === 'string') reasons.push(`${etsLabel(spec)}: ${fit}`);
        else if (!best || fit.aicc < best.aicc) best = fit;
      }
      if (!best) return { ok: false, reason: reasons.join('; ') };
      return { ok: true, model: etsModel(y, best, options) };
    },
  };
}

/** A fitted ETS model as the backtest and the forecast use it. */
export function etsModel(fitted: readonly number[], fit: EtsFit, options: EtsFitOptions = {}): FittedModel {
  const { spec, parameters, initial, sigma2 } = fit;
  const trainFinal = etsPass(fitted, spec, parameters, initial).final;
  return {
    method: 'ets',
    label: etsLabel(spec),
    parameters: {
      alpha: parameters.alpha,
      ...(spec.trend !== 'N' ? { beta: parameters.beta } : {}),
      ...(spec.season !== 'N' ? { gamma: parameters.gamma } : {}),
      ...(spec.trend === 'Ad' ? { phi: parameters.phi } : {}),
      sigma: Math.sqrt(sigma2),
    },
    aicc: fit.aicc,
    forecast(h: number, levels: readonly number[], y: readonly number[] = fitted): ForecastPath {
      const final = y === fitted ? trainFinal : etsPass(y, spec, parameters, initial).final;
      return etsForecast(final, spec, parameters, sigma2, h, levels);
    },
    samplePaths(h: number, n: number, seed: number, y: readonly number[] = fitted): Float64Array[] {
      const final = y === fitted ? trainFinal : etsPass(y, spec, parameters, initial).final;
      return etsSamplePaths(final, spec, parameters, sigma2, h, n, seed);
    },
    refit(y: readonly number[]) {
      const again = fitEts(y, spec, fit.m, { ...options, start: parameters });
      return typeof again === 'string'
        ? { ok: false, reason: again }
        : { ok: true, model: etsModel(y, again, options) };
    },
  };
}
