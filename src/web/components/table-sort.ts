/** How the tables sort and filter their rows (issue 14); the hook and headers are in table-view.tsx. */

export type SortValue = string | number | null | undefined;

export interface ViewColumn<R> {
  readonly header: string;
  /** What the column sorts by: a number, ISO date or text. */
  readonly sort: (row: R) => SortValue;
  /** Extra text the filter finds the row by (what the cell shows, e.g. the date in words). */
  readonly text?: (row: R) => string | null | undefined;
}

const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

/** Compares two cells: empty last, numbers as numbers, text (and ISO dates) naturally. */
export function compareCells(a: SortValue, b: SortValue): number {
  const emptyA = a === null || a === undefined || a === '';
  const emptyB = b === null || b === undefined || b === '';
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** The rows whose text holds every word of the query (any case). */
export function filterRows<R>(rows: readonly R[], columns: readonly ViewColumn<R>[], query: string): readonly R[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return rows;
  return rows.filter((r) => {
    const text = columns
      .map((c) => `${c.sort(r) ?? ''} ${c.text?.(r) ?? ''}`)
      .join(' ')
      .toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/** Sorted by one column (stable: equal cells keep their order); empty cells last both ways. */
export function sortRows<R>(
  rows: readonly R[],
  column: ViewColumn<R> | undefined,
  direction: 'ascending' | 'descending',
): readonly R[] {
  if (column === undefined) return rows;
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((r, i) => ({ r, i, v: column.sort(r) }))
    .sort((x, y) => {
      const emptyX = x.v === null || x.v === undefined || x.v === '';
      const emptyY = y.v === null || y.v === undefined || y.v === '';
      if (emptyX || emptyY) return emptyX === emptyY ? x.i - y.i : emptyX ? 1 : -1;
      return sign * compareCells(x.v, y.v) || x.i - y.i;
    })
    .map((x) => x.r);
}
