/**
 * Seasonal baseline of a monthly (or quarterly) count series: the expected count for each period
 * is the average of the same period in each of the previous N years (default 3).
 *
 * Why: crime is seasonal (more violence in summer, more burglary in the dark evenings of winter),
 * so a month is compared with the same calendar month in earlier years, not with the month before.
 * Averaging several years smooths one-off spikes. The baseline is deliberately simple so it can be
 * stated in one sentence: "expected = the average of this month in the previous three years"; it
 * does not adjust for a long-term trend, so a series that has been falling steadily will sit a
 * little below its baseline. It is a simplified form of the "historical limits" baseline of Stroup,
 * D.F., Williamson, G.D., Herndon, J.L. & Karon, J.M. (1989), "Detection of aberrations in the
 * occurrence of notifiable diseases surveillance data", Statistics in Medicine 8(3), 323-329,
 * which averages the same and neighbouring periods of earlier years.
 *
 * A period with fewer than `minYears` (default 3) earlier years in the series is reported as
 * 'insufficient-data'. The series must be contiguous: a period with no crime is a 0, not a gap.
 */
import type { InsufficientReason } from './types.js';
import { assertCount, assertWhole } from './validate.js';

export interface SeasonalBaselineOptions {
  /** How many previous years to average; default 3. */
  readonly years?: number;
  /** Fewest previous years needed to give a baseline; default 3 (at least 2, at most `years`). */
  readonly minYears?: number;
  /** Periods in a year: 12 for monthly series (default), 4 for quarterly. */
  readonly periodsPerYear?: number;
}

export type BaselinePoint =
  | {
      readonly status: 'ok';
      readonly index: number;
      readonly observed: number;
      /** Mean of `baseline`. */
      readonly expected: number;
      /** The same period in earlier years, most recent first. */
      readonly baseline: readonly number[];
    }
  | {
      readonly status: 'insufficient-data';
      readonly index: number;
      readonly observed: number;
      readonly reason: InsufficientReason;
    };

export interface ResolvedBaselineOptions {
  readonly years: number;
  readonly minYears: number;
  readonly periodsPerYear: number;
}

export function resolveBaselineOptions(options: SeasonalBaselineOptions = {}): ResolvedBaselineOptions {
  const { years = 3, minYears = 3, periodsPerYear = 12 } = options;
  assertWhole(years, 'years', 2);
  assertWhole(minYears, 'minYears', 2);
  assertWhole(periodsPerYear, 'periodsPerYear', 1);
  if (minYears > years) throw new RangeError(`minYears (${minYears}) must not exceed years (${years})`);
  return { years, minYears, periodsPerYear };
}

/** Expected count for every period of `counts` (oldest first) from the same period in earlier years. */
export function seasonalBaseline(counts: readonly number[], options?: SeasonalBaselineOptions): BaselinePoint[] {
  const { years, minYears, periodsPerYear } = resolveBaselineOptions(options);
  counts.forEach((c, i) => assertCount(c, `counts[${i}]`));
  return counts.map((observed, index): BaselinePoint => {
    const baseline: number[] = [];
    for (let j = 1; j <= years && index - j * periodsPerYear >= 0; j++) {
      baseline.push(counts[index - j * periodsPerYear] ?? 0);
    }
    if (baseline.length < minYears)
      return { status: 'insufficient-data', index, observed, reason: 'too-few-prior-periods' };
    const expected = baseline.reduce((a, b) => a + b, 0) / baseline.length;
    return { status: 'ok', index, observed, expected, baseline };
  });
}
