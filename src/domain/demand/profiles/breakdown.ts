/**
 * Demand by one dimension (class, grade, outcome, opening or closing code, area), and a cross
 * tabulation of two (area x grade), with counts, shares and averages per day.
 */
import type { IncidentTable } from '../incident-table.js';
import { DEMAND_CLASSES, GRADES, OUTCOMES } from '../vocabulary.js';
import { select, type Selection } from './selection.js';

export type Dimension = 'class' | 'grade' | 'outcome' | 'openingCode' | 'closingCode' | 'area';

export interface BreakdownRow {
  /** The class, grade or outcome word, the code, or the area; `(none)` for a missing area or code. */
  readonly key: string;
  readonly count: number;
  readonly share: number;
  readonly perDay: number;
}

export interface Breakdown {
  readonly dimension: Dimension;
  readonly total: number;
  readonly days: number;
  /** Largest first; ties by key. */
  readonly rows: BreakdownRow[];
}

export const NONE = '(none)';

/** The key of one dimension for each row: an index and the names the indexes stand for. */
export function dimensionOf(
  table: IncidentTable,
  dimension: Dimension,
): { codes: ArrayLike<number>; names: readonly string[] } {
  switch (dimension) {
    case 'class':
      return { codes: table.demandClass, names: DEMAND_CLASSES };
    case 'grade':
      return { codes: table.grade, names: GRADES };
    case 'outcome':
      return { codes: table.outcome, names: OUTCOMES };
    case 'openingCode':
      return { codes: table.openingCode, names: table.openingCodes };
    case 'closingCode':
      return { codes: table.closingCode, names: table.closingCodes };
    case 'area':
      return { codes: table.area, names: table.areas };
  }
}

export function breakdown(table: IncidentTable, dimension: Dimension, selection: Selection = {}): Breakdown {
  const { from, to, days, count: total } = select(table, selection);
  const { codes, names } = dimensionOf(table, dimension);
  const counts = new Float64Array(names.length + 1); // last slot: none
  const day = table.day;
  for (let i = 0; i < table.size; i++) {
    const d = day[i]!;
    if (d < from || d > to) continue;
    const c = codes[i]!;
    counts[c < 0 ? names.length : c]!++;
  }
  const out: BreakdownRow[] = [];
  counts.forEach((count, c) => {
    if (count === 0) return;
    out.push({
      key: c === names.length ? NONE : names[c]!,
      count,
      share: count / total,
      perDay: days.length > 0 ? count / days.length : Number.NaN,
    });
  });
  out.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  return { dimension, total, days: days.length, rows: out };
}

export interface CrossTab {
  readonly rows: string[];
  readonly columns: string[];
  /** counts[row][column] */
  readonly counts: number[][];
  readonly rowTotals: number[];
  readonly columnTotals: number[];
}

/** Counts of `rowsBy` x `columnsBy`, rows ordered by total (largest first), empty rows and columns left out. */
export function crossTab(
  table: IncidentTable,
  rowsBy: Dimension,
  columnsBy: Dimension,
  selection: Selection = {},
): CrossTab {
  const { from, to } = select(table, selection);
  const r = dimensionOf(table, rowsBy);
  const c = dimensionOf(table, columnsBy);
  const width = c.names.length + 1;
  const cells = new Float64Array((r.names.length + 1) * width);
  for (let i = 0; i < table.size; i++) {
    const d = table.day[i]!;
    if (d < from || d > to) continue;
    const ri = r.codes[i]!;
    const ci = c.codes[i]!;
    cells[(ri < 0 ? r.names.length : ri) * width + (ci < 0 ? c.names.length : ci)]!++;
  }
  const rowTotal = (ri: number) => cells.subarray(ri * width, ri * width + width).reduce((a, b) => a + b, 0);
  const columnTotal = (ci: number) => {
    let s = 0;
    for (let ri = 0; ri <= r.names.length; ri++) s += cells[ri * width + ci]!;
    return s;
  };
  const rowIdx = Array.from({ length: r.names.length + 1 }, (_, i) => i)
    .filter((i) => rowTotal(i) > 0)
    .sort((a, b) => rowTotal(b) - rowTotal(a));
  const colIdx = Array.from({ length: width }, (_, i) => i).filter((i) => columnTotal(i) > 0);
  const name = (names: readonly string[], i: number) => (i === names.length ? NONE : names[i]!);
  return {
    rows: rowIdx.map((i) => name(r.names, i)),
    columns: colIdx.map((i) => name(c.names, i)),
    counts: rowIdx.map((ri) => colIdx.map((ci) => cells[ri * width + ci]!)),
    rowTotals: rowIdx.map(rowTotal),
    columnTotals: colIdx.map(columnTotal),
  };
}
