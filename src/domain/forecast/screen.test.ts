import { describe, expect, it } from 'vitest';
import { screenSeries } from './screen.js';
import { simulatePoissonSeasonal } from './testing/simulate.js';

const monthly = (values: (number | null)[]) => ({ start: '2014-04', frequency: 'month' as const, values });

describe('screenSeries', () => {
  it('accepts four years of a steady monthly count', () => {
    expect(screenSeries(monthly(simulatePoissonSeasonal(1, 48, { mean: 80 })))).toMatchObject({ ok: true });
  });

  it('refuses gaps, naming the missing months', () => {
    const values: (number | null)[] = simulatePoissonSeasonal(2, 48, { mean: 80 });
    values[5] = null;
    values[6] = null;
    const r = screenSeries(monthly(values));
    expect(r.ok || r.refusal).toMatchObject({ code: 'gaps', missing: ['2014-09', '2014-10'] });
    expect(r.ok || r.refusal.message).toMatch(/2 months have no data \(2014-09, 2014-10\); a gap is not a zero/);
  });

  it('refuses fewer than three years plus the backtest year, saying how many are needed', () => {
    const r = screenSeries(monthly(simulatePoissonSeasonal(3, 47, { mean: 80 })));
    expect(r.ok || r.refusal).toMatchObject({ code: 'too-short', length: 47, needed: 48 });
  });

  it('needs 24 quarters for a quarterly series (three years and a 12-quarter backtest)', () => {
    const r = screenSeries({ start: '2017-04', frequency: 'quarter', values: new Array(23).fill(100) });
    expect(r.ok || r.refusal).toMatchObject({ code: 'too-short', needed: 24 });
  });

  it('refuses counts too small to model', () => {
    const r = screenSeries(monthly(simulatePoissonSeasonal(4, 48, { mean: 0.8 })));
    expect(r.ok || r.refusal.code).toBe('too-sparse');
    expect(r.ok || r.refusal.message).toMatch(/a month on average/);
  });

  it('refuses a constant series', () => {
    const r = screenSeries(monthly(new Array(48).fill(7)));
    expect(r.ok || r.refusal.code).toBe('constant');
  });

  it('refuses a level shift, giving the month it starts and the levels either side', () => {
    const values = simulatePoissonSeasonal(5, 60, { mean: 400 }).map((v, t) => (t >= 30 ? Math.round(v * 1.6) : v));
    const r = screenSeries(monthly(values));
    if (r.ok) throw new Error('expected a refusal');
    expect(r.refusal).toMatchObject({ code: 'level-shift', at: '2016-10' });
    expect(r.refusal.message).toMatch(
      /the level changes suddenly at 2016-10: .* a month from then against .* in the year before/,
    );
  });

  it('leaves out the data before a level shift when enough periods follow it', () => {
    const values = simulatePoissonSeasonal(6, 96, { mean: 400 }).map((v, t) => (t >= 30 ? Math.round(v * 1.6) : v));
    const r = screenSeries(monthly(values));
    if (!r.ok) throw new Error(r.refusal.message);
    expect(r.from).toBe(30);
    expect(r.values).toHaveLength(66);
    expect(r.shifts.map((s) => s.at)).toEqual(['2016-10']);
  });

  it('says when a series can next be forecast after a recent shift', () => {
    const values = simulatePoissonSeasonal(5, 60, { mean: 400 }).map((v, t) => (t >= 30 ? Math.round(v * 1.6) : v));
    const r = screenSeries(monthly(values));
    expect(r.ok || r.refusal.message).toMatch(
      /only 30 months since then, and a forecast needs 48 at a consistent level \(possible from 2020-09\)/,
    );
  });

  it('refuses at the first shift when asked to', () => {
    const values = simulatePoissonSeasonal(6, 96, { mean: 400 }).map((v, t) => (t >= 30 ? Math.round(v * 1.6) : v));
    expect(screenSeries(monthly(values), { onLevelShift: 'refuse' })).toMatchObject({
      ok: false,
      refusal: { code: 'level-shift', at: '2016-10' },
    });
  });

  it('can be told not to look for level shifts', () => {
    const values = simulatePoissonSeasonal(5, 60, { mean: 400 }).map((v, t) => (t >= 30 ? Math.round(v * 1.6) : v));
    expect(screenSeries(monthly(values), { levelShift: false }).ok).toBe(true);
  });
});
