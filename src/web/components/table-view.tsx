/**
 * Issue 14 (what Power BI users look for): tables that sort, filter and say how many rows they
 * show. One hook for every register and data table: a column header is a button that sorts by it
 * (again for the other way; aria-sort on the sorted column), numbers sort as numbers, ISO dates
 * in time order and text naturally ("SR2" before "SR10"); a filter box keeps the rows whose text
 * holds every word typed; "Showing 12 of 40 risks" says what is left. Sorting and filtering happen
 * on the page, over the rows the server already let this user see.
 */
import { useId, useMemo, useState, type ReactNode } from 'react';

export type SortValue = string | number | null | undefined;

export interface ViewColumn<R> {
  readonly header: string;
  /** What the column sorts by: a number, ISO date or text. */
  readonly sort: (row: R) => SortValue;
  /** Extra text the filter finds the row by (what the cell shows, e.g. the date in words). */
  readonly text?: (row: R) => string | null | undefined;
}

export interface TableView<R> {
  readonly rows: readonly R[];
  readonly total: number;
  readonly query: string;
  setQuery(q: string): void;
  readonly sortedBy: number | undefined;
  readonly direction: 'ascending' | 'descending';
  sortBy(column: number): void;
  readonly columns: readonly ViewColumn<R>[];
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

export function useTableView<R>(rows: readonly R[], columns: readonly ViewColumn<R>[]): TableView<R> {
  const [query, setQuery] = useState('');
  const [sortedBy, setSortedBy] = useState<number | undefined>(undefined);
  const [direction, setDirection] = useState<'ascending' | 'descending'>('ascending');
  const shown = useMemo(
    () => sortRows(filterRows(rows, columns, query), sortedBy === undefined ? undefined : columns[sortedBy], direction),
    [rows, columns, query, sortedBy, direction],
  );
  return {
    rows: shown,
    total: rows.length,
    query,
    setQuery,
    sortedBy,
    direction,
    columns,
    sortBy(column: number) {
      if (column === sortedBy) setDirection(direction === 'ascending' ? 'descending' : 'ascending');
      else {
        setSortedBy(column);
        setDirection('ascending');
      }
    },
  };
}

/** A column header that sorts the table (a button, so Enter and Space work). */
export function SortHeader<R>({
  view,
  column,
  className,
  children,
}: {
  view: TableView<R>;
  column: number;
  className?: string;
  children?: ReactNode;
}) {
  const sorted = view.sortedBy === column;
  const header = view.columns[column]?.header ?? '';
  return (
    <th scope="col" className={className} aria-sort={sorted ? view.direction : undefined}>
      <button type="button" className="sort" onClick={() => view.sortBy(column)}>
        {children ?? header}
        <span aria-hidden="true" className={sorted ? 'sort-mark on' : 'sort-mark'}>
          {sorted ? (view.direction === 'ascending' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

/** The filter box above a table and the count of rows shown. `what` names the rows ("risks"). */
export function TableFilter<R>({ view, what, label }: { view: TableView<R>; what: string; label?: string }) {
  const id = useId();
  return (
    <div className="table-filter">
      <label htmlFor={`${id}-q`}>{label ?? `Filter ${what}`}</label>
      <input
        id={`${id}-q`}
        type="search"
        value={view.query}
        onChange={(e) => view.setQuery(e.target.value)}
        aria-describedby={`${id}-n`}
      />
      <span id={`${id}-n`} role="status" className="table-count">
        Showing {view.rows.length.toLocaleString('en-GB')} of {view.total.toLocaleString('en-GB')} {what}
      </span>
    </div>
  );
}

/** The hook for a table drawn inside a render prop (where hooks cannot be called). */
export function WithTableView<R>({
  rows,
  columns,
  children,
}: {
  rows: readonly R[];
  columns: readonly ViewColumn<R>[];
  children: (view: TableView<R>) => ReactNode;
}) {
  const view = useTableView(rows, columns);
  return <>{children(view)}</>;
}
