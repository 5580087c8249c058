/**
 * Loads one Home Office police recorded crime (PRC) table: a financial year for every force,
 * about 23,000 rows. The rows are parsed and checked in JS (rows.ts), written as
 * newline-delimited JSON to the batch's staging folder, and turned by DuckDB into the year's
 * Parquet file. A PRC file is the only source of its partition (the first month of its
 * financial year), so a re-issued release replaces the partition whole.
 *
 * Every row accounted for, as for police.uk files: a line whose quote never closes is rejected
 * alone (files/broken-lines.ts) and the rest read; at the end the file's data lines (its scan)
 * must equal rows imported + rows rejected, or the file is refused whole. A file whose every row
 * is rejected, and a re-issue with under half the stored year's rows (unless --allow-shrink),
 * are refused too (../../accounting.ts). A refused file changes nothing: the year keeps what it
 * had. Identical rows are all kept: the 2017/18 release repeats rows under its combined homicide
 * code (`1/4.1/4.10/4.2`, four codes in one), so its own layout explains them.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parsePrcRows } from './rows.js';
import { sqlString } from '../../../sql.js';
import { sourceId, TABLE_COLUMNS } from '../../../tables.js';
import { shrinkRefusal, unaccounted } from '../../accounting.js';
import { withoutBrokenLines } from '../../files/broken-lines.js';
import type { PlannedSource, RejectRow } from '../../types.js';
import { tableSelectList, writeMonths } from '../../write.js';
import type { BatchContext, BatchOutcome, PerFile } from '../import-source.js';
import { plural } from '../../../../domain/plural.js';

const NO_CHANGES = { months: [], removeMonths: [], sources: [] };

export async function loadPrcFile(source: PlannedSource, context: BatchContext): Promise<BatchOutcome> {
  const { sql, stagingDir } = context;
  const quoted = await withoutBrokenLines([source], path.join(stagingDir, 'readable'));
  const parsed = parsePrcRows(await readFile(quoted.readable[0]!.path));
  const rejects: RejectRow[] = [
    ...quoted.rejects,
    ...parsed.rejects.map((r) => ({ file: source.displayName, ...r })),
  ].sort((a, b) => a.line - b.line);
  const perFile = new Map<PlannedSource, PerFile>();
  const month = source.month!;
  const refusedReason = prcRefusal(source, parsed.rows.length, rejects.length, context);
  if (refusedReason) {
    perFile.set(source, { rows: 0, rejected: rejects.length, duplicates: 0, refusedReason });
    return { perFile, rejects, changes: NO_CHANGES };
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
      `PRC table ${source.displayName}: wrote ${rows} rows in ${plural(written.length, 'partition')}, expected ${parsed.rows.length} in ${month}`,
    );
  }
  perFile.set(source, { rows, rejected: rejects.length, duplicates: 0 });
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

/** Why the file is refused whole at its end, or undefined when its rows may replace the year. */
function prcRefusal(
  source: PlannedSource,
  rows: number,
  rejected: number,
  { catalog, allowShrink }: BatchContext,
): string | undefined {
  if (rows === 0 && rejected === 0) return 'the Home Office PRC table has no data rows; nothing was imported from it';
  if (rows === 0) return `every one of its ${rejected} rows was rejected; nothing was imported from it`;
  const stored = catalog.sources[sourceId({ table: 'prc', force: 'all', month: source.month! })];
  return (
    unaccounted(source.scan.dataLines, { rows, rejected, duplicates: 0 }) ??
    shrinkRefusal(stored, rows, allowShrink, 'financial year')
  );
}
