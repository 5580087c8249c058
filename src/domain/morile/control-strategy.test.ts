import { describe, it, expect } from 'vitest';
import { deriveControlStrategy } from './control-strategy.js';
import type { StrategyEntry } from './control-strategy.js';
import type { FactorInput } from './inputs.js';
import { rankThreats } from './rank.js';
import { scoreThreat } from './score.js';
import { shippedModel, specVectors } from '../../../test/morile.js';

const morile = shippedModel('morile-default.v1.json', 'default');
const spec = specVectors() as {
  vectors: Array<{ id: string; input: FactorInput }>;
};
const ranked = rankThreats(
  morile,
  spec.vectors.map((v) => ({ threatId: v.id, name: v.id, score: scoreThreat(morile, v.input) })),
);
const names = (entries: readonly StrategyEntry[]) => entries.map((e) => e.name);
const reasonOf = (entries: readonly StrategyEntry[], name: string) => entries.find((e) => e.name === name)?.reason;

describe('deriveControlStrategy from the spec vectors', () => {
  const strategy = deriveControlStrategy(morile, ranked);

  it('puts the PRIORITY band under priorities, in rank order', () => {
    expect(names(strategy.priorities)).toEqual(['C', 'A']);
    expect(reasonOf(strategy.priorities, 'C')).toBe('s = 0.5397 >= 0.35 (PRIORITY threshold)');
    expect(reasonOf(strategy.priorities, 'A')).toBe('s = 0.3869 >= 0.35 (PRIORITY threshold)');
  });

  it('lists the IR band and the low-confidence PRIORITY as intelligence requirements', () => {
    expect(names(strategy.intelligenceRequirements)).toEqual(['C', 'F']);
    expect(reasonOf(strategy.intelligenceRequirements, 'F')).toBe(
      's = 0.2321 >= 0.15 (INTELLIGENCE_REQUIREMENT threshold) and < 0.35 (PRIORITY threshold)',
    );
    expect(reasonOf(strategy.intelligenceRequirements, 'C')).toBe(
      's = 0.5397 >= 0.35 (PRIORITY threshold) but confidence is low (1 (low) <= 1): intelligence is needed to confirm it',
    );
  });

  it('puts the rest under business as usual', () => {
    expect(names(strategy.businessAsUsual)).toEqual(['B', 'D', 'E']);
    expect(reasonOf(strategy.businessAsUsual, 'B')).toBe('s = 0.1190 < 0.15 (INTELLIGENCE_REQUIREMENT threshold)');
  });

  it('carries ranks, full-precision figures and the model it was derived with', () => {
    expect(strategy.priorities[0]).toMatchObject({ threatId: 'C', rank: 1, band: 'PRIORITY' });
    expect(strategy.priorities[0]?.priority).toBeCloseTo(80 * (1 + 8 / 9), 12);
    expect(strategy.model).toEqual({ id: 'morile-default', version: 1 });
  });
});

describe('Control Strategy headings', () => {
  it('defaults to prevention, intelligence, enforcement, reassurance', () => {
    const ids = deriveControlStrategy(morile, ranked).headings.map((h) => h.id);
    expect(ids).toEqual(['prevention', 'intelligence', 'enforcement', 'reassurance']);
  });

  it('offers the 4P set', () => {
    const ids = deriveControlStrategy(morile, ranked, { headings: '4P' }).headings.map((h) => h.id);
    expect(ids).toEqual(['pursue', 'prevent', 'protect', 'prepare']);
  });

  it('accepts a force own headings and refuses a repeated one', () => {
    const own = [{ id: 'safeguard', label: 'Safeguard' }];
    expect(deriveControlStrategy(morile, ranked, { headings: own }).headings).toEqual(own);
    expect(() => deriveControlStrategy(morile, ranked, { headings: [...own, ...own] })).toThrow(
      'heading id "safeguard" is empty or repeated',
    );
    expect(() => deriveControlStrategy(morile, ranked, { headings: [] })).toThrow('give at least one heading');
  });
});
