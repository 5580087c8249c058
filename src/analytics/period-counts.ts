/**
 * Counts of recorded crime by area and category for a list of reporting periods, each cell
 * marked complete only when every month of the period is in the warehouse for the force the
 * area belongs to. An incomplete period is never compared: a missing month is not zero crime.
 */
import { monthRange } from '../domain/crime/month.js';
import type { Period } from '../domain/crime/periods.js';
import { sqlString, sqlStringList } from '../warehouse/sql.js';
import { CATEGORY_SLUGS } from '../domain/crime/categories.js';
import type { Catalog } from '../warehouse/catalog.js';
import { monthsByForce } from '../warehouse/coverage.js';
import {
  AREA_COUNTS_SQL,
  DIMENSION_SQL,
  HOME_FORCE_SQL,
  needsAreaJoin,
  type AreaDimension,
} from '../warehouse/dimensions.js';
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
  /** The count of a cell in a period; a cell with no crime in a complete period has count 0. */
  count(cellKey: string, periodLabel: string): PeriodCount;
  readonly missing: { force: string; month: string }[];
}

export async function periodCounts(wh: Warehouse, q: CountsQuery): Promise<CountsResult> {
  const forceList = wh.forces;
  const cols = await wh.sql.columns(countsSql(q, wh.areaCountsFresh, forceList));
  const categoryCol = ((cols.category ?? []) as number[]).map((c) => CATEGORY_SLUGS[c] ?? '(unknown)');
  const dimCols = [...q.areas.map((d) => (cols[d] ?? []) as string[]), ...(q.byCategory ? [categoryCol] : [])];
  const homeCol = ((cols.home ?? []) as number[]).map((h) => forceList[h] ?? '(unknown)');
  const periodCols = q.periods.map((_, k) => (cols[`p${k}`] ?? []) as number[]);
  const index = new Map<string, number>(); // cell key -> position in `cells`
  const cells: Cell[] = [];
  const totals: number[][] = [];
  const homes: (string | Set<string>)[] = [];
  for (let i = 0; i < homeCol.length; i++) {
    let key = dimCols.length ? dimCols[0]![i]! : 'all';
    for (let d = 1; d < dimCols.length; d++) key += ' | ' + dimCols[d]![i]!;
    let at = index.get(key);
    if (at === undefined) {
      at = cells.length;
      index.set(key, at);
      const area: Partial<Record<AreaDimension, string>> = {};
      q.areas.forEach((d, k) => (area[d] = dimCols[k]![i]!));
      cells.push({ key, area, category: q.byCategory ? dimCols[q.areas.length]![i]! : null });
      totals.push(new Array<number>(q.periods.length).fill(0));
      homes.push(homeCol[i]!);
    } else if (homes[at] !== homeCol[i]) {
      // Rare: crimes of one area reported by two forces (snaps across a border).
      const h = homes[at]!;
      homes[at] = typeof h === 'string' ? new Set([h, homeCol[i]!]) : h.add(homeCol[i]!);
    }
    const t = totals[at]!;
    for (let k = 0; k < periodCols.length; k++) t[k]! += periodCols[k]![i]!;
  }
  const complete = completeness(wh.catalog, q.periods);
  const periodIndex = new Map(q.periods.map((p, i) => [p.label, i]));
  return {
    cells, // in the order of the dimensions (sorted by DuckDB)
    count(cellKey, label) {
      const at = index.get(cellKey);
      const pi = periodIndex.get(label);
      if (at === undefined || pi === undefined) throw new Error(`no cell ${cellKey} or period ${label} in this result`);
      const h = homes[at]!;
      const ok = typeof h === 'string' ? complete.of(h)[pi]! : [...h].every((x) => complete.of(x)[pi]);
      return { count: totals[at]![pi]!, complete: ok };
    },
    missing: complete.missing([...new Set(homes.flatMap((h) => (typeof h === 'string' ? [h] : [...h])))]),
  };
}

/** Whether each force has every month of each period, computed once per force. */
function completeness(catalog: Catalog, periods: readonly PeriodSpan[]) {
  const present = monthsByForce(catalog, 'street');
  const memo = new Map<string, boolean[]>();
  const gapsOf = (force: string, p: PeriodSpan) =>
    monthRange(p.first, p.last).filter((m) => !present.get(force)?.has(m));
  return {
    of(force: string): boolean[] {
      let flags = memo.get(force);
      if (!flags) {
        flags = periods.map((p) => gapsOf(force, p).length === 0);
        memo.set(force, flags);
      }
      return flags;
    },
    missing(forces: readonly string[]): { force: string; month: string }[] {
      const out = new Map<string, { force: string; month: string }>();
      for (const f of forces)
        for (const p of periods) for (const m of gapsOf(f, p)) out.set(`${f}/${m}`, { force: f, month: m });
      return [...out.values()].sort((a, b) => (a.force + a.month < b.force + b.month ? -1 : 1));
    },
  };
}

/** Where the counts come from: the smallest derived table that holds the dimensions asked for. */
function source(
  q: CountsQuery,
  areaCountsFresh: boolean,
  filters: string,
): { from: string; dims: typeof DIMENSION_SQL; home: string; n: string } {
  const joinAreas = needsAreaJoin(q.areas) || Object.keys(q.where ?? {}).length > 0;
  if (!joinAreas)
    return { from: `street_counts g WHERE ${filters}`, dims: DIMENSION_SQL, home: 'g.force', n: 'sum(g.n)' };
  if (areaCountsFresh) {
    const needsLsoa = q.areas.includes('lsoa') || q.where?.lsoa !== undefined;
    return {
      from: `${needsLsoa ? 'street_area_counts' : 'street_district_counts'} g WHERE ${filters}`,
      dims: AREA_COUNTS_SQL,
      home: 'g.home_force',
      n: 'sum(g.n)',
    };
  }
  return {
    from: `street g LEFT JOIN areas a ON a.lsoa_code = g.lsoa_code WHERE ${filters}`,
    dims: DIMENSION_SQL,
    home: HOME_FORCE_SQL,
    n: 'count(*)',
  };
}

function countsSql(q: CountsQuery, areaCountsFresh: boolean, forceList: readonly string[]): string {
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
  const areaFilters = Object.entries(q.where ?? {}).map(
    ([d, v]) => `${src.dims[d as AreaDimension]} = ${sqlString(String(v))}`,
  );
  // One row per cell and home force, one column per period (a filtered sum: overlapping periods
  // such as rolling years need no join). Few rows, and numbers rather than strings, cross into
  // JavaScript, where each value costs far more than it does in DuckDB.
  const perPeriod = q.periods.map(
    (p, i) =>
      `coalesce(${src.n} FILTER (WHERE g.month BETWEEN ${date(p.first)} AND ${date(p.last)}), 0)::INTEGER AS p${i}`,
  );
  // Forces and categories travel as small integers (positions in known lists): strings are the
  // dearest values to hand from DuckDB to JavaScript.
  const code = (expr: string, list: readonly string[]) =>
    `(list_position(${sqlStringList(list)}, ${expr}) - 1)::INTEGER`;
  const select = [
    ...dims.map((d) =>
      d === 'category' ? `${code(src.dims[d], CATEGORY_SLUGS)} AS "category"` : `${src.dims[d]} AS "${d}"`,
    ),
    `${code(src.home, forceList)} AS home`,
    ...perPeriod,
  ];
  const order = dims.length ? ` ORDER BY ${dims.map((d) => `"${d}"`).join(', ')}` : '';
  return `SELECT ${select.join(', ')} FROM ${src.from}${areaFilters.length ? ' AND ' + areaFilters.join(' AND ') : ''} GROUP BY ALL${order}`;
}
