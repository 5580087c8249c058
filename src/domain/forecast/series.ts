/**
 * A series to forecast: counts per month or per quarter, from a first period, with gaps as null.
 *
 * Periods are named by their first month (`2017-04`, for a quarter April to June 2017), so
 * calendar and financial quarters need no separate vocabulary and every label sorts as text.
 * A gap (null) is a period with no data, never a period with no events: a month with no crime is 0.
 */
import { addMonths, parseMonth, type Month } from '../crime/month.js';

export type Frequency = 'month' | 'quarter';

export interface CountSeries {
  /** First month of the first period, `YYYY-MM`. */
  readonly start: string;
  readonly frequency: Frequency;
  readonly values: readonly (number | null)[];
}

/** Periods in a year: the season length of the models. */
export function seasonLength(frequency: Frequency): number {
  return frequency === 'month' ? 12 : 4;
}

/** The label of period `index` (0 = the first). */
export function periodLabel(series: Pick<CountSeries, 'start' | 'frequency'>, index: number): string {
  const start = parseMonth(series.start);
  if (!start) throw new RangeError(`series start '${series.start}' is not a month (expected YYYY-MM)`);
  return addMonths(start as Month, index * (series.frequency === 'month' ? 1 : 3));
}
