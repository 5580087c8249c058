/**
 * Counts of recorded crime by area and category for a list of reporting periods, each cell
 * marked complete only when every month of the period is in the warehouse for the force the
 * area belongs to. An incomplete period is never compared: a missing month is not zero crime.
 */
import { monthRange, type Month } from '../domain/crime/month.js';
import type { Period } from '../domain/crime/periods.js';
import { sqlString, sqlStringList } from '../ingest/sql.js';
import type { Catalog } from '../warehouse/catalog.js';
import { DIMENSION_SQL, HOME_FORCE_SQL, needsAreaJoin, type AreaDimension } from '../warehouse/dimensions.js';
import type { Warehouse } from '../warehouse/reader.js';

/** A named span of months: a reporting period, or any range an analyst picks. */
export type PeriodSpan = Pick<Period, 'label' | 'first' | 'last'>;

export interface CountsQuery {
  /** Area dimensions to break down by (none: the whole warehouse, or the forces asked for). */
  readonly areas: readonly AreaDimension[];
  readonly byCategory: boolean;
  readonly periods: readonly PeriodSpan[];
  readonly forces?: readonly string[];
  readonly categories?: readonly string[];
  /** Only cells whose area matches, e.g. { csp: 'Rugby' }. */
  readonly where?: Partial<Record<AreaDimension, string>>;
}

/** One area (and category) cell. */
export interface Cell {
  readonly key: string;
  readonly area: Partial<Record<AreaDimension, string>>;
  readonly category: string | null;
}

export interface PeriodCount {
  readonly count: number;
  readonly complete: boolean;
}

export interface CountsResult {
  readonly cells: Cell[];
  /** counts.get(cell.key)?.get(period.label); a cell with no crime in a complete period has count 0. */
  readonly counts: Map<string, Map<string, PeriodCount>>;
  readonly missing: { force: string; month: string }[];
}

interface Row {
  cell: string;
  home: string;
  period: string;
  n: number;
  [dim: string]: string | number;
}

export async function periodCounts(wh: Warehouse, q: CountsQuery): Promise<CountsResult> {
  const rows = await wh.sql.all<Row>(countsSql(q));
  const present = presentMonths(wh.catalog);
  const homes = new Map<string, Set<string>>();
  const sums = new Map<string, Map<string, number>>();
  const cells = new Map<string, Cell>();
  for (const r of rows) {
    if (!cells.has(r.cell)) {
      const area: Partial<Record<AreaDimension, string>> = {};
      for (const d of q.areas) area[d] = String(r[d]);
      cells.set(r.cell, { key: r.cell, area, category: q.byCategory ? String(r.category) : null });
    }
    homes.set(r.cell, (homes.get(r.cell) ?? new Set()).add(r.home));
    const byPeriod = sums.get(r.cell) ?? new Map<string, number>();
    byPeriod.set(r.period, (byPeriod.get(r.period) ?? 0) + r.n);
    sums.set(r.cell, byPeriod);
  }
  const missing = new Map<string, { force: string; month: string }>();
  const counts = new Map<string, Map<string, PeriodCount>>();
  for (const [key, cellHomes] of homes) {
    const byPeriod = new Map<string, PeriodCount>();
    for (const p of q.periods) {
      const gaps = [...cellHomes].flatMap((f) => monthRange(p.first, p.last).filter((m) => !present.get(f)?.has(m)).map((m) => ({ force: f, month: m })));
      for (const g of gaps) missing.set(`${g.force}/${g.month}`, g);
      byPeriod.set(p.label, { count: sums.get(key)?.get(p.label) ?? 0, complete: gaps.length === 0 });
    }
    counts.set(key, byPeriod);
  }
  const sorted = [...cells.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { cells: sorted, counts, missing: [...missing.values()].sort((a, b) => (a.force + a.month < b.force + b.month ? -1 : 1)) };
}

function countsSql(q: CountsQuery): string {
  const dims = [...q.areas, ...(q.byCategory ? ['category' as const] : [])];
  const joinAreas = needsAreaJoin(q.areas) || Object.keys(q.where ?? {}).length > 0;
  const first = q.periods.reduce((a, p) => (p.first < a ? p.first : a), q.periods[0]!.first);
  const last = q.periods.reduce((a, p) => (p.last > a ? p.last : a), q.periods[0]!.last);
  const filters = [
    `month BETWEEN DATE ${sqlString(first + '-01')} AND DATE ${sqlString(last + '-01')}`,
    q.forces?.length ? `force IN (SELECT unnest(${sqlStringList(q.forces)}))` : '',
    q.categories?.length ? `category IN (SELECT unnest(${sqlStringList(q.categories)}))` : '',
  ].filter(Boolean);
  const areaFilters = Object.entries(q.where ?? {}).map(([d, v]) => `${DIMENSION_SQL[d as AreaDimension]} = ${sqlString(String(v))}`);
  const inner = joinAreas
    ? `SELECT force, month, category, lsoa_code, lsoa_district, count(*) AS n FROM street WHERE ${filters.join(' AND ')} GROUP BY ALL`
    : `SELECT force, month, category, n FROM street_counts WHERE ${filters.join(' AND ')}`;
  const dimSql = dims.map((d) => `${DIMENSION_SQL[d]} AS "${d}"`);
  const cellKey = dims.length ? `concat_ws(' | ', ${dims.map((d) => DIMENSION_SQL[d]).join(', ')})` : `'all'`;
  const select = [...dimSql, `${cellKey} AS cell`, `${joinAreas ? HOME_FORCE_SQL : 'g.force'} AS home`];
  const areasJoin = joinAreas ? 'LEFT JOIN areas a ON a.lsoa_code = g.lsoa_code ' : '';
  const where = areaFilters.length ? `WHERE ${areaFilters.join(' AND ')} ` : '';
  const date = (m: string) => `DATE ${sqlString(m + '-01')}`;
  if (disjoint(q.periods)) {
    // Each month is in at most one period: label it with a CASE (far cheaper than a range join).
    const label = `CASE ${q.periods.map((p) => `WHEN g.month BETWEEN ${date(p.first)} AND ${date(p.last)} THEN ${sqlString(p.label)}`).join(' ')} END`;
    return `WITH g AS (${inner}) SELECT ${[...select, `${label} AS period`, 'sum(g.n)::BIGINT AS n'].join(', ')} FROM g ${areasJoin}${where}GROUP BY ALL HAVING period IS NOT NULL`;
  }
  const periods = q.periods.map((p) => `(${sqlString(p.label)}, ${date(p.first)}, ${date(p.last)})`).join(', ');
  return (
    `WITH g AS (${inner}), p(label, first, last) AS (VALUES ${periods}) ` +
    `SELECT ${[...select, 'p.label AS period', 'sum(g.n)::BIGINT AS n'].join(', ')} ` +
    `FROM g ${areasJoin}JOIN p ON g.month BETWEEN p.first AND p.last ${where}GROUP BY ALL`
  );
}

function disjoint(periods: readonly PeriodSpan[]): boolean {
  const sorted = [...periods].sort((a, b) => (a.first < b.first ? -1 : 1));
  return sorted.every((p, i) => i === 0 || sorted[i - 1]!.last < p.first);
}

/** force -> months with data in the street table. */
function presentMonths(catalog: Catalog): Map<string, Set<Month | string>> {
  const out = new Map<string, Set<string>>();
  for (const s of Object.values(catalog.sources)) {
    if (s.table !== 'street') continue;
    out.set(s.force, (out.get(s.force) ?? new Set()).add(s.month));
  }
  return out;
}
