import { describe, expect, it } from 'vitest';
import { harmOf } from './harm.js';
import { rankByHarmAndVolume, rankHarmResult } from './ranking.js';
import { makeWeightsTable } from './weights.js';

describe('rankByHarmAndVolume', () => {
  it('ranks side by side with the rank difference', () => {
    const rows = rankByHarmAndVolume([
      { key: 'shoplifting', volume: 500, harm: 500 },
      { key: 'robbery', volume: 20, harm: 7300 },
      { key: 'burglary', volume: 100, harm: 24468 },
      { key: 'anti-social-behaviour', volume: 900, harm: null },
    ]);
    expect(rows.map((r) => [r.key, r.volumeRank, r.harmRank, r.rankDifference])).toEqual([
      ['burglary', 3, 1, 2],
      ['robbery', 4, 2, 2],
      ['shoplifting', 2, 3, -1],
      ['anti-social-behaviour', 1, null, null],
    ]);
    const burglary = rows[0];
    expect(burglary?.volumeShare).toBeCloseTo(100 / 1520, 12);
    expect(burglary?.harmShare).toBeCloseTo(24468 / 32268, 12);
    expect(rows[3]?.harmShare).toBeNull();
  });

  it('gives tied values the same rank (1, 2, 2, 4)', () => {
    const rows = rankByHarmAndVolume([
      { key: 'a', volume: 10, harm: 5 },
      { key: 'b', volume: 5, harm: 5 },
      { key: 'c', volume: 5, harm: 9 },
      { key: 'd', volume: 1, harm: 1 },
    ]);
    const byKey = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect([byKey.a?.volumeRank, byKey.b?.volumeRank, byKey.c?.volumeRank, byKey.d?.volumeRank]).toEqual([1, 2, 2, 4]);
    expect([byKey.c?.harmRank, byKey.a?.harmRank, byKey.b?.harmRank, byKey.d?.harmRank]).toEqual([1, 2, 2, 4]);
  });

  it('refuses duplicate keys', () => {
    expect(() =>
      rankByHarmAndVolume([
        { key: 'a', volume: 1, harm: 1 },
        { key: 'a', volume: 2, harm: 2 },
      ]),
    ).toThrow(/twice/);
  });

  it('ranks a harm result including its unweighted keys', () => {
    const t = makeWeightsTable({
      index: 'ons-css',
      keyKind: 'offence-code',
      edition: 'e',
      weights: [
        { key: '34B', weight: 799.63, source: 's', derivation: 'd' },
        { key: '46', weight: 11.86, source: 's', derivation: 'd' },
        { key: 'AF', weight: null, source: 's', derivation: 'fraud' },
      ],
    });
    const rows = rankHarmResult(harmOf({ '34B': 2, '46': 100, AF: 7 }, t));
    expect(rows.map((r) => [r.key, r.volumeRank, r.harmRank])).toEqual([
      ['34B', 3, 1], // 2 x 799.63 = 1599.26
      ['46', 1, 2], // 100 x 11.86 = 1186
      ['AF', 2, null],
    ]);
  });
});
