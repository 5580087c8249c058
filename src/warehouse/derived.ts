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
import { writeMonths } from './import/write.js';

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

export async function writeStreetDerived(
  sql: Sql,
  months: readonly StagedMonth[],
  dir: string,
  areasDir: string,
): Promise<StagedMonth[]> {
  if (months.length === 0) return [];
  const files = sqlStringList(months.map((m) => m.file));
  const counts = await writeMonths(
    sql,
    'street_counts',
    `SELECT force, month, category, count(*)::BIGINT AS n FROM read_parquet(${files}) GROUP BY ALL`,
    path.join(dir, 'counts'),
  );
  return [
    ...counts,
    ...(await writeAreaCounts(
      sql,
      months.map((m) => m.file),
      dir,
      areasDir,
    )),
  ];
}

export async function writeAreaCounts(
  sql: Sql,
  streetFiles: readonly string[],
  dir: string,
  areasDir: string,
): Promise<StagedMonth[]> {
  const digest = await ensureAreas(sql, areasDir);
  const query =
    `SELECT g.force, g.month, g.category, ${HOME_FORCE_SQL} AS home_force, ${DIMENSION_SQL.csp} AS csp, ` +
    `${DIMENSION_SQL.district} AS district, ${DIMENSION_SQL.lsoa} AS lsoa, count(*)::BIGINT AS n ` +
    `FROM read_parquet(${sqlStringList(streetFiles)}) g LEFT JOIN areas a ON a.lsoa_code = g.lsoa_code GROUP BY ALL`;
  const written = await writeMonths(sql, 'street_area_counts', query, path.join(dir, 'area-counts'));
  const districts = await writeMonths(
    sql,
    'street_district_counts',
    `SELECT force, month, category, home_force, csp, district, sum(n)::BIGINT AS n FROM read_parquet(${sqlStringList(written.map((w) => w.file))}) GROUP BY ALL`,
    path.join(dir, 'district-counts'),
  );
  return [...written, ...districts].map((w) => ({ ...w, areasDigest: digest }));
}
