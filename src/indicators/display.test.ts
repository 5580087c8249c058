import { describe, expect, it } from 'vitest';
import { seriesTable } from '../domain/indicators/series.js';
import type { IndicatorValue } from '../domain/indicators/types.js';
import { checkPublishedPercentages } from '../domain/indicators/published-check.js';
import { checkText, seriesTableText } from './display.js';

const monthly: IndicatorValue[] = [
  { series: 'm', organisation: 'a', period: '2015-04', value: 1000 },
  { series: 'm', organisation: 'a', period: '2016-04', value: 1500 },
];
const yearly: IndicatorValue[] = [
  { series: 'y', organisation: 'a', period: '2014', value: 30677, unit: 'hours' },
  { series: 'y', organisation: 'a', period: '2015', value: 29728, unit: 'hours', publishedPct: '- 3.1%' },
  { series: 'y', organisation: 'b', period: '2015', value: 50188, unit: 'hours' },
];

describe('indicator tables as text', () => {
  it('right-aligns numbers and percentages (header too), blanks missing figures, rounds for display', () => {
    const [main, change] = seriesTableText(seriesTable(monthly, { series: 'm' }));
    expect(main!.heading).toBe('m, a: financial years (April to March); YoY of a total only between complete years');
    expect(main!.columns.map((c) => c.trim())).toEqual([
      'year',
      'Apr',
      'May',
      'Jun',
      'Jul',
      'Aug',
      'Sep',
      'Oct',
      'Nov',
      'Dec',
      'Jan',
      'Feb',
      'Mar',
      'total',
      'months',
      'YoY',
      'YTD Apr',
      'YTD YoY',
    ]);
    expect(main!.columns[1]).toBe('  Apr'); // padded to the width of '1,500' so the header sits right
    const cells = (r: Record<string, string> | undefined) => Object.values(r ?? {}).map((x) => x.trim());
    const blanks = (n: number) => Array<string>(n).fill('');
    expect(main!.rows.map(cells)).toEqual([
      ['2015/16', '1,000', ...blanks(11), '1,000', '1', '', '1,000', ''],
      ['2016/17', '1,500', ...blanks(11), '1,500', '1', 'n/a', '1,500', '+50.0%'],
      ['total', '2,500', ...blanks(11), '2,500', '', '', '', ''],
    ]);
    expect(
      new Set(
        main!.rows.map((r) =>
          Object.values(r)
            .slice(1)
            .map((x) => x.length)
            .join(),
        ),
      ),
    ).toHaveProperty('size', 1); // one width per number column
    expect(change!.rows.map(cells)).toEqual([['2016/17', '+50.0%', ...blanks(11)]]);
  });

  it('sets organisations side by side with shares unsigned', () => {
    const [t] = seriesTableText(seriesTable(yearly, { series: 'y' }));
    expect(t!.heading).toMatch(/^y \(hours\): calendar years/);
    expect(t!.rows.map((r) => Object.values(r).map((x) => x.trim()))).toEqual([
      ['2014', '30,677', '', '', '', '', '', '', ''],
      ['2015', '29,728', '-3.1%', '37.2%', '50,188', 'n/a', '62.8%', '79,916', 'n/a'],
    ]);
  });

  it('lists each printed percentage with the computed one to 3 decimals', () => {
    const t = checkText(checkPublishedPercentages(yearly));
    expect(t.rows.map((r) => Object.values(r).map((x) => x.trim()))).toEqual([
      ['y', 'a', '2015', '29,728', '2014', '30,677', '- 3.1%', '-3.094%', 'ok'],
    ]);
  });
});
