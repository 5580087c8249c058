/**
 * Calendar days written YYYY-MM-DD (review, update and inspection dates): no time zone, compared
 * as text. One check of "a real day" (no 2017-02-30) for every register.
 */

/** Whether `text` is YYYY-MM-DD and names a day that exists. */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) return false;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === text;
}

/** Today in UTC, YYYY-MM-DD. */
export const todayUtc = (now: Date = new Date()): string => now.toISOString().slice(0, 10);
