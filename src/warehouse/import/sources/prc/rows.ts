/**
 * Reads and checks every row of a Home Office PRC table. The files are small (about 23,000 rows
 * a year), so they are parsed here with csv-parse rather than by DuckDB. Each row lands or is
 * rejected with its physical line, column and reason, as for the other formats; wrong field
 * counts, broken quoting and bytes that are not UTF-8 are rejected row by row too.
 */
import { parse, type CsvError, type InfoRecord } from 'csv-parse/sync';
import { parsePrcCount } from './count.js';
import { parseFinancialYear, PRC_HEADER } from './format.js';
import { prcForce, type PrcForce, type PrcForceKind } from '../../../../domain/crime/home-office-forces.js';

/** One row as stored in the warehouse table `prc`. */
export interface PrcRow {
  readonly financial_year: string;
  readonly quarter: number;
  readonly force_name: string;
  readonly force: string | null;
  readonly kind: PrcForceKind;
  readonly offence_description: string;
  readonly offence_group: string;
  readonly offence_subgroup: string;
  readonly offence_code: string;
  readonly count: number;
}

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

type Field = (typeof PRC_HEADER)[number];
const col = (name: Field): number => PRC_HEADER.indexOf(name);

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
  const financialYear = data[0] ? parseFinancialYear(data[0].record[col('Financial Year')] ?? '')?.label : undefined;
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

type Checked = PrcRow | { column: string; reason: string; structural: boolean };

function checkRow(
  record: readonly string[],
  fileYear: string | undefined,
  forceOf: (name: string) => PrcForce | undefined,
): Checked {
  const bad = (column: string, reason: string, structural = false) => ({ column, reason, structural });
  if (record.length !== PRC_HEADER.length) {
    return bad(
      '(row)',
      record.length < PRC_HEADER.length
        ? 'too few fields (a truncated line or a missing comma?)'
        : 'too many fields (an unquoted comma?)',
      true,
    );
  }
  if (record.some((v) => v.includes('\uFFFD'))) return bad('(row)', 'bytes that are not UTF-8 text', true);
  const get = (name: Field): string => (record[col(name)] ?? '').trim();

  const yearText = get('Financial Year');
  const year = parseFinancialYear(yearText);
  if (!year) return bad('Financial Year', `Financial Year '${yearText}' is not a financial year like 2017/18`);
  if (fileYear !== undefined && year.label !== fileYear) {
    return bad(
      'Financial Year',
      `Financial Year '${yearText}' is not the file's year ${fileYear} (a PRC file holds one financial year)`,
    );
  }
  const quarterText = get('Financial Quarter');
  const q = /^[Qq]?([1-4])$/.exec(quarterText);
  if (!q) return bad('Financial Quarter', `Financial Quarter '${quarterText}' is not 1, 2, 3 or 4`);
  const forceName = get('Force Name');
  if (forceName === '') return bad('Force Name', 'Force Name is empty');
  const force = forceOf(forceName);
  if (!force) {
    return bad(
      'Force Name',
      `Force Name '${forceName}' is not a force or reporting body of the Home Office tables (known names are in src/domain/crime/home-office-forces.ts)`,
    );
  }
  const code = get('Offence Code');
  if (code === '') return bad('Offence Code', 'Offence Code is empty');
  const count = parsePrcCount(record[col('Number of Offences')] ?? '');
  if (!count.ok) return bad('Number of Offences', count.reason);
  return {
    financial_year: year.label,
    quarter: Number(q[1]),
    force_name: forceName,
    force: force.force,
    kind: force.kind,
    offence_description: get('Offence Description'),
    offence_group: get('Offence Group'),
    offence_subgroup: get('Offence Subgroup'),
    offence_code: code,
    count: count.value,
  };
}
