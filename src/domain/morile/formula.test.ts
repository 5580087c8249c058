import { describe, it, expect } from 'vitest';
import { evaluate, intervalOf } from './expression.js';
import type { Expr } from './expression.js';
import { outputRanges } from './formula.js';
import { shippedModel as load } from '../../../test/morile.js';

describe('evaluate', () => {
  const env = { a: 2, b: 3, c: -4 };
  it.each<[Expr, number]>([
    [7, 7],
    ['b', 3],
    [{ op: 'sum', args: ['a', 'b', 1] }, 6],
    [{ op: 'product', args: ['a', 'b'] }, 6],
    [{ op: 'mean', args: ['a', 'b', 'c'] }, 1 / 3],
    [{ op: 'min', args: ['a', 'c'] }, -4],
    [{ op: 'max', args: ['a', 'c'] }, 2],
    [{ op: 'clamp', arg: { op: 'sum', args: ['a', 'b', 'b'] }, min: 1, max: 5 }, 5],
    [{ op: 'clamp', arg: 'c', min: 1, max: 5 }, 1],
    [{ op: 'scale', arg: 'b', by: 0.5 }, 1.5],
    [{ op: 'divide', arg: 'a', by: 3 }, 2 / 3],
  ])('%j = %s', (expr, expected) => {
    expect(evaluate(expr, env)).toBeCloseTo(expected, 12);
  });
});

describe('intervalOf', () => {
  it('bounds a product of signed ranges by its corners', () => {
    const env = { a: { lo: -1, hi: 2 }, b: { lo: 3, hi: 4 } };
    expect(intervalOf({ op: 'product', args: ['a', 'b'] }, env)).toEqual({ lo: -4, hi: 8 });
    expect(intervalOf({ op: 'divide', arg: 'b', by: -2 }, env)).toEqual({ lo: -2, hi: -1.5 });
    expect(intervalOf({ op: 'clamp', arg: 'a', min: 0, max: 1 }, env)).toEqual({ lo: 0, hi: 1 });
  });
});

describe('outputRanges', () => {
  it('states the ranges of the default model outputs as in the spec', () => {
    const r = outputRanges(load('morile-default.v1.json'));
    expect(r).toMatchObject({
      harm: { lo: 0, hi: 28 },
      likelihood: { lo: 1, hi: 5 },
      risk: { lo: 0, hi: 140 },
      orgGap: { lo: 0, hi: 3 },
      priority: { lo: 0, hi: 280 },
      s: { lo: 0, hi: 1 },
      orgRisk: { lo: 0, hi: 16 },
    });
  });

  it('states the grid grades 1..16', () => {
    const r = outputRanges(load('nim-4x4.v1.json'));
    expect(r).toMatchObject({
      harm: { lo: 1, hi: 4 },
      risk: { lo: 1, hi: 16 },
      s: { lo: 1 / 16, hi: 1 },
    });
  });
});
