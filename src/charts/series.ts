/**
 * Monthly counts with the expected level and control limits (the trends explorer and the
 * document): the band between the limits is shaded, months outside it are marked.
 */
import { ALERT, GRID, MUTED, SERIES, textStyle } from './palette.js';

export interface SeriesPointInput {
  readonly month: string;
  readonly count: number | null;
  readonly expected: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly flag: string;
}

export function seriesChart(points: readonly SeriesPointInput[], title: string): Record<string, unknown> {
  const months = points.map((p) => p.month);
  const lower = points.map((p) => p.lower);
  const band = points.map((p) => (p.upper === null || p.lower === null ? null : p.upper - p.lower));
  const outside = points.map((p) => (p.flag === 'above' || p.flag === 'below' ? p.count : null));
  return {
    animation: false,
    textStyle,
    title: { text: title, left: 0, textStyle: { ...textStyle, fontSize: 14, fontWeight: 'bold' } },
    tooltip: { trigger: 'axis' },
    // The lower limit is an invisible base for the shaded band: the legend names only what is drawn.
    legend: {
      bottom: 0,
      itemGap: 32,
      textStyle,
      data: ['control limits', 'expected', 'recorded', 'outside the limits'],
    },
    grid: { left: 16, right: 16, top: 40, bottom: 56, containLabel: true },
    xAxis: { type: 'category', data: months, axisLabel: { color: MUTED }, axisLine: { lineStyle: { color: GRID } } },
    yAxis: {
      type: 'value',
      name: 'crimes per month',
      axisLabel: { color: MUTED },
      splitLine: { lineStyle: { color: GRID } },
    },
    series: [
      {
        name: 'lower limit',
        type: 'line',
        data: lower,
        stack: 'limits',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        tooltip: { show: false },
      },
      {
        name: 'control limits',
        type: 'line',
        data: band,
        stack: 'limits',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        areaStyle: { color: '#1d4e89', opacity: 0.12 },
        itemStyle: { color: '#c6d7ee' }, // the legend's swatch: the band's colour
      },
      {
        name: 'expected',
        type: 'line',
        data: points.map((p) => p.expected),
        symbol: 'none',
        lineStyle: { type: 'dashed', color: MUTED },
      },
      {
        name: 'recorded',
        type: 'line',
        data: points.map((p) => p.count),
        symbolSize: 5,
        itemStyle: { color: SERIES[0] },
        lineStyle: { color: SERIES[0], width: 2 },
      },
      { name: 'outside the limits', type: 'scatter', data: outside, symbolSize: 10, itemStyle: { color: ALERT } },
    ],
  };
}
