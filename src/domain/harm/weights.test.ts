import { describe, expect, it } from 'vitest';
import { StraError } from '../../errors.js';
import { HARM_INDEX_INFO, isHarmIndex, makeWeightsTable, weightOf } from './weights.js';

const w = (key: string, weight: number | null) => ({ key, weight, source: 'test', derivation: 'test' });

describe('makeWeightsTable', () => {
  it('keeps keys, null weights and the edition; unit defaults from the index', () => {
    const t = makeWeightsTable({
      index: 'ons-css',
      keyKind: 'offence-code',
      edition: 'E1',
      weights: [w('8N', 189.15), w('AF', null)],
    });
    expect(t.weights.size).toBe(2);
    expect(weightOf(t, '8N')).toBe(189.15);
    expect(weightOf(t, 'AF')).toBeNull();
    expect(weightOf(t, 'nope')).toBeUndefined();
    expect(t.unit).toBe(HARM_INDEX_INFO['ons-css'].unit);
    expect(t.edition).toBe('E1');
  });

  it('refuses duplicate keys, empty keys and bad weights', () => {
    const base = { index: 'cchi-median', keyKind: 'policeuk-category', edition: 'x' } as const;
    expect(() => makeWeightsTable({ ...base, weights: [w('a', 1), w('a', 2)] })).toThrow(/appears twice/);
    expect(() => makeWeightsTable({ ...base, weights: [w(' ', 1)] })).toThrow(/empty key/);
    expect(() => makeWeightsTable({ ...base, weights: [w('a', -1)] })).toThrow(StraError);
    expect(() => makeWeightsTable({ ...base, weights: [w('a', Number.NaN)] })).toThrow(/finite/);
    expect(() => makeWeightsTable({ ...base, weights: [w('a', 0)] })).not.toThrow();
  });

  it('recognises index names', () => {
    expect(isHarmIndex('cchi-mean')).toBe(true);
    expect(isHarmIndex('cchi')).toBe(false);
  });
});
