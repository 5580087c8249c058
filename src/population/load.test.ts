/** Population denominators: the shipped ONS estimates, a user's own table, and which one wins. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, tempWorkspace, writeInput } from '../../test/temp-workspace.js';
import { StraError } from '../errors.js';
import {
  loadPopulationFile,
  loadShippedPopulation,
  parsePopulationCsv,
  parseShippedPopulation,
  populationTable,
  PopulationTable,
  SHIPPED_FILES,
} from './load.js';

const errorOf = (fn: () => unknown): StraError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof StraError) return e;
    throw e;
  }
  throw new Error('expected an error');
};

describe('shipped population', () => {
  it('gives force, district, LSOA and country figures by year', async () => {
    const t = new PopulationTable([await loadShippedPopulation()]);
    expect(t.get('west-mercia', 2017)).toMatchObject({ areaCode: 'E23000016', population: 1_272_638 });
    expect(t.get('E23000017', 2017)?.population).toBe(564_562);
    expect(t.get('warwickshire', 2016)?.source).toBe(
      'ONS mid-2016 estimates, sum of the 5 districts of Warwickshire (LAD18_CSP18_PFA18_EW_LU)',
    );
    expect(t.get('E07000220', 2018)?.source).toBe(
      'ONS mid-year estimates, mid-2001 to mid-2018 series (2018 districts), Rugby',
    );
    expect(t.get('E92000001', 2017)?.population).toBe(55_619_430);
    expect(t.get('E92000001', 2016)?.population).toBe(55_268_067);
    expect(t.get('K04000001', 2017)!.population).toBe(
      t.get('E92000001', 2017)!.population + t.get('W92000004', 2017)!.population,
    );
    expect(t.get('E01031159', 2019)).toMatchObject({
      population: expect.any(Number),
      source: 'ONS LSOA mid-2019 estimates (SAPE22DT2)',
    });
    expect(t.years('E01031159')).toEqual([2019]);
    expect(t.get('west-mercia', 2021)).toBeUndefined();
    expect(t.years('west-mercia')).toHaveLength(20);
  });

  it('refuses a damaged shipped file naming file, line and field', async () => {
    const dir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../data/population');
    const texts: Record<string, string> = {};
    for (const name of Object.values(SHIPPED_FILES)) texts[name] = await readFile(path.join(dir, name), 'utf8');
    const lines = texts[SHIPPED_FILES.pfa]!.split('\n');
    lines[3] = lines[3]!.replace(/,(\d+),(\d+),LAD/, ',12x,$2,LAD');
    const e = errorOf(() => parseShippedPopulation({ ...texts, [SHIPPED_FILES.pfa]: lines.join('\n') }));
    expect(e.message).toMatch(/pfa-mid-year\.csv, line 4, population: '12x' is not a whole number$/);
    expect(e.details).toMatchObject({ line: 4, field: 'population' });
  });
});

describe('a user population table (area_code,year,population)', () => {
  const header = 'area_code,year,population';

  it('takes ONS codes and police.uk force ids', () => {
    const layer = parsePopulationCsv(
      `${header}\ne07000220,2021,"114,454"\nwest-mercia,2021,1300000\nE01031159,2017,1500\n`,
      'pop.csv',
    );
    expect(layer.rows).toBe(3);
    expect(layer.figures.get('E07000220')?.get(2021)).toEqual({
      areaCode: 'E07000220',
      year: 2021,
      population: 114_454,
      source: 'loaded table pop.csv, line 2',
    });
    expect(layer.figures.get('west-mercia')?.get(2021)?.population).toBe(1_300_000);
  });

  it('refuses bad rows naming file, line and field', () => {
    const cases: [string, RegExp][] = [
      [
        `${header}\nE07000220,2018,100\nRugby,2018,100\n`,
        /^p\.csv, line 3, area_code: 'Rugby' is neither an ONS area code/,
      ],
      [`${header}\nE07000220,18,100\n`, /^p\.csv, line 2, year: 18 is outside 1900 to 2100$/],
      [`${header}\nE07000220,2018,\n`, /^p\.csv, line 2, population: is empty$/],
      [`${header}\nE07000220,2018,-5\n`, /^p\.csv, line 2, population: '-5' is not a whole number$/],
      [`${header}\nE07000220,2018,10.5\n`, /^p\.csv, line 2, population: '10.5' is not a whole number$/],
      [
        `${header}\nE07000220,2018,100\n\ne07000220,2018,200\n`,
        /^p\.csv, line 4, area_code: E07000220 2018 is already given on line 2$/,
      ],
      ['area_code,population\nE07000220,100\n', /^p\.csv, line 1, year: column missing/],
      [`${header},notes\nE07000220,2018,100,x\n`, /^p\.csv, line 1, notes: unknown column/],
      [`${header}\nE07000220,2018,100,extra\n`, /^p\.csv, line 2: not a readable CSV/],
      [`${header}\n`, /^p\.csv: the population table has no rows$/],
    ];
    for (const [text, message] of cases)
      expect(errorOf(() => parsePopulationCsv(text, 'p.csv')).message).toMatch(message);
    expect(errorOf(() => parsePopulationCsv(`${header}\nE07000220,2018,x\n`, 'p.csv')).details).toEqual({
      file: 'p.csv',
      line: 2,
      field: 'population',
    });
  });

  it('is kept in the workspace and overrides the shipped figure for the area-years it lists', async () => {
    const ws = await tempWorkspace();
    const file = await writeInput(
      await tempDir(),
      'rugby population.csv',
      `${header},source\nE07000220,2018,100000,council estimate\nE07000220,2022,120000,\nwarwickshire,2018,600000,\n`,
    );
    const loaded = await loadPopulationFile(file, ws.warehouse);
    expect(loaded).toMatchObject({ rows: 3, areas: 2, years: [2018, 2022] });
    expect(path.basename(loaded.stored)).toBe('rugby_population.csv');
    const t = await populationTable(ws.warehouse);
    expect(t.get('E07000220', 2018)).toMatchObject({
      population: 100_000,
      source: 'council estimate (loaded table rugby_population.csv, line 2)',
    });
    expect(t.get('E07000220', 2022)?.population).toBe(120_000);
    expect(t.get('E07000220', 2017)?.population).toBe(106_350); // shipped
    // A force's figure given by its id wins over the shipped PFA total (found by id or code).
    expect(t.get(['warwickshire', 'E23000017'], 2018)?.population).toBe(600_000);
    expect(t.get(['warwickshire', 'E23000017'], 2017)?.population).toBe(564_562);
    await expect(loadPopulationFile(path.join(path.dirname(file), 'nope.csv'), ws.warehouse)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
