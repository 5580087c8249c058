/**
 * Reads a batch of CSV files of one format into a DuckDB temp table, every field as text, in
 * file order (rowid = position), with DuckDB's own record-level rejects (wrong field count,
 * invalid UTF-8, broken quoting) kept in a rejects table instead of failing the batch.
 */
import { sqlIdent, sqlString, sqlStringList } from '../../ingest/sql.js';
import type { Sql } from '../duckdb.js';
import type { PlannedSource } from './types.js';

export const STAGE = 'stage';
export const BATCH_FILES = 'batch_files';
export const REJ_ERRORS = 'stage_reject_errors';
export const REJ_SCANS = 'stage_reject_scans';

/** Loads the batch; all sources must share one header. Returns nothing: tables are named above. */
export async function stageBatch(sql: Sql, sources: readonly PlannedSource[], header: readonly string[]): Promise<void> {
  await dropStage(sql);
  const columns = `{${header.map((h) => `${sqlString(h)}: 'VARCHAR'`).join(', ')}}`;
  await sql.run(`CREATE TEMP TABLE ${BATCH_FILES} (filename VARCHAR, file_index INTEGER, force VARCHAR, file_month VARCHAR)`);
  const values = sources
    .map((s, i) => `(${sqlString(s.path)}, ${i}, ${s.force ? sqlString(s.force) : 'NULL'}, ${s.month ? sqlString(s.month) : 'NULL'})`)
    .join(', ');
  await sql.run(`INSERT INTO ${BATCH_FILES} VALUES ${values}`);
  await sql.run(
    `CREATE TEMP TABLE ${STAGE} AS SELECT * FROM read_csv(${sqlStringList(sources.map((s) => s.path))}, ` +
      `columns = ${columns}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', ` +
      `filename = true, store_rejects = true, rejects_table = '${REJ_ERRORS}', rejects_scan = '${REJ_SCANS}', ` +
      `max_line_size = 10000000)`,
  );
}

export async function dropStage(sql: Sql): Promise<void> {
  for (const t of [STAGE, BATCH_FILES, REJ_ERRORS, REJ_SCANS]) await sql.run(`DROP TABLE IF EXISTS ${sqlIdent(t)}`);
}

/** Rows read per file and the first rowid of each (to turn rowids into record numbers). */
export async function stagedFileStats(sql: Sql): Promise<Map<string, { rows: number; firstRowid: number }>> {
  const rows = await sql.all<{ filename: string; n: number; first: number }>(
    `SELECT filename, count(*)::BIGINT AS n, min(rowid)::BIGINT AS first FROM ${STAGE} GROUP BY filename`,
  );
  return new Map(rows.map((r) => [r.filename, { rows: r.n, firstRowid: r.first }]));
}
