/** A plain, accessible table (caption, column headers) and its CSV. */
import { neutraliseCell } from '../../api/csv-cells';
import type { ReactNode } from 'react';

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
}: {
  caption: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
  empty?: string;
}) {
  if (rows.length === 0) return <p className="empty">{empty}</p>;
  return (
    // Focusable so that a table wider than the page can be scrolled from the keyboard (axe: scrollable-region-focusable).
    <div className="table-wrap" tabIndex={0}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
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
