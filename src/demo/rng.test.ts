import { describe, expect, it } from 'vitest';
import { AliasTable } from './alias.js';
import { poisson } from './poisson.js';
import { deriveSeed, Rng } from './rng.js';

function draws(rng: Rng, n: number, f: (r: Rng) => number): number[] {
  return Array.from({ length: n }, () => f(rng));
}

function meanVar(xs: number[]): [number, number] {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return [m, xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length];
}

describe('Rng', () => {
  it('gives the same stream for the same seed and labels, another for other labels', () => {
    const a = draws(Rng.derive(7, 'street', 'west-mercia'), 5, (r) => r.uint32());
    const b = draws(Rng.derive(7, 'street', 'west-mercia'), 5, (r) => r.uint32());
    const c = draws(Rng.derive(7, 'street', 'warwickshire'), 5, (r) => r.uint32());
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(deriveSeed(1, 'x')).not.toBe(deriveSeed(2, 'x'));
  });

  it('draws floats in [0, 1) with mean one half', () => {
    const xs = draws(new Rng(1), 100_000, (r) => r.float());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(meanVar(xs)[0]).toBeCloseTo(0.5, 2);
  });

  it('writes 64 lower-case hex digits for a Crime ID', () => {
    expect(new Rng(3).hex64()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('draws standard normals', () => {
    const [m, v] = meanVar(draws(new Rng(5), 100_000, (r) => r.normal()));
    expect(m).toBeCloseTo(0, 1);
    expect(v).toBeCloseTo(1, 1);
  });
});

describe('poisson', () => {
  for (const lambda of [0.3, 4, 25, 31, 250, 10_000]) {
    it(`has mean and variance lambda for lambda ${lambda}`, () => {
      const [m, v] = meanVar(draws(new Rng(11), 50_000, (r) => poisson(r, lambda)));
      expect(Math.abs(m - lambda)).toBeLessThan(4 * Math.sqrt(lambda / 50_000) + 1e-9);
      expect(Math.abs(v / lambda - 1)).toBeLessThan(0.05);
    });
  }

  it('returns 0 for lambda 0 and never a negative count', () => {
    const rng = new Rng(2);
    expect(poisson(rng, 0)).toBe(0);
    expect(Math.min(...draws(rng, 10_000, (r) => poisson(r, 40)))).toBeGreaterThanOrEqual(0);
  });
});

describe('AliasTable', () => {
  it('samples indexes in proportion to their weights', () => {
    const table = new AliasTable([1, 0, 3, 6]);
    const counts = [0, 0, 0, 0];
    const rng = new Rng(9);
    for (let i = 0; i < 100_000; i++) counts[table.sample(rng)]! += 1;
    expect(counts[1]).toBe(0);
    expect((counts[0] ?? 0) / 100_000).toBeCloseTo(0.1, 2);
    expect((counts[2] ?? 0) / 100_000).toBeCloseTo(0.3, 2);
    expect((counts[3] ?? 0) / 100_000).toBeCloseTo(0.6, 2);
  });
});
