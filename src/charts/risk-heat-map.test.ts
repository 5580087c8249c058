import { describe, expect, it } from 'vitest';
import { heatMap } from '../domain/risk/heat-map.js';
import { riskScale } from '../domain/risk/scale.js';
import { bandRanges } from '../domain/risk/rating.js';
import { cellText, riskHeatMapChart } from './risk-heat-map.js';
import { riskHistoryChart } from './risk-history.js';

const map = heatMap(riskScale(5), [
  { id: 1, reference: 'SR01', title: 'Demand', likelihood: 4, impact: 4, previous: { likelihood: 4, impact: 5 } },
  { id: 2, reference: 'SR02', title: 'Systems', likelihood: 3, impact: 4, previous: { likelihood: 3, impact: 4 } },
  { id: 6, reference: 'SR06', title: 'ICT', likelihood: 3, impact: 4, previous: { likelihood: 3, impact: 3 } },
  { id: 9, reference: 'SR09', title: 'New', likelihood: 3, impact: 4, previous: null },
]);

type HeatSeries = { type: string; data: Array<{ value: number[]; label: { formatter: string } }> };
const heatSeries = (option: Record<string, unknown>) => (option['series'] as HeatSeries[])[0]!;

describe('the risk heat map chart', () => {
  const option = riskHeatMapChart(map, { title: 'Heat map' });

  it('draws every cell of the 5x5 grid, likelihood across and impact up, labelled by level', () => {
    const series = heatSeries(option);
    expect(series.type).toBe('heatmap');
    expect(series.data).toHaveLength(25);
    expect((option['xAxis'] as { data: string[] }).data).toEqual([
      '1 Rare',
      '2 Unlikely',
      '3 Possible',
      '4 Likely',
      '5 Almost certain',
    ]);
    expect((option['yAxis'] as { data: string[] }).data[4]).toBe('5 Severe');
  });

  it('writes the rating, the count and each reference with its movement arrow in the cell (colour is not the only cue)', () => {
    const cell = heatSeries(option).data.find((d) => d.value[0] === 2 && d.value[1] === 3)!;
    expect(cell.label.formatter).toBe('High (12)\n3 risks:\nSR02→ SR06↑\nSR09*');
    const empty = heatSeries(option).data.find((d) => d.value[0] === 0 && d.value[1] === 0)!;
    expect(empty.label.formatter).toBe('Low (1)');
    const pieces = (option['visualMap'] as { pieces: { label: string; color: string }[] }).pieces;
    expect(pieces.map((p) => p.label)).toEqual(['Low', 'Medium', 'High', 'Very high']);
  });

  it('shortens a crowded cell with "+n more"', () => {
    const cell = map.rows[1]!.cells[2]!;
    expect(cellText(cell, 2)).toBe('High (12)\n3 risks:\nSR02→ SR06↑\n+1 more');
  });
});

describe('the risk history chart', () => {
  it('plots the score at each review, labelled with its rating, over the rating bands', () => {
    const option = riskHistoryChart(
      [
        { dated: '2016-12-05', likelihood: 4, impact: 4, score: 16, rating: 'high' },
        { dated: '2017-01-09', likelihood: 4, impact: 5, score: 20, rating: 'very high' },
      ],
      { scaleSize: 5, bands: bandRanges({ size: 5 }) },
    );
    const [line] = option['series'] as Array<{
      data: Array<{ value: number; label: { formatter: string } }>;
      markArea: { data: Array<[{ name: string; yAxis: number }, { yAxis: number }]> };
    }>;
    expect(line!.data.map((d) => d.label.formatter)).toEqual(['16 high (4×4)', '20 very high (4×5)']);
    expect(line!.markArea.data.map(([from, to]) => [from.name, from.yAxis, to.yAxis])).toEqual([
      ['Low', 0, 4],
      ['Medium', 4, 9],
      ['High', 9, 16],
      ['Very high', 16, 25],
    ]);
    expect((option['yAxis'] as { max: number }).max).toBe(25);
  });
});
