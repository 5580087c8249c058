import { describe, expect, it } from 'vitest';
import { monthYearTable } from './month-year-table.js';

const months = (from: [number, number], values: number[]) =>
  values.map((value, i) => {
    const m = from[1] - 1 + i;
    return { period: `${from[0] + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`, value };
  });

describe('month x year table', () => {
  it('places months in financial years (April-March) with row and column totals', () => {
    const t = monthYearTable(months([2015, 4], [...Array(12).fill(10), 20, 0, 5]), { basis: 'financial' });
    expect(t.columns).toEqual(['Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar']);
    expect(t.rows.map((r) => r.year)).toEqual(['2015/16', '2016/17']);
    expect(t.rows[0]).toMatchObject({ total: 120, periods: 12, complete: true, totalYoyPct: null });
    expect(t.rows[1]!.cells).toEqual([20, 0, 5, ...Array(9).fill(null)]);
    expect(t.rows[1]).toMatchObject({ total: 25, periods: 3, complete: false, totalYoyPct: null });
    expect(t.rows[1]!.yoyPct.slice(0, 4)).toEqual([100, -100, -50, null]);
    expect(t.columnTotals.slice(0, 4)).toEqual([30, 10, 15, 10]);
    expect(t.grandTotal).toBe(145);
    // default year to date: to the last month with data in the latest year
    expect(t.ytd).toEqual({ toMonth: 6, label: 'Apr-Jun', columns: 3 });
    expect(t.rows.map((r) => r.ytd)).toEqual([30, 25]);
    expect(t.rows[1]!.ytdYoyPct).toBeCloseTo(-16.6667, 4);
  });

  it('places the same months in calendar years', () => {
    const t = monthYearTable(months([2015, 4], [...Array(12).fill(10), 20, 0, 5]), { basis: 'calendar', ytdTo: 3 });
    expect(t.columns[0]).toBe('Jan');
    expect(t.rows.map((r) => [r.year, r.total, r.periods])).toEqual([
      ['2015', 90, 9],
      ['2016', 55, 6],
    ]);
    expect(t.ytd).toEqual({ toMonth: 3, label: 'Jan-Mar', columns: 3 });
    expect(t.rows.map((r) => r.ytd)).toEqual([null, 30]); // Jan-Mar 2015 missing: no YTD, not a smaller one
    expect(t.rows[1]!.ytdYoyPct).toBeNull();
  });

  it('gives a full-year change only between complete years, and a YTD to any month', () => {
    const t = monthYearTable(months([2014, 1], [...Array(12).fill(10), ...Array(12).fill(12), 1]), {
      basis: 'calendar',
      ytdTo: 12,
    });
    expect(t.rows.map((r) => r.totalYoyPct)).toEqual([null, 20, null]);
    expect(t.rows.map((r) => r.ytd)).toEqual([120, 144, null]);
    expect(t.rows[1]!.ytdYoyPct).toBeCloseTo(20, 10);
  });

  it('keeps a year with no data as a row of gaps, and a 0 base gives no percentage', () => {
    const t = monthYearTable(
      [
        { period: '2014-01', value: 0 },
        { period: '2016-01', value: 4 },
      ],
      { basis: 'calendar' },
    );
    expect(t.rows.map((r) => [r.year, r.periods, r.total])).toEqual([
      ['2014', 1, 0],
      ['2015', 0, 0],
      ['2016', 1, 4],
    ]);
    const t2 = monthYearTable(
      [
        { period: '2014-01', value: 0 },
        { period: '2015-01', value: 4 },
      ],
      { basis: 'calendar' },
    );
    expect(t2.rows[1]!.yoyPct[0]).toBeNull();
    expect(t2.rows[1]!.ytdYoyPct).toBeNull();
  });

  it('tabulates quarters; financial years start with April-June', () => {
    const t = monthYearTable(
      ['2015-Q2', '2015-Q3', '2015-Q4', '2016-Q1', '2016-Q2'].map((period, i) => ({ period, value: 10 * (i + 1) })),
      { basis: 'financial', ytdTo: 6 },
    );
    expect(t.granularity).toBe('quarter');
    expect(t.columns).toEqual(['Apr-Jun', 'Jul-Sep', 'Oct-Dec', 'Jan-Mar']);
    expect(t.rows.map((r) => r.cells)).toEqual([
      [10, 20, 30, 40],
      [50, null, null, null],
    ]);
    expect(t.rows[1]!.yoyPct[0]).toBe(400);
    expect(t.rows.map((r) => r.ytd)).toEqual([10, 50]);
    expect(() => monthYearTable([{ period: '2015-Q2', value: 1 }], { basis: 'financial', ytdTo: 5 })).toThrow(
      /end of a quarter, not to May/,
    );
  });

  it('refuses what it cannot tabulate', () => {
    expect(() => monthYearTable([], { basis: 'calendar' })).toThrow(/no values/);
    expect(() => monthYearTable([{ period: '2015', value: 1 }], { basis: 'calendar' })).toThrow(/months or quarters/);
    expect(() =>
      monthYearTable(
        [
          { period: '2015-01', value: 1 },
          { period: '2015-Q1', value: 1 },
        ],
        { basis: 'calendar' },
      ),
    ).toThrow(/mix/);
    expect(() =>
      monthYearTable(
        [
          { period: '2015-01', value: 1 },
          { period: '2015-01', value: 2 },
        ],
        { basis: 'calendar' },
      ),
    ).toThrow(/twice/);
    expect(() => monthYearTable([{ period: '2015-01', value: 1 }], { basis: 'calendar', ytdTo: 13 })).toThrow(
      /not a month/,
    );
  });
});
