/**
 * Change on last year: incidents in a period against the same dates a year earlier, by any
 * dimension, tested as crime is (src/domain/stats): the Poisson E-test on daily rates (so periods
 * covering different numbers of days compare fairly), Benjamini-Hochberg across the rows, and the
 * same flags as the crime trend tables (significantly above/below at the false discovery rate
 * alpha; similar within 5%; otherwise above/below without significance).
 */
import { changeAgainst } from '../../stats/change.js';
import { adjustBenjaminiHochberg } from '../../stats/fdr.js';
import { poissonETest } from '../../stats/poisson-e-test.js';
import type { IncidentTable } from '../incident-table.js';
import { breakdown, type Dimension } from './breakdown.js';

export type ChangeFlag =
  'significantly-above' | 'significantly-below' | 'similar' | 'above' | 'below' | 'insufficient-data';

export interface ChangeOptions {
  /** The period, local days `YYYY-MM-DD`, both included. */
  readonly from: string;
  readonly to: string;
  /** The comparison period (default: the same dates a year earlier). */
  readonly previousFrom?: string;
  readonly previousTo?: string;
  /** Break down by a dimension, or `all` for the total only. */
  readonly by?: Dimension | 'all';
  /** False discovery rate (default 0.05). */
  readonly alpha?: number;
}

export interface ChangeRow {
  readonly key: string;
  readonly current: number;
  readonly previous: number;
  /** current - previous scaled to the current period's days. */
  readonly change: number;
  readonly percentChange: number | null;
  readonly pValue: number | null;
  readonly qValue: number | null;
  readonly flag: ChangeFlag;
}

export interface ChangeOnLastYear {
  readonly current: { readonly from: string; readonly to: string; readonly days: number };
  readonly previous: { readonly from: string; readonly to: string; readonly days: number };
  readonly rows: ChangeRow[];
}

const SIMILAR_PERCENT = 5;

export function changeOnLastYear(table: IncidentTable, options: ChangeOptions): ChangeOnLastYear {
  const previousFrom = options.previousFrom ?? yearEarlier(options.from);
  const previousTo = options.previousTo ?? yearEarlier(options.to);
  const by = options.by ?? 'all';
  const alpha = options.alpha ?? 0.05;
  const counts = (from: string, to: string) => {
    if (by === 'all') {
      const b = breakdown(table, 'class', { from, to });
      return { days: b.days, map: new Map([['all', b.total]]) };
    }
    const b = breakdown(table, by, { from, to });
    return { days: b.days, map: new Map(b.rows.map((r) => [r.key, r.count])) };
  };
  const now = counts(options.from, options.to);
  const before = counts(previousFrom, previousTo);
  return {
    current: { from: options.from, to: options.to, days: now.days },
    previous: { from: previousFrom, to: previousTo, days: before.days },
    rows: compareCounts(now.map, before.map, now.days, before.days, alpha),
  };
}

/**
 * Rows comparing counts by key in two periods of `nowDays` and `beforeDays` days: change against
 * the earlier count scaled to the current period's length, E-test p-value, BH q-value, flag.
 */
export function compareCounts(
  now: ReadonlyMap<string, number>,
  before: ReadonlyMap<string, number>,
  nowDays: number,
  beforeDays: number,
  alpha = 0.05,
): ChangeRow[] {
  const keys = [...new Set([...now.keys(), ...before.keys()])];
  const tested = keys.map((key) => {
    const current = now.get(key) ?? 0;
    const previous = before.get(key) ?? 0;
    if (nowDays === 0 || beforeDays === 0) return { key, current, previous, change: null, test: null };
    const change = changeAgainst((previous * nowDays) / beforeDays, current);
    const { pValue } = poissonETest({ k1: current, n1: nowDays, k2: previous, n2: beforeDays });
    return { key, current, previous, change, test: pValue };
  });
  const pValues = tested.filter((t) => t.test !== null).map((t) => t.test!);
  const q = pValues.length ? adjustBenjaminiHochberg(pValues) : [];
  let k = 0;
  const rows: ChangeRow[] = tested.map((t) => {
    if (t.test === null || t.change === null)
      return {
        key: t.key,
        current: t.current,
        previous: t.previous,
        change: Number.NaN,
        percentChange: null,
        pValue: null,
        qValue: null,
        flag: 'insufficient-data',
      };
    const qValue = q[k++]!;
    return {
      key: t.key,
      current: t.current,
      previous: t.previous,
      change: t.change.change,
      percentChange: t.change.percentChange,
      pValue: t.test,
      qValue,
      flag: flagOf(t.change.change, t.change.percentChange, qValue, alpha),
    };
  });
  return rows.sort((a, b) => b.current - a.current || a.key.localeCompare(b.key));
}

function flagOf(change: number, percent: number | null, q: number, alpha: number): ChangeFlag {
  if (q <= alpha && change !== 0) return change > 0 ? 'significantly-above' : 'significantly-below';
  if (change === 0 || (percent !== null && Math.abs(percent) < SIMILAR_PERCENT)) return 'similar';
  return change > 0 ? 'above' : 'below';
}

/** The same date a year earlier (29 February becomes 28 February). */
export function yearEarlier(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return `${String(y - 1).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
