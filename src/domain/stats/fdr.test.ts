import { describe, it, expect } from 'vitest';

import { adjustBenjaminiHochberg, benjaminiHochberg } from './fdr.js';

// Benjamini & Hochberg (1995), section 4: the 15 p-values of Neuhaus et al. (1992). The paper
// rejects the four smallest at q = 0.05 (Bonferroni would reject three).
const BH_1995 = [
  0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1.0,
];
// Their BH-adjusted values as printed in SciPy's false_discovery_control docstring, which match
// R's p.adjust(p, method = "BH"); checked by hand: e.g. 0.0095 * 15 / 4 = 0.035625.
const BH_1995_ADJUSTED = [
  0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.06385714, 0.06385714, 0.0645, 0.0765, 0.486, 0.58118182, 0.714875,
  0.75323077, 0.81321429, 1,
];

describe('Benjamini-Hochberg', () => {
  it('reproduces the worked example of Benjamini & Hochberg (1995)', () => {
    const r = benjaminiHochberg(BH_1995, 0.05);
    expect(r.discoveries).toBe(4);
    expect(r.rejected).toEqual([...Array(4).fill(true), ...Array(11).fill(false)]);
    r.adjusted.forEach((a, i) => expect(a).toBeCloseTo(BH_1995_ADJUSTED[i] ?? NaN, 8));
  });

  it('returns results in input order, whatever the order of the input', () => {
    const shuffled = [11, 3, 14, 0, 7, 9, 1, 13, 5, 2, 12, 4, 10, 6, 8];
    const r = benjaminiHochberg(shuffled.map((i) => BH_1995[i] ?? NaN));
    shuffled.forEach((i, k) => {
      expect(r.adjusted[k]).toBeCloseTo(BH_1995_ADJUSTED[i] ?? NaN, 8);
      expect(r.rejected[k]).toBe(i < 4);
    });
  });

  it('matches hand computation with ties and the step-up rule', () => {
    // m = 4: p * 4 / rank = 0.04, 0.04, 0.04, 0.8 -> a later small ratio pulls earlier ones down.
    expect(adjustBenjaminiHochberg([0.01, 0.02, 0.03, 0.8])).toEqual([0.04, 0.04, 0.04, 0.8]);
    // Ties share the adjusted value (hand-computed: 0.02 * 3 / 2 = 0.03).
    expect(adjustBenjaminiHochberg([0.02, 0.02, 0.5])).toEqual([0.03, 0.03, 0.5]);
    // A p-value above its threshold is still rejected when a larger one passes (step-up).
    expect(benjaminiHochberg([0.013, 0.02], 0.02).rejected).toEqual([true, true]);
  });

  it('handles the empty and single cases, and rejects invalid input', () => {
    expect(benjaminiHochberg([]).discoveries).toBe(0);
    expect(adjustBenjaminiHochberg([0.3])).toEqual([0.3]);
    expect(() => adjustBenjaminiHochberg([0.1, 1.2])).toThrow(/pValues\[1\]/);
    expect(() => adjustBenjaminiHochberg([Number.NaN])).toThrow(RangeError);
    expect(() => benjaminiHochberg([0.1], 0)).toThrow(/q/);
  });
});
