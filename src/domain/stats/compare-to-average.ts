/**
 * "Is this period's count significantly above or below the average of the same period in the
 * previous N years (default 3)?"
 *
 * Why: the strategic assessment describes volumes as "above average" or "significantly above
 * average". That word "significantly" must come from a stated test at a stated level.
 *
 * Method: the Poisson E-test of Krishnamoorthy, K. & Thomson, J. (2004), "A more powerful test for
 * comparing two Poisson means", Journal of Statistical Planning and Inference 119(1), 23-35, used
 * as a comparison of rates: the current count k1 over an exposure of 1 period against the total k2
 * of the N previous periods over an exposure of N periods, i.e. H0: "the current rate equals the
 * average rate of the previous N years", two-sided. The test allows for the average itself being
 * uncertain (it is built from counts too), which a simple "count outside mean +/- 2 sd" rule does
 * not.
 *
 * Flags, at level alpha (default 0.05):
 *   'significantly-above' / 'significantly-below': p <= alpha, in the direction of the change;
 *   otherwise 'similar' when the count is within `similarPercent` (default 5%) of the average,
 *   else 'above' / 'below' (a descriptive label, not a statistical finding);
 *   'insufficient-data' when fewer than `minYears` (default 3) previous periods exist.
 * The assumption is that counts are Poisson: if they are strongly over-dispersed the test flags
 * too often, so over many cells apply the false discovery rate control in fdr.ts as well.
 */
import { changeAgainst } from './change.js';
import { poissonETest } from './poisson-e-test.js';
import { assertCount, assertNonNegative, assertOpenUnit, assertWhole } from './validate.js';

export interface CompareToAverageOptions {
  /** How many previous periods to average (the most recent ones); default 3. */
  readonly years?: number;
  /** Fewest previous periods needed; default 3. */
  readonly minYears?: number;
  /** Significance level; default 0.05. */
  readonly alpha?: number;
  /** A non-significant change within this many percent of the average is 'similar'; default 5. */
  readonly similarPercent?: number;
}

export type AverageFlag = 'significantly-above' | 'above' | 'similar' | 'below' | 'significantly-below';

export type AverageComparison =
  | {
      readonly status: 'ok';
      readonly current: number;
      /** Mean of the previous periods used. */
      readonly average: number;
      readonly priorPeriods: number;
      /** current - average. */
      readonly change: number;
      /** 100 * (current - average) / average; null when the average is 0. */
      readonly percentChange: number | null;
      readonly pValue: number;
      /** E-test statistic (K&T eq. 3.3). */
      readonly statistic: number;
      readonly alpha: number;
      readonly method: 'poisson-e-test';
      readonly flag: AverageFlag;
    }
  | {
      readonly status: 'insufficient-data';
      readonly current: number;
      readonly priorPeriods: number;
      readonly reason: 'too-few-prior-periods';
      readonly flag: 'insufficient-data';
    };

function flagFor(pValue: number, alpha: number, change: number, percent: number | null, band: number): AverageFlag {
  if (pValue <= alpha && change !== 0) return change > 0 ? 'significantly-above' : 'significantly-below';
  if (change === 0 || (percent !== null && Math.abs(percent) < band)) return 'similar';
  return change > 0 ? 'above' : 'below';
}

/**
 * Compare `current` with the average of `prior` (the same period in earlier years, oldest first;
 * only the last `years` are used).
 */
export function compareToAverage(
  current: number,
  prior: readonly number[],
  options: CompareToAverageOptions = {},
): AverageComparison {
  const { years = 3, minYears = 3, alpha = 0.05, similarPercent = 5 } = options;
  assertCount(current, 'current');
  prior.forEach((c, i) => assertCount(c, `prior[${i}]`));
  assertWhole(years, 'years', 1);
  assertWhole(minYears, 'minYears', 1);
  assertOpenUnit(alpha, 'alpha');
  assertNonNegative(similarPercent, 'similarPercent');
  const used = prior.slice(Math.max(0, prior.length - years));
  if (used.length < minYears) {
    return {
      status: 'insufficient-data',
      current,
      priorPeriods: used.length,
      reason: 'too-few-prior-periods',
      flag: 'insufficient-data',
    };
  }
  const total = used.reduce((a, b) => a + b, 0);
  const average = total / used.length;
  const { change, percentChange } = changeAgainst(average, current);
  const { pValue, statistic } = poissonETest({ k1: current, n1: 1, k2: total, n2: used.length });
  const flag = flagFor(pValue, alpha, change, percentChange, similarPercent);
  return {
    status: 'ok',
    current,
    average,
    priorPeriods: used.length,
    change,
    percentChange,
    pValue,
    statistic,
    alpha,
    method: 'poisson-e-test',
    flag,
  };
}
