/**
 * The table for a yearly series (calendar or financial years), organisations side by side: each
 * organisation's value, its year-on-year % change and its share of the organisations' total, and
 * the total with its own change. This is the layout of the seed's Special Constabulary duty-hours
 * tables. A total is only given for a year when every organisation has a value (missing, not zero).
 */
import { inputError } from '../../errors.js';
import { formatPeriod, sameTimeLastYear, parsePeriod, type Period } from './period.js';
import { pctChange, shareOf } from './percent.js';
import type { IndicatorValue } from './types.js';

export interface YearTableCell {
  readonly organisation: string;
  /** null when this organisation has no value for the year. */
  readonly value: number | null;
  /** Against the same organisation's previous year; null when either is missing or the base is 0. */
  readonly yoyPct: number | null;
  /** Share of the year's total across organisations; null when there is no total or it is 0. */
  readonly sharePct: number | null;
}

export interface YearTableRow {
  /** `2015` or `2015/16`. */
  readonly period: string;
  readonly cells: readonly YearTableCell[];
  /** Sum over organisations; null when any organisation has no value for the year. */
  readonly total: number | null;
  readonly totalYoyPct: number | null;
}

export interface YearTable {
  readonly kind: 'calendar-year' | 'financial-year';
  readonly organisations: readonly string[];
  /** Every year from the first to the last with data, gaps included. */
  readonly rows: readonly YearTableRow[];
}

export function yearTable(values: readonly Pick<IndicatorValue, 'organisation' | 'period' | 'value'>[]): YearTable {
  if (values.length === 0) throw inputError('no values to tabulate');
  const parsed = values.map((v) => {
    const p = parsePeriod(v.period);
    if (!p.ok) throw inputError(p.reason);
    return { ...v, p: p.period };
  });
  const kind = parsed[0]!.p.kind;
  if (kind !== 'calendar-year' && kind !== 'financial-year')
    throw inputError(`a year table needs calendar or financial years, not ${kind}s`);
  if (parsed.some((v) => v.p.kind !== kind))
    throw inputError('the values mix calendar and financial years; tabulate one kind at a time');
  const organisations = [...new Set(parsed.map((v) => v.organisation))].sort();
  const byKey = new Map<string, number>();
  for (const v of parsed) {
    const key = `${v.organisation}\u0000${v.p.year}`;
    if (byKey.has(key)) throw inputError(`${v.organisation} ${formatPeriod(v.p)} appears twice`);
    byKey.set(key, v.value);
  }
  const get = (organisation: string, year: number) => byKey.get(`${organisation}\u0000${year}`) ?? null;
  const years = parsed.map((v) => v.p.year);
  const rows: YearTableRow[] = [];
  for (let year = Math.min(...years); year <= Math.max(...years); year++) {
    const period: Period = { kind, year };
    const values = organisations.map((o) => get(o, year));
    const total = values.every((v) => v !== null) ? values.reduce<number>((a, b) => a + (b ?? 0), 0) : null;
    const previousTotal = rows[rows.length - 1]?.total ?? null;
    rows.push({
      period: formatPeriod(period),
      cells: organisations.map((organisation, i) => {
        const value = values[i] ?? null;
        const before = get(organisation, sameTimeLastYear(period).year);
        return {
          organisation,
          value,
          yoyPct: value === null || before === null ? null : pctChange(before, value),
          sharePct: value === null || total === null ? null : shareOf(value, total),
        };
      }),
      total,
      totalYoyPct: total === null || previousTotal === null ? null : pctChange(previousTotal, total),
    });
  }
  return { kind, organisations, rows };
}
