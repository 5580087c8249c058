/**
 * Reporting periods an analyst compares: calendar month, calendar quarter, financial year
 * (April to March, as police and partners plan and report), calendar year, and the rolling 12
 * months to a given month. A period is a named set of months, so "is this period complete?"
 * and "the same period last year" are plain questions about months.
 */
import { addMonths, monthRange, parseMonth, type Month } from './month.js';

export const PERIOD_KINDS = ['month', 'quarter', 'financial-year', 'calendar-year', 'rolling-12'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  readonly kind: PeriodKind;
  /** How people write it: 2018-03, 2018-Q1, 2017/18, 2018, 12 months to 2018-03. */
  readonly label: string;
  readonly first: Month;
  readonly last: Month;
}

export function isPeriodKind(value: string): value is PeriodKind {
  return (PERIOD_KINDS as readonly string[]).includes(value);
}

/** The period of a kind that contains a month (for rolling-12: the 12 months ending there). */
export function periodOf(month: Month, kind: PeriodKind): Period {
  const [y, m] = month.split('-').map(Number) as [number, number];
  switch (kind) {
    case 'month':
      return { kind, label: month, first: month, last: month };
    case 'quarter': {
      const q = Math.floor((m - 1) / 3) + 1;
      const first = parseMonth(`${y}-${String((q - 1) * 3 + 1).padStart(2, '0')}`)!;
      return { kind, label: `${y}-Q${q}`, first, last: addMonths(first, 2) };
    }
    case 'financial-year': {
      const start = m >= 4 ? y : y - 1;
      return {
        kind,
        label: financialYearLabel(start),
        first: parseMonth(`${start}-04`)!,
        last: parseMonth(`${start + 1}-03`)!,
      };
    }
    case 'calendar-year':
      return { kind, label: String(y), first: parseMonth(`${y}-01`)!, last: parseMonth(`${y}-12`)! };
    case 'rolling-12':
      return { kind, label: `12 months to ${month}`, first: addMonths(month, -11), last: month };
  }
}

export function financialYearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** "2017/18" -> the year April 2017 to March 2018; undefined if not a financial year. */
export function parseFinancialYear(text: string): Period | undefined {
  const m = /^(\d{4})\/(\d{2})$/.exec(text);
  if (!m || (Number(m[1]) + 1) % 100 !== Number(m[2])) return undefined;
  return periodOf(parseMonth(`${m[1]}-04`)!, 'financial-year');
}

/** The same period one year earlier (for rolling-12: the 12 months to the same month last year). */
export function previousYear(period: Period): Period {
  return { ...periodOf(addMonths(period.last, -12), period.kind), kind: period.kind };
}

/** The same period `n` years earlier, oldest first: [p-n, ..., p-1]. */
export function earlierYears(period: Period, n: number): Period[] {
  const out: Period[] = [];
  for (let k = n; k >= 1; k--) out.push(periodOf(addMonths(period.last, -12 * k), period.kind));
  return out;
}

export function monthsOf(period: Period): Month[] {
  return monthRange(period.first, period.last);
}

/** Every period of a kind that lies wholly between two months (rolling-12: one per end month). */
export function periodsBetween(from: Month, to: Month, kind: PeriodKind): Period[] {
  const out: Period[] = [];
  const seen = new Set<string>();
  for (const month of monthRange(from, to)) {
    const p = periodOf(month, kind);
    if (seen.has(p.label) || p.first < from || p.last > to) continue;
    seen.add(p.label);
    out.push(p);
  }
  return out;
}

/**
 * A period written as people write it, for a kind: `2018-03` (month; for rolling-12 the last
 * month), `2018-Q1`, `2017/18`, `2018`. Undefined when the text does not name one.
 */
export function parsePeriod(kind: PeriodKind, text: string): Period | undefined {
  switch (kind) {
    case 'month':
    case 'rolling-12': {
      const m = parseMonth(text);
      return m ? periodOf(m, kind) : undefined;
    }
    case 'quarter': {
      const q = /^(\d{4})-Q([1-4])$/.exec(text);
      return q
        ? periodOf(parseMonth(`${q[1]}-${String((Number(q[2]) - 1) * 3 + 1).padStart(2, '0')}`)!, 'quarter')
        : undefined;
    }
    case 'financial-year':
      return parseFinancialYear(text);
    case 'calendar-year':
      return /^\d{4}$/.test(text) ? periodOf(parseMonth(`${text}-01`)!, 'calendar-year') : undefined;
  }
}

/** The latest period of a kind that ends on or before a month. */
export function latestPeriodEnding(kind: PeriodKind, month: Month): Period {
  const p = periodOf(month, kind);
  return p.last <= month ? p : periodOf(addMonths(p.first, -1), kind);
}

export const PERIOD_EXAMPLES: Readonly<Record<PeriodKind, string>> = {
  month: '2018-03',
  quarter: '2018-Q1',
  'financial-year': '2017/18',
  'calendar-year': '2017',
  'rolling-12': '2018-03 (the last month of the 12)',
};
