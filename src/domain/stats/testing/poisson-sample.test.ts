import { describe, it, expect } from 'vitest';

import { poissonSampler } from './poisson-sample.js';

describe('poissonSampler (test helper)', () => {
  it('is repeatable for a seed', () => {
    const a = poissonSampler(7);
    const b = poissonSampler(7);
    const draws = [3, 30, 300].map((m) => [a(m), b(m)]);
    draws.forEach(([x, y]) => expect(x).toBe(y));
  });

  it.each([0.5, 4, 25, 140, 5000])('has mean and variance close to %d', (mean) => {
    const sample = poissonSampler(20240501);
    const n = 20000;
    let sum = 0;
    let sumSq = 0;
    let allCounts = true;
    for (let i = 0; i < n; i++) {
      const x = sample(mean);
      allCounts &&= Number.isInteger(x) && x >= 0;
      sum += x;
      sumSq += x * x;
    }
    const m = sum / n;
    const v = sumSq / n - m * m;
    expect(allCounts).toBe(true);
    // 5 standard errors of the sample mean and (roughly) of the sample variance
    expect(Math.abs(m - mean)).toBeLessThan(5 * Math.sqrt(mean / n));
    expect(Math.abs(v / mean - 1)).toBeLessThan(5 * Math.sqrt(2 / n) + 5 / Math.sqrt(n * mean));
  });
});
