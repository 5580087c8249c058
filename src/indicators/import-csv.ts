/**
 * `stra indicators import FILE`: reads an indicator CSV (series, organisation, period, value and
 * optional unit, published_pct and source: where the figures come from, as the business knows them), checks every row, and upserts the values. A file with any bad
 * row is refused whole, every problem listed as `file, line N, field: reason`, and nothing stored
 * changes. A good file adds new values, replaces corrected ones (listed) and leaves the rest; the
 * same file again changes nothing, not even the manifest. An optional column the file does not
 * have (unit, published_pct) leaves the stored field as it was.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { inputError, notFoundError } from '../errors.js';
import { checkRows, formatRowError, matchHeader, type RawRow, type RowError } from '../domain/indicators/rows.js';
import { mergeValues, type ValueUpdate } from '../domain/indicators/merge.js';
import { periodOf, type PeriodKind } from '../domain/indicators/period.js';
import {
  readIndicatorStore,
  withIndicatorLock,
  writeIndicatorStore,
  type IndicatorPaths,
  type StoredValue,
} from './store.js';

export interface IndicatorImportOptions {
  /** Who is recorded in the manifest. */
  readonly user: string;
  /** Clock, for tests. */
  readonly now?: () => Date;
}

export interface IndicatorImportReport {
  readonly file: string;
  readonly sha256: string;
  /** Data rows in the file. */
  readonly rows: number;
  /** `imported` when anything was added or replaced, else `unchanged` (nothing was written). */
  readonly status: 'imported' | 'unchanged';
  readonly importId: string | null;
  readonly added: number;
  /** Values replaced, with what changed. */
  readonly updated: readonly ValueUpdate[];
  readonly unchanged: number;
}

/** Thrown (as the `details` of an INPUT error) when a file is refused. */
export interface RefusedDetails {
  readonly file: string;
  readonly errors: readonly RowError[];
}

export async function importIndicatorsCsv(
  paths: IndicatorPaths,
  file: string,
  options: IndicatorImportOptions,
): Promise<IndicatorImportReport> {
  const bytes = await readFile(file).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') throw notFoundError(`${file}: no such file`);
    if (err.code === 'EISDIR') throw inputError(`${file}: is a folder; give an indicator CSV file`);
    throw err;
  });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const { header, headerLine, rows } = readCsv(bytes, file);
  const { columns, errors: headerErrors } = matchHeader(header, file, headerLine);
  if (headerErrors.length) refuse(file, headerErrors);
  if (rows.length === 0) throw inputError(`${file}: has a header but no rows; nothing was stored`);

  return withIndicatorLock(paths, async () => {
    const store = await readIndicatorStore(paths);
    const knownKinds = new Map<string, PeriodKind>(store.values.map((v) => [v.series, periodOf(v.period).kind]));
    const { values, errors } = checkRows(file, columns, rows, knownKinds);
    if (errors.length) refuse(file, errors);

    const now = (options.now ?? (() => new Date()))();
    const importId = newImportId(now);
    const source = path.resolve(file);
    const incoming: StoredValue[] = values.map(({ line, ...v }) => ({
      ...v,
      source: { importId, file: source, line },
    }));
    const column = { unit: 'unit', publishedPct: 'published_pct', sourceName: 'source' } as const;
    const absentFields = (['unit', 'publishedPct', 'sourceName'] as const).filter((f) => !columns.includes(column[f]));
    const merged = mergeValues(store.values, incoming, { absentFields });
    const report = {
      file,
      sha256,
      rows: rows.length,
      added: merged.added,
      updated: merged.updated,
      unchanged: merged.unchanged,
    };
    if (merged.added === 0 && merged.updated.length === 0) return { ...report, status: 'unchanged', importId: null };
    await writeIndicatorStore(paths, {
      format: store.format,
      values: merged.values,
      imports: [
        ...store.imports,
        {
          id: importId,
          file: source,
          sha256,
          rows: rows.length,
          added: merged.added,
          updated: merged.updated.length,
          unchanged: merged.unchanged,
          when: now.toISOString(),
          by: options.user,
        },
      ],
    });
    return { ...report, status: 'imported', importId };
  });
}

function refuse(file: string, errors: readonly RowError[]): never {
  const details: RefusedDetails = { file, errors };
  throw inputError(
    `${file}: refused, nothing was stored (${errors.length} error${errors.length === 1 ? '' : 's'}):\n${errors.map(formatRowError).join('\n')}`,
    details as unknown as Record<string, unknown>,
  );
}

interface ParsedRecord {
  record: string[];
  info: { lines: number; empty_lines: number; comment_lines: number };
}

/** Parses the CSV; each data row gets the physical line it starts on (right after quoted newlines). */
function readCsv(bytes: Buffer, file: string): { header: string[]; headerLine: number; rows: RawRow[] } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw inputError(`${file}: is not UTF-8 text (save the CSV as UTF-8)`);
  }
  if (text.includes('\u0000')) throw inputError(`${file}: is a binary file, not a CSV`);
  let records: ParsedRecord[];
  try {
    // CRLF -> LF first: csv-parse counts a CRLF inside a quoted field as two lines.
    records = parse(text.replace(/\r\n/g, '\n'), {
      bom: true,
      info: true,
      comment: '#',
      comment_no_infix: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as ParsedRecord[];
  } catch (err) {
    throw inputError(`${file}: not a readable CSV (${(err as Error).message}); nothing was stored`);
  }
  const first = records[0];
  if (first === undefined) throw inputError(`${file}: is empty (expected a header: series,organisation,period,value)`);
  const rows: RawRow[] = [];
  let prevEnd = first.info.lines;
  let prevSkipped = first.info.empty_lines + first.info.comment_lines;
  for (const { record, info } of records.slice(1)) {
    const skipped = info.empty_lines + info.comment_lines;
    rows.push({ line: prevEnd + 1 + (skipped - prevSkipped), fields: record });
    prevEnd = info.lines;
    prevSkipped = skipped;
  }
  return { header: first.record, headerLine: first.info.lines, rows };
}

function newImportId(now: Date): string {
  const t = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `ind-${t}-${randomBytes(3).toString('hex')}`;
}
