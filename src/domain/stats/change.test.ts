import { describe, it, expect } from 'vitest';

import { changeAgainst } from './change.js';

describe('changeAgainst', () => {
  it('gives the change as a count and a percentage', () => {
    expect(changeAgainst(200, 250)).toEqual({ change: 50, percentChange: 25 });
    expect(changeAgainst(80, 60)).toEqual({ change: -20, percentChange: -25 });
    expect(changeAgainst(7, 7)).toEqual({ change: 0, percentChange: 0 });
  });

  it('leaves the percentage undefined (null) when the previous figure is zero', () => {
    expect(changeAgainst(0, 12)).toEqual({ change: 12, percentChange: null });
    expect(changeAgainst(0, 0)).toEqual({ change: 0, percentChange: null });
  });

  it('rejects non-finite figures', () => {
    expect(() => changeAgainst(Number.NaN, 1)).toThrow(/previous/);
    expect(() => changeAgainst(1, Infinity)).toThrow(/current/);
  });
});
