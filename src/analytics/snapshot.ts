/**
 * The performance snapshot of a strategic assessment: for each crime type in an area, its
 * change on the previous year and its share of all crime (the seed's "snapshot" chart), with
 * the types to report on picked by stated rules rather than by eye: a significant rise, a large
 * share of volume, or a large share of harm.
 */
import { ASB, CRIME_CATEGORIES } from '../domain/crime/categories.js';
import type { Period } from '../domain/crime/periods.js';
import type { WeightsTable } from '../domain/harm/weights.js';
import type { AreaDimension } from '../warehouse/dimensions.js';
import type { Warehouse } from '../warehouse/reader.js';
import { compareTrends, type TrendFlag } from './trend-comparison.js';

export interface ReportRules {
  /** Report a category whose rise on last year is significant (q <= alpha). Default true. */
  readonly significantRise: boolean;
  /** Report a category holding at least this share of all crime (0-1). Default 0.1. */
  readonly shareAtLeast: number;
  /** Report a category holding at least this share of all harm (0-1). Default 0.1. */
  readonly harmShareAtLeast: number;
}

export const DEFAULT_RULES: ReportRules = { significantRise: true, shareAtLeast: 0.1, harmShareAtLeast: 0.1 };

export interface SnapshotQuery {
  readonly period: Period;
  readonly where?: Partial<Record<AreaDimension, string>>;
  readonly forces?: readonly string[];
  readonly weights: WeightsTable;
  readonly rules?: Partial<ReportRules>;
  readonly alpha?: number;
  /** Count anti-social behaviour in "all crime" (police.uk does; recorded crime does not). Default false. */
  readonly includeAsb?: boolean;
}

export interface SnapshotRow {
  readonly category: string;
  readonly count: number | null;
  readonly lastYear: number | null;
  readonly change: number | null;
  readonly percentChange: number | null;
  readonly qValue: number | null;
  readonly flag: TrendFlag;
  /** Share of all crime in the area (0-1). */
  readonly share: number | null;
  readonly harm: number | null;
  readonly harmShare: number | null;
  /** Why it is to be reported on; empty when it is not. */
  readonly reportBecause: string[];
}

export interface Snapshot {
  readonly period: string;
  readonly lastYear: string;
  readonly total: number | null;
  readonly rows: SnapshotRow[];
  readonly rules: ReportRules;
  readonly harmIndex: string;
  readonly method: string;
  readonly missing: { force: string; month: string }[];
}

export async function performanceSnapshot(wh: Warehouse, q: SnapshotQuery): Promise<Snapshot> {
  const rules = { ...DEFAULT_RULES, ...q.rules };
  const alpha = q.alpha ?? 0.05;
  const trends = await compareTrends(wh, {
    areas: [],
    byCategory: true,
    period: q.period,
    where: q.where,
    forces: q.forces,
    // ASB left out of the query, not only the rows, so the false-discovery adjustment runs over crime alone.
    ...(q.includeAsb ? {} : { categories: CRIME_CATEGORIES }),
    alpha,
    years: 3,
  });
  const rows = trends.rows.filter((r) => q.includeAsb || r.cell.category !== ASB);
  const complete = rows.every((r) => r.count !== null);
  const total = complete ? rows.reduce((a, r) => a + r.count!, 0) : null;
  const harmOf = (cat: string, n: number | null) => {
    const w = q.weights.weights.get(cat)?.weight;
    return n === null || w === undefined || w === null ? null : n * w;
  };
  const totalHarm = complete ? rows.reduce((a, r) => a + (harmOf(r.cell.category!, r.count) ?? 0), 0) : null;
  const out = rows.map((r): SnapshotRow => {
    const harm = harmOf(r.cell.category!, r.count);
    const share = total && r.count !== null ? r.count / total : null;
    const harmShare = totalHarm && harm !== null ? harm / totalHarm : null;
    const because = [
      rules.significantRise && r.lastYear.flag === 'significantly-above'
        ? `significant rise on ${r.lastYear.period} (q = ${r.lastYear.qValue!.toPrecision(2)})`
        : '',
      share !== null && share >= rules.shareAtLeast ? `${(share * 100).toFixed(1)}% of all crime` : '',
      harmShare !== null && harmShare >= rules.harmShareAtLeast ? `${(harmShare * 100).toFixed(1)}% of all harm` : '',
    ].filter(Boolean);
    return {
      category: r.cell.category!,
      count: r.count,
      lastYear: r.lastYear.against,
      change: r.lastYear.change,
      percentChange: r.lastYear.percentChange,
      qValue: r.lastYear.qValue,
      flag: r.lastYear.flag,
      share,
      harm,
      harmShare,
      reportBecause: because,
    };
  });
  out.sort((a, b) => (b.count ?? 0) - (a.count ?? 0) || a.category.localeCompare(b.category));
  return {
    period: q.period.label,
    lastYear: trends.rows[0]?.lastYear.period ?? '',
    total,
    rows: out,
    rules,
    harmIndex: `${q.weights.index} (${q.weights.edition})`,
    method: trends.method,
    missing: trends.missing,
  };
}
