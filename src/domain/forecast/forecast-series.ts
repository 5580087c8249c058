/**
 * `forecastSeries`: screen a series, backtest every method against the seasonal naive benchmark,
 * choose the most accurate, and forecast with it; or refuse, saying why.
 *
 * Why choose by backtest and not by a likelihood criterion: AICc ranks models within one family on
 * one likelihood; it cannot compare ETS with ARIMA (ARIMA's likelihood is of the differenced
 * series) or either with the seasonal naive, and it says nothing about whether the intervals are
 * honest. The backtest measures exactly what the reader will rely on: how far off forecasts were
 * (MASE) and how often the intervals held the truth (coverage). A forecast is always given with
 * those figures, and `beatsSeasonalNaive` says whether any model earned its place; when none did,
 * the seasonal naive forecast itself is returned, so the caller can decide not to show it.
 */
import { backtest, DEFAULT_HORIZON, DEFAULT_WINDOW, type MethodBacktest } from './backtest.js';
import { sarimaMethod } from './arima/method.js';
import { etsMethod } from './ets/method.js';
import { seasonalNaiveMethod } from './seasonal-naive.js';
import { periodLabel, seasonLength, type CountSeries } from './series.js';
import { screenSeries, type Refusal, type ScreenOptions, type ShiftFound } from './screen.js';
import type { FittedModel, ForecastMethod, MethodId } from './types.js';
import { quantileSorted } from './quantile.js';

/** Sample paths behind the total's interval, and their seed (fixed: the same data give the same interval). */
export const TOTAL_PATHS = 5000;
export const TOTAL_SEED = 20261208;

export interface ForecastOptions extends ScreenOptions {
  /** Steps ahead (default 12). */
  readonly horizon?: number;
  /** Methods competing with the benchmark (default ETS and seasonal ARIMA). */
  readonly methods?: readonly ForecastMethod[];
  readonly refit?: 'once' | 'each-origin';
  /** Sample paths for the total's interval (default TOTAL_PATHS; 0 leaves the total out). */
  readonly totalPaths?: number;
}

/**
 * The total over the forecast periods (next year's expected volume) with 80% and 95% intervals
 * read from simulated sample paths of the chosen model: the monthly errors of one path are
 * correlated (a high month is followed by high months), so neither adding the monthly interval
 * ends (too wide) nor treating the months as independent (too narrow) gives the total's range.
 */
export interface PeriodTotal {
  readonly periods: number;
  readonly mean: number;
  readonly interval80: { readonly lower: number; readonly upper: number };
  readonly interval95: { readonly lower: number; readonly upper: number };
  readonly paths: number;
  readonly seed: number;
}

export interface ForecastInterval {
  readonly lower: number[];
  readonly upper: number[];
}

export interface SeriesForecast {
  readonly status: 'forecast';
  readonly method: MethodId;
  readonly model: string;
  readonly parameters: Readonly<Record<string, number>>;
  /** True when the chosen model's backtest MASE is below the seasonal naive's. */
  readonly beatsSeasonalNaive: boolean;
  readonly backtest: {
    readonly window: number;
    readonly horizon: number;
    readonly refit: 'once' | 'each-origin';
    readonly chosen: MethodBacktest;
    readonly seasonalNaive: MethodBacktest;
    readonly candidates: readonly MethodBacktest[];
  };
  /** First period the model was trained on (later than the series start after a level shift). */
  readonly trainedFrom: string;
  readonly levelShifts: readonly ShiftFound[];
  readonly periods: string[];
  readonly mean: number[];
  readonly interval80: ForecastInterval;
  readonly interval95: ForecastInterval;
  /** The total over the periods with its simulated intervals; null when the model cannot simulate. */
  readonly total: PeriodTotal | null;
  /** Things the reader should know (e.g. lower bounds raised to zero). */
  readonly notes: string[];
}

export interface RefusedForecast {
  readonly status: 'refused';
  readonly refusal: Refusal;
}

export type ForecastResult = SeriesForecast | RefusedForecast;

export function forecastSeries(series: CountSeries, options: ForecastOptions = {}): ForecastResult {
  const screened = screenSeries(series, options);
  if (!screened.ok) return { status: 'refused', refusal: screened.refusal };
  const y = screened.values;
  const from = screened.from;
  const m = seasonLength(series.frequency);
  const horizon = options.horizon ?? DEFAULT_HORIZON;
  const window = options.window ?? DEFAULT_WINDOW;
  const refit = options.refit ?? 'once';
  const benchmark = seasonalNaiveMethod();
  const methods = [benchmark, ...(options.methods ?? [etsMethod(), sarimaMethod()])];
  const scores = backtest(y, m, methods, { window, horizon, refit });
  const naive = scores[0]!;
  let chosenIndex = 0;
  scores.forEach((s, i) => {
    if (s.status === 'scored' && s.mase < scores[chosenIndex]!.mase) chosenIndex = i;
  });
  const method = methods[chosenIndex]!;
  const fit = method.fit(y, m);
  // A model that fitted in the backtest but not on the whole series falls back to the benchmark,
  // which cannot fail on a screened series.
  const final: FittedModel = fit.ok ? fit.model : fitOrThrow(benchmark, y, m);
  const path = final.forecast(horizon, [0.8, 0.95]);
  const notes: string[] = screened.shifts.map((s) => `data before ${s.at} left out: ${s.message}`);
  const nonNegative = y.every((v) => v >= 0);
  const [i80, i95] = path.intervals;
  const floor = (v: number[]) => (nonNegative ? v.map((x) => Math.max(0, x)) : v);
  if (nonNegative && [...i80!.lower, ...i95!.lower].some((v) => v < 0))
    notes.push('lower bounds below zero were raised to zero: counts cannot be negative');
  if (!fit.ok) notes.push(`${method.id} could not be fitted to the whole series (${fit.reason}); seasonal naive used`);
  const chosen = scores[chosenIndex]!;
  if (chosen.coverage95 < 0.8)
    notes.push(
      `in the backtest only ${Math.round(chosen.coverage95 * 100)}% of actual values fell inside the 95% interval: treat the interval as too narrow`,
    );
  const mean = floor(path.mean);
  const total = periodTotal(final, horizon, options.totalPaths ?? TOTAL_PATHS, nonNegative, mean);
  return {
    status: 'forecast',
    method: final.method,
    model: final.label,
    parameters: final.parameters,
    beatsSeasonalNaive: chosenIndex !== 0 && chosen.mase < naive.mase,
    backtest: { window, horizon, refit, chosen, seasonalNaive: naive, candidates: scores },
    trainedFrom: periodLabel(series, from),
    levelShifts: screened.shifts,
    periods: Array.from({ length: horizon }, (_, k) => periodLabel(series, from + y.length + k)),
    mean,
    interval80: { lower: floor(i80!.lower), upper: i80!.upper },
    interval95: { lower: floor(i95!.lower), upper: i95!.upper },
    total,
    notes,
  };
}

/** The total of `model`'s next `h` periods from `n` seeded sample paths (counts floored at zero). */
export function periodTotal(
  model: FittedModel,
  h: number,
  n: number,
  nonNegative: boolean,
  mean: readonly number[],
  y?: readonly number[],
): PeriodTotal | null {
  if (!model.samplePaths || n <= 0) return null;
  const paths = model.samplePaths(h, n, TOTAL_SEED, y);
  const totals = new Float64Array(n);
  for (const column of paths)
    for (let p = 0; p < n; p++) totals[p]! += nonNegative ? Math.max(0, column[p]!) : column[p]!;
  totals.sort();
  const at = (q: number) => quantileSorted(totals, q);
  return {
    periods: h,
    mean: mean.reduce((a, v) => a + v, 0),
    interval80: { lower: at(0.1), upper: at(0.9) },
    interval95: { lower: at(0.025), upper: at(0.975) },
    paths: n,
    seed: TOTAL_SEED,
  };
}

function fitOrThrow(method: ForecastMethod, y: readonly number[], m: number): FittedModel {
  const fit = method.fit(y, m);
  if (!fit.ok) throw new Error(`${method.id} failed on a screened series: ${fit.reason}`);
  return fit.model;
}
