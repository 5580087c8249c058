import { describe, expect, it } from 'vitest';
import { nelderMead } from './nelder-mead.js';

const rosenbrock = (x: readonly number[]) => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2;

describe('nelderMead', () => {
  it('finds the minimum of the Rosenbrock valley, (1, 1), from the textbook start (-1.2, 1)', () => {
    const r = nelderMead(rosenbrock, [-1.2, 1], { lower: [-5, -5], upper: [5, 5], fTolerance: 1e-14 });
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(1, 4);
    expect(r.value).toBeLessThan(1e-8);
    expect(r.converged).toBe(true);
  });

  it('stops on the edge of the box when the unconstrained minimum lies outside it', () => {
    // Minimum of (x - 3)^2 + (y + 2)^2 is (3, -2); the box is [0, 1] x [0, 1].
    const r = nelderMead((x) => (x[0]! - 3) ** 2 + (x[1]! + 2) ** 2, [0.5, 0.5], { lower: [0, 0], upper: [1, 1] });
    expect(r.x).toEqual([1, 0]);
    expect(r.value).toBeCloseTo(8, 10);
  });

  it('minimises a 9-parameter quadratic to within the tolerance', () => {
    const centre = [0.3, -1, 2, 0.5, 4, -3, 1, 0, 0.7];
    const r = nelderMead((x) => x.reduce((a, v, i) => a + (i + 1) * (v - centre[i]!) ** 2, 0), new Array(9).fill(0), {
      lower: new Array(9).fill(-10),
      upper: new Array(9).fill(10),
      maxEvaluations: 20000,
      fTolerance: 1e-16,
    });
    r.x.forEach((v, i) => expect(v).toBeCloseTo(centre[i]!, 3));
  });

  it('treats a non-finite objective as infinitely bad instead of following it', () => {
    const r = nelderMead((x) => (x[0]! < 0.2 ? Number.NaN : (x[0]! - 0.5) ** 2), [0.9], { lower: [0], upper: [1] });
    expect(r.x[0]).toBeCloseTo(0.5, 5);
  });

  it('respects the evaluation budget and says it did not converge', () => {
    const r = nelderMead(rosenbrock, [-1.2, 1], { lower: [-5, -5], upper: [5, 5], maxEvaluations: 20 });
    expect(r.evaluations).toBeLessThanOrEqual(22);
    expect(r.converged).toBe(false);
  });
});
