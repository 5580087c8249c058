import { describe, it, expect } from 'vitest';

import { controlLimits, powerLimits, type ControlLimitPoint } from './control-limits.js';

function ok(point: ControlLimitPoint | undefined): Extract<ControlLimitPoint, { status: 'ok' }> {
  if (point?.status !== 'ok') throw new Error(`expected limits, got ${point?.status ?? 'nothing'}`);
  return point;
}

const Z95 = 1.959963984540054;
/** Farrington et al. (1996) 2/3-power limits, written out for the hand checks below. */
const upper = (e: number, phi: number, k: number, z = Z95) =>
  e * (1 + (2 / 3) * z * Math.sqrt((phi * (1 + 1 / k)) / e)) ** 1.5;
const lower = (e: number, phi: number, k: number, z = Z95) =>
  Math.max(0, e * Math.max(0, 1 - (2 / 3) * z * Math.sqrt((phi * (1 + 1 / k)) / e)) ** 1.5);

describe('controlLimits (hand-computed on annual series, periodsPerYear = 1)', () => {
  it('uses Poisson variation when the baseline is no more variable than Poisson', () => {
    // Baseline 14, 12, 10: expected 12; Pearson chi-square (4 + 0 + 4)/12 = 0.67 on 2 df, so the
    // dispersion is floored at 1. tau = 1 * (4/3) / 12 = 1/9: limits 12 * (1 -/+ 1.96 * 2/9)^1.5,
    // i.e. 5.09 to 20.64.
    const p = ok(controlLimits([10, 12, 14, 30], { periodsPerYear: 1 })[3]);
    expect(p.expected).toBe(12);
    expect(p.dispersion).toBe(1);
    expect(p.lower).toBeCloseTo(lower(12, 1, 3), 12);
    expect(p.upper).toBeCloseTo(upper(12, 1, 3), 12);
    expect(p.lower).toBeCloseTo(5.089, 3);
    expect(p.upper).toBeCloseTo(20.64, 2);
    expect(p.flag).toBe('above');
  });

  it('widens the limits for over-dispersion, pooling the dispersion over earlier periods', () => {
    // Index 3: baseline 35, 20, 5 -> expected 20, chi-square (225 + 0 + 225)/20 = 22.5 on 2 df,
    // dispersion 11.25 (lower bracket negative, so lower limit 0).
    // Index 4: baseline 20, 35, 20 -> expected 25, chi-square (25 + 100 + 25)/25 = 6; pooled
    // dispersion (22.5 + 6)/(2 + 2) = 7.125.
    const points = controlLimits([5, 20, 35, 20, 50], { periodsPerYear: 1 });
    const a = ok(points[3]);
    expect(a.dispersion).toBeCloseTo(11.25, 12);
    expect(a.lower).toBe(0);
    expect(a.upper).toBeCloseTo(upper(20, 11.25, 3), 10);
    expect(a.flag).toBe('within');
    const b = ok(points[4]);
    expect(b.dispersion).toBeCloseTo(7.125, 12);
    expect(b.upper).toBeCloseTo(upper(25, 7.125, 3), 10);
    expect(b.flag).toBe('within');
  });

  it('flags a fall below the lower limit', () => {
    // Baseline 96, 104, 100: expected 100, dispersion 1, lower limit 78.2.
    const p = ok(controlLimits([100, 104, 96, 60], { periodsPerYear: 1 })[3]);
    expect(p.lower).toBeCloseTo(78.24, 2);
    expect(p.flag).toBe('below');
  });

  it('says insufficient data, never a flag, for short histories, zero baselines and tiny counts', () => {
    const points = controlLimits([0, 0, 0, 4, 5], { periodsPerYear: 1 });
    expect(points.slice(0, 3).map((p) => p.flag)).toEqual(Array(3).fill('insufficient-data'));
    expect(points[0]).toMatchObject({
      status: 'insufficient-data',
      reason: 'too-few-prior-periods',
      limits: null,
    });
    expect(points[3]).toMatchObject({ status: 'insufficient-data', reason: 'zero-baseline', limits: null });
    // Index 4: baseline 4, 0, 0 -> expected 1.33, under 5: limits for the chart but no flag.
    const small = points[4];
    expect(small).toMatchObject({ status: 'insufficient-data', reason: 'expected-too-small' });
    expect(small?.status === 'insufficient-data' && small.limits?.expected).toBeCloseTo(4 / 3, 12);
    expect(ok(controlLimits([0, 0, 0, 4, 5], { periodsPerYear: 1, minExpected: 1 })[4]).flag).toBe('within');
  });

  it('honours the confidence level and validates options', () => {
    const p99 = ok(controlLimits([10, 12, 14, 30], { periodsPerYear: 1, confidenceLevel: 0.99 })[3]);
    expect(p99.upper).toBeCloseTo(upper(12, 1, 3, 2.5758293035489), 10);
    expect(() => controlLimits([1, 2, 3, 4], { confidenceLevel: 1 })).toThrow(/confidence level/);
    expect(() => controlLimits([1, 2, 3, 4], { minExpected: -1 })).toThrow(/minExpected/);
  });

  it('powerLimits is symmetric on the 2/3-power scale', () => {
    const l = powerLimits(50, 2, 3, Z95);
    const centre = 50 ** (2 / 3);
    expect(centre - l.lower ** (2 / 3)).toBeCloseTo(l.upper ** (2 / 3) - centre, 10);
  });
});
