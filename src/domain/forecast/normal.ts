/**
 * Normal quantiles for prediction intervals: the multiplier z with P(|Z| <= z) = level.
 * A thin wrapper on the statistics module's, so every interval in the forecasts uses one function.
 */
import { zForConfidence } from '../stats/normal.js';

const cache = new Map<number, number>();

export function zFor(level: number): number {
  let z = cache.get(level);
  if (z === undefined) {
    z = zForConfidence(level);
    cache.set(level, z);
  }
  return z;
}

/** Symmetric intervals mean +- z * sd for each level. */
export function normalIntervals(mean: readonly number[], sd: readonly number[], levels: readonly number[]) {
  return levels.map((level) => {
    const z = zFor(level);
    return {
      level,
      lower: mean.map((m, i) => m - z * sd[i]!),
      upper: mean.map((m, i) => m + z * sd[i]!),
    };
  });
}
