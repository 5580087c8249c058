/** Issue 14: the tables sort numbers as numbers, ISO dates in time order, references naturally, and filter by every word. */
import { describe, expect, it } from 'vitest';
import { compareCells, filterRows, sortRows, type ViewColumn } from './table-sort';

interface Row {
  ref: string;
  score: number | null;
  due: string | null;
  owner: string;
}
const rows: Row[] = [
  { ref: 'SR10', score: 9, due: '2018-01-05', owner: 'Chief Constable' },
  { ref: 'SR2', score: 12, due: null, owner: 'Deputy Chief Constable' },
  { ref: 'SR1', score: null, due: '2017-12-31', owner: 'Director of Finance' },
  { ref: 'SR3', score: 100, due: '2017-04-09', owner: 'Chief Constable' },
];
const columns: ViewColumn<Row>[] = [
  { header: 'Ref.', sort: (r) => r.ref },
  { header: 'Score', sort: (r) => r.score },
  { header: 'Due', sort: (r) => r.due, text: (r) => (r.due === '2017-04-09' ? '9 April 2017' : '') },
  { header: 'Owner', sort: (r) => r.owner },
];
const refs = (rs: readonly Row[]) => rs.map((r) => r.ref);

describe('sorting a table', () => {
  it('sorts numbers as numbers (9 before 12 before 100), empty cells last both ways', () => {
    expect(refs(sortRows(rows, columns[1], 'ascending'))).toEqual(['SR10', 'SR2', 'SR3', 'SR1']);
    expect(refs(sortRows(rows, columns[1], 'descending'))).toEqual(['SR3', 'SR2', 'SR10', 'SR1']);
  });
  it('sorts ISO dates in time order and references naturally (SR2 before SR10)', () => {
    expect(refs(sortRows(rows, columns[2], 'ascending'))).toEqual(['SR3', 'SR1', 'SR10', 'SR2']);
    expect(refs(sortRows(rows, columns[0], 'ascending'))).toEqual(['SR1', 'SR2', 'SR3', 'SR10']);
    expect(compareCells('sr2', 'SR10')).toBeLessThan(0);
  });
  it('keeps the order of equal cells, and the given order when unsorted', () => {
    expect(refs(sortRows(rows, columns[3], 'ascending'))).toEqual(['SR10', 'SR3', 'SR2', 'SR1']);
    expect(sortRows(rows, undefined, 'ascending')).toBe(rows);
  });
});

describe('filtering a table', () => {
  it('keeps the rows holding every word typed, in any case, including the words a cell shows', () => {
    expect(refs(filterRows(rows, columns, 'chief'))).toEqual(['SR10', 'SR2', 'SR3']);
    expect(refs(filterRows(rows, columns, 'DEPUTY chief'))).toEqual(['SR2']);
    expect(refs(filterRows(rows, columns, 'april'))).toEqual(['SR3']);
    expect(refs(filterRows(rows, columns, '  '))).toEqual(refs(rows));
    expect(filterRows(rows, columns, 'nothing like this')).toEqual([]);
  });
});
