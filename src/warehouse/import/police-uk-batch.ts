/**
 * Loads a batch of police.uk files of one kind: stage, collect rejects, write accepted rows as
 * one Parquet partition per force-month. A file whose every row is rejected is refused whole,
 * so a broken re-issue can never wipe out a good month already in the warehouse.
 */
import path from 'node:path';
import type { Sql } from '../duckdb.js';
import { collectRejects, failsAny } from './rejects.js';
import { BATCH_FILES, STAGE, stageBatch, stagedFileStats } from './stage.js';
import type { PlannedSource, RejectRow } from './types.js';
import { tableSelectList, writeEmptyPartition, writePartitions, type StagedPartition } from './write.js';

export interface BatchOutcome {
  readonly perFile: Map<PlannedSource, { rows: number; rejected: number; refusedReason?: string }>;
  readonly rejects: RejectRow[];
  /** The partitions a source produced (police.uk: one; a force extract: one per month). */
  partitionsOf(source: PlannedSource): readonly StagedPartition[];
  /** Partitions to drop (a force extract moved all of a month's records elsewhere). */
  readonly remove?: readonly string[];
}

const VIEW = 'stage_checked';

export async function loadPoliceUkBatch(sql: Sql, sources: readonly PlannedSource[], stagingDir: string): Promise<BatchOutcome> {
  const format = sources[0]!.format;
  await stageBatch(sql, sources, format.header);
  await sql.run(
    `CREATE OR REPLACE TEMP VIEW ${VIEW} AS SELECT s.rowid AS __rid, s.*, f.force AS __force, f.file_month AS __file_month FROM ${STAGE} s JOIN ${BATCH_FILES} f USING (filename)`,
  );
  const rejects = await collectRejects(sql, sources, VIEW, format.checks);
  const read = await stagedFileStats(sql);

  const perFile = new Map<PlannedSource, { rows: number; rejected: number; refusedReason?: string }>();
  const loadable: PlannedSource[] = [];
  for (const s of sources) {
    const mine = rejects.filter((r) => r.file === s.displayName);
    const records = (read.get(s.path)?.rows ?? 0) + mine.filter((r) => r.structural).length;
    if (records > 0 && mine.length === records) {
      perFile.set(s, { rows: 0, rejected: mine.length, refusedReason: `every one of its ${records} rows was rejected; nothing was imported from it` });
    } else {
      perFile.set(s, { rows: records - mine.length, rejected: mine.length });
      loadable.push(s);
    }
  }
  const exprs = { ...format.select, force: '__force', month: `CAST(__file_month || '-01' AS DATE)` };
  const loadableList = loadable.map((s) => `'${s.path.replaceAll("'", "''")}'`).join(', ');
  const query =
    `SELECT ${tableSelectList(format.table, exprs)} FROM ${VIEW} ` +
    `WHERE NOT (${failsAny(format.checks)})` +
    (loadable.length < sources.length ? ` AND filename IN (${loadableList || "''"})` : '');
  const written = await writePartitions(sql, query, path.join(stagingDir, 'out'));
  const byKey = new Map(written.map((p) => [`${p.force}/${p.month}`, p]));
  const partitions = new Map<PlannedSource, StagedPartition>();
  for (const s of loadable) {
    let p = byKey.get(`${s.force}/${s.month}`);
    if (!p) {
      const file = path.join(stagingDir, 'empty', `${s.force}-${s.month}.parquet`);
      await writeEmptyPartition(sql, format.table, file);
      p = { force: s.force!, month: s.month!, file, rows: 0 };
    }
    partitions.set(s, p);
  }
  return { perFile, rejects, partitionsOf: (s) => { const p = partitions.get(s); return p ? [p] : []; } };
}
