import { describe, expect, it } from 'vitest';
import { checkRows, formatRowError, matchHeader, parseAmount } from './rows.js';

const header = matchHeader(['Series', 'ORGANISATION', 'period', 'Value', 'Published PCT'], 'f.csv').columns;

describe('indicator CSV rows', () => {
  it('matches columns ignoring case, spaces and underscores; names missing, unknown and repeated ones', () => {
    expect(header).toEqual(['series', 'organisation', 'period', 'value', 'published_pct']);
    expect(matchHeader(['series', 'period', 'value', 'notes', 'Value'], 'f.csv').errors.map(formatRowError)).toEqual([
      'f.csv, line 1, notes: unexpected column (the columns are series, organisation, period, value, unit, published_pct, source)',
      'f.csv, line 1, Value: column value appears twice',
      'f.csv, line 1, organisation: required column is missing (the header needs series, organisation, period, value)',
    ]);
  });

  it('lists every problem of every row with its line and field', () => {
    const rows = [
      { line: 2, fields: ['s', 'a', '2016-04', '10', ''] },
      { line: 3, fields: ['', 'a', '2016-13', 'ten', 'lots'] },
      { line: 5, fields: ['s', 'a', '2016-04', '11', ''] },
      { line: 6, fields: ['s', 'a', '2016', '1', ''] },
      { line: 7, fields: ['s', 'a', '2016-05'] },
      { line: 8, fields: ['s', 'a', '2016-05', '-4', '+2%'] },
    ];
    const { values, errors } = checkRows('f.csv', header, rows);
    expect(values).toEqual([{ series: 's', organisation: 'a', period: '2016-04', value: 10, line: 2 }]);
    expect(errors.map(formatRowError)).toEqual([
      'f.csv, line 3, series: is empty',
      "f.csv, line 3, period: '2016-13' is not a month (the month must be 01 to 12)",
      "f.csv, line 3, value: 'ten' is not a number (expected e.g. 1301, 52,327 or 12.5)",
      "f.csv, line 3, published_pct: 'lots' is not a percentage (expected e.g. -7.3%, + 1.2%, 12 or N/A)",
      "f.csv, line 5, period: series 's', organisation 'a', period 2016-04 is already on line 2",
      "f.csv, line 6, period: '2016' is one of the calendar years, but line 2 gives series 's' months; a series holds one kind of period",
      'f.csv, line 7, row: has 3 fields; the header has 5',
      "f.csv, line 8, value: '-4' is negative; indicator values are counts or amounts (0 or more)",
    ]);
  });

  it('refuses a period kind that differs from the series already stored', () => {
    const { errors } = checkRows(
      'f.csv',
      header,
      [{ line: 2, fields: ['s', 'a', '2016/17', '1', ''] }],
      new Map([['s', 'month']]),
    );
    expect(errors.map(formatRowError)).toEqual([
      "f.csv, line 2, period: '2016/17' is one of the financial years, but series 's' already holds months; a series holds one kind of period",
    ]);
  });

  it('reads amounts with thousands separators and decimals, canonicalises periods, keeps unit and printed text', () => {
    expect(parseAmount('52,327')).toBe(52327);
    expect(parseAmount('12.5')).toBe(12.5);
    expect(parseAmount('1,30')).toMatch(/not a number/);
    const cols = matchHeader(['series', 'organisation', 'period', 'value', 'unit', 'published_pct'], 'f.csv').columns;
    const { values } = checkRows('f.csv', cols, [
      { line: 9, fields: [' s ', 'a', '2016-q1', '1,301', 'crimes', '- 8%'] },
    ]);
    expect(values).toEqual([
      { series: 's', organisation: 'a', period: '2016-Q1', value: 1301, unit: 'crimes', publishedPct: '- 8%', line: 9 },
    ]);
  });

  it('keeps where the figures come from (the source column) as the business names it', () => {
    const cols = matchHeader(['series', 'organisation', 'period', 'value', 'Source'], 'f.csv').columns;
    const { values, errors } = checkRows('f.csv', cols, [
      {
        line: 2,
        fields: ['complaints', 'alliance', '2016/17', '412', 'Professional Standards Department case records'],
      },
      { line: 3, fields: ['complaints', 'alliance', '2015/16', '405', ''] },
    ]);
    expect(errors).toEqual([]);
    expect(values.map((v) => v.sourceName)).toEqual(['Professional Standards Department case records', undefined]);
  });
});
