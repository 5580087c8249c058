/**
 * Fits a seasonal ARIMA model as R's arima() does by default ("CSS-ML"): conditional sum of
 * squares for starting values, then exact maximum likelihood (Nelder-Mead over the transformed
 * coefficients; R uses BFGS) on the differenced series.
 */
import { nelderMead } from '../optimise/nelder-mead.js';
import { armaLogLikelihood, conditionalSumOfSquares, filterArma } from './kalman.js';
import { fromInvertible, fromStationary, toInvertible, toStationary } from './partrans.js';
import { difference, differencingWeights, expandAr, expandMa, type SarimaOrder } from './polynomial.js';

export type ArimaMethod = 'CSS-ML' | 'CSS' | 'ML';

export interface SarimaCoefficients {
  readonly ar: number[];
  readonly ma: number[];
  readonly sar: number[];
  readonly sma: number[];
}

export interface SarimaFit {
  readonly order: SarimaOrder;
  readonly coefficients: SarimaCoefficients;
  /** Innovation variance: sum of squared standardised one-step errors / observations used. */
  readonly sigma2: number;
  /** Exact log-likelihood ("part" likelihood for CSS), as R reports it. */
  readonly logLikelihood: number;
  readonly aicc: number;
  /** Observations of the differenced series used (R's n.used / nobs). */
  readonly n: number;
}

const RAW_BOUND = 7; // tanh(7) = 0.999998: operators may approach, not reach, the unit circle

/**
 * `start`: coefficients to start from (a previous fit of the same order, when refitting on a
 * longer series); the conditional sum of squares step is then skipped.
 */
export function fitSarima(
  y: readonly number[],
  order: SarimaOrder,
  method: ArimaMethod = 'CSS-ML',
  start?: SarimaCoefficients,
): SarimaFit | string {
  const weights = differencingWeights(order.d, order.D, order.s);
  const w = difference(y, weights);
  const k = order.p + order.q + order.P + order.Q;
  if (w.length < k + 1 + order.p + order.s * order.P + 3)
    return `too few values after differencing (${w.length}) for ${k} coefficients`;
  const decode = (x: readonly number[]): SarimaCoefficients => {
    let i = 0;
    const take = (n: number) => x.slice(i, (i += n));
    return {
      ar: toStationary(take(order.p)),
      ma: toInvertible(take(order.q)),
      sar: toStationary(take(order.P)),
      sma: toInvertible(take(order.Q)),
    };
  };
  const expand = (c: SarimaCoefficients) => ({
    phi: expandAr(c.ar, c.sar, order.s),
    theta: expandMa(c.ma, c.sma, order.s),
  });
  const bounds = { lower: new Array<number>(k).fill(-RAW_BOUND), upper: new Array<number>(k).fill(RAW_BOUND) };

  const css = (x: readonly number[]) => {
    const { phi, theta } = expand(decode(x));
    const r = conditionalSumOfSquares(w, phi, theta);
    return 0.5 * Math.log(r.sumSquares / r.n);
  };
  let x = new Array<number>(k).fill(0);
  if (start) x = reproject(start);
  else if (method !== 'ML' && k > 0)
    x = nelderMead(css, x, { ...bounds, initialStep: 0.02, fTolerance: 1e-7, xTolerance: 1e-4 }).x;
  if (method === 'CSS') {
    const { phi, theta } = expand(decode(x));
    const r = conditionalSumOfSquares(w, phi, theta);
    const sigma2 = r.sumSquares / r.n;
    const logLikelihood = -0.5 * r.n * (Math.log(2 * Math.PI * sigma2) + 1);
    return result(decode(x), sigma2, logLikelihood, r.n);
  }
  // Exact ML from the CSS estimates, re-projected onto the interior in case CSS left it.
  x = reproject(decode(x));
  const negLik = (z: readonly number[]) => {
    const { phi, theta } = expand(decode(z));
    return -armaLogLikelihood(filterArma(w, phi, theta));
  };
  // Tolerances: a relative 1e-8 of the log-likelihood is far below what changes a forecast; R's ML
  // fits of USAccDeaths are reproduced to every printed digit with it (arima.test.ts).
  if (k > 0)
    x = nelderMead(negLik, x, { ...bounds, initialStep: 0.01, fTolerance: 1e-8, xTolerance: 1e-4, restarts: 1 }).x;
  const coefficients = decode(x);
  const { phi, theta } = expand(coefficients);
  const f = filterArma(w, phi, theta);
  return result(coefficients, f.sumSquares / f.n, armaLogLikelihood(f), f.n);

  function result(coefficients: SarimaCoefficients, sigma2: number, logLikelihood: number, n: number): SarimaFit {
    const params = k + 1;
    const aic = -2 * logLikelihood + 2 * params;
    const aicc = n - params - 1 > 0 ? aic + (2 * params * (params + 1)) / (n - params - 1) : Infinity;
    return { order, coefficients, sigma2, logLikelihood, aicc, n };
  }
}

function reproject(c: SarimaCoefficients): number[] {
  const clip = (v: number) => Math.max(-RAW_BOUND, Math.min(RAW_BOUND, v));
  return [...fromStationary(c.ar), ...fromInvertible(c.ma), ...fromStationary(c.sar), ...fromInvertible(c.sma)].map(
    clip,
  );
}
