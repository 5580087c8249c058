/**
 * The seed document's own tables as fixtures (data/demo/indicators/, typed from the seed with
 * where each came from): the alliance hate-crime table, 2012-2016 by month, and the Special
 * Constabulary establishment and duty-hours tables. The totals and percentages are computed, and
 * the published-figure check finds the two percentages the seed printed wrongly.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { dataFile } from '../data-files.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPct } from '../domain/indicators/percent.js';
import { importIndicatorsCsv } from './import-csv.js';
import { checkIndicators, indicatorTable, listIndicators } from './report.js';
import { indicatorPaths, type IndicatorPaths } from './store.js';

const fixtures = dataFile('demo', 'indicators');
let dir: string;
let paths: IndicatorPaths;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'stra-ind-seed-'));
  paths = indicatorPaths(dir);
  for (const f of ['seed-hate-crime.csv', 'seed-specials-establishment.csv', 'seed-specials-duty-hours.csv']) {
    const r = await importIndicatorsCsv(paths, path.join(fixtures, f), { user: 'tester' });
    expect(r.status).toBe('imported');
  }
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the seed hate-crime table (alliance, financial years 2012/13 to 2016/17 by month)', () => {
  it('reproduces the seed printed totals from the monthly figures', async () => {
    const t = await indicatorTable(paths, { series: 'hate-crime-markers' });
    if (t.type !== 'month-year') throw new Error('expected a month x year table');
    const { table } = t;
    expect(t.organisation).toBe('alliance');
    expect(table.columns[0]).toBe('Apr');
    expect(table.rows.map((r) => [r.year, r.total, r.periods])).toEqual([
      ['2012/13', 899, 12], // the seed prints 899, 748, 846, 1301, 917
      ['2013/14', 748, 12],
      ['2014/15', 846, 12],
      ['2015/16', 1301, 12],
      ['2016/17', 917, 6],
    ]);
    expect(table.columnTotals).toEqual([413, 476, 468, 552, 523, 494, 345, 299, 295, 277, 259, 310]);
    expect(table.grandTotal).toBe(4711);
  });

  it('computes the year-on-year changes, full years only where both are complete', async () => {
    const t = await indicatorTable(paths, { series: 'hate-crime-markers' });
    if (t.type !== 'month-year') throw new Error('expected a month x year table');
    const rows = t.table.rows;
    expect(rows.map((r) => r.totalYoyPct && formatPct(r.totalYoyPct))).toEqual([
      null,
      '-16.8%',
      '+13.1%',
      '+53.8%',
      null,
    ]);
    expect(rows[3]!.totalYoyPct).toBeCloseTo(53.78250591016549, 12);
    expect(rows[4]!.yoyPct.slice(0, 6).map((p) => formatPct(p))).toEqual([
      '+56.1%',
      '+4.8%',
      '+47.8%',
      '+50.0%',
      '+34.8%',
      '+76.3%',
    ]);
    expect(rows[4]!.yoyPct[6]).toBeNull(); // October 2016 is missing, not zero
  });

  it('gives April-to-date totals and their change (the seed has 2016/17 to September)', async () => {
    const t = await indicatorTable(paths, { series: 'hate-crime-markers' });
    if (t.type !== 'month-year') throw new Error('expected a month x year table');
    expect(t.table.ytd).toEqual({ toMonth: 9, label: 'Apr-Sep', columns: 6 });
    expect(t.table.rows.map((r) => r.ytd)).toEqual([501, 441, 425, 642, 917]);
    expect(t.table.rows[4]!.ytdYoyPct).toBeCloseTo(42.834890965732086, 12);
    const toJune = await indicatorTable(paths, { series: 'hate-crime-markers', ytdTo: 6 });
    if (toJune.type !== 'month-year') throw new Error('expected a month x year table');
    expect(toJune.table.rows.map((r) => r.ytd)).toEqual([245, 242, 174, 300, 396]);
  });

  it('tabulates the same months in calendar years', async () => {
    const t = await indicatorTable(paths, { series: 'hate-crime-markers', years: 'calendar' });
    if (t.type !== 'month-year') throw new Error('expected a month x year table');
    expect(t.table.rows.map((r) => [r.year, r.total, r.periods, r.ytd])).toEqual([
      ['2012', 724, 9, null], // January-March 2012 are not in the seed
      ['2013', 785, 12, 616],
      ['2014', 782, 12, 563],
      ['2015', 1172, 12, 844],
      ['2016', 1248, 9, 1248],
    ]);
    expect(t.table.rows.map((r) => r.totalYoyPct && formatPct(r.totalYoyPct))).toEqual([
      null,
      null,
      '-0.4%',
      '+49.9%',
      null,
    ]);
  });
});

describe('the seed Special Constabulary tables', () => {
  it('computes the establishment change from September 2015 to September 2016', async () => {
    const pct = async (organisation: string) => {
      const t = await indicatorTable(paths, { series: 'specials-establishment', organisation });
      if (t.type !== 'month-year') throw new Error('expected a month x year table');
      return t.table.rows[1]!.yoyPct[5]!;
    };
    expect(await pct('warwickshire')).toBeCloseTo(10.695187165775401, 12);
    expect(await pct('west-mercia')).toBeCloseTo(14.965986394557824, 12);
  });

  it('sets the forces side by side with change and share of the alliance hours', async () => {
    const t = await indicatorTable(paths, { series: 'specials-duty-hours-jan-sep' });
    if (t.type !== 'year') throw new Error('expected a year table');
    expect(t.unit).toBe('hours');
    expect(t.table.organisations).toEqual(['warwickshire', 'west-mercia']);
    const row = (p: string) => t.table.rows.find((r) => r.period === p)!;
    expect(row('2013').total).toBeNull(); // West Mercia 2013 is N/A in the seed
    expect(row('2016').total).toBe(79916);
    expect(row('2016').cells.map((c) => formatPct(c.sharePct, 1, false))).toEqual(['37.2%', '62.8%']);
    expect(row('2016').cells[0]!.sharePct).toBeCloseTo(37.19905901196256, 12);
    expect(row('2016').totalYoyPct).toBeCloseTo(-0.4459725440366744, 12);
    expect(t.table.rows.map((r) => r.cells.map((c) => formatPct(c.yoyPct)))).toEqual([
      ['n/a', 'n/a'],
      ['-36.2%', 'n/a'],
      ['-8.1%', '-7.8%'],
      ['-3.1%', '+1.2%'],
    ]);
  });

  it('finds the two percentages the seed printed wrongly, and passes the rest', async () => {
    const r = await checkIndicators(paths);
    expect(r.checked).toBe(12); // 9 printed numbers and 3 N/A: every "% Change" cell beside a figure, but one blank
    const mismatches = r.checks.filter((c) => c.status === 'mismatch');
    expect(mismatches.map((c) => [c.series, c.organisation, c.period, c.printed, c.computedAsPrinted])).toEqual([
      ['specials-duty-hours', 'warwickshire', '2015', '- 9.1%', '-9.9%'],
      ['specials-duty-hours-jan-sep', 'west-mercia', '2015', '-7.3%', '-7.8%'],
    ]);
    expect(r.mismatches).toBe(2);
    expect(mismatches[0]!.computedPct).toBeCloseTo(-9.857642300573543, 12); // (39449 - 43763) / 43763
    expect(mismatches[1]!.computedPct).toBeCloseTo(-7.771124665278191, 12); // (49597 - 53776) / 53776
    expect(mismatches[1]).toMatchObject({ previous: 53776, value: 49597, comparedWith: '2014', tolerancePp: 0.05 });
    // "- 8%" for Warwickshire's 2015 January-September hours is -8.1%: right to the whole number printed
    expect(
      r.checks.find(
        (c) => c.organisation === 'warwickshire' && c.series === 'specials-duty-hours-jan-sep' && c.period === '2015',
      ),
    ).toMatchObject({
      status: 'ok',
      tolerancePp: 0.5,
    });
    const one = await checkIndicators(paths, 'specials-duty-hours');
    expect([one.checked, one.mismatches]).toEqual([5, 1]);
  });

  it('lists what was imported', async () => {
    const { series, imports } = await listIndicators(paths);
    expect(series.map((s) => `${s.series}/${s.organisation} ${s.first}..${s.last} ${s.values}`)).toEqual([
      'hate-crime-markers/alliance 2012-04..2016-09 54',
      'specials-duty-hours/warwickshire 2013..2015 3',
      'specials-duty-hours/west-mercia 2013..2015 3',
      'specials-duty-hours-jan-sep/warwickshire 2013..2016 4',
      'specials-duty-hours-jan-sep/west-mercia 2014..2016 3',
      'specials-establishment/warwickshire 2015-09..2016-09 2',
      'specials-establishment/west-mercia 2015-09..2016-09 2',
    ]);
    expect(imports.map((i) => [path.basename(i.file), i.rows, i.added, i.by])).toEqual([
      ['seed-hate-crime.csv', 54, 54, 'tester'],
      ['seed-specials-establishment.csv', 4, 4, 'tester'],
      ['seed-specials-duty-hours.csv', 13, 13, 'tester'],
    ]);
  });
});
