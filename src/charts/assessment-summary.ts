/**
 * The seed's assessment summary: each threat placed by likelihood (x, probability) and harm
 * (y, impact) on its scoring model's range (0..1, so a threat scored last year with another
 * model version still has a place), as a numbered circle; last year's place greyed, with an arrow
 * for the movement; a threat that has not moved shows only this year's circle, as in the seed
 * ("no arrow linking two circles" means static). The numbered legend is drawn inside the chart so
 * that the PNG, the SVG and the document carry it.
 *
 * Decision: many threats share a place (likelihood has few levels), so circles that would cover
 * each other are nudged apart a little (deterministically) and the note says so; the table
 * behind the chart has the exact values.
 */
import { GRID, INK, LAST_YEAR, MUTED, textStyle } from './palette.js';

export interface SummaryPosition {
  /** Likelihood on 0..1 of its model's range. */
  readonly x: number;
  /** Harm on 0..1 of its model's range. */
  readonly y: number;
}

export interface SummaryPointInput {
  /** The number in the circle and the legend. */
  readonly number: number;
  readonly name: string;
  readonly now: SummaryPosition | null;
  readonly previous: SummaryPosition | null;
  /** Whether the place changed since last year (static threats show no grey circle or arrow). */
  readonly moved: boolean;
}

export interface SummaryChartOptions {
  readonly title: string;
  readonly thisYear: string;
  readonly lastYear: string | null;
  /** The chart's width in pixels (default 820), for placing the legend from the left. */
  readonly chartWidth?: number;
  /** The plot area in pixels the nudging assumes (the chart still scales to its box). */
  readonly plotWidth?: number;
  readonly plotHeight?: number;
  /** The priority bands' threshold lines (domain/morile/band-lines.ts), drawn and labelled. */
  readonly bands?: ReadonlyArray<{ readonly label: string; readonly points: ReadonlyArray<readonly [number, number]> }>;
}

/** Band lines: the Priority line darkest, then the others, each dashed and named at its end. */
const BAND_COLOURS = ['#a3191c', '#8a5a00', '#5d4037'];

/** This year's circles: the seed's turquoise, dark enough for white numbers (6.6:1). */
export const THIS_YEAR = '#00695c';
const LAST_YEAR_FILL = '#e3e3e3';
const SYMBOL = 24;
const LEGEND_ROWS = 28;

interface Placed {
  readonly key: string;
  readonly tx: number;
  readonly ty: number;
  x: number;
  y: number;
}

/**
 * Nudges circles (pixel centres) apart until none overlaps another: pairwise pushes, a fixed
 * number of rounds, coincident circles separated along a golden-angle direction so the result
 * is the same every time.
 */
export function spreadApart(
  points: ReadonlyArray<{ key: string; x: number; y: number }>,
  minDistance: number,
  bounds: { width: number; height: number },
): Map<string, { x: number; y: number }> {
  const placed: Placed[] = points.map((p) => ({ key: p.key, tx: p.x, ty: p.y, x: p.x, y: p.y }));
  for (let round = 0; round < 300; round += 1) {
    let moved = false;
    for (let i = 0; i < placed.length; i += 1) {
      for (let j = i + 1; j < placed.length; j += 1) {
        const a = placed[i] as Placed;
        const b = placed[j] as Placed;
        let dx = b.x - a.x;
        let dy = b.y - a.y;
        let d = Math.hypot(dx, dy);
        if (d >= minDistance - 1e-6) continue;
        if (d < 1e-6) {
          const angle = (i * 137.508 + j * 57.3) * (Math.PI / 180);
          [dx, dy, d] = [Math.cos(angle), Math.sin(angle), 1];
        }
        const push = (minDistance - Math.min(d, minDistance)) / 2 + 0.01;
        a.x -= (dx / d) * push;
        a.y -= (dy / d) * push;
        b.x += (dx / d) * push;
        b.y += (dy / d) * push;
        moved = true;
      }
    }
    for (const p of placed) {
      p.x = clamp(p.x, -SYMBOL, bounds.width + SYMBOL);
      p.y = clamp(p.y, -SYMBOL, bounds.height + SYMBOL);
    }
    if (!moved) break;
  }
  return new Map(placed.map((p) => [p.key, { x: p.x, y: p.y }]));
}

export function assessmentSummaryChart(
  points: readonly SummaryPointInput[],
  options: SummaryChartOptions,
): Record<string, unknown> {
  const width = options.plotWidth ?? 560;
  const height = options.plotHeight ?? 420;
  const toPx = (p: SummaryPosition) => ({ x: p.x * width, y: (1 - p.y) * height });
  const fromPx = (p: { x: number; y: number }): [number, number] => [round(p.x / width), round(1 - p.y / height)];
  const showPrevious = (p: SummaryPointInput) => p.previous !== null && (p.now === null || p.moved);
  const circles = [
    ...points.filter((p) => p.now !== null).map((p) => ({ key: `now-${p.number}`, ...toPx(p.now as SummaryPosition) })),
    ...points.filter(showPrevious).map((p) => ({ key: `was-${p.number}`, ...toPx(p.previous as SummaryPosition) })),
  ];
  const at = spreadApart(circles, SYMBOL + 2, { width, height });
  const place = (key: string) => at.get(key) as { x: number; y: number };
  const circle = (p: SummaryPointInput, key: string) => ({
    name: `${p.number}. ${p.name}`,
    value: [...fromPx(place(key)), p.number],
  });
  const arrows = points
    .filter((p) => p.now !== null && p.previous !== null && p.moved)
    .flatMap((p) => {
      const from = place(`was-${p.number}`);
      const to = place(`now-${p.number}`);
      const d = Math.hypot(to.x - from.x, to.y - from.y);
      const r = SYMBOL / 2 + 1;
      if (d <= 2 * r + 4) return []; // touching circles: the grey one beside is movement enough
      const ux = (to.x - from.x) / d;
      const uy = (to.y - from.y) / d;
      return [
        [
          { coord: fromPx({ x: from.x + ux * r, y: from.y + uy * r }) },
          { coord: fromPx({ x: to.x - ux * r, y: to.y - uy * r }) },
        ],
      ];
    });
  const thisYear = `This year (${options.thisYear})`;
  const lastYear = `Last year${options.lastYear === null ? '' : ` (${options.lastYear})`}`;
  const movement = 'Movement since last year';
  const axis = (name: string) => ({
    type: 'value',
    min: -0.08,
    max: 1.08,
    name,
    nameLocation: 'middle',
    nameGap: 26,
    nameTextStyle: { ...textStyle, fontWeight: 'bold' },
    // A scale on the model's range: the lowest score it allows (0) to the highest (1), in quarters.
    axisLabel: {
      customValues: [0, 0.25, 0.5, 0.75, 1],
      show: true,
      color: MUTED,
      fontSize: 10,
      formatter: scaleLabel,
    },
    axisTick: { show: true, customValues: [0, 0.25, 0.5, 0.75, 1], lineStyle: { color: MUTED } },
    splitLine: { show: false },
    axisLine: {
      show: true,
      onZero: false,
      symbol: ['none', 'arrow'],
      symbolSize: [8, 10],
      lineStyle: { color: MUTED },
    },
  });
  const legendBlocks = numberedLegend(points);
  const legendWidth = legendBlocks.length > 1 ? 2 * 190 : 270;
  const chartWidth = options.chartWidth ?? 820;
  const top = options.title === '' ? 16 : 44;
  const legendLeft = chartWidth - legendWidth;
  return {
    animation: false,
    textStyle,
    title: [
      { text: options.title, left: 0, textStyle: { ...textStyle, fontSize: 14, fontWeight: 'bold' } },
      ...legendBlocks.map((lines, i) => ({
        text: i === 0 ? 'Legend' : '',
        subtext: lines.join('\n'),
        left: legendLeft + (i * legendWidth) / legendBlocks.length,
        top: top - 8,
        width: legendWidth / legendBlocks.length,
        textStyle: { ...textStyle, fontSize: 12, fontWeight: 'bold' },
        subtextStyle: { ...textStyle, fontSize: 11, lineHeight: 15, color: INK },
      })),
    ],
    tooltip: { trigger: 'item' },
    // The key, one entry a line under the numbered legend: side by side, SSR's text measure let them overlap.
    legend: {
      orient: 'vertical',
      bottom: 8,
      left: legendLeft,
      itemGap: 8,
      textStyle,
      data: [thisYear, lastYear, movement],
    },
    grid: { left: 56, right: legendWidth + 16, top, bottom: 48 },
    xAxis: axis('Likelihood (probability) →'),
    yAxis: axis('Harm (impact) →'),
    series: [
      {
        name: lastYear,
        type: 'scatter',
        symbolSize: SYMBOL,
        z: 2,
        itemStyle: { color: LAST_YEAR_FILL, borderColor: LAST_YEAR, borderWidth: 1.5, borderType: 'dashed' },
        label: { show: true, position: 'inside', formatter: '{@[2]}', color: '#3d3d3d', fontSize: 11 },
        data: points.filter(showPrevious).map((p) => circle(p, `was-${p.number}`)),
      },
      {
        name: thisYear,
        type: 'scatter',
        symbolSize: SYMBOL,
        z: 3,
        itemStyle: { color: THIS_YEAR, borderColor: '#ffffff', borderWidth: 1 },
        label: {
          show: true,
          position: 'inside',
          formatter: '{@[2]}',
          color: '#ffffff',
          fontSize: 11,
          fontWeight: 'bold',
        },
        data: points.filter((p) => p.now !== null).map((p) => circle(p, `now-${p.number}`)),
        markLine: {
          silent: true,
          symbol: ['none', 'arrow'],
          symbolSize: 8,
          z: 1,
          label: { show: false },
          lineStyle: { color: INK, width: 1.5, type: 'solid' },
          data: arrows,
        },
      },
      // Carries the arrow's legend entry (the arrows themselves are the markLine above).
      { name: movement, type: 'line', data: [], itemStyle: { color: INK }, lineStyle: { color: INK } },
      // The priority bands: the line each band's threshold follows, its name at the line's top end.
      ...(options.bands ?? []).map((b, i) => ({
        name: `${b.label} threshold`,
        type: 'line',
        silent: true,
        z: 1,
        symbol: 'circle',
        symbolSize: 0, // no markers: the symbols only carry the band's name
        showSymbol: true,
        // the band's name where its line enters the top of the plot, clear of the circles and the key
        data: b.points.map((p, k) =>
          k === 0
            ? {
                value: [p[0], p[1]],
                label: {
                  show: true,
                  position: 'right',
                  formatter: b.label,
                  color: BAND_COLOURS[i] ?? MUTED,
                  fontSize: 11,
                  fontWeight: 'bold',
                },
              }
            : [p[0], p[1]],
        ),
        lineStyle: { color: BAND_COLOURS[i] ?? MUTED, width: 1.5, type: 'dashed' },
      })),
      // Quadrant guides at the middle of each range, as on a risk matrix.
      {
        name: 'guides',
        type: 'scatter',
        data: [],
        silent: true,
        z: 0,
        markLine: {
          silent: true,
          symbol: 'none',
          z: 0,
          label: { show: false },
          lineStyle: { color: GRID, type: 'dashed' },
          data: [{ xAxis: 0.5 }, { yAxis: 0.5 }],
        },
      },
    ],
  };
}

/** The axis scale in words at the ends and middle, the quarters as numbers: 0 is the lowest score the model allows, 1 the highest. */
export function scaleLabel(v: number): string {
  const q = Math.round(v * 4);
  if (Math.abs(v * 4 - q) > 1e-6 || q < 0 || q > 4) return '';
  return ['0 (lowest)', '0.25', '0.5', '0.75', '1 (highest)'][q]!;
}

/**
 * "1. CSP" lines, in one column or (for a long list) two; a long name wraps onto an indented
 * line of its own rather than being cut (a reader must be able to tell every threat by its name).
 */
export function numberedLegend(points: readonly SummaryPointInput[]): string[][] {
  const columns = points.length > LEGEND_ROWS ? 2 : 1;
  const limit = columns === 1 ? 40 : 27;
  const entries = [...points]
    .sort((a, b) => a.number - b.number)
    .map((p) => wrapEntry(`${p.number}.`, `${p.name}${p.now === null ? ' (removed)' : ''}`, limit));
  const perColumn = Math.ceil(entries.length / columns);
  return Array.from({ length: columns }, (_, i) => entries.slice(i * perColumn, (i + 1) * perColumn).flat()).filter(
    (c) => c.length > 0,
  );
}

/** "19. Environmental scanning/combined" + "    authority": words kept whole, continuation lines indented under the name. */
function wrapEntry(number: string, name: string, limit: number): string[] {
  const indent = ' '.repeat(number.length + 1);
  const lines: string[] = [];
  let line = number;
  for (const word of name.split(/(?<=[\s/])/)) {
    const piece = word.trimEnd();
    const sep = line === number ? ' ' : line.endsWith('/') ? '' : ' ';
    if (line.trim() !== '' && line !== number && line.length + sep.length + piece.length > limit) {
      lines.push(line);
      line = indent + piece;
    } else line = `${line}${sep}${piece}`;
  }
  lines.push(line);
  // A single word longer than the limit is the only thing cut.
  return lines.map((l) => (l.length > limit + indent.length ? `${l.slice(0, limit + indent.length - 1)}…` : l));
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const round = (x: number) => Math.round(x * 10_000) / 10_000;
