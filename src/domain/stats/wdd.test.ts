import { describe, it, expect } from 'vitest';

import { poissonETest } from './poisson-e-test.js';
import { wdd, type WddResult } from './wdd.js';

function ok(result: WddResult): Extract<WddResult, { status: 'ok' }> {
  if (result.status !== 'ok') throw new Error(`expected a result, got ${result.status}`);
  return result;
}

describe('wdd: published examples', () => {
  it('reproduces the worked example of Wheeler & Ratcliffe (2018)', () => {
    // Crime Science 7:11, worked example with target, control, displacement and displacement-control
    // areas: WDD = -118, variance 1568, z = -2.98, 95% CI -196 to -40. The same figures are the
    // "Est & Variance Paper" case of ptools' tests/testthat/test-wdd.R.
    const r = ok(
      wdd({
        target: { before: 207, after: 110 },
        control: { before: 308, after: 318 },
        displacement: { area: { before: 178, after: 157 }, control: { before: 150, after: 140 } },
      }),
    );
    expect(r.local.estimate).toBe(-107);
    expect(r.displacement?.estimate).toBe(-11);
    expect(r.total.estimate).toBe(-118);
    expect(r.total.variance).toBe(1568);
    expect(r.total.standardError).toBeCloseTo(Math.sqrt(1568), 12);
    expect(r.z).toBeCloseTo(-2.98, 2);
    expect(Math.round(r.confidenceInterval.lower)).toBe(-196);
    expect(Math.round(r.confidenceInterval.upper)).toBe(-40);
    expect(r.confidenceInterval.level).toBe(0.95);
    expect(r.pValue).toBeCloseTo(0.0029, 4); // 2 * Phi(-2.98)
  });

  it('reproduces the different pre/post period lengths example (Wheeler, 2021-01-09)', () => {
    // andrewpwheeler.com "The WDD test with different pre/post time periods": two years before, one
    // after; control 100 -> 50, treated 80 -> 20 gives WDD -20 with SE sqrt(115) (ptools test "Time
    // Weights").
    const r = ok(
      wdd({
        target: { before: 80, after: 20 },
        control: { before: 100, after: 50 },
        periodLengths: { before: 2, after: 1 },
      }),
    );
    expect(r.total.estimate).toBeCloseTo(-20, 12);
    expect(r.total.standardError).toBeCloseTo(Math.sqrt(115), 12);
  });

  it('reproduces the different area sizes example (Wheeler, 2021-02-23)', () => {
    // andrewpwheeler.com "The WDD test with different area sizes", the paper's counts with areas
    // 0.9 (control), 1.2 (treated), 1.6 (displacement control), 1.5 (displacement): ptools test
    // "Area Weights" gives -99.69444444, SE 35.4280755, z -2.813995483, CI -169.1321965 to -30.25669241.
    const r = ok(
      wdd({
        target: { before: 207, after: 110, size: 1.2 },
        control: { before: 308, after: 318, size: 0.9 },
        displacement: {
          area: { before: 178, after: 157, size: 1.5 },
          control: { before: 150, after: 140, size: 1.6 },
        },
      }),
    );
    expect(r.total.estimate).toBeCloseTo(-99.69444444, 7);
    expect(r.total.standardError).toBeCloseTo(35.4280755, 6);
    expect(r.z).toBeCloseTo(-2.813995483, 8);
    expect(r.confidenceInterval.lower).toBeCloseTo(-169.1321965, 6);
    expect(r.confidenceInterval.upper).toBeCloseTo(-30.25669241, 6);
  });

  it('matches the ptools unit tests for local, displacement and total estimates', () => {
    // ptools tests/testthat/test-wdd.R: "Local -10", "Displacement -10", "Total -20".
    const flat = { before: 20, after: 20 };
    const halved = { before: 20, after: 10 };
    expect(ok(wdd({ target: halved, control: flat })).local.estimate).toBe(-10);
    const disp = ok(wdd({ target: flat, control: flat, displacement: { area: halved, control: flat } }));
    expect(disp.displacement?.estimate).toBe(-10);
    const both = ok(wdd({ target: halved, control: flat, displacement: { area: halved, control: flat } }));
    expect(both.total.estimate).toBe(-20);
  });

  it('with zero "before" counts is close to the E-test of the two "after" counts (ptools docs)', () => {
    // ptools ?wdd example: wdd(c(0,20), c(0,10)) has two-tailed p ~0.068; e_test(20,10) ~0.069.
    const r = ok(wdd({ target: { before: 0, after: 10 }, control: { before: 0, after: 20 } }));
    expect(r.pValue).toBeCloseTo(0.068, 3);
    expect(poissonETest({ k1: 20, k2: 10 }).pValue).toBeCloseTo(0.069, 3);
  });
});

describe('wdd: options and validation', () => {
  it('uses the requested confidence level (90% as in ptools default alpha 0.1)', () => {
    const r = ok(wdd({ target: { before: 20, after: 10 }, control: { before: 20, after: 20 }, confidenceLevel: 0.9 }));
    // -10 +/- 1.6448536 * sqrt(70)
    expect(r.confidenceInterval.lower).toBeCloseTo(-10 - 1.6448536269514722 * Math.sqrt(70), 10);
    expect(r.confidenceInterval.level).toBe(0.9);
  });

  it('reports insufficient data when every count is zero', () => {
    const zero = { before: 0, after: 0 };
    expect(wdd({ target: zero, control: zero })).toEqual({
      status: 'insufficient-data',
      reason: 'no-events',
    });
  });

  it('rejects impossible inputs with a RangeError naming the parameter', () => {
    const c = { before: 5, after: 5 };
    expect(() => wdd({ target: { before: -1, after: 2 }, control: c })).toThrow(/target\.before/);
    expect(() => wdd({ target: c, control: { before: 2, after: 2.5 } })).toThrow(/control\.after/);
    expect(() => wdd({ target: { ...c, size: 0 }, control: c })).toThrow(/target\.size/);
    expect(() => wdd({ target: c, control: c, periodLengths: { before: 0, after: 1 } })).toThrow(/periodLengths/);
    expect(() => wdd({ target: c, control: c, confidenceLevel: 95 })).toThrow(RangeError);
    expect(() => wdd({ target: c, control: c, displacement: { area: c, control: { before: 1, after: -3 } } })).toThrow(
      /displacement\.control\.after/,
    );
  });
});
