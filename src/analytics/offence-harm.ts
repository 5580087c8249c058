/**
 * Harm of a force's own records, offence by offence: where force extracts carry Home Office
 * offence codes, each crime takes its own offence's weight (ONS Crime Severity Score per code, or
 * the official per-offence Cambridge Crime Harm Index table a force loads) rather than its
 * police.uk category's average, which assumes the national offence mix.
 */
import { rankByHarmAndVolume } from '../domain/harm/ranking.js';
import type { WeightsTable } from '../domain/harm/weights.js';
import { sqlString } from '../warehouse/sql.js';
import type { Warehouse } from '../warehouse/reader.js';
import type { HarmBreakdown, HarmCell } from './harm-breakdown.js';
import type { PeriodSpan } from './period-counts.js';
import { monthRange } from '../domain/crime/month.js';
import { monthsByForce } from '../warehouse/coverage.js';

export const OFFENCE_DIMENSIONS = ['force', 'district', 'category', 'offence'] as const;
export type OffenceDimension = (typeof OFFENCE_DIMENSIONS)[number];

export interface OffenceHarmQuery {
  readonly by: readonly OffenceDimension[];
  readonly span: PeriodSpan;
  readonly weights: WeightsTable;
  readonly forces?: readonly string[];
}

const COLUMN: Record<OffenceDimension, string> = {
  force: 'force',
  district: "coalesce(district, '(no district)')",
  category: "coalesce(category, '(not on police.uk)')",
  offence: 'offence_code',
};

export async function offenceHarmBreakdown(wh: Warehouse, q: OffenceHarmQuery): Promise<HarmBreakdown> {
  const where = [
    `month BETWEEN DATE ${sqlString(q.span.first + '-01')} AND DATE ${sqlString(q.span.last + '-01')}`,
    q.forces?.length ? `force IN (${q.forces.map(sqlString).join(', ')})` : '',
  ].filter(Boolean);
  const rows = await wh.sql.all<Record<string, string | number>>(
    `SELECT ${[...q.by.map((d) => `${COLUMN[d]} AS "${d}"`), 'offence_code AS __code', 'count(*)::INTEGER AS n'].join(', ')} FROM offences WHERE ${where.join(' AND ')} GROUP BY ALL`,
  );
  const cells = new Map<string, HarmCell & { volume: number; harm: number; unweighted: number }>();
  const unknown = new Map<string, number>();
  for (const r of rows) {
    const key = q.by.length ? q.by.map((d) => String(r[d])).join(' | ') : 'all';
    const cell = cells.get(key) ?? { key, area: {}, category: null, volume: 0, harm: 0, unweighted: 0 };
    const n = Number(r.n);
    const w = q.weights.weights.get(String(r.__code).toUpperCase())?.weight;
    cell.volume += n;
    if (w === undefined || w === null) {
      cell.unweighted += n;
      unknown.set(String(r.__code), (unknown.get(String(r.__code)) ?? 0) + n);
    } else cell.harm += n * w;
    cells.set(key, cell);
  }
  const list = [...cells.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
  const missing = missingMonths(wh, q);
  return {
    index: q.weights.index,
    edition: q.weights.edition,
    unit: q.weights.unit,
    span: q.span,
    cells: list,
    ranking: rankByHarmAndVolume(
      list.map((c) => ({ key: c.key, volume: c.volume, harm: c.unweighted === c.volume ? null : c.harm })),
    ),
    complete: missing.length === 0,
    missing,
    note: unknown.size
      ? `${[...unknown.values()].reduce((a, b) => a + b, 0).toLocaleString('en-GB')} records have offence codes without a weight in this table (${[...unknown.keys()].sort().join(', ')}): counted in volume, not in harm.`
      : 'Every record counted has a weight.',
  };
}

/** Months of the span with no extract for a force that has any (an extract's gap, not zero crime). */
function missingMonths(wh: Warehouse, q: OffenceHarmQuery): { force: string; month: string }[] {
  return [...monthsByForce(wh.catalog, 'offences', q.forces)].flatMap(([force, months]) =>
    monthRange(q.span.first, q.span.last)
      .filter((m) => !months.has(m))
      .map((month) => ({ force, month })),
  );
}
