/**
 * A risk's history as a chart: its residual score at each dated review (the first is the initial
 * assessment), each point labelled with the score and rating, over bands shaded by rating so a
 * reader sees when the risk crossed from one rating to another. The rating is written at each
 * point and on each band, so colour is never the only cue.
 */
import { GRID, INK, MUTED, SERIES, textStyle } from './palette.js';
import { ratingFill, ratingLabel } from './risk-heat-map.js';

export interface HistoryPoint {
  /** YYYY-MM-DD. */
  readonly dated: string;
  readonly likelihood: number;
  readonly impact: number;
  readonly score: number;
  readonly rating: string;
}

export interface HistoryChartOptions {
  readonly title?: string;
  /** Levels per axis of the risk's scale (5 for 5x5): the score runs to size². */
  readonly scaleSize: number;
  /** The score range of each rating on this scale, lowest first (bandRanges in the domain). */
  readonly bands: ReadonlyArray<{ readonly rating: string; readonly from: number; readonly to: number }>;
}

export function riskHistoryChart(
  points: readonly HistoryPoint[],
  options: HistoryChartOptions,
): Record<string, unknown> {
  const max = options.scaleSize * options.scaleSize;
  const title = options.title ?? '';
  // Each band spans from just above the previous band's top score to its own top score.
  let below = 0;
  const areas = options.bands.map((b) => {
    const area = [
      { name: ratingLabel(b.rating), yAxis: below, itemStyle: { color: ratingFill(b.rating), opacity: 0.55 } },
      { yAxis: b.to },
    ];
    below = b.to;
    return area;
  });
  return {
    animation: false,
    textStyle,
    title: { text: title, left: 0, textStyle: { ...textStyle, fontSize: 14, fontWeight: 'bold' } },
    tooltip: { trigger: 'axis' },
    grid: { left: 64, right: 88, top: title === '' ? 24 : 48, bottom: 40 },
    xAxis: {
      type: 'category',
      data: points.map((p) => p.dated),
      axisLabel: { color: MUTED },
      axisLine: { lineStyle: { color: GRID } },
      boundaryGap: true,
    },
    yAxis: {
      type: 'value',
      min: 0,
      max,
      name: 'Score (likelihood × impact)',
      nameLocation: 'middle',
      nameGap: 36,
      nameTextStyle: { color: MUTED },
      axisLabel: { color: MUTED },
      splitLine: { lineStyle: { color: GRID } },
    },
    series: [
      {
        name: 'Residual score',
        type: 'line',
        step: false,
        symbolSize: 8,
        itemStyle: { color: SERIES[0] },
        lineStyle: { color: SERIES[0], width: 2 },
        label: { show: true, position: 'top', color: INK, fontWeight: 'bold' },
        data: points.map((p) => ({ value: p.score, label: { formatter: pointLabel(p) } })),
        markArea: { silent: true, label: { show: true, position: 'right', color: INK, fontSize: 11 }, data: areas },
      },
    ],
  };
}

/** "16 high (4×4)". */
export function pointLabel(p: HistoryPoint | undefined): string {
  return p === undefined ? '' : `${p.score} ${p.rating} (${p.likelihood}×${p.impact})`;
}
