import { describe, it, expect } from 'vitest';

import { combineHarm, wddHarm, type HarmWddResult } from './wdd-harm.js';

function ok(result: HarmWddResult): Extract<HarmWddResult, { status: 'ok' }> {
  if (result.status !== 'ok') throw new Error(`expected a result, got ${result.status}`);
  return result;
}

// The example of ptools' ?wdd_harm (R documentation, ptools 2.0.0):
//   rob <- wdd(c(20,20),c(20,10)); burg <- wdd(c(30,30),c(25,20)); theft <- wdd(c(80,60),c(70,20))
//   wdd_harm(est, se, weights = c(10,5,1))            # alpha = 0.1 by default
// Hand-computed: WDDs -10, -5, -30 with variances 70, 105, 230, so the harm estimate is
// 10*-10 + 5*-5 + 1*-30 = -155 and its variance 100*70 + 25*105 + 1*230 = 9855.
const robbery = { target: { before: 20, after: 10 }, control: { before: 20, after: 20 } };
const burglary = { target: { before: 25, after: 20 }, control: { before: 30, after: 30 } };
const theft = { target: { before: 70, after: 20 }, control: { before: 80, after: 60 } };

describe('wddHarm', () => {
  it('reproduces the ptools wdd_harm documentation example', () => {
    const r = ok(
      wddHarm(
        [
          { weight: 10, counts: robbery },
          { weight: 5, counts: burglary },
          { weight: 1, counts: theft },
        ],
        0.9,
      ),
    );
    expect(r.parts.map((p) => p.estimate)).toEqual([-10, -5, -30]);
    expect(r.parts.map((p) => p.variance)).toEqual([70, 105, 230]);
    expect(r.total.estimate).toBe(-155);
    expect(r.total.variance).toBe(9855);
    expect(r.z).toBeCloseTo(-155 / Math.sqrt(9855), 12);
    expect(r.confidenceInterval.lower).toBeCloseTo(-155 - 1.6448536269514722 * Math.sqrt(9855), 9);
    expect(r.confidenceInterval.upper).toBeCloseTo(-155 + 1.6448536269514722 * Math.sqrt(9855), 9);
  });

  it('shows why harm is not a count: same harm reduction, different uncertainty (Wheeler 2020)', () => {
    // 10 fewer crimes of weight 10 against 25 fewer of weight 4: both -100 harm.
    const tenOfTen = ok(combineHarm([{ weight: 10, estimate: -10, variance: 30 }]));
    const twentyFiveOfFour = ok(combineHarm([{ weight: 4, estimate: -25, variance: 75 }]));
    expect(tenOfTen.total.estimate).toBe(-100);
    expect(twentyFiveOfFour.total.estimate).toBe(-100);
    expect(tenOfTen.total.variance).toBe(3000);
    expect(twentyFiveOfFour.total.variance).toBe(1200);
  });

  it('with unit weights equals the WDD of the summed counts', () => {
    const r = ok(
      wddHarm([
        { weight: 1, counts: robbery },
        { weight: 1, counts: burglary },
      ]),
    );
    expect(r.total.estimate).toBe(-15);
    expect(r.total.variance).toBe(175);
  });

  it('reports insufficient data when there are no events, and rejects bad weights', () => {
    const zero = { target: { before: 0, after: 0 }, control: { before: 0, after: 0 } };
    expect(wddHarm([{ weight: 3, counts: zero }]).status).toBe('insufficient-data');
    expect(() => combineHarm([])).toThrow(RangeError);
    expect(() => combineHarm([{ weight: -1, estimate: 1, variance: 1 }])).toThrow(/parts\[0\]\.weight/);
  });
});
