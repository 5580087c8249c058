/**
 * Periods an indicator can be reported for: a month `YYYY-MM`, a calendar quarter `YYYY-Qn`
 * (Q1 = January-March), a financial year `YYYY/YY` (April to March, `2016/17` = April 2016 to
 * March 2017) or a calendar year `YYYY`. Labels are parsed once into a tagged union so that code
 * comparing or shifting periods never works on strings.
 */

export type Period =
  | { readonly kind: 'month'; readonly year: number; readonly month: number }
  | { readonly kind: 'quarter'; readonly year: number; readonly quarter: 1 | 2 | 3 | 4 }
  /** `year` is the calendar year in which the financial year starts (April). */
  | { readonly kind: 'financial-year'; readonly year: number }
  | { readonly kind: 'calendar-year'; readonly year: number };

export type PeriodKind = Period['kind'];

export const PERIOD_FORMS = 'YYYY-MM (month), YYYY-Qn (quarter), YYYY/YY (financial year) or YYYY (calendar year)';

export const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

const KIND_WORDS: Record<PeriodKind, string> = {
  month: 'months',
  quarter: 'quarters',
  'financial-year': 'financial years',
  'calendar-year': 'calendar years',
};

/** "months", "financial years", ...: for messages. */
export function periodKindWords(kind: PeriodKind): string {
  return KIND_WORDS[kind];
}

/** Parses a period label; the error text says why a label is not a period. */
export function parsePeriod(text: string): { ok: true; period: Period } | { ok: false; reason: string } {
  const t = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})$/.exec(t))) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return { ok: false, reason: `'${t}' is not a month (the month must be 01 to 12)` };
    return { ok: true, period: { kind: 'month', year: Number(m[1]), month } };
  }
  if ((m = /^(\d{4})-Q([1-4])$/i.exec(t))) {
    return { ok: true, period: { kind: 'quarter', year: Number(m[1]), quarter: Number(m[2]) as 1 | 2 | 3 | 4 } };
  }
  if ((m = /^(\d{4})\/(\d{2})$/.exec(t))) {
    const year = Number(m[1]);
    const expected = twoDigits((year + 1) % 100);
    if (m[2] !== expected)
      return { ok: false, reason: `'${t}' is not a financial year (expected ${year}/${expected})` };
    return { ok: true, period: { kind: 'financial-year', year } };
  }
  if ((m = /^(\d{4})$/.exec(t))) return { ok: true, period: { kind: 'calendar-year', year: Number(m[1]) } };
  return { ok: false, reason: `'${t}' is not a period (expected ${PERIOD_FORMS})` };
}

/** Parses a label known to be valid (e.g. read back from the store); throws otherwise. */
export function periodOf(text: string): Period {
  const r = parsePeriod(text);
  if (!r.ok) throw new RangeError(r.reason);
  return r.period;
}

/** The canonical label: `2016-04`, `2016-Q2`, `2016/17`, `2016`. */
export function formatPeriod(p: Period): string {
  switch (p.kind) {
    case 'month':
      return `${p.year}-${twoDigits(p.month)}`;
    case 'quarter':
      return `${p.year}-Q${p.quarter}`;
    case 'financial-year':
      return `${p.year}/${twoDigits((p.year + 1) % 100)}`;
    case 'calendar-year':
      return String(p.year);
  }
}

/** The same period one year earlier (the base of a year-on-year change). */
export function sameTimeLastYear(p: Period): Period {
  return { ...p, year: p.year - 1 };
}

/** First month covered, as an absolute month number (year * 12 + month - 1). */
export function startMonthIndex(p: Period): number {
  switch (p.kind) {
    case 'month':
      return p.year * 12 + p.month - 1;
    case 'quarter':
      return p.year * 12 + (p.quarter - 1) * 3;
    case 'financial-year':
      return p.year * 12 + 3;
    case 'calendar-year':
      return p.year * 12;
  }
}

/** How many months the period covers. */
export function monthsCovered(p: Period): number {
  return p.kind === 'month' ? 1 : p.kind === 'quarter' ? 3 : 12;
}

/** Orders periods by their first month, then by length. */
export function comparePeriods(a: Period, b: Period): number {
  return startMonthIndex(a) - startMonthIndex(b) || monthsCovered(a) - monthsCovered(b);
}

function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}
