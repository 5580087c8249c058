import { describe, expect, it } from 'vitest';
import { formatPct, pctChange, roundHalfAwayFromZero, shareOf } from './percent.js';

describe('percentages', () => {
  it('computes change and share at full precision, null when the base is 0', () => {
    expect(pctChange(49597, 50188)).toBeCloseTo(1.19160433, 8);
    expect(pctChange(0, 12)).toBeNull();
    expect(pctChange(0, 0)).toBeNull();
    expect(shareOf(29728, 29728 + 50188)).toBeCloseTo(37.19905901, 8);
    expect(shareOf(0, 0)).toBeNull();
    expect(() => shareOf(Number.NaN, 1)).toThrow(RangeError);
  });

  it('rounds half away from zero on the decimal form, for display only', () => {
    expect(roundHalfAwayFromZero(2.25, 1)).toBe(2.3);
    expect(roundHalfAwayFromZero(-2.25, 1)).toBe(-2.3);
    expect(roundHalfAwayFromZero(1.005, 2)).toBe(1.01); // 1.005 * 100 is 100.49999999999999 in binary
    expect(roundHalfAwayFromZero(-0.5, 0)).toBe(-1);
    expect(roundHalfAwayFromZero(-0.04, 1)).toBe(0);
    expect(roundHalfAwayFromZero(1e-7, 1)).toBe(0);
  });

  it('formats with a sign and the stated decimals; n/a for no percentage', () => {
    expect(formatPct(-7.771124665278191)).toBe('-7.8%');
    expect(formatPct(1.1916)).toBe('+1.2%');
    expect(formatPct(-0.04)).toBe('0.0%');
    expect(formatPct(-8.1059, 0)).toBe('-8%');
    expect(formatPct(null)).toBe('n/a');
    expect(formatPct(37.19905901196256, 1, false)).toBe('37.2%');
  });
});
