/**
 * Derived tables, built from a month's street rows whenever that month is written: counts by
 * force, month and category (street_counts), counts by LSOA with the CSP and district the area
 * table gives them (street_area_counts), and the same without the LSOA (street_district_counts). Breakdowns read these thousands-to-millions of
 * pre-counted rows instead of joining and counting every crime. street_area_counts records the
 * area table it was built with; when the area table changes it is rebuilt (rebuildAreaCounts).
 */
import path from 'node:path';
import { sqlStringList } from './sql.js';
import { areasDigest, areaTableFiles, createAreasTable } from './areas.js';
import { DIMENSION_SQL, HOME_FORCE_SQL } from './dimensions.js';
import type { Sql } from './duckdb.js';
import type { StagedMonth } from './import/commit.js';
import { writeMonth, writeMonths } from './import/write.js';
import type { TableName } from './tables.js';

const loaded = new WeakMap<Sql, string>();

/** Creates the `areas` table in this DuckDB session (once) and returns its digest. */
export async function ensureAreas(sql: Sql, areasDir: string): Promise<string> {
  const known = loaded.get(sql);
  if (known) return known;
  const files = await areaTableFiles(areasDir);
  await createAreasTable(sql, files);
  const digest = await areasDigest(files);
  loaded.set(sql, digest);
  return digest;
}

/**
 * One read of the months' street rows, joined to the area table, counts them by LSOA into a
 * temporary table; street_area_counts is that table, and street_district_counts and
 * street_counts are sums of it. So the crimes are read once, and the counts never from Parquet.
 */
export async function writeStreetDerived(
  sql: Sql,
  months: readonly StagedMonth[],
  dir: string,
  areasDir: string,
): Promise<StagedMonth[]> {
  if (months.length === 0) return [];
  return writeAreaCounts(
    sql,
    months.map((m) => m.file),
    dir,
    areasDir,
    { streetCounts: true },
  );
}

const AREA_COUNTS = 'derived_area_counts';

/**
 * street_area_counts' rows from street files: the rows counted by what the area dimensions read
 * first (a few rows per LSOA and category), and only those counts joined to the area table.
 */
function areaCountsQuery(streetFiles: readonly string[]): string {
  return (
    `SELECT g.force, g.month, g.category, ${HOME_FORCE_SQL} AS home_force, ${DIMENSION_SQL.csp} AS csp, ` +
    `${DIMENSION_SQL.district} AS district, ${DIMENSION_SQL.lsoa} AS lsoa, sum(g.n)::BIGINT AS n ` +
    `FROM (SELECT force, month, category, lsoa_code, lsoa_district, count(*) AS n ` +
    `FROM read_parquet(${sqlStringList(streetFiles)}) GROUP BY ALL) g LEFT JOIN areas a ON a.lsoa_code = g.lsoa_code GROUP BY ALL`
  );
}

const DISTRICT_COUNTS = `SELECT force, month, category, home_force, csp, district, sum(n)::BIGINT AS n FROM ${AREA_COUNTS} GROUP BY ALL`;
const STREET_COUNTS = `SELECT force, month, category, sum(n)::BIGINT AS n FROM ${AREA_COUNTS} GROUP BY ALL`;

export async function writeAreaCounts(
  sql: Sql,
  streetFiles: readonly string[],
  dir: string,
  areasDir: string,
  { streetCounts = false }: { streetCounts?: boolean } = {},
): Promise<StagedMonth[]> {
  const digest = await ensureAreas(sql, areasDir);
  await sql.run(`CREATE OR REPLACE TEMP TABLE ${AREA_COUNTS} AS ${areaCountsQuery(streetFiles)}`);
  try {
    const written = await writeMonths(
      sql,
      'street_area_counts',
      `SELECT * FROM ${AREA_COUNTS}`,
      path.join(dir, 'area-counts'),
    );
    const districts = await writeMonths(
      sql,
      'street_district_counts',
      DISTRICT_COUNTS,
      path.join(dir, 'district-counts'),
    );
    const counts = streetCounts ? await writeMonths(sql, 'street_counts', STREET_COUNTS, path.join(dir, 'counts')) : [];
    return [...counts, ...[...written, ...districts].map((w) => ({ ...w, areasDigest: digest }))];
  } finally {
    await sql.run(`DROP TABLE IF EXISTS ${AREA_COUNTS}`);
  }
}

/**
 * The derived tables of one month's street file (which holds every force's rows of the month),
 * as `writeStreetDerived` would write them, but with a plain write per table: the import derives
 * each month as soon as it is written, beside the writing of the next (police-uk/load.ts).
 */
export async function writeStreetDerivedMonth(
  sql: Sql,
  street: StagedMonth,
  dir: string,
  areasDir: string,
): Promise<StagedMonth[]> {
  const digest = await ensureAreas(sql, areasDir);
  await sql.run(`CREATE OR REPLACE TEMP TABLE ${AREA_COUNTS} AS ${areaCountsQuery([street.file])}`);
  try {
    const write = (table: TableName, query: string, sub: string) =>
      writeMonth(sql, table, street.month, query, path.join(dir, sub));
    const area = await write('street_area_counts', `SELECT * FROM ${AREA_COUNTS}`, 'area-counts');
    const district = await write('street_district_counts', DISTRICT_COUNTS, 'district-counts');
    const counts = await write('street_counts', STREET_COUNTS, 'counts');
    return [
      ...(counts ? [counts] : []),
      ...[area, district].filter((w) => w !== undefined).map((w) => ({ ...w, areasDigest: digest })),
    ];
  } finally {
    await sql.run(`DROP TABLE IF EXISTS ${AREA_COUNTS}`);
  }
}
