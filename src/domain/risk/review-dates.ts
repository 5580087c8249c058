/**
 * Dates of the review cycle: strict YYYY-MM-DD, the next monthly review, and how late a review
 * is. Why plain strings: review dates are calendar days with no time zone, compared as text.
 */
import { inputError } from '../../errors.js';
import { isCalendarDate, todayUtc } from '../calendar-date.js';

/** A real calendar date written YYYY-MM-DD; `what` names it in the message. */
export function checkDate(value: string, what: string): string {
  const v = value.trim();
  if (!isCalendarDate(v)) throw inputError(`The ${what} "${value}" is not a date (expected YYYY-MM-DD).`);
  return v;
}

/** The same day `months` later, or the month's last day when it has no such day (31 Jan + 1 = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = checkDate(date, 'date').split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${checkDate(to, 'date')}T00:00:00Z`) - Date.parse(`${checkDate(from, 'date')}T00:00:00Z`)) /
      86_400_000,
  );
}

/** Today in UTC, YYYY-MM-DD. */
export { todayUtc as today };
