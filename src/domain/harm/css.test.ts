import { describe, expect, it } from 'vitest';
import { crimeSeverityScore, midYearForFinancialYear } from './css.js';
import { makeWeightsTable } from './weights.js';

const ons = makeWeightsTable({
  index: 'ons-css',
  keyKind: 'offence-code',
  edition: 'ONS CSS test edition',
  weights: [
    { key: '1', weight: 7973.393423, source: 's', derivation: 'd' },
    { key: '46', weight: 11.855539, source: 's', derivation: 'd' },
    { key: 'AF', weight: null, source: 's', derivation: 'no weight: fraud is outside the Crime Severity Score' },
  ],
});

describe('crimeSeverityScore', () => {
  it('is sum(count x weight) / population, fraud reported and left out', () => {
    const r = crimeSeverityScore({
      counts: { '1': 2, '46': 1000, AF: 50 },
      weights: ons,
      population: 10000,
      populationSource: 'test population',
    });
    const expected = (2 * 7973.393423 + 1000 * 11.855539) / 10000;
    expect(r.score).toBeCloseTo(expected, 12);
    expect(r.weightedSum).toBeCloseTo(expected * 10000, 6);
    expect(r.method).toBe('ons-definition');
    expect(r.unweighted).toHaveLength(1);
    expect(r.unweighted[0]).toMatchObject({ key: 'AF', count: 50, reason: 'no-published-weight' });
    expect(r.description).toContain('ONS CSS test edition');
    expect(r.description).toContain('test population');
  });

  it('labels a category-based score as an approximation', () => {
    const cat = makeWeightsTable({
      index: 'ons-css',
      keyKind: 'policeuk-category',
      edition: 'cat',
      weights: [{ key: 'robbery', weight: 799.6289, source: 's', derivation: 'd' }],
    });
    const r = crimeSeverityScore({ counts: { robbery: 10 }, weights: cat, population: 1000, populationSource: 'p' });
    expect(r.method).toBe('category-approximation');
    expect(r.score).toBeCloseTo(7.996289, 9);
  });

  it('refuses non-CSS weights and bad populations', () => {
    const cchi = makeWeightsTable({ index: 'cchi-median', keyKind: 'policeuk-category', edition: 'c', weights: [] });
    expect(() => crimeSeverityScore({ counts: {}, weights: cchi, population: 1, populationSource: 'p' })).toThrow(
      /ONS CSS weights/,
    );
    expect(() => crimeSeverityScore({ counts: {}, weights: ons, population: 0, populationSource: 'p' })).toThrow(
      /population/,
    );
  });
});

describe('midYearForFinancialYear', () => {
  it('pairs April Y - March Y+1 with mid-Y', () => {
    expect(midYearForFinancialYear('2017/18')).toBe(2017);
    expect(midYearForFinancialYear('2019-20')).toBe(2019);
    expect(midYearForFinancialYear('1999/00')).toBe(1999);
    expect(midYearForFinancialYear('2017/2018')).toBe(2017);
    expect(midYearForFinancialYear('2017')).toBe(2017);
    expect(() => midYearForFinancialYear('2017/19')).toThrow(/consecutive/);
    expect(() => midYearForFinancialYear('FY17')).toThrow(/financial year/);
  });
});
