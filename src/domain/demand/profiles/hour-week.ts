/**
 * When demand arrives: incidents by hour of day and day of week (Monday first), in local time, as
 * counts and as the average per day (each weekday's counts divided by how many of that weekday the
 * data cover). The heat map of every demand analysis, and what shift patterns are planned on.
 */
import { weekdayOf, type IncidentTable } from '../incident-table.js';
import { select, type Selection } from './selection.js';

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export interface HourWeekProfile {
  readonly days: number;
  /** Covered days of each weekday, Monday first. */
  readonly daysByWeekday: number[];
  /** counts[weekday][hour] */
  readonly counts: number[][];
  /** Average incidents per day in each weekday-hour cell (NaN when the weekday is not covered). */
  readonly perDay: number[][];
  /** Average per day of each hour over all days. */
  readonly hourly: number[];
  /** The busiest cell by average. */
  readonly peak: { readonly weekday: number; readonly hour: number; readonly perDay: number } | null;
}

export function hourWeekProfile(
  table: IncidentTable,
  selection: Selection = {},
  keep?: (row: number) => boolean,
): HourWeekProfile {
  const { from, to, days } = select(table, selection);
  const cells = new Float64Array(7 * 24);
  for (let i = 0; i < table.size; i++) {
    const d = table.day[i]!;
    if (d < from || d > to || (keep && !keep(i))) continue;
    cells[weekdayOf(d) * 24 + ((table.minute[i]! / 60) | 0)]!++;
  }
  const daysByWeekday = new Array<number>(7).fill(0);
  for (const d of days) daysByWeekday[weekdayOf(d)]!++;
  const counts = Array.from({ length: 7 }, (_, w) => Array.from(cells.subarray(w * 24, w * 24 + 24)));
  const perDay = counts.map((row, w) => row.map((c) => (daysByWeekday[w]! > 0 ? c / daysByWeekday[w]! : Number.NaN)));
  const hourly = Array.from({ length: 24 }, (_, h) =>
    days.length > 0 ? counts.reduce((a, row) => a + row[h]!, 0) / days.length : Number.NaN,
  );
  let peak: HourWeekProfile['peak'] = null;
  perDay.forEach((row, weekday) =>
    row.forEach((v, hour) => {
      if (!Number.isNaN(v) && (!peak || v > peak.perDay)) peak = { weekday, hour, perDay: v };
    }),
  );
  return { days: days.length, daysByWeekday, counts, perDay, hourly, peak };
}
