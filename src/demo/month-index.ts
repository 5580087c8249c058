/**
 * The generator counts months as integers (year * 12 + month - 1) so it can add delays and
 * compare months cheaply; these convert to and from police.uk's `YYYY-MM`.
 */
import { monthFromIndex, monthIndex, parseMonth } from '../domain/crime/month.js';

export function parseMonthIndex(text: string): number {
  const month = parseMonth(text);
  if (month === undefined) throw new Error(`not a month (YYYY-MM): ${text}`);
  return monthIndex(month);
}

export function monthText(index: number): string {
  return monthFromIndex(index);
}
