import { describe, expect, it } from 'vitest';
import { earlierYears, monthsOf, parseFinancialYear, periodOf, periodsBetween, previousYear } from './periods.js';
import type { Month } from './month.js';

const m = (s: string) => s as Month;

describe('reporting periods', () => {
  it('names the period that holds a month', () => {
    expect(periodOf(m('2018-03'), 'quarter')).toEqual({
      kind: 'quarter',
      label: '2018-Q1',
      first: '2018-01',
      last: '2018-03',
    });
    expect(periodOf(m('2018-03'), 'financial-year')).toEqual({
      kind: 'financial-year',
      label: '2017/18',
      first: '2017-04',
      last: '2018-03',
    });
    expect(periodOf(m('2018-04'), 'financial-year').label).toBe('2018/19');
    expect(periodOf(m('1999-12'), 'financial-year').label).toBe('1999/00');
    expect(periodOf(m('2018-03'), 'rolling-12')).toEqual({
      kind: 'rolling-12',
      label: '12 months to 2018-03',
      first: '2017-04',
      last: '2018-03',
    });
  });

  it('finds the same period last year and in earlier years', () => {
    const fy = parseFinancialYear('2017/18')!;
    expect(previousYear(fy).label).toBe('2016/17');
    expect(earlierYears(fy, 3).map((p) => p.label)).toEqual(['2014/15', '2015/16', '2016/17']);
    expect(previousYear(periodOf(m('2018-03'), 'rolling-12')).label).toBe('12 months to 2017-03');
    expect(parseFinancialYear('2017/19')).toBeUndefined();
    expect(monthsOf(fy)).toHaveLength(12);
  });

  it('lists only whole periods inside a range', () => {
    expect(periodsBetween(m('2017-02'), m('2018-06'), 'quarter').map((p) => p.label)).toEqual([
      '2017-Q2',
      '2017-Q3',
      '2017-Q4',
      '2018-Q1',
      '2018-Q2',
    ]);
    expect(periodsBetween(m('2016-04'), m('2018-03'), 'financial-year').map((p) => p.label)).toEqual([
      '2016/17',
      '2017/18',
    ]);
  });
});

describe('periods written as people write them', () => {
  it('parses each kind and refuses text that names none', async () => {
    const { parsePeriod, latestPeriodEnding } = await import('./periods.js');
    expect(parsePeriod('quarter', '2018-Q2')?.first).toBe('2018-04');
    expect(parsePeriod('calendar-year', '2017')?.last).toBe('2017-12');
    expect(parsePeriod('rolling-12', '2018-03')?.first).toBe('2017-04');
    expect(parsePeriod('financial-year', '2017-18')).toBeUndefined();
    expect(parsePeriod('quarter', '2018-Q5')).toBeUndefined();
    expect(latestPeriodEnding('financial-year', m('2018-02')).label).toBe('2016/17');
    expect(latestPeriodEnding('financial-year', m('2018-03')).label).toBe('2017/18');
    expect(latestPeriodEnding('quarter', m('2018-04')).label).toBe('2018-Q1');
  });
});
