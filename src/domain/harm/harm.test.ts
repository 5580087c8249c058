import { describe, expect, it } from 'vitest';
import { compareKeys, harmOf, toCountMap } from './harm.js';
import { makeWeightsTable } from './weights.js';

const categories = makeWeightsTable({
  index: 'cchi-median',
  keyKind: 'policeuk-category',
  edition: 'test edition',
  weights: [
    { key: 'robbery', weight: 365, source: 's', derivation: 'd' },
    { key: 'shoplifting', weight: 1, source: 's', derivation: 'd' },
    { key: 'burglary', weight: 244.68, source: 's', derivation: 'd' },
    {
      key: 'anti-social-behaviour',
      weight: null,
      source: 'none',
      derivation: 'No weight: ASB is not a notifiable crime.',
    },
  ],
});

describe('harmOf', () => {
  it('totals count x weight on a small known case', () => {
    // 3 robberies x 365 + 40 shoplifting x 1 + 10 burglaries x 244.68 = 1095 + 40 + 2446.8 = 3581.8
    const r = harmOf({ robbery: 3, shoplifting: 40, burglary: 10 }, categories);
    expect(r.total).toBeCloseTo(3581.8, 9);
    expect(r.weightedCount).toBe(53);
    expect(r.unweightedCount).toBe(0);
    expect(r.complete).toBe(true);
    expect(r.lines.map((l) => [l.key, l.harm])).toEqual([
      ['burglary', 2446.8],
      ['robbery', 1095],
      ['shoplifting', 40],
    ]);
    expect(r.edition).toBe('test edition');
  });

  it('reports anti-social behaviour as unweighted, never as zero harm', () => {
    const r = harmOf({ robbery: 1, 'anti-social-behaviour': 250 }, categories);
    expect(r.total).toBe(365);
    expect(r.complete).toBe(false);
    expect(r.unweightedCount).toBe(250);
    expect(r.unweighted).toEqual([
      {
        key: 'anti-social-behaviour',
        count: 250,
        reason: 'no-published-weight',
        note: 'No weight: ASB is not a notifiable crime.',
      },
    ]);
    expect(r.lines.find((l) => l.key === 'anti-social-behaviour')).toBeUndefined();
  });

  it('reports keys the table does not know', () => {
    const r = harmOf(new Map([['bike-theft', 4]]), categories);
    expect(r.total).toBe(0);
    expect(r.unweighted[0]).toMatchObject({ key: 'bike-theft', count: 4, reason: 'not-in-table' });
    expect(r.unweighted[0]?.note).toMatch(/not a police.uk category/);
  });

  it('adds repeated keys from pairs and ignores zero counts', () => {
    const r = harmOf(
      [
        ['robbery', 1],
        ['robbery', 2],
        ['anti-social-behaviour', 0],
      ],
      categories,
    );
    expect(r.total).toBe(3 * 365);
    expect(r.unweighted).toEqual([]);
  });

  it('accepts negative adjustments and refuses non-finite counts', () => {
    expect(harmOf({ shoplifting: -2 }, categories).total).toBe(-2);
    expect(() => harmOf({ robbery: Number.NaN }, categories)).toThrow(/not a finite number/);
    expect(() => toCountMap({ robbery: Infinity })).toThrow();
  });
});

describe('compareKeys', () => {
  it('orders offence codes numerically first', () => {
    expect(['10A', '8N', '104', 'AF', '4.10', '4.1', '1'].sort(compareKeys)).toEqual([
      '1',
      '4.1',
      '4.10',
      '8N',
      '10A',
      '104',
      'AF',
    ]);
  });
});
