/**
 * The strategic risk heat map (the seed's Section 5: "Strategic Risk is mapped using a 'heat map'
 * based on two axis; Likelihood and Harm/Impact"): likelihood across, impact up, each cell filled
 * with its rating's colour and labelled with the rating in words, the count, and each risk's
 * reference with an arrow for its movement since the previous review. The words are there so
 * colour is never the only cue (and the map reads in grey print).
 *
 * Takes the register's heat map as the store gives it (riskHeatMap), so the page, the PNG/SVG
 * downloads and the document draw the same cells.
 */
import { INK, MUTED, textStyle } from './palette.js';

export interface HeatMapChartRisk {
  readonly reference: string;
  readonly title: string;
  readonly movement: 'up' | 'down' | 'same' | 'new';
}

export interface HeatMapChartCell {
  readonly likelihood: number;
  readonly impact: number;
  readonly score: number;
  readonly rating: string;
  readonly count: number;
  readonly risks: readonly HeatMapChartRisk[];
}

export interface HeatMapChartInput {
  readonly scale: {
    readonly size: number;
    readonly likelihoodLabels: readonly string[];
    readonly impactLabels: readonly string[];
  };
  /** Highest impact first, as the store gives them. */
  readonly rows: ReadonlyArray<{ readonly impact: number; readonly cells: readonly HeatMapChartCell[] }>;
  readonly total: number;
}

export interface HeatMapChartOptions {
  readonly title?: string;
  /** At most this many references are written in a cell before "+n more". */
  readonly perCell?: number;
}

/** Rating fills, light enough for dark text (at least 7:1 against the ink colour). */
export const RATING_FILL: Readonly<Record<string, string>> = {
  low: '#cfe8cf',
  medium: '#fff2b3',
  high: '#ffd1a6',
  'very high': '#f6b3b3',
};
const OTHER_FILL = '#eeeeee';

export const MOVEMENT_ARROW: Readonly<Record<HeatMapChartRisk['movement'], string>> = {
  up: '↑',
  down: '↓',
  same: '→',
  new: '*',
};
export const MOVEMENT_WORDS: Readonly<Record<HeatMapChartRisk['movement'], string>> = {
  up: 'up',
  down: 'down',
  same: 'unchanged',
  new: 'new',
};

export const ratingFill = (rating: string): string => RATING_FILL[rating] ?? OTHER_FILL;

/** "High" from "high". */
export const ratingLabel = (rating: string): string => rating.charAt(0).toUpperCase() + rating.slice(1);

/** "1 Rare": a level with its label (numbered scales give the number alone). */
export function levelLabel(labels: readonly string[], level: number): string {
  const label = labels[level - 1];
  return label === undefined || label === String(level) ? String(level) : `${level} ${label}`;
}

/** The text written in a cell: rating and score, then the references with their arrows. */
export function cellText(cell: HeatMapChartCell, perCell = 4): string {
  const head = `${ratingLabel(cell.rating)} (${cell.score})`;
  if (cell.count === 0) return head;
  const count = `${cell.count} risk${cell.count === 1 ? '' : 's'}:`;
  const shown = cell.risks.slice(0, perCell).map((r) => `${r.reference}${MOVEMENT_ARROW[r.movement]}`);
  const lines: string[] = [];
  for (let i = 0; i < shown.length; i += 2) lines.push(shown.slice(i, i + 2).join(' '));
  if (cell.risks.length > perCell) lines.push(`+${cell.risks.length - perCell} more`);
  return [head, count, ...lines].join('\n');
}

export function riskHeatMapChart(map: HeatMapChartInput, options: HeatMapChartOptions = {}): Record<string, unknown> {
  const { size, likelihoodLabels, impactLabels } = map.scale;
  const levels = Array.from({ length: size }, (_, i) => i + 1);
  const cells = map.rows.flatMap((r) => r.cells);
  const title = options.title ?? '';
  const top = title === '' ? 16 : 44;
  // ECharts draws a cartesian heat map only through a visual map: the third value is the
  // rating's place (lowest first), mapped to its fill; the map itself is not shown.
  const ratings = [...new Set([...cells].sort((a, b) => a.score - b.score).map((c) => c.rating))];
  return {
    animation: false,
    textStyle,
    title: { text: title, left: 0, textStyle: { ...textStyle, fontSize: 14, fontWeight: 'bold' } },
    tooltip: { trigger: 'item' },
    // Room under the axis name for the note on arrows: at 64 the server-side renderer set the two on one another.
    grid: { left: 112, right: 16, top, bottom: 88 },
    xAxis: {
      type: 'category',
      data: levels.map((l) => levelLabel(likelihoodLabels, l)),
      name: 'Likelihood →',
      nameLocation: 'middle',
      nameGap: 34,
      nameTextStyle: { ...textStyle, fontWeight: 'bold' },
      axisLabel: { color: INK, interval: 0 },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: MUTED } },
      splitArea: { show: false },
    },
    yAxis: {
      type: 'category',
      data: levels.map((l) => levelLabel(impactLabels, l)),
      name: 'Harm / impact →',
      nameLocation: 'middle',
      nameGap: 100,
      nameTextStyle: { ...textStyle, fontWeight: 'bold' },
      axisLabel: { color: INK },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: MUTED } },
      splitArea: { show: false },
    },
    visualMap: {
      show: false,
      type: 'piecewise',
      dimension: 2,
      seriesIndex: 0,
      pieces: ratings.map((r, i) => ({ value: i, label: ratingLabel(r), color: ratingFill(r) })),
    },
    series: [
      {
        name: 'Strategic risks',
        type: 'heatmap',
        itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
        emphasis: { itemStyle: { borderColor: INK, borderWidth: 2 } },
        label: { show: true, color: INK, fontSize: 11, lineHeight: 14, fontFamily: textStyle.fontFamily },
        tooltip: { formatter: '{b}' },
        data: cells.map((c) => ({
          name: tooltipText(c, likelihoodLabels, impactLabels),
          value: [c.likelihood - 1, c.impact - 1, ratings.indexOf(c.rating), c.count],
          label: { formatter: cellText(c, options.perCell), fontWeight: c.count > 0 ? 'bold' : 'normal' },
        })),
      },
    ],
    graphic: [
      {
        type: 'text',
        left: 0,
        bottom: 0,
        style: {
          text: `${map.total} risk${map.total === 1 ? '' : 's'}. Arrows: ↑ score up, ↓ down, → unchanged, * new since the previous review.`,
          fill: MUTED,
          font: `11px ${textStyle.fontFamily}`,
        },
      },
    ],
  };
}

function tooltipText(c: HeatMapChartCell, likelihood: readonly string[], impact: readonly string[]): string {
  const where = `Impact ${levelLabel(impact, c.impact)} × likelihood ${levelLabel(likelihood, c.likelihood)}: score ${c.score}, ${c.rating}`;
  return c.risks.length === 0
    ? where
    : `${where}; ${c.risks.map((r) => `${r.reference} ${r.title} (${MOVEMENT_WORDS[r.movement]})`).join('; ')}`;
}
