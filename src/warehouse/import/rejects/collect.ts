/**
 * Collects every rejected row of a staged batch, with file, physical line, column and reason:
 * DuckDB's structural rejects plus the rows that failed a format's checks.
 */
import type { RowCheck } from '../format.js';
import { recordStartLines } from './record-lines.js';
import type { Sql } from '../../duckdb.js';
import { REJ_ERRORS, REJ_SCANS, STAGE } from '../stage.js';
import type { PlannedSource, RejectRow } from '../types.js';

/**
 * True when any check fails; NULL comparisons count as passing (the check for NULL is separate).
 * Checks that only sharpen a reason are left out: a later check rejects the same rows.
 */
export function failsAny(checks: readonly RowCheck[]): string {
  const deciding = checks.filter((c) => !c.refinesReason);
  return deciding.length ? deciding.map((c) => `coalesce((${c.failWhen}), false)`).join(' OR ') : 'false';
}

function firstFailure(checks: readonly RowCheck[], pick: 'column' | 'reason'): string {
  const arms = checks.map(
    (c) =>
      `WHEN coalesce((${c.failWhen}), false) THEN ${pick === 'column' ? `'${c.column.replaceAll("'", "''")}'` : c.reason}`,
  );
  return `CASE ${arms.join(' ')} END`;
}

interface StructuralReject {
  file_path: string;
  line: number;
  column_name: string | null;
  error_type: string;
  error_message: string;
}

interface CheckReject {
  filename: string;
  rid: number;
  col: string;
  reason: string;
}

const STRUCTURAL_REASON: Record<string, string> = {
  'MISSING COLUMNS': 'too few fields (a truncated line or a missing comma?)',
  'TOO MANY COLUMNS': 'too many fields (an unquoted comma?)',
  'INVALID ENCODING': 'bytes that are not UTF-8 text',
  'UNQUOTED VALUE': 'a quote in the middle of an unquoted field',
  'LINE SIZE OVER MAXIMUM': 'the line is too long',
};

export async function collectRejects(
  sql: Sql,
  sources: readonly PlannedSource[],
  view: string,
  checks: readonly RowCheck[],
): Promise<RejectRow[]> {
  // DuckDB can report several errors for one record (one per missing column): keep the first.
  const structural = await sql.all<StructuralReject>(
    `SELECT DISTINCT ON (s.file_path, e.line) s.file_path, e.line::BIGINT AS line, e.column_name, e.error_type, e.error_message ` +
      `FROM ${REJ_ERRORS} e JOIN ${REJ_SCANS} s USING (scan_id, file_id) ORDER BY s.file_path, e.line, e.column_idx`,
  );
  const failing = checks.length
    ? await sql.all<CheckReject>(
        `SELECT filename, __rid AS rid, ${firstFailure(checks, 'column')} AS col, ${firstFailure(checks, 'reason')} AS reason FROM ${view} WHERE ${failsAny(checks)} ORDER BY __rid`,
      )
    : [];
  if (structural.length === 0 && failing.length === 0) return [];
  const firsts = await sql.all<{ filename: string; first: number }>(
    `SELECT filename, min(rowid)::BIGINT AS first FROM ${STAGE} GROUP BY filename`,
  );
  const firstRowid = new Map(firsts.map((f) => [f.filename, f.first]));
  const byPath = new Map(sources.map((s) => [s.path, s]));
  const out: RejectRow[] = [];
  const files = new Set([...structural.map((s) => s.file_path), ...failing.map((f) => f.filename)]);
  for (const file of files) {
    const source = byPath.get(file);
    const name = source?.displayName ?? file;
    const structuralHere = structural.filter((s) => s.file_path === file);
    const failingHere = failing.filter((f) => f.filename === file);
    const records = new Map<RejectRow, number>();
    const structuralRecords = structuralHere.map((s) => s.line).sort((a, b) => a - b);
    for (const s of structuralHere) {
      records.set(
        {
          file: name,
          line: 0,
          column: s.column_name ?? '(extra field)',
          reason: STRUCTURAL_REASON[s.error_type] ?? s.error_message,
          structural: true,
        },
        s.line,
      );
    }
    for (const f of failingHere) {
      const ordinal = f.rid - (firstRowid.get(file) ?? 0); // 0-based among rows DuckDB accepted
      records.set(
        { file: name, line: 0, column: f.col, reason: f.reason, structural: false },
        recordNumber(ordinal, structuralRecords),
      );
    }
    const lines = await recordStartLines(file, [...records.values()]);
    for (const [row, record] of records) out.push({ ...row, line: lines.get(record) ?? record });
  }
  return out.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
}

/** Record number (header = 1) of the n-th accepted row, skipping records DuckDB rejected. */
function recordNumber(ordinal: number, rejectedRecords: readonly number[]): number {
  let record = ordinal + 2;
  for (const r of rejectedRecords) if (r <= record) record++;
  return record;
}
