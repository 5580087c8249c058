import { describe, expect, it } from 'vitest';
import { selectSeries, seriesTable, summariseSeries } from './series.js';
import type { IndicatorValue } from './types.js';

const values: IndicatorValue[] = [
  { series: 'hours', organisation: 'b', period: '2015', value: 20, unit: 'hours' },
  { series: 'hours', organisation: 'a', period: '2015', value: 10, unit: 'hours', publishedPct: '+5%' },
  { series: 'hours', organisation: 'a', period: '2014', value: 8, unit: 'hours' },
  { series: 'count', organisation: 'a', period: '2016-04', value: 3 },
  { series: 'count', organisation: 'b', period: '2016-05', value: 4 },
];

describe('series', () => {
  it('summarises each series and organisation', () => {
    expect(summariseSeries(values)).toEqual([
      {
        series: 'count',
        organisation: 'a',
        kind: 'month',
        unit: '',
        first: '2016-04',
        last: '2016-04',
        values: 1,
        published: 0,
      },
      {
        series: 'count',
        organisation: 'b',
        kind: 'month',
        unit: '',
        first: '2016-05',
        last: '2016-05',
        values: 1,
        published: 0,
      },
      {
        series: 'hours',
        organisation: 'a',
        kind: 'calendar-year',
        unit: 'hours',
        first: '2014',
        last: '2015',
        values: 2,
        published: 1,
      },
      {
        series: 'hours',
        organisation: 'b',
        kind: 'calendar-year',
        unit: 'hours',
        first: '2015',
        last: '2015',
        values: 1,
        published: 0,
      },
    ]);
  });

  it('names what there is when a series or organisation is not found', () => {
    expect(() => selectSeries(values, 'nope')).toThrow("no indicator series 'nope'; the series are: count, hours");
    expect(() => selectSeries([], 'nope')).toThrow(/none has been imported/);
    expect(() => selectSeries(values, 'hours', 'c')).toThrow("series 'hours' has no figures for 'c'; it has: a, b");
  });

  it('gives a year table for yearly series and a month x year table for monthly ones', () => {
    const y = seriesTable(values, { series: 'hours' });
    expect(y.type).toBe('year');
    expect(y.unit).toBe('hours');
    const m = seriesTable(values, { series: 'count', organisation: 'b', years: 'calendar' });
    expect(m).toMatchObject({ type: 'month-year', organisation: 'b' });
    if (m.type === 'month-year') expect(m.table.basis).toBe('calendar');
    const byDefault = seriesTable(values, { series: 'count', organisation: 'a' });
    expect(byDefault.type === 'month-year' ? byDefault.table.basis : undefined).toBe('financial');
  });

  it('refuses options that do not fit the series', () => {
    expect(() => seriesTable(values, { series: 'count' })).toThrow(
      "series 'count' has figures for a, b: choose one with --organisation",
    );
    expect(() => seriesTable(values, { series: 'hours', years: 'financial' })).toThrow(
      /in calendar years; --years financial does not apply/,
    );
    expect(() => seriesTable(values, { series: 'hours', ytdTo: 9 })).toThrow(
      /--ytd-to applies to monthly and quarterly/,
    );
  });
});
