import { describe, expect, it } from 'vitest';
import { coverage, describeMonths } from './coverage.js';
import { emptyCatalog, type Catalog } from './catalog.js';
import type { Month } from '../domain/crime/month.js';

function catalogWith(entries: [string, string, number][]): Catalog {
  const c = emptyCatalog();
  for (const [force, month, rows] of entries) {
    c.sources[`street/${force}/${month}`] = {
      table: 'street',
      force,
      month,
      rows,
      sourceSha256: 'x',
      source: 'f.csv',
      importId: 'i',
    };
  }
  return c;
}

describe('coverage', () => {
  it('lists each force with its first and last month and the months it lacks', () => {
    const c = catalogWith([
      ['warwickshire', '2018-01', 10],
      ['warwickshire', '2018-03', 0],
      ['west-mercia', '2018-01', 5],
      ['west-mercia', '2018-02', 6],
      ['west-mercia', '2018-03', 7],
    ]);
    const report = coverage(c, 'street');
    expect(report.from).toBe('2018-01');
    expect(report.to).toBe('2018-03');
    expect(report.forces).toEqual([
      {
        force: 'warwickshire',
        first: '2018-01',
        last: '2018-03',
        months: 2,
        rows: 10,
        missing: ['2018-02'],
        small: [{ month: '2018-03', rows: 0, usual: 10 }],
      },
      { force: 'west-mercia', first: '2018-01', last: '2018-03', months: 3, rows: 18, missing: [], small: [] },
    ]);
  });

  it('counts a month with a file of zero rows as present, and checks a range asked for', () => {
    const c = catalogWith([['warwickshire', '2018-03', 0]]);
    const report = coverage(c, 'street', { from: '2018-02' as Month, to: '2018-04' as Month });
    expect(report.forces[0]!.missing).toEqual(['2018-02', '2018-04']);
  });

  it('describes months as runs', () => {
    expect(describeMonths(['2017-11', '2017-12', '2018-01', '2018-03'])).toBe('2017-11..2018-01, 2018-03');
    expect(describeMonths([])).toBe('');
  });
});

describe('coverage of PRC tables', () => {
  it('counts financial years, not months', () => {
    const c = emptyCatalog();
    for (const month of ['2017-04', '2019-04'])
      c.sources[`prc/all/${month}`] = {
        table: 'prc',
        force: 'all',
        month,
        rows: 1,
        sourceSha256: 'x',
        source: 'p.csv',
        importId: 'i',
      };
    expect(coverage(c, 'prc').forces[0]!.missing).toEqual(['2018-04']);
  });
});
