import gammaln from '@stdlib/math-base-special-gammaln';
import { describe, it, expect } from 'vitest';

import { eTestStatistic, poissonETest } from './poisson-e-test.js';
import { twoSidedPValue } from './normal.js';
import type { Alternative } from './types.js';

/** The E-test p-value as K&T eq. (3.5) writes it: a plain double sum, for small counts only. */
function bruteForce(k1: number, k2: number, n1: number, n2: number, d: number, alt: Alternative): number {
  const lambda2 = (k1 + k2) / (n1 + n2) - (d * n1) / (n1 + n2);
  const m1 = n1 * (lambda2 + d);
  const m2 = n2 * lambda2;
  if (!(m1 > 0 && m2 > 0)) return 1;
  const t0 = eTestStatistic(k1, k2, n1, n2, d);
  const pmf = (x: number, m: number): number => Math.exp(x * Math.log(m) - m - gammaln(x + 1));
  const tol = 1e-12 * Math.max(1, Math.abs(t0));
  let p = 0;
  for (let x1 = 0; x1 <= m1 + 40 * Math.sqrt(m1) + 60; x1++) {
    for (let x2 = 0; x2 <= m2 + 40 * Math.sqrt(m2) + 60; x2++) {
      const t = eTestStatistic(x1, x2, n1, n2, d);
      const hit =
        alt === 'greater' ? t >= t0 - tol : alt === 'less' ? t <= t0 + tol : Math.abs(t) >= Math.abs(t0) - tol;
      if (hit) p += pmf(x1, m1) * pmf(x2, m2);
    }
  }
  return Math.min(1, p);
}

describe('poissonETest: the published examples', () => {
  it('reproduces Krishnamoorthy & Thomson (2004) section 6, example 1: 0 vs 3 dodder seeds', () => {
    // K&T (2004) p. 31 report p = 0.0884 for k1 = 0, k2 = 3 in two 100 g samples (data of
    // Przyborowski & Wilenski 1940). SciPy's poisson_means_test docstring prints the same case as
    // statistic -1.7320508075688772, p 0.08837900929018157 (SciPy truncates its sums at 1e-10).
    const r = poissonETest({ k1: 0, n1: 100, k2: 3, n2: 100 });
    expect(r.pValue).toBeCloseTo(0.0884, 4);
    expect(r.pValue).toBeCloseTo(0.08837900929018157, 9);
    expect(r.statistic).toBeCloseTo(-1.7320508075688772, 12);
  });

  it('reproduces K&T (2004) section 6: 2 vs 6 gives p = 0.1749', () => {
    // Value quoted from the paper in SciPy's test_paper_examples and ptools' test-etest.R.
    expect(poissonETest({ k1: 2, n1: 100, k2: 6, n2: 100 }).pValue).toBeCloseTo(0.1749, 4);
    // ptools (Wheeler): the test is symmetric in the two counts when d = 0.
    expect(poissonETest({ k1: 6, k2: 2 }).pValue).toBeCloseTo(poissonETest({ k1: 2, k2: 6 }).pValue, 14);
  });

  // Values computed with Krishnamoorthy's own Fortran program (pois2pval.for), as recorded in
  // SciPy's test suite (scipy/stats/tests/test_hypotests.py, TestPoissonMeansTest
  // .test_fortran_authors). The Fortran stops its sums at probabilities below 1e-7, so agreement is
  // to about 1e-6, the tolerance SciPy uses as well. 'less' cases were computed by swapping samples.
  const fortran: [number, number, number, number, Alternative, number, number][] = [
    [20, 10, 20, 10, 'two-sided', 0, 0.999999756892963],
    [10, 10, 10, 10, 'two-sided', 0, 0.9999998403241203],
    [50, 15, 1, 1, 'two-sided', 0.05, 0.09920321053409643],
    [3, 100, 20, 300, 'two-sided', 0, 0.12202725450896404],
    [3, 12, 4, 20, 'greater', 0, 0.40416087318539173],
    [4, 20, 3, 100, 'greater', 0, 0.008053640402974236],
    [4, 20, 3, 10, 'less', 0, 0.3083216325432898],
    [1, 1, 50, 15, 'less', 0, 0.09322998607245102],
  ];
  it.each(fortran)(
    'matches the authors Fortran: k1=%i n1=%d k2=%i n2=%d %s d=%d',
    (k1, n1, k2, n2, alternative, d, p) => {
      expect(Math.abs(poissonETest({ k1, n1, k2, n2, alternative, d }).pValue - p)).toBeLessThan(2e-6);
    },
  );

  it('reproduces Ng, Gu & Tang (2007), including a non-zero d', () => {
    // Ng, H.K.T., Gu, K. & Tang, M.L. (2007) "A comparative study of tests for the difference of two
    // Poisson means", Computational Statistics & Data Analysis 51, 3085-3099: 41 events in 28,010
    // person-years against 15 in 19,017, one-sided. Their E-test (Wald statistic, i.e. K&T's) gives
    // T = 2.2047, p = 0.0184 for d = 0 and T = 1.5514, p = 0.06626 for d = 0.0002, as recorded in
    // statsmodels' test_rates_poisson.py (cases_diff_ng, 'etest-wald').
    const a = poissonETest({ k1: 41, n1: 28010, k2: 15, n2: 19017, alternative: 'greater' });
    expect(a.statistic).toBeCloseTo(2.2047, 4);
    expect(a.pValue).toBeCloseTo(0.0184, 4);
    const b = poissonETest({ k1: 41, n1: 28010, k2: 15, n2: 19017, d: 0.0002, alternative: 'greater' });
    expect(b.statistic).toBeCloseTo(1.5514, 4);
    // Exact sum 0.066267; the published 0.06626 is within 1e-5 (statsmodels allows 7e-4).
    expect(Math.abs(b.pValue - 0.06626)).toBeLessThan(1e-5);
  });

  it('reproduces Gu, Ng, Tang & Schucany (2008) example 1 (E-test, one-sided)', () => {
    // Gu et al. (2008) "Testing the ratio of two Poisson rates", Biometrical Journal 50, 283-298:
    // 60 events in 51,477.5 against 30 in 54,308.7 person-years; E-test p = 0.000298 (statsmodels
    // test_twosample_poisson). For a null ratio of 1 their E-test is K&T's with d = 0.
    const r = poissonETest({ k1: 60, n1: 51477.5, k2: 30, n2: 54308.7, alternative: 'greater' });
    expect(r.pValue).toBeCloseTo(0.000298, 6);
  });
});

describe('poissonETest: agreement with the plain double sum of K&T eq. (3.5)', () => {
  const cases: [number, number, number, number, number][] = [
    [0, 3, 1, 1, 0],
    [7, 2, 1, 1, 0],
    [12, 30, 1, 3, 0],
    [5, 5, 2, 1, 0],
    [9, 1, 1.5, 0.5, 0],
    [25, 10, 1, 1, 3],
    [4, 11, 1, 1, -2],
    [0, 8, 1, 2, 0.5],
    [40, 38, 1, 1, 0],
    [1, 0, 1, 1, 0],
  ];
  const alternatives: Alternative[] = ['greater', 'less', 'two-sided'];
  for (const [k1, k2, n1, n2, d] of cases) {
    for (const alternative of alternatives) {
      it(`k1=${k1} k2=${k2} n1=${n1} n2=${n2} d=${d} ${alternative}`, () => {
        const fast = poissonETest({ k1, k2, n1, n2, d, alternative }).pValue;
        expect(fast).toBeCloseTo(bruteForce(k1, k2, n1, n2, d, alternative), 12);
      });
    }
  }
});

describe('poissonETest: large counts', () => {
  it('handles counts of 10,000 in a few milliseconds and agrees with the normal approximation', () => {
    poissonETest({ k1: 10000, k2: 10300 }); // warm-up
    const started = performance.now();
    const runs = 10;
    let r = poissonETest({ k1: 10000, k2: 10300 });
    for (let i = 1; i < runs; i++) r = poissonETest({ k1: 10000, k2: 10300 + (i % 2) });
    const perCall = (performance.now() - started) / runs;
    expect(perCall).toBeLessThan(25); // typically 1-3 ms; generous for a loaded CI machine
    // For big counts T is close to normal: p = 2 * Phi(-|T|) = 0.0352 here.
    expect(r.pValue).toBeCloseTo(twoSidedPValue(r.statistic), 3);
  });

  it('does not overflow at 250,000 and keeps tiny p-values positive and ordered', () => {
    const big = poissonETest({ k1: 250000, k2: 251500 });
    expect(big.pValue).toBeGreaterThan(0.02);
    expect(big.pValue).toBeLessThan(0.04);
    const tiny = poissonETest({ k1: 2000, k2: 1000, alternative: 'greater' }).pValue;
    const tinier = poissonETest({ k1: 2200, k2: 1000, alternative: 'greater' }).pValue;
    expect(tiny).toBeGreaterThan(0);
    expect(tiny).toBeLessThan(1e-60);
    expect(tinier).toBeLessThan(tiny);
  });
});

describe('poissonETest: edge cases and validation', () => {
  it('gives p = 1 when both counts are zero (nothing to compare)', () => {
    expect(poissonETest({ k1: 0, k2: 0 })).toEqual({ statistic: 0, pValue: 1, alternative: 'two-sided' });
  });

  it('gives p = 1 when an estimated mean under H0 is not positive (K&T p. 26)', () => {
    expect(poissonETest({ k1: 1, k2: 1, d: 5 }).pValue).toBe(1);
  });

  it('one-sided p-values point the right way', () => {
    expect(poissonETest({ k1: 30, k2: 10, alternative: 'greater' }).pValue).toBeLessThan(0.01);
    expect(poissonETest({ k1: 30, k2: 10, alternative: 'less' }).pValue).toBeGreaterThan(0.99);
  });

  it('rejects impossible inputs with a RangeError naming the parameter', () => {
    expect(() => poissonETest({ k1: -1, k2: 3 })).toThrow(/k1/);
    expect(() => poissonETest({ k1: 1.5, k2: 3 })).toThrow(RangeError);
    expect(() => poissonETest({ k1: 1, k2: Number.NaN })).toThrow(/k2/);
    expect(() => poissonETest({ k1: 1, k2: 3, n1: 0 })).toThrow(/n1/);
    expect(() => poissonETest({ k1: 1, k2: 3, n2: -2 })).toThrow(/n2/);
    expect(() => poissonETest({ k1: 1, k2: 3, d: Infinity })).toThrow(/d/);
    expect(() => poissonETest({ k1: 1, k2: 3, alternative: 'up' as Alternative })).toThrow(/alternative/);
  });
});
