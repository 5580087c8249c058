/**
 * The change drivers matrix (the seed's "Environmental Scanning PESTELO: impact of future
 * change"): each driver a numbered point by its level of uncertainty (across) and impact (up),
 * on the 1-10 scale, with the dividing lines between low (1-5) and high (6-10) and each quadrant
 * named. Drivers are drawn by group (Social, Partner, Policing Challenges) with a different shape
 * as well as colour, so the group never rests on colour alone; the number in each point matches
 * the list and the table behind the chart.
 *
 * Takes the matrix as the store gives it (driverMatrix), so the page and the document draw the
 * same points. Drivers sharing a cell are set a little apart around it (deterministically).
 */
import { INK, MUTED, SERIES, textStyle } from './palette.js';

export interface MatrixChartDriver {
  readonly number: number;
  readonly name: string;
  readonly impact: number;
  readonly uncertainty: number;
  readonly challenge: string | null;
}

export interface MatrixChartInput {
  readonly scale: { readonly min: number; readonly max: number; readonly highFrom: number };
  readonly quadrants: ReadonlyArray<{
    readonly id: string;
    readonly name: string;
    readonly impact: 'high' | 'low';
    readonly uncertainty: 'high' | 'low';
    readonly drivers: readonly MatrixChartDriver[];
  }>;
}

export interface MatrixChartOptions {
  readonly title?: string;
}

/** Group styles: colour and shape, in the seed's order. */
export const DRIVER_GROUP_STYLE: ReadonlyArray<{
  readonly key: string | null;
  readonly label: string;
  readonly colour: string;
  readonly symbol: string;
  readonly size: number;
}> = [
  { key: 'social', label: 'Social Challenges', colour: SERIES[0], symbol: 'circle', size: 24 },
  { key: 'partner', label: 'Partner Challenges', colour: SERIES[1], symbol: 'roundRect', size: 22 },
  { key: 'policing', label: 'Policing Challenges', colour: SERIES[2], symbol: 'diamond', size: 30 },
  { key: null, label: 'Not grouped', colour: SERIES[7], symbol: 'triangle', size: 30 },
];

/** Offsets (in scale units) for n drivers sharing a cell: one in the middle, more around it. */
export function cellOffsets(n: number): Array<[number, number]> {
  if (n <= 1) return [[0, 0]];
  const radius = n <= 4 ? 0.24 : 0.32;
  return Array.from({ length: n }, (_, i) => {
    const angle = Math.PI / 2 + (2 * Math.PI * i) / n;
    return [round(radius * Math.cos(angle)), round(radius * Math.sin(angle))];
  });
}

export function driversMatrixChart(
  matrix: MatrixChartInput,
  options: MatrixChartOptions = {},
): Record<string, unknown> {
  const { min, max, highFrom } = matrix.scale;
  const drivers = matrix.quadrants.flatMap((q) => q.drivers);
  const byCell = new Map<string, MatrixChartDriver[]>();
  for (const d of [...drivers].sort((a, b) => a.number - b.number)) {
    const key = `${d.impact}:${d.uncertainty}`;
    byCell.set(key, [...(byCell.get(key) ?? []), d]);
  }
  const placed = new Map<number, [number, number]>();
  for (const group of byCell.values()) {
    const offsets = cellOffsets(group.length);
    group.forEach((d, i) => {
      const [dx, dy] = offsets[i] ?? [0, 0];
      placed.set(d.number, [round(d.uncertainty + dx), round(d.impact + dy)]);
    });
  }
  const divide = highFrom - 0.5;
  // Whole-number ends so the ticks fall on the scale's points; the ends themselves are not labelled.
  const lo = min - 1;
  const hi = max + 1;
  const quadrant = (impact: 'high' | 'low', uncertainty: 'high' | 'low') =>
    matrix.quadrants.find((q) => q.impact === impact && q.uncertainty === uncertainty);
  const area = (impact: 'high' | 'low', uncertainty: 'high' | 'low', fill: string) => {
    const q = quadrant(impact, uncertainty);
    const [x0, x1] = uncertainty === 'high' ? [divide, hi] : [lo, divide];
    const [y0, y1] = impact === 'high' ? [divide, hi] : [lo, divide];
    return [
      {
        name: q?.name ?? '',
        xAxis: x0,
        yAxis: y1,
        itemStyle: { color: fill },
        label: { position: uncertainty === 'high' ? 'insideTopRight' : 'insideTopLeft' },
      },
      { xAxis: x1, yAxis: y0 },
    ];
  };
  const groups = DRIVER_GROUP_STYLE.filter((g) => drivers.some((d) => d.challenge === g.key));
  const axis = (name: string) => ({
    type: 'value',
    min: lo,
    max: hi,
    interval: 1,
    name,
    nameLocation: 'middle',
    nameGap: 28,
    nameTextStyle: { ...textStyle, fontWeight: 'bold' },
    axisLabel: { color: MUTED, showMinLabel: false, showMaxLabel: false },
    axisTick: { show: false },
    splitLine: { show: false },
    axisLine: { lineStyle: { color: MUTED } },
  });
  const title = options.title ?? '';
  return {
    animation: false,
    textStyle,
    title: { text: title, left: 0, textStyle: { ...textStyle, fontSize: 14, fontWeight: 'bold' } },
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, left: 0, itemGap: 24, textStyle, data: groups.map((g) => g.label) },
    grid: { left: 48, right: 16, top: title === '' ? 16 : 44, bottom: 72 },
    xAxis: axis('Level of uncertainty →'),
    yAxis: axis('Impact →'),
    series: [
      {
        name: 'quadrants',
        type: 'scatter',
        data: [],
        silent: true,
        markArea: {
          silent: true,
          label: { show: true, color: INK, fontWeight: 'bold', fontSize: 12, fontFamily: textStyle.fontFamily },
          data: [
            area('high', 'low', '#eef3f9'),
            area('high', 'high', '#fbeee6'),
            area('low', 'low', '#f7f7f7'),
            area('low', 'high', '#f3f0f8'),
          ],
        },
        markLine: {
          silent: true,
          symbol: 'none',
          label: { show: false },
          lineStyle: { color: MUTED, type: 'dashed', width: 1 },
          data: [{ xAxis: divide }, { yAxis: divide }],
        },
      },
      ...groups.map((g) => ({
        name: g.label,
        type: 'scatter',
        symbol: g.symbol,
        symbolSize: g.size,
        z: 3,
        itemStyle: { color: g.colour, borderColor: '#ffffff', borderWidth: 1 },
        label: {
          show: true,
          position: 'inside',
          formatter: '{@[2]}',
          color: '#ffffff',
          fontSize: 11,
          fontWeight: 'bold',
        },
        tooltip: { formatter: '{b}' },
        data: drivers
          .filter((d) => d.challenge === g.key)
          .sort((a, b) => a.number - b.number)
          .map((d) => ({
            name: `${d.number}. ${d.name} (impact ${d.impact}, uncertainty ${d.uncertainty})`,
            value: [...(placed.get(d.number) ?? [d.uncertainty, d.impact]), d.number],
          })),
      })),
    ],
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
