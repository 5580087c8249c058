import { describe, expect, it } from 'vitest';
import { findLevelShift } from './level-shift.js';
import { simulatePoissonSeasonal } from './testing/simulate.js';

describe('findLevelShift', () => {
  it('finds a category withdrawn from recording: 2,000 a month falling to about 4', () => {
    const y = simulatePoissonSeasonal(1, 60, { mean: 2000 }).map((v, t) => (t >= 34 ? Math.round(v / 500) : v));
    const shift = findLevelShift(y, 12);
    expect(shift?.at).toBe(34);
    expect(shift!.factor).toBeLessThan(0.01);
    expect(shift!.after).toBeLessThan(10);
  });

  it('finds a recording-practice step of +35% at the month it starts', () => {
    const y = simulatePoissonSeasonal(2, 72, { mean: 800 }).map((v, t) => (t >= 40 ? Math.round(v * 1.35) : v));
    const shift = findLevelShift(y, 12);
    expect(shift?.at).toBe(40);
    expect(shift!.factor).toBeGreaterThan(1.25);
    expect(shift!.factor).toBeLessThan(1.45);
  });

  it('finds a step in the last half-season, judged on the months after it', () => {
    const y = simulatePoissonSeasonal(3, 60, { mean: 500 }).map((v, t) => (t >= 53 ? v * 2 : v));
    expect(findLevelShift(y, 12)?.at).toBe(53);
  });

  it('does not flag steady growth of 8% a year, which is trend, not a shift', () => {
    expect(findLevelShift(simulatePoissonSeasonal(4, 84, { mean: 600, growth: 0.08 }), 12)).toBeNull();
  });

  it('does not flag a step of 10%, below the practical threshold', () => {
    const y = simulatePoissonSeasonal(5, 72, { mean: 3000 }).map((v, t) => (t >= 36 ? v * 1.1 : v));
    expect(findLevelShift(y, 12)).toBeNull();
  });

  it('flags a steady Poisson series in at most 1 of 200 simulations (small counts included)', () => {
    let flagged = 0;
    for (let seed = 0; seed < 200; seed++) {
      const mean = [5, 20, 100, 1000][seed % 4]!;
      if (findLevelShift(simulatePoissonSeasonal(100 + seed, 60, { mean }), 12)) flagged++;
    }
    expect(flagged).toBeLessThanOrEqual(1);
  });

  it('works on quarterly series (season of 4)', () => {
    const y = simulatePoissonSeasonal(6, 40, { mean: 9000, seasonal: [1.05, 1.05, 0.95, 0.95] }).map((v, t) =>
      t >= 12 ? v * 1.3 : v,
    );
    expect(findLevelShift(y, 4)?.at).toBe(12);
  });
});
