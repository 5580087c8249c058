/**
 * The 12-month total's interval (simulated sample paths of the chosen model) against what
 * happened: a backtest on the real MPS borough series (../shared/data/series, read in place).
 * Standing at December 2017 and December 2018, each borough's theft, burglary and vehicle
 * offences are forecast for the next calendar year by the whole procedure (screen, backtest,
 * choose, refit), and the year's actual total is compared with the 80% and 95% intervals of the
 * total; beside it, the interval made by adding the monthly interval ends, which overstates the
 * range because it treats every month's error as at its extreme together.
 */
import { expect, it } from 'vitest';
import { describeWithSharedData } from '../../../test/shared-data.js';
import { mpsSeries, readMpsRows } from '../../../test/reference-series.js';
import { forecastSeries, TOTAL_PATHS } from './forecast-series.js';
import { seasonalNaiveMethod } from './seasonal-naive.js';
import type { CountSeries } from './series.js';

function until(series: CountSeries, end: string): CountSeries {
  const months = (t: string) => Number(t.slice(0, 4)) * 12 + Number(t.slice(5)) - 1;
  return { ...series, values: series.values.slice(0, months(end) - months(series.start) + 1) };
}

describeWithSharedData('the 12-month total interval on real series', () => {
  const rows = readMpsRows();

  it('is reproducible (seeded) and narrower than the sum of the monthly interval ends', () => {
    const theft = until(
      mpsSeries(rows, (r) => r.major === 'THEFT'),
      '2018-12',
    );
    const a = forecastSeries(theft);
    const b = forecastSeries(theft);
    if (a.status !== 'forecast' || b.status !== 'forecast') throw new Error('refused');
    expect(a.total).toEqual(b.total);
    expect(a.total!.paths).toBe(TOTAL_PATHS);
    const sum = (v: number[]) => v.reduce((x, y) => x + y, 0);
    expect(a.total!.interval80.upper - a.total!.interval80.lower).toBeLessThan(
      sum(a.interval80.upper) - sum(a.interval80.lower),
    );
    expect(a.total!.interval80.lower).toBeLessThan(a.total!.mean);
    expect(a.total!.interval80.upper).toBeGreaterThan(a.total!.mean);
  });

  it('a seasonal naive total has the closed-form spread: sigma x sqrt(12) over one year', () => {
    const s = until(
      mpsSeries(rows, (r) => r.major === 'BURGLARY'),
      '2018-12',
    );
    const fit = seasonalNaiveMethod().fit(s.values as number[], 12);
    if (!fit.ok) throw new Error(fit.reason);
    const paths = fit.model.samplePaths!(12, 20_000, 7);
    const totals = Array.from({ length: 20_000 }, (_, p) => paths.reduce((a, c) => a + c[p]!, 0));
    const mean = totals.reduce((a, b) => a + b, 0) / totals.length;
    const sd = Math.sqrt(totals.reduce((a, b) => a + (b - mean) ** 2, 0) / (totals.length - 1));
    expect(sd / (fit.model.parameters.sigma! * Math.sqrt(12))).toBeCloseTo(1, 1);
  });

  it('holds about its share of actual yearly totals across 34 boroughs x 3 crime groups, 2018 and 2019', () => {
    const boroughs = [...new Set(rows.map((r) => r.borough))];
    let n = 0;
    let in80 = 0;
    let in95 = 0;
    let summed80 = 0;
    let widthRatio = 0;
    for (const origin of ['2017-12', '2018-12'])
      for (const borough of boroughs)
        for (const major of ['THEFT', 'BURGLARY', 'VEHICLE OFFENCES']) {
          const full = mpsSeries(rows, (x) => x.borough === borough && x.major === major);
          const f = forecastSeries(until(full, origin));
          if (f.status !== 'forecast' || !f.total) continue;
          const next = until(full, `${Number(origin.slice(0, 4)) + 1}-12`).values.slice(-12) as number[];
          const actual = next.reduce((a, b) => a + b, 0);
          const t = f.total;
          n++;
          if (actual >= t.interval80.lower && actual <= t.interval80.upper) in80++;
          if (actual >= t.interval95.lower && actual <= t.interval95.upper) in95++;
          const lo = f.interval80.lower.reduce((a, b) => a + b, 0);
          const hi = f.interval80.upper.reduce((a, b) => a + b, 0);
          if (actual >= lo && actual <= hi) summed80++;
          widthRatio += (t.interval80.upper - t.interval80.lower) / (hi - lo);
        }
    const report = {
      forecasts: n,
      coverage80: in80 / n,
      coverage95: in95 / n,
      summedMonthly80: summed80 / n,
      widthAgainstSummed: widthRatio / n,
    };
    process.stderr.write(`12-month total intervals: ${JSON.stringify(report)}\n`);
    expect(n).toBeGreaterThan(100);
    expect(report.coverage80).toBeGreaterThan(0.6);
    expect(report.coverage80).toBeLessThan(0.95);
    expect(report.coverage95).toBeGreaterThan(0.8);
    expect(report.summedMonthly80).toBeGreaterThanOrEqual(report.coverage80);
    expect(report.widthAgainstSummed).toBeLessThan(1);
  }, 600_000);
});
