import { describe, expect, it } from 'vitest';
import { AccuracyTally, maseScale } from './accuracy.js';

describe('accuracy measures', () => {
  it('scales errors by the mean absolute seasonal difference of the training data', () => {
    // |12-10| + |18-20| + |32-30| + |38-40| = 8 over 4 differences
    expect(maseScale([10, 20, 30, 40, 12, 18, 32, 38], 4)).toBe(2);
  });

  it('gives MASE as the mean of scaled absolute errors and coverage as the share inside', () => {
    const t = new AccuracyTally();
    t.add(100, 90, 5, [{ level: 0.8, lower: 95, upper: 105 }]); // error 10 -> 2, inside
    t.add(100, 104, 5, [{ level: 0.8, lower: 101, upper: 110 }]); // error 4 -> 0.8, outside
    expect(t.mase).toBeCloseTo(1.4, 12);
    expect(t.meanAbsoluteError).toBe(7);
    expect(t.coverage(0.8)).toBe(0.5);
    expect(t.points).toBe(2);
  });

  it('reports no MASE or coverage before anything is scored', () => {
    const t = new AccuracyTally();
    expect(t.mase).toBeNaN();
    expect(t.coverage(0.95)).toBeNaN();
  });
});
