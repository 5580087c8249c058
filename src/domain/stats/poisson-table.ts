/**
 * A table of Poisson probabilities over every count that carries non-negligible mass, with running
 * sums from both ends.
 *
 * Why: the Poisson E-test (Krishnamoorthy & Thomson 2004) sums probabilities over a grid of
 * counts. Computing each probability with lgamma, or summing an untruncated double series, is
 * slow and overflows for counts in the tens of thousands. Here the probability at the mode is
 * computed once in log space (stdlib's gammaln), the others by the ratio recurrence
 * P(x+1) = P(x) * mean / (x + 1), re-anchored in log space every 512 steps so rounding cannot
 * drift.
 *
 * Truncation tolerance: counts whose probability is below e^cutoff are dropped. Beyond that point
 * the terms shrink at least geometrically, so the dropped mass in each tail is below
 * 1e5 * e^cutoff for any mean up to 1e12. Two cutoffs are offered: SHALLOW (e^-69, about 1e-30:
 * dropped mass below 1e-25) for ordinary p-values, and DEEP (e^-690, about 1e-300: dropped mass
 * below 1e-295) for p-values so small that the shallow table could distort them.
 */
import gammaln from '@stdlib/math-base-special-gammaln';

import { assertPositive } from './validate.js';

/** Natural logs of the smallest probability kept in a table. */
export const SHALLOW_LOG_CUTOFF = -69;
export const DEEP_LOG_CUTOFF = -690;
const REANCHOR_EVERY = 512;

export interface PoissonTable {
  readonly mean: number;
  /** Smallest count in the table. */
  readonly first: number;
  /** Largest count in the table. */
  readonly last: number;
  /** pmf[i] = P(X = first + i). */
  readonly pmf: Float64Array;
  /** below[i] = P(first <= X < first + i), summed from the lower tail up (length pmf.length + 1). */
  readonly below: Float64Array;
  /** above[i] = P(X >= first + i), summed from the upper tail down (length pmf.length + 1). */
  readonly above: Float64Array;
  /** Index of the mode in pmf. */
  readonly modeIndex: number;
}

function logPmf(x: number, mean: number): number {
  return x * Math.log(mean) - mean - gammaln(x + 1);
}

/** Probabilities from the mode outwards in one direction, until negligible or the count is < 0. */
function walk(mean: number, mode: number, pMode: number, step: 1 | -1, smallest: number): number[] {
  const out: number[] = [];
  let p = pMode;
  for (let x = mode + step, k = 1; x >= 0; x += step, k++) {
    if (k % REANCHOR_EVERY === 0) p = Math.exp(logPmf(x, mean));
    else p = step === 1 ? (p * mean) / x : (p * (x + 1)) / mean;
    if (p < smallest) break;
    out.push(p);
  }
  return out;
}

export function poissonTable(mean: number, logCutoff = DEEP_LOG_CUTOFF): PoissonTable {
  assertPositive(mean, 'Poisson mean');
  const mode = Math.floor(mean);
  const pMode = Math.exp(logPmf(mode, mean));
  const smallest = Math.exp(logCutoff);
  const down = walk(mean, mode, pMode, -1, smallest);
  const up = walk(mean, mode, pMode, 1, smallest);
  const n = down.length + 1 + up.length;
  const pmf = new Float64Array(n);
  down.forEach((p, k) => (pmf[down.length - 1 - k] = p));
  pmf[down.length] = pMode;
  up.forEach((p, k) => (pmf[down.length + 1 + k] = p));
  const below = new Float64Array(n + 1);
  const above = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) below[i + 1] = (below[i] ?? 0) + (pmf[i] ?? 0);
  for (let i = n - 1; i >= 0; i--) above[i] = (above[i + 1] ?? 0) + (pmf[i] ?? 0);
  return {
    mean,
    first: mode - down.length,
    last: mode + up.length,
    pmf,
    below,
    above,
    modeIndex: down.length,
  };
}

/**
 * P(lo <= X <= hi) for counts inside the table. Uses the running sum that starts in the nearer
 * tail so that small probabilities keep their relative precision.
 */
export function probabilityBetween(table: PoissonTable, lo: number, hi: number): number {
  const i = lo - table.first;
  const j = hi - table.first;
  if (j < table.modeIndex) return (table.below[j + 1] ?? 0) - (table.below[i] ?? 0);
  return (table.above[i] ?? 0) - (table.above[j + 1] ?? 0);
}
