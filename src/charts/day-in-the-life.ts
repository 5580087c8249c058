/**
 * A day in the life (the seed's "daily demand" diagram, drawn from data): for each measure
 * (incidents, crimes, arrests, missing people reported, mental-health related incidents) the
 * average a day, one bar per force, each bar labelled with its figure. A measure a force's data do
 * not record has no bar for it (the table behind the chart says "not recorded"), never a zero.
 */
import { GRID, MUTED, SERIES, textStyle } from './palette.js';

export interface DayInTheLifeInput {
  readonly force: string;
  /** Average a day for each of `measures`, in the same order; null when not recorded. */
  readonly perDay: readonly (number | null)[];
}

export function dayInTheLifeChart(
  measures: readonly string[],
  forces: readonly DayInTheLifeInput[],
  title: string,
): Record<string, unknown> {
  // ECharts draws a category axis upwards: reversed, the first measure is at the top.
  const order = [...measures.keys()].reverse();
  return {
    animation: false,
    textStyle,
    title: { text: title, left: 0, textStyle: { ...textStyle, fontSize: 14, fontWeight: 'bold' } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0, itemGap: 32, textStyle, data: forces.map((f) => f.force) },
    grid: { left: 16, right: 56, top: title ? 40 : 16, bottom: 64, containLabel: true },
    xAxis: {
      type: 'value',
      name: 'average a day',
      nameLocation: 'middle',
      nameGap: 28,
      axisLabel: { color: MUTED },
      splitLine: { lineStyle: { color: GRID } },
    },
    yAxis: { type: 'category', data: order.map((i) => measures[i]), axisLabel: { color: MUTED } },
    series: forces.map((f, k) => ({
      name: f.force,
      type: 'bar',
      data: order.map((i) => (f.perDay[i] === null ? null : Math.round(f.perDay[i]! * 10) / 10)),
      itemStyle: { color: SERIES[k % SERIES.length] },
      label: { show: true, position: 'right', color: MUTED, formatter: '{c}' },
    })),
  };
}
