/**
 * Area tables: force -> community safety partnership -> district -> LSOA. The national table
 * (every 2011 LSOA of the 43 forces of England and Wales, from the ONS lookups) and the alliance's
 * ship with OpenSTRA; a user loads their own (`stra areas load`), which overrides the shipped
 * ones for the LSOAs it lists.
 */
import { createHash } from 'node:crypto';
import { copyFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { dataFile } from '../data-files.js';
import { inputError } from '../errors.js';
import { FORCE_SLUG_PATTERN } from '../domain/crime/forces.js';
import type { Sql } from './duckdb.js';
import { sqlStringList } from './sql.js';
import { noun } from '../domain/plural.js';

export const AREA_COLUMNS = [
  'force',
  'force_name',
  'csp',
  'district_code',
  'district',
  'lsoa_code',
  'lsoa_name',
] as const;
const REQUIRED = ['force', 'csp', 'district', 'lsoa_code'] as const;

export interface AreaRow {
  force: string;
  force_name: string;
  csp: string;
  district_code: string;
  district: string;
  lsoa_code: string;
  lsoa_name: string;
}

/** Parses and checks an area table; the error names the file, line and field. */
export function parseAreaTable(text: string, fileName: string): AreaRow[] {
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      bom: true,
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
    }) as Record<string, string>[];
  } catch (err) {
    throw inputError(`${fileName}: not a readable CSV (${(err as Error).message})`);
  }
  const header = records.length ? Object.keys(records[0]!) : [];
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (records.length === 0) throw inputError(`${fileName}: the area table has no rows`);
  if (missing.length)
    throw inputError(
      `${fileName}: missing ${noun(missing.length, 'column')} ${missing.join(', ')}; an area table needs ${REQUIRED.join(', ')}`,
    );
  const seen = new Map<string, number>();
  return records.map((r, i) => {
    const line = i + 2;
    const at = (field: string, why: string) => inputError(`${fileName}, line ${line}, ${field}: ${why}`);
    for (const c of REQUIRED) if (!r[c]) throw at(c, 'is empty');
    if (!FORCE_SLUG_PATTERN.test(r.force!))
      throw at(
        'force',
        `'${r.force}' is not a police.uk force id (lower-case words joined by hyphens, e.g. west-mercia)`,
      );
    if (!/^[EW]01\d{6}$/.test(r.lsoa_code!)) throw at('lsoa_code', `'${r.lsoa_code}' is not an ONS LSOA code`);
    const prev = seen.get(r.lsoa_code!);
    if (prev) throw at('lsoa_code', `${r.lsoa_code} is listed twice (also on line ${prev})`);
    seen.set(r.lsoa_code!, line);
    return {
      force: r.force!,
      force_name: r.force_name ?? '',
      csp: r.csp!,
      district_code: r.district_code ?? '',
      district: r.district!,
      lsoa_code: r.lsoa_code!,
      lsoa_name: r.lsoa_name ?? '',
    };
  });
}

/** Validates a user's area table and keeps a copy in the workspace. */
export async function loadAreaTable(
  file: string,
  areasDir: string,
): Promise<{ rows: number; forces: string[]; stored: string }> {
  const rows = parseAreaTable(await readFile(file, 'utf8'), file);
  const stored = path.join(areasDir, path.basename(file).replace(/[^A-Za-z0-9._-]/g, '_'));
  await copyFile(file, stored);
  return { rows: rows.length, forces: [...new Set(rows.map((r) => r.force))], stored };
}

/** The files that make up the effective area table, lowest priority first. */
export async function areaTableFiles(areasDir: string): Promise<string[]> {
  const shipped = dataFile('areas');
  const list = async (dir: string) =>
    (await readdir(dir).catch(() => [] as string[]))
      .filter((f) => f.endsWith('.csv') || f.endsWith('.csv.gz'))
      .sort()
      .map((f) => path.join(dir, f));
  return [...(await list(shipped)), ...(await list(areasDir))];
}

/**
 * Creates the `areas` table in DuckDB: one row per LSOA, later files winning. The rows (already
 * validated and de-duplicated here) go in through DuckDB's appender: tens of thousands of LSOAs
 * load in milliseconds, where INSERT statements took over a second on every open.
 */
export async function createAreasTable(sql: Sql, files: readonly string[]): Promise<void> {
  // The shipped tables (checked by their build's test) are read by DuckDB itself: parsing the
  // national table's 35,000 rows in JavaScript took 1.7 s on every open. Users' tables are checked.
  const shippedDir = dataFile('areas');
  const shipped = files.filter((f) => path.dirname(f) === shippedDir);
  const latest = new Map<string, AreaRow>();
  for (const f of files.filter((x) => !shipped.includes(x)))
    for (const r of parseAreaTable(await readFile(f, 'utf8'), f)) latest.set(r.lsoa_code, r);
  const columns = AREA_COLUMNS.map((c) => `${c} VARCHAR`).join(', ');
  await sql.run(`CREATE OR REPLACE TEMP TABLE areas (${columns})`);
  if (shipped.length)
    await sql.run(
      `INSERT INTO areas SELECT ${AREA_COLUMNS.join(', ')} FROM read_csv(${sqlStringList(shipped)}, header = true, ` +
        `all_varchar = true, union_by_name = true, filename = true) ` +
        `QUALIFY row_number() OVER (PARTITION BY lsoa_code ORDER BY filename DESC) = 1`,
    );
  if (latest.size) {
    await sql.run(`CREATE OR REPLACE TEMP TABLE areas_loaded (${columns})`);
    await sql.append(
      'areas_loaded',
      [...latest.values()].map((r) => AREA_COLUMNS.map((c) => r[c] ?? null)),
    );
    await sql.run('DELETE FROM areas WHERE lsoa_code IN (SELECT lsoa_code FROM areas_loaded)');
    await sql.run('INSERT INTO areas SELECT * FROM areas_loaded');
    await sql.run('DROP TABLE areas_loaded');
  }
}

/** A fingerprint of the effective area table: derived tables record the one they were built with. */
export async function areasDigest(files: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const f of files)
    hash
      .update(path.basename(f))
      .update('\0')
      .update(await readFile(f))
      .update('\0');
  return hash.digest('hex').slice(0, 16);
}
