/** The demand charts' specifications: the heat map's 168 cells and the forecast's stacked bands. */
import { describe, expect, it } from 'vitest';
import { forecastBandChart, hourWeekHeatMap } from './demand.js';

describe('demand charts', () => {
  it('draws a cell per weekday and hour, with "-" where the weekday is not covered', () => {
    const perDay = Array.from({ length: 7 }, (_, d) =>
      Array.from({ length: 24 }, (_, h) => (d === 6 ? null : d + h / 10)),
    );
    const option = hourWeekHeatMap(perDay);
    const data = (option['series'] as { data: [number, number, number | string][] }[])[0]!.data;
    expect(data).toHaveLength(168);
    expect(data).toContainEqual([23, 5, 7.3]);
    expect(data).toContainEqual([0, 6, '-']);
    expect((option['visualMap'] as { max: number }).max).toBe(7.3);
  });

  it('stacks each band on its lower bound, so the shaded area runs from lower to upper', () => {
    const option = forecastBandChart(
      [
        { period: '2018-02', value: 90 },
        { period: '2018-03', value: null },
      ],
      [{ period: '2018-04', mean: 100, lo80: 90, hi80: 110, lo95: 80, hi95: 125 }],
      'crimes a month',
    );
    const series = option['series'] as { name: string; stack?: string; data: (number | null)[] }[];
    const byName = Object.fromEntries(series.map((s) => [s.name, s]));
    expect((option['xAxis'] as { data: string[] }).data).toEqual(['2018-02', '2018-03', '2018-04']);
    expect(byName['95% interval lower']!.data).toEqual([null, null, 80]);
    expect(byName['95% interval']!.data).toEqual([null, null, 45]);
    expect(byName['80% interval lower']!.data).toEqual([null, null, 90]);
    expect(byName['80% interval']!.data).toEqual([null, null, 20]);
    expect(byName['recorded']!.data).toEqual([90, null, null]);
    expect(byName['forecast']!.data).toEqual([null, null, 100]);
  });
});
