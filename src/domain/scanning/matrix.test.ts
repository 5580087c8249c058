import { describe, expect, it } from 'vitest';
import { buildMatrix, gridLines, quadrantOf } from './matrix.js';
import { parseDriverScore } from './scale.js';

describe('impact x uncertainty matrix', () => {
  it('divides the 1-10 scale at 6: 6-10 is high, 1-5 low', () => {
    expect(quadrantOf({ impact: 6, uncertainty: 6 })).toBe('critical_uncertainties');
    expect(quadrantOf({ impact: 10, uncertainty: 5 })).toBe('plan_for');
    expect(quadrantOf({ impact: 5, uncertainty: 10 })).toBe('monitor');
    expect(quadrantOf({ impact: 1, uncertainty: 1 })).toBe('background');
  });

  it('puts each driver in its quadrant, highest impact first, and every quadrant is present', () => {
    const m = buildMatrix([
      { number: 1, impact: 9, uncertainty: 7 },
      { number: 18, impact: 8, uncertainty: 8 },
      { number: 10, impact: 8, uncertainty: 3 },
      { number: 6, impact: 7, uncertainty: 3 },
      { number: 17, impact: 4, uncertainty: 8 },
    ]);
    expect(m.quadrants.map((q) => [q.name, q.drivers.map((d) => d.number)])).toEqual([
      ['Critical uncertainties', [1, 18]],
      ['Predetermined elements', [10, 6]],
      ['Watch list', [17]],
      ['Background', []],
    ]);
  });

  it('gathers drivers sharing a position into one grid cell and draws the grid with its dividing lines', () => {
    const m = buildMatrix([
      { number: 12, impact: 7, uncertainty: 5 },
      { number: 15, impact: 7, uncertainty: 5 },
      { number: 1, impact: 9, uncertainty: 7 },
    ]);
    expect(m.grid).toEqual([
      { impact: 9, uncertainty: 7, numbers: [1] },
      { impact: 7, uncertainty: 5, numbers: [12, 15] },
    ]);
    const lines = gridLines(m.grid);
    expect(lines).toHaveLength(15);
    expect(lines[2]).toMatch(/^ {5}9 \|( +\.){5} \|( +\.) +1( +\.){3}$/);
    expect(lines[4]).toContain('12,15 |');
  });

  it('refuses a score off the scale', () => {
    expect(parseDriverScore('impact', '7')).toBe(7);
    expect(() => parseDriverScore('impact', 11)).toThrow(
      'The impact score must be a whole number from 1 to 10 (got 11)',
    );
    expect(() => parseDriverScore('uncertainty', '2.5')).toThrow('uncertainty score');
  });
});
