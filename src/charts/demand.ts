/**
 * The demand pages' charts: incidents a day by hour x weekday (a heat map with each cell's
 * figure written in it, so the colour is never the only carrier), and a monthly series with its
 * forecast and 80% / 95% prediction bands (stacked areas: lower bound, then the band's width).
 */
import { GRID, INK, MUTED, SERIES, textStyle } from './palette.js';

const RAMP = ['#eef3fa', '#c6d7ee', '#8fb0dc', '#4f7fc0', '#1d4e89', '#0d2a4d'];
export const WEEKDAY_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** `perDay[weekday][hour]`, Monday first; null where the weekday is not covered. */
export function hourWeekHeatMap(perDay: readonly (readonly (number | null)[])[]): Record<string, unknown> {
  const values = perDay.flat().filter((v): v is number => v !== null);
  const max = Math.max(1, ...values);
  const data: [number, number, number | string][] = [];
  perDay.forEach((row, d) => row.forEach((v, h) => data.push([h, d, v === null ? '-' : Number(v.toFixed(1))])));
  return {
    animation: false,
    textStyle,
    tooltip: { trigger: 'item' },
    grid: { left: 48, right: 16, top: 16, bottom: 96 },
    xAxis: {
      type: 'category',
      data: Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')),
      name: 'hour of the day (local time)',
      nameLocation: 'middle',
      nameGap: 28,
      axisLabel: { color: MUTED },
      splitArea: { show: false },
    },
    yAxis: {
      type: 'category',
      data: [...WEEKDAY_SHORT],
      inverse: true,
      axisLabel: { color: MUTED },
      splitArea: { show: false },
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max: Number(max.toFixed(1)),
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemWidth: 12,
      itemHeight: 200,
      text: [`${max.toFixed(1)} a day`, '0'],
      textStyle: { ...textStyle, color: INK },
      inRange: { color: RAMP },
      calculable: false,
    },
    series: [
      {
        name: 'incidents a day',
        type: 'heatmap',
        data,
        label: { show: true, fontSize: 9, color: INK, textBorderColor: '#ffffff', textBorderWidth: 2 },
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
      },
    ],
  };
}

export interface BandRow {
  readonly period: string;
  readonly mean: number;
  readonly lo80: number;
  readonly hi80: number;
  readonly lo95: number;
  readonly hi95: number;
}

/** The series as held, then the forecast with its 95% and 80% bands; `unit` names the value axis. */
export function forecastBandChart(
  history: readonly { readonly period: string; readonly value: number | null }[],
  forecast: readonly BandRow[],
  unit: string,
): Record<string, unknown> {
  const periods = [...history.map((h) => h.period), ...forecast.map((f) => f.period)];
  const pad = (xs: readonly (number | null)[]) => [...history.map(() => null), ...xs];
  const r = (x: number) => Math.round(x);
  const band = (name: string, lower: number[], upper: number[], opacity: number, stack: string) => [
    {
      name: `${name} lower`,
      type: 'line',
      stack,
      data: pad(lower),
      lineStyle: { opacity: 0 },
      symbol: 'none',
      tooltip: { show: false },
    },
    {
      name,
      type: 'line',
      stack,
      data: pad(upper.map((u, k) => u - lower[k]!)),
      lineStyle: { opacity: 0 },
      symbol: 'none',
      itemStyle: { color: SERIES[1], opacity: Math.min(1, opacity * 2) },
      // The stacked value is the band's width: the table behind the chart gives the bounds.
      tooltip: { show: false },
      areaStyle: { color: SERIES[1], opacity },
    },
  ];
  return {
    animation: false,
    textStyle,
    tooltip: { trigger: 'axis' },
    legend: {
      bottom: 0,
      data: ['recorded', 'forecast', '80% interval', '95% interval'],
      textStyle: { ...textStyle, color: INK },
    },
    grid: { left: 16, right: 24, top: 24, bottom: 72, containLabel: true },
    xAxis: {
      type: 'category',
      data: periods,
      axisLabel: { color: MUTED },
      name: 'month',
      nameLocation: 'middle',
      nameGap: 28,
    },
    yAxis: {
      type: 'value',
      name: unit,
      nameLocation: 'middle',
      nameGap: 48,
      scale: true,
      axisLabel: { color: MUTED },
      splitLine: { lineStyle: { color: GRID } },
    },
    series: [
      ...band(
        '95% interval',
        forecast.map((f) => r(f.lo95)),
        forecast.map((f) => r(f.hi95)),
        0.15,
        'b95',
      ),
      ...band(
        '80% interval',
        forecast.map((f) => r(f.lo80)),
        forecast.map((f) => r(f.hi80)),
        0.3,
        'b80',
      ),
      {
        name: 'recorded',
        type: 'line',
        data: [...history.map((h) => h.value), ...forecast.map(() => null)],
        itemStyle: { color: SERIES[0] },
        symbolSize: 4,
      },
      {
        name: 'forecast',
        type: 'line',
        data: pad(forecast.map((f) => r(f.mean))),
        itemStyle: { color: SERIES[1] },
        lineStyle: { type: 'dashed' },
        symbolSize: 4,
      },
    ],
  };
}
