/** Harm beside volume: each row's share of crimes and share of harm as paired bars, largest harm first. */
import { GRID, MUTED, SERIES, textStyle } from './palette.js';

export interface HarmVolumeInput {
  readonly label: string;
  readonly volumeShare: number;
  readonly harmShare: number;
}

export function harmVolumeChart(rows: readonly HarmVolumeInput[], title: string): Record<string, unknown> {
  const sorted = [...rows].sort((a, b) => a.harmShare - b.harmShare);
  return {
    animation: false,
    textStyle,
    title: { text: title, left: 0, textStyle: { ...textStyle, fontSize: 14, fontWeight: 'bold' } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    // Items well apart: the server-side renderer measures text narrower than it prints, so close items ran together.
    legend: { bottom: 0, itemGap: 32, textStyle },
    grid: { left: 16, right: 24, top: 40, bottom: 64, containLabel: true },
    xAxis: {
      type: 'value',
      name: '% of all crimes or of all harm',
      nameLocation: 'middle',
      nameGap: 28,
      axisLabel: { color: MUTED },
      splitLine: { lineStyle: { color: GRID } },
    },
    yAxis: {
      type: 'category',
      data: sorted.map((r) => r.label),
      axisLabel: { color: MUTED },
    },
    series: [
      {
        name: '% of crimes',
        type: 'bar',
        data: sorted.map((r) => pct(r.volumeShare)),
        itemStyle: { color: SERIES[0] },
      },
      { name: '% of harm', type: 'bar', data: sorted.map((r) => pct(r.harmShare)), itemStyle: { color: SERIES[1] } },
    ],
  };
}

const pct = (x: number) => Math.round(x * 1000) / 10;
