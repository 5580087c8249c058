import { describe, it, expect } from 'vitest';

import { compareToAverage, type AverageComparison } from './compare-to-average.js';
import { poissonETest } from './poisson-e-test.js';

function ok(result: AverageComparison): Extract<AverageComparison, { status: 'ok' }> {
  if (result.status !== 'ok') throw new Error(`expected a comparison, got ${result.status}`);
  return result;
}

describe('compareToAverage', () => {
  it('is the E-test of the current count (exposure 1) against the prior total (exposure N)', () => {
    const r = ok(compareToAverage(130, [100, 95, 105]));
    expect(r.average).toBe(100);
    expect(r.change).toBe(30);
    expect(r.percentChange).toBe(30);
    expect(r.priorPeriods).toBe(3);
    expect(r.method).toBe('poisson-e-test');
    const e = poissonETest({ k1: 130, n1: 1, k2: 300, n2: 3 });
    expect(r.pValue).toBe(e.pValue);
    expect(r.statistic).toBe(e.statistic);
    expect(r.pValue).toBeLessThan(0.05);
    expect(r.flag).toBe('significantly-above');
  });

  it('labels non-significant differences descriptively', () => {
    expect(ok(compareToAverage(112, [100, 100, 100])).flag).toBe('above'); // +12%, p ~ 0.32
    expect(ok(compareToAverage(90, [100, 100, 100])).flag).toBe('below');
    expect(ok(compareToAverage(103, [100, 100, 100])).flag).toBe('similar'); // within 5%
    expect(ok(compareToAverage(103, [100, 100, 100], { similarPercent: 2 })).flag).toBe('above');
    expect(ok(compareToAverage(60, [100, 100, 100])).flag).toBe('significantly-below');
  });

  it('uses only the most recent N years and reports insufficient data below the minimum', () => {
    const r = ok(compareToAverage(50, [1000, 40, 50, 60]));
    expect(r.average).toBe(50);
    expect(compareToAverage(50, [40, 60])).toEqual({
      status: 'insufficient-data',
      current: 50,
      priorPeriods: 2,
      reason: 'too-few-prior-periods',
      flag: 'insufficient-data',
    });
    expect(ok(compareToAverage(50, [40, 60], { minYears: 2 })).priorPeriods).toBe(2);
  });

  it('handles a zero average: percentage change is null', () => {
    // 6 against 0, 0, 0 is not significant (two-sided p ~ 0.07: the average is itself uncertain);
    // 12 against 0, 0, 0 is.
    const six = ok(compareToAverage(6, [0, 0, 0]));
    expect(six.percentChange).toBeNull();
    expect(six.flag).toBe('above');
    expect(ok(compareToAverage(12, [0, 0, 0])).flag).toBe('significantly-above');
    expect(ok(compareToAverage(0, [0, 0, 0])).flag).toBe('similar');
  });

  it('respects alpha and rejects invalid input', () => {
    const r = ok(compareToAverage(125, [100, 100, 100], { alpha: 0.01 }));
    expect(r.pValue).toBeGreaterThan(0.01);
    expect(r.flag).toBe('above');
    expect(() => compareToAverage(-1, [1, 2, 3])).toThrow(/current/);
    expect(() => compareToAverage(1, [1, 2.5, 3])).toThrow(/prior\[1\]/);
    expect(() => compareToAverage(1, [1, 2, 3], { alpha: 0 })).toThrow(/alpha/);
  });
});
