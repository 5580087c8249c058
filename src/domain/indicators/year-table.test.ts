import { describe, expect, it } from 'vitest';
import { yearTable } from './year-table.js';

describe('year table', () => {
  it('sets organisations side by side with change, share and a total only when all have a value', () => {
    const t = yearTable([
      { organisation: 'b', period: '2014', value: 300 },
      { organisation: 'a', period: '2014', value: 100 },
      { organisation: 'a', period: '2013', value: 80 },
      { organisation: 'a', period: '2016', value: 0 },
      { organisation: 'b', period: '2016', value: 0 },
    ]);
    expect(t.kind).toBe('calendar-year');
    expect(t.organisations).toEqual(['a', 'b']);
    expect(t.rows.map((r) => r.period)).toEqual(['2013', '2014', '2015', '2016']);
    expect(t.rows[0]).toMatchObject({ total: null, totalYoyPct: null });
    expect(t.rows[1]!.cells).toEqual([
      { organisation: 'a', value: 100, yoyPct: 25, sharePct: 25 },
      { organisation: 'b', value: 300, yoyPct: null, sharePct: 75 },
    ]);
    expect(t.rows[1]).toMatchObject({ total: 400, totalYoyPct: null });
    expect(t.rows[2]!.cells.map((c) => c.value)).toEqual([null, null]);
    expect(t.rows[3]).toMatchObject({ total: 0, totalYoyPct: null });
    expect(t.rows[3]!.cells.map((c) => c.sharePct)).toEqual([null, null]); // share of a 0 total
  });

  it('labels financial years and refuses months or a mix', () => {
    const t = yearTable([
      { organisation: 'a', period: '2015/16', value: 10 },
      { organisation: 'a', period: '2016/17', value: 15 },
    ]);
    expect(t.rows.map((r) => [r.period, r.total, r.totalYoyPct])).toEqual([
      ['2015/16', 10, null],
      ['2016/17', 15, 50],
    ]);
    expect(() => yearTable([{ organisation: 'a', period: '2015-01', value: 1 }])).toThrow(
      /calendar or financial years/,
    );
    expect(() =>
      yearTable([
        { organisation: 'a', period: '2015', value: 1 },
        { organisation: 'a', period: '2015/16', value: 1 },
      ]),
    ).toThrow(/mix/);
  });
});
