import { describe, it, expect } from 'vitest';
import { directionOfTravel } from './direction.js';
import type { FactorInput } from './inputs.js';
import { scoreThreat } from './score.js';
import { shippedModel as load, specVectors } from '../../../test/morile.js';

const morile = load('morile-default.v1.json');
const nim = load('nim-4x4.v1.json');
const spec = specVectors() as {
  vectors: Array<{ id: string; input: FactorInput }>;
};
const score = (id: string, edit: FactorInput = {}) =>
  scoreThreat(morile, { ...(spec.vectors.find((v) => v.id === id)?.input ?? {}), ...edit });

const one = (current?: ReturnType<typeof score>, previous?: ReturnType<typeof score>) => {
  const [d] = directionOfTravel([morile, nim], [{ threatId: 't', name: 'Cyber', current, previous }]);
  if (d === undefined) throw new Error('no direction');
  return d;
};

describe('directionOfTravel', () => {
  it('gives likelihood and harm now and before, and the arrow on the 0..1 chart scale', () => {
    const d = one(score('A'), score('F')); // likelihood 3 -> 5, harm 15 both times
    expect([d.previous?.likelihood, d.previous?.harm, d.now?.likelihood, d.now?.harm]).toEqual([3, 15, 5, 15]);
    expect(d.now?.x).toBe(1); // likelihood 5 on 1..5
    expect(d.now?.y).toBeCloseTo(15 / 28, 12); // harm 15 on 0..28
    expect(d.dx).toBe(0.5);
    expect(d.dy).toBe(0);
    expect([d.label, d.moved]).toEqual(['up', true]);
  });

  it('labels a fall in risk "down"', () => {
    const d = one(score('F'), score('A'));
    expect([d.dx, d.dy, d.label]).toEqual([-0.5, 0, 'down']);
  });

  it('labels an unchanged position "static"', () => {
    const d = one(score('B'), score('B'));
    expect([d.dx, d.dy, d.moved, d.label]).toEqual([0, 0, false, 'static']);
  });

  it('is "static" but moved when the point moves along the same risk', () => {
    // B: harm 6 x likelihood 5 = 30; now harm 10 x likelihood 3 = 30.
    const harm10 = {
      physical: 2,
      psychological: 2,
      financial: 2,
      community: 2,
      scope: 0,
      vulnerability: 2,
      frequency: 3,
    };
    const d = one(score('B', harm10), score('B'));
    expect([d.moved, d.label]).toEqual([true, 'static']);
    expect(d.dx).toBe(-0.5);
    expect(d.dy).toBeCloseTo(4 / 28, 12);
  });

  it('labels a threat with no previous score "new" and one no longer scored "removed"', () => {
    expect(one(score('A'), undefined)).toMatchObject({
      label: 'new',
      previous: null,
      dx: 0,
      dy: 0,
    });
    expect(one(undefined, score('A'))).toMatchObject({ label: 'removed', now: null });
  });

  it('places scores from different models on one scale', () => {
    const d = one(score('C'), scoreThreat(nim, { impact: 4, likelihood: 4 }));
    expect(d.previous).toMatchObject({ model: { id: 'nim-4x4', version: 1 }, x: 1, y: 1, risk: 1 });
    expect(d.now?.risk).toBeCloseTo(80 / 140, 12);
    expect(d.label).toBe('down');
  });

  it('refuses a score whose model is not loaded, and a threat with no score at all', () => {
    expect(() => directionOfTravel([nim], [{ threatId: 't', name: 'Cyber', current: score('A') }])).toThrow(
      'Scoring model morile-default v1 is needed to chart this score',
    );
    expect(() => one(undefined, undefined)).toThrow('has neither a current nor a previous score');
  });
});
