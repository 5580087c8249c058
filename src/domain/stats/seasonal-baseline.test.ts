import { describe, it, expect } from 'vitest';

import { seasonalBaseline } from './seasonal-baseline.js';

describe('seasonalBaseline', () => {
  it('averages the same month of the previous three years (hand-computed)', () => {
    // 4 years of months: month m of year y has count 10*y + m, so January of year 4 (index 36)
    // (year 4, count 40) has baseline Januaries 30, 20, 10 -> expected 20.
    const counts = Array.from({ length: 48 }, (_, i) => 10 * (Math.floor(i / 12) + 1) + (i % 12));
    const points = seasonalBaseline(counts);
    const january4 = points[36];
    expect(january4).toEqual({ status: 'ok', index: 36, observed: 40, expected: 20, baseline: [30, 20, 10] });
    const december4 = points[47];
    // December of year 4 (index 47): Decembers 41, 31, 21 -> 31.
    expect(december4?.status === 'ok' && december4.expected).toBe(31);
  });

  it('reports insufficient data for months without three earlier years', () => {
    const points = seasonalBaseline(Array.from({ length: 40 }, () => 5));
    expect(points.slice(0, 36).every((p) => p.status === 'insufficient-data')).toBe(true);
    expect(points[0]).toEqual({
      status: 'insufficient-data',
      index: 0,
      observed: 5,
      reason: 'too-few-prior-periods',
    });
    expect(points[36]?.status).toBe('ok');
  });

  it('supports quarterly series and longer baselines with a lower minimum', () => {
    const quarterly = [4, 8, 12, 16, 8, 12, 16, 20, 12, 16, 20, 24];
    const points = seasonalBaseline(quarterly, { periodsPerYear: 4, years: 5, minYears: 2 });
    expect(points[8]).toEqual({ status: 'ok', index: 8, observed: 12, expected: 6, baseline: [8, 4] });
    expect(points[7]?.status).toBe('insufficient-data');
  });

  it('rejects invalid counts and options', () => {
    expect(() => seasonalBaseline([1, -2])).toThrow(/counts\[1\]/);
    expect(() => seasonalBaseline([1, 2.5])).toThrow(RangeError);
    expect(() => seasonalBaseline([1], { years: 2, minYears: 3 })).toThrow(/minYears/);
    expect(() => seasonalBaseline([1], { periodsPerYear: 0 })).toThrow(/periodsPerYear/);
  });
});
