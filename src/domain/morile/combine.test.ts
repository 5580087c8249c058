import { describe, it, expect } from 'vitest';
import { combineAssessors, mean, median } from './combine.js';
import type { FactorInput } from './inputs.js';
import { scoreThreat, scoreValues } from './score.js';
import { shippedModel as load, specVectors } from '../../../test/morile.js';

const morile = load('morile-default.v1.json');
const nim = load('nim-4x4.v1.json');
const spec = specVectors() as {
  vectors: Array<{ id: string; input: FactorInput }>;
};
const A = spec.vectors.find((v) => v.id === 'A')?.input ?? {};

describe('median and mean', () => {
  it('takes the middle value, or the midpoint of the two middle values', () => {
    expect(median([4, 1, 2])).toBe(2);
    expect(median([3, 2])).toBe(2.5);
    expect(mean([1, 2, 4])).toBeCloseTo(7 / 3, 12);
  });
});

describe('combineAssessors', () => {
  const workshop = [
    { assessor: 'analyst', input: { ...A, physical: 1, confidence: 'high' } },
    { assessor: 'inspector', input: { ...A, physical: 2, confidence: 'medium' } },
    { assessor: 'partner', input: { ...A, physical: 4, psychological: 3, confidence: 'low' } },
  ];

  it('identical assessors combine to the same score', () => {
    const combined = combineAssessors(morile, [
      { assessor: 'a', input: A },
      { assessor: 'b', input: A },
    ]);
    expect(combined.combined.priority).toBe(scoreThreat(morile, A).priority);
    expect(combined.disagreements).toEqual([]);
  });

  it('combines each factor by its median, then scores the combined values', () => {
    const combined = combineAssessors(morile, workshop);
    expect(combined.method).toBe('median');
    expect(combined.values.physical).toBe(2);
    expect(combined.values.psychological).toBe(4);
    expect(combined.combined.harm).toBe(14); // A's harm 15 with physical 2 instead of 3
    expect(combined.combined).toEqual(scoreValues(morile, combined.values));
  });

  it('keeps every assessor own score', () => {
    const combined = combineAssessors(morile, workshop);
    expect(combined.assessors.map((a) => [a.assessor, a.score.harm])).toEqual([
      ['analyst', 13],
      ['inspector', 14],
      ['partner', 15],
    ]);
  });

  it('can use the mean instead, keeping full precision', () => {
    const combined = combineAssessors(morile, workshop, { method: 'mean' });
    expect(combined.values.physical).toBeCloseTo(7 / 3, 12);
    expect(combined.values.psychological).toBeCloseTo(11 / 3, 12);
  });

  it('combines confidence conservatively: the lowest any assessor gave', () => {
    const combined = combineAssessors(morile, workshop);
    expect(combined.values.confidence).toBe(1);
    expect(combined.combined.lowConfidence).toBe(true);
    expect(combined.combined.intelligenceRequirement).toBe('low-confidence');
  });

  it('flags factors where assessors are two or more levels apart on a 0..4 scale', () => {
    const combined = combineAssessors(morile, workshop);
    expect(combined.disagreements.map((d) => d.factor)).toEqual(['physical', 'confidence']);
    expect(combined.disagreements[0]).toEqual({
      factor: 'physical',
      lowest: 1,
      highest: 4,
      spreadSteps: 3,
      thresholdSteps: 2,
      byAssessor: { analyst: 1, inspector: 2, partner: 4 },
    });
  });

  it('does not flag a one-level difference', () => {
    const combined = combineAssessors(morile, workshop);
    expect(combined.disagreements.some((d) => d.factor === 'psychological')).toBe(false);
  });

  it('flags opposite trends (decreasing vs increasing) on the 3-level trend scale', () => {
    const combined = combineAssessors(morile, [
      { assessor: 'a', input: { ...A, trend: -1 } },
      { assessor: 'b', input: { ...A, trend: 1 } },
    ]);
    expect(combined.disagreements.map((d) => [d.factor, d.spreadSteps])).toEqual([['trend', 2]]);
    expect(combined.values.trend).toBe(0);
  });

  it('lets a workshop set its own disagreement step count', () => {
    const combined = combineAssessors(morile, workshop, { disagreementSteps: 1 });
    expect(combined.disagreements.map((d) => d.factor)).toEqual(['physical', 'psychological', 'confidence']);
  });

  it('accepts a combined value between levels (median of two)', () => {
    const combined = combineAssessors(morile, [
      { assessor: 'a', input: { ...A, scope: 2 } },
      { assessor: 'b', input: { ...A, scope: 3 } },
    ]);
    expect(combined.values.scope).toBe(2.5);
    expect(combined.combined.harm).toBe(15.5);
  });

  it('counts an optional factor only from the assessors who scored it', () => {
    const combined = combineAssessors(morile, [
      { assessor: 'a', input: { ...A, political: 3 } },
      { assessor: 'b', input: A },
      { assessor: 'c', input: A },
    ]);
    expect(combined.values.political).toBe(3);
    expect(combined.values.economic).toBe(0);
  });

  it('rounds to the nearest level for a grid model, a tie going up', () => {
    const combined = combineAssessors(nim, [
      { assessor: 'a', input: { impact: 2, likelihood: 3 } },
      { assessor: 'b', input: { impact: 3, likelihood: 3 } },
    ]);
    expect(combined.values.impact).toBe(3);
    expect(combined.combined.risk).toBe(9);
  });

  it('refuses an empty workshop, a repeated assessor and an invalid score', () => {
    expect(() => combineAssessors(morile, [])).toThrow('no assessor has scored this threat');
    expect(() =>
      combineAssessors(morile, [
        { assessor: 'a', input: A },
        { assessor: 'a', input: A },
      ]),
    ).toThrow('Assessor "a" appears more than once');
    expect(() => combineAssessors(morile, [{ assessor: 'a', input: { ...A, trend: 2 } }])).toThrow(
      'trend: 2 is out of range; allowed -1..1',
    );
  });
});
