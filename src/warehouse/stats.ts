/**
 * Counts of recorded crime by any mix of force, CSP, district, LSOA, month and category, so
 * an analyst can check an import against police.uk's own figures. Gaps in coverage are
 * returned with the counts: a force-month with no data is listed as missing, never as zero.
 */
import { parseMonth, type Month } from '../domain/crime/month.js';
import { usageError } from '../errors.js';
import { sqlString, sqlStringList } from './sql.js';
import { coverage } from './coverage.js';
import { AREA_COUNTS_SQL, DIMENSION_SQL } from './dimensions.js';
import type { Warehouse } from './reader.js';

export const STAT_DIMENSIONS = ['force', 'csp', 'district', 'lsoa', 'month', 'category'] as const;
export type StatDimension = (typeof STAT_DIMENSIONS)[number];

export interface StatsQuery {
  readonly by: readonly StatDimension[];
  readonly from?: Month;
  readonly to?: Month;
  readonly forces?: readonly string[];
  readonly categories?: readonly string[];
}

export interface StatsResult {
  readonly by: readonly StatDimension[];
  readonly rows: Record<string, string | number>[];
  readonly total: number;
  /** Force-months inside the range with no data: not zero crime, unknown. */
  readonly missing: { force: string; month: string }[];
}

/** Dimensions the derived street_counts table holds. */
const COUNTED = new Set<StatDimension>(['force', 'month', 'category']);

function fromCounts(by: readonly StatDimension[], where: readonly string[]): string {
  const dims = by.map((d) => `${DIMENSION_SQL[d]} AS "${d}"`);
  return (
    `SELECT ${[...dims, 'sum(g.n)::BIGINT AS count'].join(', ')} FROM street_counts g ` +
    `${where.length ? 'WHERE ' + where.join(' AND ') : ''} ${dims.length ? 'GROUP BY ALL ORDER BY ALL' : ''}`
  );
}

/** Area breakdowns: from street_area_counts when it matches the area table, else from the rows. */
function fromAreas(by: readonly StatDimension[], where: readonly string[], fresh: boolean): string {
  const map = fresh ? AREA_COUNTS_SQL : DIMENSION_SQL;
  const dims = by.map((d) => `${map[d]} AS "${d}"`);
  const table = by.includes('lsoa') ? 'street_area_counts' : 'street_district_counts';
  const from = fresh ? `${table} g` : 'street g LEFT JOIN areas a ON a.lsoa_code = g.lsoa_code';
  return (
    `SELECT ${[...dims, `${fresh ? 'sum(g.n)' : 'count(*)'}::BIGINT AS count`].join(', ')} FROM ${from} ` +
    `${where.length ? 'WHERE ' + where.join(' AND ') : ''} ${dims.length ? 'GROUP BY ALL ORDER BY ALL' : ''}`
  );
}

export function parseDimensions(text: string): StatDimension[] {
  const dims = text
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
  for (const d of dims) {
    if (!(STAT_DIMENSIONS as readonly string[]).includes(d)) {
      throw usageError(`--by: '${d}' is not a dimension; use any of ${STAT_DIMENSIONS.join(', ')}`);
    }
  }
  if (new Set(dims).size !== dims.length) throw usageError('--by: a dimension is listed twice');
  return dims as StatDimension[];
}

export function parseMonthOption(name: string, value: string | undefined): Month | undefined {
  if (value === undefined) return undefined;
  const m = parseMonth(value);
  if (!m) throw usageError(`${name}: '${value}' is not a month (expected YYYY-MM)`);
  return m;
}

export async function crimeStats(wh: Warehouse, q: StatsQuery): Promise<StatsResult> {
  if (q.from && q.to && q.from > q.to) throw usageError(`--from ${q.from} is after --to ${q.to}`);
  const where = [
    q.from ? `g.month >= CAST(${sqlString(q.from + '-01')} AS DATE)` : '',
    q.to ? `g.month <= CAST(${sqlString(q.to + '-01')} AS DATE)` : '',
    q.forces?.length ? `g.force IN (SELECT unnest(${sqlStringList(q.forces)}))` : '',
    q.categories?.length ? `g.category IN (SELECT unnest(${sqlStringList(q.categories)}))` : '',
  ].filter(Boolean);
  const sql = q.by.every((d) => COUNTED.has(d)) ? fromCounts(q.by, where) : fromAreas(q.by, where, wh.areaCountsFresh);
  const rows = await wh.sql.all<Record<string, string | number>>(sql);
  const total = rows.reduce((a, r) => a + Number(r.count), 0);
  const cov = coverage(wh.catalog, 'street', { from: q.from, to: q.to });
  const missing = cov.forces
    .filter((f) => !q.forces?.length || q.forces.includes(f.force))
    .flatMap((f) => f.missing.map((month) => ({ force: f.force, month })));
  return { by: q.by, rows: q.by.length ? rows : [{ count: total }], total, missing };
}
