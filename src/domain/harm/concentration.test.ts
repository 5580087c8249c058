import { describe, expect, it } from 'vitest';
import { harmConcentration } from './concentration.js';

describe('harmConcentration', () => {
  it('shares of the top 5% and 10% of 20 areas (hand computed)', () => {
    // Harm 100, 50, 10 x 8 areas of 10, 10 areas of 0: total 100 + 50 + 80 = 230.
    const areas = [
      { area: 'E01000001', harm: 100 },
      { area: 'E01000002', harm: 50 },
      ...Array.from({ length: 8 }, (_, i) => ({ area: `E0100010${i}`, harm: 10 })),
      ...Array.from({ length: 10 }, (_, i) => ({ area: `E0100020${i}`, harm: 0 })),
    ];
    const r = harmConcentration(areas);
    expect(r.areaCount).toBe(20);
    expect(r.totalHarm).toBe(230);
    expect(r.zeroHarmAreas).toBe(10);
    const [top5, top10] = r.tiers;
    expect(top5).toMatchObject({ fraction: 0.05, areas: 1, harm: 100, areaKeys: ['E01000001'], cutoffHarm: 100 });
    expect(top5?.share).toBeCloseTo(100 / 230, 12);
    expect(top10).toMatchObject({ fraction: 0.1, areas: 2, harm: 150 });
    expect(top10?.share).toBeCloseTo(150 / 230, 12);
  });

  it('rounds the number of areas up and guards floating error', () => {
    const areas = Array.from({ length: 30 }, (_, i) => ({ area: `a${String(i).padStart(2, '0')}`, harm: 30 - i }));
    const r = harmConcentration(areas, [0.1, 0.05, 1]);
    expect(r.tiers.map((t) => t.areas)).toEqual([3, 2, 30]); // 0.1 x 30 = 3 exactly, 0.05 x 30 = 1.5 -> 2
    expect(r.tiers[2]?.share).toBe(1);
  });

  it('breaks ties at the cut-off by area code and handles zero total harm', () => {
    const r = harmConcentration(
      [
        { area: 'b', harm: 5 },
        { area: 'a', harm: 5 },
      ],
      [0.5],
    );
    expect(r.tiers[0]?.areaKeys).toEqual(['a']);
    const z = harmConcentration([{ area: 'x', harm: 0 }]);
    expect(z.tiers[0]?.share).toBeNull();
    expect(harmConcentration([]).tiers[0]).toMatchObject({ areas: 0, harm: 0, share: null, cutoffHarm: null });
  });

  it('refuses negative harm, duplicate areas and bad fractions', () => {
    expect(() => harmConcentration([{ area: 'a', harm: -1 }])).toThrow(/>= 0/);
    expect(() =>
      harmConcentration([
        { area: 'a', harm: 1 },
        { area: 'a', harm: 2 },
      ]),
    ).toThrow(/twice/);
    expect(() => harmConcentration([{ area: 'a', harm: 1 }], [0])).toThrow(/fraction/);
  });
});

describe('the concentration curve', () => {
  it('rises from 0 to 100% of harm, steepest first, and is empty without harm', async () => {
    const { concentrationCurve } = await import('./concentration.js');
    const areas = [
      { area: 'a', harm: 60 },
      { area: 'b', harm: 30 },
      { area: 'c', harm: 10 },
      { area: 'd', harm: 0 },
    ];
    const curve = concentrationCurve(areas, 4);
    expect(curve).toEqual([
      { areaShare: 0, harmShare: 0 },
      { areaShare: 0.25, harmShare: 0.6 },
      { areaShare: 0.5, harmShare: 0.9 },
      { areaShare: 0.75, harmShare: 1 },
      { areaShare: 1, harmShare: 1 },
    ]);
    expect(concentrationCurve([{ area: 'a', harm: 0 }])).toEqual([]);
  });
});
