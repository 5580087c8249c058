/**
 * CSV in and out of the registers (people bring spreadsheets). A register describes its columns
 * once (name, aliases, required, how a cell is read); `readCsvTable` maps a file onto them and
 * names every problem by line and field, and `importRows` stores the rows in one transaction, so a
 * file with any bad row stores nothing. Export writes the same column names, so an exported file
 * imports back.
 */
import { stringify } from 'csv-stringify/sync';
import { inputError, StraError } from '../errors.js';
import { readCsvRecords } from '../csv-records.js';
import { neutraliseCell } from '../api/csv-cells.js';
import { atomically, type Store } from '../store/index.js';
import { highestMarking, type Marking } from '../domain/marking.js';

/** A register written as CSV, with how many rows and the highest marking in it (handle the file accordingly). */
export interface CsvExport {
  readonly csv: string;
  readonly rows: number;
  readonly marking: Marking;
}

/** An export of `rows` records: handled at the highest of their markings (OFFICIAL when none). */
export function csvExport(csv: string, markings: readonly Marking[]): CsvExport {
  return { csv, rows: markings.length, marking: highestMarking(['OFFICIAL', ...markings]) };
}

/** Reads one non-empty cell; throws (any Error) with the reason when the value is not acceptable. */
export type CellReader<T> = (value: string) => T;

export interface CsvColumn<T> {
  /** The canonical header, as export writes it (snake_case). */
  readonly name: string;
  /** Other headers accepted on import (compared ignoring case, spaces, hyphens and underscores). */
  readonly aliases?: readonly string[];
  readonly required?: boolean;
  readonly read: CellReader<T>;
}

export type CsvColumns = Record<string, CsvColumn<unknown>>;

/** A row: each column's value, or undefined where the cell is empty or the column absent. */
export type CsvRow<C extends CsvColumns> = { readonly line: number } & {
  readonly [K in keyof C]: ReturnType<C[K]['read']> | undefined;
};

export function column<T>(
  name: string,
  read: CellReader<T>,
  options: { required?: boolean; aliases?: readonly string[] } = {},
): CsvColumn<T> {
  return { name, read, ...options };
}

const fold = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');

/**
 * Parses `text` (the contents of `source`) against `columns`. Headers are matched by name or
 * alias; an unknown header, a missing required column, a required cell left empty or a value the
 * reader refuses is a problem; any problem refuses the whole file with every problem listed.
 */
export function readCsvTable<C extends CsvColumns>(text: string, source: string, columns: C): CsvRow<C>[] {
  const records = readCsvRecords(text, source);
  const [header, ...body] = records;
  const names = Object.values(columns).map((c) => c.name);
  if (header === undefined) throw inputError(`${source} is empty: expected a header row (${names.join(',')}).`);
  const problems: string[] = [];
  const byHeader = new Map<string, keyof C>();
  for (const [key, c] of Object.entries(columns))
    for (const h of [c.name, ...(c.aliases ?? [])]) byHeader.set(fold(h), key);
  const keys = header.record.map((h, i) => {
    const key = byHeader.get(fold(h));
    if (key === undefined)
      problems.push(
        `${source} line ${header.line}, field "${h || `#${i + 1}`}": not a column of this register (expected ${names.join(', ')})`,
      );
    return key;
  });
  for (const [key, c] of Object.entries(columns)) {
    if (c.required === true && !keys.includes(key))
      problems.push(`${source} line ${header.line}: missing column "${c.name}"`);
  }
  const rows = body.map(({ record, line }) => {
    const row: Record<string, unknown> = { line };
    keys.forEach((key, i) => {
      if (key === undefined) return;
      const c = columns[key] as CsvColumn<unknown>;
      const value = (record[i] ?? '').trim();
      if (value === '') {
        if (c.required === true) problems.push(`${source} line ${line}, field "${c.name}": is empty`);
        return;
      }
      try {
        row[key as string] = c.read(value);
      } catch (err) {
        problems.push(`${source} line ${line}, field "${c.name}": ${err instanceof Error ? err.message : String(err)}`);
      }
    });
    return row as CsvRow<C>;
  });
  if (problems.length > 0)
    throw inputError(`${source}: nothing was imported; fix these and import again:\n  ${problems.join('\n  ')}`, {
      problems,
    });
  if (rows.length === 0) throw inputError(`${source} has a header but no rows.`);
  return rows;
}

/**
 * Stores every row through `store` in one transaction. A row the repository refuses (a
 * StraError, raised before any SQL runs) is reported with its line, and the rest are still
 * checked; if any was refused, nothing is stored. Other errors (the database failing) end the
 * import at once, storing nothing.
 */
export async function importRows<R extends { readonly line: number }, T>(
  store: Store,
  source: string,
  rows: readonly R[],
  save: (store: Store, row: R) => Promise<T>,
): Promise<T[]> {
  const problems: string[] = [];
  const failed = new Error('rows refused');
  try {
    return await atomically(store, async (tx) => {
      const saved: T[] = [];
      for (const row of rows) {
        try {
          saved.push(await save(tx, row));
        } catch (err) {
          if (!(err instanceof StraError) || err.code === 'INTERNAL') throw err;
          problems.push(`${source} line ${row.line}: ${err.message}`);
        }
      }
      if (problems.length > 0) throw failed;
      return saved;
    });
  } catch (err) {
    if (err === failed)
      throw inputError(`${source}: nothing was imported; fix these and import again:\n  ${problems.join('\n  ')}`, {
        problems,
      });
    throw err;
  }
}

/** CSV text with a header of the columns' names and one line per row (cells written by `cells`). */
export function writeCsvTable<C extends CsvColumns, R>(
  columns: C,
  rows: readonly R[],
  cells: (row: R) => { [K in keyof C]?: string | number | null | undefined },
): string {
  const keys = Object.keys(columns) as (keyof C)[];
  const header = keys.map((k) => (columns[k] as CsvColumn<unknown>).name);
  const body = rows.map((r) => {
    const c = cells(r);
    return keys.map((k) => {
      const v = c[k];
      return v === null || v === undefined ? '' : neutraliseCell(String(v));
    });
  });
  return stringify([header, ...body]);
}
