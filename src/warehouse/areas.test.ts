import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { parseAreaTable } from './areas.js';
import { dataFile } from '../data-files.js';

describe('area tables', () => {
  it('reads the shipped alliance table: 1,120 LSOAs in nine CSPs', async () => {
    const rows = parseAreaTable(await readFile(dataFile('areas', 'warwickshire-west-mercia.csv'), 'utf8'), 'shipped');
    expect(rows).toHaveLength(1120);
    expect(new Set(rows.map((r) => r.csp)).size).toBe(9);
    expect(
      rows
        .filter((r) => r.csp === 'South Warwickshire')
        .map((r) => r.district)
        .filter((d, i, a) => a.indexOf(d) === i)
        .sort(),
    ).toEqual(['Stratford-on-Avon', 'Warwick']);
  });

  it('refuses a bad table naming file, line and field', () => {
    const head = 'force,csp,district,lsoa_code\n';
    expect(() => parseAreaTable(head + 'kent,Dover,Dover,E01024000\nkent,Dover,Dover,E01024000\n', 'k.csv')).toThrow(
      'k.csv, line 3, lsoa_code: E01024000 is listed twice (also on line 2)',
    );
    expect(() => parseAreaTable(head + 'Kent Police,Dover,Dover,E01024000\n', 'k.csv')).toThrow(
      "k.csv, line 2, force: 'Kent Police' is not a police.uk force id",
    );
    expect(() => parseAreaTable('force,district,lsoa_code\nkent,Dover,E01024000\n', 'k.csv')).toThrow(
      'k.csv: missing column csp',
    );
    expect(() => parseAreaTable(head + 'kent,,Dover,E01024000\n', 'k.csv')).toThrow('k.csv, line 2, csp: is empty');
  });
});
