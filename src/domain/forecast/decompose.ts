/**
 * Classical seasonal decomposition by moving averages, as R's `decompose()` computes it.
 *
 * Why: the exponential smoothing models need starting values for their seasonal indices, level
 * and trend, and both R functions we check against (`HoltWinters()` and `ets()`) take them from
 * this decomposition; computing it the same way lets our fits be compared with theirs exactly.
 *
 * Method (Kendall & Stuart; R's stats::decompose): the trend is a centred moving average over one
 * season (weights 1/2m, 1/m, ..., 1/m, 1/2m for an even season length m); the seasonal figure of
 * each position in the season is the mean of (value - trend) (or value / trend) at that position,
 * then centred to sum to 0 (or to average 1).
 */

export type SeasonalForm = 'additive' | 'multiplicative';

export interface Decomposition {
  /** Centred moving average; NaN where the window does not fit (the first and last m/2 points). */
  readonly trend: number[];
  /** Seasonal figure for positions 0..m-1 of the season, position 0 being the first value's. */
  readonly figure: number[];
}

export function decompose(x: readonly number[], m: number, form: SeasonalForm): Decomposition {
  const n = x.length;
  if (m < 2 || n < 2 * m) throw new RangeError(`decompose needs at least two seasons (${2 * m} values), got ${n}`);
  const weights =
    m % 2 === 0 ? [0.5, ...new Array<number>(m - 1).fill(1), 0.5].map((w) => w / m) : new Array<number>(m).fill(1 / m);
  const half = Math.floor(weights.length / 2);
  const trend = new Array<number>(n).fill(Number.NaN);
  for (let t = half; t < n - half; t++) {
    let s = 0;
    for (let k = 0; k < weights.length; k++) s += weights[k]! * x[t - half + k]!;
    trend[t] = s;
  }
  const figure = new Array<number>(m).fill(0);
  for (let i = 0; i < m; i++) {
    let sum = 0;
    let count = 0;
    for (let t = i; t < n; t += m) {
      const tr = trend[t]!;
      if (Number.isNaN(tr)) continue;
      sum += form === 'additive' ? x[t]! - tr : x[t]! / tr;
      count++;
    }
    figure[i] = sum / count;
  }
  const mean = figure.reduce((a, b) => a + b, 0) / m;
  return { trend, figure: figure.map((v) => (form === 'additive' ? v - mean : v / mean)) };
}

/** Least-squares line through (1, y[0]), (2, y[1]), ...: the intercept (value at 0) and slope. */
export function lineThrough(y: readonly number[]): { intercept: number; slope: number } {
  const n = y.length;
  const xMean = (n + 1) / 2;
  const yMean = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  y.forEach((v, i) => {
    sxy += (i + 1 - xMean) * (v - yMean);
    sxx += (i + 1 - xMean) ** 2;
  });
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { intercept: yMean - slope * xMean, slope };
}
