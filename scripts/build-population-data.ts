/**
 * Builds the ONS population reference data shipped in `data/population/` from the copies in
 * `../shared/data/population/` and `../shared/data/geography/` (see data/population/README.md
 * for sources, licence and every decision). The runtime never reads ../shared; this script is
 * how the shipped files were made, and its test checks they still equal a fresh build.
 *
 *  - `lad-mid-year.csv`: mid-2001..mid-2020 by local authority district, England and Wales, each
 *    year on the district codes of its time (2018 codes to mid-2018, 2019 codes for mid-2019, 2021
 *    codes for mid-2020), with the vintage each row comes from.
 *  - `pfa-mid-year.csv`: police force area totals (sums of the districts), with the lookup used.
 *  - `lsoa-mid-2019-alliance.csv`: mid-2019 for the 1,120 LSOAs of the shipped alliance area table.
 *
 * Run: `npx tsx scripts/build-population-data.ts` (env `STRA_SHARED_DATA` overrides the folder).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { dataFile } from '../src/data-files.js';
import { prcForce } from '../src/domain/crime/home-office-forces.js';
import { defaultSharedDataDir } from './shared-data-dir.js';

export const LAD_COLUMNS = ['lad_code', 'lad_name', 'year', 'population', 'vintage'] as const;
export const PFA_COLUMNS = ['pfa_code', 'pfa_name', 'force', 'year', 'population', 'lads', 'lookup'] as const;
export const LSOA_COLUMNS = ['lsoa_code', 'year', 'population'] as const;

export const OUTPUT_FILES = {
  lad: 'lad-mid-year.csv',
  pfa: 'pfa-mid-year.csv',
  lsoa: 'lsoa-mid-2019-alliance.csv',
} as const;

/** The three LAD series, each used for the years on its own geography (see the README). */
const VINTAGES = [
  {
    vintage: 'mye2018-lad18',
    file: 'lad_mye_2001_2018_lad18.csv',
    code: 'lad2018_code',
    name: 'lad2018_name',
    years: [2001, 2018],
  },
  {
    vintage: 'mye2019-lad19',
    file: 'lad_mye_2001_2019_lad19.csv',
    code: 'ladcode19',
    name: 'laname19',
    years: [2019, 2019],
  },
  { vintage: 'mye2020-lad21', file: 'lad_mye_2001_2020_lad21.csv', code: 'code', name: 'name', years: [2020, 2020] },
] as const;

/** LAD -> PFA lookup used for each range of years: the one whose codes the LAD series uses. */
const LOOKUPS = [
  {
    lookup: 'LAD18_CSP18_PFA18_EW_LU',
    file: 'LAD18_CSP18_PFA18_EW_LU.csv',
    lad: 'LAD18CD',
    pfa: 'PFA18CD',
    pfaName: 'PFA18NM',
    years: [2001, 2018],
  },
  {
    lookup: 'LAD19_CSP19_PFA19_EW_LU',
    file: 'LAD19_CSP19_PFA19_EW_LU.csv',
    lad: 'LAD19CD',
    pfa: 'PFA19CD',
    pfaName: 'PFA19NM',
    years: [2019, 2020],
  },
] as const;

/**
 * Unitary authorities created after the December 2019 lookup (ONS code history): each replaced
 * districts of one police force area, so it takes their PFA. The build checks that the new
 * authority's back series equals the sum of its predecessors for every year 2001-2019.
 */
export const SUCCESSORS: Readonly<Record<string, readonly string[]>> = {
  E06000060: ['E07000004', 'E07000005', 'E07000006', 'E07000007'], // Buckinghamshire, 1 April 2020
  E06000061: ['E07000150', 'E07000152', 'E07000153', 'E07000156'], // North Northamptonshire, 1 April 2021
  E06000062: ['E07000151', 'E07000154', 'E07000155'], // West Northamptonshire, 1 April 2021
};

type Row = Record<string, string>;

function readCsv(file: string, options: { header?: boolean } = {}): Row[] | string[][] {
  const text = readFileSync(file);
  return options.header === false
    ? (parse(text, { bom: true, skip_empty_lines: true }) as string[][])
    : (parse(text, { bom: true, columns: true, skip_empty_lines: true }) as Row[]);
}
const rowsOf = (file: string): Row[] => readCsv(file) as Row[];

/** ONS codes in these files carry stray spaces (a non-breaking space after two 2021 codes). */
const clean = (v: string | undefined): string => (v ?? '').replace(/[\s\u00a0]+/g, ' ').trim();

export interface LadRow {
  lad_code: string;
  lad_name: string;
  year: number;
  population: number;
  vintage: string;
}

/** Every vintage's rows, E and W codes only, as parsed. */
function readVintage(shared: string, v: (typeof VINTAGES)[number]): LadRow[] {
  return rowsOf(path.join(shared, 'population', v.file))
    .map((r) => ({
      lad_code: clean(r[v.code]),
      lad_name: clean(r[v.name]),
      year: Number(r.year),
      population: Number(r.population),
      vintage: v.vintage,
    }))
    .filter((r) => /^[EW]\d{8}$/.test(r.lad_code));
}

export function buildLadRows(shared: string): LadRow[] {
  const out: LadRow[] = [];
  for (const v of VINTAGES) {
    for (const r of readVintage(shared, v)) {
      if (!Number.isInteger(r.year) || !Number.isInteger(r.population) || r.population <= 0) {
        throw new Error(`${v.file}: bad row ${JSON.stringify(r)}`);
      }
      if (r.year >= v.years[0] && r.year <= v.years[1]) out.push(r);
    }
  }
  checkVintagesAgree(shared);
  checkSuccessors(shared);
  return out.sort((a, b) => (a.lad_code === b.lad_code ? a.year - b.year : a.lad_code < b.lad_code ? -1 : 1));
}

/** Where two vintages share a district and year they must agree (they do, exactly). */
function checkVintagesAgree(shared: string): void {
  const seen = new Map<string, LadRow>();
  for (const v of VINTAGES) {
    for (const r of readVintage(shared, v)) {
      const key = `${r.lad_code}/${r.year}`;
      const prev = seen.get(key);
      if (prev && prev.population !== r.population) {
        throw new Error(`${key}: ${prev.vintage} has ${prev.population}, ${r.vintage} has ${r.population}`);
      }
      seen.set(key, r);
    }
  }
}

function checkSuccessors(shared: string): void {
  const v19 = new Map(readVintage(shared, VINTAGES[1]).map((r) => [`${r.lad_code}/${r.year}`, r.population]));
  const v21 = readVintage(shared, VINTAGES[2]);
  for (const [code, parts] of Object.entries(SUCCESSORS)) {
    for (const r of v21.filter((x) => x.lad_code === code && x.year <= 2019)) {
      const sum = parts.reduce((a, p) => a + (v19.get(`${p}/${r.year}`) ?? Number.NaN), 0);
      if (sum !== r.population)
        throw new Error(`${code} ${r.year}: ${r.population} is not the sum of ${parts.join(', ')} (${sum})`);
    }
  }
}

export interface PfaRow {
  pfa_code: string;
  pfa_name: string;
  force: string;
  year: number;
  population: number;
  lads: number;
  lookup: string;
}

export function buildPfaRows(shared: string, lads: readonly LadRow[] = buildLadRows(shared)): PfaRow[] {
  const out: PfaRow[] = [];
  for (const l of LOOKUPS) {
    const pfaOf = new Map<string, { code: string; name: string }>();
    for (const r of rowsOf(path.join(shared, 'geography', l.file)))
      pfaOf.set(clean(r[l.lad]), { code: clean(r[l.pfa]), name: clean(r[l.pfaName]) });
    const successorsUsed = new Set<string>();
    for (const [code, parts] of Object.entries(SUCCESSORS)) {
      const pfas = new Set(parts.map((p) => pfaOf.get(p)?.code));
      if (pfas.size !== 1 || pfas.has(undefined)) continue; // not in this lookup's geography
      pfaOf.set(code, pfaOf.get(parts[0]!)!);
      successorsUsed.add(code);
    }
    for (let year = l.years[0]; year <= l.years[1]; year++) {
      const sums = new Map<string, { name: string; population: number; lads: number; successor: boolean }>();
      for (const r of lads.filter((x) => x.year === year)) {
        const pfa = pfaOf.get(r.lad_code);
        if (!pfa) throw new Error(`${r.lad_code} (${r.lad_name}) mid-${year} is not in ${l.file}`);
        const s = sums.get(pfa.code) ?? { name: pfa.name, population: 0, lads: 0, successor: false };
        s.population += r.population;
        s.lads++;
        s.successor ||= successorsUsed.has(r.lad_code);
        sums.set(pfa.code, s);
      }
      for (const [code, s] of sums) {
        const force = prcForce(s.name)?.force;
        if (!force) throw new Error(`PFA ${s.name} has no police.uk force id`);
        const lookup = s.successor ? `${l.lookup} + 2020/2021 unitary authorities` : l.lookup;
        out.push({ pfa_code: code, pfa_name: s.name, force, year, population: s.population, lads: s.lads, lookup });
      }
    }
  }
  return out.sort((a, b) => (a.pfa_code === b.pfa_code ? a.year - b.year : a.pfa_code < b.pfa_code ? -1 : 1));
}

export interface LsoaRow {
  lsoa_code: string;
  year: number;
  population: number;
}

/** Mid-2019 for the LSOAs of the shipped alliance area table, in its order. */
export function buildLsoaRows(
  shared: string,
  areaTable = dataFile('areas', 'warwickshire-west-mercia.csv'),
): LsoaRow[] {
  const pop = new Map<string, number>();
  for (const [code, n] of readCsv(path.join(shared, 'population', 'lsoa11_mye2019_ew.csv'), {
    header: false,
  }) as string[][]) {
    pop.set(clean(code), Number(n));
  }
  return rowsOf(areaTable).map((r) => {
    const code = clean(r.lsoa_code);
    const population = pop.get(code);
    if (population === undefined || !Number.isInteger(population))
      throw new Error(`no mid-2019 population for LSOA ${code}`);
    return { lsoa_code: code, year: 2019, population };
  });
}

const csv = (rows: readonly object[], columns: readonly string[]): string =>
  stringify(rows as Record<string, unknown>[], { header: true, columns: [...columns], record_delimiter: 'unix' });

/** The three files' text, keyed by file name. */
export function buildPopulationFiles(shared: string): Record<string, string> {
  const lads = buildLadRows(shared);
  return {
    [OUTPUT_FILES.lad]: csv(lads, LAD_COLUMNS),
    [OUTPUT_FILES.pfa]: csv(buildPfaRows(shared, lads), PFA_COLUMNS),
    [OUTPUT_FILES.lsoa]: csv(buildLsoaRows(shared), LSOA_COLUMNS),
  };
}

export function shippedPopulationDir(): string {
  return dataFile('population');
}

function main(): void {
  const shared = defaultSharedDataDir();
  const dir = shippedPopulationDir();
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(buildPopulationFiles(shared))) {
    writeFileSync(path.join(dir, name), text);
    process.stdout.write(
      `wrote ${path.join(dir, name)} (${text.split('\n').length - 2} rows, ${text.length.toLocaleString('en-GB')} bytes) from ${shared}\n`,
    );
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
