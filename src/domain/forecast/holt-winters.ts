/**
 * Classic Holt-Winters seasonal smoothing fitted by least squares, computed as R's
 * `stats::HoltWinters()` does, so published R results can check it.
 *
 * Why: Holt-Winters is the forecasting method analysts know by name. It is kept as a method of
 * its own (`holt-winters`) beside the state-space ETS models, which have likelihoods and proper
 * prediction intervals and are the default; this one reproduces R exactly and validates the
 * optimiser and the decomposition start values on R's own examples.
 *
 * Method (R, src/library/stats/R/HoltWinters.R and src/HoltWinters.c): start values from a
 * classical decomposition of the first two seasons (level and trend from a line through its
 * moving-average trend, seasonal indices its figure); filtering starts at observation m + 1;
 * alpha, beta and gamma in [0, 1] minimise the sum of squared one-step errors. R uses L-BFGS-B
 * from (0.3, 0.1, 0.1); we use Nelder-Mead in the same box, which reaches the same minimum on
 * R's examples (see holt-winters.test.ts).
 * Prediction intervals follow R's predict.HoltWinters (Yar & Chatfield 1990 for additive
 * seasonality): var(h) = var(residuals) * (1 + sum_{j<h} psi_j^2), psi_j = alpha (1 + j beta) +
 * gamma (1 - alpha) [j divisible by m]; for multiplicative seasonality each psi_j is scaled by the
 * ratio of the seasonal indices, as R does (with the index of the same season where R's code
 * reads the trend coefficient by mistake).
 */
import { decompose, lineThrough, type SeasonalForm } from './decompose.js';
import { normalIntervals } from './normal.js';
import { nelderMead } from './optimise/nelder-mead.js';
import type { FitOutcome, FittedModel, ForecastPath } from './types.js';

export interface HoltWintersParameters {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
}

export interface HoltWintersStart {
  readonly level: number;
  readonly trend: number;
  readonly seasonal: readonly number[];
}

export interface HoltWintersRun {
  readonly sse: number;
  /** Final level (R's coefficient a), trend (b) and the next m seasonal indices (s1..sm). */
  readonly level: number;
  readonly trend: number;
  readonly seasonal: number[];
  /** One-step errors from observation m + 1 on. */
  readonly residuals: number[];
}

/** R's start values: decomposition of the first two seasons. */
export function holtWintersStart(y: readonly number[], m: number, form: SeasonalForm): HoltWintersStart {
  const d = decompose(y.slice(0, 2 * m), m, form);
  const line = lineThrough(d.trend.filter((v) => !Number.isNaN(v)));
  return { level: line.intercept, trend: line.slope, seasonal: d.figure };
}

/** The filter of R's C_HoltWinters, from observation m + 1 (index m) to the end. */
export function runHoltWinters(
  y: readonly number[],
  m: number,
  form: SeasonalForm,
  p: HoltWintersParameters,
  start: HoltWintersStart,
): HoltWintersRun {
  let level = start.level;
  let trend = start.trend;
  const season = [...start.seasonal]; // season[k] is the index used k steps ahead
  const residuals: number[] = [];
  let sse = 0;
  for (let i = m; i < y.length; i++) {
    const s = season.shift()!;
    const xhat = form === 'additive' ? level + trend + s : (level + trend) * s;
    const res = y[i]! - xhat;
    residuals.push(res);
    sse += res * res;
    const previous = level;
    level = p.alpha * (form === 'additive' ? y[i]! - s : y[i]! / s) + (1 - p.alpha) * (level + trend);
    trend = p.beta * (level - previous) + (1 - p.beta) * trend;
    season.push(p.gamma * (form === 'additive' ? y[i]! - level : y[i]! / level) + (1 - p.gamma) * s);
  }
  return { sse, level, trend, seasonal: season, residuals };
}

export function fitHoltWinters(y: readonly number[], m: number, form: SeasonalForm): FitOutcome {
  if (y.length < 2 * m + 2) return { ok: false, reason: `Holt-Winters needs at least ${2 * m + 2} values` };
  if (form === 'multiplicative' && y.some((v) => v <= 0))
    return { ok: false, reason: 'multiplicative Holt-Winters needs every value above zero' };
  const start = holtWintersStart(y, m, form);
  const sse = (x: readonly number[]) =>
    runHoltWinters(y, m, form, { alpha: x[0]!, beta: x[1]!, gamma: x[2]! }, start).sse;
  const best = nelderMead(sse, [0.3, 0.1, 0.1], {
    lower: [0, 0, 0],
    upper: [1, 1, 1],
    fTolerance: 1e-12,
    xTolerance: 1e-8,
    maxEvaluations: 3000,
  });
  const p = { alpha: best.x[0]!, beta: best.x[1]!, gamma: best.x[2]! };
  return { ok: true, model: holtWintersModel(y, m, form, p, start) };
}

function holtWintersModel(
  fitted: readonly number[],
  m: number,
  form: SeasonalForm,
  p: HoltWintersParameters,
  start: HoltWintersStart,
): FittedModel {
  const trainRun = runHoltWinters(fitted, m, form, p, start);
  const variance = sampleVariance(trainRun.residuals);
  return {
    method: 'holt-winters',
    label: `Holt-Winters (${form})`,
    parameters: { ...p, sigma: Math.sqrt(variance) },
    aicc: null,
    forecast(h: number, levels: readonly number[], y: readonly number[] = fitted): ForecastPath {
      const run = y === fitted ? trainRun : runHoltWinters(y, m, form, p, start);
      return forecastHoltWinters(run, m, form, p, variance, h, levels);
    },
    refit: (y) => fitHoltWinters(y, m, form),
  };
}

export function forecastHoltWinters(
  run: HoltWintersRun,
  m: number,
  form: SeasonalForm,
  p: HoltWintersParameters,
  variance: number,
  h: number,
  levels: readonly number[],
): ForecastPath {
  const mean: number[] = [];
  const sd: number[] = [];
  const psi = (j: number) => p.alpha * (1 + j * p.beta) + (j % m === 0 ? p.gamma * (1 - p.alpha) : 0);
  for (let k = 1; k <= h; k++) {
    const s = run.seasonal[(k - 1) % m]!;
    mean.push(form === 'additive' ? run.level + k * run.trend + s : (run.level + k * run.trend) * s);
    let sum = 0;
    if (form === 'additive') {
      sum = 1;
      for (let j = 1; j < k; j++) sum += psi(j) ** 2;
    } else {
      const rel = (k - 1) % m;
      for (let j = 0; j < k; j++) {
        const ratio = run.seasonal[rel]! / run.seasonal[(((rel - j) % m) + m) % m]!;
        sum += (psi(j) * ratio) ** 2;
      }
    }
    sd.push(Math.sqrt(variance * sum));
  }
  return { mean, intervals: normalIntervals(mean, sd, levels) };
}

function sampleVariance(x: readonly number[]): number {
  const mean = x.reduce((a, b) => a + b, 0) / x.length;
  return x.reduce((a, v) => a + (v - mean) ** 2, 0) / (x.length - 1);
}
