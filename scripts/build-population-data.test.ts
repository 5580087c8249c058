/**
 * The shipped population files (data/population/) are exactly what the build script makes from
 * ../shared/data, and reproduce the figures that folder's README publishes.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, expect, it } from 'vitest';
import { describeWithSharedData, sharedData, sharedDataDir } from '../test/shared-data.js';
import { buildPopulationFiles, OUTPUT_FILES, shippedPopulationDir } from './build-population-data.js';

type Row = Record<string, string>;
const shipped = (name: string): string => readFileSync(path.join(shippedPopulationDir(), name), 'utf8');
const rows = (text: string | Buffer): Row[] => parse(text, { bom: true, columns: true }) as Row[];

describeWithSharedData('shipped population data', () => {
  let built: Record<string, string>;
  beforeAll(() => {
    built = buildPopulationFiles(sharedDataDir);
  });

  it('is exactly what a fresh build from ../shared/data gives, and small', () => {
    let bytes = 0;
    for (const name of Object.values(OUTPUT_FILES)) {
      expect(shipped(name), name).toBe(built[name]);
      bytes += statSync(path.join(shippedPopulationDir(), name)).size;
    }
    expect(bytes).toBeLessThan(2 * 1024 * 1024);
  });

  it('gives the force totals of the population README (sums of LADs)', () => {
    const pfa = new Map(rows(shipped(OUTPUT_FILES.pfa)).map((r) => [`${r.force}/${r.year}`, Number(r.population)]));
    const readme: [number, number, number][] = [
      [2012, 1_230_725, 548_320],
      [2015, 1_251_476, 555_154],
      [2016, 1_261_142, 558_991],
      [2017, 1_272_638, 564_562],
      [2018, 1_282_237, 571_010],
      [2019, 1_291_577, 577_933],
      [2020, 1_298_422, 583_786],
    ];
    for (const [year, westMercia, warwickshire] of readme) {
      expect(pfa.get(`west-mercia/${year}`), `West Mercia ${year}`).toBe(westMercia);
      expect(pfa.get(`warwickshire/${year}`), `Warwickshire ${year}`).toBe(warwickshire);
    }
  });

  it('has every police force area of England and Wales for every year 2001-2020', () => {
    const pfa = rows(shipped(OUTPUT_FILES.pfa));
    expect(pfa).toHaveLength(43 * 20);
    expect(new Set(pfa.map((r) => r.force)).size).toBe(43);
    expect(new Set(pfa.map((r) => r.year))).toEqual(new Set(Array.from({ length: 20 }, (_, i) => String(2001 + i))));
  });

  it('agrees with the ONS PFA tables population for mid-2018 (rounded to 100)', () => {
    const ours = new Map(rows(shipped(OUTPUT_FILES.pfa)).map((r) => [`${r.pfa_code}/${r.year}`, Number(r.population)]));
    const ons2018 = rows(readFileSync(sharedData('population', 'pfa_mye2018_ons_pfa_tables.csv'))).filter((r) =>
      /^(E23|W15)/.test(r.code ?? ''),
    );
    expect(ons2018).toHaveLength(43);
    for (const r of ons2018)
      expect(Math.abs(ours.get(`${r.code}/2018`)! - Number(r.MYE2018)), r.name).toBeLessThanOrEqual(50);
    // Not compared: pfa_mye_2001_2010_thousands.csv is another vintage (West Mercia mid-2010 1,192.7
    // thousand there, 1,217,109 in the ONS series revised after the 2011 Census); see the README.
  });

  it('sums the alliance LSOAs (mid-2019) to the mid-2019 district totals', () => {
    const areas = rows(readFileSync(path.join(shippedPopulationDir(), '..', 'areas', 'warwickshire-west-mercia.csv')));
    const lsoa = new Map(rows(shipped(OUTPUT_FILES.lsoa)).map((r) => [r.lsoa_code, Number(r.population)]));
    expect(lsoa.size).toBe(1120);
    const sums = new Map<string, number>();
    for (const a of areas) sums.set(a.district_code!, (sums.get(a.district_code!) ?? 0) + lsoa.get(a.lsoa_code!)!);
    const lad = new Map(
      rows(shipped(OUTPUT_FILES.lad))
        .filter((r) => r.year === '2019')
        .map((r) => [r.lad_code, Number(r.population)]),
    );
    expect(sums.size).toBe(14);
    for (const [code, sum] of sums) expect(sum, code).toBe(lad.get(code));
  });

  it('keeps one geography per year: 2018 codes to mid-2018, 2019 codes for mid-2019, 2021 codes for mid-2020', () => {
    const lad = rows(shipped(OUTPUT_FILES.lad));
    const vintages = new Map<string, Set<string>>();
    for (const r of lad) vintages.set(r.year!, (vintages.get(r.year!) ?? new Set()).add(r.vintage!));
    expect([...vintages.get('2017')!]).toEqual(['mye2018-lad18']);
    expect([...vintages.get('2019')!]).toEqual(['mye2019-lad19']);
    expect([...vintages.get('2020')!]).toEqual(['mye2020-lad21']);
    const count = (y: string) => lad.filter((r) => r.year === y).length;
    expect([count('2017'), count('2019'), count('2020')]).toEqual([348, 339, 331]);
    expect(lad.every((r) => /^[EW]0[6-9]\d{6}$/.test(r.lad_code!))).toBe(true);
    // England mid-2017, as the ONS Crime Severity Score check uses it (src/harm-data/css-published.test.ts).
    expect(
      lad.filter((r) => r.year === '2017' && r.lad_code!.startsWith('E')).reduce((a, r) => a + Number(r.population), 0),
    ).toBe(55_619_430);
  });

  it('uses a LAD -> PFA lookup that gives the same force for every district as the January 2017 one', () => {
    const l17 = rows(readFileSync(sharedData('geography', 'LAD17_CSP17_PFA17_EW_LU_v2.csv')));
    const l18 = new Map(
      rows(readFileSync(sharedData('geography', 'LAD18_CSP18_PFA18_EW_LU.csv'))).map((r) => [r.LAD18CD, r.PFA18CD]),
    );
    expect(l17).toHaveLength(348);
    for (const r of l17) expect(l18.get(r.LAD17CD), r.LAD17NM).toBe(r.PFA17CD);
  });
});
