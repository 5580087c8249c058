/**
 * ONS Crime Severity Scores computed from the Home Office police recorded crime (PRC) open data
 * table for 2017/18 (../shared/data/prc/prc_pfa_2017_18.csv), the shipped ONS weights
 * (data/harm/ons-css-weights.csv, edition current in 2019-20) and ONS mid-2017 population
 * estimates (../shared/data/population/lad_mye_2001_2018_lad18.csv summed over LADs with the
 * 2017 LAD -> PFA lookup in ../shared/data/geography/).
 *
 * Published check values (ONS, Crime Severity Score data tool "datatool.xls", year ending March
 * 2018, "Total recorded crime"), as extracted by traffordDataLab/dashboard
 * data/pride/crime_severity.csv at commit 4f2cfd707d092df612d50e3482d20cf4c882ba37 (script
 * data/pride/pre-processing/crime_severity.R reads the ONS "current" datatool.xls):
 *   Greater Manchester 2017/18  20.785808300951921
 *   England            2017/18  13.344383656612846
 * No published value for West Mercia could be found here; its figure is asserted as computed.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, expect, it } from 'vitest';
import { describeWithSharedData, sharedData } from '../../test/shared-data.js';
import { parsePrcCount } from '../../scripts/build-reference-data.js';
import { crimeSeverityScore, midYearForFinancialYear } from '../domain/harm/css.js';
import { harmOf } from '../domain/harm/harm.js';
import type { WeightsTable } from '../domain/harm/weights.js';
import { loadOnsCssWeights } from './load-weights.js';

type Row = Record<string, string>;
const readCsv = (file: string): Row[] =>
  parse(readFileSync(file), { bom: true, columns: true, skip_empty_lines: true }) as Row[];

const WELSH = new Set(['Dyfed-Powys', 'Gwent', 'North Wales', 'South Wales']);
const NOT_AREAS = new Set([
  'British Transport Police',
  'Action Fraud',
  'CIFAS',
  'UK Finance',
  'Financial Fraud Action UK',
]);

describeWithSharedData('ONS Crime Severity Score 2017/18 from the PRC open data table', () => {
  let weights: WeightsTable;
  /** force -> offence code -> count, four quarters summed. */
  const counts = new Map<string, Map<string, number>>();
  /** LAD code -> mid-2017 population. */
  const pop2017 = new Map<string, number>();
  /** PFA name (2017 lookup) -> LAD codes. */
  const pfaLads = new Map<string, string[]>();

  const population = (pfa: string): number => {
    const lads = pfaLads.get(pfa) ?? [];
    expect(lads.length).toBeGreaterThan(0);
    return lads.reduce((s, l) => s + (pop2017.get(l) ?? Number.NaN), 0);
  };

  beforeAll(() => {
    weights = loadOnsCssWeights();
    for (const r of readCsv(sharedData('prc', 'prc_pfa_2017_18.csv'))) {
      const force = (r['Force Name'] ?? '').trim();
      const code = (r['Offence Code'] ?? '').trim();
      const byCode = counts.get(force) ?? new Map<string, number>();
      byCode.set(code, (byCode.get(code) ?? 0) + parsePrcCount(r['Number of Offences'] ?? ''));
      counts.set(force, byCode);
    }
    for (const r of readCsv(sharedData('population', 'lad_mye_2001_2018_lad18.csv'))) {
      if (r.year === String(midYearForFinancialYear('2017/18')))
        pop2017.set(r.lad2018_code ?? '', Number(r.population));
    }
    for (const r of readCsv(sharedData('geography', 'LAD17_CSP17_PFA17_EW_LU_v2.csv'))) {
      const pfa = r.PFA17NM ?? '';
      pfaLads.set(pfa, [...(pfaLads.get(pfa) ?? []), r.LAD17CD ?? '']);
    }
  });

  it('West Mercia: 84,350 offences, mid-2017 population 1,272,638, CSS 11.1168', () => {
    const wm = counts.get('West Mercia');
    expect(wm).toBeDefined();
    const pop = population('West Mercia');
    expect(pop).toBe(1272638); // ../shared/data/population/README.md
    const r = crimeSeverityScore({
      counts: wm ?? new Map(),
      weights,
      population: pop,
      populationSource: 'ONS mid-2017 estimates, sum of the 9 West Mercia LADs',
    });
    expect(r.weightedCount).toBe(84350); // prc README: West Mercia 2017/18 total excluding fraud
    expect(r.unweighted).toEqual([]); // the force rows carry no fraud codes
    expect(r.method).toBe('ons-definition');
    expect(r.weightedSum).toBeCloseTo(14147686.197, 2);
    expect(r.score).toBeCloseTo(11.116819, 6);
    // Sensitivity to the population year (ONS revises both; state which was used):
    expect(r.weightedSum / 1261142).toBeCloseTo(11.2182, 4); // with mid-2016 instead
  });

  it('Warwickshire: CSS 2017/18 with mid-2017 population 564,562 is 12.4100', () => {
    const pop = population('Warwickshire');
    expect(pop).toBe(564562);
    const r = crimeSeverityScore({
      counts: counts.get('Warwickshire') ?? new Map(),
      weights,
      population: pop,
      populationSource: 'mid-2017',
    });
    expect(r.weightedCount).toBe(41411);
    expect(r.score).toBeCloseTo(12.41, 4);
  });

  it('Greater Manchester: within 2% of the published ONS value 20.7858', () => {
    const pop = population('Greater Manchester');
    expect(pop).toBe(2798799);
    const r = crimeSeverityScore({
      counts: counts.get('Greater Manchester') ?? new Map(),
      weights,
      population: pop,
      populationSource: 'mid-2017',
    });
    expect(r.score).toBeCloseTo(20.5921, 4);
    expect(Math.abs(r.score / 20.785808300951921 - 1)).toBeLessThan(0.02); // -0.93%
  });

  it('England (39 territorial forces, BTP excluded): within 2% of the published ONS value 13.3444', () => {
    let sum = 0;
    for (const [force, byCode] of counts) {
      if (WELSH.has(force) || NOT_AREAS.has(force)) continue;
      const h = harmOf(byCode, weights);
      expect(h.unweighted).toEqual([]);
      sum += h.total;
    }
    const pop = [...pop2017].filter(([lad]) => lad.startsWith('E')).reduce((s, [, p]) => s + p, 0);
    expect(pop).toBe(55619430);
    const score = sum / pop;
    expect(score).toBeCloseTo(13.1835, 4);
    expect(Math.abs(score / 13.344383656612846 - 1)).toBeLessThan(0.02); // -1.21%
  });

  it('fraud bodies are reported as unweighted, not scored', () => {
    const af = counts.get('Action Fraud') ?? new Map<string, number>();
    const r = harmOf(af, weights);
    expect(r.total).toBe(0);
    expect(r.unweighted.map((u) => u.key)).toEqual(['AF']);
    expect(r.unweighted[0]?.reason).toBe('no-published-weight');
  });
});
