/**
 * Evidence beside the MoRiLE factors: for each threat, what the warehouse says over the
 * assessment's year about the crimes that evidence it (its police.uk categories, offence codes
 * and extract flags): volume, change on the previous year and its significance, and harm, so that
 * frequency, trend and harm are scored against data rather than memory.
 */
import { previousYear, type Period } from '../domain/crime/periods.js';
import { changeAgainst } from '../domain/stats/change.js';
import { poissonETest } from '../domain/stats/poisson-e-test.js';
import { sqlString } from '../warehouse/sql.js';
import { compareTrends, type TrendFlag } from '../analytics/trend-comparison.js';
import { harmBreakdown } from '../analytics/harm-breakdown.js';
import { categoryWeights } from '../analytics/weights.js';
import { monthRange } from '../domain/crime/month.js';
import { monthsByForce } from '../warehouse/coverage.js';
import type { EvidenceLinks } from '../store/index.js';
import type { Warehouse } from '../warehouse/reader.js';

export interface EvidenceFigure {
  readonly source: 'police.uk street data' | 'force extracts';
  readonly what: string;
  readonly period: string;
  readonly count: number | null;
  readonly lastYear: number | null;
  readonly percentChange: number | null;
  readonly pValue: number | null;
  readonly flag: TrendFlag;
  /** CCHI days (median-based category weights) for police.uk data; null for extracts. */
  readonly harm: number | null;
  readonly note?: string;
}

export async function threatEvidence(
  wh: Warehouse,
  links: EvidenceLinks,
  period: Period,
  forces?: readonly string[],
): Promise<EvidenceFigure[]> {
  const out: EvidenceFigure[] = [];
  if (links.policeUkCategories.length) out.push(await streetFigure(wh, links.policeUkCategories, period, forces));
  if (links.offenceCodes.length)
    out.push(
      await extractFigure(
        wh,
        `offences ${links.offenceCodes.join(', ')}`,
        `upper(offence_code) IN (${links.offenceCodes.map((c) => sqlString(c.toUpperCase())).join(', ')})`,
        period,
        forces,
      ),
    );
  if (links.extractFlags.length)
    out.push(
      await extractFigure(
        wh,
        `flagged ${links.extractFlags.join(', ')}`,
        links.extractFlags.map((f) => `coalesce("${f.replaceAll('"', '')}", false)`).join(' OR '),
        period,
        forces,
      ),
    );
  return out;
}

async function streetFigure(
  wh: Warehouse,
  categories: readonly string[],
  period: Period,
  forces?: readonly string[],
): Promise<EvidenceFigure> {
  const base = { source: 'police.uk street data' as const, what: categories.join(', '), period: period.label };
  // A year not wholly in the warehouse is "incomplete", never 0 crimes.
  if (!covered(wh, 'street', period, forces))
    return {
      ...base,
      count: null,
      lastYear: null,
      percentChange: null,
      pValue: null,
      flag: 'insufficient-data',
      harm: null,
      note: `police.uk street data do not cover every month of ${period.label}`,
    };
  const trend = await compareTrends(wh, { areas: [], byCategory: false, period, categories, forces, years: 3 });
  const row = trend.rows[0];
  const harm = await harmBreakdown(wh, {
    areas: [],
    byCategory: false,
    span: period,
    weights: categoryWeights('cchi-median'),
    categories,
    forces,
  });
  const figure: EvidenceFigure = {
    ...base,
    count: row?.count ?? 0,
    lastYear: row?.lastYear.against ?? null,
    percentChange: row?.lastYear.percentChange ?? null,
    pValue: row?.lastYear.pValue ?? null,
    flag: row?.lastYear.flag ?? 'insufficient-data',
    harm: harm.complete ? (harm.cells[0]?.harm ?? 0) : null,
  };
  const last = previousYear(period);
  if (figure.lastYear === null && !covered(wh, 'street', last, forces))
    return { ...figure, note: `police.uk street data do not cover every month of ${last.label}` };
  return figure;
}

/** Force extract records matching a condition: this year against last, E-test, complete years only. */
async function extractFigure(
  wh: Warehouse,
  what: string,
  condition: string,
  period: Period,
  forces?: readonly string[],
): Promise<EvidenceFigure> {
  const last = previousYear(period);
  const inForces = forces?.length ? ` AND force IN (${forces.map(sqlString).join(', ')})` : '';
  const count = async (p: Period) =>
    (
      await wh.sql.all<{ n: number }>(
        `SELECT count(*)::INTEGER AS n FROM offences WHERE (${condition}) AND month BETWEEN DATE ${sqlString(p.first + '-01')} AND DATE ${sqlString(p.last + '-01')}${inForces}`,
      )
    )[0]!.n;
  const base = { source: 'force extracts' as const, what, period: period.label, harm: null };
  if (!covered(wh, 'offences', period, forces))
    return {
      ...base,
      count: null,
      lastYear: null,
      percentChange: null,
      pValue: null,
      flag: 'insufficient-data',
      note: `force extracts do not cover every month of ${period.label}`,
    };
  const now = await count(period);
  if (!covered(wh, 'offences', last, forces))
    return {
      ...base,
      count: now,
      lastYear: null,
      percentChange: null,
      pValue: null,
      flag: 'insufficient-data',
      note: `force extracts do not cover every month of ${last.label}`,
    };
  const before = await count(last);
  const { change, percentChange } = changeAgainst(before, now);
  const { pValue } = poissonETest({ k1: now, k2: before });
  const flag: TrendFlag =
    pValue <= 0.05 && change !== 0
      ? change > 0
        ? 'significantly-above'
        : 'significantly-below'
      : change === 0 || (percentChange !== null && Math.abs(percentChange) < 5)
        ? 'similar'
        : change > 0
          ? 'above'
          : 'below';
  return { ...base, count: now, lastYear: before, percentChange, pValue, flag };
}

/** Whether every force (of those asked for) has every month of the period in the table. */
function covered(wh: Warehouse, table: 'street' | 'offences', period: Period, forces?: readonly string[]): boolean {
  const byForce = monthsByForce(wh.catalog, table, forces);
  if (byForce.size === 0) return false;
  return [...byForce.values()].every((months) => monthRange(period.first, period.last).every((m) => months.has(m)));
}
