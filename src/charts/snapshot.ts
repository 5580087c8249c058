/**
 * The seed's performance snapshot: each crime type placed by its change on last year (x) and its
 * share of all crime (y), bubble area by share of harm; the types to report on are labelled.
 */
import { ALERT, GRID, MUTED, SERIES, textStyle } from './palette.js';

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
    itemStyle: { color: r.report ? ALERT : SERIES[0], opacity: 0.8 },
    label: { show: r.report, formatter: r.label ?? r.category, position: 'right', color: '#1b1b1b' },
  });
  return {
    animation: false,
    textStyle,
    title: { text: title, left: 0, textStyle: { ...textStyle, fontSize: 14, fontWeight: 'bold' } },
    tooltip: { trigger: 'item' },
    grid: { left: 56, right: 24, top: 40, bottom: 48 },
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
    series: [
      {
        type: 'scatter',
        data: placed.map(point),
        symbolSize: (v: number[]) => 8 + Math.sqrt(Math.max(0, v[2] ?? 0)) * 6,
        markLine: { silent: true, symbol: 'none', lineStyle: { color: MUTED, type: 'dashed' }, data: [{ xAxis: 0 }] },
      },
    ],
  };
}

const round = (x: number) => Math.round(x * 10) / 10;
