/**
 * Seasonal ARIMA against R's published results for the airline model on USAccDeaths, printed in
 * R's saved example output tests/Examples/stats-Ex.Rout.save (github.com/wch/r-source), examples
 * of ?arima and ?predict.Arima:
 *   arima(USAccDeaths, order = c(0,1,1), seasonal = list(order = c(0,1,1)))
 *     ma1 -0.4303, sma1 -0.5528, sigma^2 99347, log likelihood -425.44, aic 856.88
 *   ... method = "CSS": ma1 -0.3732, sma1 -0.4549, sigma^2 110330, part log likelihood -426.25
 *   predict(fit, n.ahead = 6): 8336.1 7531.8 8314.6 8616.9 9488.9 9859.8,
 *     se 315.45 363.01 405.02 443.06 478.09 510.72
 */
import { describe, expect, it } from 'vitest';
import { US_ACC_DEATHS } from '../fixtures/r-datasets.js';
import { zFor } from '../normal.js';
import { fitSarima } from './fit.js';
import { sarimaForecast } from './forecast.js';
import { stationaryCovariance } from './kalman.js';
import { differencingWeights, expandAr, expandMa, integrationWeights } from './polynomial.js';

const airline = { p: 0, d: 1, q: 1, P: 0, D: 1, Q: 1, s: 12 } as const;
const within = (actual: number, expected: number, tolerance: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance);

describe('seasonal ARIMA (R arima on USAccDeaths)', () => {
  const ml = fitSarima(US_ACC_DEATHS, airline);
  if (typeof ml === 'string') throw new Error(ml);

  it('estimates the airline model by exact ML as R: ma1 -0.4303, sma1 -0.5528', () => {
    // R prints 4 decimals: agreement to the last printed digit.
    within(ml.coefficients.ma[0]!, -0.4303, 1e-4);
    within(ml.coefficients.sma[0]!, -0.5528, 1e-4);
    // R's sigma^2 comes from its diffuse-prior filter of the undifferenced series: 0.006% apart.
    within(ml.sigma2, 99347, 10);
    within(ml.logLikelihood, -425.44, 0.005);
    within(-2 * ml.logLikelihood + 2 * 3, 856.88, 0.01);
    expect(ml.n).toBe(59);
  });

  it('estimates it by conditional sum of squares as R: ma1 -0.3732, sma1 -0.4549', () => {
    const css = fitSarima(US_ACC_DEATHS, airline, 'CSS');
    if (typeof css === 'string') throw new Error(css);
    within(css.coefficients.ma[0]!, -0.3732, 1e-4);
    within(css.coefficients.sma[0]!, -0.4549, 1e-4);
    within(css.sigma2, 110330, 1);
    within(css.logLikelihood, -426.25, 0.005);
  });

  it('forecasts six months as R predict.Arima, with the same standard errors', () => {
    const path = sarimaForecast(US_ACC_DEATHS, ml, 6, [0.95]);
    const rMean = [8336.1, 7531.8, 8314.6, 8616.9, 9488.9, 9859.8];
    const rSe = [315.45, 363.01, 405.02, 443.06, 478.09, 510.72];
    path.mean.forEach((m, i) => within(m, rMean[i]!, 0.05));
    const [i95] = path.intervals;
    i95!.upper.forEach((u, i) => within((u - path.mean[i]!) / zFor(0.95), rSe[i]!, 0.02));
  });
});

describe('seasonal ARIMA building blocks', () => {
  it('expands (1 - 0.5B)(1 - 0.3B^4) and (1 + 0.4B)(1 + 0.2B^4) as R does', () => {
    expect(expandAr([0.5], [0.3], 4)).toEqual([0.5, 0, 0, 0.3, -0.15]);
    expect(expandMa([0.4], [0.2], 4).map((v) => +v.toFixed(10))).toEqual([0.4, 0, 0, 0.2, 0.08]);
  });

  it('writes (1 - B)(1 - B^4) as 1 - B - B^4 + B^5 and inverts it into cumulative weights', () => {
    expect(differencingWeights(1, 1, 4)).toEqual([1, 0, 0, 1, -1]);
    // 1 / (1 - B) = 1 + B + B^2 + ...
    expect(integrationWeights(differencingWeights(1, 0, 12), 4)).toEqual([1, 1, 1, 1]);
  });

  it('gives an AR(1) the stationary variance 1 / (1 - phi^2)', () => {
    const p = stationaryCovariance([0.6], []);
    expect(p[0]).toBeCloseTo(1 / (1 - 0.36), 10);
  });

  it('gives an MA(1) the variance 1 + theta^2 and lag-one covariance theta', () => {
    const p = stationaryCovariance([], [0.7]);
    expect(p[0]).toBeCloseTo(1 + 0.49, 12);
    expect(p[1]).toBeCloseTo(0.7, 12);
  });
});
