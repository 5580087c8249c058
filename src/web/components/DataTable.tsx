/**
 * A plain, accessible table (caption, column headers) and its CSV. Its headers sort it (issue 14,
 * see table-view.tsx); with `filter` (what its rows are, "areas") a box above filters its rows.
 */
import { neutraliseCell } from '../../api/csv-cells';
import { useMemo, type ReactNode } from 'react';
import { SortHeader, TableFilter, useTableView, type ViewColumn } from './table-view';

export interface Column<R> {
  readonly header: string;
  readonly value: (row: R) => string | number | null | undefined;
  /** How to show the value (default: the value itself; numbers in en-GB). */
  readonly render?: (row: R) => ReactNode;
  readonly numeric?: boolean;
}

export function DataTable<R>({
  caption,
  columns,
  rows,
  empty = 'Nothing to show.',
  filter,
}: {
  caption: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
  empty?: string;
  /** What the rows are ("areas"): shows a filter box and "Showing 12 of 40 areas". */
  filter?: string;
}) {
  const viewColumns = useMemo<ViewColumn<R>[]>(
    () => columns.map((c) => ({ header: c.header, sort: c.value })),
    [columns],
  );
  const view = useTableView(rows, viewColumns);
  if (rows.length === 0) return <p className="empty">{empty}</p>;
  return (
    <>
      {filter !== undefined && <TableFilter view={view} what={filter} />}
      {/* Focusable so that a table wider than the page can be scrolled from the keyboard (axe: scrollable-region-focusable). */}
      <div className="table-wrap" tabIndex={0}>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c, i) => (
                <SortHeader key={c.header} view={view} column={i} className={c.numeric ? 'num' : undefined} />
              ))}
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r, i) => (
              <tr key={i}>
                {columns.map((c) => (
                  <td key={c.header} className={c.numeric ? 'num' : undefined}>
                    {c.render ? c.render(r) : show(c.value(r))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

const show = (v: string | number | null | undefined) =>
  v === null || v === undefined ? '–' : typeof v === 'number' ? v.toLocaleString('en-GB') : v;

export function toCsv<R>(columns: readonly Column<R>[], rows: readonly R[]): string {
  const cell = (v: string | number | null | undefined) => {
    const s = v === null || v === undefined ? '' : neutraliseCell(String(v));
    return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return (
    [
      columns.map((c) => cell(c.header)).join(','),
      ...rows.map((r) => columns.map((c) => cell(c.value(r))).join(',')),
    ].join('\r\n') + '\r\n'
  );
}
