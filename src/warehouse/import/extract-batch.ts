/**
 * Loads one force extract. Extracts overlap (each week's extract repeats most of last week's),
 * so records are keyed by (force, crime reference): an incoming record replaces the stored one
 * wherever it was, and only the partitions that change are rewritten.
 */
import path from 'node:path';
import { forceExtractFormat } from '../../ingest/force-extract/format.js';
import { offenceCategories } from '../../ingest/force-extract/offence-codes.js';
import { sqlIdent, sqlStringList } from '../../ingest/sql.js';
import type { Catalog } from '../catalog.js';
import type { Sql } from '../duckdb.js';
import { partitionId } from '../tables.js';
import type { BatchOutcome } from './police-uk-batch.js';
import { collectRejects, failsAny } from './rejects.js';
import { BATCH_FILES, STAGE, stageBatch, stagedFileStats } from './stage.js';
import type { PlannedSource } from './types.js';
import { tableSelectList, writePartitions } from './write.js';

const VIEW = 'stage_checked';
const INCOMING = 'incoming_offences';

export async function loadForceExtract(sql: Sql, source: PlannedSource, catalog: Catalog, warehouseDir: string, stagingDir: string): Promise<BatchOutcome> {
  const format = forceExtractFormat(new Set(source.header), await offenceCategories());
  await stageBatch(sql, [source], source.header);
  const forceCol = source.header.includes('force') ? `nullif(trim(s.${sqlIdent('force')}), '')` : 'NULL';
  await sql.run(
    `CREATE OR REPLACE TEMP VIEW ${VIEW} AS SELECT s.rowid AS __rid, s.*, ` +
      `coalesce(${forceCol}, f.force) AS __force, ` +
      `(row_number() OVER (PARTITION BY trim(s.crime_reference) ORDER BY s.rowid) > 1 AND s.crime_reference IS NOT NULL) AS __dup_of ` +
      `FROM ${STAGE} s JOIN ${BATCH_FILES} f USING (filename)`,
  );
  // __dup_of is a flag here; the check's message only needs to know the row repeats a reference.
  const checks = format.checks.map((c) => (c.failWhen === '__dup_of IS NOT NULL' ? { ...c, failWhen: '__dup_of', reason: `'crime_reference ''' || crime_reference || ''' appears more than once in the file; the first is kept'` } : c));
  const rejects = await collectRejects(sql, [source], VIEW, checks);
  const read = await stagedFileStats(sql);
  const records = (read.get(source.path)?.rows ?? 0) + rejects.filter((r) => r.structural).length;
  const perFile: BatchOutcome['perFile'] = new Map();
  if (records > 0 && rejects.length === records) {
    perFile.set(source, { rows: 0, rejected: rejects.length, refusedReason: `every one of its ${records} rows was rejected; nothing was imported from it` });
    return { perFile, rejects, partitionsOf: () => [], remove: [] };
  }
  perFile.set(source, { rows: records - rejects.length, rejected: rejects.length });
  const exprs = { ...format.select, force: '__force', month: `date_trunc('month', ${format.select.recorded_date})` };
  await sql.run(`CREATE OR REPLACE TEMP TABLE ${INCOMING} AS SELECT ${tableSelectList('offences', exprs)} FROM ${VIEW} WHERE NOT (${failsAny(checks)})`);

  const affected = await affectedPartitions(sql, catalog, warehouseDir);
  const oldFiles = affected.map((id) => path.join(warehouseDir, catalog.partitions[id]!.file));
  const keep = oldFiles.length
    ? `SELECT * FROM read_parquet(${sqlStringList(oldFiles)}) o WHERE NOT EXISTS (SELECT 1 FROM ${INCOMING} i WHERE i.force = o.force AND i.crime_reference = o.crime_reference) UNION ALL `
    : '';
  const written = await writePartitions(sql, `${keep}SELECT * FROM ${INCOMING}`, path.join(stagingDir, 'out'));
  const writtenIds = new Set(written.map((p) => partitionId({ table: 'offences', force: p.force, month: p.month })));
  return {
    perFile,
    rejects,
    partitionsOf: () => written,
    remove: affected.filter((id) => !writtenIds.has(id)),
  };
}

/** Stored partitions that hold a month or a crime reference the extract brings. */
async function affectedPartitions(sql: Sql, catalog: Catalog, warehouseDir: string): Promise<string[]> {
  const incoming = await sql.all<{ force: string; month: string }>(`SELECT DISTINCT force, strftime(month, '%Y-%m') AS month FROM ${INCOMING}`);
  const forces = new Set(incoming.map((r) => r.force));
  const ids = new Set(incoming.map((r) => partitionId({ table: 'offences', force: r.force, month: r.month })).filter((id) => catalog.partitions[id]));
  const candidates = Object.entries(catalog.partitions).filter(([, p]) => p.table === 'offences' && forces.has(p.force));
  if (candidates.length) {
    const files = candidates.map(([, p]) => path.join(warehouseDir, p.file));
    const hits = await sql.all<{ filename: string }>(
      `SELECT DISTINCT o.filename FROM read_parquet(${sqlStringList(files)}, filename = true) o SEMI JOIN ${INCOMING} i ON i.force = o.force AND i.crime_reference = o.crime_reference`,
    );
    const byFile = new Map(candidates.map(([id, p]) => [path.join(warehouseDir, p.file), id]));
    for (const h of hits) ids.add(byFile.get(h.filename)!);
  }
  return [...ids];
}
