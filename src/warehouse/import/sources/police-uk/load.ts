/**
 * Loads a batch of police.uk files of one kind in one streaming pass over the CSV: each row is
 * checked as it is read and only accepted rows go to their month's Parquet file (merged with
 * the other forces already stored for that month). A file whose landed rows do not account for
 * all its data lines has rejects: only such files are read again, in order, to give each reject
 * its line and reason (tally.ts), and the accounting is checked on the counts that read finds. A line whose quotes do not close is rejected alone (files/broken-lines.ts).
 * A file refused at its end (every row rejected, its lines not all accounted for, or a re-issue
 * far smaller than the stored month: ../../accounting.ts) keeps the force's stored rows
 * (stored-months.ts), so a broken re-issue can never wipe out a good month. Each month is
 * counted, screened for repeated Crime IDs and (street) derived as soon as it is written, on the
 * connection that wrote it, while the other connection writes the next month.
 */
import path from 'node:path';
import { partitionId, type TableName } from '../../../tables.js';
import { writeStreetDerived, writeStreetDerivedMonth } from '../../../derived.js';
import type { Sql } from '../../../duckdb.js';
import type { BatchChanges, StagedMonth } from '../../commit.js';
import { withoutBrokenLines } from '../../files/broken-lines.js';
import { failsAny } from '../../rejects/collect.js';
import { createBatchFiles, dropRejectTables, readCsv, withFileContext } from '../../stage.js';
import type { PlannedSource } from '../../types.js';
import { tableSelectList, writeMonth } from '../../write.js';
import { traced } from '../../../../trace.js';
import type { BatchContext, BatchOutcome, PerFile } from '../import-source.js';
import { restoreRefused, storedRows } from './stored-months.js';
import { countMonth, dropDuplicates, type MonthCount } from './duplicates.js';
import { tallyFiles } from './tally.js';

export async function loadPoliceUkBatch(given: readonly PlannedSource[], context: BatchContext): Promise<BatchOutcome> {
  const { sql, catalog, warehouseDir, stagingDir } = context;
  const format = given[0]!.format;
  const { readable: sources, rejects: quoteRejects } = await traced('  broken lines', () =>
    withoutBrokenLines(given, path.join(stagingDir, 'readable')),
  );
  const written = await checkAndWrite(sources, context);
  // the duplicates the screen flagged (if any) counted exactly and dropped
  const { staged, landed, duplicates } = await traced('  duplicates', () =>
    dropDuplicates(sql, written.staged, written.counts, stagingDir),
  );
  const { perFile, rejects, refused } = await tallyFiles(sql, sources, format, landed, {
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
  const loaded = sources.filter((s) => !refused.includes(s));
  const changes = await traced('  derived', () =>
    changesOf(format.table, loaded, months, perFile, written.derived, context),
  );
  // the results are keyed by the sources as given, not the copies read in their place
  return { perFile: new Map(sources.map((s, i) => [given[i]!, perFile.get(s)!])), rejects, changes };
}

/** Months written at once, each by its own connection: one COPY alone leaves cores idle. */
const MONTHS_AT_ONCE = 2;

/** The connections of an import beyond its own, kept for its whole length (and closed with it). */
const spares = new WeakMap<Sql, Promise<Sql[]>>();

function connections(sql: Sql): Promise<Sql[]> {
  let extra = spares.get(sql);
  if (!extra) {
    extra = Promise.all(Array.from({ length: MONTHS_AT_ONCE - 1 }, () => sql.connect()));
    spares.set(sql, extra);
  }
  return extra.then((e) => [sql, ...e]);
}

interface Written {
  readonly staged: StagedMonth[];
  /** What each staged month holds of the batch's force-months. */
  readonly counts: MonthCount[];
  /** Street: the derived tables of each staged month (by its file), as first written. */
  readonly derived: Map<string, StagedMonth[]>;
}

/**
 * The streaming pass: each month's files read, checked and written in one DuckDB COPY to that
 * month's file, together with the other forces' stored rows of the month (a police.uk file holds
 * one month, so no partitioned write is needed), two months at a time. A row that fails a check
 * is not written; the rows a file lost are found by its accounting (tally.ts). As soon as a
 * month is written, the same connection counts what landed in it, screens it for repeated Crime
 * IDs and (street) writes its derived tables, beside the other connection's next write; a month
 * rewritten later (duplicates dropped, a refused file's rows put back) is derived again.
 */
async function checkAndWrite(sources: readonly PlannedSource[], context: BatchContext): Promise<Written> {
  const { sql, catalog, warehouseDir, stagingDir } = context;
  const format = sources[0]!.format;
  const table = format.table;
  const exprs = { ...format.select, force: '__force', month: '__month_date' };
  const months = [...new Set(sources.map((s) => s.month!))];
  const written: Written = { staged: [], counts: [], derived: new Map() };
  const writeMonthsWith = async (conn: Sql) => {
    await conn.run('SET preserve_insertion_order = false');
    for (let month = months.shift(); month !== undefined; month = months.shift()) {
      const ofMonth = sources.filter((s) => s.month === month);
      await createBatchFiles(conn, ofMonth, context.newForces);
      await dropRejectTables(conn);
      const paths = ofMonth.map((s) => s.path);
      const rows = withFileContext(readCsv(paths, format.header, true, { fileIndex: true }), format, {
        by: 'file_index',
      });
      const fresh = `SELECT ${tableSelectList(table, exprs)} FROM (${rows}) WHERE NOT (${failsAny(format.checks)})`;
      const kept = storedRows(catalog, warehouseDir, table, [month], ofMonth);
      const query = kept ? `${fresh} UNION ALL ${kept}` : fresh;
      const staged = await writeMonth(conn, table, month, query, path.join(stagingDir, 'out'));
      if (!staged) continue;
      written.staged.push(staged);
      written.counts.push(
        await countMonth(conn, staged, ofMonth, { ids: table === 'street', mixed: kept !== undefined }),
      );
      if (table === 'street')
        written.derived.set(
          staged.file,
          await writeStreetDerivedMonth(
            conn,
            staged,
            path.join(stagingDir, 'derived-months'),
            path.join(warehouseDir, 'areas'),
          ),
        );
    }
  };
  await traced('  write, count and derive months', async () => {
    const all = await connections(sql);
    await Promise.all(all.slice(0, Math.min(all.length, months.length)).map(writeMonthsWith));
  });
  await createBatchFiles(sql, sources, context.newForces); // the whole batch, for the rejects' second read
  written.staged.sort((a, b) => a.month.localeCompare(b.month));
  return written;
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
  derivedAsWritten: ReadonlyMap<string, StagedMonth[]>,
  { sql, catalog, warehouseDir, stagingDir }: BatchContext,
): Promise<BatchChanges> {
  const touched = [...new Set(loaded.map((s) => s.month!))];
  const finalMonths = months.filter((m) => touched.includes(m.month));
  // months as first written keep the derived tables written then; rewritten ones are derived again
  const rewritten = finalMonths.filter((m) => !derivedAsWritten.has(m.file));
  const derived =
    table === 'street'
      ? [
          ...finalMonths.flatMap((m) => derivedAsWritten.get(m.file) ?? []),
          ...(await writeStreetDerived(
            sql,
            rewritten,
            path.join(stagingDir, 'derived'),
            path.join(warehouseDir, 'areas'),
          )),
        ]
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
