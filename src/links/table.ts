/**
 * A table read out of an export: its header names and its rows, each with the line (or row, or
 * `_id`) it came from. Why: CSV, TSV, iLEAPP JSON, Excel sheets, Android databases and the
 * Cellebrite XML all become tables, and one column mapping by header name reads them all. Header
 * names are matched trimmed and case-insensitively, never by position (column order changes
 * between tool versions and devices).
 */
import type { RecordReject } from '../domain/links/records.js';

export interface Table {
  /** "calls.tsv", "contacts2.db [calls]", "report.xlsx [Contacts]". */
  readonly source: string;
  readonly headers: readonly string[];
  readonly rows: readonly { readonly line: number; readonly cells: readonly unknown[] }[];
  /** Rows the reader itself refused (the OpenSTRA JSON form's validation), named like a mapping's. */
  readonly rejects?: readonly RecordReject[];
}

/** A header name as compared: trimmed, BOMs and surrounding quotes removed, lower case. */
export const headerKey = (h: string): string =>
  h
    .replace(/\uFEFF/g, '')
    .trim()
    .replace(/^"+|"+$/g, '')
    .trim()
    .toLowerCase();

/**
 * The index of the first of `names` the table has, or -1. A name ending in `*` matches any header
 * that starts with the rest (AXIOM writes the zone and date format into the date column's name:
 * `Call Date/Time - UTC+00:00 (M/d/yyyy)` is matched by `Call Date/Time - *`).
 */
export function columnIndex(table: Pick<Table, 'headers'>, names: string | readonly string[]): number {
  const keys = table.headers.map(headerKey);
  for (const n of typeof names === 'string' ? [names] : names) {
    const key = headerKey(n);
    const i = key.endsWith('*') ? keys.findIndex((k) => k.startsWith(key.slice(0, -1))) : keys.indexOf(key);
    if (i >= 0) return i;
  }
  return -1;
}
