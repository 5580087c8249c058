/**
 * The analysis pages' charts: ranked bars (rates, scores, counts) and lines (monthly series, the
 * concentration curve). Every axis is named with its unit, labels are never cut (the grid makes
 * room for them), and the legend names only series that are drawn.
 */
import { GRID, MUTED, SERIES, textStyle } from './palette.js';

export interface BarInput {
  readonly label: string;
  readonly value: number | null;
}

/** Horizontal bars, largest at the top; `unit` names the value axis (e.g. "crimes per 1,000 residents"). */
export function rankedBarChart(
  rows: readonly BarInput[],
  unit: string,
  options: { readonly series?: string; readonly decimals?: number } = {},
): Record<string, unknown> {
  const drawn = rows.filter((r) => r.value !== null).sort((a, b) => (a.value ?? 0) - (b.value ?? 0));
  const d = options.decimals ?? 1;
  return {
    animation: false,
    textStyle,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 16, right: 56, top: 16, bottom: 48, containLabel: true },
    xAxis: {
      type: 'value',
      name: unit,
      nameLocation: 'middle',
      nameGap: 28,
      axisLabel: { color: MUTED },
      splitLine: { lineStyle: { color: GRID } },
    },
    yAxis: { type: 'category', data: drawn.map((r) => r.label), axisLabel: { color: MUTED } },
    series: [
      {
        name: options.series ?? unit,
        type: 'bar',
        data: drawn.map((r) => Number((r.value ?? 0).toFixed(d))),
        itemStyle: { color: SERIES[0] },
        label: { show: drawn.length <= 30, position: 'right', color: MUTED },
      },
    ],
  };
}

export interface LineSeries {
  readonly name: string;
  readonly values: readonly (number | null)[];
  readonly dashed?: boolean;
}

/** Lines over categories (months); the legend lists the lines drawn. */
export function lineChart(
  categories: readonly string[],
  lines: readonly LineSeries[],
  unit: string,
  axis: string,
): Record<string, unknown> {
  return {
    animation: false,
    textStyle,
    tooltip: { trigger: 'axis' },
    legend: lines.length > 1 ? { bottom: 0, textStyle, data: lines.map((l) => l.name) } : undefined,
    grid: { left: 16, right: 24, top: 32, bottom: lines.length > 1 ? 56 : 32, containLabel: true },
    xAxis: {
      type: 'category',
      data: [...categories],
      name: axis,
      nameLocation: 'middle',
      nameGap: 28,
      axisLabel: { color: MUTED },
      axisLine: { lineStyle: { color: GRID } },
    },
    yAxis: { type: 'value', name: unit, axisLabel: { color: MUTED }, splitLine: { lineStyle: { color: GRID } } },
    series: lines.map((l, i) => ({
      name: l.name,
      type: 'line',
      data: [...l.values],
      connectNulls: false,
      symbolSize: 5,
      itemStyle: { color: SERIES[i % SERIES.length] },
      lineStyle: { color: SERIES[i % SERIES.length], width: 2, type: l.dashed ? 'dashed' : 'solid' },
    })),
  };
}

/** The concentration curve: % of harm against % of LSOAs, most harmed first, with the even-spread diagonal. */
export function concentrationChart(
  curve: readonly { readonly areaShare: number; readonly harmShare: number }[],
): Record<string, unknown> {
  const pct = (x: number) => Math.round(x * 1000) / 10;
  return {
    animation: false,
    textStyle,
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, textStyle, data: ['harm in the most harmed LSOAs', 'harm spread evenly'] },
    grid: { left: 16, right: 24, top: 32, bottom: 64, containLabel: true },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      name: '% of LSOAs, most harmed first',
      nameLocation: 'middle',
      nameGap: 28,
      axisLabel: { color: MUTED },
      splitLine: { lineStyle: { color: GRID } },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 100,
      name: '% of all harm',
      axisLabel: { color: MUTED },
      splitLine: { lineStyle: { color: GRID } },
    },
    series: [
      {
        name: 'harm in the most harmed LSOAs',
        type: 'line',
        showSymbol: false,
        data: curve.map((p) => [pct(p.areaShare), pct(p.harmShare)]),
        itemStyle: { color: SERIES[1] },
        lineStyle: { color: SERIES[1], width: 2 },
        areaStyle: { color: SERIES[1], opacity: 0.08 },
      },
      {
        name: 'harm spread evenly',
        type: 'line',
        showSymbol: false,
        data: [
          [0, 0],
          [100, 100],
        ],
        itemStyle: { color: MUTED },
        lineStyle: { color: MUTED, type: 'dashed' },
      },
    ],
  };
}

/**
 * Grouped bars: one group per category, one bar per series (e.g. before / after per area).
 * Long category names (more than a few, or over 14 characters) lie horizontally, so none overlaps.
 */
export function groupedBarChart(
  categories: readonly string[],
  series: readonly { readonly name: string; readonly values: readonly (number | null)[] }[],
  unit: string,
): Record<string, unknown> {
  const horizontal = categories.length > 6 || categories.some((c) => c.length > 14);
  const category = {
    type: 'category',
    data: horizontal ? [...categories].reverse() : [...categories],
    axisLabel: { color: MUTED, interval: 0 },
  };
  const value = {
    type: 'value',
    name: unit,
    ...(horizontal ? { nameLocation: 'middle', nameGap: 28 } : {}),
    axisLabel: { color: MUTED },
    splitLine: { lineStyle: { color: GRID } },
  };
  return {
    animation: false,
    textStyle,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0, textStyle, data: series.map((s) => s.name) },
    grid: { left: 16, right: 48, top: 32, bottom: horizontal ? 64 : 48, containLabel: true },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: series.map((s, i) => ({
      name: s.name,
      type: 'bar',
      data: horizontal ? [...s.values].reverse() : [...s.values],
      itemStyle: { color: SERIES[i % SERIES.length] },
      label: { show: true, position: horizontal ? 'right' : 'top', color: MUTED },
    })),
  };
}
