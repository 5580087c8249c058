/**
 * Which incidents a profile counts, and over how many days: a date range (local days, both ends
 * included) and the days it covers.
 *
 * Why the days matter: averages per day and per weekday are what a demand profile reports, and
 * exports do not always cover whole weeks (San Antonio's windows each miss a weekday), so counts
 * are divided by the days actually covered. By default those are the days on which any incident
 * was opened; a caller that knows the export's true coverage passes it (a day with no incidents
 * at all is then still counted).
 */
import { dayNumber, type IncidentTable } from '../incident-table.js';

export interface Selection {
  /** First and last local day, `YYYY-MM-DD` (default: all the data). */
  readonly from?: string;
  readonly to?: string;
  /** The days the data cover, `YYYY-MM-DD` (default: the days with incidents in the range). */
  readonly coveredDays?: readonly string[];
}

export interface Selected {
  /** Row indexes in the selection. */
  readonly rows: Int32Array;
  /** Covered local day numbers, ascending. */
  readonly days: number[];
}

export function select(table: IncidentTable, selection: Selection = {}): Selected {
  const from = selection.from ? dayNumber(selection.from) : -Infinity;
  const to = selection.to ? dayNumber(selection.to) : Infinity;
  const rows = new Int32Array(table.size);
  let n = 0;
  const seen = new Set<number>();
  for (let i = 0; i < table.size; i++) {
    const d = table.day[i]!;
    if (d < from || d > to) continue;
    rows[n++] = i;
    seen.add(d);
  }
  const days = selection.coveredDays
    ? selection.coveredDays.map(dayNumber).filter((d) => d >= from && d <= to)
    : [...seen];
  return { rows: rows.subarray(0, n), days: [...new Set(days)].sort((a, b) => a - b) };
}
