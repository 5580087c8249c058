/**
 * forecastSeries: properties every published forecast must have, on simulated series where the
 * truth is known (seeded, testing/simulate.ts).
 */
import { describe, expect, it } from 'vitest';
import { sarimaMethod } from './arima/method.js';
import { etsMethod } from './ets/method.js';
import { parseEtsSpec } from './ets/spec.js';
import { forecastSeries, type SeriesForecast } from './forecast-series.js';
import { simulateAna, simulatePoissonSeasonal } from './testing/simulate.js';
import type { ForecastMethod } from './types.js';

const monthly = (values: number[], start = '2014-04') => ({ start, frequency: 'month' as const, values });
const SEASONAL = [-30, -25, -10, 0, 10, 20, 35, 25, 5, -5, -15, -10];

function forecastOf(values: number[]): SeriesForecast {
  const r = forecastSeries(monthly(values));
  if (r.status !== 'forecast') throw new Error(r.refusal.message);
  return r;
}

/** Share of the next 12 actuals inside the 80% and 95% intervals, over many simulated series. */
function coverage(method: ForecastMethod, replications: number): { c80: number; c95: number } {
  let in80 = 0;
  let in95 = 0;
  let n = 0;
  for (let seed = 0; seed < replications; seed++) {
    const y = simulateAna(1000 + seed, 72, { level: 300, seasonal: SEASONAL, alpha: 0.3, gamma: 0.05, sigma: 12 });
    const fit = method.fit(y.slice(0, 60), 12);
    if (!fit.ok) throw new Error(fit.reason);
    const [i80, i95] = fit.model.forecast(12, [0.8, 0.95]).intervals;
    for (let k = 0; k < 12; k++) {
      const actual = y[60 + k]!;
      n++;
      if (actual >= i80!.lower[k]! && actual <= i80!.upper[k]!) in80++;
      if (actual >= i95!.lower[k]! && actual <= i95!.upper[k]!) in95++;
    }
  }
  return { c80: in80 / n, c95: in95 / n };
}

describe('forecastSeries', () => {
  const seasonalCounts = simulatePoissonSeasonal(7, 48, { mean: 150, growth: 0.06 });

  it('forecasts 12 months from the month after the data, with the backtest figures of every candidate', () => {
    const f = forecastOf(seasonalCounts);
    expect(f.periods[0]).toBe('2018-04');
    expect(f.periods.at(-1)).toBe('2019-03');
    expect(f.mean).toHaveLength(12);
    expect(f.backtest.candidates.map((c) => c.method)).toEqual(['seasonal-naive', 'ets', 'sarima']);
    expect(f.backtest.window).toBe(12);
    for (const c of f.backtest.candidates) {
      expect(c.points).toBe(78); // 12 + 11 + ... + 1 forecasts scored
      expect(c.mase).toBeGreaterThan(0);
      expect(c.coverage80).toBeGreaterThanOrEqual(0);
      expect(c.coverage95).toBeGreaterThanOrEqual(c.coverage80);
    }
  });

  it('chooses the candidate with the lowest backtest MASE and says whether it beat the seasonal naive', () => {
    const f = forecastOf(seasonalCounts);
    const best = Math.min(...f.backtest.candidates.map((c) => c.mase));
    expect(f.backtest.chosen.mase).toBe(best);
    expect(f.beatsSeasonalNaive).toBe(
      f.backtest.chosen.method !== 'seasonal-naive' && best < f.backtest.seasonalNaive.mase,
    );
  });

  it('widens the intervals with the horizon and keeps the 80% inside the 95%', () => {
    const f = forecastOf(seasonalCounts);
    const width = (k: number) => f.interval95.upper[k]! - f.interval95.lower[k]!;
    for (let k = 0; k < 12; k++) {
      expect(f.interval95.lower[k]!).toBeLessThanOrEqual(f.interval80.lower[k]!);
      expect(f.interval95.upper[k]!).toBeGreaterThan(f.interval80.upper[k]!);
      expect(f.mean[k]!).toBeGreaterThan(f.interval80.lower[k]!);
      expect(f.mean[k]!).toBeLessThan(f.interval80.upper[k]!);
    }
    expect(width(11)).toBeGreaterThan(width(0));
  });

  it('beats the seasonal naive on a series with a steady level and little noise', () => {
    // Seasonal naive carries last year's noise into every forecast; a smoothed level does not.
    const y = simulatePoissonSeasonal(11, 60, { mean: 2000 });
    const f = forecastOf(y);
    expect(f.beatsSeasonalNaive).toBe(true);
    expect(f.backtest.chosen.mase).toBeLessThan(f.backtest.seasonalNaive.mase);
  });

  it('never forecasts a negative count: lower bounds are raised to zero, with a note', () => {
    const y = simulatePoissonSeasonal(12, 48, { mean: 3 });
    const f = forecastOf(y);
    expect(Math.min(...f.interval95.lower)).toBeGreaterThanOrEqual(0);
    if (f.notes.length > 0) expect(f.notes.join(' ')).toMatch(/raised to zero/);
  });

  it('refuses a series that is too short, with the reason as a value', () => {
    const r = forecastSeries(monthly(seasonalCounts.slice(0, 40)));
    expect(r).toMatchObject({ status: 'refused', refusal: { code: 'too-short', needed: 48 } });
  });

  it('forecasts quarterly series 12 quarters ahead, periods named by their first month', () => {
    const y = simulatePoissonSeasonal(13, 40, { mean: 9000, seasonal: [1.04, 1.02, 0.98, 0.96] });
    const r = forecastSeries({ start: '2012-04', frequency: 'quarter', values: y });
    if (r.status !== 'forecast') throw new Error(r.refusal.message);
    expect(r.periods.slice(0, 3)).toEqual(['2022-04', '2022-07', '2022-10']);
    expect(r.mean).toHaveLength(12);
  });
});

describe('prediction interval coverage on simulated series (the truth known)', () => {
  // 150 series of 60 months from an ETS(A,N,A) process, each forecast 12 months ahead: 1,800
  // forecasts. Sampling error of a coverage share is about 2 points (forecasts of one series are
  // correlated); estimated parameters make intervals slightly narrow, as in R.
  it('ETS(A,N,A) intervals hold about 80% and 95% of outcomes', () => {
    const { c80, c95 } = coverage(etsMethod({ candidates: [parseEtsSpec('ANA')] }), 150);
    expect(c80).toBeGreaterThan(0.74);
    expect(c80).toBeLessThan(0.86);
    expect(c95).toBeGreaterThan(0.91);
    expect(c95).toBeLessThan(0.98);
  });

  it('seasonal ARIMA intervals hold about 80% and 95% of outcomes', () => {
    const { c80, c95 } = coverage(sarimaMethod([[0, 1, 0, 1]]), 100);
    expect(c80).toBeGreaterThan(0.72);
    expect(c80).toBeLessThan(0.86);
    expect(c95).toBeGreaterThan(0.89);
    expect(c95).toBeLessThan(0.98);
  });
});
