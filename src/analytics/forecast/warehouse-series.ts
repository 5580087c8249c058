/**
 * Monthly series the warehouse holds, for `stra forecast crime|incidents|missing`: recorded crime
 * of a force (optionally one category, CSP or district), a force's incidents (optionally one
 * demand class) and missing-person episodes. A month the warehouse does not hold is a gap (null),
 * never zero; a first or last month held only in part is left out, so a partial download does not
 * read as a fall in demand.
 */
import { addMonths, monthIndex, type Month } from '../../domain/crime/month.js';
import type { CountSeries } from '../../domain/forecast/series.js';
import { notFoundError } from '../../errors.js';
import { cspCondition, warehouseCoverage } from '../../warehouse/demand/load-demand.js';
import type { Warehouse } from '../../warehouse/reader.js';
import { sqlString } from '../../warehouse/sql.js';

export type SeriesKind = 'crime' | 'incidents' | 'missing';

export interface WarehouseSeriesOptions {
  readonly kind: SeriesKind;
  readonly force: string;
  /** Crime category slug, or incident demand class. */
  readonly category?: string;
  readonly csp?: string;
  readonly district?: string;
}

export interface NamedSeries {
  readonly name: string;
  readonly series: CountSeries;
  /** Why months were left out or are gaps. */
  readonly notes: string[];
}

export async function warehouseSeries(
  wh: Warehouse,
  warehouseDir: string,
  o: WarehouseSeriesOptions,
): Promise<NamedSeries> {
  if (o.kind === 'crime') return crimeSeries(wh, o);
  const table = o.kind === 'incidents' ? 'incidents' : 'missing_episodes';
  const coverage = await warehouseCoverage(wh, warehouseDir, table, o.force);
  if (coverage.length === 0) throw notFoundError(`no ${o.kind} of '${o.force}' in the warehouse`);
  if (o.district) throw notFoundError(`${o.kind} are not held by district: choose the force or a CSP`);
  const filter =
    (o.kind === 'incidents' && o.category ? ` AND demand_class = ${sqlString(o.category)}` : '') +
    (o.csp ? ` AND ${cspCondition(table, o.force, o.csp)}` : '');
  const rows = await wh.sql.all<{ month: string; n: number }>(
    `SELECT strftime(month, '%Y-%m') AS month, count(*)::BIGINT AS n FROM ${table} WHERE force = ${sqlString(o.force)}${filter} GROUP BY 1`,
  );
  if (o.csp && rows.length === 0)
    throw notFoundError(
      `no ${o.kind} of '${o.force}' are placed in ${o.csp} (an area is placed by its LSOA in the area table; a beat is in no CSP)`,
    );
  const counts = new Map(rows.map((r) => [r.month, r.n]));
  const notes: string[] = [];
  let held = coverage.map((c) => c);
  while (held.length && !held[0]!.complete) {
    notes.push(`${held[0]!.month} left out: data on ${held[0]!.days_with_data} of ${held[0]!.days_in_month} days`);
    held = held.slice(1);
  }
  while (held.length && !held.at(-1)!.complete) {
    notes.push(
      `${held.at(-1)!.month} left out: data on ${held.at(-1)!.days_with_data} of ${held.at(-1)!.days_in_month} days`,
    );
    held = held.slice(0, -1);
  }
  if (held.length === 0)
    throw notFoundError(`no complete month of ${o.kind} of '${o.force}' is held (${notes.join('; ')})`);
  const heldMonths = new Map(held.map((c) => [c.month, c]));
  const values = monthsBetween(held[0]!.month as Month, held.at(-1)!.month as Month).map((m) => {
    const c = heldMonths.get(m);
    if (!c) return null;
    if (!c.complete) notes.push(`${m}: data on ${c.days_with_data} of ${c.days_in_month} days, treated as a gap`);
    return c.complete ? (counts.get(m) ?? 0) : null;
  });
  const what = o.kind === 'incidents' ? 'incidents' : 'missing-person episodes';
  const name = `${what} of ${o.force}${o.category ? `, ${o.category}` : ''}${o.csp ? `, ${o.csp}` : ''}`;
  return { name, series: { start: held[0]!.month, frequency: 'month', values }, notes };
}

async function crimeSeries(wh: Warehouse, o: WarehouseSeriesOptions): Promise<NamedSeries> {
  const held = Object.values(wh.catalog.sources)
    .filter((s) => s.table === 'street' && s.force === o.force)
    .map((s) => s.month)
    .sort();
  if (held.length === 0) throw notFoundError(`no police.uk street crime of '${o.force}' in the warehouse`);
  const area = o.csp ?? o.district;
  const table = area ? 'street_district_counts' : 'street_counts';
  const where = [
    `force = ${sqlString(o.force)}`,
    ...(o.category ? [`category = ${sqlString(o.category)}`] : []),
    ...(o.csp ? [`csp = ${sqlString(o.csp)}`] : []),
    ...(o.district ? [`district = ${sqlString(o.district)}`] : []),
  ].join(' AND ');
  const rows = await wh.sql.all<{ month: string; n: number }>(
    `SELECT strftime(month, '%Y-%m') AS month, sum(n)::BIGINT AS n FROM ${table} WHERE ${where} GROUP BY 1`,
  );
  const counts = new Map(rows.map((r) => [r.month, r.n]));
  const heldSet = new Set(held);
  const values = monthsBetween(held[0] as Month, held.at(-1) as Month).map((m) =>
    heldSet.has(m) ? (counts.get(m) ?? 0) : null,
  );
  const name = `recorded crime of ${o.force}${o.category ? `, ${o.category}` : ''}${area ? `, ${area}` : ''}`;
  return { name, series: { start: held[0]!, frequency: 'month', values }, notes: [] };
}

function monthsBetween(from: Month, to: Month): Month[] {
  return Array.from({ length: monthIndex(to) - monthIndex(from) + 1 }, (_, k) => addMonths(from, k));
}
