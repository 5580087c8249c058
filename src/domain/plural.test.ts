import { describe, expect, it } from 'vitest';
import { plural, pluralByGroup } from './plural.js';

describe('counts in words', () => {
  it('gives the singular for one and the plural otherwise, with thousands separated', () => {
    expect(plural(1, 'part')).toBe('1 part');
    expect(plural(17, 'part')).toBe('17 parts');
    expect(plural(0, 'print')).toBe('0 prints');
    expect(plural(2, 'analysis', 'analyses')).toBe('2 analyses');
    expect(plural(1200, 'row')).toBe('1,200 rows');
  });

  it('names each group with its own count and noun', () => {
    expect(pluralByGroup([['OFFICIAL-SENSITIVE', 4]], 'threat')).toBe('4 OFFICIAL-SENSITIVE threats');
    expect(
      pluralByGroup(
        [
          ['OFFICIAL-SENSITIVE', 1],
          ['SECRET', 2],
        ],
        'risk',
      ),
    ).toBe('1 OFFICIAL-SENSITIVE risk and 2 SECRET risks');
  });
});
