import { describe, expect, it } from 'vitest';
import { bandRanges, checkRatingBands, ratingOf } from './rating.js';

describe('rating bands', () => {
  it('give the common 5x5 bands by default: 1-4 low, 5-9 medium, 10-16 high, 20-25 very high', () => {
    expect(bandRanges({ size: 5 })).toEqual([
      { rating: 'low', from: 1, to: 4 },
      { rating: 'medium', from: 5, to: 9 },
      { rating: 'high', from: 10, to: 16 },
      { rating: 'very high', from: 20, to: 25 },
    ]);
    expect([4, 5, 9, 10, 16, 20].map((s) => ratingOf({ size: 5 }, s))).toEqual([
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'very high',
    ]);
  });

  it('scale with the size, as shares of the maximum score', () => {
    expect(bandRanges({ size: 3 })).toEqual([
      { rating: 'low', from: 1, to: 1 },
      { rating: 'medium', from: 2, to: 3 },
      { rating: 'high', from: 4, to: 4 },
      { rating: 'very high', from: 6, to: 9 },
    ]);
  });

  it("are configurable: a register's own bands", () => {
    const bands = checkRatingBands([
      { rating: 'green', upToShare: 0.3 },
      { rating: 'amber', upToShare: 0.6 },
      { rating: 'red', upToShare: 1 },
    ]);
    expect([6, 8, 15, 16].map((s) => ratingOf({ size: 5 }, s, bands))).toEqual(['green', 'amber', 'amber', 'red']);
  });

  it('refuses bands that do not rise or do not reach the maximum', () => {
    expect(() => checkRatingBands([])).toThrow('at least one band');
    expect(() =>
      checkRatingBands([
        { rating: 'a', upToShare: 0.5 },
        { rating: 'b', upToShare: 0.4 },
        { rating: 'c', upToShare: 1 },
      ]),
    ).toThrow('Rating band "b" must end above the band before it (0.5)');
    expect(() => checkRatingBands([{ rating: 'a', upToShare: 0.5 }])).toThrow('The last rating band must end at 1');
    expect(() => checkRatingBands([{ rating: ' ', upToShare: 1 }])).toThrow('needs a name');
  });
});
