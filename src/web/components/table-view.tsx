/**
 * Issue 14 (what Power BI users look for): tables that sort, filter and say how many rows they
 * show. One hook for every register and data table: a column header is a button that sorts by it
 * (again for the other way; aria-sort on the sorted column), numbers sort as numbers, ISO dates
 * in time order and text naturally ("SR2" before "SR10"); a filter box keeps the rows whose text
 * holds every word typed; "Showing 12 of 40 risks" says what is left. Sorting and filtering happen
 * on the page, over the rows the server already let this user see.
 */
import { useId, useMemo, useState, type ReactNode } from 'react';

import { filterRows, sortRows, type ViewColumn } from './table-sort';

export type { SortValue, ViewColumn } from './table-sort';

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
