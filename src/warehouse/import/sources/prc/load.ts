/**
 * Loads one Home Office police recorded crime (PRC) table: a financial year for every force,
 * about 23,000 rows. The rows are parsed and checked in JS (rows.ts), written as
 * newline-delimited JSON to the batch's staging folder, and turned by DuckDB into the year's
 * Parquet file. A PRC file is the only source of its partition (the first month of its
 * financial year), so a re-issued release replaces the partition whole; a file whose every row
 * is rejected is refused and the year keeps what it had.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parsePrcRows } from './rows.js';
import { sqlString } from '../../../sql.js';
import { TABLE_COLUMNS } from '../../../tables.js';
import type { PlannedSource, RejectRow } from '../../types.js';
import { tableSelectList, writeMonths } from '../../write.js';
import type { BatchContext, BatchOutcome, PerFile } from '../import-source.js';

export async function loadPrcFile(source: PlannedSource, { sql, stagingDir }: BatchContext): Promise<BatchOutcome> {
  const parsed = parsePrcRows(await readFile(source.path));
  const rejects: RejectRow[] = parsed.rejects.map((r) => ({ file: source.displayName, ...r }));
  const perFile = new Map<PlannedSource, PerFile>();
  const month = source.month!;
  if (parsed.rows.length === 0) {
    const reason =
      parsed.records === 0
        ? 'the Home Office PRC table has no data rows; nothing was imported from it'
        : `every one of its ${parsed.records} rows was rejected; nothing was imported from it`;
    perFile.set(source, { rows: 0, rejected: rejects.length, refusedReason: reason });
    return { perFile, rejects, changes: { months: [], removeMonths: [], sources: [] } };
  }
  await mkdir(stagingDir, { recursive: true });
  const json = path.join(stagingDir, 'prc.ndjson');
  await writeFile(json, parsed.rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const types = TABLE_COLUMNS.prc
    .filter(([name]) => name !== 'month')
    .map(([name, type]) => `${sqlString(name)}: '${type}'`);
  const from = `read_json(${sqlString(json)}, format = 'newline_delimited', columns = {${types.join(', ')}})`;
  const exprs: Record<string, string> = Object.fromEntries(TABLE_COLUMNS.prc.map(([name]) => [name, `"${name}"`]));
  exprs.month = `DATE ${sqlString(`${month}-01`)}`;
  const written = await writeMonths(
    sql,
    'prc',
    `SELECT ${tableSelectList('prc', exprs)} FROM ${from}`,
    path.join(stagingDir, 'out'),
  );
  const rows = written.reduce((a, w) => a + w.rows, 0);
  if (written.length !== 1 || written[0]!.month !== month || rows !== parsed.rows.length) {
    throw new Error(
      `PRC table ${source.displayName}: wrote ${rows} rows in ${written.length} partition(s), expected ${parsed.rows.length} in ${month}`,
    );
  }
  perFile.set(source, { rows, rejected: rejects.length });
  return {
    perFile,
    rejects,
    changes: {
      months: written,
      removeMonths: [],
      sources: [{ table: 'prc', force: 'all', month, rows, sourceSha256: source.sha256, source: source.displayName }],
    },
  };
}
