/**
 * The Word tables' column widths: the table's proportions, but never a column narrower than its
 * header's longest word (LibreOffice broke "Rank", "Days" and "incidents" mid-word in the demo).
 */
import { expect, it } from 'vitest';
import { columnWidths } from './docx-blocks.js';

it("keeps the proportions, widening a column only as far as its header needs, at the others' cost", () => {
  const summary = [
    { header: 'Rank', width: 1 },
    { header: 'Threat', width: 8 },
    { header: 'Likelihood 2017/18', width: 2 },
    { header: 'Harm 2017/18', width: 2 },
  ];
  const w = columnWidths(summary, 17, 9000);
  expect(w.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(8998);
  expect(w.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(9002);
  // "Rank" at 8.5 pt bold is given about 730 twips with the cell's margins; its share was 692.
  expect(w[0]).toBeGreaterThanOrEqual(729);
  expect(
    columnWidths(
      [
        { header: 'Days', width: 1 },
        { header: 'Force', width: 19 },
      ],
      17,
      9000,
    )[0],
  ).toBeGreaterThan(9000 / 20);
  // Wide enough already: untouched.
  expect(columnWidths([{ header: 'A' }, { header: 'B' }], 17, 9000)).toEqual([4500, 4500]);
  // Headers that cannot all fit: the proportions, as before.
  expect(columnWidths([{ header: 'x'.repeat(80) }, { header: 'y'.repeat(80) }], 17, 9000)).toEqual([4500, 4500]);
});

it("makes room for the longest word in a column's cells too", () => {
  const cols = [
    { header: 'Force', width: 2 },
    { header: 'Episodes', width: 2 },
    { header: 'People', width: 2 },
    { header: 'Children', width: 3 },
    { header: 'Looked after', width: 3 },
    { header: 'High', width: 2 },
    { header: 'Repeat', width: 2 },
    { header: 'Theirs', width: 2 },
    { header: 'Median', width: 2 },
  ];
  const before = columnWidths(cols, 17, 9978)[0]!;
  const after = columnWidths(cols, 17, 9978, [
    ['Warwickshire Police', '392', '114', '57.4%', '53.8%', '19.6%', '28', '66.1%', '9.2'],
  ])[0]!;
  expect(after).toBeGreaterThan(before);
  expect(after).toBeGreaterThanOrEqual('Warwickshire'.length * 0.62 * 8.5 * 20 + 240 - 1);
});
