import { describe, expect, it } from 'vitest';
import { mergeValues } from './merge.js';

const v = (period: string, value: number, extra: { unit?: string; publishedPct?: string; tag?: string } = {}) => ({
  series: 's',
  organisation: 'a',
  period,
  value,
  ...extra,
});

describe('upsert by series, organisation and period', () => {
  it('adds new keys, keeps identical ones (with their old source) and replaces corrected ones, saying what changed', () => {
    const existing = [v('2016-02', 5, { tag: 'old' }), v('2016-01', 4, { tag: 'old' })];
    const r = mergeValues(existing, [
      v('2016-01', 4, { tag: 'new' }),
      v('2016-02', 6, { tag: 'new', publishedPct: '+20%' }),
      v('2015-12', 1, { tag: 'new' }),
    ]);
    expect(r.added).toBe(1);
    expect(r.unchanged).toBe(1);
    expect(r.updated).toEqual([
      {
        series: 's',
        organisation: 'a',
        period: '2016-02',
        changes: [
          { field: 'value', from: 5, to: 6 },
          { field: 'publishedPct', from: null, to: '+20%' },
        ],
      },
    ]);
    expect(r.values.map((x) => [x.period, x.value, x.tag])).toEqual([
      ['2015-12', 1, 'new'],
      ['2016-01', 4, 'old'],
      ['2016-02', 6, 'new'],
    ]);
  });

  it('changes nothing when the same values come again', () => {
    const first = mergeValues([], [v('2016-01', 4), v('2016-02', 5)]);
    const again = mergeValues(first.values, [v('2016-01', 4), v('2016-02', 5)]);
    expect(again).toMatchObject({ added: 0, updated: [], unchanged: 2 });
    expect(again.values).toEqual(first.values);
  });

  it('keeps an optional field the file has no column for, and clears it when the column is there but empty', () => {
    const stored = [v('2016-01', 4, { unit: 'hours', publishedPct: '-9.1%' })];
    const kept = mergeValues(stored, [v('2016-01', 5)], { absentFields: ['unit', 'publishedPct'] });
    expect(kept.updated[0]!.changes).toEqual([{ field: 'value', from: 4, to: 5 }]);
    expect(kept.values[0]).toEqual(v('2016-01', 5, { unit: 'hours', publishedPct: '-9.1%' }));
    const cleared = mergeValues(stored, [v('2016-01', 4, { unit: 'hours' })], { absentFields: [] });
    expect(cleared.updated[0]!.changes).toEqual([{ field: 'publishedPct', from: '-9.1%', to: null }]);
  });
});
