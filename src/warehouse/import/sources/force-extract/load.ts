/**
 * Loads one force extract. Extracts overlap (each week's extract repeats most of last week's),
 * so records are keyed by (force, crime reference): an incoming record replaces the stored one
 * wherever it was, and only the months that change are rewritten. Extracts are small next to
 * police.uk archives, so the file is staged in order (needed to spot repeated references).
 */
import path from 'node:path';
import { offenceCategories } from '../../../../harm-data/offence-categories.js';
import type { Catalog } from '../../../catalog.js';
import type { Sql } from '../../../duckdb.js';
import { sqlIdent, sqlStringList } from '../../../sql.js';
import { partitionId } from '../../../tables.js';
import { unaccounted } from '../../accounting.js';
import { withoutBrokenLines } from '../../files/broken-lines.js';
import { collectRejects, failsAny } from '../../rejects/collect.js';
import { BATCH_FILES, createBatchFiles, STAGE, stageInOrder } from '../../stage.js';
import type { PlannedSource, RejectRow } from '../../types.js';
import { tableColumnList, tableSelectList, writeMonths } from '../../write.js';
import type { BatchContext, BatchOutcome, PerFile } from '../import-source.js';
import { forceExtractFormat } from './format.js';

const VIEW = 'stage_checked';
const INCOMING = 'incoming_offences';

export async function loadForceExtract(
  given: PlannedSource,
  { sql, catalog, warehouseDir, stagingDir, newForces }: BatchContext,
): Promise<BatchOutcome> {
  const format = forceExtractFormat(new Set(given.header), await offenceCategories());
  // a line whose quote never closes is rejected alone; the file is read from a copy without it
  const quoted = await withoutBrokenLines([given], path.join(stagingDir, 'readable'));
  const source = quoted.readable[0]!;
  await createBatchFiles(sql, [source], newForces);
  await stageInOrder(sql, [source], source.header);
  const forceCol = source.header.includes('force') ? `nullif(trim(s.${sqlIdent('force')}), '')` : 'NULL';
  await sql.run(
    `CREATE OR REPLACE TEMP VIEW ${VIEW} AS SELECT s.rowid AS __rid, s.*, ` +
      `coalesce(${forceCol}, f.force) AS __force, ` +
      `(s.crime_reference IS NOT NULL AND row_number() OVER (PARTITION BY trim(s.crime_reference) ORDER BY s.rowid) > 1) AS __repeat ` +
      `FROM ${STAGE} s JOIN ${BATCH_FILES} f USING (filename)`,
  );
  const rejects = [...quoted.rejects, ...(await collectRejects(sql, [source], VIEW, format.checks))];
  const parsed = (await sql.all<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM ${STAGE}`))[0]!.n;
  const records = parsed + rejects.filter((r) => r.structural).length;
  const perFile = new Map<PlannedSource, PerFile>();
  const refusedReason =
    records > 0 && rejects.length === records
      ? `every one of its ${records} rows was rejected (${firstReject(rejects)}); nothing was imported from it`
      : unaccounted(given.scan.dataLines, { rows: records - rejects.length, rejected: rejects.length, duplicates: 0 });
  if (refusedReason) {
    perFile.set(given, { rows: 0, rejected: rejects.length, refusedReason });
    await sql.run(`DROP VIEW IF EXISTS ${VIEW}`);
    await sql.run(`DROP TABLE IF EXISTS ${STAGE}`);
    return { perFile, rejects, changes: { months: [], removeMonths: [], sources: [] } };
  }
  perFile.set(given, { rows: records - rejects.length, rejected: rejects.length });
  const exprs = { ...format.select, force: '__force', month: `date_trunc('month', ${format.select.recorded_date})` };
  await sql.run(
    `CREATE OR REPLACE TEMP TABLE ${INCOMING} AS SELECT ${tableSelectList('offences', exprs)} FROM ${VIEW} WHERE NOT (${failsAny(format.checks)})`,
  );
  await sql.run(`DROP VIEW IF EXISTS ${VIEW}`);
  await sql.run(`DROP TABLE IF EXISTS ${STAGE}`);

  const affected = await affectedMonths(sql, catalog, warehouseDir);
  const oldFiles = affected
    .map((m) => catalog.partitions[partitionId('offences', m)])
    .filter((p) => p !== undefined)
    .map((p) => path.join(warehouseDir, p.file));
  const keep = oldFiles.length
    ? `SELECT ${tableColumnList('offences')} FROM read_parquet(${sqlStringList(oldFiles)}) o WHERE NOT EXISTS (SELECT 1 FROM ${INCOMING} i WHERE i.force = o.force AND i.crime_reference = o.crime_reference) UNION ALL `
    : '';
  const written = await writeMonths(sql, 'offences', `${keep}SELECT * FROM ${INCOMING}`, path.join(stagingDir, 'out'));
  const counts = await forceMonthCounts(
    sql,
    written.map((w) => w.file),
  );
  await sql.run(`DROP TABLE IF EXISTS ${INCOMING}`);
  const writtenMonths = new Set(written.map((w) => w.month));
  return {
    perFile,
    rejects,
    changes: {
      months: written,
      removeMonths: affected.filter((m) => !writtenMonths.has(m)).map((m) => partitionId('offences', m)),
      sources: counts.map((c) => ({
        table: 'offences',
        force: c.force,
        month: c.month,
        rows: c.n,
        sourceSha256: source.sha256,
        source: source.displayName,
      })),
    },
  };
}

/** Months that gain records, and stored months holding a record the extract brings again. */
async function affectedMonths(sql: Sql, catalog: Catalog, warehouseDir: string): Promise<string[]> {
  const incoming = await sql.all<{ month: string }>(
    `SELECT DISTINCT strftime(month, '%Y-%m') AS month FROM ${INCOMING}`,
  );
  const months = new Set(incoming.map((r) => r.month));
  const stored = Object.values(catalog.partitions).filter((p) => p.table === 'offences');
  if (stored.length) {
    const hits = await sql.all<{ month: string }>(
      `SELECT DISTINCT strftime(o.month, '%Y-%m') AS month FROM read_parquet(${sqlStringList(stored.map((p) => path.join(warehouseDir, p.file)))}) o ` +
        `SEMI JOIN ${INCOMING} i ON i.force = o.force AND i.crime_reference = o.crime_reference`,
    );
    for (const h of hits) months.add(h.month);
  }
  return [...months].sort();
}

async function forceMonthCounts(
  sql: Sql,
  files: readonly string[],
): Promise<{ force: string; month: string; n: number }[]> {
  if (files.length === 0) return [];
  return sql.all(
    `SELECT force, strftime(month, '%Y-%m') AS month, count(*)::BIGINT AS n FROM read_parquet(${sqlStringList(files)}) GROUP BY ALL`,
  );
}

/** The first reject, as the refusal of a file whose every row was rejected quotes it. */
function firstReject(rejects: readonly RejectRow[]): string {
  const r = [...rejects].sort((a, b) => a.line - b.line)[0]!;
  return `line ${r.line}, ${r.column}: ${r.reason}`;
}
