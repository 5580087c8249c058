/**
 * Standard normal helpers for the tests that use a normal approximation (the WDD test and the
 * control limits).
 *
 * Why a wrapper: the distribution functions come from stdlib (@stdlib/stats-base-dists-normal-*),
 * which compute the tails with erfc and so stay accurate for very small p-values; this file only
 * fixes the mean at 0 and the standard deviation at 1 and validates the level.
 */
import cdf from '@stdlib/stats-base-dists-normal-cdf';
import quantile from '@stdlib/stats-base-dists-normal-quantile';

import { assertFinite, assertOpenUnit } from './validate.js';

/** Two-sided p-value of a z-score: P(|Z| >= |z|). */
export function twoSidedPValue(z: number): number {
  assertFinite(z, 'z');
  return Math.min(1, 2 * cdf(-Math.abs(z), 0, 1));
}

/** The multiplier z for a two-sided interval at `level` (0.95 gives 1.959964...). */
export function zForConfidence(level: number): number {
  assertOpenUnit(level, 'confidence level');
  return quantile(1 - (1 - level) / 2, 0, 1);
}
