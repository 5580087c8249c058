/**
 * Reads every row of a Home Office PRC table and checks it (checks.ts). The files are small
 * (about 23,000 rows a year), so they are parsed here with csv-parse rather than by DuckDB. Each
 * row lands or is rejected with its physical line, column and reason, as for the other formats;
 * broken quoting is rejected record by record too.
 */
import { parse, type CsvError, type InfoRecord } from 'csv-parse/sync';
import { prcForce, type PrcForce } from '../../../../domain/crime/home-office-forces.js';
import { checkRow, type PrcRow } from './checks.js';
import { parseFinancialYear, PRC_HEADER } from './format.js';

export interface PrcReject {
  readonly line: number;
  readonly column: string;
  readonly reason: string;
  /** Rejected by the CSV reader (field count, quoting, encoding) rather than a check. */
  readonly structural: boolean;
}

export interface PrcParse {
  /** The financial year of the file (from its first data row), e.g. `2017/18`. */
  readonly financialYear: string | undefined;
  readonly rows: PrcRow[];
  readonly rejects: PrcReject[];
  /** Data records read (accepted + rejected). */
  readonly records: number;
}

export function parsePrcRows(bytes: Buffer): PrcParse {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const rejects: PrcReject[] = [];
  let prevEnd = 0;
  let prevEmpty = 0;
  let skipped = 0;
  const records: { record: string[]; line: number }[] = [];
  parse(text, {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err: CsvError | undefined) => {
      const lines = typeof err?.lines === 'number' ? err.lines : prevEnd + 1;
      rejects.push({
        line: prevEnd + 1,
        column: '(row)',
        reason: `broken quoting: ${err?.message ?? 'the CSV reader could not read this record'}`,
        structural: true,
      });
      prevEnd = lines;
      skipped++;
      return undefined;
    },
    on_record: (record: string[], info: InfoRecord) => {
      // info.lines is the line the record ends on; it starts after the previous one and any blank lines.
      const line = prevEnd + 1 + (info.empty_lines - prevEmpty);
      prevEnd = info.lines;
      prevEmpty = info.empty_lines;
      records.push({ record, line });
      return null;
    },
  });
  const data = records.slice(1); // records[0] is the header, checked when the file was recognised
  // The file's year is its first data row's, as the import plan keys it; every row must agree.
  const financialYear = data[0]
    ? parseFinancialYear(data[0].record[PRC_HEADER.indexOf('Financial Year')] ?? '')?.label
    : undefined;
  const rows: PrcRow[] = [];
  const forces = new Map<string, PrcForce | undefined>(); // about 48 names, each on ~500 rows
  const forceOf = (name: string): PrcForce | undefined => {
    if (!forces.has(name)) forces.set(name, prcForce(name));
    return forces.get(name);
  };
  for (const { record, line } of data) {
    const result = checkRow(record, financialYear, forceOf);
    if ('reason' in result) rejects.push({ line, ...result });
    else rows.push(result);
  }
  rejects.sort((a, b) => a.line - b.line);
  return { financialYear, rows, rejects, records: data.length + skipped };
}
