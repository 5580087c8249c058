/** Suggested frequency and trend levels from the warehouse's counts and E-test. */
import { describe, expect, it } from 'vitest';
import { suggestLevels } from './evidence-levels.js';
import type { Factor } from './model-schema.js';

const factors = [
  {
    id: 'frequency',
    label: 'Frequency',
    section: 'likelihood',
    min: 1,
    max: 5,
    optional: false,
    levels: ['rare', 'unlikely', 'possible', 'likely', 'almost certain/continuous'].map((label, i) => ({
      label,
      value: i + 1,
    })),
  },
  {
    id: 'trend',
    label: 'Trend',
    section: 'likelihood',
    min: -1,
    max: 1,
    optional: false,
    levels: [
      { label: 'decreasing', value: -1 },
      { label: 'stable', value: 0 },
      { label: 'increasing', value: 1 },
    ],
  },
] as unknown as Factor[];
const figure = {
  what: 'drugs',
  period: '2017/18',
  count: 400,
  percentChange: 12.5,
  pValue: 0.01,
  flag: 'significantly-above',
};

describe('levels the evidence supports', () => {
  it('reads frequency from the yearly count and trend from the E-test', () => {
    expect(suggestLevels(factors, figure)).toEqual([
      {
        factor: 'frequency',
        value: 5,
        label: 'almost certain/continuous',
        why: '400 crimes (drugs) in 2017/18: about daily or more',
      },
      {
        factor: 'trend',
        value: 1,
        label: 'increasing',
        why: '+12.5% on last year, significantly above (E-test p = 0.010)',
      },
    ]);
  });

  it('calls a change that is not significant stable, and steps frequency down with the count', () => {
    const s = suggestLevels(factors, { ...figure, count: 30, percentChange: -8, pValue: 0.4, flag: 'below' });
    expect(s.map((x) => [x.factor, x.value])).toEqual([
      ['frequency', 3],
      ['trend', 0],
    ]);
    expect(suggestLevels(factors, { ...figure, count: 0 })[0]?.value).toBe(1);
  });

  it('suggests nothing from a year the warehouse does not cover, and no trend without a test', () => {
    expect(suggestLevels(factors, { ...figure, count: null })).toEqual([]);
    expect(suggestLevels(factors, undefined)).toEqual([]);
    expect(suggestLevels(factors, { ...figure, pValue: null, flag: 'insufficient-data' }).map((x) => x.factor)).toEqual(
      ['frequency'],
    );
  });
});
