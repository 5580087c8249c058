/** Issue 13, defect 4: the pages' table downloads neutralise formulas like every other CSV. */
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { toCsv } from './DataTable';

describe("the pages' CSV downloads", () => {
  it('quote a cell a spreadsheet would run, and leave numbers alone', () => {
    const rows = ['=HYPERLINK("http://evil.example","Click")', '@SUM(A1:A9)', '-2+3'];
    const csv = toCsv(
      [
        { header: 'area', value: (r: string) => r },
        { header: 'n', value: () => -4 },
      ],
      rows,
    );
    const cells = (parse(csv) as string[][]).slice(1);
    expect(cells.map(([area]) => area)).toEqual(rows.map((r) => `'${r}`));
    expect(cells.map(([, n]) => n)).toEqual(['-4', '-4', '-4']);
  });
});
