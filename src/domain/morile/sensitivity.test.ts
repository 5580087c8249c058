import { describe, it, expect } from 'vitest';
import type { FactorInput } from './inputs.js';
import { rankThreats } from './rank.js';
import { scoreThreat } from './score.js';
import { sensitivity } from './sensitivity.js';
import type { FactorChange } from './sensitivity.js';
import { shippedModel as load, specVectors } from '../../../test/morile.js';

const morile = load('morile-default.v1.json');
const nim = load('nim-4x4.v1.json');
const spec = specVectors() as {
  vectors: Array<{ id: string; input: FactorInput }>;
};

// Ranked C > A > F > B > D > E, each named by its vector letter.
const ranked = rankThreats(
  morile,
  spec.vectors.map((v) => ({ threatId: v.id, name: v.id, score: scoreThreat(morile, v.input) })),
);
const brief = (changes: readonly FactorChange[]) => changes.map((c) => [c.factor, c.from, c.to, c.steps]);

describe('sensitivity: crossing a band', () => {
  it('F (intelligence requirement) needs frequency two levels up to become a PRIORITY', () => {
    const f = sensitivity(morile, ranked, 'F');
    expect(brief(f.bandUp)).toEqual([['frequency', 3, 5, 2]]);
    expect(f.bandUp[0]?.score.band.id).toBe('PRIORITY');
  });

  it('F drops to business as usual only with frequency two levels down', () => {
    expect(brief(sensitivity(morile, ranked, 'F').bandDown)).toEqual([['frequency', 3, 1, -2]]);
  });

  it('lists every factor that crosses with the same smallest change', () => {
    // B (s 0.119, priority 33.3) needs 42 for the IR band: harm +2 on any harm factor gives 44.4;
    // no one-level change is enough, and +2 on one organisational gap only reaches 40.
    const b = sensitivity(morile, ranked, 'B');
    expect(b.bandUp.every((c) => c.steps === 2)).toBe(true);
    expect(b.bandUp.map((c) => c.factor)).toEqual([
      'physical',
      'psychological',
      'financial',
      'community',
      'environmental',
      'scope',
      'vulnerability',
    ]);
  });

  it('finds nothing above the top band or below the bottom one', () => {
    expect(sensitivity(morile, ranked, 'C').bandUp).toEqual([]);
    expect(sensitivity(morile, ranked, 'E').bandDown).toEqual([]);
  });
});

describe('sensitivity: passing a neighbour in the ranking', () => {
  it('D passes B with one level more frequency or a stable instead of decreasing trend', () => {
    expect(brief(sensitivity(morile, ranked, 'D').passAbove)).toEqual([
      ['frequency', 4, 5, 1],
      ['trend', -1, 0, 1],
    ]);
  });

  it('B falls below D with two levels less financial harm or frequency', () => {
    // B (33.33) drops under its neighbour D (25.67) with -2 on financial or frequency.
    expect(brief(sensitivity(morile, ranked, 'B').fallBelow)).toEqual([
      ['financial', 2, 0, -2],
      ['frequency', 5, 3, -2],
    ]);
  });

  it('respects tie-breaks: F matching A exactly still ranks below it by name', () => {
    expect(sensitivity(morile, ranked, 'F').passAbove).toEqual([]);
  });

  it('has no neighbour above the first or below the last', () => {
    expect(sensitivity(morile, ranked, 'C').passAbove).toEqual([]);
    expect(sensitivity(morile, ranked, 'E').fallBelow).toEqual([]);
  });

  it('refuses a threat that is not in the ranked list', () => {
    expect(() => sensitivity(morile, ranked, 'Z')).toThrow('Threat Z is not in the ranked list');
  });
});

describe('sensitivity on the legacy grid', () => {
  it('moves along whole levels', () => {
    const grid = rankThreats(nim, [
      { threatId: 'x', name: 'x', score: scoreThreat(nim, { impact: 2, likelihood: 4 }) },
    ]);
    const x = sensitivity(nim, grid, 'x');
    expect(brief(x.bandUp)).toEqual([['impact', 2, 3, 1]]);
    expect(brief(x.bandDown)).toEqual([['likelihood', 4, 1, -3]]);
  });
});
