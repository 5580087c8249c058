/**
 * The seed's performance snapshot: each crime type placed by its change on last year (x) and its
 * share of all crime (y), bubble area by share of harm; every type is named, the ones to report
 * on in red and in the legend, and labels that would collide are moved apart.
 */
import { ALERT, GRID, INK, MUTED, SERIES, textStyle } from './palette.js';

export interface SnapshotRowInput {
  readonly category: string;
  readonly label?: string;
  readonly percentChange: number | null;
  readonly share: number | null;
  readonly harmShare: number | null;
  readonly report: boolean;
}

export function snapshotChart(rows: readonly SnapshotRowInput[], title: string): Record<string, unknown> {
  const placed = rows.filter((r) => r.percentChange !== null && r.share !== null);
  const point = (r: SnapshotRowInput) => ({
    name: r.label ?? r.category,
    value: [round(r.percentChange ?? 0), round((r.share ?? 0) * 100), round((r.harmShare ?? 0) * 100)],
  });
  const group = (report: boolean) => ({
    name: report ? 'to report on' : 'other crime types',
    type: 'scatter',
    data: placed.filter((r) => r.report === report).map(point),
    symbolSize: (v: number[]) => 8 + Math.sqrt(Math.max(0, v[2] ?? 0)) * 6,
    itemStyle: { color: report ? ALERT : SERIES[0], opacity: 0.8 },
    // Every bubble is named; labels that would collide are moved apart and joined to their bubble.
    label: {
      show: true,
      formatter: '{b}',
      position: 'right',
      color: report ? INK : MUTED,
      fontSize: report ? 12 : 10,
    },
    labelLine: { show: true, lineStyle: { color: GRID } },
    labelLayout: { moveOverlap: 'shiftY', hideOverlap: false },
    ...(report
      ? {
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: MUTED, type: 'dashed' },
            label: { show: false },
            data: [{ xAxis: 0 }],
          },
        }
      : {}),
  });
  return {
    animation: false,
    textStyle,
    title: { text: title, left: 0, textStyle: { ...textStyle, fontSize: 14, fontWeight: 'bold' } },
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; value: number[] }) =>
        `${p.name}: ${p.value[0]}% on last year; ${p.value[1]}% of all crime; ${p.value[2]}% of harm`,
    },
    legend: { bottom: 0, textStyle, data: ['to report on', 'other crime types'] },
    graphic: [
      {
        type: 'text',
        right: 8,
        bottom: 4,
        style: { text: 'Bubble area: share of harm', fill: MUTED, font: `12px ${textStyle.fontFamily}` },
      },
    ],
    // Room on the right for the labels of the largest rises, so none is cut.
    grid: { left: 16, right: 150, top: 40, bottom: 64, containLabel: true },
    xAxis: {
      type: 'value',
      name: '% change on last year',
      nameLocation: 'middle',
      nameGap: 28,
      axisLabel: { color: MUTED },
      splitLine: { lineStyle: { color: GRID } },
    },
    yAxis: {
      type: 'value',
      name: '% of all crime',
      axisLabel: { color: MUTED },
      splitLine: { lineStyle: { color: GRID } },
    },
    series: [group(true), group(false)],
  };
}

const round = (x: number) => Math.round(x * 10) / 10;
