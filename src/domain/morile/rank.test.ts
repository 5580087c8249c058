import { describe, it, expect } from 'vitest';
import type { FactorInput } from './inputs.js';
import { rankThreats } from './rank.js';
import type { ScoredThreat } from './rank.js';
import { scoreThreat } from './score.js';
import { shippedModel as load, specVectors } from '../../../test/morile.js';

const morile = load('morile-default.v1.json');
const nim = load('nim-4x4.v1.json');
const spec = specVectors() as {
  ranking: string[];
  vectors: Array<{ id: string; input: FactorInput }>;
};
const vector = (id: string): FactorInput => spec.vectors.find((v) => v.id === id)?.input ?? {};
const threat = (name: string, input: FactorInput): ScoredThreat => ({
  threatId: `t-${name}`,
  name,
  score: scoreThreat(morile, input),
});

describe('rankThreats', () => {
  it('ranks the spec vectors C > A > F > B > D > E', () => {
    const threats = spec.vectors.map((v) => threat(v.id, v.input));
    const ranked = rankThreats(morile, threats);
    expect(ranked.map((t) => t.name)).toEqual(spec.ranking);
    expect(ranked.map((t) => t.rank)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('does not depend on the input order', () => {
    const threats = spec.vectors.map((v) => threat(v.id, v.input)).reverse();
    expect(rankThreats(morile, threats).map((t) => t.name)).toEqual(spec.ranking);
  });

  // B: harm 6 x likelihood 5 = 30. H10: harm 10 x likelihood 3 = 30, same organisational gap.
  const harm10 = {
    ...vector('B'),
    physical: 2,
    psychological: 2,
    financial: 2,
    community: 2,
    scope: 0,
    vulnerability: 2,
    frequency: 3,
  };

  it('breaks a priority tie by the organisational-risk total first', () => {
    const withOrgRisk = threat('Z with org risk', { ...vector('B'), political: 2 });
    const ranked = rankThreats(morile, [threat('A plain', harm10), withOrgRisk]);
    expect(ranked[0]?.score.priority).toBe(ranked[1]?.score.priority);
    expect(ranked.map((t) => t.name)).toEqual(['Z with org risk', 'A plain']);
  });

  it('then by harm', () => {
    const ranked = rankThreats(morile, [threat('A harm 6', vector('B')), threat('Z harm 10', harm10)]);
    expect(ranked[0]?.score.priority).toBe(ranked[1]?.score.priority);
    expect(ranked.map((t) => t.name)).toEqual(['Z harm 10', 'A harm 6']);
  });

  it('then by confidence, high first', () => {
    const low = threat('A low', { ...vector('B'), confidence: 'low' });
    const medium = threat('B medium', { ...vector('B'), confidence: 'medium' });
    const high = threat('C high', { ...vector('B'), confidence: 'high' });
    expect(rankThreats(morile, [low, medium, high]).map((t) => t.name)).toEqual(['C high', 'B medium', 'A low']);
  });

  it('then by name', () => {
    const ranked = rankThreats(morile, [threat('Cyber', vector('B')), threat('CSE', vector('B'))]);
    expect(ranked.map((t) => t.name)).toEqual(['CSE', 'Cyber']);
  });

  it('refuses threats scored with another model', () => {
    const other: ScoredThreat = {
      threatId: 't-grid',
      name: 'Grid',
      score: scoreThreat(nim, { impact: 1, likelihood: 1 }),
    };
    expect(() => rankThreats(morile, [threat('A', vector('A')), other])).toThrow(
      'Cannot rank "Grid": it was scored with nim-4x4 v1, the ranking uses morile-default v1',
    );
  });

  it('ranks grid scores by grade, then by impact', () => {
    const g = (name: string, impact: number, likelihood: number): ScoredThreat => ({
      threatId: name,
      name,
      score: scoreThreat(nim, { impact, likelihood }),
    });
    const ranked = rankThreats(nim, [g('low', 1, 2), g('wide', 2, 4), g('deep', 4, 2), g('top', 4, 4)]);
    expect(ranked.map((t) => t.name)).toEqual(['top', 'deep', 'wide', 'low']);
  });
});
