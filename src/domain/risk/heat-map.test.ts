import { describe, expect, it } from 'vitest';
import { heatMap, type HeatMapEntry } from './heat-map.js';
import { riskScale } from './scale.js';

const entry = (id: number, likelihood: number, impact: number, previous: [number, number] | null): HeatMapEntry => ({
  id,
  reference: `SR${id}`,
  title: `Risk ${id}`,
  likelihood,
  impact,
  previous: previous === null ? null : { likelihood: previous[0], impact: previous[1] },
});

describe('heat map', () => {
  const map = heatMap(riskScale(), [
    entry(1, 4, 5, [3, 5]),
    entry(2, 4, 5, [4, 5]),
    entry(3, 2, 3, [3, 3]),
    entry(4, 1, 1, null),
    entry(10, 4, 5, [5, 4]),
  ]);

  it('has impact rows from high to low and likelihood columns from low to high', () => {
    expect(map.rows.map((r) => [r.impact, r.label])).toEqual([
      [5, 'Severe'],
      [4, 'Major'],
      [3, 'Moderate'],
      [2, 'Minor'],
      [1, 'Negligible'],
    ]);
    expect(map.rows[0]?.cells.map((c) => [c.likelihood, c.score, c.rating])).toEqual([
      [1, 5, 'medium'],
      [2, 10, 'high'],
      [3, 15, 'high'],
      [4, 20, 'very high'],
      [5, 25, 'very high'],
    ]);
  });

  it('counts and names the risks in each cell, in reference order', () => {
    const cell = map.rows[0]?.cells[3];
    expect(cell?.count).toBe(3);
    expect(cell?.risks.map((r) => r.reference)).toEqual(['SR1', 'SR2', 'SR10']);
    expect(map.rows.flatMap((r) => r.cells).reduce((n, c) => n + c.count, 0)).toBe(5);
    expect(map.total).toBe(5);
    expect(map.byRating).toEqual({ low: 1, medium: 1, 'very high': 3, high: 0 });
  });

  it('shows the movement of each risk since its previous review, by score, with the cell it came from', () => {
    const moves = Object.fromEntries(
      map.rows
        .flatMap((r) => r.cells)
        .flatMap((c) => c.risks)
        .map((r) => [r.reference, r.movement]),
    );
    expect(moves).toEqual({ SR1: 'up', SR2: 'same', SR3: 'down', SR4: 'new', SR10: 'same' });
    const moved = map.rows[0]?.cells[3]?.risks.find((r) => r.reference === 'SR10');
    expect(moved?.from).toEqual({ likelihood: 5, impact: 4, score: 20 });
    expect(map.byMovement).toEqual({ up: 1, down: 1, same: 2, new: 1 });
  });

  it('refuses a risk that does not fit the scale, naming it', () => {
    expect(() => heatMap(riskScale(3), [entry(7, 4, 1, null)])).toThrow('Risk SR7 cannot go on a 3x3 heat map');
  });
});
