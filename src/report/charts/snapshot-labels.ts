/**
 * Labels of the performance snapshot for print. A printed chart cannot be hovered, and names of
 * crime types placed beside bubbles that crowd together either cover each other or (with ECharts
 * hiding overlaps) go missing, leaving bubbles no reader can name. So in print every bubble
 * carries a number, the key beside the plot names each number (in the order of the table under the
 * chart), the zero line carries no number, and the legend and the note on bubble size are laid out
 * one under the other in the key's column, where nothing can run into anything else.
 */
import { INK, MUTED, textStyle } from '../../charts/palette.js';

type Point = { name: string; value: number[]; label?: Record<string, unknown> };

/** Width of the key column, in pixels of the chart. */
const KEY_WIDTH = 210;

/**
 * The snapshot option with each bubble numbered and a numbered key to its right. `order` is the
 * crime types' names in the table's order (numbers follow it); `width` is the chart's width.
 */
export function spreadLabels(
  option: Record<string, unknown>,
  width: number,
  order: readonly string[],
): Record<string, unknown> {
  const all = (option.series as Array<Record<string, unknown>>).flatMap((s) => (s.data as Point[] | undefined) ?? []);
  const drawn = order.filter((n) => all.some((p) => p.name === n));
  const number = new Map(drawn.map((n, i) => [n, i + 1]));
  const series = (option.series as Array<Record<string, unknown>>).map((s) => ({
    ...s,
    data: ((s.data as Point[] | undefined) ?? []).map((p) => ({
      ...p,
      label: {
        show: true,
        formatter: String(number.get(p.name) ?? ''),
        position: 'right',
        distance: 3,
        color: INK,
        fontSize: 10,
        fontWeight: 'bold',
      },
    })),
    label: { show: true, position: 'right' },
    labelLine: { show: true, length2: 4, lineStyle: { color: MUTED } },
    // Numbers are short: those that would still touch are moved apart and joined to their bubble.
    labelLayout: { moveOverlap: 'shiftY', hideOverlap: false },
    ...(s.markLine ? { markLine: { ...(s.markLine as object), label: { show: false } } } : {}),
  }));
  const left = width - KEY_WIDTH + 8;
  const keyLines = drawn.map((n, i) => `${i + 1}. ${n}`);
  const keyHeight = 22 + keyLines.length * 15;
  const names = (option.legend as { data?: string[] } | undefined)?.data ?? [];
  return {
    ...option,
    title: [
      ...(Array.isArray(option.title) ? option.title : option.title ? [option.title] : []),
      {
        text: 'Key',
        subtext: keyLines.join('\n'),
        left,
        top: 8,
        textStyle: { ...textStyle, fontSize: 12, fontWeight: 'bold' },
        subtextStyle: { ...textStyle, fontSize: 11, lineHeight: 15, color: INK },
      },
    ],
    // The colours, one a line, then the note on bubble size, under the key.
    legend: {
      orient: 'vertical',
      left,
      top: 8 + keyHeight + 14,
      itemGap: 8,
      textStyle,
      data: names,
    },
    graphic: [
      {
        type: 'text',
        left,
        top: 8 + keyHeight + 14 + names.length * 22 + 8,
        style: { text: 'Bubble area: share of harm', fill: MUTED, font: `12px ${textStyle.fontFamily}` },
      },
    ],
    grid: { ...(option.grid as object), right: KEY_WIDTH + 8, bottom: 40 },
    series,
  };
}
