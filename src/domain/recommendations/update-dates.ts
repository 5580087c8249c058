/**
 * Which dates a recommendation's progress update may carry. An update reports progress that has
 * happened: never after today, and never before the recommendation could have been made. A
 * recommendation is made while its assessment is written, in the financial year before the
 * assessment's period (the 2016/17 assessment is written during 2015/16), so the earliest date is
 * 1 April of that year. Decision: the assessment's period, not the record's creation time, is the
 * bound, because a past year's register is often entered after the fact (the demo and CSV imports
 * enter 2017 updates today); a carried recommendation keeps the bound of the year it was first
 * made in, as its history runs from there.
 */
import { isCalendarDate } from '../calendar-date.js';

export interface UpdateDateWindow {
  /** YYYY-MM-DD, the first day allowed. */
  readonly from: string;
  /** YYYY-MM-DD, the last day allowed (today). */
  readonly to: string;
}

/** The window for a recommendation first made in the assessment of `period` ("2016/17"), as of `today`. */
export function updateDateWindow(period: string, today: string): UpdateDateWindow {
  const first = Number(/^(\d{4})/.exec(period)?.[1]);
  if (!Number.isInteger(first)) throw new Error(`Assessment period "${period}" does not start with a year.`);
  return { from: `${first - 1}-04-01`, to: today };
}

/** Why `dated` is outside the window, or null when it is inside. */
export function updateDateProblem(dated: string, window: UpdateDateWindow, made: string): string | null {
  if (!isCalendarDate(dated)) return `Update date "${dated}" is not a date (expected YYYY-MM-DD).`;
  if (dated > window.to)
    return `Update date ${dated} is in the future: progress is reported when it has happened (today is ${window.to}).`;
  if (dated < window.from)
    return `Update date ${dated} is before the recommendation was made (in ${made}, written from ${window.from}).`;
  return null;
}
