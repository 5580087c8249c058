/**
 * ETS against R's forecast::ets() on austourists (fixtures/r-ets-austourists.ts gives the source):
 * with R's parameters and states our recursions give R's fitted values, residual variance and
 * forecasts; fitted by us, the likelihood reaches R's optimum.
 */
import { describe, expect, it } from 'vitest';
import { AUSTOURISTS, R_ETS_AUSTOURISTS, type REtsResult } from '../fixtures/r-ets-austourists.js';
import { etsLogLikelihood, etsPass, etsPointForecast, fromRSeasonal, type EtsState } from './filter.js';
import { zFor } from '../normal.js';
import { fitEts } from './fit.js';
import { etsForecast, etsForecastSd, simulateEtsIntervals } from './forecast.js';
import { parseEtsSpec } from './spec.js';

const rState = (r: REtsResult): EtsState => {
  const hasTrend = parseEtsSpec(r.code).trend !== 'N';
  const [level, ...rest] = r.initstate;
  const trend = hasTrend ? rest[0]! : 0;
  return { level: level!, trend, seasonal: fromRSeasonal(hasTrend ? rest.slice(1) : rest) };
};
const rParameters = (r: REtsResult) => ({ alpha: r.alpha, beta: r.beta, gamma: r.gamma, phi: r.phi });
const expectClose = (actual: number, expected: number, relative = 1e-6) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));
/** R's np: smoothing parameters + l (+ b) + m - 1 seasonal states + the variance. */
const rParameterCount = (code: string) => {
  const spec = parseEtsSpec(code);
  return 2 + (spec.trend !== 'N' ? 2 : 0) + (spec.trend === 'Ad' ? 1 : 0) + 1 + 3 + 1;
};
/** R divides the squared errors by n minus the estimated parameters and states (np - 1). */
const rSigma2 = (sse: number, code: string) => sse / (AUSTOURISTS.length - (rParameterCount(code) - 1));

describe('ETS recursions (R forecast::ets on austourists)', () => {
  it.each(R_ETS_AUSTOURISTS.map((r) => [r.code, r] as const))(
    'ETS %s with R parameters gives R fitted values and residual variance',
    (code, r) => {
      const spec = parseEtsSpec(code);
      const pass = etsPass(AUSTOURISTS, spec, rParameters(r), rState(r));
      r.fittedFirst.forEach((f, i) => expectClose(pass.fitted[i]!, f));
      r.fittedLast.forEach((f, i) => expectClose(pass.fitted[AUSTOURISTS.length - 4 + i]!, f));
      expectClose(rSigma2(pass.sumSquaredErrors, code), r.sigma2, 1e-5);
    },
  );

  // Our final states equal R's to 1e-8 for every model, and the forecasts of the additive-
  // seasonal models to 1e-6; for ETS(M,Ad,M) R's stored forecasts exceed the point forecast
  // from R's own final states by up to 3.3e-4 (relative). statsmodels checks them to 1e-3.
  it.each(R_ETS_AUSTOURISTS.filter((r) => r.forecast).map((r) => [r.code, r] as const))(
    'ETS %s with R parameters gives R point forecasts',
    (code, r) => {
      const spec = parseEtsSpec(code);
      const pass = etsPass(AUSTOURISTS, spec, rParameters(r), rState(r));
      etsPointForecast(pass.final, spec, r.phi, 4).forEach((f, i) =>
        expectClose(f, r.forecast![i]!, code === 'MAdM' ? 5e-4 : 1e-6),
      );
    },
  );
});

describe('ETS fitting by maximum likelihood', () => {
  it.each(['AAdA', 'MAdM', 'AAA'])(
    'ETS %s with all states estimated reaches at least the likelihood of R’s optimum',
    (code) => {
      const r = R_ETS_AUSTOURISTS.find((x) => x.code === code)!;
      const spec = parseEtsSpec(code);
      const rLik = etsLogLikelihood(etsPass(AUSTOURISTS, spec, rParameters(r), rState(r)), AUSTOURISTS.length, spec);
      const fit = fitEts(AUSTOURISTS, spec, 4, { seasonalStart: 'estimated', maxEvaluations: 20000, tolerance: 1e-12 });
      if (typeof fit === 'string') throw new Error(fit);
      expect(fit.logLikelihood).toBeGreaterThanOrEqual(rLik - 1e-3);
      expect(fit.parameterCount).toBe(rParameterCount(code));
      const ours = etsPointForecast(
        etsPass(AUSTOURISTS, spec, fit.parameters, fit.initial).final,
        spec,
        fit.parameters.phi,
        4,
      );
      ours.forEach((f, i) => expectClose(f, r.forecast![i]!, 0.03));
    },
  );

  it('with seasonal states from the decomposition stays within 2% of R’s forecasts', () => {
    const r = R_ETS_AUSTOURISTS.find((x) => x.code === 'AAdA')!;
    const spec = parseEtsSpec('AAdA');
    const fit = fitEts(AUSTOURISTS, spec, 4);
    if (typeof fit === 'string') throw new Error(fit);
    const ours = etsPointForecast(
      etsPass(AUSTOURISTS, spec, fit.parameters, fit.initial).final,
      spec,
      fit.parameters.phi,
      4,
    );
    ours.forEach((f, i) => expectClose(f, r.forecast![i]!, 0.02));
  });

  it('keeps the parameters inside R’s usual region', () => {
    for (const code of ['ANA', 'AAdA', 'MNM', 'MAdM']) {
      const fit = fitEts(AUSTOURISTS, parseEtsSpec(code), 4);
      if (typeof fit === 'string') throw new Error(fit);
      const { alpha, beta, gamma, phi } = fit.parameters;
      expect(alpha).toBeGreaterThanOrEqual(1e-4);
      expect(alpha).toBeLessThanOrEqual(0.9999);
      expect(gamma).toBeLessThanOrEqual(1 - alpha);
      if (code.includes('Ad')) {
        expect(beta).toBeLessThanOrEqual(alpha);
        expect(phi).toBeGreaterThanOrEqual(0.8);
        expect(phi).toBeLessThanOrEqual(0.98);
      }
    }
  });

  it('says why a multiplicative model cannot be fitted to a series with a zero', () => {
    const y = AUSTOURISTS.map((v, i) => (i === 10 ? 0 : v));
    expect(fitEts(y, parseEtsSpec('MNM'), 4)).toBe('multiplicative errors need every value above zero');
  });
});

describe('ETS forecast variances', () => {
  it.each(['ANA', 'AAdA', 'MNA', 'MAdA', 'MNM', 'MAdM'])(
    'ETS %s: the closed-form interval agrees with simulated paths to within 5%',
    (code) => {
      const spec = parseEtsSpec(code);
      const fit = fitEts(AUSTOURISTS, spec, 4);
      if (typeof fit === 'string') throw new Error(fit);
      const final = etsPass(AUSTOURISTS, spec, fit.parameters, fit.initial).final;
      const mean = etsPointForecast(final, spec, fit.parameters.phi, 4);
      const sd = etsForecastSd(final, spec, fit.parameters, fit.sigma2, mean);
      const [sim] = simulateEtsIntervals(final, spec, fit.parameters, fit.sigma2, 4, [0.8]);
      for (let k = 0; k < 4; k++) {
        const simulatedHalfWidth = (sim!.upper[k]! - sim!.lower[k]!) / 2;
        expect(Math.abs(simulatedHalfWidth / (zFor(0.8) * sd[k]!) - 1)).toBeLessThan(0.05);
      }
    },
  );

  it('widens the intervals with the horizon and nests the 80% inside the 95%', () => {
    const spec = parseEtsSpec('MAdM');
    const fit = fitEts(AUSTOURISTS, spec, 4);
    if (typeof fit === 'string') throw new Error(fit);
    const final = etsPass(AUSTOURISTS, spec, fit.parameters, fit.initial).final;
    const path = etsForecast(final, spec, fit.parameters, fit.sigma2, 12, [0.8, 0.95]);
    const [i80, i95] = path.intervals;
    for (let k = 0; k < 12; k++) {
      expect(i95!.lower[k]!).toBeLessThan(i80!.lower[k]!);
      expect(i95!.upper[k]!).toBeGreaterThan(i80!.upper[k]!);
      // Relative width grows with the horizon (the seasonal index scales the absolute width); beyond
      // one season the interval is simulated, so allow the simulation's noise (5%).
      const relative = (i: number) => (i95!.upper[i]! - i95!.lower[i]!) / path.mean[i]!;
      if (k >= 1) expect(relative(k)).toBeGreaterThan(relative(k - 1) * (k >= 4 ? 0.95 : 1));
    }
  });
});
