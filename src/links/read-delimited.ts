/**
 * CSV and TSV exports (ALEAPP and iLEAPP `_TSV Exports`, the OpenSTRA CSV form, other tools' CSV).
 * Why the care: ALEAPP writes a UTF-8 BOM, and a second header row (after a second BOM) when one
 * artifact is written twice; iLEAPP on Windows ends lines with `\r\r\n` (phone-exports README,
 * "Things an importer must cope with"). Decisions: BOMs anywhere are dropped, `\r\r\n` is one line
 * end, a row equal to the header is skipped, the delimiter is a tab when the header line has one.
 * Line numbers are the file's own, counted before any of that.
 */
import { parse } from 'csv-parse/sync';
import { StraError } from '../errors.js';
import type { Table } from './table.js';
import { headerKey } from './table.js';

export function readDelimited(text: string, source: string): Table {
  const clean = text.replace(/\uFEFF/g, '').replace(/\r\r\n/g, '\n');
  const firstLine = clean.slice(0, clean.search(/\r?\n|$/));
  const delimiter = firstLine.includes('\t') ? '\t' : firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(clean, {
      delimiter,
      relax_column_count: true,
      relax_quotes: delimiter === '\t',
      quote: '"',
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    // A malformed file (a stray quote, an unclosed field) is the file's fault: named by line, not a crash.
    const e = err as { code?: string; lines?: number; message?: string };
    if (typeof e.code !== 'string' || (!e.code.startsWith('CSV_') && !/^[A-Z_]+$/.test(e.code))) throw err;
    throw new StraError('INPUT', `${source} line ${e.lines ?? '?'}: ${e.message ?? e.code}; so nothing was imported.`, {
      rejects: [{ source, line: e.lines ?? 0, field: '(row)', reason: e.message ?? e.code }],
    });
  }
  const [head, ...body] = records;
  if (head === undefined) return { source, headers: [], rows: [] };
  const headerLine = head.record.map(headerKey).join('\u0000');
  return {
    source,
    headers: head.record,
    rows: body
      .filter((r) => r.record.map(headerKey).join('\u0000') !== headerLine)
      .map((r) => ({ line: r.info.lines, cells: r.record })),
  };
}
