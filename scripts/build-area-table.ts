/**
 * Builds the force -> CSP -> district -> LSOA tables from the ONS lookups in
 * `../shared/data/geography/`: `data/areas/england-wales.csv.gz`, every 2011 LSOA of the 43 police
 * force areas of England and Wales (so any force and its CSPs work on day one), and
 * `data/areas/warwickshire-west-mercia.csv`, the alliance's part of it (what the demo generator
 * draws from). Both are shipped (a clone works without `../shared`); this script is how they were
 * made and the test checks that the shipped files still equal a fresh build.
 *
 * Decisions: district names are taken from the LSOA names (`Herefordshire 001A` -> `Herefordshire`),
 * because that is how police.uk writes them, not the ONS LAD name (`Herefordshire, County of`);
 * CSP names are the alliance's own (`South Worcestershire`, `Herefordshire`), not ONS's
 * (`South Worcester`, `Herefordshire, County of`).
 *
 * Run: `npx tsx scripts/build-area-table.ts` (env `STRA_SHARED_DATA` overrides the data folder).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { dataFile } from '../src/data-files.js';
import { forceName } from '../src/domain/crime/forces.js';
import { defaultSharedDataDir } from './shared-data-dir.js';

export const AREA_TABLE_COLUMNS = [
  'force',
  'force_name',
  'csp',
  'district_code',
  'district',
  'lsoa_code',
  'lsoa_name',
] as const;
export type AreaRow = Record<(typeof AREA_TABLE_COLUMNS)[number], string>;

/** The alliance's two police force areas (ONS names). */
export const ALLIANCE_PFAS = ['Warwickshire', 'West Mercia'] as const;

/** ONS police force area names that do not become the police.uk slug by lower-casing and hyphens. */
const PFA_SLUGS: Readonly<Record<string, string>> = {
  'London, City of': 'city-of-london',
  'Metropolitan Police': 'metropolitan',
  'Devon & Cornwall': 'devon-and-cornwall',
};

/** ONS police force area name (`PFA17NM`) -> police.uk force slug and name; fails on one it cannot place. */
export function forceOfPfa(pfaName: string): { slug: string; name: string } {
  const slug =
    PFA_SLUGS[pfaName] ??
    pfaName
      .toLowerCase()
      .replace(/[^a-z]+/g, '-')
      .replace(/^-|-$/g, '');
  const name = forceName(slug);
  if (name === undefined) throw new Error(`police force area '${pfaName}' has no police.uk force (slug ${slug})`);
  return { slug, name };
}

/** ONS CSP name -> the name the alliance uses (see issue 2 and the seed); other forces keep ONS names. */
const CSP_NAMES: Readonly<Record<string, string>> = {
  'North Warwickshire': 'North Warwickshire',
  'Nuneaton and Bedworth': 'Nuneaton and Bedworth',
  Rugby: 'Rugby',
  'South Warwickshire': 'South Warwickshire',
  Shropshire: 'Shropshire',
  'Telford and Wrekin': 'Telford and Wrekin',
  'Herefordshire, County of': 'Herefordshire',
  'North Worcestershire': 'North Worcestershire',
  'South Worcester': 'South Worcestershire',
};

export const LSOA_LOOKUP = path.join('geography', 'LSOA11_WD17_LAD17_EW_LU.csv');
export const CSP_LOOKUP = path.join('geography', 'LAD17_CSP17_PFA17_EW_LU_v2.csv');

export { defaultSharedDataDir };

export function defaultAreaTablePath(): string {
  return dataFile('areas', 'warwickshire-west-mercia.csv');
}

/** Shipped gzipped (3.2 MB of text, 0.4 MB compressed); DuckDB reads it as it is. */
export function nationalAreaTablePath(): string {
  return dataFile('areas', 'england-wales.csv.gz');
}

/** The text of a shipped area table, whether plain or gzipped. */
export function readAreaTableText(file: string): string {
  const bytes = readFileSync(file);
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(file), { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
}

/** `Stratford-on-Avon 005C` -> `Stratford-on-Avon`. */
export function districtOfLsoaName(lsoaName: string): string {
  const m = /^(.*) \d{3}[A-Z]$/.exec(lsoaName);
  if (!m?.[1]) throw new Error(`LSOA name without a district prefix: ${lsoaName}`);
  return m[1];
}

/**
 * The table rows of the given police force areas (ONS names; all 43 when left out), sorted by
 * force, CSP, district and LSOA name.
 */
export function buildAreaRows(sharedDataDir: string, pfas?: readonly string[]): AreaRow[] {
  const lads = new Map<string, { force: { slug: string; name: string }; csp: string }>();
  for (const r of readCsv(path.join(sharedDataDir, CSP_LOOKUP))) {
    const pfa = r.PFA17NM ?? '';
    if (pfas && !pfas.includes(pfa)) continue;
    const force = forceOfPfa(pfa);
    const alliance = (ALLIANCE_PFAS as readonly string[]).includes(pfa);
    const csp = alliance ? CSP_NAMES[r.CSP17NM ?? ''] : r.CSP17NM;
    if (!csp) throw new Error(`unexpected CSP ${r.CSP17NM} in ${r.PFA17NM}`);
    lads.set(r.LAD17CD ?? '', { force, csp });
  }
  const rows: AreaRow[] = [];
  const districtByLad = new Map<string, string>();
  for (const r of readCsv(path.join(sharedDataDir, LSOA_LOOKUP))) {
    const lad = lads.get(r.LAD17CD ?? '');
    if (!lad) continue;
    const lsoaName = r.LSOA11NM ?? '';
    const district = districtOfLsoaName(lsoaName);
    const seen = districtByLad.get(r.LAD17CD ?? '');
    if (seen !== undefined && seen !== district)
      throw new Error(`LAD ${r.LAD17CD} has LSOA prefixes ${seen} and ${district}`);
    districtByLad.set(r.LAD17CD ?? '', district);
    rows.push({
      force: lad.force.slug,
      force_name: lad.force.name,
      csp: lad.csp,
      district_code: r.LAD17CD ?? '',
      district,
      lsoa_code: r.LSOA11CD ?? '',
      lsoa_name: lsoaName,
    });
  }
  const key = (r: AreaRow) => [r.force, r.csp, r.district, r.lsoa_name];
  rows.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      const x = ka[i] ?? '';
      const y = kb[i] ?? '';
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
  return rows;
}

/** The CSV text of the alliance's table, or the national one (LF line endings, quoting only where needed). */
export function buildAreaTable(sharedDataDir: string, scope: 'alliance' | 'national' = 'alliance'): string {
  return stringify(buildAreaRows(sharedDataDir, scope === 'alliance' ? ALLIANCE_PFAS : undefined), {
    header: true,
    columns: [...AREA_TABLE_COLUMNS],
    record_delimiter: 'unix',
  });
}

function main(): void {
  const shared = defaultSharedDataDir();
  for (const [out, scope] of [
    [defaultAreaTablePath(), 'alliance'],
    [nationalAreaTablePath(), 'national'],
  ] as const) {
    const text = buildAreaTable(shared, scope);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, out.endsWith('.gz') ? gzipSync(text, { level: 9 }) : text);
    process.stdout.write(`wrote ${out} (${text.split('\n').length - 2} LSOAs) from ${shared}\n`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
