import { describe, expect, it } from 'vitest';
import { buildMatrix } from '../domain/scanning/matrix.js';
import { cellOffsets, driversMatrixChart } from './drivers-matrix.js';

const drivers = [
  { number: 1, name: 'Connected society', impact: 9, uncertainty: 7, challenge: 'social' },
  { number: 12, name: 'Information sharing', impact: 7, uncertainty: 5, challenge: 'partner' },
  { number: 15, name: 'Shared systems', impact: 7, uncertainty: 5, challenge: 'policing' },
  { number: 17, name: 'New agencies', impact: 4, uncertainty: 8, challenge: 'policing' },
];

type Series = {
  name: string;
  symbol?: string;
  data: Array<{ name: string; value: number[] }>;
  markArea?: { data: Array<[{ name: string }, unknown]> };
};

describe('the drivers matrix chart', () => {
  const option = driversMatrixChart(buildMatrix(drivers));
  const series = option['series'] as Series[];

  it('names the four quadrants and divides the scale between 5 and 6', () => {
    expect(series[0]!.markArea!.data.map(([a]) => a.name).sort()).toEqual([
      'Background',
      'Critical uncertainties',
      'Predetermined elements',
      'Watch list',
    ]);
    expect((option['xAxis'] as { name: string }).name).toBe('Level of uncertainty →');
  });

  it('draws each driver numbered, by group with its own shape, uncertainty across and impact up', () => {
    const groups = series.slice(1);
    expect(groups.map((g) => [g.name, g.symbol])).toEqual([
      ['Social Challenges', 'circle'],
      ['Partner Challenges', 'roundRect'],
      ['Policing Challenges', 'diamond'],
    ]);
    const one = groups[0]!.data[0]!;
    expect(one.value).toEqual([7, 9, 1]);
    expect(one.name).toBe('1. Connected society (impact 9, uncertainty 7)');
  });

  it('sets drivers that share a cell apart, around the cell', () => {
    const twelve = series[2]!.data[0]!.value;
    const fifteen = series[3]!.data.find((d) => d.value[2] === 15)!.value;
    expect(Math.hypot(twelve[0]! - fifteen[0]!, twelve[1]! - fifteen[1]!)).toBeGreaterThan(0.4);
    expect(Math.abs(twelve[0]! - 5)).toBeLessThan(0.35);
    expect(cellOffsets(1)).toEqual([[0, 0]]);
  });
});
