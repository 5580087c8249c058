import { describe, expect, it } from 'vitest';
import { seasonalNaiveMethod, seasonalDifferenceRms } from './seasonal-naive.js';

// Two "years" of a quarterly series; the seasonal differences are 2, -2, 2, -2.
const y = [10, 20, 30, 40, 12, 18, 32, 38];

describe('seasonal naive', () => {
  it('forecasts each quarter as the same quarter of the last year, repeating beyond one year', () => {
    const fit = seasonalNaiveMethod().fit(y, 4);
    if (!fit.ok) throw new Error(fit.reason);
    expect(fit.model.forecast(6, []).mean).toEqual([12, 18, 32, 38, 12, 18]);
  });

  it('takes sigma from the seasonal differences and widens by sqrt(whole years + 1)', () => {
    expect(seasonalDifferenceRms(y, 4)).toBe(2);
    const fit = seasonalNaiveMethod().fit(y, 4);
    if (!fit.ok) throw new Error(fit.reason);
    const [i95] = fit.model.forecast(5, [0.95]).intervals;
    const half = i95!.upper.map((u, k) => u - [12, 18, 32, 38, 12][k]!);
    expect(half[0]).toBeCloseTo(1.959964 * 2, 5);
    expect(half[3]).toBeCloseTo(1.959964 * 2, 5);
    expect(half[4]).toBeCloseTo(1.959964 * 2 * Math.SQRT2, 5);
  });

  it('forecasts from the end of a longer series when given one (the backtest)', () => {
    const fit = seasonalNaiveMethod().fit(y.slice(0, 5), 4);
    if (!fit.ok) throw new Error(fit.reason);
    expect(fit.model.forecast(2, [], y).mean).toEqual([12, 18]);
  });

  it('needs more than one season', () => {
    expect(seasonalNaiveMethod().fit([1, 2, 3, 4], 4)).toMatchObject({ ok: false });
  });
});
