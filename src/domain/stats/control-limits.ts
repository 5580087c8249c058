/**
 * Control limits for a monthly count series around its seasonal baseline, allowing for
 * over-dispersion, with each month flagged 'above', 'below' or 'within'.
 *
 * Why: a chart of monthly crime needs a band of "normal variation" so that readers do not chase
 * noise. Crime counts vary more than a pure Poisson process would (a prolific offender, a busy
 * weekend, a recording change), so limits that assume Poisson variation are too narrow and flag
 * too often. The variation is therefore measured from the series itself.
 *
 * Method: the threshold of Farrington, C.P., Andrews, N.J., Beale, A.D. & Catchpole, M.A. (1996),
 * "A statistical algorithm for the early detection of outbreaks of infectious disease", Journal of
 * the Royal Statistical Society Series A 159(3), 547-563, simplified (no trend term, no
 * down-weighting of past outbreaks). In words an analyst can quote:
 *   - Expected: the average of the same month in the previous 3 years (seasonal-baseline.ts).
 *   - Dispersion: how much more the counts vary than pure chance (Poisson) would allow, measured
 *     from how far earlier years' counts for the same month sit from their average (Pearson
 *     chi-square over its degrees of freedom, pooled over all months so far). It is never taken
 *     below 1, so the limits are never narrower than pure-chance limits.
 *   - Limits: on the 2/3-power scale, where counts are close to symmetric,
 *       upper = E * (1 + (2/3) z sqrt(tau))^(3/2),  lower = E * (1 - (2/3) z sqrt(tau))^(3/2)
 *     with tau = dispersion * (1 + 1/K) / E, K the number of years averaged (the 1/K allows for E
 *     itself being an estimate), z = 1.96 for 95% limits; the lower limit is 0 if the bracket is
 *     negative. This keeps the two tails balanced for small counts, where plain E +/- z*sd limits
 *     are lopsided.
 *   - A month above the upper limit is flagged 'above', below the lower limit 'below'. With 95%
 *     limits a month with no real change falls outside about 4 times in 100 (simulated; at most 5).
 * Only data from before a month are used to judge it. A month is 'insufficient-data' when it lacks
 * 3 earlier years, when its baseline is all zeros, or when fewer than 5 crimes are expected (the
 * limits are still returned for charting then): below that, chance alone moves monthly counts too
 * much for any flag to mean anything.
 */
import { zForConfidence } from './normal.js';
import { seasonalBaseline, type BaselinePoint, type SeasonalBaselineOptions } from './seasonal-baseline.js';
import type { InsufficientReason } from './types.js';
import { assertNonNegative } from './validate.js';

export interface ControlLimitOptions extends SeasonalBaselineOptions {
  /** Coverage of the limits; default 0.95. */
  readonly confidenceLevel?: number;
  /** Smallest expected count that is judged; default 5. */
  readonly minExpected?: number;
}

export type ControlFlag = 'above' | 'below' | 'within';

export interface Limits {
  readonly expected: number;
  readonly lower: number;
  readonly upper: number;
  /** Estimated dispersion (variance / mean), at least 1. */
  readonly dispersion: number;
}

export type ControlLimitPoint =
  | ({
      readonly status: 'ok';
      readonly index: number;
      readonly observed: number;
      readonly flag: ControlFlag;
    } & Limits)
  | {
      readonly status: 'insufficient-data';
      readonly index: number;
      readonly observed: number;
      readonly reason: InsufficientReason;
      readonly flag: 'insufficient-data';
      /** Limits for charting when a baseline exists but is too small to judge against. */
      readonly limits: Limits | null;
    };

/** Running pooled Pearson dispersion of baseline values around their mean. */
class PooledDispersion {
  private chiSquare = 0;
  private degreesOfFreedom = 0;

  add(baseline: readonly number[], expected: number): void {
    for (const b of baseline) this.chiSquare += (b - expected) ** 2 / expected;
    this.degreesOfFreedom += baseline.length - 1;
  }

  /** Current estimate, floored at 1 (never narrower than Poisson). */
  get value(): number {
    return this.degreesOfFreedom > 0 ? Math.max(1, this.chiSquare / this.degreesOfFreedom) : 1;
  }
}

/** Farrington's 2/3-power limits around `expected`. */
export function powerLimits(expected: number, dispersion: number, years: number, z: number): Limits {
  const spread = (2 / 3) * z * Math.sqrt((dispersion * (1 + 1 / years)) / expected);
  const lowerBracket = 1 - spread;
  return {
    expected,
    lower: lowerBracket > 0 ? expected * lowerBracket ** 1.5 : 0,
    upper: expected * (1 + spread) ** 1.5,
    dispersion,
  };
}

type Settings = { readonly z: number; readonly minExpected: number };

function judge(
  point: Extract<BaselinePoint, { status: 'ok' }>,
  pooled: PooledDispersion,
  s: Settings,
): ControlLimitPoint {
  const { index, observed, expected, baseline } = point;
  if (expected === 0) {
    return {
      status: 'insufficient-data',
      index,
      observed,
      reason: 'zero-baseline',
      flag: 'insufficient-data',
      limits: null,
    };
  }
  pooled.add(baseline, expected); // baseline values all precede this period
  const limits = powerLimits(expected, pooled.value, baseline.length, s.z);
  if (expected < s.minExpected) {
    return {
      status: 'insufficient-data',
      index,
      observed,
      reason: 'expected-too-small',
      flag: 'insufficient-data',
      limits,
    };
  }
  const flag: ControlFlag = observed > limits.upper ? 'above' : observed < limits.lower ? 'below' : 'within';
  return { status: 'ok', index, observed, flag, ...limits };
}

/** Expected count, limits and flag for every period of `counts` (oldest first). */
export function controlLimits(counts: readonly number[], options: ControlLimitOptions = {}): ControlLimitPoint[] {
  const z = zForConfidence(options.confidenceLevel ?? 0.95);
  const minExpected = options.minExpected ?? 5;
  assertNonNegative(minExpected, 'minExpected');
  const pooled = new PooledDispersion();
  return seasonalBaseline(counts, options).map((point): ControlLimitPoint => {
    if (point.status !== 'ok') return { ...point, flag: 'insufficient-data', limits: null };
    return judge(point, pooled, { z, minExpected });
  });
}
