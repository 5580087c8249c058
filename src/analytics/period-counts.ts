/**
 * Counts of recorded crime by area and category for a list of reporting periods, each cell
 * marked complete only when every month of the period is in the warehouse for the force the
 * area belongs to. An incomplete period is never compared: a missing month is not zero crime.
 */
import { monthRange, type Month } from '../domain/crime/month.js';
import type { Period } from '../domain/crime/periods.js';
import { sqlString, sqlStringList } from '../ingest/sql.js';
import type { Catalog } from '../warehouse/catalog.js';
import { AREA_COUNTS_SQL, DIMENSION_SQL, HOME_FORCE_SQL, needsAreaJoin, type AreaDimension } from '../warehouse/dimensions.js';
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


export async function periodCounts(wh: Warehouse, q: CountsQuery): Promise<CountsResult> {
  const cols = await wh.sql.columns(countsSql(q, wh.areaCountsFresh));
  const dims = [...q.areas, ...(q.byCategory ? ['category'] : [])];
  const homeCol = (cols.home ?? []) as string[];
  const periodCols = q.periods.map((_, k) => (cols[`p${k}`] ?? []) as number[]);
  const homes = new Map<string, Set<string>>();
  const sums = new Map<string, number[]>();
  const cells = new Map<string, Cell>();
  for (let i = 0; i < homeCol.length; i++) {
    const key = dims.length ? dims.map((d) => String(cols[d]![i])).join(' | ') : 'all';
    let totals = sums.get(key);
    if (!totals) {
      const area: Partial<Record<AreaDimension, string>> = {};
      for (const d of q.areas) area[d] = String(cols[d]![i]);
      cells.set(key, { key, area, category: q.byCategory ? String(cols.category![i]) : null });
      homes.set(key, new Set());
      totals = new Array<number>(q.periods.length).fill(0);
      sums.set(key, totals);
    }
    homes.get(key)!.add(homeCol[i]!);
    for (let k = 0; k < periodCols.length; k++) totals[k]! += periodCols[k]![i]!;
  }
  const gaps = gapFinder(wh.catalog);
  const missing = new Map<string, { force: string; month: string }>();
  const counts = new Map<string, Map<string, PeriodCount>>();
  for (const [key, cellHomes] of homes) {
    const byPeriod = new Map<string, PeriodCount>();
    for (const [pi, p] of q.periods.entries()) {
      let complete = true;
      for (const home of cellHomes) {
        const g = gaps(home, p);
        if (g.length) complete = false;
        for (const month of g) missing.set(`${home}/${month}`, { force: home, month });
      }
      byPeriod.set(p.label, { count: sums.get(key)![pi]!, complete });
    }
    counts.set(key, byPeriod);
  }
  const sorted = [...cells.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { cells: sorted, counts, missing: [...missing.values()].sort((a, b) => (a.force + a.month < b.force + b.month ? -1 : 1)) };
}

/** Months of a period a force lacks, computed once per (force, period). */
function gapFinder(catalog: Catalog): (force: string, p: PeriodSpan) => string[] {
  const present = presentMonths(catalog);
  const memo = new Map<string, string[]>();
  return (force, p) => {
    const k = `${force}|${p.label}`;
    let g = memo.get(k);
    if (!g) {
      g = monthRange(p.first, p.last).filter((m) => !present.get(force)?.has(m));
      memo.set(k, g);
    }
    return g;
  };
}

/** Where the counts come from: the smallest derived table that holds the dimensions asked for. */
function source(q: CountsQuery, areaCountsFresh: boolean, filters: string): { from: string; dims: typeof DIMENSION_SQL; home: string; n: string } {
  const joinAreas = needsAreaJoin(q.areas) || Object.keys(q.where ?? {}).length > 0;
  if (!joinAreas) return { from: `street_counts g WHERE ${filters}`, dims: DIMENSION_SQL, home: 'g.force', n: 'sum(g.n)' };
  if (areaCountsFresh) return { from: `street_area_counts g WHERE ${filters}`, dims: AREA_COUNTS_SQL, home: 'g.home_force', n: 'sum(g.n)' };
  return { from: `street g LEFT JOIN areas a ON a.lsoa_code = g.lsoa_code WHERE ${filters}`, dims: DIMENSION_SQL, home: HOME_FORCE_SQL, n: 'count(*)' };
}

function countsSql(q: CountsQuery, areaCountsFresh: boolean): string {
  const dims = [...q.areas, ...(q.byCategory ? ['category' as const] : [])];
  const first = q.periods.reduce((a, p) => (p.first < a ? p.first : a), q.periods[0]!.first);
  const last = q.periods.reduce((a, p) => (p.last > a ? p.last : a), q.periods[0]!.last);
  const date = (m: string) => `DATE ${sqlString(m + '-01')}`;
  const filters = [
    `g.month BETWEEN ${date(first)} AND ${date(last)}`,
    q.forces?.length ? `g.force IN (${q.forces.map(sqlString).join(', ')})` : '',
    q.categories?.length ? `g.category IN (${q.categories.map(sqlString).join(', ')})` : '',
  ].filter(Boolean);
  const src = source(q, areaCountsFresh, filters.join(' AND '));
  const areaFilters = Object.entries(q.where ?? {}).map(([d, v]) => `${src.dims[d as AreaDimension]} = ${sqlString(String(v))}`);
  // One row per cell and home force, one column per period (a filtered sum: overlapping periods
  // such as rolling years need no join). Few rows, and numbers rather than strings, cross into
  // JavaScript, where each value costs far more than it does in DuckDB.
  const perPeriod = q.periods.map((p, i) => `coalesce(${src.n} FILTER (WHERE g.month BETWEEN ${date(p.first)} AND ${date(p.last)}), 0)::INTEGER AS p${i}`);
  const select = [...dims.map((d) => `${src.dims[d]} AS "${d}"`), `${src.home} AS home`, ...perPeriod];
  return `SELECT ${select.join(', ')} FROM ${src.from}${areaFilters.length ? ' AND ' + areaFilters.join(' AND ') : ''} GROUP BY ALL`;
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
