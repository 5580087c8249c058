/**
 * Loads a batch of police.uk files of one kind in one streaming pass over the CSV: each row is
 * checked as it is read, accepted rows go to their month's Parquet file (merged with the other
 * forces already stored for that month), rejected rows to a side file that is thrown away.
 * Only files that have rejects are read again, in order, to give each reject its line and
 * reason (tally.ts). A line whose quotes do not close is rejected alone (files/broken-lines.ts).
 * A file refused at its end (every row rejected, its lines not all accounted for, or a re-issue
 * far smaller than the stored month: ../../accounting.ts) keeps the force's stored rows
 * (stored-months.ts), so a broken re-issue can never wipe out a good month.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { partitionId, type TableName } from '../../../tables.js';
import { writeStreetDerived } from '../../../derived.js';
import type { BatchChanges, StagedMonth } from '../../commit.js';
import { withoutBrokenLines } from '../../files/broken-lines.js';
import { failsAny } from '../../rejects/collect.js';
import { createBatchFiles, dropRejectTables, readCsv, withFileContext } from '../../stage.js';
import type { PlannedSource } from '../../types.js';
import { tableSelectList, writeMonths } from '../../write.js';
import { traced } from '../../../../trace.js';
import type { BatchContext, BatchOutcome, PerFile } from '../import-source.js';
import { restoreRefused, storedRows } from './stored-months.js';
import { countAndDropDuplicates } from './duplicates.js';
import { tallyFiles } from './tally.js';

/** Rejected rows are routed to this "month", which is never published. */
const REJECTED_MONTH = '0001-01';

export async function loadPoliceUkBatch(given: readonly PlannedSource[], context: BatchContext): Promise<BatchOutcome> {
  const { sql, catalog, warehouseDir, stagingDir } = context;
  const format = given[0]!.format;
  const { readable: sources, rejects: quoteRejects } = await traced('  broken lines', () =>
    withoutBrokenLines(given, path.join(stagingDir, 'readable')),
  );
  const written = await checkAndWrite(sources, context);
  // one read of the staged months: rows landed per force-month, and repeated Crime IDs dropped
  const { staged, landed, duplicates } = await traced('  count rows and duplicates', () =>
    countAndDropDuplicates(sql, written.staged, sources, stagingDir, { ids: format.table === 'street' }),
  );
  const rejectedFile = written.rejectedFile;
  const { perFile, rejects, refused } = await tallyFiles(sql, sources, format, landed, rejectedFile, {
    duplicates,
    earlierRejects: quoteRejects,
    catalog,
    allowShrink: context.allowShrink,
  });
  const months =
    refused.length > 0
      ? await restoreRefused(
          sql,
          format.table,
          staged,
          catalog,
          warehouseDir,
          refused,
          path.join(stagingDir, 'restored'),
        )
      : staged;
  if (rejectedFile) await rm(path.dirname(rejectedFile), { recursive: true, force: true });
  const loaded = sources.filter((s) => !refused.includes(s));
  const changes = await traced('  derived', () => changesOf(format.table, loaded, months, perFile, context));
  // the results are keyed by the sources as given, not the copies read in their place
  return { perFile: new Map(sources.map((s, i) => [given[i]!, perFile.get(s)!])), rejects, changes };
}

/**
 * The streaming pass: rows read, checked and written by month in one DuckDB COPY, together with
 * the other forces' stored rows of those months. A rejected row is written under the file's
 * force and month in its `force` column and REJECTED_MONTH, so it can be counted per file.
 */
async function checkAndWrite(
  sources: readonly PlannedSource[],
  { sql, catalog, warehouseDir, stagingDir }: BatchContext,
): Promise<{ staged: StagedMonth[]; rejectedFile: string | undefined }> {
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
  return {
    staged: written.filter((w) => w.month !== REJECTED_MONTH),
    rejectedFile: written.find((w) => w.month === REJECTED_MONTH)?.file,
  };
}

/**
 * What the batch changes in the catalog: the months its loaded files touch (with the street
 * tables derived from them), months left with no rows, and the force-months it now provides.
 */
async function changesOf(
  table: TableName,
  loaded: readonly PlannedSource[],
  months: readonly StagedMonth[],
  perFile: ReadonlyMap<PlannedSource, PerFile>,
  { sql, catalog, warehouseDir, stagingDir }: BatchContext,
): Promise<BatchChanges> {
  const touched = [...new Set(loaded.map((s) => s.month!))];
  const finalMonths = months.filter((m) => touched.includes(m.month));
  const derived =
    table === 'street'
      ? await writeStreetDerived(sql, finalMonths, path.join(stagingDir, 'derived'), path.join(warehouseDir, 'areas'))
      : [];
  const writtenMonths = new Set(finalMonths.map((w) => w.month));
  const emptied = touched.filter((m) => !writtenMonths.has(m));
  const removable = (t: TableName) =>
    emptied.filter((m) => catalog.partitions[partitionId(t, m)]).map((m) => partitionId(t, m));
  return {
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
  };
}
