import { describe, expect, it } from 'vitest';
import { ratePer1000, ratesPer1000 } from './rates.js';

describe('rates per 1,000', () => {
  it('computes count / population x 1000', () => {
    // West Mercia 2017/18: 84,350 offences (excl. fraud) / mid-2017 population 1,272,638.
    expect(ratePer1000(84350, 1272638)).toBeCloseTo(66.27965, 5);
    expect(ratePer1000(0, 10)).toBe(0);
  });

  it('refuses a missing or non-positive population and leaves unknown populations null', () => {
    expect(() => ratePer1000(5, 0)).toThrow(/population/);
    expect(() => ratePer1000(5, Number.NaN)).toThrow(/population/);
    expect(
      ratesPer1000([
        { key: 'E01', count: 12, population: 1500 },
        { key: 'E02', count: 3, population: null },
      ]),
    ).toEqual([
      { key: 'E01', count: 12, population: 1500, ratePer1000: 8 },
      { key: 'E02', count: 3, population: null, ratePer1000: null },
    ]);
  });
});
