/**
 * CSV records with the physical line each starts on, so a problem can be named by line even when
 * a quoted field holds a newline. A malformed file (unclosed quote, ragged row) is refused with
 * the line csv-parse reports.
 */
import { restoreCell } from './api/csv-cells.js';
import { parse } from 'csv-parse/sync';
import { StraError } from './errors.js';

export interface LocatedRecord {
  readonly record: string[];
  readonly line: number;
}

/** Records with the physical line each starts on (a quoted field may hold a newline). */
export function readCsvRecords(text: string, source: string): LocatedRecord[] {
  try {
    const parsed = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: false,
    }) as unknown as { record: string[]; info: { lines: number; empty_lines: number } }[];
    let end = 0;
    let empty = 0;
    return parsed.map(({ record, info }) => {
      const line = end + 1 + (info.empty_lines - empty);
      end = info.lines;
      empty = info.empty_lines;
      return { record: record.map(restoreCell), line };
    });
  } catch (err) {
    const e = err as { code?: string; lines?: number; message?: string };
    if (typeof e.code === 'string' && e.code.startsWith('CSV_')) {
      throw new StraError('INPUT', `${source} line ${e.lines ?? '?'}: ${e.message ?? e.code}; nothing was imported.`);
    }
    throw err;
  }
}
