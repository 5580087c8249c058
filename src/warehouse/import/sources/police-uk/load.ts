/**
 * Loads a batch of police.uk files of one kind in one streaming pass over the CSV: each row is
 * checked as it is read, accepted rows go to their month's Parquet file (merged with the other
 * forces already stored for that month), rejected rows to a side file that is thrown away.
 * Only files that have rejects are read again, in order, to give each reject its line and
 * reason. A file whose every row is rejected is refused whole and its month keeps the force's
 * stored rows, so a broken re-issue can never wipe out a good month.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { sqlString, sqlStringList } from '../../../sql.js';
import type { Catalog } from '../../../catalog.js';
import type { Sql } from '../../../duckdb.js';
import { partitionId, type TableName } from '../../../tables.js';
import type { BatchChanges, StagedMonth } from '../../commit.js';
import { collectRejects, failsAny } from '../../rejects/collect.js';
import {
  createBatchFiles,
  dropRejectTables,
  readCsv,
  REJ_ERRORS,
  REJ_SCANS,
  STAGE,
  stageInOrder,
  withFileContext,
} from '../../stage.js';
import type { SourceFormat } from '../../format.js';
import type { PlannedSource, RejectRow } from '../../types.js';
import { traced } from '../../../../trace.js';
import { writeStreetDerived } from '../../../derived.js';
import { tableColumnList, tableSelectList, writeMonths } from '../../write.js';

export interface PerFile {
  rows: number;
  rejected: number;
  refusedReason?: string;
}

export interface BatchOutcome {
  readonly perFile: Map<PlannedSource, PerFile>;
  readonly rejects: RejectRow[];
  readonly changes: BatchChanges;
}

/** Rejected rows are routed to this "month", which is never published. */
const REJECTED_MONTH = '0001-01';

export async function loadPoliceUkBatch(
  sql: Sql,
  sources: readonly PlannedSource[],
  catalog: Catalog,
  warehouseDir: string,
  stagingDir: string,
): Promise<BatchOutcome> {
  const format = sources[0]!.format;
  const table = format.table;
  await createBatchFiles(sql, sources);
  await dropRejectTables(sql);
  await sql.run('SET preserve_insertion_order = false');

  const months = [...new Set(sources.map((s) => s.month!))];
  const exprs = {
    ...format.select,
    force: `CASE WHEN __bad THEN __force || '/' || __file_month ELSE __force END`,
    month: `CASE WHEN __bad THEN DATE '${REJECTED_MONTH}-01' ELSE __month_date END`,
  };
  const checked = `SELECT *, (${failsAny(format.checks)}) AS __bad FROM (${withFileContext(
    readCsv(
      sources.map((s) => s.path),
      format.header,
      true,
    ),
    format,
  )})`;
  const fresh = `SELECT ${tableSelectList(table, exprs)} FROM (${checked})`;
  const kept = storedRows(catalog, warehouseDir, table, months, sources);
  const outDir = path.join(stagingDir, 'out');
  const written = await traced('  write months', () =>
    writeMonths(sql, table, kept ? `${fresh} UNION ALL ${kept}` : fresh, outDir),
  );
  const staged = written.filter((w) => w.month !== REJECTED_MONTH);
  const rejectedFile = written.find((w) => w.month === REJECTED_MONTH)?.file;

  const landed = await traced('  count rows', () =>
    countByForceMonth(
      sql,
      staged.map((w) => w.file),
    ),
  );
  const failed = rejectedFile ? await countRejectedByFile(sql, rejectedFile) : new Map<string, number>();
  const structural = await structuralByFile(sql);
  const withRejects = sources.filter(
    (s) => (failed.get(`${s.force}/${s.month}`) ?? 0) + (structural.get(s.path) ?? 0) > 0,
  );
  const rejects = withRejects.length ? await rejectDetails(sql, withRejects, format) : [];

  const perFile = new Map<PlannedSource, PerFile>();
  const refused: PlannedSource[] = [];
  for (const s of sources) {
    const rows = landed.get(`${s.force}/${s.month}`) ?? 0;
    const rejected = rejects.filter((r) => r.file === s.displayName).length;
    if (rows === 0 && rejected > 0) {
      perFile.set(s, {
        rows: 0,
        rejected,
        refusedReason: `every one of its ${rejected} rows was rejected; nothing was imported from it`,
      });
      refused.push(s);
    } else {
      perFile.set(s, { rows, rejected });
    }
  }
  let months2: readonly StagedMonth[] = staged;
  if (refused.length > 0)
    months2 = await restoreRefused(
      sql,
      table,
      staged,
      catalog,
      warehouseDir,
      refused,
      path.join(stagingDir, 'restored'),
    );
  if (rejectedFile) await rm(path.dirname(rejectedFile), { recursive: true, force: true });

  const loaded = sources.filter((s) => !refused.includes(s));
  const touched = [...new Set(loaded.map((s) => s.month!))];
  const finalMonths = months2.filter((m) => touched.includes(m.month));
  const derived =
    table === 'street'
      ? await writeStreetDerived(sql, finalMonths, path.join(stagingDir, 'derived'), path.join(warehouseDir, 'areas'))
      : [];
  const writtenMonths = new Set(finalMonths.map((w) => w.month));
  const emptied = touched.filter((m) => !writtenMonths.has(m));
  const removable = (t: TableName) =>
    emptied.filter((m) => catalog.partitions[partitionId(t, m)]).map((m) => partitionId(t, m));
  return {
    perFile,
    rejects,
    changes: {
      months: [...finalMonths, ...derived],
      removeMonths: [
        ...removable(table),
        ...(table === 'street'
          ? [...removable('street_counts'), ...removable('street_area_counts'), ...removable('street_district_counts')]
          : []),
      ],
      sources: loaded.map((s) => ({
        table,
        force: s.force!,
        month: s.month!,
        rows: perFile.get(s)!.rows,
        sourceSha256: s.sha256,
        source: s.displayName,
      })),
    },
  };
}

/** The stored rows of these months that the batch does not replace (other forces' data). */
function storedRows(
  catalog: Catalog,
  warehouseDir: string,
  table: TableName,
  months: readonly string[],
  replacing: readonly PlannedSource[],
): string | undefined {
  const files = months
    .map((m) => catalog.partitions[partitionId(table, m)])
    .filter((p) => p !== undefined)
    .map((p) => path.join(warehouseDir, p.file));
  if (files.length === 0) return undefined;
  const replaced = replacing.map((s) => `${s.force}/${s.month}`);
  return (
    `SELECT ${tableColumnList(table)} FROM read_parquet(${sqlStringList(files)}) ` +
    `WHERE (force || '/' || strftime(month, '%Y-%m')) NOT IN (SELECT unnest(${sqlStringList(replaced)}))`
  );
}

async function countByForceMonth(sql: Sql, files: readonly string[]): Promise<Map<string, number>> {
  if (files.length === 0) return new Map();
  const rows = await sql.all<{ key: string; n: number }>(
    `SELECT force || '/' || strftime(month, '%Y-%m') AS key, count(*)::BIGINT AS n FROM read_parquet(${sqlStringList(files)}) GROUP BY ALL`,
  );
  return new Map(rows.map((r) => [r.key, r.n]));
}

async function countRejectedByFile(sql: Sql, file: string): Promise<Map<string, number>> {
  const rows = await sql.all<{ key: string; n: number }>(
    `SELECT force AS key, count(*)::BIGINT AS n FROM read_parquet(${sqlString(file)}) GROUP BY ALL`,
  );
  return new Map(rows.map((r) => [r.key, r.n]));
}

async function structuralByFile(sql: Sql): Promise<Map<string, number>> {
  const rows = await sql.all<{ file_path: string; n: number }>(
    `SELECT s.file_path, count(DISTINCT e.line)::BIGINT AS n FROM ${REJ_ERRORS} e JOIN ${REJ_SCANS} s USING (scan_id, file_id) GROUP BY ALL`,
  );
  return new Map(rows.map((r) => [r.file_path, r.n]));
}

/** Reads the files that have rejects again, in order, for each reject's line and reason. */
async function rejectDetails(sql: Sql, files: readonly PlannedSource[], format: SourceFormat): Promise<RejectRow[]> {
  await stageInOrder(sql, files, format.header);
  await sql.run(`CREATE OR REPLACE TEMP VIEW stage_checked AS ${withFileContext(STAGE, format, true)}`);
  const rejects = await collectRejects(sql, files, 'stage_checked', format.checks);
  await sql.run('DROP VIEW stage_checked');
  await sql.run(`DROP TABLE ${STAGE}`);
  await sql.run('SET preserve_insertion_order = false');
  return rejects;
}

/** Puts back the stored rows of force-months whose new file was refused. */
async function restoreRefused(
  sql: Sql,
  table: TableName,
  staged: readonly StagedMonth[],
  catalog: Catalog,
  warehouseDir: string,
  refused: readonly PlannedSource[],
  dir: string,
): Promise<readonly StagedMonth[]> {
  const months = [...new Set(refused.map((s) => s.month!))];
  const old = months
    .map((m) => catalog.partitions[partitionId(table, m)])
    .filter((p) => p !== undefined)
    .map((p) => path.join(warehouseDir, p.file));
  const stagedHere = staged.filter((m) => months.includes(m.month));
  if (old.length === 0) return staged;
  const keys = sqlStringList(refused.map((s) => `${s.force}/${s.month}`));
  const parts = [
    ...(stagedHere.length
      ? [`SELECT ${tableColumnList(table)} FROM read_parquet(${sqlStringList(stagedHere.map((m) => m.file))})`]
      : []),
    `SELECT ${tableColumnList(table)} FROM read_parquet(${sqlStringList(old)}) WHERE (force || '/' || strftime(month, '%Y-%m')) IN (SELECT unnest(${keys}))`,
  ];
  const restored = await writeMonths(sql, table, parts.join(' UNION ALL '), dir);
  return [...staged.filter((m) => !months.includes(m.month)), ...restored];
}
