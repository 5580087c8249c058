/**
 * Population denominators: the ONS mid-year estimates shipped in `data/population/` (built by
 * scripts/build-population-data.ts; sources in data/population/README.md) and any a user loads
 * with `stra population load` (columns `area_code,year,population`). Every row is validated; a
 * bad one is refused naming the file, line and field. A loaded file overrides the shipped
 * figures (and earlier loaded files) for the area-years it lists.
 *
 * An area is found by any of its codes: an ONS code (LSOA, district, CSP, police force area,
 * country) or a police.uk force id (`west-mercia`), which stands for the force's PFA.
 */
import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { dataFile } from '../data-files.js';
import { inputError, notFoundError } from '../errors.js';
import { FORCE_SLUG_PATTERN } from '../domain/crime/forces.js';

export interface PopulationFigure {
  readonly areaCode: string;
  readonly year: number;
  readonly population: number;
  /** Where the figure comes from, for the report: shipped file and vintage, or the user's file and line. */
  readonly source: string;
}

/** One file's figures keyed by area code (and aliases), then year. */
export interface PopulationLayer {
  readonly file: string;
  readonly shipped: boolean;
  readonly figures: ReadonlyMap<string, ReadonlyMap<number, PopulationFigure>>;
  readonly rows: number;
}

/** ONS codes: LSOA E01/W01, district E06-E09/W06, CSP E22/W22, PFA E23/W15, country E92/W92/K04. */
export const ONS_CODE = /^[EWKSN]\d{8}$/;

export const USER_COLUMNS = ['area_code', 'year', 'population'] as const;
const USER_OPTIONAL = ['area_name', 'source'] as const;

interface Cell {
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
}

function readRows(text: string, file: string): { header: string[]; rows: Cell[] } {
  let records: string[][];
  const lines: number[] = [];
  let prevEnd = 0;
  let prevEmpty = 0;
  try {
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      on_record: (record: string[], info: { lines: number; empty_lines: number }) => {
        lines.push(prevEnd + 1 + (info.empty_lines - prevEmpty));
        prevEnd = info.lines;
        prevEmpty = info.empty_lines;
        return record;
      },
    }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw inputError(`${file}${line ? `, line ${line}` : ''}: not a readable CSV (${(err as Error).message})`, {
      file,
      line,
    });
  }
  const [first, ...data] = records;
  if (!first) throw inputError(`${file}: the file is empty (expected a header row)`, { file, line: 1 });
  const header = first.map((h) => h.trim().toLowerCase());
  return {
    header,
    rows: data.map((record, i) => ({
      line: lines[i + 1] ?? i + 2,
      values: Object.fromEntries(header.map((h, j) => [h, (record[j] ?? '').trim()])),
    })),
  };
}

const at = (file: string, line: number, field: string, why: string) =>
  inputError(`${file}, line ${line}, ${field}: ${why}`, { file, line, field });

function integer(file: string, row: Cell, field: string, min: number, max: number): number {
  const raw = row.values[field] ?? '';
  if (raw === '') throw at(file, row.line, field, 'is empty');
  const cleaned = /^\d{1,3}(,\d{3})+$/.test(raw) ? raw.replace(/,/g, '') : raw;
  if (!/^\d+$/.test(cleaned)) throw at(file, row.line, field, `'${raw}' is not a whole number`);
  const n = Number(cleaned);
  if (n < min || n > max) throw at(file, row.line, field, `${n} is outside ${min} to ${max}`);
  return n;
}

function addFigure(figures: Map<string, Map<number, PopulationFigure>>, key: string, f: PopulationFigure): void {
  const years = figures.get(key) ?? new Map<number, PopulationFigure>();
  years.set(f.year, f);
  figures.set(key, years);
}

/**
 * A user's population table: `area_code,year,population` (optional `area_name`, `source`), one
 * row per area and year. `area_code` is an ONS code or a police.uk force id.
 */
export function parsePopulationCsv(text: string, file: string): PopulationLayer {
  const { header, rows } = readRows(text, file);
  const missing = USER_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length)
    throw at(file, 1, missing[0]!, `column missing; a population table needs ${USER_COLUMNS.join(', ')}`);
  const known = new Set<string>([...USER_COLUMNS, ...USER_OPTIONAL]);
  const unknown = header.find((h) => !known.has(h));
  if (unknown !== undefined)
    throw at(file, 1, unknown, `unknown column; the allowed columns are ${[...known].join(', ')}`);
  if (rows.length === 0) throw inputError(`${file}: the population table has no rows`, { file });
  const figures = new Map<string, Map<number, PopulationFigure>>();
  const seen = new Map<string, number>();
  const name = path.basename(file);
  for (const row of rows) {
    const raw = row.values.area_code ?? '';
    if (raw === '') throw at(file, row.line, 'area_code', 'is empty');
    const code = ONS_CODE.test(raw.toUpperCase()) ? raw.toUpperCase() : raw;
    if (!ONS_CODE.test(code) && !FORCE_SLUG_PATTERN.test(code)) {
      throw at(
        file,
        row.line,
        'area_code',
        `'${raw}' is neither an ONS area code (e.g. E07000222, E01031035) nor a police.uk force id (e.g. west-mercia)`,
      );
    }
    const year = integer(file, row, 'year', 1900, 2100);
    const population = integer(file, row, 'population', 1, 100_000_000);
    const key = `${code}/${year}`;
    const prev = seen.get(key);
    if (prev !== undefined) throw at(file, row.line, 'area_code', `${code} ${year} is already given on line ${prev}`);
    seen.set(key, row.line);
    const where = `loaded table ${name}, line ${row.line}`;
    const source = row.values.source ? `${row.values.source} (${where})` : where;
    addFigure(figures, code, { areaCode: code, year, population, source });
  }
  return { file, shipped: false, figures, rows: rows.length };
}

// ---------------------------------------------------------------------------------------------
// The shipped files

export const SHIPPED_FILES = {
  lad: 'lad-mid-year.csv',
  pfa: 'pfa-mid-year.csv',
  lsoa: 'lsoa-mid-2019-alliance.csv',
} as const;

const VINTAGE_SOURCE: Readonly<Record<string, string>> = {
  'mye2018-lad18': 'ONS mid-year estimates, mid-2001 to mid-2018 series (2018 districts)',
  'mye2019-lad19': 'ONS mid-year estimates, mid-2001 to mid-2019 series (2019 districts)',
  'mye2020-lad21': 'ONS mid-year estimates, mid-2020 (2021 districts)',
};

function shippedRows(name: string, columns: readonly string[], text: string): { file: string; rows: Cell[] } {
  const file = dataFile('population', name);
  const { header, rows } = readRows(text, file);
  const missing = columns.find((c) => !header.includes(c));
  if (missing) throw at(file, 1, missing, 'column missing');
  return { file, rows };
}

function code(file: string, row: Cell, field: string, pattern: RegExp): string {
  const v = row.values[field] ?? '';
  if (!pattern.test(v)) throw at(file, row.line, field, `'${v}' is not a valid code`);
  return v;
}

/** Parses the three shipped files (texts keyed by file name) into one layer. */
export function parseShippedPopulation(texts: Readonly<Record<string, string>>): PopulationLayer {
  const figures = new Map<string, Map<number, PopulationFigure>>();
  let count = 0;
  const text = (name: string): string => {
    const t = texts[name];
    if (t === undefined) throw notFoundError(`shipped population file ${name} is missing from data/population/`);
    return t;
  };
  const lad = shippedRows(
    SHIPPED_FILES.lad,
    ['lad_code', 'lad_name', 'year', 'population', 'vintage'],
    text(SHIPPED_FILES.lad),
  );
  const countries = new Map<string, number>();
  for (const r of lad.rows) {
    const c = code(lad.file, r, 'lad_code', /^[EW]0[6-9]\d{6}$/);
    const year = integer(lad.file, r, 'year', 1900, 2100);
    const population = integer(lad.file, r, 'population', 1, 100_000_000);
    const vintage = r.values.vintage ?? '';
    const what = VINTAGE_SOURCE[vintage];
    if (!what)
      throw at(lad.file, r.line, 'vintage', `'${vintage}' is not one of ${Object.keys(VINTAGE_SOURCE).join(', ')}`);
    addFigure(figures, c, { areaCode: c, year, population, source: `${what}, ${r.values.lad_name}` });
    const country = c.startsWith('E') ? 'E92000001' : 'W92000004';
    countries.set(`${country}/${year}`, (countries.get(`${country}/${year}`) ?? 0) + population);
    count++;
  }
  for (const [key, population] of countries) {
    const [c, y] = key.split('/') as [string, string];
    const year = Number(y);
    const name = c === 'E92000001' ? 'England' : 'Wales';
    addFigure(figures, c, {
      areaCode: c,
      year,
      population,
      source: `ONS mid-${year} estimates, sum of the districts of ${name}`,
    });
    const ew = (figures.get('K04000001')?.get(year)?.population ?? 0) + population;
    addFigure(figures, 'K04000001', {
      areaCode: 'K04000001',
      year,
      population: ew,
      source: `ONS mid-${year} estimates, sum of the districts of England and Wales`,
    });
  }
  const pfa = shippedRows(
    SHIPPED_FILES.pfa,
    ['pfa_code', 'pfa_name', 'force', 'year', 'population', 'lads', 'lookup'],
    text(SHIPPED_FILES.pfa),
  );
  for (const r of pfa.rows) {
    const c = code(pfa.file, r, 'pfa_code', /^(E23|W15)\d{6}$/);
    const force = code(pfa.file, r, 'force', FORCE_SLUG_PATTERN);
    const year = integer(pfa.file, r, 'year', 1900, 2100);
    const population = integer(pfa.file, r, 'population', 1, 100_000_000);
    const source = `ONS mid-${year} estimates, sum of the ${r.values.lads} districts of ${r.values.pfa_name} (${r.values.lookup})`;
    addFigure(figures, c, { areaCode: c, year, population, source });
    addFigure(figures, force, { areaCode: c, year, population, source });
    count++;
  }
  const lsoa = shippedRows(SHIPPED_FILES.lsoa, ['lsoa_code', 'year', 'population'], text(SHIPPED_FILES.lsoa));
  for (const r of lsoa.rows) {
    const c = code(lsoa.file, r, 'lsoa_code', /^[EW]01\d{6}$/);
    const year = integer(lsoa.file, r, 'year', 1900, 2100);
    const population = integer(lsoa.file, r, 'population', 1, 100_000_000);
    addFigure(figures, c, { areaCode: c, year, population, source: `ONS LSOA mid-${year} estimates (SAPE22DT2)` });
    count++;
  }
  return { file: dataFile('population'), shipped: true, figures, rows: count };
}

let shippedCache: PopulationLayer | undefined;

export async function loadShippedPopulation(): Promise<PopulationLayer> {
  if (shippedCache) return shippedCache;
  const texts: Record<string, string> = {};
  for (const name of Object.values(SHIPPED_FILES)) texts[name] = await readFile(dataFile('population', name), 'utf8');
  shippedCache = parseShippedPopulation(texts);
  return shippedCache;
}

// ---------------------------------------------------------------------------------------------
// The workspace's loaded tables, and lookups across all layers

/** Where `stra population load` keeps its copies: `<workspace>/warehouse/population/`. */
export function populationDir(warehouseDir: string): string {
  return path.join(warehouseDir, 'population');
}

/** Validates a user's population table and keeps a copy in the workspace. */
export async function loadPopulationFile(
  file: string,
  warehouseDir: string,
): Promise<{ rows: number; areas: number; years: number[]; stored: string }> {
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') throw notFoundError(`no such file: ${file}`, { file });
    throw err;
  });
  const layer = parsePopulationCsv(text, file);
  const dir = populationDir(warehouseDir);
  await mkdir(dir, { recursive: true });
  const stored = path.join(dir, path.basename(file).replace(/[^A-Za-z0-9._-]/g, '_'));
  await copyFile(file, stored);
  const years = new Set<number>();
  for (const byYear of layer.figures.values()) for (const y of byYear.keys()) years.add(y);
  return { rows: layer.rows, areas: layer.figures.size, years: [...years].sort((a, b) => a - b), stored };
}

export class PopulationTable {
  /** Lowest priority first: the shipped files, then loaded files in name order. */
  constructor(readonly layers: readonly PopulationLayer[]) {}

  /** The figure for an area (any of its codes, most specific first) and year; the latest layer wins. */
  get(codes: string | readonly string[], year: number): PopulationFigure | undefined {
    const list = typeof codes === 'string' ? [codes] : codes;
    for (let i = this.layers.length - 1; i >= 0; i--) {
      for (const c of list) {
        const f = this.layers[i]!.figures.get(c)?.get(year);
        if (f) return f;
      }
    }
    return undefined;
  }

  /** Years with a figure for the area, in any layer. */
  years(codes: string | readonly string[]): number[] {
    const list = typeof codes === 'string' ? [codes] : codes;
    const out = new Set<number>();
    for (const layer of this.layers)
      for (const c of list) for (const y of layer.figures.get(c)?.keys() ?? []) out.add(y);
    return [...out].sort((a, b) => a - b);
  }
}

/** The shipped figures plus every table loaded into this workspace. */
export async function populationTable(warehouseDir: string): Promise<PopulationTable> {
  const layers: PopulationLayer[] = [await loadShippedPopulation()];
  const dir = populationDir(warehouseDir);
  const names = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.csv')).sort();
  for (const name of names) {
    const file = path.join(dir, name);
    layers.push(parsePopulationCsv(await readFile(file, 'utf8'), file));
  }
  return new PopulationTable(layers);
}
