import { describe, expect, it } from 'vitest';
import { backtest } from './backtest.js';
import { seasonalNaiveMethod } from './seasonal-naive.js';
import type { FitOutcome, ForecastMethod } from './types.js';

/** A method that always forecasts a constant, with intervals +- 1 (80%) and +- 3 (95%). */
function constantFit(value: number): FitOutcome {
  return {
    ok: true,
    model: {
      method: 'ets',
      label: `constant ${value}`,
      parameters: {},
      aicc: null,
      forecast: (h, levels) => ({
        mean: new Array<number>(h).fill(value),
        intervals: levels.map((level) => ({
          level,
          lower: new Array<number>(h).fill(value - (level === 0.8 ? 1 : 3)),
          upper: new Array<number>(h).fill(value + (level === 0.8 ? 1 : 3)),
        })),
      }),
      refit: () => constantFit(value),
    },
  };
}
const constant = (value: number): ForecastMethod => ({ id: 'ets', fit: () => constantFit(value) });

describe('rolling-origin backtest', () => {
  const y = [10, 20, 30, 40, 12, 18, 32, 38, 14, 16, 34, 36];

  it('scores every origin of the window up to the horizon: 4 + 3 + 2 + 1 forecasts for a window of 4', () => {
    const [r] = backtest(y, 4, [constant(25)], { window: 4, horizon: 4 });
    expect(r!.points).toBe(10);
  });

  it('computes MASE by hand: the seasonal naive errs by 2 on a scale of 2, so MASE is 1', () => {
    const [r] = backtest(y, 4, [seasonalNaiveMethod()], { window: 4, horizon: 4 });
    expect(r!.mase).toBeCloseTo(1, 12);
    expect(r!.label).toBe('Seasonal naive');
  });

  it('counts interval hits: a constant 25 +- 1 never holds the data, +- 3 never either', () => {
    const [r] = backtest(y, 4, [constant(25)], { window: 4, horizon: 4 });
    expect(r!.coverage80).toBe(0);
    expect(r!.coverage95).toBe(0);
  });

  it('refits at every origin when asked, with the same scores for a method without parameters', () => {
    const once = backtest(y, 4, [seasonalNaiveMethod()], { window: 4, horizon: 2 });
    const each = backtest(y, 4, [seasonalNaiveMethod()], { window: 4, horizon: 2, refit: 'each-origin' });
    expect(each[0]!.mase).toBeCloseTo(once[0]!.mase, 12);
  });

  it('reports a method that cannot be fitted as failed, with its reason', () => {
    const broken: ForecastMethod = { id: 'sarima', fit: () => ({ ok: false, reason: 'no luck' }) };
    const [r] = backtest(y, 4, [broken], { window: 4 });
    expect(r).toMatchObject({ status: 'failed', reason: 'no luck', points: 0 });
  });

  it('needs two seasons before the first origin', () => {
    expect(() => backtest(y, 4, [seasonalNaiveMethod()], { window: 6 })).toThrow(/needs 14 values/);
  });
});
