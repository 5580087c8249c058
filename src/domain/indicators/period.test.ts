import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  formatPeriod,
  monthsCovered,
  parsePeriod,
  periodOf,
  sameTimeLastYear,
  startMonthIndex,
} from './period.js';

describe('periods', () => {
  it('parses the four forms and prints them back canonically', () => {
    expect(parsePeriod('2016-04')).toEqual({ ok: true, period: { kind: 'month', year: 2016, month: 4 } });
    expect(parsePeriod('2016-Q2')).toEqual({ ok: true, period: { kind: 'quarter', year: 2016, quarter: 2 } });
    expect(parsePeriod('2016/17')).toEqual({ ok: true, period: { kind: 'financial-year', year: 2016 } });
    expect(parsePeriod('2016')).toEqual({ ok: true, period: { kind: 'calendar-year', year: 2016 } });
    for (const label of ['2016-04', '2016-Q2', '2016/17', '2016', '1999/00'])
      expect(formatPeriod(periodOf(label))).toBe(label);
    expect(formatPeriod(periodOf(' 2016-q3 '))).toBe('2016-Q3');
  });

  it('says why a label is not a period', () => {
    expect(parsePeriod('2016-13')).toEqual({
      ok: false,
      reason: "'2016-13' is not a month (the month must be 01 to 12)",
    });
    expect(parsePeriod('2016/18')).toEqual({
      ok: false,
      reason: "'2016/18' is not a financial year (expected 2016/17)",
    });
    for (const bad of ['2016-Q5', 'Apr-16', '16/17', '2016-4', '', '2016-2017']) {
      const r = parsePeriod(bad);
      expect(r.ok).toBe(false);
    }
    expect(() => periodOf('April')).toThrow(/not a period/);
  });

  it('shifts by a year and orders by first month, then length', () => {
    expect(formatPeriod(sameTimeLastYear(periodOf('2016/17')))).toBe('2015/16');
    expect(formatPeriod(sameTimeLastYear(periodOf('2016-01')))).toBe('2015-01');
    expect(startMonthIndex(periodOf('2016/17'))).toBe(startMonthIndex(periodOf('2016-04')));
    expect(monthsCovered(periodOf('2016-Q1'))).toBe(3);
    const sorted = ['2016', '2016-02', '2015/16', '2016-Q1', '2016-01']
      .map(periodOf)
      .sort(comparePeriods)
      .map(formatPeriod);
    expect(sorted).toEqual(['2015/16', '2016-01', '2016-Q1', '2016', '2016-02']);
  });
});
