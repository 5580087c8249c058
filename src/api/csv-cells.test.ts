/**
 * Issue 13, defect 4: no export carries a cell that a spreadsheet would run as a formula. The
 * register exports (one writer, writeCsvTable), the scores export and the pages' table downloads
 * put a quote before a cell beginning = + - @ TAB CR; numbers stay numbers; a file exported
 * imports back with the text as it was.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { column, readCsvTable, writeCsvTable } from '../registers/csv-table.js';
import { text } from '../registers/cells.js';
import { neutraliseCell, restoreCell } from './csv-cells.js';

const PLANTED = [
  '=HYPERLINK("http://evil.example","Click")',
  '@SUM(A1:A9)',
  "+1+cmd|' /C calc'!A0",
  '-2+3',
  '\tX',
  '\rY',
];

describe('CSV injection is neutralised in every export', () => {
  it.each(PLANTED)('quotes %j and restores it on import', (cell) => {
    expect(neutraliseCell(cell)).toBe(`'${cell}`);
    expect(restoreCell(neutraliseCell(cell))).toBe(cell);
  });

  it.each(['-12.5', '+3', '1e-3', 'Domestic abuse', "'quoted already", ''])('leaves %j alone', (cell) => {
    expect(neutraliseCell(cell)).toBe(cell);
  });

  it('the register writer quotes a planted formula and its reader gives the text back', () => {
    const columns = { title: column('title', text), score: column('score', text) };
    const csv = writeCsvTable(columns, PLANTED, (p) => ({ title: p, score: -3 }));
    const cells = (parse(csv) as string[][]).slice(1);
    for (const [title, score] of cells) {
      expect(title).toMatch(/^'/);
      expect(score).toBe('-3');
    }
    // (the text reader trims, as it does for any cell)
    expect(readCsvTable(csv, 'export.csv', columns).map((r) => r.title)).toEqual(PLANTED.map((p) => p.trim()));
  });
});
