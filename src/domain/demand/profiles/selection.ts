/**
 * Which incidents a profile counts, and over how many days: a date range (local days, both ends
 * included) and the days it covers.
 *
 * Why the days matter: averages per day and per weekday are what a demand profile reports, and
 * exports do not always cover whole weeks (San Antonio's windows each miss a weekday), so counts
 * are divided by the days actually covered. By default those are the days on which any incident
 * was opened; a caller that knows the export's true coverage passes it (a day with no incidents
 * at all is then still counted).
 *
 * Speed: a profile scans a million rows, so the range is two day numbers tested inline (no list of
 * row indexes is built) and covered days are marked in a bitmap over the days spanned.
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
  /** First and last day number selected (inclusive); rows outside are skipped. */
  readonly from: number;
  readonly to: number;
  /** Covered local day numbers, ascending. */
  readonly days: number[];
  /** Rows in the selection. */
  readonly count: number;
}

export function select(table: IncidentTable, selection: Selection = {}): Selected {
  const from = selection.from ? dayNumber(selection.from) : -2_147_483_648;
  const to = selection.to ? dayNumber(selection.to) : 2_147_483_647;
  let lo = Infinity;
  let hi = -Infinity;
  let count = 0;
  const day = table.day;
  for (let i = 0; i < table.size; i++) {
    const d = day[i]!;
    if (d < from || d > to) continue;
    count++;
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  let days: number[];
  if (selection.coveredDays) {
    days = [...new Set(selection.coveredDays.map(dayNumber))].filter((d) => d >= from && d <= to).sort((a, b) => a - b);
  } else if (count === 0) {
    days = [];
  } else {
    const seen = new Uint8Array(hi - lo + 1);
    for (let i = 0; i < table.size; i++) {
      const d = day[i]!;
      if (d >= from && d <= to) seen[d - lo] = 1;
    }
    days = [];
    seen.forEach((s, k) => s && days.push(lo + k));
  }
  return { from, to, days, count };
}
