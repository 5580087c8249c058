/**
 * `stra demand import`: one incident or missing-person export, read through a saved mapping, into
 * the warehouse with the crime import's guarantees, reusing its pieces:
 *
 *   - transactional: rows are staged as Parquet and published by the crime import's commit
 *     (commit.ts, one catalog rename), under its writer lock; a file that cannot be read (a mapped
 *     column missing, not a CSV) changes nothing;
 *   - idempotent: incidents are keyed by (force, reference) and carry a content digest; a stored
 *     incident read again unchanged is left as it is, a revised one replaces it (publishers revise
 *     dispositions between downloads), a new one is added. The same file twice changes nothing;
 *   - row-level rejects naming file, line, field and why, in the workspace's rejects report;
 *   - accounting: lines = imported + rejected + duplicates (identical repeats and collapsed unit
 *     rows), and imported = new + revised + unchanged;
 *   - coverage by month: incidents and days with data per month of the force, since partial
 *     months (a 22-day download) must not read as quiet months.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { WorkspacePaths } from '../../workspace/workspace.js';
import { readIncidents } from '../../demand/incidents/read-incidents.js';
import type { RejectedRow } from '../../demand/incidents/read-incidents.js';
import type { ResolvedMapping } from '../../demand/mapping/resolve-mapping.js';
import { readMissing } from '../../demand/missing/read-missing.js';
import type { Pseudonymiser } from '../../demand/missing/pseudonymiser.js';
import { readCatalog, type ImportRecord } from '../catalog.js';
import { openDuck, type Sql } from '../duckdb.js';
import { acquireWriterLock } from '../lock.js';
import { publish, removeOrphans } from '../import/commit.js';
import { newImportId } from '../import/manifest.js';
import { appendRejects } from '../import/rejects/report.js';
import { tableSelectList, writeMonths } from '../import/write.js';
import { sqlIdent, sqlString, sqlStringList } from '../sql.js';
import { partitionId } from '../tables.js';
import { demandCoverage, type MonthCoverage } from './coverage.js';
import { columnsOf, episodeRow, incidentRow, type DemandTable } from './rows.js';
import { usageError } from '../../errors.js';
import { planSqlIncidents, readIncidentsSql } from './sql-incidents.js';

export interface DemandImportOptions {
  readonly file: string;
  /** The name the file is reported under (default: the path given). */
  readonly displayName?: string;
  readonly mapping: ResolvedMapping;
  /** The force (or service) the data belong to, a lower-case slug. */
  readonly force: string;
  readonly user: string;
  readonly threads: number;
  readonly memoryLimit: string;
  /** Needed for missing-person episodes: the keyed hash of person references. */
  readonly pseudonymiser?: Pseudonymiser;
  /** Test hook: runs after the Parquet files are staged, before the catalog is replaced. */
  readonly beforeCommit?: () => void | Promise<void>;
}

export interface DemandImportSummary {
  readonly import_id: string;
  readonly table: DemandTable;
  readonly file: string;
  readonly sha256: string;
  readonly mapping: string;
  readonly force: string;
  readonly status: 'imported' | 'unchanged';
  /** Data lines in the file (the header not counted). */
  readonly lines: number;
  /** Incidents or episodes read (new + revised + unchanged). */
  readonly imported: number;
  readonly new: number;
  readonly revised: number;
  readonly unchanged: number;
  readonly rejected: number;
  /** Identical repeats skipped plus unit rows collapsed into their incident. */
  readonly duplicates: number;
  readonly unit_rows_collapsed: number;
  readonly rejects_sample: RejectedRow[];
  readonly rejects_report: string | null;
  readonly unmapped_codes: { lookup: string; code: string; rows: number }[];
  readonly ambiguous_local_times: number;
  readonly caveats: string[];
  /** `duckdb` (the fast path) or `javascript`, with why DuckDB declined the file. */
  readonly reader: string;
  /** The force's coverage after the import, month by month. */
  readonly coverage: MonthCoverage[];
}

const REJECTS_SAMPLE = 10;

export async function importDemandFile(ws: WorkspacePaths, options: DemandImportOptions): Promise<DemandImportSummary> {
  const startedAt = new Date().toISOString();
  const displayName = options.displayName ?? options.file;
  const { mapping } = options;
  const table: DemandTable = mapping.kind === 'incidents' ? 'incidents' : 'missing_episodes';
  // Read first: a file that cannot be read is refused before anything is locked or written. A
  // clean incident export is read by DuckDB (sql-incidents.ts), which checks its header here.
  const plan = mapping.kind === 'incidents' ? await planSqlIncidents(options.file, displayName, mapping.mapping) : null;
  let read: ReadRows | null = plan ? null : await readRows(options, displayName);
  const sha256 = await fileSha256(options.file);
  const lock = await acquireWriterLock(ws.lock);
  const id = newImportId();
  const staging = path.join(ws.staging, id);
  let sql: Sql | undefined;
  try {
    let catalog = await readCatalog(ws.catalog);
    await removeOrphans(catalog, ws.warehouse, ws.staging);
    await mkdir(staging, { recursive: true });
    sql = await openDuck({
      threads: options.threads,
      memoryLimit: options.memoryLimit,
      tempDirectory: path.join(staging, 'duck-tmp'),
    });
    const existingFiles = Object.values(catalog.partitions)
      .filter((p) => p.table === table)
      .map((p) => ({ month: p.month, file: path.join(ws.warehouse, p.file) }));
    let reader = 'javascript';
    if (plan && mapping.kind === 'incidents') {
      const fast = await readIncidentsSql(sql, plan, {
        file: options.file,
        displayName,
        mapping: mapping.mapping,
        force: options.force,
      });
      if ('declined' in fast) {
        reader = `javascript (${fast.declined})`;
        await sql.run('DROP TABLE IF EXISTS incoming');
      } else {
        reader = 'duckdb';
        read = {
          rows: null,
          lines: fast.lines,
          accepted: fast.accepted,
          rejects: [],
          duplicates: fast.duplicates,
          collapsed: 0,
          unmapped: fast.unmapped,
          ambiguous: fast.ambiguous,
          caveats: mapping.mapping.caveats,
        };
      }
    }
    read ??= await readRows(options, displayName);
    const counts = await stageIncoming(sql, table, read.rows, existingFiles, options.force);
    const changes =
      counts.new + counts.revised === 0
        ? null
        : await stageMonths(sql, table, existingFiles, options.force, path.join(staging, 'out'));
    let rejectsFile: string | null = null;
    if (read.rejects.length) {
      rejectsFile = path.join(ws.rejects, `${id}.csv`);
      await appendRejects(
        rejectsFile,
        read.rejects.map((r) => ({ file: r.file, line: r.line, column: r.field, reason: r.reason, structural: false })),
        true,
      );
    }
    const status = changes ? 'imported' : 'unchanged';
    const record: ImportRecord = {
      id,
      startedAt,
      finishedAt: new Date().toISOString(),
      state: 'finished',
      by: options.user,
      rejectsFile,
      files: [
        {
          source: displayName,
          sha256,
          kind: table,
          force: options.force,
          month: null,
          status,
          rows: read.accepted,
          rejected: read.rejects.length,
          partitions: changes ? changes.months.map((m) => partitionId(table, m.month)) : [],
        },
      ],
    };
    catalog = await publish(
      catalog,
      changes
        ? {
            months: changes.months,
            removeMonths: changes.removeMonths,
            sources: changes.forceMonths.map((m) => ({
              table,
              force: options.force,
              month: m.month,
              rows: m.rows,
              sourceSha256: sha256,
              source: displayName,
            })),
          }
        : { months: [], removeMonths: [], sources: [] },
      {
        warehouseDir: ws.warehouse,
        catalogFile: ws.catalog,
        importRecord: record,
        ...(options.beforeCommit ? { beforeCommit: options.beforeCommit } : {}),
      },
    );
    const coverage = await demandCoverage(
      sql,
      table,
      Object.values(catalog.partitions)
        .filter((p) => p.table === table)
        .map((p) => path.join(ws.warehouse, p.file)),
      options.force,
    );
    return {
      import_id: id,
      table,
      file: displayName,
      sha256,
      mapping: mapping.mapping.name,
      force: options.force,
      status,
      lines: read.lines,
      imported: read.accepted,
      ...counts,
      rejected: read.rejects.length,
      duplicates: read.duplicates + read.collapsed,
      unit_rows_collapsed: read.collapsed,
      rejects_sample: read.rejects.slice(0, REJECTS_SAMPLE),
      rejects_report: rejectsFile,
      unmapped_codes: read.unmapped,
      ambiguous_local_times: read.ambiguous,
      caveats: read.caveats,
      reader,
      coverage,
    };
  } finally {
    sql?.close();
    await rm(staging, { recursive: true, force: true });
    await lock.release();
  }
}

interface ReadRows {
  /** The rows as text, or null when they are already in the temporary table `incoming`. */
  readonly rows: (string | null)[][] | null;
  readonly lines: number;
  readonly accepted: number;
  readonly rejects: RejectedRow[];
  readonly duplicates: number;
  readonly collapsed: number;
  readonly unmapped: { lookup: string; code: string; rows: number }[];
  readonly ambiguous: number;
  readonly caveats: string[];
}

async function readRows(options: DemandImportOptions, displayName: string): Promise<ReadRows> {
  const source = path.basename(displayName);
  const m = options.mapping;
  if (m.kind === 'incidents') {
    const { incidents, report } = await readIncidents(options.file, m.mapping, displayName);
    return {
      rows: incidents.map((i) => incidentRow(options.force, source, i)),
      lines: report.rows,
      accepted: report.accepted,
      rejects: report.rejects,
      duplicates: report.duplicatesSkipped,
      collapsed: report.unitRowsCollapsed,
      unmapped: report.unmappedCodes,
      ambiguous: report.ambiguousLocalTimes,
      caveats: report.caveats,
    };
  }
  if (!options.pseudonymiser)
    throw usageError(
      'missing-person episodes need a pseudonymisation key: set STRA_PSEUDONYM_KEY (32 bytes or more, kept outside the workspace)',
    );
  const { episodes, report } = await readMissing(options.file, m.mapping, options.pseudonymiser, displayName);
  return {
    rows: episodes.map((e) => episodeRow(options.force, source, e)),
    lines: report.rows,
    accepted: report.accepted,
    rejects: report.rejects,
    duplicates: report.duplicatesSkipped,
    collapsed: 0,
    unmapped: report.unmappedCodes,
    ambiguous: report.ambiguousLocalTimes,
    caveats: report.caveats,
  };
}

async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const existingSql = (files: readonly { file: string }[], table: DemandTable) =>
  files.length
    ? `read_parquet(${sqlStringList(files.map((f) => f.file))})`
    : `(SELECT ${tableSelectList(table, Object.fromEntries(columnsOf(table).map((c) => [c, 'NULL'])))} LIMIT 0)`;

/**
 * Loads the rows read into `incoming` (typed), compares them with what the force already has,
 * and leaves in `changed` only the new and revised ones.
 */
async function stageIncoming(
  sql: Sql,
  table: DemandTable,
  rows: readonly (string | null)[][] | null,
  existingFiles: readonly { file: string }[],
  force: string,
): Promise<{ new: number; revised: number; unchanged: number }> {
  const columns = columnsOf(table);
  if (rows) {
    await sql.run(`CREATE TEMP TABLE incoming_text (${columns.map((c) => `${sqlIdent(c)} VARCHAR`).join(', ')})`);
    for (let i = 0; i < rows.length; i += 50_000) await sql.append('incoming_text', rows.slice(i, i + 50_000));
    await sql.run(
      `CREATE TEMP TABLE incoming AS SELECT ${tableSelectList(
        table,
        Object.fromEntries(columns.map((c) => [c, sqlIdent(c)])),
      )} FROM incoming_text`,
    );
  }
  const [{ n }] = (await sql.all<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM incoming`)) as [{ n: number }];
  await sql.run(
    `CREATE TEMP TABLE stored AS SELECT id, month, row_hash FROM ${existingSql(existingFiles, table)} WHERE force = ${sqlString(force)}`,
  );
  await sql.run(
    `CREATE TEMP TABLE changed AS SELECT i.*, s.month AS stored_month, s.id IS NULL AS is_new FROM incoming i LEFT JOIN stored s USING (id) WHERE s.id IS NULL OR s.row_hash <> i.row_hash`,
  );
  const [c] = await sql.all<{ fresh: number; revised: number }>(
    `SELECT count(*) FILTER (WHERE is_new)::BIGINT AS fresh, count(*) FILTER (WHERE NOT is_new)::BIGINT AS revised FROM changed`,
  );
  return { new: c!.fresh, revised: c!.revised, unchanged: n - c!.fresh - c!.revised };
}

/** The months the changes touch, rewritten whole (every force's rows), staged as Parquet. */
async function stageMonths(
  sql: Sql,
  table: DemandTable,
  existingFiles: readonly { month: string; file: string }[],
  force: string,
  dir: string,
) {
  const touched = await sql.all<{ month: string }>(
    `SELECT DISTINCT strftime(m, '%Y-%m') AS month FROM (SELECT month AS m FROM changed UNION SELECT stored_month FROM changed WHERE stored_month IS NOT NULL)`,
  );
  const months = new Set(touched.map((t) => t.month));
  const files = existingFiles.filter((f) => months.has(f.month));
  const list = columnsOf(table)
    .map((c) => sqlIdent(c))
    .join(', ');
  const query =
    `SELECT ${list} FROM ${existingSql(files, table)} e WHERE NOT (e.force = ${sqlString(force)} AND e.id IN (SELECT id FROM changed)) ` +
    `UNION ALL SELECT ${list} FROM changed ORDER BY force, month, id`;
  const staged = await writeMonths(sql, table, query, dir);
  const written = new Set(staged.map((s) => s.month));
  const forceMonths = await sql.all<{ month: string; rows: number }>(
    `SELECT strftime(month, '%Y-%m') AS month, count(*)::BIGINT AS rows FROM (${query}) WHERE force = ${sqlString(force)} GROUP BY 1 ORDER BY 1`,
  );
  return {
    months: staged,
    removeMonths: [...months].filter((m) => !written.has(m)).map((m) => partitionId(table, m)),
    forceMonths,
  };
}
