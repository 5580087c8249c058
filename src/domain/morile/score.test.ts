import { describe, it, expect } from 'vitest';
import { scoreThreat } from './score.js';
import type { FactorInput } from './inputs.js';
import { shippedModel as load, specVectors } from '../../../test/morile.js';

const morile = load('morile-default.v1.json');
const nim = load('nim-4x4.v1.json');

interface SpecVector {
  id: string;
  input: FactorInput;
  expected: {
    harm: number;
    likelihood: number;
    risk: number;
    priority: number;
    s: number;
    band: string;
    intelligenceRequirement: string | null;
  };
}
const spec = specVectors() as { vectors: SpecVector[] };
const vector = (id: string): FactorInput => spec.vectors.find((v) => v.id === id)?.input ?? {};

describe('scoreThreat with the MoRiLE-structured default: the spec test vectors', () => {
  it('has all six vectors A-F', () => {
    expect(spec.vectors.map((v) => v.id)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
  });

  it.each(spec.vectors.map((v) => [v.id, v] as const))('vector %s matches the spec', (_id, v) => {
    const score = scoreThreat(morile, v.input);
    const e = v.expected;
    expect(score.harm).toBe(e.harm);
    expect(score.likelihood).toBe(e.likelihood);
    expect(score.risk).toBe(e.risk);
    expect(score.priority.toFixed(4)).toBe(e.priority.toFixed(4));
    expect(score.s.toFixed(4)).toBe(e.s.toFixed(4));
    expect(score.band.id).toBe(e.band);
    expect(score.intelligenceRequirement).toBe(e.intelligenceRequirement);
  });

  it('raises an intelligence requirement for C, a PRIORITY with low confidence', () => {
    const c = scoreThreat(morile, vector('C'));
    expect(c.band.id).toBe('PRIORITY');
    expect(c.lowConfidence).toBe(true);
    expect(c.intelligenceRequirement).toBe('low-confidence');
  });

  it('keeps full precision (priority of A is 75 x 13/9, not a rounded figure)', () => {
    const a = scoreThreat(morile, vector('A'));
    expect(a.priority).toBeCloseTo((75 * 13) / 9, 12);
    expect(a.orgGap).toBeCloseTo(4 / 3, 12);
    expect(a.s).toBeCloseTo((75 * 13) / 9 / 280, 12);
  });

  it('records the model id and version on every score', () => {
    expect(scoreThreat(morile, vector('A')).model).toEqual({ id: 'morile-default', version: 1 });
  });

  it('treats omitted optional factors (organisational risk, opportunity) as their minimum', () => {
    const a = scoreThreat(morile, vector('A'));
    expect(a.outputs.orgRisk).toBe(0);
    expect(a.values.opportunity).toBe(0);
    const withRisk = scoreThreat(morile, { ...vector('A'), political: 3, economic: 'moderate' });
    expect(withRisk.outputs.orgRisk).toBe(5);
  });

  it('accepts level labels as well as level values', () => {
    const input = { ...vector('A'), frequency: 'almost certain/continuous', trend: 'Increasing' };
    expect(scoreThreat(morile, input).likelihood).toBe(5);
  });

  it('flags low confidence without changing the score', () => {
    const low = scoreThreat(morile, { ...vector('A'), confidence: 'low' });
    expect(low.lowConfidence).toBe(true);
    expect(low.priority).toBe(scoreThreat(morile, vector('A')).priority);
    expect(low.intelligenceRequirement).toBe('low-confidence');
  });

  it('does not raise an intelligence requirement for low confidence outside the PRIORITY band', () => {
    const b = scoreThreat(morile, { ...vector('B'), confidence: 'low' });
    expect(b.lowConfidence).toBe(true);
    expect(b.intelligenceRequirement).toBeNull();
  });
});

describe('scoreThreat input validation', () => {
  it('refuses an out-of-range level, naming the factor and the allowed range', () => {
    expect(() => scoreThreat(morile, { ...vector('A'), frequency: 6 })).toThrow(
      'frequency: 6 is out of range; allowed 1..5',
    );
    expect(() => scoreThreat(morile, { ...vector('A'), physical: -1 })).toThrow(
      'physical: -1 is out of range; allowed 0..4',
    );
  });

  it('refuses a value between levels from an assessor', () => {
    expect(() => scoreThreat(morile, { ...vector('A'), scope: 2.5 })).toThrow(
      'scope: 2.5 is not a level; use 0 (neighbourhood), 1 (district)',
    );
  });

  it('refuses a missing required factor and an unknown factor, all problems at once', () => {
    const { frequency: _omit, ...rest } = vector('A');
    let message = '';
    try {
      scoreThreat(morile, { ...rest, frquency: 3 });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('frquency: not a factor of this model');
    expect(message).toContain('frequency: missing; required, allowed 1..5');
  });

  it('refuses an unknown label', () => {
    expect(() => scoreThreat(morile, { ...vector('A'), confidence: 'certain' })).toThrow(
      'confidence: "certain" is not a level; use 1 (low), 2 (medium), 3 (high)',
    );
  });
});

describe('scoreThreat with the legacy NIM 4x4 grid', () => {
  it('grades (3,4) as 12 and (4,4) as 16', () => {
    expect(scoreThreat(nim, { impact: 3, likelihood: 4 }).risk).toBe(12);
    const top = scoreThreat(nim, { impact: 4, likelihood: 4 });
    expect(top.outputs.grade).toBe(16);
    expect(top.s).toBe(1);
    expect(top.band.id).toBe('PRIORITY');
  });

  it('reports impact as harm and likelihood as likelihood', () => {
    const score = scoreThreat(nim, { impact: 2, likelihood: 3 });
    expect([score.harm, score.likelihood, score.priority]).toEqual([2, 3, 6]);
    expect(score.band.id).toBe('INTELLIGENCE_REQUIREMENT');
    expect(score.model).toEqual({ id: 'nim-4x4', version: 1 });
  });

  it.each([
    [{ impact: 5, likelihood: 1 }, 'impact: 5 is out of range; allowed 1..4'],
    [{ impact: 1, likelihood: 0 }, 'likelihood: 0 is out of range; allowed 1..4'],
  ])('refuses out-of-range input %j', (bad, message) => {
    expect(() => scoreThreat(nim, bad)).toThrow(message);
  });
});
