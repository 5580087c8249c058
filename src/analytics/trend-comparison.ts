/**
 * "Is this period's volume up on last year, and is it significantly above or below the average
 * of the previous N years?" for every area (and category) cell at once. Each comparison is a
 * Poisson E-test (Krishnamoorthy & Thomson 2004; see src/domain/stats/README.md); because many
 * cells are tested together, the Benjamini-Hochberg procedure controls the false-discovery rate
 * across them, and a cell is called "significantly" above or below only when its q-value is at
 * or under the level. A cell whose periods are not all complete gets "insufficient-data".
 */
import { earlierYears, previousYear, type Period } from '../domain/crime/periods.js';
import { benjaminiHochberg } from '../domain/stats/fdr.js';
import { changeAgainst } from '../domain/stats/change.js';
import { compareToAverage } from '../domain/stats/compare-to-average.js';
import { poissonETest } from '../domain/stats/poisson-e-test.js';
import type { Warehouse } from '../warehouse/reader.js';
import { periodCounts, type Cell, type CountsQuery } from './period-counts.js';
import { harmByCell } from './cell-harm.js';
import type { WeightsTable } from '../domain/harm/weights.js';

export type TrendFlag =
  'significantly-above' | 'above' | 'similar' | 'below' | 'significantly-below' | 'insufficient-data';

export interface Comparison {
  readonly against: number | null;
  readonly change: number | null;
  readonly percentChange: number | null;
  readonly pValue: number | null;
  /** Benjamini-Hochberg adjusted p-value across all cells compared. */
  readonly qValue: number | null;
  readonly flag: TrendFlag;
}

export interface TrendRow {
  readonly cell: Cell;
  readonly period: string;
  readonly count: number | null;
  /** Harm in the period (count x category weight): null without weights, when incomplete, or when nothing in the cell has a weight. */
  readonly harm: number | null;
  readonly lastYear: Comparison & { readonly period: string };
  readonly average: Comparison & { readonly periods: string[]; readonly years: number };
}

export interface TrendOptions extends Omit<CountsQuery, 'periods'> {
  readonly period: Period;
  /** Years averaged for "against the average" (default 3). */
  readonly years?: number;
  /** Level for "significantly" (default 0.05), applied to FDR-adjusted q-values. */
  readonly alpha?: number;
  /** Changes smaller than this percentage that are not significant read "similar" (default 5). */
  readonly similarPercent?: number;
  /** With weights, each row also carries its harm in the period. */
  readonly weights?: WeightsTable;
}

export interface TrendReport {
  readonly period: Period;
  readonly rows: TrendRow[];
  readonly method: string;
  readonly missing: { force: string; month: string }[];
}

export const TREND_METHOD =
  'Poisson E-test (Krishnamoorthy & Thomson 2004), two-sided; "significantly" means Benjamini-Hochberg q <= alpha across all cells compared. ' +
  'Against the average: the period count against the total of the same period in the previous N years over N periods. ' +
  'Periods with a month missing from the warehouse are not compared (insufficient data).';

export async function compareTrends(wh: Warehouse, o: TrendOptions): Promise<TrendReport> {
  const years = o.years ?? 3;
  const alpha = o.alpha ?? 0.05;
  const similar = o.similarPercent ?? 5;
  const last = previousYear(o.period);
  const prior = earlierYears(o.period, years);
  const periods = uniqueByLabel([o.period, last, ...prior]);
  const counts = await periodCounts(wh, { ...o, periods });
  const draft = counts.cells.map((cell) => {
    const c = (p: Period) => counts.count(cell.key, p.label);
    const now = c(o.period);
    const lastYear = now.complete && c(last).complete ? testAgainst(now.count, c(last).count, 1) : undefined;
    const complete = prior.filter((p) => c(p).complete).map((p) => c(p).count);
    const avg = now.complete
      ? compareToAverage(now.count, complete, { years, minYears: years, alpha, similarPercent: similar })
      : undefined;
    return { cell, now, lastYear, avg, lastCount: c(last) };
  });
  const harm = o.weights ? await harmByCell(wh, { ...o, periods: [o.period] }, o.weights) : undefined;
  const qLast = qValues(draft.map((d) => d.lastYear?.pValue));
  const qAvg = qValues(draft.map((d) => (d.avg?.status === 'ok' ? d.avg.pValue : undefined)));
  const rows = draft.map((d, i): TrendRow => ({
    cell: d.cell,
    period: o.period.label,
    count: d.now.complete ? d.now.count : null,
    // null when incomplete, or when nothing in the cell has a weight (anti-social behaviour).
    harm:
      harm && d.now.complete && (harm.unweighted.get(d.cell.key)?.[0] ?? 0) < d.now.count
        ? (harm.harm.get(d.cell.key)?.[0] ?? 0)
        : harm && d.now.complete && d.now.count === 0
          ? 0
          : null,
    lastYear: {
      period: last.label,
      against: d.lastCount.complete ? d.lastCount.count : null,
      ...(d.lastYear
        ? { change: d.lastYear.change, percentChange: d.lastYear.percentChange, pValue: d.lastYear.pValue }
        : { change: null, percentChange: null, pValue: null }),
      qValue: qLast[i] ?? null,
      flag: d.lastYear
        ? flagOf(d.lastYear.change, d.lastYear.percentChange, qLast[i]!, alpha, similar)
        : 'insufficient-data',
    },
    average: {
      periods: prior.map((p) => p.label),
      years,
      against: d.avg?.status === 'ok' ? d.avg.average : null,
      change: d.avg?.status === 'ok' ? d.avg.change : null,
      percentChange: d.avg?.status === 'ok' ? d.avg.percentChange : null,
      pValue: d.avg?.status === 'ok' ? d.avg.pValue : null,
      qValue: qAvg[i] ?? null,
      flag:
        d.avg?.status === 'ok'
          ? flagOf(d.avg.change, d.avg.percentChange, qAvg[i]!, alpha, similar)
          : 'insufficient-data',
    },
  }));
  return { period: o.period, rows, method: TREND_METHOD, missing: counts.missing };
}

function testAgainst(current: number, previous: number, years: number) {
  const { change, percentChange } = changeAgainst(previous / years, current);
  const { pValue } = poissonETest({ k1: current, n1: 1, k2: previous, n2: years });
  return { change, percentChange, pValue };
}

function flagOf(change: number, percent: number | null, q: number, alpha: number, similar: number): TrendFlag {
  if (q <= alpha && change !== 0) return change > 0 ? 'significantly-above' : 'significantly-below';
  if (change === 0 || (percent !== null && Math.abs(percent) < similar)) return 'similar';
  return change > 0 ? 'above' : 'below';
}

/** BH q-values for the p-values given, keeping positions (undefined stays undefined). */
function qValues(ps: readonly (number | undefined)[]): (number | undefined)[] {
  const idx = ps.flatMap((p, i) => (p === undefined ? [] : [i]));
  const out: (number | undefined)[] = ps.map(() => undefined);
  if (idx.length === 0) return out;
  const adjusted = benjaminiHochberg(idx.map((i) => ps[i]!)).adjusted;
  idx.forEach((i, k) => (out[i] = adjusted[k]));
  return out;
}

function uniqueByLabel(periods: readonly Period[]): Period[] {
  return [...new Map(periods.map((p) => [p.label, p])).values()];
}
