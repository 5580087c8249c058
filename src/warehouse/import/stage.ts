/**
 * How a batch of CSV files of one format is read: every field as text, explicit dialect (no
 * per-file sniffing), and DuckDB's own record-level rejects (wrong field count, invalid UTF-8,
 * broken quoting) recorded instead of failing the batch. The `batch_files` table says which
 * force and month each file holds.
 */
import { sqlIdent, sqlString, sqlStringList } from '../sql.js';
import type { Sql } from '../duckdb.js';
import type { PlannedSource } from './types.js';
import type { SourceFormat } from './format.js';
import { CATEGORY_BY_LABEL } from '../../domain/crime/categories.js';
import { forceDisplayName, forceName, POLICE_UK_FORCES } from '../../domain/crime/forces.js';

export const STAGE = 'stage';
export const BATCH_FILES = 'batch_files';
export const REJ_ERRORS = 'stage_reject_errors';
export const REJ_SCANS = 'stage_reject_scans';
export const CATEGORY_LABELS = 'category_labels';
export const KNOWN_FORCES = 'known_forces';

/** `newForces`: force ids added with --new-force, known to this batch beside the shipped list. */
export async function createBatchFiles(
  sql: Sql,
  sources: readonly PlannedSource[],
  newForces: readonly string[] = [],
): Promise<void> {
  await sql.run(
    `CREATE OR REPLACE TEMP TABLE ${BATCH_FILES} (filename VARCHAR, file_index INTEGER, force VARCHAR, force_name VARCHAR, file_month VARCHAR, month_date DATE)`,
  );
  const values = sources
    .map((s, i) => {
      const month = s.month ? sqlString(s.month) : 'NULL';
      const name = s.force ? forceName(s.force) : undefined;
      return `(${sqlString(s.path)}, ${i}, ${s.force ? sqlString(s.force) : 'NULL'}, ${name ? sqlString(name) : 'NULL'}, ${month}, ${s.month ? `DATE ${sqlString(s.month + '-01')}` : 'NULL'})`;
    })
    .join(', ');
  await sql.run(`INSERT INTO ${BATCH_FILES} VALUES ${values}`);
  await sql.run(`CREATE OR REPLACE TEMP TABLE ${CATEGORY_LABELS} (label VARCHAR PRIMARY KEY, slug VARCHAR)`);
  await sql.run(
    `INSERT INTO ${CATEGORY_LABELS} VALUES ${Object.entries(CATEGORY_BY_LABEL)
      .map(([l, s]) => `(${sqlString(l)}, ${sqlString(s)})`)
      .join(', ')}`,
  );
  await sql.run(`CREATE OR REPLACE TEMP TABLE ${KNOWN_FORCES} (slug VARCHAR PRIMARY KEY, name VARCHAR)`);
  await sql.run(
    `INSERT INTO ${KNOWN_FORCES} VALUES ${[
      ...POLICE_UK_FORCES,
      ...newForces.filter((f) => !forceName(f)).map((slug) => ({ slug, name: forceDisplayName(slug) })),
    ]
      .map((f) => `(${sqlString(f.slug)}, ${sqlString(f.name)})`)
      .join(', ')}`,
  );
}

/**
 * The rows of a batch with what the checks need beside the raw columns: the file's force and
 * month, and the category slug looked up from its label (a join: far cheaper than a CASE).
 * `by: 'file_index'` joins on the reader's file position (an integer, for the streaming pass
 * over `readCsv(..., { fileIndex: true })`); `filename` on the path (staged tables keep it).
 */
export function withFileContext(
  from: string,
  format: SourceFormat,
  { rowid = false, by = 'filename' }: { rowid?: boolean; by?: 'filename' | 'file_index' } = {},
): string {
  const label = format.categoryLabelColumn;
  const join = by === 'file_index' ? 'ON f.file_index = s.file_index' : 'USING (filename)';
  // the format's parsed expressions, computed once below the join: the checks above it and the
  // select read them by name instead of parsing the text again
  const parsed = Object.entries(format.parsed ?? {});
  const rows = parsed.length
    ? `(SELECT *${by === 'file_index' ? ', file_index' : ''}${rowid ? ', rowid AS __rowid' : ''}, ` +
      `${parsed.map(([name, expr]) => `${expr} AS ${sqlIdent(name)}`).join(', ')} FROM ${from})`
    : from;
  const rid = parsed.length ? 's.__rowid' : 's.rowid';
  return (
    `SELECT ${rowid ? `${rid} AS __rid, ` : ''}s.*, f.force AS __force, f.force_name AS __force_name, f.file_month AS __file_month, f.month_date AS __month_date` +
    `${label ? ', c.slug AS __category' : ''} FROM ${rows} s JOIN ${BATCH_FILES} f ${join}` +
    `${label ? ` LEFT JOIN ${CATEGORY_LABELS} c ON c.label = s.${sqlIdent(label)}` : ''}`
  );
}

/**
 * `read_csv(...)` over the files; `rejects` records bad records, otherwise they are skipped.
 * Each row carries its file's path (`filename`), or with `fileIndex` only its position in
 * `paths` (DuckDB's `file_index`), far cheaper than a path string on every row.
 */
export function readCsv(
  paths: readonly string[],
  header: readonly string[],
  rejects: boolean,
  { fileIndex = false }: { fileIndex?: boolean } = {},
): string {
  const columns = `{${header.map((h) => `${sqlString(h)}: 'VARCHAR'`).join(', ')}}`;
  const errorHandling = rejects
    ? `store_rejects = true, rejects_table = '${REJ_ERRORS}', rejects_scan = '${REJ_SCANS}'`
    : 'ignore_errors = true';
  return (
    `read_csv(${sqlStringList(paths)}, columns = ${columns}, header = true, auto_detect = false, ` +
    `delim = ',', quote = '"', escape = '"', filename = ${!fileIndex}, max_line_size = 10000000, ${errorHandling})`
  );
}

/**
 * Materialises files in order (rowid = position in file order): needed only to find the
 * record number of a rejected row, so only files with rejects are staged this way.
 */
export async function stageInOrder(
  sql: Sql,
  sources: readonly PlannedSource[],
  header: readonly string[],
): Promise<void> {
  await dropRejectTables(sql);
  await sql.run('SET preserve_insertion_order = true');
  await sql.run(
    `CREATE OR REPLACE TEMP TABLE ${STAGE} AS SELECT * FROM ${readCsv(
      sources.map((s) => s.path),
      header,
      true,
    )}`,
  );
}

export async function dropRejectTables(sql: Sql): Promise<void> {
  for (const t of [STAGE, REJ_ERRORS, REJ_SCANS]) await sql.run(`DROP TABLE IF EXISTS ${sqlIdent(t)}`);
}
